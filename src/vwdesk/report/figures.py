"""The figures engine: the values of a location's figures in one year.

Everything a report shows is a *request*: a figure key with filters
(`vwdesk.report.params.Request`); a plain figure is a request without
filters. `compute_figures` resolves a set of requests in one pass:

1. requests on counted records are grouped per record kind and shape and
   each group is one aggregate statement (`vwdesk.report.sql`);
2. typed-in year figures (`YearFigure`) are read in one statement and
   resolved for every typed request: mode `invoer` (typed in), `vervangt`
   (replaces a computed value, which is kept with the reason) and `naast`
   (an official figure beside the computed one, `officieel.<key>`);
3. derived figures (saldo, the largest group, gehaald.*) follow from the
   values they need, with the same filters;
4. `per=gemeente` lists are made from one request per municipality.

What a figure means is in `vwdesk.report.registry`; what each kind of record
can be filtered on in `vwdesk.report.subjects`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.report.groups import Groups
from vwdesk.report.params import PERIOD_PARAMS, Request, period_of, selection
from vwdesk.report.registry import (
    OWN_KEY,
    FigureSpec,
    concrete_keys,
    find_definition,
    programme_of,
    spec_of,
    split_prefix,
)
from vwdesk.report.sql import Item, run_group
from vwdesk.report.subject_base import Aggregate, Lookups, Scope, Subject
from vwdesk.report.subjects import period_days

Value = int | float | str | list | None
# Filters typed-in figures can be narrowed by (a row per municipality or half-year).
TYPED_FILTERS = frozenset({"gemeente", "half"})
# Parameters that are not conditions on rows.
_NOT_CONDITIONS = frozenset({"per", "waarvan", *PERIOD_PARAMS})


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
    computed value; `previous` is the year before (for comparisons), if asked,
    and `next` the typed-in figures of the year after (`jaar=volgend`)."""

    location_id: int
    location_name: str
    year: int
    values: dict[str, Value]
    overrides: dict[str, Override] = field(default_factory=dict)
    official: dict[str, Official] = field(default_factory=dict)
    typed: set[str] = field(default_factory=set)
    previous: Figures | None = None
    next: Figures | None = None
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
            out.append((key, self.values[key], definition.definition if definition else OWN_KEY,
                        self.source(key), note))
        return out


def plain_number(value: Any) -> int | float:
    """A number as the report writes it: whole, or with one decimal (a
    database may hand a sum over as Decimal)."""
    value = float(value)
    return int(value) if value.is_integer() else round(value, 1)


class _Typed:
    """The year figures of a location-year, read in one statement."""

    def __init__(self, conn: Connection, location_id: int, year: int, lookups: Lookups):
        y = m.YearFigure
        self.rows = conn.execute(
            select(y.key, y.mode, y.municipality_id, y.half, func.sum(y.value), func.max(y.note))
            .where(y.location_id == location_id, y.year == year)
            .group_by(y.key, y.mode, y.municipality_id, y.half)).all()
        self.lookups = lookups

    def keys(self, mode: str) -> set[str]:
        return {key for key, md, *_ in self.rows if md == mode}

    def find(self, key: str, mode: str, filters: dict[str, str]) -> tuple[Value, str | None]:
        """The sum of the rows of `key` and `mode` matching the municipality and
        half-year filters (None when there are none), and their note. Without
        either, an override (`vervangt`) is only a location-wide row."""
        ids = None
        if "gemeente" in filters:
            ids = set(self.lookups.municipality_ids(selection(filters["gemeente"]).members))
        half = int(filters["half"]) if "half" in filters else None
        total, notes, found = 0.0, [], False
        for k, md, mun, hf, value, note in self.rows:
            if k != key or md != mode:
                continue
            if ids is not None and mun not in ids:
                continue
            if half is not None and hf != half:
                continue
            if mode == "vervangt" and ids is None and half is None and (mun or hf):
                continue
            total, found = total + value, True
            notes.append(note or "")
        return (plain_number(total) if found else None), (max(notes) or None if notes else None)


def _filters(req: Request) -> dict[str, str]:
    return dict(req.filters)


