"""Filling in report texts: the value of each placeholder, written the way
its formats ask, the words its value chooses, and a sentence left out when
one of its figures is unknown.

A value written at the start of a sentence begins with a capital ("Twee
medewerkers ..."). Arithmetic is done on the values as the report shows
them (overrides included); a division by zero, like an unknown figure,
leaves the sentence out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vwdesk.report.figures import Figures, Value
from vwdesk.report.formats import percent_text, style_of, value_text
from vwdesk.report.groups import Groups, first_places
from vwdesk.report.params import Request
from vwdesk.report.placeholders import Placeholder, Ref, Unreadable, choose, parse, segments
from vwdesk.report.registry import REGISTRY, SPECIAL_KEYS, find_definition, split_prefix


class _Unknown(Exception):
    """A placeholder's figure has no value."""


def format_value(value: Value) -> str:
    """A figure's value as the report writes it by default."""
    return value_text(value)


def ref_value(ref: Ref, figures: Figures, formats: tuple[str, ...] = ()) -> Value:
    """The value of one figure in a placeholder: plain or filtered, this year,
    the year before (`jaar=vorig`) or after (`jaar=volgend`), a ranked list cut
    to its places (`top=`, `vanaf=`) with its nested split (`waarvan=`)."""
    source: Figures | None = {"vorig": figures.previous, "volgend": figures.next}.get(
        ref.params.get("jaar"), figures)
    if source is None:
        return None
    request = ref.request
    value = source.extra.get(request) if request else source.get(ref.key)
    if isinstance(value, Groups) and value:
        total = sum(value.counts()) if "procent" in formats else None
        if ref.params.get("top") or ref.params.get("vanaf"):
            value = first_places(value, int(ref.params.get("top") or len(value)),
                                 int(ref.params.get("vanaf") or 1))
        if total is not None:
            value = value.like(list(value), total=total)
        if ref.params.get("waarvan"):
            value = value.like(list(value), part=REGISTRY[ref.params["waarvan"]].noun)
    return value


_OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "/": lambda a, b: a / b if b else None}


def value_of(ph: Placeholder, figures: Figures) -> Value:
    """The value a placeholder stands for: one figure, or the result of its
    arithmetic (None when a figure in it is unknown or not a number)."""
    if not ph.is_expression:
        return ref_value(ph.terms[0], figures, ph.formats)
    numbers: list[Any] = []
    for term in ph.terms:
        if isinstance(term, Ref):
            term = ref_value(term, figures)
            if not isinstance(term, int | float) or isinstance(term, bool):
                return None
        numbers.append(term)
    # * and / before + and -
    sums: list[Any] = [numbers[0]]
    for op, number in zip(numbers[1::2], numbers[2::2], strict=True):
        if op in "*/":
            sums[-1] = _OPS[op](sums[-1], number)
            if sums[-1] is None:
                return None
        else:
            sums += [op, number]
    result = sums[0]
    for op, number in zip(sums[1::2], sums[2::2], strict=True):
        result = _OPS[op](result, number)
    return round(result, 6) if isinstance(result, float) else result


def _text(ph: Placeholder, figures: Figures, at_start: bool = False) -> str:
    """The text of one placeholder; `at_start`: it begins a sentence (a value
    at the start of the words it chooses then gets a capital)."""
    value = value_of(ph, figures)
    if value is None or value == []:
        raise _Unknown(ph.text)
    if ph.op == "|":
        one, many = (ph.branches() + [""])[:2]
        count = len(value) if isinstance(value, list) else value
        if ph.has_format("abs") and isinstance(count, int | float):
            count = abs(count)
        words = one if isinstance(count, int | float) and count == 1 else many
        return _fill(words, figures, capitals=True, at_start=at_start)
    if ph.op == "?":
        if not isinstance(value, int | float):
            return _fill(ph.branches()[0], figures, capitals=True, at_start=at_start)
        if ph.has_format("abs"):
            value = abs(value)
        return _fill(choose(value, ph.branches()), figures, capitals=True, at_start=at_start)
    if ph.refs and ph.refs[0].key in SPECIAL_KEYS and not ph.formats:
        return str(value)  # a year is written without a thousands separator
    style = style_of(ph.formats)
    if style.percent and isinstance(value, int | float):
        return percent_text(value, style)
    return value_text(value, style)


def _capital(text: str) -> str:
    """The first letter a capital; "één" becomes "Eén" (as the seeds write it)."""
    return "Eén" + text[3:] if text.startswith("één") else text[0].upper() + text[1:]


def _sentence_start(done: str) -> bool:
    before = done.rstrip()
    return not before or before[-1] in ".!?\n" or done.endswith("\n")


