"""The figures in words, for the people who type them in and write
sentences with them (Qt-free): which figures a template may use (the figure
picker of the Report screen), what a placeholder in a sentence means, which
typed-in figures a location's template asks for (the Jaarcijfers chooser),
and whether a typed-in figure's key is one the report can use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vwdesk.report.checks import suggest_key
from vwdesk.report.filling import all_refs
from vwdesk.report.registry import (
    OWN_KEY,
    concrete_keys,
    find_definition,
    is_known_key,
    is_typed,
    programme_of,
    spec_of,
    split_prefix,
)


@dataclass(frozen=True)
class FigureWord:
    """A figure as a person picks it: its key (what a template writes), the
    Dutch definition, and the report section it belongs to."""

    key: str
    definition: str
    section: str


def figure_choices(programmes: list[str]) -> list[FigureWord]:
    """Every figure a sentence can show, by section, with its definition."""
    out = []
    for key in concrete_keys(programmes):
        found = find_definition(key)
        if found is not None:
            out.append(FigureWord(key, found.definition, found.section))
    return sorted(out, key=lambda w: (w.section, w.key))


def in_words(key: str, params: dict[str, str] | None = None) -> str:
    """A figure's key as a person reads it: its Dutch definition (the key
    itself when the report does not know it), with its parameters
    ("… (gemeente Schiedam)")."""
    found = find_definition(key)
    return (found.definition.rstrip(".") if found else key) + _params_in_words(params)


def _params_in_words(params: dict[str, str] | None) -> str:
    return " (" + ", ".join(f"{k} {v}" for k, v in params.items()) + ")" if params else ""


def placeholder_meanings(text: str) -> list[FigureWord]:
    """What each figure in a sentence means, in the order it is written."""
    out, seen = [], set()
    for ref in all_refs(text):
        found = find_definition(ref.key)
        label = ref.request.label() if ref.request else "{" + ref.key + "}"
        if found is not None and label not in seen:
            seen.add(label)
            out.append(FigureWord(label, found.definition, found.section))
    return out


def typed_figures_used(template: dict[str, Any], texts: dict[str, str]) -> list[FigureWord]:
    """The typed-in figures (targets, taakstelling, official counts, the
    location's own) that the template's sentences and prose use — what the
    Jaarcijfers chooser offers first."""
    sources = [template.get("title", "")]
    for section in template["sections"]:
        for item in section.get("items", []):
            if item.get("kind") in ("sentence", "bullet"):
                sources.append(item.get("text", ""))
            elif item.get("kind") == "prose":
                sources.append(texts.get(item["text"], "") or item.get("default", ""))
    out: dict[str, FigureWord] = {}
    for text in sources:
        for ref in all_refs(text):
            for key in _typed_behind(ref.key):
                if key not in out:
                    found = find_definition(key)
                    out[key] = FigureWord(key, found.definition if found else OWN_KEY,
                                          found.section if found else "eigen")
    return sorted(out.values(), key=lambda w: (w.section, w.key))


def _typed_behind(key: str) -> list[str]:
    """The typed-in figures a figure shows or is made from: itself, the
    target of `gehaald.*`, what a derived figure needs (the saldo's
    taakstelling)."""
    prefix, inner = split_prefix(key)
    if prefix == "gehaald.":
        return ["doel." + inner]
    if is_typed(key):
        return [key]
    spec = spec_of(inner)
    if spec is None or spec.derive is None:
        return []
    return [k for need in spec.needs for k in _typed_behind(need)]


def year_figure_key_problem(key: str, mode: str | None) -> str | None:
    """Why a typed-in year figure's key cannot be used by the report (with
    the closest known key), or None. A figure vwdesk computes can only be
    typed in to replace it (`vervangt`) or to stand beside it (`naast`); a
    key of the location's own is written `eigen.<name>`."""
    key = (key or "").strip()
    if not key:
        return None
    if not is_known_key(key):
        close = suggest_key(key)
        hint = f" Bedoelde u \"{close}\"?" if close else ""
        own = "_".join(re.findall(r"\w+", key.rsplit(".", 1)[-1].lower())) or "naam"
        return (f"\"{key}\" is geen cijfer dat het jaarverslag kent.{hint} Een eigen cijfer "
                f"van de locatie schrijft u als eigen.{own}.")
    if (mode or "invoer") == "invoer" and not is_typed(key):
        return (f"\"{key}\" berekent vwdesk zelf uit de registraties; kies bij soort "
                "\"vervangt\" om het te vervangen of \"naast\" voor een officieel cijfer "
                "ernaast.")
    return None


@dataclass(frozen=True)
class Piece:
    """A piece of a sentence as a teamleader reads it: literal `text`, or a
    placeholder (`code` as written) named in words."""

    text: str
    code: str | None = None


_WORD_CHOICE = "woorden naar het cijfer"
_OTHER_YEAR = ("vorig.", "volgend.")
_CONDITION = re.compile(r"^\s*(<=|>=|<|>|=)\s*-?\d")
_SPECIAL = {"jaar": "het jaar", "vorig_jaar": "het vorige jaar", "locatie": "de locatie"}


def sentence_in_words(text: str) -> list[Piece]:
    """`text` with each placeholder named in Dutch words instead of its code
    (`{spreekuur.contacten}` → "contacten van soort spreekuur in het jaar";
    `{spreekuur.contacten|bezoeker|bezoekers}` → "bezoeker/bezoekers"). A
    text that cannot be read is one piece, as written."""
    from vwdesk.report.placeholders import Unreadable, parse, segments

    try:
        parts = segments(text)
    except Unreadable:
        return [Piece(text)]
    out = []
    for part in parts:
        if not part.inner:
            out.append(Piece(part.text))
            continue
        code = "{" + part.text + "}"
        try:
            out.append(Piece(_placeholder_words(parse(part.text)), code))
        except Unreadable:
            out.append(Piece(code, code))
    return out


def _placeholder_words(ph: Any) -> str:
    if ph.rest is not None:  # words chosen by the value: the words themselves
        words = [" ".join(b.partition(":")[2].split()) if _CONDITION.match(b)
                 else " ".join(b.split()) for b in ph.branches()]
        words = [w for w in words if w]
        return "/".join(words) if words and not any("{" in w for w in words) \
            else _WORD_CHOICE
    names = []
    for term in ph.terms:
        if isinstance(term, str):
            names.append(term)  # an operator
        elif isinstance(term, int | float):
            names.append(str(term).replace(".", ","))
        else:
            names.append(_ref_words(term))
    return " ".join(names)


def _ref_words(ref: Any) -> str:
    year, _, key = ref.key.partition(".") if ref.key.startswith(_OTHER_YEAR) else ("", "", ref.key)
    prefix, inner = split_prefix(key)
    if inner in _SPECIAL:
        name = _SPECIAL[inner]
    else:
        found = find_definition(inner)
        name = _short(found.definition) if found else inner
        if programme_of(inner):
            name += f" (programma {programme_of(inner)})"
    if prefix:
        name = f"{prefix.rstrip('.')}: {name}"
    if year:
        name += f" ({year} jaar)"
    return name + _params_in_words(ref.params)


def _short(definition: str) -> str:
    """A definition's first clause, as a name within a sentence."""
    name = definition.split(" (")[0].split(", ")[0].split(": ")[0].rstrip(".").strip()
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
