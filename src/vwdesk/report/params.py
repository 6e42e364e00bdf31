"""The values of placeholder parameters: `{huisvesting.personen geslacht=v leeftijd=kind}`.

A placeholder is `{key name=value name=value:format|...}`. Which parameters a
figure takes comes from what it counts (`vwdesk.report.subjects`: the filters
of its record) and from the registry (`vwdesk.report.registry`); this module
says how each kind of value is written, read and normalised, and holds the
parameters every figure shares:

- periods: `half=1`, `kwartaal=2`, `maand=3` or `maand=1-3`, and `op=31-12`
  (a cut-off date, for what is open, running or active on a day);
- presentation: `top=N`, `vanaf=N` (ranked lists), `jaar=vorig|volgend`,
  `per=gemeente` (a list of the figure in every municipality).

A choice may be negated and may be a set: `instroom=!zelf`,
`instroom=nareiziger,hervestiger`. Qt-free and without SQL.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from vwdesk.core.nationalities import parse_nationality


@dataclass(frozen=True)
class Values:
    """How the value of one parameter is written: `hint` ("gebruik ...") and
    `parse`, giving the normalised value or None when it does not fit."""

    hint: str
    parse: Callable[[str], str | None]


@dataclass(frozen=True)
class Selection:
    """A parsed choice: the members, and whether they are excluded (`!`)."""

    negated: bool
    members: tuple[str, ...]


def selection(value: str) -> Selection:
    """`!a,b` → excluded a and b; `a` → only a."""
    negated = value.startswith("!")
    members = tuple(p.strip() for p in value.lstrip("!").split(",") if p.strip())
    return Selection(negated, members)


def _selection_of(member: Callable[[str], str | None], *, ordered: bool = True
                  ) -> Callable[[str], str | None]:
    """A parser of `a`, `a,b` and `!a,b` whose members `member` reads."""
    def parse(text: str) -> str | None:
        sel = selection(text.strip())
        if not sel.members:
            return None
        members = [member(p) for p in sel.members]
        if any(p is None for p in members):
            return None
        members = sorted(set(members)) if ordered else list(dict.fromkeys(members))
        return ("!" if sel.negated else "") + ",".join(members)
    return parse


def choice(*options: str) -> Values:
    def member(text: str) -> str | None:
        return text.lower() if text.lower() in options else None
    listed = ", ".join(options[:-1]) + " of " + options[-1]
    return Values(f"gebruik {listed} (meerdere: {options[0]},{options[1]}; alles behalve: "
                  f"!{options[0]})", _selection_of(member))


def yes_no() -> Values:
    return Values("gebruik ja of nee", lambda t: t.lower() if t.lower() in ("ja", "nee") else None)


def int_range(low: int, high: int, hint: str) -> Values:
    def parse(text: str) -> str | None:
        return str(int(text)) if text.isdigit() and low <= int(text) <= high else None
    return Values(hint, parse)


def names(hint: str) -> Values:
    """Names written by the location (municipalities, topics, teams, complexes):
    kept as written; a set or negation like a choice."""
    return Values(hint + " (meerdere: a,b; alles behalve: !a)",
                  _selection_of(lambda t: " ".join(t.split()) or None))


def text_value(hint: str) -> Values:
    return Values(hint, lambda t: " ".join(t.split()) or None)


def nationalities() -> Values:
    return Values("gebruik een landnaam of ISO-code (Syrië of SY), of staatloos (meerdere: "
                  "SY,ER; alles behalve: !SY)", _selection_of(parse_nationality))


def _month_range(text: str) -> str | None:
    first, sep, last = text.partition("-")
    if not first.isdigit() or (sep and not last.isdigit()):
        return None
    a, b = int(first), int(last) if sep else int(first)
    if not 1 <= a <= b <= 12:
        return None
    return f"{a}-{b}" if b != a else str(a)


def size_range(text: str) -> str | None:
    """Household sizes: `3`, `2-4` or `5+`."""
    if text.endswith("+") and text[:-1].isdigit() and int(text[:-1]) >= 1:
        return f"{int(text[:-1])}+"
    first, sep, last = text.partition("-")
    if first.isdigit() and (not sep or last.isdigit()):
        a, b = int(first), int(last) if sep else int(first)
        if 1 <= a <= b:
            return f"{a}-{b}" if b != a else str(a)
    return None


def bounds(value: str) -> tuple[int, int | None]:
    """`5+` → (5, None); `2-4` → (2, 4); `3` → (3, 3) (after `size_range`)."""
    if value.endswith("+"):
        return int(value[:-1]), None
    first, _, last = value.partition("-")
    return int(first), int(last or first)


def _day_month(text: str) -> str | None:
    day, sep, month = text.replace("/", "-").partition("-")
    if not (sep and day.isdigit() and month.isdigit()):
        return None
    d, mo = int(day), int(month)
    if not 1 <= mo <= 12 or not 1 <= d <= calendar.monthrange(2000, mo)[1]:  # 2000: a leap year
        return None
    return f"{d}-{mo}"


@dataclass(frozen=True)
class Period:
    """The dates a figure looks at: the year, a part of it, or one day (`op=`)."""

    start: dt.date
    end: dt.date
    one_day: bool = False


PERIOD_PARAMS = ("half", "kwartaal", "maand", "op")


def period_of(year: int, filters: dict[str, str]) -> Period:
    """The period `filters` ask for in `year` (the whole year without one)."""
    if "half" in filters:
        first = 1 if filters["half"] == "1" else 7
        return Period(dt.date(year, first, 1), _month_end(year, first + 5))
    if "kwartaal" in filters:
        first = 3 * int(filters["kwartaal"]) - 2
        return Period(dt.date(year, first, 1), _month_end(year, first + 2))
    if "maand" in filters:
        a, b = bounds(filters["maand"])
        return Period(dt.date(year, a, 1), _month_end(year, b))
    if "op" in filters:
        d, mo = (int(p) for p in filters["op"].split("-"))
        day = dt.date(year, mo, min(d, calendar.monthrange(year, mo)[1]))  # 29-2 → 28-2
        return Period(day, day, one_day=True)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# The parameters every figure may take (besides the filters of what it counts).
COMMON: dict[str, Values] = {
    "half": Values("gebruik half=1 (januari t/m juni) of half=2 (juli t/m december)",
                   lambda t: t if t in ("1", "2") else None),
    "kwartaal": Values("gebruik kwartaal=1, 2, 3 of 4",
                       lambda t: t if t in ("1", "2", "3", "4") else None),
    "maand": Values("gebruik een maand (maand=3) of een reeks maanden (maand=1-3)", _month_range),
    "op": Values("gebruik een dag en maand, bijvoorbeeld op=31-12", _day_month),
    "per": Values("gebruik per=gemeente", lambda t: t.lower() if t.lower() == "gemeente" else None),
    "jaar": Values("gebruik jaar=vorig of jaar=volgend",
                   lambda t: t.lower() if t.lower() in ("vorig", "volgend") else None),
    "top": int_range(1, 999, "gebruik een heel getal vanaf 1"),
    "vanaf": int_range(1, 999, "gebruik een plaats in de lijst vanaf 1, bijvoorbeeld vanaf=2"),
    "waarvan": text_value("gebruik een cijfer dat een deel telt, bijvoorbeeld "
                          "waarvan=huisvesting.kinderen"),
}
# Parameters that only change how a value is shown: no query of their own.
PRESENTATION = frozenset({"top", "vanaf", "jaar"})


def filters_of(params: dict[str, str], values_of: Callable[[str], Values | None]
               ) -> tuple[tuple[str, str], ...]:
    """The filters among `params`, normalised and sorted: a request's identity.
    `values_of(name)` gives how a parameter's value is read."""
    out = []
    for name, raw in params.items():
        if name in PRESENTATION:
            continue
        values = values_of(name)
        out.append((name, (values.parse(raw) if values else None) or raw))
    return tuple(sorted(out))


@dataclass(frozen=True)
class Request:
    """A figure a template asks for: `key` with `filters` (none: the plain figure)."""

    key: str
    filters: tuple[tuple[str, str], ...]

    def label(self) -> str:
        return "{" + " ".join([self.key] + [f"{k}={_quoted(v)}" for k, v in self.filters]) + "}"


def _quoted(value: str) -> str:
    return f'"{value}"' if " " in value else value