def _fill(text: str, figures: Figures, *, unknown: str | None = None,
          capitals: bool = False, at_start: bool = True) -> str:
    """`text` filled in; an unknown figure raises, or with `unknown` stands
    as that. `capitals`: a value at the start of a sentence (the text's own
    start too when `at_start`) gets a capital; the words a teamleader wrote
    are left as written."""
    out: list[str] = []
    for seg in segments(text):
        done = "".join(out)
        start = capitals and (_sentence_start(done) if done.strip() else at_start)
        if not seg.inner:
            out.append(seg.text)
            continue
        try:
            ph = parse(seg.text)
            piece = _text(ph, figures, start)
        except (_Unknown, Unreadable):
            if unknown is None:
                raise
            ph, piece = None, unknown
        if start and ph is not None and not ph.op and piece[:1].islower():
            piece = _capital(piece)
        out.append(piece)
    return "".join(out)


def fill(text: str, figures: Figures, *, unknown: str | None = None,
         capitals: bool = True) -> str | None:
    """`text` with its placeholders filled in. An unknown figure gives None, or
    `unknown` in its place when that is given (prose). `capitals`: a value
    at the start of a sentence begins with a capital (not in a bullet)."""
    try:
        return _fill(text, figures, unknown=unknown, capitals=capitals)
    except (_Unknown, Unreadable):
        return None if unknown is None else text


def top_placeholders(text: str) -> list[Placeholder]:
    """The readable placeholders of `text` that show a figure, in order
    (not the ones in the words after | or ?)."""
    out = []
    try:
        pieces = segments(text)
    except Unreadable:
        return out
    for seg in pieces:
        if seg.inner:
            try:
                ph = parse(seg.text)
            except Unreadable:
                continue
            if any(find_definition(r.key) for r in ph.refs):
                out.append(ph)
    return out


def all_refs(text: str) -> list[Ref]:
    """Every figure `text` names, in expressions and in the words after | or ?."""
    out: list[Ref] = []
    for ph in top_placeholders(text):
        out += ph.refs
        for branch in ph.branches() if ph.op else []:
            out += all_refs(branch)
    return out


def render_sentence(item: dict[str, Any], figures: Figures) -> str | None:
    """A sentence or bullet filled in, or None when it is left out."""
    text = item.get("text", "")
    if not text.strip():  # a sentence not written yet
        return None
    found = top_placeholders(text)
    if item.get("hide_zero") and found and value_of(found[0], figures) == 0:
        return None
    out = fill(text, figures, capitals=item.get("kind") != "bullet")
    if out is None:
        return None
    if item.get("compare") and found and figures.previous is not None:
        first = found[0]
        terms = tuple(Ref(t.key, {**t.params, "jaar": "vorig"}) if isinstance(t, Ref) else t
                      for t in first.terms)
        before = value_of(Placeholder(terms, (), None, None, first.text), figures)
        if isinstance(before, int | float):
            out += f" ({figures.year - 1}: {value_text(before)})"
    return out


@dataclass(frozen=True)
class TypedMark:
    """A figure in a sentence that was typed in rather than registered:
    `kind` "vervangt" (replaces the computed value) or "naast" (an official
    figure beside it)."""

    label: str  # the placeholder, e.g. {huisvesting.personen gemeente=Schiedam}
    kind: str
    value: Value
    computed: Value
    note: str | None


def typed_marks(text: str, figures: Figures) -> list[TypedMark]:
    """The overridden and official figures a sentence shows (for marking them
    in the app)."""
    out: list[TypedMark] = []
    for ref in all_refs(text):
        source = figures.previous if ref.params.get("jaar") == "vorig" else figures
        if source is None:
            continue
        request = ref.request
        label = request.label() if request else "{" + ref.key + "}"
        prefix, base = split_prefix(ref.key)
        if prefix == "officieel.":
            official = source.official.get(base) if request is None else None
            value = official.value if official else source.extra.get(request) if request else None
            if value is not None:
                computed = source.get(base) if request is None else \
                    source.extra.get(Request(base, request.filters))
                out.append(TypedMark(label, "naast", value, computed,
                                     official.note if official else None))
            continue
        override = (source.extra_overrides.get(request) if request
                    else source.overrides.get(ref.key))
        if override is not None:
            out.append(TypedMark(label, "vervangt", override.value, override.computed,
                                 override.note))
    return out


def shows_data(text: str, figures: Figures) -> bool:
    """Whether a sentence has a figure that is not zero or empty."""
    for ref in all_refs(text):
        value = ref_value(ref, figures)
        if isinstance(value, int | float | str | list) and value not in (0, "", []):
            return True
    return False
