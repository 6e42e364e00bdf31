"""Inserting many rows of one table at the speed of the database driver.

A Core `insert(table)` executed with a list of dicts builds and converts
the parameters of every row in SQLAlchemy's Python code: for the exchange
import (≈ 320,000 rows with dates and JSON) that took longer than the
database's own work. `insert_rows` compiles the statement once, converts
each column with the type's own bind processor (the same conversion
SQLAlchemy applies; a date or timestamp that repeats is converted once) and
hands the rows to the driver's `executemany`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import JSON, Table, insert, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine


def insert_rows(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys: column names) into `table`
    within the session's transaction. Columns left out get their scalar
    default; one with a computed default must be given."""
    if not rows:
        return
    conn = s.connection()
    dialect = conn.dialect
    keys = list(rows[0])
    same_keys = ValueError(f"rows for {table.name} must all have the same keys")
    if sum(map(len, rows)) != len(keys) * len(rows):  # a key missing from a row: KeyError below
        raise same_keys
    defaults = {}
    for c in table.c:
        if c.key not in rows[0] and c.default is not None:
            if not c.default.is_scalar:
                raise ValueError(f"{table.name}.{c.key} has a computed default; give its value")
            defaults[c.key] = c.default.arg
    if defaults:  # what the insert would fill in for a column left out
        rows = [{**defaults, **row} for row in rows]
        keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    names = list(compiled.positiontup) if compiled.positional else keys
    if set(names) != set(keys) or set(compiled.params) != set(keys):
        raise ValueError(f"bind names of {table.name} differ from its column names")
    columns = []
    for name in names:
        try:
            values = [row[name] for row in rows]
        except KeyError:
            raise same_keys from None
        convert = _converter(table.c[name].type, dialect)
        columns.append(values if convert is None else [convert(v) for v in values])
    params: list[Any] = list(zip(*columns))
    if not compiled.positional:
        params = [dict(zip(names, p)) for p in params]
    conn.exec_driver_sql(compiled.string, params)


def _converter(type_: TypeEngine, dialect: Dialect) -> Callable[[Any], Any] | None:
    process = type_.dialect_impl(dialect).bind_processor(dialect)
    if process is None or isinstance(type_, JSON):
        return process
    cache: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            done = cache[value] = process(value)
            return done

    return convert


@contextmanager
def large_cache(s: Session, kib: int = 65536) -> Iterator[None]:
    """On SQLite, a larger page cache (64 MB) for the session's connection
    while a bulk write runs, and the previous size after. New rows land at
    scattered places in the indexes; with the default 2 MB cache the same
    pages are read again and again (the contacts of the exchange benchmark
    were written in 1.7 s instead of 2.5 s). The cache only grows as used."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    before = s.execute(text("PRAGMA cache_size")).scalar_one()
    s.execute(text(f"PRAGMA cache_size=-{int(kib)}"))
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # after a failed write the session may refuse
            s.execute(text(f"PRAGMA cache_size={int(before)}"))