@dataclass
class _Member:
    """A counted request in a statement: what it counts (the figure's subject,
    or a summary of it that answers the request from fewer rows) and by which
    date role; `summed`: a plain count computed in a ranked list's statement
    over the same rows, as the sum of its groups."""

    req: Request
    spec: FigureSpec
    scope: Scope
    subject: Subject
    role: str | None
    summed: bool = False

    @property
    def aggregate(self) -> Aggregate:
        return self.subject.aggregates[self.spec.aggregate]


def _fold_counts_into_lists(groups: dict[tuple, list[_Member]]) -> None:
    """A count over the same rows as a ranked list is the sum of the list's
    groups: it goes into the list's statement, which saves reading the rows
    twice (contacts per month and in total, topics per topic and in total)."""
    for key, members in groups.items():
        subject, shape, period, narrow = key
        if shape is not None:
            continue
        target = next((k for k in groups if k[1] is not None and k[0] == subject
                       and k[2:] == (period, narrow) and not _list_joins(groups[k])), None)
        if target is None:
            continue
        moved = [mb for mb in members if mb.aggregate.kind in ("count", "sum")
                 and "waarvan" not in _filters(mb.req) and not _joins_of(mb)]
        for mb in moved:
            members.remove(mb)
            groups[target].append(replace(mb, summed=True))


def _joins_of(member: _Member) -> frozenset[str]:
    """The tables a request's filters join (a count that needs them stays out
    of a ranked list's statement, which then keeps reading one index)."""
    filters = member.subject.filters
    return frozenset().union(*(filters[n].joins for n in member.scope.filters if n in filters))


def _list_joins(members: list[_Member]) -> frozenset[str]:
    return next(mb for mb in members if not mb.summed).aggregate.joins


