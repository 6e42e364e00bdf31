"""What a subject of the report is made of (`vwdesk.report.subjects` holds
the subjects themselves): the location's names looked up once (`Lookups`),
a request as the subjects see it (`Scope`), filters, date roles and
aggregates, the `Subject` that builds a group's statement, the `Summary`
table that answers some of its requests from fewer rows, and the filter
builders the subjects share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    and_,
    false,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import join as orm_join

from vwdesk.core import models as m
from vwdesk.core.text import fold
from vwdesk.report.params import (
    Period,
    Selection,
    Values,
    choice,
    int_range,
    names,
    selection,
    yes_no,
)
from vwdesk.report.sql import (
    Condition,
    Item,
    Statement,
    in_period,
    months_between,
    overlaps,
)


class Lookups:
    """The location's names, read once per computation: municipalities,
    topics by name with the location's topic groups, and coupling programmes."""

    def __init__(self, conn: Connection, location_id: int):
        self.conn, self.location_id = conn, location_id
        self._municipalities: dict[str, int] | None = None
        self._municipality_names: list[str] | None = None
        self._topics: dict[str, set[int]] | None = None  # folded name → topic ids
        self._topic_names: dict[int, str] = {}
        self._programmes: dict[str, int] | None = None
        self.conditions: dict[tuple, Any] = {}  # built conditions, shared by requests

    def municipality_names(self) -> list[str]:
        self._load_municipalities()
        return list(self._municipality_names or [])

    def _load_municipalities(self) -> None:
        if self._municipalities is None:
            rows = self.conn.execute(select(m.Municipality.name, m.Municipality.id).where(
                m.Municipality.location_id == self.location_id).order_by(m.Municipality.name))
            pairs = rows.all()
            self._municipalities = {fold(n): i for n, i in pairs}
            self._municipality_names = [n for n, _ in pairs]

    def municipality_ids(self, wanted: Sequence[str]) -> list[int]:
        self._load_municipalities()
        return [self._municipalities[fold(n)] for n in wanted if fold(n) in self._municipalities]

    def _load_topics(self) -> None:
        """The location's topics and topic groups (a group: the ids of its topics)."""
        if self._topics is None:
            rows = self.conn.execute(select(m.Topic.id, m.Topic.name)).all()
            self._topic_names = dict(rows)
            groups = self.conn.execute(select(m.TopicGroup.name, m.TopicGroup.topic_id).where(
                m.TopicGroup.location_id == self.location_id)).all()
            self._topics = {fold(name): {tid} for tid, name in rows}
            for name, tid in groups:
                self._topics.setdefault(fold(name), set()).add(tid)

    def topic_ids(self, wanted: Sequence[str]) -> list[int]:
        """The ids of the topics and topic groups named `wanted`."""
        self._load_topics()
        return sorted({tid for n in wanted for tid in self._topics.get(fold(n), ())})

    def topic_name(self, topic_id: int) -> str:
        self._load_topics()
        return self._topic_names.get(topic_id, str(topic_id))

    def programmes(self) -> dict[str, int]:
        if self._programmes is None:
            self._programmes = dict(self.conn.execute(select(m.Programme.key, m.Programme.id)
                                                      .where(m.Programme.location_id
                                                             == self.location_id)).all())
        return self._programmes


@dataclass(frozen=True)
class Scope:
    """One request as the subjects see it: its period, its filters and the
    location's names."""

    location_id: int
    year: int
    period: Period
    filters: dict[str, str]
    lookups: Lookups


@dataclass(frozen=True)
class Filter:
    name: str
    values: Values | None  # None: internal, set by the registry only
    build: Callable[[Scope, str], Condition | None]
    joins: frozenset[str] = frozenset()
    doc: str = ""  # what it narrows on, in Dutch, for the reader (users: docs/templates.md)
    depends: tuple[str, ...] = ()  # other filters its condition reads


@dataclass(frozen=True)
class Role:
    """Which date puts a row in the period. `stock`: what is open, running or
    active at some moment of the period (or on one day with op=)."""

    build: Callable[[Period], Any]
    stock: bool = False
    event: Any = None  # the date column of an event role (narrows the statement)


