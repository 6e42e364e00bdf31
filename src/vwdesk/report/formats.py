"""How a value is written in a sentence: the formats after `:` in a placeholder.

Numbers: `:abs` (without sign), `:woord` (in Dutch words, "min" before a
negative one), `:decimalen=N` (N decimals), `:zonder_punt` (no thousands
separator), `:procent` (a quotient or a ranked list in percent). Lists:
`:land`, `:inwoners` (the default) or `:bijvoeglijk` to name nationalities
by country ("Syrië (12)"), plural demonym (singular at 1) or adjective; `:komma` joins with
commas only; `:haakjes` / `:zonder_haakjes` write "Syriërs (38)" or "38
Syriërs". Number formats apply to a list's counts too. Several combine:
`{huisvesting.saldo:abs:woord}`. A negative number has a real minus sign
(−8), never a bare hyphen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vwdesk.report.dutch import WORD_LIMIT, format_number, join_dutch, number_word, ranked_text
from vwdesk.report.groups import Groups, label

NUMBER_FORMATS = ("abs", "woord", "decimalen", "zonder_punt")
LIST_FORMATS = ("land", "inwoners", "bijvoeglijk", "komma", "haakjes", "zonder_haakjes")
FORMATS = (*NUMBER_FORMATS, "procent", *LIST_FORMATS)
LABEL_FORMATS = ("land", "inwoners", "bijvoeglijk")


@dataclass(frozen=True)
class Style:
    """The formats of one placeholder, read."""

    absolute: bool = False
    words: bool = False
    decimals: int | None = None
    thousands: bool = True
    percent: bool = False
    labels: str | None = None  # land / inwoners / bijvoeglijk
    commas: bool = False
    brackets: bool | None = None  # None: as the list is cut (top=, vanaf=, procent)


def style_of(formats: tuple[str, ...]) -> Style:
    names = {f.partition("=")[0]: f.partition("=")[2] for f in formats}
    labels = next((f for f in LABEL_FORMATS if f in names), None)
    brackets = True if "haakjes" in names else False if "zonder_haakjes" in names else None
    return Style(absolute="abs" in names, words="woord" in names,
                 decimals=int(names["decimalen"]) if names.get("decimalen", "").isdigit() else None,
                 thousands="zonder_punt" not in names, percent="procent" in names,
                 labels=labels, commas="komma" in names, brackets=brackets)


def number_text(value: int | float, style: Style) -> str:
    if style.absolute:
        value = abs(value)
    if style.words and float(value).is_integer() and abs(value) <= WORD_LIMIT:
        word = number_word(int(abs(value)))
        return f"min {word}" if value < 0 else word
    return format_number(value, decimals=style.decimals, thousands=style.thousands)


def percent_text(share: float, style: Style) -> str:
    """A share (0.43) in percent: "43%"; with `decimalen=` more precise."""
    return number_text(round(100 * share, style.decimals or 0), style) + "%"


def groups_text(groups: Groups, style: Style) -> str:
    """A ranked list in Dutch: "38 Syriërs en 16 Eritreeërs", cut to its first
    places "Syriërs (38) en Eritreeërs (16)", in percent, or with a nested
    split "Syriërs (12, waarvan 5 kinderen)"."""
    total = sum(groups.counts()) if style.percent and groups.total is None else groups.total
    items = groups.ordered(style.labels) if style.labels else groups

    def part(item: list[Any]) -> str:
        if groups.part is None or len(item) < 3 or not item[2]:
            return ""
        one, many = groups.part
        return f"waarvan {number_text(item[2], style)} {one if item[2] == 1 else many}"

    def count(n: int) -> str:
        return percent_text(n / total, style) if total else number_text(n, style)

    joiner = ", " if style.commas else None
    # Country names take their count in brackets ("Syrië (12)", never "12 Syrië").
    bracketed = style.brackets if style.brackets is not None else bool(
        groups.ranked or total or style.labels == "land")
    if bracketed:
        return ranked_text([[label(groups, k, style.labels), n] for k, n, *_ in items],
                           shown=count, extra=[part(item) for item in items], joiner=joiner)
    pieces = [f"{count(n)} {label(groups, k, style.labels, count=n)}"
              + (f" ({p})" if (p := part([k, n, *rest])) else "") for k, n, *rest in items]
    return joiner.join(pieces) if joiner else join_dutch(pieces)


def value_text(value: Any, style: Style = Style()) -> str:
    """Any figure value as text in `style`."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return percent_text(value, style) if style.percent else number_text(value, style)
    if isinstance(value, Groups):
        return groups_text(value, style)
    if isinstance(value, list):  # a series, e.g. per month
        return ", ".join(number_text(v, style) for v in value)
    return str(value)
