"""Dutch wording of numbers and lists in report sentences: number words
("tien", "eenentwintig", "tweehonderd"), numbers with a thousands dot, "a, b
en c", and ranked lists with counts or percentages and ties
("Syriërs en Eritreeërs (beide 28) en Somaliërs (5)")."""

from __future__ import annotations

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


def format_number(value: int | float) -> str:
    """1234 → "1.234", 2.5 → "2,5"."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{int(value):,}".replace(",", ".")


def join_dutch(parts: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def ranked_text(items: list[list[Any]], *, total: int | None = None,
                extra: list[str] | None = None) -> str:
    """"Syriërs (38) en Eritreeërs (16)"; ties share their count: "Syriërs en
    Eritreeërs (beide 28)", three or more "(elk 28)". With `total`, shares in
    percent of it: "Syriërs (43%)". `extra` adds to each group's brackets:
    "Syriërs (12, waarvan 5 kinderen)" (then ties are written one by one)."""
    extra = extra or [""] * len(items)
    groups: list[tuple[list[str], Any, str]] = []
    for (label, n), more in zip(items, extra, strict=True):
        if groups and groups[-1][1] == n and not more and not groups[-1][2]:
            groups[-1][0].append(str(label))
        else:
            groups.append(([str(label)], n, more))
    parts = []
    for labels, n, more in groups:
        shown = f"{round(100 * n / total)}%" if total else format_number(n)
        if len(labels) > 1:
            shown = ("beide " if len(labels) == 2 else "elk ") + shown
        parts.append(f"{join_dutch(labels)} ({shown}{', ' + more if more else ''})")
    return join_dutch(parts)