@dataclass(frozen=True)
class Aggregate:
    """How a request aggregates its rows: `kind` count / distinct / sum /
    persons (distinct clients plus distinct labels) / average (per day of the
    period) / ratio (`column` summed per row counted) / groups (a ranked list
    by `column`)."""

    kind: str
    column: Any = None
    second: Any = None  # persons: the person label
    labels: str = ""  # groups: how a group is named (nationaliteit, bijvoeglijk, onderwerp, maand)
    skip_null: bool = True  # groups: leave out rows without a value
    group_after: tuple[Any, ...] = ()  # groups: see `sql.Statement.group_after`
    joins: frozenset[str] = frozenset()  # joined tables it reads
    # count, groups: what each row counts for, when a row of a summary stands
    # for several (its number of contacts or mentions); None: 1.
    weight: Any = None

    def inputs(self, p: Period) -> list[Any]:
        """The columns the aggregate reads (for the average: its `column` is a
        function of the period, the days each row counts for in `p`)."""
        if self.kind in ("count", "groups"):
            return [] if self.weight is None else [self.weight]
        if self.kind == "persons":
            return [self.column, self.second]
        if self.kind == "average":
            return [self.column(p)]
        return [self.column]

    def parts(self) -> list[tuple[str, int | tuple[int, ...] | None]]:
        """The SQL aggregates it is made of: (count / distinct / persons / sum,
        the index of the input column or columns it reads); requests share
        equal parts."""
        if self.kind in ("count", "groups"):
            return [("count", None)] if self.weight is None else [("sum", 0)]
        if self.kind == "distinct":
            return [("distinct", 0)]
        if self.kind == "persons":  # a client or a label, never both
            return [("persons", (0, 1))]
        if self.kind == "ratio":
            return [("sum", 0), ("count", None)]
        return [("sum", 0)]  # sum, average


def in_ids(col: Any, ids: Sequence[Any]) -> Any:
    return col.in_(list(ids)) if ids else false()


def chosen(col: Any, sel: Selection, ids: Sequence[Any] | None = None) -> Any:
    """`col` is one of the selection's members (or their `ids`); negated:
    anything else, an empty value included."""
    members = sel.members if ids is None else ids
    if sel.negated:
        return or_(col.is_(None), not_(in_ids(col, members))) if members else true()
    return in_ids(col, members)


def choice_filter(name: str, col: Any, options: Sequence[str], doc: str,
                   joins: frozenset[str] = frozenset()) -> Filter:
    return Filter(name, choice(*options), lambda sc, v: Condition(chosen(col, selection(v))),
                  joins, doc)


def municipality_filter(col: Any, doc: str, joins: frozenset[str] = frozenset()) -> Filter:
    def build(sc: Scope, v: str) -> Condition:
        sel = selection(v)
        return Condition(chosen(col, sel, sc.lookups.municipality_ids(sel.members)))
    return Filter("gemeente", names("gebruik de naam van een gemeente van de locatie"), build,
                  joins, doc)


def lower_in(col: Any, sel: Selection) -> Any:
    test = func.lower(col).in_([v.lower() for v in sel.members])  # without regard to case
    return or_(col.is_(None), not_(test)) if sel.negated else test


def text_filter(name: str, col: Any, hint: str, doc: str,
                 joins: frozenset[str] = frozenset()) -> Filter:
    return Filter(name, names(hint), lambda sc, v: Condition(lower_in(col, selection(v))),
                  joins, doc)


def yes_no_filter(name: str, yes: Any, no: Any, doc: str,
                   joins: frozenset[str] = frozenset()) -> Filter:
    return Filter(name, yes_no(), lambda sc, v: Condition(yes if v == "ja" else no), joins, doc)


def months_filter(name: str, col_housed: Any, col_date: Any, before: bool, doc: str,
                   joins: frozenset[str]) -> Filter:
    def build(sc: Scope, v: str) -> Condition:
        months = months_between(col_housed, col_date)
        return Condition(and_(col_housed.is_not(None),
                              months < int(v) if before else months >= int(v)))
    return Filter(name, int_range(1, 1200, f"gebruik een aantal maanden vanaf 1, bijvoorbeeld "
                                           f"{name}=18"), build, joins, doc)


def event(col: Any) -> Role:
    return Role(lambda p: in_period(col, p), event=col)


def span(start: Any, end: Any) -> Role:
    return Role(lambda p: overlaps(start, end, p), stock=True)


