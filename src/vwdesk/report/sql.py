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


def run_group(conn: Connection, st: Statement) -> list[Sequence[Any]]:
    """Run the statement; per item a tuple of its aggregate values, or with
    `group_by` a list of (group, values...) rows."""
    # The aggregate columns; equal ones (same operation, input and conditions)
    # are computed once and read by every request that has them.
    columns: list[Any] = []
    index: dict[tuple, int] = {}
    picks: list[list[int]] = []
    for item in st.items:
        conds = [c for c in item.conditions if id(c) not in st.implied]
        pick = []
        for part in [conds] + ([conds + item.sub] if item.sub is not None else []):
            cond = and_(*(c.sql for c in part)) if part else None
            for op, i in item.aggregate.parts():
                col = item.inputs[i] if i is not None else None
                key = (op, id(col), tuple(sorted(map(id, part))))
                if key not in index:
                    index[key] = len(columns)
                    columns.append(_aggregate(op, cond, col))
                pick.append(index[key])
        picks.append(pick)
    if st.group_by is not None:
        query = (select(st.group_by, *columns).select_from(st.source).where(*st.where)
                 .group_by(st.group_by))
        rows = conn.execute(query).all()
        return [[(row[0], *(row[1 + i] for i in pick)) for row in rows] for pick in picks]
    row = conn.execute(select(*columns).select_from(st.source).where(*st.where)).one()
    return [tuple(row[i] for i in pick) for pick in picks]


def _aggregate(op: str, cond: Any, col: Any) -> Any:
    """COUNT, COUNT(DISTINCT col) or SUM(col) over the rows meeting `cond`
    (None: every row)."""
    if op == "count":
        return count_if(cond)
    value = col if cond is None else case((cond, col), else_=None if op == "distinct" else 0)
    return func.count(distinct(value)) if op == "distinct" else func.sum(value)


def count_if(cond: Any) -> Any:
    """SUM of a CASE; without a condition (None) a plain COUNT(*)."""
    return func.count() if cond is None else func.sum(case((cond, 1), else_=0))