class _Run:
    """Resolving requests for one location and year (see the module docstring)."""

    def __init__(self, conn: Connection, location_id: int, year: int, lookups: Lookups):
        self.conn, self.location_id, self.year, self.lookups = conn, location_id, year, lookups
        self.typed = _Typed(conn, location_id, year, lookups)
        self.values: dict[Request, Value] = {}
        self.counted: dict[Request, Value] = {}  # before overrides
        self.overrides: dict[Request, Override] = {}
        self.sources: dict[Request, str] = {}

    # -- what a request is ------------------------------------------------

    def _closure(self, requests: set[Request]) -> set[Request]:
        out: set[Request] = set()
        todo = list(requests)
        while todo:
            req = todo.pop()
            if req in out:
                continue
            out.add(req)
            f = _filters(req)
            if f.get("per") == "gemeente":
                del f["per"]
                for name in self.lookups.municipality_names():
                    todo.append(Request(req.key, tuple(sorted({**f, "gemeente": name}.items()))))
                continue
            prefix, inner = split_prefix(req.key)
            if prefix == "gehaald.":
                todo += [Request(inner, req.filters), Request("doel." + inner, req.filters)]
                continue
            spec = spec_of(inner) if not prefix else None
            if spec and spec.derive:
                todo += [Request(k, req.filters) for k in spec.needs]
        return out

    def resolve(self, requests: set[Request]) -> None:
        everything = self._closure(requests)
        counted = [r for r in everything if self._counted_spec(r) is not None
                   and "per" not in _filters(r)]
        self._count(counted)
        for req in sorted(everything, key=lambda r: (r.key, r.filters)):
            self.value(req)

    def _counted_spec(self, req: Request) -> FigureSpec | None:
        prefix, inner = split_prefix(req.key)
        spec = spec_of(inner) if not prefix else None
        return spec if spec and spec.subject else None

    # -- counted figures: one statement per group ---------------------------

    def _scope(self, req: Request, spec: FigureSpec) -> Scope:
        f = _filters(req)
        merged = {**dict(spec.base), **{k: v for k, v in f.items() if k not in _NOT_CONDITIONS}}
        programme = programme_of(req.key)
        if programme is not None:
            merged["programma"] = programme
        return Scope(self.location_id, self.year, period_of(self.year, f), merged, self.lookups)

    def _count(self, requests: list[Request]) -> None:
        groups: dict[tuple, list[_Member]] = defaultdict(list)
        for req in requests:
            mb = self._member(req)
            agg = mb.aggregate
            shape = id(agg.column) if agg.kind == "groups" else None
            period = mb.scope.period if mb.subject.name == "huishoudens" else None
            groups[(mb.subject.name, shape, period, self._narrowed(mb))].append(mb)
        _fold_counts_into_lists(groups)
        for (_, shape, *_), members in sorted(groups.items(), key=lambda g: str(g[0])):
            if not members:
                continue
            subject = members[0].subject
            items = []
            for mb in members:
                sub = None
                if "waarvan" in _filters(mb.req):
                    part = spec_of(_filters(mb.req)["waarvan"])
                    sub = subject.conditions(replace(mb.scope, filters=dict(part.base)), None)
                items.append(Item(subject.conditions(mb.scope, mb.role), mb.aggregate,
                                  mb.aggregate.inputs(mb.scope.period), sub))
            group_by, group_after = None, ()
            if shape is not None:
                grouped = next(mb for mb in members if not mb.summed).aggregate
                group_by, group_after = grouped.column, grouped.group_after
            statement = subject.statement([mb.scope for mb in members], items,
                                          [mb.role for mb in members], group_by, group_after)
            for mb, raw in zip(members, run_group(self.conn, statement), strict=True):
                if mb.summed:
                    self.counted[mb.req] = plain_number(sum(v or 0 for _, v in raw))
                else:
                    self.counted[mb.req] = self._value_of(mb, raw)

    def _member(self, req: Request) -> _Member:
        """The request as counted: by the figure's subject, or by its summary
        when that answers it (`subject_base.Summary`)."""
        spec = self._counted_spec(req)
        scope = self._scope(req, spec)
        subject, role = spec.counted, spec.date_role
        summary = subject.summary
        if summary is not None and "waarvan" not in _filters(req) \
                and summary.serves(subject, scope, spec.aggregate, role):
            subject = summary.subject
        return _Member(req, spec, scope, subject, role)

    def _narrowed(self, mb: _Member) -> str | None:
        """The kinds a request on contacts is limited to (`soort=juridisch`), if
        any: requests on the same kinds share a statement that reads only
        their rows, through the index on location, kind and date."""
        if not mb.subject.split_by_kind:
            return None
        value = mb.scope.filters.get(mb.subject.narrow[0])
        return value if value and not value.startswith("!") else None

    def _value_of(self, mb: _Member, raw: Any) -> Value:
        agg, scope = mb.aggregate, mb.scope
        if agg.kind == "groups":
            return self._groups(agg, raw)
        if agg.kind == "persons":  # one distinct count, or the clients' and the labels'
            return sum(int(v or 0) for v in raw)
        if agg.kind == "ratio":
            return plain_number(float(raw[0]) / raw[1]) if raw[1] else None
        if agg.kind == "average":
            return plain_number(float(raw[0] or 0) / period_days(scope.period))
        return plain_number(raw[0] or 0)

    def _groups(self, agg: Any, rows: list[tuple]) -> Value:
        if agg.labels == "maand":  # rows per day
            months = [0] * 12
            for day, n, *_ in rows:
                months[_as_date(day).month - 1] += int(n or 0)
            return months
        items = []
        for key, n, *part in rows:
            if not n or (key is None and agg.skip_null):
                continue
            if agg.labels == "onderwerp":
                key = self.lookups.topic_name(key)
            items.append([key, int(n), *(int(p or 0) for p in part)])
        return Groups(items, agg.labels).ordered()

    # -- every request, counted ones done -------------------------------------

    def value(self, req: Request) -> Value:
        if req in self.values:
            return self.values[req]
        f = _filters(req)
        prefix, inner = split_prefix(req.key)
        spec = spec_of(inner) if not prefix else None
        if f.get("per") == "gemeente":
            value = self._per_municipality(req, f)
        elif req in self.counted:
            value = self.counted[req]
        elif prefix == "officieel.":
            value, _ = self.typed.find(inner, "naast", f)
        elif prefix == "gehaald.":
            done, target = self.value(Request(inner, req.filters)), \
                self.value(Request(req.key.replace("gehaald.", "doel.", 1), req.filters))
            value = (1 if done >= target else 0) if isinstance(done, int | float) \
                and isinstance(target, int | float) else None
        elif prefix == "doel." or spec is None or spec.source == "invoer":
            value, _ = self.typed.find(req.key, "invoer", f)
            self.sources[req] = "ingevoerd"
        else:  # derived
            value = spec.derive(lambda key: self.value(Request(key, req.filters)))
        value = self._override(req, value)
        self.values[req] = value
        return value

    def _override(self, req: Request, value: Value) -> Value:
        """A typed `vervangt` figure for the same municipality/half-year replaces
        a computed or derived value."""
        f = _filters(req)
        if self.sources.get(req) == "ingevoerd" or not set(f) <= TYPED_FILTERS \
                or split_prefix(req.key)[0]:
            return value
        typed, note = self.typed.find(req.key, "vervangt", f)
        if typed is None:
            return value
        self.overrides[req] = Override(typed, value, note)
        return typed

    def _per_municipality(self, req: Request, f: dict[str, str]) -> Value:
        """`key` in each municipality of the location ("in Schiedam", n), by name;
        municipalities where it is 0 or unknown are left out."""
        del f["per"]
        items = []
        for name in self.lookups.municipality_names():
            one = self.value(Request(req.key, tuple(sorted({**f, "gemeente": name}.items()))))
            if one:
                items.append([name, one])
        return Groups(items, "gemeente")


