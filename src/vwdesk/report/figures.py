"""The figures engine: every figure of `spec/report.md` for one location and year.

Figures are computed by *groups*: small functions registered with
`@figure_group`, each running one or a few aggregate queries (COUNT, SUM of
CASE, GROUP BY) and returning `{key: value}`; nothing loads the rows into
Python. Then the figures typed in for the year (`YearFigure`, mode `invoer`)
are merged, overrides (mode `vervangt`) replace computed values (the
computed value and the reason are kept), official figures (mode `naast`) are
kept beside, and derived figures (saldo, grootste groep, gehaald.*) follow.

A new figure is one more group (or one more key in a group) plus its
definition in `vwdesk.report.definitions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, distinct, exists, extract, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.db import Database
from vwdesk.core.nationalities import by_code
from vwdesk.report.definitions import find_definition, pattern_of

Value = int | float | str | list | None


@dataclass(frozen=True)
class Scope:
    """What a figure group needs: a connection, the location and the year."""

    conn: Connection
    location_id: int
    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    def in_year(self, column) -> Any:
        return column.between(self.start, self.end)


@dataclass(frozen=True)
class FigureGroup:
    """One or a few aggregate statements and the figure keys they produce
    (`koppelingen.<P>.x` for every programme)."""

    keys: tuple[str, ...]
    compute: Callable[[Scope], dict[str, Value]]


GROUPS: list[FigureGroup] = []


def figure_group(*keys: str) -> Callable:
    """Register a function computing the figures `keys`."""
    def register(fn: Callable[[Scope], dict[str, Value]]) -> Callable[[Scope], dict[str, Value]]:
        GROUPS.append(FigureGroup(keys, fn))
        return fn
    return register


# Derived figures and the figures they are made from (for computing a subset).
DERIVED_FROM = {
    "huisvesting.grootste_groep": ("huisvesting.nationaliteiten",),
    "huisvesting.saldo": ("huisvesting.personen",),
    "organisatie.vrijwillige_medewerkers": ("organisatie.vrijwilligers", "organisatie.stagiaires"),
}


def _sources(keys: set[str]) -> set[str]:
    out = set()
    for key in keys:
        key = key[len("gehaald."):] if key.startswith("gehaald.") else key
        out |= {pattern_of(k) for k in DERIVED_FROM.get(key, (key,))}
    return out


def _n(value: Any) -> int:
    return int(value or 0)


def _count_if(cond) -> Any:
    return func.sum(case((cond, 1), else_=0))


def _adult(birth, on) -> Any:
    """SQL: 18 or older on date `on` (turning 18 that day counts), portable
    across SQLite and PostgreSQL: compares yyyymmdd numbers."""
    def ymd(col):
        return extract("year", col) * 10000 + extract("month", col) * 100 + extract("day", col)
    return ymd(on) - ymd(birth) >= 180000


def _housed(sc: Scope) -> Any:
    c = m.Client
    return and_(c.location_id == sc.location_id, sc.in_year(c.housed_on))


@figure_group("huisvesting.personen", "huisvesting.volwassenen", "huisvesting.kinderen",
              "huisvesting.mannen", "huisvesting.vrouwen", "huisvesting.x",
              "huisvesting.nareizigers", "huisvesting.nareizigers.volwassenen",
              "huisvesting.nareizigers.kinderen", "huisvesting.hervestigers")
def housing(sc: Scope) -> dict[str, Value]:
    c = m.Client
    # The age test once per row, in a subquery; the counts over it.
    adult = case((c.birth_date.is_(None), None),
                 (_adult(c.birth_date, c.housed_on), 1), else_=0).label("adult")
    sub = select(adult, c.gender, c.intake).where(_housed(sc)).subquery()
    nr = sub.c.intake == "nareiziger"
    row = sc.conn.execute(select(
        func.count(), _count_if(sub.c.adult == 1), _count_if(sub.c.adult == 0),
        _count_if(sub.c.gender == "m"), _count_if(sub.c.gender == "v"),
        _count_if(sub.c.gender == "x"), _count_if(nr), _count_if(and_(nr, sub.c.adult == 1)),
        _count_if(and_(nr, sub.c.adult == 0)), _count_if(sub.c.intake == "hervestiger"),
    )).one()
    keys = ("personen", "volwassenen", "kinderen", "mannen", "vrouwen", "x", "nareizigers",
            "nareizigers.volwassenen", "nareizigers.kinderen", "hervestigers")
    return {f"huisvesting.{k}": _n(v) for k, v in zip(keys, row, strict=True)}


@figure_group("huisvesting.nationaliteiten")
def housing_nationalities(sc: Scope) -> dict[str, Value]:
    c = m.Client
    groups = sc.conn.execute(
        select(c.nationality, func.count()).where(_housed(sc), c.nationality.is_not(None))
        .group_by(c.nationality).order_by(func.count().desc(), c.nationality)).all()
    return {"huisvesting.nationaliteiten": [
        [by_code(code).demonym if by_code(code) else code, n] for code, n in groups]}


@figure_group("huisvesting.woningen")
def dwellings(sc: Scope) -> dict[str, Value]:
    return {"huisvesting.woningen": _n(sc.conn.scalar(
        select(func.count()).select_from(m.Dwelling)
        .where(m.Dwelling.location_id == sc.location_id, sc.in_year(m.Dwelling.available_on))))}


def _spreekuur(sc: Scope) -> Any:
    c = m.Contact
    return and_(c.location_id == sc.location_id, c.kind == "spreekuur", sc.in_year(c.date))


@figure_group("spreekuur.contacten", "spreekuur.per_maand")
def consultation(sc: Scope) -> dict[str, Value]:
    month = extract("month", m.Contact.date)
    per_month = dict(sc.conn.execute(
        select(month, func.count()).where(_spreekuur(sc)).group_by(month)).all())
    months = [_n(per_month.get(i)) for i in range(1, 13)]
    return {"spreekuur.contacten": sum(months), "spreekuur.per_maand": months}


@figure_group("spreekuur.personen")
def consultation_persons(sc: Scope) -> dict[str, Value]:
    # A contact has a client or a person label, never both: the distinct pairs
    # are the distinct clients plus the distinct unregistered persons.
    c = m.Contact
    pairs = select(c.client_id, c.person_label).where(_spreekuur(sc)).distinct().subquery()
    return {"spreekuur.personen": _n(sc.conn.scalar(select(func.count()).select_from(pairs)))}


@figure_group("spreekuur.onderwerpen", "spreekuur.top_onderwerp", "spreekuur.onderwerpen_lijst")
def consultation_topics(sc: Scope) -> dict[str, Value]:
    ct = m.ContactTopic
    per_topic = (select(ct.topic_id, func.count().label("n"))
                 .join(m.Contact, m.Contact.id == ct.contact_id).where(_spreekuur(sc))
                 .group_by(ct.topic_id).subquery())
    topics = sc.conn.execute(
        select(m.Topic.name, per_topic.c.n).join(per_topic, per_topic.c.topic_id == m.Topic.id)
        .order_by(per_topic.c.n.desc(), m.Topic.name)).all()
    return {
        "spreekuur.onderwerpen": sum(n for _, n in topics),
        "spreekuur.top_onderwerp": topics[0][0] if topics else None,
        "spreekuur.onderwerpen_lijst": [[name, n] for name, n in topics],
    }


def _gh(sc: Scope) -> Any:
    d = m.Dossier
    return and_(d.location_id == sc.location_id, d.kind == "gezinshereniging")


@figure_group("juridisch.gh_nieuw", "juridisch.gh_totaal", "juridisch.gh_afgerond",
              "juridisch.gh_herenigd")
def legal_dossiers(sc: Scope) -> dict[str, Value]:
    d = m.Dossier
    closed_in_year = sc.in_year(d.closed_on)
    row = sc.conn.execute(select(
        _count_if(sc.in_year(d.opened_on)),
        _count_if(and_(d.opened_on <= sc.end, or_(d.closed_on.is_(None), d.closed_on >= sc.start))),
        _count_if(closed_in_year),
        _count_if(and_(closed_in_year, d.outcome == "herenigd")),
    ).where(_gh(sc))).one()
    return {"juridisch.gh_nieuw": _n(row[0]), "juridisch.gh_totaal": _n(row[1]),
            "juridisch.gh_afgerond": _n(row[2]), "juridisch.gh_herenigd": _n(row[3])}


@figure_group("juridisch.gh_herenigd_nationaliteiten")
def legal_reunited(sc: Scope) -> dict[str, Value]:
    d = m.Dossier
    reunited = sc.conn.execute(
        select(m.Client.nationality, func.count()).select_from(d)
        .join(m.Client, m.Client.id == d.client_id)
        .where(_gh(sc), sc.in_year(d.closed_on), d.outcome == "herenigd")
        .group_by(m.Client.nationality).order_by(func.count().desc(), m.Client.nationality)).all()
    return {"juridisch.gh_herenigd_nationaliteiten": [
        [by_code(code).adjective if code and by_code(code) else "overige", n]
        for code, n in reunited]}


@figure_group("juridisch.overig_contacten", "juridisch.overig_clienten",
              "juridisch.nr_contacten", "juridisch.nr_personen", "juridisch.clienten")
def legal_contacts(sc: Scope) -> dict[str, Value]:
    c = m.Contact
    jur = and_(c.location_id == sc.location_id, c.kind == "juridisch", sc.in_year(c.date))
    gh_topic = exists().where(
        m.ContactTopic.contact_id == c.id, m.ContactTopic.topic_id == m.Topic.id,
        m.Topic.name == "gezinshereniging")
    other = and_(c.client_id.is_not(None), ~gh_topic)
    row = sc.conn.execute(select(
        _count_if(other),
        func.count(distinct(case((other, c.client_id), else_=None))),
        _count_if(c.client_id.is_(None)),
        func.count(distinct(c.person_label)),
        func.count(distinct(c.client_id)),
    ).where(jur)).one()
    return {
        "juridisch.overig_contacten": _n(row[0]), "juridisch.overig_clienten": _n(row[1]),
        "juridisch.nr_contacten": _n(row[2]), "juridisch.nr_personen": _n(row[3]),
        "juridisch.clienten": _n(row[4]),
    }


_MB_KEYS = {"mb-jaar-1": "mb.jaar1", "zelfmelder": "mb.zelfmelders", "mb-jaar-2": "mb.jaar2"}


@figure_group("mb.jaar1", "mb.zelfmelders", "mb.jaar2")
def guidance(sc: Scope) -> dict[str, Value]:
    t = m.Trajectory
    counts = dict(sc.conn.execute(
        select(t.kind, func.count()).where(t.location_id == sc.location_id, sc.in_year(t.start))
        .group_by(t.kind)).all())
    return {key: _n(counts.get(kind)) for kind, key in _MB_KEYS.items()}


@figure_group("koppelingen.<P>.afgerond_eerder", "koppelingen.<P>.gestart",
              "koppelingen.<P>.gestart_afgerond", "koppelingen.<P>.gestart_verlengd",
              "koppelingen.<P>.gestart_lopend", "koppelingen.<P>.gestart_gestopt",
              "koppelingen.<P>.wachtlijst", "koppelingen.<P>.coaches")
def couplings(sc: Scope) -> dict[str, Value]:
    k, p = m.Coupling, m.Programme
    started_in = sc.in_year(k.started_on)
    running_at_end = or_(k.ended_on.is_(None), k.ended_on > sc.end)
    extended_by_end = and_(k.extended_on.is_not(None), k.extended_on <= sc.end)
    running_in_year = and_(k.started_on <= sc.end, or_(k.ended_on.is_(None), k.ended_on >= sc.start))
    withdrawn_by_end = and_(k.result == "ingetrokken", k.ended_on <= sc.end)
    waiting = and_(k.signed_up_on <= sc.end, or_(k.started_on.is_(None), k.started_on > sc.end),
                   ~func.coalesce(withdrawn_by_end, False))

    rows = sc.conn.execute(
        select(p.key,
               _count_if(and_(k.started_on < sc.start, sc.in_year(k.ended_on))),
               _count_if(started_in),
               _count_if(and_(started_in, sc.in_year(k.ended_on), k.result == "afgerond")),
               _count_if(and_(started_in, running_at_end, extended_by_end)),
               _count_if(and_(started_in, running_at_end, ~func.coalesce(extended_by_end, False))),
               _count_if(and_(started_in, sc.in_year(k.ended_on), k.result == "gestopt")),
               _count_if(waiting),
               func.count(distinct(case((running_in_year, k.coach_id), else_=None))))
        .select_from(p).join(k, k.programme_id == p.id, isouter=True)
        .where(p.location_id == sc.location_id).group_by(p.key)).all()
    names = ("afgerond_eerder", "gestart", "gestart_afgerond", "gestart_verlengd",
             "gestart_lopend", "gestart_gestopt", "wachtlijst", "coaches")
    out: dict[str, Value] = {}
    for key, *values in rows:
        for name, value in zip(names, values, strict=True):
            out[f"koppelingen.{key}.{name}"] = _n(value)
    return out


@figure_group("organisatie.vrijwilligers", "organisatie.vrijwilligers_gestart",
              "organisatie.vrijwilligers_gestopt", "organisatie.stagiaires",
              "organisatie.stagiaires_gestart", "organisatie.stagiaires_gestopt",
              "organisatie.betaald", "organisatie.betaald_uren")
def organisation(sc: Scope) -> dict[str, Value]:
    v = m.Volunteer
    active = and_(v.start <= sc.end, or_(v.end.is_(None), v.end >= sc.start))
    rows = sc.conn.execute(
        select(v.kind, func.sum(case((active, 1), else_=0)),
               func.sum(case((sc.in_year(v.start), 1), else_=0)),
               func.sum(case((sc.in_year(v.end), 1), else_=0)),
               func.sum(case((active, v.hours_per_week), else_=0)))
        .where(v.location_id == sc.location_id, v.team == vocab.DEFAULT_ORGANISATION_TEAM)
        .group_by(v.kind)).all()
    by_kind = {kind: (_n(a), _n(s), _n(e), float(h or 0)) for kind, a, s, e, h in rows}
    vol = by_kind.get("vrijwilliger", (0, 0, 0, 0.0))
    stag = by_kind.get("stagiair", (0, 0, 0, 0.0))
    paid = by_kind.get("betaald", (0, 0, 0, 0.0))
    return {
        "organisatie.vrijwilligers": vol[0], "organisatie.vrijwilligers_gestart": vol[1],
        "organisatie.vrijwilligers_gestopt": vol[2],
        "organisatie.stagiaires": stag[0], "organisatie.stagiaires_gestart": stag[1],
        "organisatie.stagiaires_gestopt": stag[2],
        "organisatie.betaald": paid[0], "organisatie.betaald_uren": _plain_number(paid[3]),
    }


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)


@dataclass(frozen=True)
class Override:
    value: Value
    computed: Value
    note: str | None


@dataclass(frozen=True)
class Official:
    value: Value
    note: str | None


@dataclass
class Figures:
    """All figures of one location and year. `values` is what the report shows;
    `overrides` and `official` say which were typed in instead of or beside the
    computed value; `previous` is the year before (for comparisons), if asked."""

    location_id: int
    location_name: str
    year: int
    values: dict[str, Value]
    overrides: dict[str, Override] = field(default_factory=dict)
    official: dict[str, Official] = field(default_factory=dict)
    typed: set[str] = field(default_factory=set)
    previous: Figures | None = None
    # Filtered figures (`{huisvesting.personen gemeente=Schiedam}`), by request.
    extra: dict[Any, Value] = field(default_factory=dict)
    extra_overrides: dict[Any, Override] = field(default_factory=dict)

    def get(self, key: str) -> Value:
        if key == "jaar":
            return self.year
        if key == "vorig_jaar":
            return self.year - 1
        if key == "locatie":
            return self.location_name
        if key.startswith("officieel."):
            official = self.official.get(key[len("officieel."):])
            return official.value if official else None
        return self.values.get(key)

    def source(self, key: str) -> str:
        if key in self.overrides:
            return "vervangen"
        if key in self.typed:
            return "ingevoerd"
        definition = find_definition(key)
        return definition.source if definition else "berekend"

    def rows(self) -> list[tuple[str, Value, str, str, str]]:
        """(key, value, definition, source, note) for every figure, sorted by key."""
        out = []
        for key in sorted(self.values):
            definition = find_definition(key)
            note = (self.overrides[key].note if key in self.overrides
                    else self.official[key].note if key in self.official else "") or ""
            out.append((key, self.values[key], definition.definition if definition else "",
                        self.source(key), note))
        return out


def _typed_value(value: float) -> int | float:
    return _plain_number(value)


def _connection_of(source: Database | Session | Connection) -> tuple[Connection, Any]:
    if isinstance(source, Connection):
        return source, None
    if isinstance(source, Session):
        return source.connection(), None
    conn = source.engine.connect()
    return conn, conn


def compute_figures(source: Database | Session | Connection, location_id: int, year: int, *,
                    with_previous: bool | set[str] = False,
                    keys: set[str] | None = None,
                    requests: set[Any] | None = None) -> Figures:
    """Every figure of `location_id` in `year`: computed, typed in, overridden
    and derived; with `keys`, only the groups those figures need.
    `with_previous` also computes the year before (comparisons): all figures,
    or, given a set of keys, just those. `requests` are filtered figures
    (`vwdesk.report.params.Request`), computed for both years."""
    from vwdesk.report.filtered import add_requests

    conn, owned = _connection_of(source)
    try:
        figures = _compute(conn, location_id, year, keys)
        add_requests(Scope(conn, location_id, year), figures, requests or set())
        if with_previous:
            wanted = with_previous if isinstance(with_previous, set) else keys
            figures.previous = _compute(conn, location_id, year - 1, wanted)
            add_requests(Scope(conn, location_id, year - 1), figures.previous, requests or set())
        return figures
    finally:
        if owned is not None:
            owned.close()


def _compute(conn: Connection, location_id: int, year: int, keys: set[str] | None) -> Figures:
    name = conn.scalar(select(m.Location.name).where(m.Location.id == location_id)) or ""
    scope = Scope(conn, location_id, year)
    wanted = None if keys is None else _sources(keys)
    values: dict[str, Value] = {}
    for group in GROUPS:
        if wanted is None or wanted & set(group.keys):
            values.update(group.compute(scope))
    figures = Figures(location_id, name, year, values)
    _merge_typed(conn, figures)
    _derive(figures)
    return figures


def _merge_typed(conn: Connection, figures: Figures) -> None:
    """Typed figures: `invoer` rows per municipality or half-year are summed into
    the location's figure; `vervangt` replaces a computed value (location-wide
    rows only; a row per municipality or half-year replaces that filtered
    figure, see `vwdesk.report.filtered`); `naast` is kept beside it (summed)."""
    y = m.YearFigure
    location_wide = and_(y.municipality_id.is_(None), y.half.is_(None))
    rows = conn.execute(
        select(y.key, y.mode, func.sum(y.value), func.max(y.note))
        .where(y.location_id == figures.location_id, y.year == figures.year,
               or_(y.mode != "vervangt", location_wide))
        .group_by(y.key, y.mode)).all()
    for key, mode, total, note in rows:
        value = _typed_value(total)
        if mode == "vervangt":
            figures.overrides[key] = Override(value, figures.values.get(key), note)
        elif mode == "naast":
            figures.official[key] = Official(value, note)
        else:
            figures.values[key] = value
            figures.typed.add(key)
    for key, override in figures.overrides.items():
        figures.values[key] = override.value


def _derive(f: Figures) -> None:
    v = f.values
    nats = v.get("huisvesting.nationaliteiten") or []
    v["huisvesting.grootste_groep"] = f"{nats[0][0]} ({nats[0][1]})" if nats else None
    v["organisatie.vrijwillige_medewerkers"] = (
        (v.get("organisatie.vrijwilligers") or 0) + (v.get("organisatie.stagiaires") or 0))
    begin, target = v.get("huisvesting.saldo_begin"), v.get("huisvesting.taakstelling")
    if target is not None:
        v["huisvesting.saldo"] = (begin or 0) + (v.get("huisvesting.personen") or 0) - target
    for key in [k for k in v if k.startswith("doel.")]:
        realised = v.get(key[len("doel."):])
        if isinstance(realised, int | float):
            v["gehaald." + key[len("doel."):]] = 1 if realised >= v[key] else 0
    for key, override in f.overrides.items():  # an override of a derived figure wins
        v[key] = override.value


# The groups of the filtered-figures module register themselves on import.
from vwdesk.report import filtered as _filtered  # noqa: E402,F401
