"""Portable SQL pieces of the figures engine (SQLite and PostgreSQL), and the
one statement that computes a group of requests.

A *group* is every request on one record kind (`vwdesk.report.subjects`)
with the same shape: plain numbers, or a ranked list grouped by one column.
`run_group` turns it into one aggregate statement: the record kind's rows of
the location (narrowed by date and kind where every request allows, so the
indexes on location, kind and date serve), and per request one aggregate over
a CASE of its conditions; what the WHERE already guarantees is not asked
again, and equal aggregates are computed once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Integer

from vwdesk.report.params import Period


def _integer_function(name: str, sqlite: str, postgresql: str) -> type:
    """A SQL function of one date giving an integer, written per database
    (`{}` stands for the date)."""
    cls = type(name, (FunctionElement,), {"type": Integer(), "inherit_cache": True})
    compiles(cls)(lambda el, compiler, **kw: sqlite.format(compiler.process(el.clauses, **kw)))
    compiles(cls, "postgresql")(
        lambda el, compiler, **kw: postgresql.format(compiler.process(el.clauses, **kw)))
    return cls


# A date as the number yyyymmdd (cheaper than three EXTRACTs on SQLite, where
# a date is the text yyyy-mm-dd).
ymd = _integer_function("ymd", "CAST(REPLACE({}, '-', '') AS INTEGER)",
                        "CAST(TO_CHAR({}, 'YYYYMMDD') AS INTEGER)")
# Days since a fixed date: for lengths of time in days.
day_number = _integer_function("day_number", "CAST(julianday({}) AS INTEGER)",
                               "(({}) - DATE '2000-01-01')")


def age_at_least(years: int, birth: Any, on: Any) -> Any:
    """SQL: `years` or older on date `on` (the birthday itself counts; born on
    29 February: a year older on 1 March). Compares yyyymmdd numbers."""
    return and_(birth.is_not(None), ymd(on) - ymd(birth) >= years * 10000)


def younger_than(years: int, birth: Any, on: Any) -> Any:
    return and_(birth.is_not(None), ymd(on) - ymd(birth) < years * 10000)


def months_between(earlier: Any, later: Any) -> Any:
    """SQL: whole months from `earlier` to `later` (no date arithmetic)."""
    a, b = ymd(earlier), ymd(later)
    return ((b // 10000 - a // 10000) * 12 + b // 100 % 100 - a // 100 % 100
            - case((b % 100 < a % 100, 1), else_=0))


def in_period(col: Any, p: Period) -> Any:
    return col.between(p.start, p.end)


def overlaps(start: Any, end: Any, p: Period) -> Any:
    """Started by the end of the period and not ended before its start."""
    return and_(start <= p.end, or_(end.is_(None), end >= p.start))


def later_of(col: Any, day: dt.date) -> Any:
    return case((col > day, col), else_=literal(day))


def earlier_of(col: Any, day: dt.date) -> Any:
    return case((and_(col.is_not(None), col < day), col), else_=literal(day))


class person_count(FunctionElement):  # noqa: N801 - a SQL function, named as one
    """The distinct persons among rows that name a client or a label (never
    both): on SQLite one COUNT(DISTINCT) over whichever is set (a client id is
    an integer, a label text, so they never compare equal), which costs half
    of two distinct counts over every row; PostgreSQL, whose CASE cannot mix
    the two types, adds the two distinct counts."""

    type = Integer()
    inherit_cache = True


@compiles(person_count)
def _person_count_sqlite(el: person_count, compiler: Any, **kw: Any) -> str:
    return f"count(DISTINCT coalesce({compiler.process(el.clauses, **kw)}))"


@compiles(person_count, "postgresql")
def _person_count_postgresql(el: person_count, compiler: Any, **kw: Any) -> str:
    client, label = (compiler.process(c, **kw) for c in el.clauses)
    return f"(count(DISTINCT {client}) + count(DISTINCT {label}))"


@dataclass(frozen=True)
class Condition:
    """One condition of a request (built once per computation and shared, so
    equal conditions are one object)."""

    sql: ColumnElement


@dataclass
class Item:
    """What one request contributes to a statement: its conditions and how it
    aggregates (`Aggregate.columns`)."""

    conditions: list[Condition]
    aggregate: Any  # subjects.Aggregate
    inputs: list[Any]  # the columns the aggregate reads
    sub: list[Condition] | None = None  # "waarvan": a count of a part, beside each group


@dataclass
class Statement:
    """A group's statement: where its rows come from and how they are narrowed."""

    source: Any  # a FROM clause
    where: list[Any]
    group_by: Any | None = None  # a column: one result row per value (ranked lists)
    items: list[Item] = field(default_factory=list)
    implied: set[int] = field(default_factory=set)  # ids of conditions WHERE already meets
    # Columns the index hands the rows over in before `group_by` (the topic
    # links' kind and date): grouped by them too, nothing is sorted, and the
    # counts are added up per group afterwards.
    group_after: tuple[Any, ...] = ()
    table: Any = None  # the record kind's own table (see `run_group`)