def _as_date(value: Any) -> dt.date:
    """A date from a grouped row (SQLite hands a raw GROUP BY value back as text)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


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
    and derived; with `keys`, only those figures (and what they need).
    `with_previous` also computes the year before (comparisons): all figures,
    or, given a set of keys, just those. `requests` are filtered figures
    (`vwdesk.report.params.Request`), computed for both years; the typed-in
    figures of the year after come along in `next`."""
    conn, owned = _connection_of(source)
    try:
        lookups = Lookups(conn, location_id)
        requests = requests or set()
        figures = _compute(conn, lookups, year, keys, requests)
        if with_previous:
            wanted = with_previous if isinstance(with_previous, set) else keys
            figures.previous = _compute(conn, lookups, year - 1, wanted, requests)
        typed_requests = {r for r in requests if _is_typed_request(r)}
        figures.next = _compute(conn, lookups, year + 1, set(), typed_requests)
        return figures
    finally:
        if owned is not None:
            owned.close()


def _is_typed_request(req: Request) -> bool:
    prefix, inner = split_prefix(req.key)
    spec = spec_of(inner)
    return prefix in ("doel.", "officieel.") or spec is None or spec.source == "invoer"


def _compute(conn: Connection, lookups: Lookups, year: int, keys: set[str] | None,
             requests: set[Request]) -> Figures:
    location_id = lookups.location_id
    name = conn.scalar(select(m.Location.name).where(m.Location.id == location_id)) or ""
    run = _Run(conn, location_id, year, lookups)
    typed_keys = run.typed.keys("invoer")
    plain = set(concrete_keys(sorted(lookups.programmes()))) if keys is None else set(keys)
    plain |= typed_keys | {"gehaald." + k[len("doel."):] for k in typed_keys
                           if k.startswith("doel.")}
    plain_requests = {Request(k, ()) for k in plain if not k.startswith("officieel.")}
    run.resolve(plain_requests | set(requests))
    figures = Figures(location_id, name, year, {})
    for req, value in run.values.items():
        if req.filters:
            if req in requests:
                figures.extra[req] = value
                if req in run.overrides:
                    figures.extra_overrides[req] = run.overrides[req]
        elif value is not None and not req.key.startswith("officieel."):
            figures.values[req.key] = value
            if run.sources.get(req) == "ingevoerd":
                figures.typed.add(req.key)
            if req in run.overrides:
                figures.overrides[req.key] = run.overrides[req]
    for key in run.typed.keys("naast"):
        value, note = run.typed.find(key, "naast", {})
        figures.official[key] = Official(value, note)
    return figures


def add_requests(conn: Connection, figures: Figures, requests: set[Request]) -> None:
    """Compute `requests` into `figures.extra` (the filtered figures)."""
    run = _Run(conn, figures.location_id, figures.year, Lookups(conn, figures.location_id))
    run.resolve(set(requests))
    for req in requests:
        figures.extra[req] = run.values.get(req)
        if req in run.overrides:
            figures.extra_overrides[req] = run.overrides[req]
