"""Portable SQL pieces of the figures engine (SQLite and PostgreSQL), and the
one statement that computes a group of requests.

A *group* is every request on one record kind (`vwdesk.report.subjects`)
with the same shape: plain numbers, or a ranked list grouped by one column.
`run_group` turns it into one aggregate statement: the record kind's rows of
the location (narrowed by date and kind where every request allows, so the
indexes on location, kind and date serve), and per request one aggregate over
a CASE of its conditions. A condition that is costly per row (a topic
EXISTS) is computed once per row in a materialised CTE and read from there
by every request that uses it.
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
    """One condition of a request: `sql`, and whether it is costly per row
    (then it is computed once per row and shared)."""

    sql: ColumnElement
    costly: bool = False


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
    for item in st.items:
        item.conditions = [c for c in item.conditions if id(c) not in st.implied]
    # With a costly condition that several aggregates ask, every condition
    # becomes a column of the rows, computed once per row; the aggregates read
    # those columns.
    conds = [c for item in st.items for c in item.conditions + (item.sub or [])]
    costly = [id(c) for c in conds if c.costly]  # equal conditions are one object
    flags: dict[int, tuple[str, Condition]] = {}
    if len(costly) > len(set(costly)) or (costly and _asked_twice(st.items)):
        for cond in conds:
            flags.setdefault(id(cond), (f"f{len(flags)}", cond))
    values: dict[str, Any] = {}  # value columns the aggregates read, by label

    def value_col(col: Any) -> Any:
        label = f"v{len(values)}"
        for name, existing in values.items():
            if existing is col:
                return name
        values[label] = col
        return label

    # First pass: which value columns and flags the rows must carry.
    plans = []
    for item in st.items:
        plans.append([value_col(c) for c in item.inputs])
    group_label = value_col(st.group_by) if st.group_by is not None else None
    if flags:
        inner = select(*(col.label(name) for name, col in values.items()),
                       *(case((c.sql, 1), else_=0).label(name) for name, c in flags.values()))
        rows = inner.select_from(st.source).where(*st.where).cte("rows").prefix_with("MATERIALIZED")

        def col_of(label: str) -> Any:
            return rows.c[label]

        def cond_sql(cond: Condition) -> Any:
            return rows.c[flags[id(cond)][0]] == 1
        where: list[Any] = []
        source = rows
    else:
        def col_of(label: str) -> Any:
            return values[label]

        def cond_sql(cond: Condition) -> Any:
            return cond.sql
        where, source = st.where, st.source

    def all_of(conds: list[Condition]) -> Any:
        return and_(*(cond_sql(c) for c in conds)) if conds else None

    # The aggregate columns; equal ones (same operation, input and conditions)
    # are computed once and read by every request that has them.
    columns: list[Any] = []
    index: dict[tuple, int] = {}
    picks: list[list[int]] = []
    for item, labels in zip(st.items, plans, strict=True):
        pick = []
        for conds in [item.conditions] + ([item.conditions + item.sub] if item.sub is not None
                                          else []):
            cond = all_of(conds)
            for op, i in item.aggregate.parts():
                key = (op, labels[i] if i is not None else None, tuple(sorted(map(id, conds))))
                if key not in index:
                    index[key] = len(columns)
                    columns.append(_aggregate(op, cond, col_of(labels[i]) if i is not None
                                              else None))
                pick.append(index[key])
        picks.append(pick)
    if group_label is not None:
        group = col_of(group_label)
        query = select(group, *columns).select_from(source).where(*where).group_by(group)
        rows_out = conn.execute(query).all()
        return [[(row[0], *(row[1 + i] for i in pick)) for row in rows_out] for pick in picks]
    row = conn.execute(select(*columns).select_from(source).where(*where)).one()
    return [tuple(row[i] for i in pick) for pick in picks]


def _asked_twice(items: list[Item]) -> bool:
    """Whether an item with a costly condition has more than one aggregate
    column (a distinct count of clients and of labels) or a nested split."""
    return any(len(item.aggregate.parts()) > 1 or item.sub is not None
               for item in items if any(c.costly for c in item.conditions))


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

