"""Filtered figures: the queries behind placeholders with parameters, such as
`{huisvesting.personen gemeente=Schiedam half=1}` or
`{contacten.aantal soort=mb binnen=18}` (see `vwdesk.report.params`).

One aggregate statement per requested figure; a template asks for a few
dozen at most. Also the unfiltered households, AMV, state-pension and
contact-kind figures, registered as a figure group.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, case, distinct, extract, func, select

from vwdesk.core import models as m
from vwdesk.core.nationalities import by_code
from vwdesk.report.figures import Figures, Override, Scope, Value, _count_if, _n, figure_group
from vwdesk.report.params import (
    CONTACT_KEYS,
    DEFAULT_AOW_AGE,
    HOUSEHOLD_KEYS,
    PERSON_KEYS,
    Request,
)


def _ymd(col) -> Any:
    return extract("year", col) * 10000 + extract("month", col) * 100 + extract("day", col)


def _age_at_least(years: int, birth, on) -> Any:
    """SQL: `years` or older on date `on` (the birthday itself counts)."""
    return _ymd(on) - _ymd(birth) >= years * 10000


def _months_between(earlier, later) -> Any:
    """SQL: whole months from `earlier` to `later` (portable: no date arithmetic)."""
    return ((extract("year", later) - extract("year", earlier)) * 12
            + extract("month", later) - extract("month", earlier)
            - func.coalesce(_day_before(earlier, later), 0))


def _day_before(earlier, later) -> Any:
    return case((extract("day", later) < extract("day", earlier), 1), else_=0)


def _municipality(sc: Scope, column, name: str) -> Any:
    ids = select(m.Municipality.id).where(
        m.Municipality.location_id == sc.location_id,
        func.lower(m.Municipality.name) == name.casefold())
    return column.in_(ids)


def _half(sc: Scope, column, half: str) -> Any:
    if half == "1":
        return column.between(sc.start, dt.date(sc.year, 6, 30))
    return column.between(dt.date(sc.year, 7, 1), sc.end)


def _dated_at_location(sc: Scope, model: Any, date_column: Any, f: dict[str, str]) -> list[Any]:
    """Rows of the location whose date lies in the year (or the half-year
    asked for), in the municipality asked for."""
    conds = [model.location_id == sc.location_id,
             _half(sc, date_column, f["half"]) if "half" in f else sc.in_year(date_column)]
    if "gemeente" in f:
        conds.append(_municipality(sc, model.municipality_id, f["gemeente"]))
    return conds


def _person_conditions(sc: Scope, f: dict[str, str]) -> list[Any]:
    c = m.Client
    conds = _dated_at_location(sc, c, c.housed_on, f)
    if "geslacht" in f:
        conds.append(c.gender == f["geslacht"])
    if "instroom" in f:
        conds.append(c.intake == f["instroom"])
    if "amv" in f:
        conds.append(c.amv.is_(f["amv"] == "ja"))
    age = f.get("leeftijd")
    if age == "volwassen":
        conds.append(_age_at_least(18, c.birth_date, c.housed_on))
    elif age == "kind":
        conds.append(~_age_at_least(18, c.birth_date, c.housed_on))
    elif age == "aow":
        years = int(f.get("aow_leeftijd", DEFAULT_AOW_AGE))
        conds.append(_age_at_least(years, c.birth_date, c.housed_on))
    return conds


def housed_persons(sc: Scope, f: dict[str, str]) -> int:
    return _n(sc.conn.scalar(select(func.count()).select_from(m.Client)
                             .where(*_person_conditions(sc, f))))


def nationalities(sc: Scope, f: dict[str, str]) -> list[list[Any]]:
    c = m.Client
    groups = sc.conn.execute(
        select(c.nationality, func.count())
        .where(*_person_conditions(sc, f), c.nationality.is_not(None))
        .group_by(c.nationality).order_by(func.count().desc(), c.nationality)).all()
    return [[by_code(code).demonym if by_code(code) else code, n] for code, n in groups]


def distinct_nationalities(sc: Scope, f: dict[str, str]) -> int:
    c = m.Client
    return _n(sc.conn.scalar(select(func.count(distinct(c.nationality)))
                             .where(*_person_conditions(sc, f))))


def _contact_conditions(sc: Scope, f: dict[str, str]) -> tuple[list[Any], bool]:
    """Conditions on contacts, and whether they need the client joined."""
    c, cl = m.Contact, m.Client
    conds = [c.location_id == sc.location_id,
             _half(sc, c.date, f["half"]) if "half" in f else sc.in_year(c.date)]
    if "soort" in f:
        conds.append(c.kind == f["soort"])
    join = False
    if "gemeente" in f:
        conds.append(_municipality(sc, cl.municipality_id, f["gemeente"]))
        join = True
    if "binnen" in f:
        conds += [cl.housed_on.is_not(None),
                  _months_between(cl.housed_on, c.date) < int(f["binnen"])]
        join = True
    if "na" in f:
        conds += [cl.housed_on.is_not(None),
                  _months_between(cl.housed_on, c.date) >= int(f["na"])]
        join = True
    return conds, join


def contacts(sc: Scope, f: dict[str, str], *, persons: bool) -> int:
    c = m.Contact
    conds, join = _contact_conditions(sc, f)
    if persons:
        # A contact has a client or a person label: distinct pairs are distinct persons.
        inner = select(c.client_id, c.person_label)
    else:
        inner = select(c.id)
    if join:
        inner = inner.join(m.Client, m.Client.id == c.client_id)
    inner = inner.where(*conds)
    if persons:
        inner = inner.distinct()
    return _n(sc.conn.scalar(select(func.count()).select_from(inner.subquery())))


def dwellings(sc: Scope, f: dict[str, str]) -> int:
    d = m.Dwelling
    conds = _dated_at_location(sc, d, d.available_on, f)
    if "type" in f:
        conds.append(d.type == f["type"])
    return _n(sc.conn.scalar(select(func.count()).select_from(d).where(*conds)))


def households(sc: Scope, f: dict[str, str]) -> dict[str, Value]:
    """Households from dwellings: the clients housed in one dwelling form a
    household. A household is *new* in the year when the first person housed
    in its dwelling was housed in the year; a person *joined* when someone was
    housed in the same dwelling before them. Size: persons housed in the
    dwelling up to 31 December."""
    c = m.Client
    dwelling_conds = [m.Dwelling.location_id == sc.location_id]
    if "gemeente" in f:
        dwelling_conds.append(_municipality(sc, m.Dwelling.municipality_id, f["gemeente"]))
    # Only dwellings someone moved into this year can hold a new household
    # or a person who joined one.
    moved_into = select(c.dwelling_id).where(c.location_id == sc.location_id,
                                             sc.in_year(c.housed_on))
    per_dwelling = (
        select(c.dwelling_id.label("dwelling_id"), func.min(c.housed_on).label("first"),
               _count_if(c.housed_on <= sc.end).label("size"))
        .join(m.Dwelling, m.Dwelling.id == c.dwelling_id)
        .where(c.location_id == sc.location_id, c.housed_on <= sc.end,
               c.dwelling_id.in_(moved_into), *dwelling_conds)
        .group_by(c.dwelling_id).subquery())
    new = sc.in_year(per_dwelling.c.first)
    row = sc.conn.execute(select(
        _count_if(new), _count_if(and_(new, per_dwelling.c.size == 1)),
        _count_if(and_(new, per_dwelling.c.size > 1)))).one()
    joined, housed, into = sc.conn.execute(
        select(_count_if(c.housed_on > per_dwelling.c.first), func.count(),
               func.count(distinct(c.dwelling_id)))
        .join(per_dwelling, per_dwelling.c.dwelling_id == c.dwelling_id)
        .where(c.location_id == sc.location_id, sc.in_year(c.housed_on))).one()
    return {
        "huishoudens.nieuw": _n(row[0]), "huishoudens.eenpersoons": _n(row[1]),
        "huishoudens.meerpersoons": _n(row[2]), "huishoudens.bijgevoegd": _n(joined),
        "huishoudens.personen_per_woning": round(_n(housed) / _n(into), 1) if into else None,
    }


def typed_sum(sc: Scope, key: str, mode: str, f: dict[str, str]) -> float | None:
    """The sum of the `YearFigure` rows of `key` and `mode` matching the
    municipality and half-year filters; None when there are none."""
    y = m.YearFigure
    conds = [y.location_id == sc.location_id, y.year == sc.year, y.key == key, y.mode == mode]
    if "gemeente" in f:
        conds.append(_municipality(sc, y.municipality_id, f["gemeente"]))
    if "half" in f:
        conds.append(y.half == int(f["half"]))
    total, rows = sc.conn.execute(select(func.sum(y.value), func.count()).where(*conds)).one()
    if not rows:
        return None
    return int(total) if float(total).is_integer() else round(float(total), 1)


def _typed_note(sc: Scope, key: str, mode: str, f: dict[str, str]) -> str | None:
    y = m.YearFigure
    conds = [y.location_id == sc.location_id, y.year == sc.year, y.key == key, y.mode == mode]
    if "gemeente" in f:
        conds.append(_municipality(sc, y.municipality_id, f["gemeente"]))
    if "half" in f:
        conds.append(y.half == int(f["half"]))
    return sc.conn.scalar(select(func.max(y.note)).where(*conds))


def compute_request(sc: Scope, req: Request) -> tuple[Value, Override | None]:
    """The value of a filtered figure, and the typed-in override replacing it
    (a `vervangt` row for the same municipality/half-year), if any."""
    f = dict(req.filters)
    key = req.key
    if f.pop("per", None) == "gemeente":
        return per_municipality(sc, key, f), None
    if key.startswith("officieel."):
        return typed_sum(sc, key[len("officieel."):], "naast", f), None
    if key in PERSON_KEYS:
        value: Value = housed_persons(sc, {**PERSON_KEYS[key], **f})
    elif key == "huisvesting.nationaliteiten":
        value = nationalities(sc, f)
    elif key == "huisvesting.aantal_nationaliteiten":
        value = distinct_nationalities(sc, f)
    elif key in CONTACT_KEYS:
        value = contacts(sc, {**CONTACT_KEYS[key], **f}, persons=key.endswith(".personen"))
    elif key in HOUSEHOLD_KEYS:
        value = households(sc, f)[key]
    elif key == "huisvesting.woningen":
        value = dwellings(sc, f)
    elif key in ("huisvesting.taakstelling", "huisvesting.saldo_begin"):
        return typed_sum(sc, key, "invoer", f), None
    elif key == "huisvesting.saldo":
        target = typed_sum(sc, "huisvesting.taakstelling", "invoer", f)
        if target is None:
            return None, None
        begin = typed_sum(sc, "huisvesting.saldo_begin", "invoer", f) or 0
        persons = compute_request(sc, Request("huisvesting.personen", req.filters))[0]
        value = begin + (persons or 0) - target
    else:
        return None, None
    if set(f) <= {"gemeente", "half"}:
        typed = typed_sum(sc, key, "vervangt", f)
        if typed is not None:
            return typed, Override(typed, value, _typed_note(sc, key, "vervangt", f))
    return value, None


def per_municipality(sc: Scope, key: str, f: dict[str, str]) -> list[list[Any]]:
    """`key` in each municipality of the location, as a list ("in Schiedam", n)
    by name; municipalities where it is 0 or unknown are left out."""
    names = sc.conn.scalars(select(m.Municipality.name)
                            .where(m.Municipality.location_id == sc.location_id)
                            .order_by(m.Municipality.name)).all()
    out = []
    for name in names:
        one = Request(key, tuple(sorted({**f, "gemeente": name}.items())))
        value = compute_request(sc, one)[0]
        if value:
            out.append([f"in {name}", value])
    return out


def add_requests(sc: Scope, figures: Figures, requests: set[Request]) -> None:
    """Compute the filtered figures `requests` into `figures.extra`."""
    for req in sorted(requests, key=lambda r: (r.key, r.filters)):
        value, override = compute_request(sc, req)
        figures.extra[req] = value
        if override is not None:
            figures.extra_overrides[req] = override


@figure_group("huisvesting.amv", "huisvesting.aow", "huisvesting.aantal_nationaliteiten")
def housing_extra(sc: Scope) -> dict[str, Value]:
    c = m.Client
    housed = and_(c.location_id == sc.location_id, sc.in_year(c.housed_on))
    row = sc.conn.execute(select(
        _count_if(c.amv.is_(True)),
        _count_if(_age_at_least(DEFAULT_AOW_AGE, c.birth_date, c.housed_on)),
        func.count(distinct(c.nationality))).where(housed)).one()
    return {"huisvesting.amv": _n(row[0]), "huisvesting.aow": _n(row[1]),
            "huisvesting.aantal_nationaliteiten": _n(row[2])}


@figure_group(*HOUSEHOLD_KEYS)
def households_group(sc: Scope) -> dict[str, Value]:
    return households(sc, {})


@figure_group("contacten.aantal", "contacten.personen")
def contacts_group(sc: Scope) -> dict[str, Value]:
    c = m.Contact
    in_year = and_(c.location_id == sc.location_id, sc.in_year(c.date))
    pairs = select(c.client_id, c.person_label).where(in_year).distinct().subquery()
    return {"contacten.aantal": _n(sc.conn.scalar(select(func.count()).where(in_year))),
            "contacten.personen": _n(sc.conn.scalar(select(func.count()).select_from(pairs)))}


def add_missing_requests(conn, figures: Figures, requests: set[Request]) -> None:
    """Compute the requests `figures` (and its previous year) do not hold yet:
    a sentence being typed that asks for a new filtered figure."""
    for f in (figures, figures.previous):
        if f is not None:
            missing = {r for r in requests if r not in f.extra}
            if missing:
                add_requests(Scope(conn, f.location_id, f.year), f, missing)
