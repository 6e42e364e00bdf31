"""The trigram index over the clients' folded names, so that no search
keystroke reads every name of a location.

The indexed text is a client's `search_name` without its spaces ("al hassan
tekle" → "alhassantekle"), so a name typed with or without the spaces and
hyphens between its parts is found as a substring.

- SQLite: an FTS5 table with the `trigram` tokenizer (`client_names`, rowid =
  client id), kept equal to `clients` by three triggers, so every writer
  (the services, the exchange import's bulk inserts, retention) updates it
  without knowing. FTS5 and its trigram tokenizer (SQLite ≥ 3.34) are in the
  SQLite of every supported CPython: the python.org Windows builds compile
  their bundled SQLite (3.39 and newer for 3.11) with `SQLITE_ENABLE_FTS5`
  (`PCbuild/sqlite3.vcxproj`, the same on the 3.10 to 3.14 branches), and
  Debian's and Ubuntu's SQLite have it too; a test fails where it is
  missing, and the search falls back to reading the names (below).
- PostgreSQL: a GIN index with `pg_trgm`'s `gin_trgm_ops` on the same
  expression, which `LIKE '%…%'` uses. Creating the extension needs the
  database owner (it is a trusted extension) or a superuser; without it the
  index is left out and search reads the location's names from the
  (location, search_name) index instead — correct, only slower.

Neither structure is part of the SQLAlchemy models (a virtual table and an
operator-class index are dialect-specific); `SEARCH_OBJECTS` names them so
the schema comparison leaves them out.
"""

from __future__ import annotations

import logging
import weakref

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

FTS_TABLE = "client_names"
PG_INDEX = "ix_clients_search_trgm"
# Tables and indexes the migrations make outside the models (the FTS5 table
# and its shadow tables, the trigram index).
SEARCH_OBJECTS = (FTS_TABLE, PG_INDEX)

_COMPACT = "replace({0}.search_name, ' ', '')"

_SQLITE_DDL = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, tokenize = 'trigram')",
    f"""CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON clients BEGIN
        INSERT INTO {FTS_TABLE} (rowid, name) VALUES (new.id, {_COMPACT.format('new')});
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF search_name ON clients BEGIN
        UPDATE {FTS_TABLE} SET name = {_COMPACT.format('new')} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON clients BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
    END""",
]


def is_search_object(name: str | None) -> bool:
    return bool(name) and name.startswith(SEARCH_OBJECTS)


def install(conn: Connection) -> bool:
    """Create the index for this database and fill it; False when the
    database cannot have one (no FTS5 trigram tokenizer, no pg_trgm)."""
    if conn.dialect.name == "sqlite":
        if not _sqlite_has_trigram(conn):
            log.warning("search_index.unavailable reason=no-fts5-trigram")
            return False
        for ddl in _SQLITE_DDL:
            conn.exec_driver_sql(ddl)
        refill(conn)
        return True
    if conn.dialect.name == "postgresql":
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                conn.exec_driver_sql(
                    f"CREATE INDEX {PG_INDEX} ON clients USING gin "
                    f"(({_COMPACT.format('clients')}) gin_trgm_ops)")
        except Exception as exc:  # noqa: BLE001 - missing extension or privilege
            log.warning("search_index.unavailable reason=%s", exc.__class__.__name__)
            return False
        return True
    return False


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for suffix in ("insert", "update", "delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{suffix}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")


def refill(conn: Connection) -> None:
    """Index every client anew (SQLite; PostgreSQL's index follows the table).
    For bulk loads that bypassed the triggers."""
    if conn.dialect.name == "sqlite" and available(conn):
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} (rowid, name) "
                             f"SELECT id, {_COMPACT.format('clients')} FROM clients")


_AVAILABLE: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def available(conn: Connection) -> bool:
    """Whether this database has the index (asked once per engine)."""
    engine = conn.engine
    if engine not in _AVAILABLE:
        if conn.dialect.name == "sqlite":
            sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"
            found = conn.execute(text(sql), {"n": FTS_TABLE}).scalar()
        elif conn.dialect.name == "postgresql":
            found = conn.execute(text("SELECT to_regclass(:n) IS NOT NULL"),
                                 {"n": PG_INDEX}).scalar()
        else:
            found = False
        _AVAILABLE[engine] = bool(found)
    return _AVAILABLE[engine]


def forget(engine: Engine) -> None:
    """Ask again next time (after a migration created or dropped the index)."""
    _AVAILABLE.pop(engine, None)


def _sqlite_has_trigram(conn: Connection) -> bool:
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.vwdesk_probe USING fts5(x, "
                             "tokenize = 'trigram')")
        conn.exec_driver_sql("DROP TABLE temp.vwdesk_probe")
        return True
    except Exception:  # noqa: BLE001 - sqlite3.OperationalError: no such module / tokenizer
        return False
