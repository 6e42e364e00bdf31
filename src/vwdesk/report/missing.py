"""Which typed-in figures a report is missing: a sentence whose figure was
not typed in for the year is left out of the report, so the Report screen
and `vwdesk report` say which figures of which year are missing and where
the template uses them.

Some typed-in figures belong to what only some locations run: a coupling
programme, or a section whose figures are all typed in (Taalcentrum,
Computerlessen, Inburgering). Such a figure is said to be missing only at a
location that keeps it — one that typed in a figure of it in some year, or
registered a coupling of the programme (`kept_by`); the standard template
asks for all of them, and a new location runs none yet.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from vwdesk.report.figures import Figures
from vwdesk.report.filling import all_refs, ref_value
from vwdesk.report.placeholders import Ref
from vwdesk.report.registry import SPECS, is_typed, programme_of, spec_of, split_prefix


@dataclass
class MissingFigure:
    """A typed-in figure the report needs for `year` but has not got:
    `label` the placeholder ("{huisvesting.taakstelling gemeente=Aakerk}"),
    `used_in` the template items (or prose sections) that ask for it."""

    label: str
    year: int
    used_in: list[str] = field(default_factory=list)
    ref: Ref | None = None  # the figure and its parameters (without jaar=)

    def sentence(self) -> str:
        return f"{self.year}: {self.label} (gebruikt in {', '.join(self.used_in)})"


def _texts(template: dict[str, Any], texts: dict[str, str]) -> list[tuple[str, str]]:
    """(where, text) of everything the report shows that is switched on."""
    out = [("titel", template.get("title", ""))]
    for section in template["sections"]:
        if not section.get("enabled", True):
            continue
        out.append((section["key"], section.get("title", "")))
        for item in section.get("items", []):
            if not item.get("enabled", True):
                continue
            if item["kind"] in ("sentence", "bullet"):
                out.append((item["id"], item.get("text", "")))
            elif item["kind"] == "prose":
                out.append((item["id"], texts.get(item["text"]) or item.get("default", "")))
    return out


def _typed_needs(ref: Ref) -> list[Ref]:
    """The typed-in figures a figure rests on: itself, or what a derived
    figure needs (the taakstelling of the saldo, the target of gehaald.*)."""
    prefix, inner = split_prefix(ref.key)
    if is_typed(ref.key):
        return [ref]
    if prefix == "gehaald.":
        return [Ref("doel." + inner, ref.params), *_typed_needs(Ref(inner, ref.params))]
    spec = spec_of(inner)
    if spec is not None and spec.derive:
        return [need for key in spec.needs if is_typed(key) and not key.startswith("officieel.")
                for need in _typed_needs(Ref(key, ref.params))]
    return []


def kept_by(key: str) -> str | None:
    """What a typed-in figure belongs to when only some locations keep it:
    its coupling programme (`doel.koppelingen.wegwijs.gestart` →
    "koppelingen.wegwijs") or a section whose figures are all typed in
    ("taalcentrum"); None for a figure of every location (the taakstelling,
    the target of a figure vwdesk computes, an `eigen.` one)."""
    _, inner = split_prefix(key)
    programme = programme_of(inner)
    if programme is not None:
        return f"koppelingen.{programme}"
    spec = spec_of(inner)
    if spec is None or spec.section not in _TYPED_SECTIONS:
        return None
    return spec.section


_TYPED_SECTIONS = frozenset(
    {s.section for s in SPECS} - {s.section for s in SPECS if s.source != "invoer"})


def missing_figures(template: dict[str, Any], texts: dict[str, str],
                    figures: Figures, kept: Collection[str] | None = None) -> list[MissingFigure]:
    """The typed-in figures (with their year) that sentences and prose shown by
    `template` need and `figures` lacks, in the order the report uses them.
    With `kept` (what the location keeps, see `kept_by`), only the figures
    of what it keeps and of every location."""
    found: dict[tuple[str, int], MissingFigure] = {}
    offset = {"vorig": -1, "volgend": 1}
    for where, text in _texts(template, texts):
        for ref in all_refs(text):
            if ref_value(ref, figures) is not None:
                continue
            for need in _typed_needs(ref):
                if ref_value(need, figures) is not None:
                    continue
                if kept is not None and kept_by(need.key) not in (None, *kept):
                    continue
                year = figures.year + offset.get(need.params.get("jaar", ""), 0)
                params = {k: v for k, v in need.params.items() if k != "jaar"}
                label = Ref(need.key, params).request
                label_text = label.label() if label else "{" + need.key + "}"
                entry = found.setdefault((label_text, year), MissingFigure(
                    label_text, year, ref=Ref(need.key, params)))
                if where not in entry.used_in:
                    entry.used_in.append(where)
    return list(found.values())