@dataclass(frozen=True)
class Subject:
    """A kind of row counted by figures (see the module docstring)."""

    name: str
    label: str  # Dutch, plural: "gehuisveste personen"
    filters: dict[str, Filter]
    roles: dict[str, Role]
    aggregates: dict[str, Aggregate]
    table: Any
    joins: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name → (table, on)
    narrow: tuple[str, Any] | None = None  # (filter, column): IN the union of positive choices
    # Requests on different kinds get statements of their own (each reads
    # only its kinds' rows, covered by the index on location, kind and date).
    split_by_kind: bool = False
    # Rows that are not simply the table's: (FROM, WHERE, scopes) → (FROM, WHERE).
    source_of: Callable[[Any, list[Any], list[Scope]], tuple[Any, list[Any]]] | None = None
    summary: Summary | None = None  # a smaller table that answers some of its requests

    def statement(self, scopes: list[Scope], items: list[Item], roles: list[str],
                  group_by: Any | None, group_after: tuple[Any, ...] = ()) -> Statement:
        needed: set[str] = set()
        for sc in scopes:
            for name in sc.filters:
                f = self.filters.get(name)
                if f is not None:
                    needed |= f.joins
        for item in items:
            needed |= item.aggregate.joins
        source: Any = self.table.__table__
        for name, (table, on) in self.joins.items():
            if name in needed:
                source = orm_join(source, table, on, isouter=True)
        where = [self.table.location_id == scopes[0].location_id]
        # What every row of the statement meets is not asked again per request.
        implied: set[int] = set()
        cache = scopes[0].lookups.conditions
        events = {self.roles[r].event for r in roles}
        if len(events) == 1 and None not in events:  # one date: narrow to the periods' span
            col = events.pop()
            where.append(col.between(min(sc.period.start for sc in scopes),
                                     max(sc.period.end for sc in scopes)))
            if len({(r, sc.period) for r, sc in zip(roles, scopes, strict=True)}) == 1:
                implied.add(id(cache[(self.name, "", roles[0], scopes[0].period)]))
        if self.narrow is not None:
            name, col = self.narrow
            values = [sc.filters.get(name) for sc in scopes]
            sels = [selection(v) if v else None for v in values]
            if all(s is not None and not s.negated for s in sels):
                where.append(col.in_(sorted({v for s in sels for v in s.members})))
                if len(set(values)) == 1:
                    implied |= {id(c) for key, c in cache.items()
                                if key[:3] == (self.name, name, values[0])}
        if self.source_of is not None:
            source, where = self.source_of(source, where, scopes)
        return Statement(source, where, group_by, items, implied, group_after,
                         self.table.__table__)

    def conditions(self, scope: Scope, role: str | None) -> list[Condition]:
        """The conditions of a request: its date role (None: none) and filters.
        Built once per computation (`Lookups.conditions`) and shared."""
        cache = scope.lookups.conditions
        out = []
        if role is not None:
            key = (self.name, "", role, scope.period)
            if key not in cache:
                cache[key] = Condition(self.roles[role].build(scope.period))
            out.append(cache[key])
        for name, value in scope.filters.items():
            f = self.filters.get(name)
            if f is None:
                continue
            key = (self.name, name, value, scope.period,
                   tuple(scope.filters.get(d) for d in f.depends))
            if key not in cache:
                cache[key] = f.build(scope, value)
            if cache[key] is not None:
                out.append(cache[key])
        return out

    def public_filters(self) -> list[str]:
        return [name for name, f in self.filters.items() if f.values is not None]


@dataclass(frozen=True)
class Summary:
    """A table kept by triggers (`vwdesk.core.rollups`) that answers some
    requests of a subject from far fewer rows, counted by a subject of its
    own: the requests whose filters, date role and aggregate it has, with a
    period of the report's whole year if it has no dates (`whole_year`), and
    on one kind of contact or on all together if its rows are persons per
    kind, which do not add up over kinds (`per_kind`). The answer is the
    same; `tests/report/test_summaries.py` holds them equal."""

    subject: Subject
    whole_year: bool = False
    per_kind: bool = False

    def serves(self, base: Subject, scope: Scope, aggregate: str, role: str | None) -> bool:
        own = self.subject
        if aggregate not in own.aggregates or role not in own.roles:
            return False
        if any(name in base.filters and name not in own.filters for name in scope.filters):
            return False
        if self.whole_year and scope.period != Period(dt.date(scope.year, 1, 1),
                                                      dt.date(scope.year, 12, 31)):
            return False
        if self.per_kind and "soort" in scope.filters:
            kinds = selection(scope.filters["soort"])
            return not kinds.negated and len(kinds.members) == 1
        return True
