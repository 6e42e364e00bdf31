"""Dutch wording of numbers and lists in report sentences: number words
("tien", "eenentwintig", "tweehonderd"), numbers with a thousands dot, "a, b
en c", and ranked lists with counts or percentages and ties
("Syriërs en Eritreeërs (beide 28) en Somaliërs (5)")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_UNITS = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
          "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
          "negentien")
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
         "negentig")
WORD_LIMIT = 9999  # above this a number stays in digits


def number_word(n: int) -> str:
    """`n` (0..9999) as a Dutch word: 1 "één", 21 "eenentwintig", 22
    "tweeëntwintig", 100 "honderd", 1200 "duizendtweehonderd"."""
    if not 0 <= n <= WORD_LIMIT:
        raise ValueError(n)
    return _word(n, alone=True)


def _word(n: int, *, alone: bool) -> str:
    if n < 20:
        if n == 1 and not alone:
            return "een"
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return _TENS[tens]
        unit_word = "een" if unit == 1 else _UNITS[unit]
        joiner = "ën" if unit_word.endswith("e") else "en"
        return unit_word + joiner + _TENS[tens]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "honderd" if hundreds == 1 else _word(hundreds, alone=False) + "honderd"
        return head + (_word(rest, alone=False) if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "duizend" if thousands == 1 else _word(thousands, alone=False) + "duizend"
    return head + (_word(rest, alone=False) if rest else "")


MINUS = "\u2212"  # the minus sign: "−8", not a bare hyphen


def format_number(value: int | float, *, decimals: int | None = None,
                  thousands: bool = True) -> str:
    """1234 → "1.234", 2.5 → "2,5", −8 → "−8"; `decimals` fixes the number of
    decimals (default: none for whole numbers, else one); `thousands=False`
    leaves out the thousands dot."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    text = text.replace(" ", "." if thousands else "")
    return (MINUS + text) if value < 0 and float(text.replace(".", "").replace(",", ".")) else text


def join_dutch(parts: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def ranked_text(items: list[list[Any]], *, total: int | None = None,
                shown: Callable[[Any], str] | None = None, extra: list[str] | None = None,
                joiner: str | None = None) -> str:
    """"Syriërs (38) en Eritreeërs (16)"; ties share their count: "Syriërs en
    Eritreeërs (beide 28)", three or more "(elk 28)". With `total`, shares in
    percent of it: "Syriërs (43%)"; `shown` writes a count otherwise. `extra`
    adds to each group's brackets: "Syriërs (12, waarvan 5 kinderen)" (then
    ties are written one by one). `joiner` joins the groups instead of "a, b
    en c" (", ": commas only)."""
    def count(n: Any) -> str:
        if total:
            return f"{round(100 * n / total)}%"
        return shown(n) if shown else format_number(n)

    extra = extra or [""] * len(items)
    groups: list[tuple[list[str], Any, str]] = []
    for (label, n), more in zip(items, extra, strict=True):
        if groups and groups[-1][1] == n and not more and not groups[-1][2]:
            groups[-1][0].append(str(label))
        else:
            groups.append(([str(label)], n, more))
    parts = []
    for labels, n, more in groups:
        text = count(n)
        if len(labels) > 1:
            text = ("beide " if len(labels) == 2 else "elk ") + text
        names = joiner.join(labels) if joiner else join_dutch(labels)
        parts.append(f"{names} ({text}{', ' + more if more else ''})")
    return joiner.join(parts) if joiner else join_dutch(parts)