def run_group(conn: Connection, st: Statement) -> list[Sequence[Any]]:
    """Run the statement; per item a tuple of its aggregate values, or with
    `group_by` a list of (group, values...) rows."""
    # A condition on the record's own table that every request has goes into
    # the WHERE: evaluated once per row, and rows failing it are not
    # aggregated at all. One on a joined table stays per request: in the
    # WHERE, PostgreSQL would rather hash every client of the region than
    # look up the few the location's contacts name.
    shared = [c for c in st.items[0].conditions if id(c) not in st.implied
              and c.sql._from_objects and set(c.sql._from_objects) <= {st.table}
              and all(id(c) in map(id, item.conditions) for item in st.items[1:])
              ] if st.items else []
    where = [*st.where, *(c.sql for c in shared)]
    implied = st.implied | {id(c) for c in shared}
    # The aggregate columns; equal ones (same operation, input and conditions)
    # are computed once and read by every request that has them.
    wanted: list[list[tuple[str, tuple[Any, ...], list[Condition]]]] = []
    for item in st.items:
        conds = [c for c in item.conditions if id(c) not in implied]
        wanted.append([
            (op, tuple(item.inputs[j] for j in
                       (() if i is None else i if isinstance(i, tuple) else (i,))), part)
            for part in [conds] + ([conds + item.sub] if item.sub is not None else [])
            for op, i in item.aggregate.parts()])
    plain = {_key(op, cols, part) for parts in wanted for op, cols, part in parts
             if op == "distinct"}
    columns: list[Any] = []
    index: dict[tuple, int] = {}
    picks: list[list[int]] = []
    for parts in wanted:
        pick = []
        for op, cols, part in parts:
            # Persons beside a distinct count of the same clients: that count
            # plus one of the labels (the values of a pick are added up).
            pieces = ([("distinct", cols[:1]), ("distinct", cols[1:])]
                      if op == "persons" and _key("distinct", cols[:1], part) in plain
                      else [(op, cols)])
            for piece_op, piece_cols in pieces:
                key = _key(piece_op, piece_cols, part)
                if key not in index:
                    index[key] = len(columns)
                    cond = and_(*(c.sql for c in part)) if part else None
                    columns.append(_aggregate(piece_op, cond, piece_cols))
                pick.append(index[key])
        picks.append(pick)
    if st.group_by is not None:
        keys = [*st.group_after, st.group_by]
        query = (select(*keys, *columns).select_from(st.source).where(*where)
                 .group_by(*keys))
        rows = conn.execute(query).all()
        if st.group_after:
            rows = _added_per_group(rows, len(st.group_after))
        return [[(row[0], *(row[1 + i] for i in pick)) for row in rows] for pick in picks]
    row = conn.execute(select(*columns).select_from(st.source).where(*where)).one()
    return [tuple(row[i] for i in pick) for pick in picks]


def _key(op: str, cols: tuple[Any, ...], part: list[Condition]) -> tuple:
    """Equal aggregates: the same operation on the same columns under the same
    conditions."""
    return (op, tuple(map(id, cols)), tuple(sorted(map(id, part))))


def _added_per_group(rows: Sequence[Sequence[Any]], skip: int) -> list[tuple[Any, ...]]:
    """Rows (after..., group, counts...) as (group, counts...), the counts of a
    group added up (a grouped statement holds only counts)."""
    totals: dict[Any, list[int]] = {}
    for row in rows:
        counts = totals.setdefault(row[skip], [0] * (len(row) - skip - 1))
        for k, n in enumerate(row[skip + 1:]):
            counts[k] += n or 0
    return [(group, *counts) for group, counts in totals.items()]


def _aggregate(op: str, cond: Any, cols: tuple[Any, ...]) -> Any:
    """COUNT, COUNT(DISTINCT col), the persons of (client, label) or SUM(col)
    over the rows meeting `cond` (None: every row)."""
    if op == "count":
        return count_if(cond)
    if op == "persons":
        return person_count(*(c if cond is None else case((cond, c), else_=None) for c in cols))
    col = cols[0]
    value = col if cond is None else case((cond, col), else_=None if op == "distinct" else 0)
    return func.count(distinct(value)) if op == "distinct" else func.sum(value)


def count_if(cond: Any) -> Any:
    """SUM of a CASE; without a condition (None) a plain COUNT(*)."""
    return func.count() if cond is None else func.sum(case((cond, 1), else_=0))

