"""The report template: which sections a location shows, in which order, and
the wording of every figure sentence; and filling it in with the figures.

Format (JSON-serialisable, stored in `Location.report_template`)::

    {"version": 1,
     "title": "{locatie}: {jaar} in cijfers",
     "sections": [
       {"key": "spreekuur", "title": "Spreekuur/infopunt", "enabled": true,
        "items": [
          {"id": "spreekuur.tekst", "kind": "prose", "text": "spreekuur"},
          {"id": "spreekuur.bezoekers", "kind": "bullet", "enabled": true,
           "text": "{spreekuur.contacten} bezoekers aan onze spreekuren",
           "compare": true},
          {"id": "spreekuur.top", "kind": "sentence", "new_paragraph": true,
           "text": "De meeste vragen gaan over {spreekuur.top_onderwerp}."},
          {"id": "spreekuur.grafiek_maand", "kind": "chart", "chart": "contacten_per_maand"}]}]}

Item kinds: `prose` (the teamleader's text for this year: the `ReportText`
whose section is `text`; placeholders filled in), `sentence` (joins the
paragraph before it unless `new_paragraph`), `bullet`, and `chart` (one of
`vwdesk.report.charts.CHARTS`). Every item may be switched off
(`"enabled": false`); so may a section.

Placeholders in sentences and prose (`vwdesk.report.placeholders`; the
language for teamleaders: docs/templates.md): `{key}` the value of a figure
(or `jaar`, `vorig_jaar`, `locatie`); `{key name=value ...}` with parameters
(which a figure takes: `vwdesk.report.registry`); arithmetic between figures
`{a - b}`, `{a / b:procent}`; formats after `:` (`vwdesk.report.formats`);
`{key|enkelvoud|meervoud}`; `{key?positief|negatief|nul}` or words by size
`{key?<0:...|...}`, whose words may hold placeholders themselves.
A prose item may carry a `default` text, shown when nothing was written for
the year. The file form of a template (TOML) is in `template_file`; the standard
template in `standard`.
A sentence is left out when one of its figures is unknown, or, with
`"hide_zero": true`, when its first figure is 0. `"compare": true` appends the
previous year's value of its first figure, e.g. "552 bezoekers aan onze
spreekuren (2017: 316)" - a parenthetical after the sentence, so the wording
itself stays as written. A section without prose and without any shown
sentence or chart is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vwdesk.report.checks import TEMPLATE_VERSION, check_template, check_text
from vwdesk.report.figures import Figures
from vwdesk.report.filling import (
    TypedMark,
    all_refs,
    fill,
    format_value,
    render_sentence,
    shows_data,
    top_placeholders,
    typed_marks,
)
from vwdesk.report.params import Request
from vwdesk.report.placeholders import PLACEHOLDER, Placeholder
from vwdesk.report.standard import default_item, default_template, template_of

# What the Report screen, the template file and the demo use (checking and
# filling live in `checks` and `filling`, the standard template in `standard`).
__all__ = ["PLACEHOLDER", "TEMPLATE_VERSION", "Block", "RenderedReport", "RenderedSection",
           "TypedMark", "chart_item", "check_template", "check_text", "compare_keys",
           "default_item", "default_template", "fill", "format_value", "placeholders_in",
           "prose_blocks", "prose_item", "render", "render_sentence", "requests_in",
           "template_of", "typed_marks"]


# ---------------------------------------------------------------- template items

def prose_item(text_key: str) -> dict[str, Any]:
    return {"id": f"{text_key}.tekst", "kind": "prose", "text": text_key, "enabled": True}


def chart_item(id_: str, chart: str) -> dict[str, Any]:
    return {"id": id_, "kind": "chart", "chart": chart, "enabled": True}


def placeholders_in(text: str) -> list[Placeholder]:
    """Every figure `text` names, each as a placeholder of its own (a figure
    in arithmetic or in the words after | or ? too): what the text needs
    computed (`.request`)."""
    return [Placeholder((ref,), (), None, None, "") for ref in all_refs(text)]


def _texts_of(template: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """(item, text) of every sentence and bullet that is switched on."""
    out = []
    for section in template["sections"]:
        if not section.get("enabled", True):
            continue
        out.append(({}, section.get("title", "")))
        for item in section.get("items", []):
            if item.get("enabled", True) and item.get("kind") in ("sentence", "bullet"):
                out.append((item, item.get("text", "")))
            elif item.get("enabled", True) and item.get("kind") == "prose":
                out.append(({}, item.get("default", "")))
    out.append(({}, template.get("title", "")))
    return out


def compare_keys(template: dict[str, Any], texts: dict[str, str] | None = None) -> set[str]:
    """The plain figures whose previous-year value the template shows (the
    figures of the first placeholder of a sentence with `compare`, and every
    `jaar=vorig`)."""
    out = set()
    sources = _texts_of(template) + [({}, t) for t in (texts or {}).values()]
    for item, text in sources:
        found = top_placeholders(text)
        if item.get("compare") and found:
            out.update(r.key for r in found[0].refs)
        out.update(r.key for r in all_refs(text) if r.params.get("jaar") == "vorig")
    return {k[len("officieel."):] if k.startswith("officieel.") else k for k in out}


def requests_in(template: dict[str, Any], texts: dict[str, str] | None = None) -> set[Request]:
    """The filtered figures the template and prose ask for."""
    sources = _texts_of(template) + [({}, t) for t in (texts or {}).values()]
    return {r.request for _, text in sources for r in all_refs(text) if r.request is not None}


@dataclass
class Block:
    kind: str  # para / bullets / chart
    text: str = ""
    items: list[str] = field(default_factory=list)
    chart: str = ""


@dataclass
class RenderedSection:
    key: str
    title: str
    blocks: list[Block]


@dataclass
class RenderedReport:
    title: str
    location: str
    year: int
    sections: list[RenderedSection]

    def plain_text(self) -> str:
        """The report as text (the preview without QtPdf, tests)."""
        lines = [self.title, ""]
        for sec in self.sections:
            if sec.title:
                lines += [sec.title, ""]
            for block in sec.blocks:
                if block.kind == "para":
                    lines += [block.text, ""]
                elif block.kind == "bullets":
                    lines += [f" • {b}" for b in block.items] + [""]
                else:
                    lines += [f"[grafiek: {block.chart}]", ""]
        return "\n".join(lines)


def prose_blocks(text: str) -> list[Block]:
    """Prose as paragraphs; lines starting with •, - or * become bullets."""
    blocks: list[Block] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        bullet = re.match(r"^[•*\-–]\s+(.*)$", line)
        if bullet:
            if blocks and blocks[-1].kind == "bullets":
                blocks[-1].items.append(bullet.group(1))
            else:
                blocks.append(Block("bullets", items=[bullet.group(1)]))
        else:
            blocks.append(Block("para", text=line))
    return blocks


def render(template: dict[str, Any], figures: Figures, texts: dict[str, str],
           chart_available=None) -> RenderedReport:
    """Fill in the template: the blocks of every section that is switched on and
    has something to show. `chart_available(name, figures)` says whether a
    chart has data (default: always)."""
    sections = []
    for section in template["sections"]:
        if not section.get("enabled", True):
            continue
        blocks: list[Block] = []
        shown = False
        joinable = False  # may the next sentence join the last paragraph?
        for item in section.get("items", []):
            if not item.get("enabled", True):
                continue
            kind = item["kind"]
            if kind == "prose":
                text = texts.get(item["text"], "") or item.get("default", "")
                text = fill(text, figures, unknown="—") or ""
                new = prose_blocks(text)
                blocks += new
                shown = shown or bool(new)
                joinable = False
            elif kind == "chart":
                if chart_available is None or chart_available(item["chart"], figures):
                    blocks.append(Block("chart", chart=item["chart"]))
                    shown = True
                joinable = False
            else:
                out = render_sentence(item, figures)
                if out is None:
                    continue
                shown = shown or shows_data(item.get("text", ""), figures)
                if kind == "bullet":
                    if blocks and blocks[-1].kind == "bullets" and joinable == "bullets":
                        blocks[-1].items.append(out)
                    else:
                        blocks.append(Block("bullets", items=[out]))
                    joinable = "bullets"
                elif joinable == "para" and not item.get("new_paragraph"):
                    blocks[-1].text += " " + out
                else:
                    blocks.append(Block("para", text=out))
                    joinable = "para"
        if shown:
            title = fill(section.get("title", ""), figures, unknown="") or ""
            sections.append(RenderedSection(section["key"], title, blocks))
    title = fill(template.get("title") or "{locatie}: {jaar} in cijfers", figures, unknown="") or ""
    return RenderedReport(title, figures.location_name, figures.year, sections)
