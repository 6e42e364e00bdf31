"""Opening the database: SQLite by default, any SQLAlchemy URL otherwise.

SQLite gets WAL (readers never block the writer, a second instance on the same
file works), foreign keys on, and a busy timeout so a second PC or process
waits for a lock instead of failing. The schema is created and upgraded by the
Alembic migrations shipped in `vwdesk.core.migrations` whenever a database is
opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from vwdesk.core.errors import VwdeskError

ENV_URL = "VWDESK_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000


def data_dir() -> Path:
    """The user's data folder (created on demand)."""
    path = Path(os.environ.get("VWDESK_DATA_DIR") or user_data_path("vwdesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url(demo: bool = False) -> str:
    name = "vwdesk-demo.sqlite" if demo else "vwdesk.sqlite"
    return f"sqlite:///{data_dir() / name}"


def resolve_url(url: str | None, demo: bool = False) -> str:
    """`--database` beats `VWDESK_DATABASE_URL` beats the default file.
    A plain file path is accepted too and taken as a SQLite file."""
    url = url or (None if demo else os.environ.get(ENV_URL)) or default_url(demo)
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL keeps every committed transaction across an application
    # crash; only a power cut may lose the last few (never corrupts).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


# Every vwdesk statement reads one location: a few thousand to a few hundred
# thousand rows. For those, starting parallel workers and JIT-compiling the
# plan cost more than they save (measured: 1.27x SQLite's time for a year's
# figures with them, see docs/postgresql.md); a shared server keeps its
# cores for the other offices.
PG_SESSION_SETTINGS = {"max_parallel_workers_per_gather": "0", "jit": "off"}


def _postgresql_settings(dbapi_conn, _record) -> None:
    with dbapi_conn.cursor() as cur:
        for name, value in PG_SESSION_SETTINGS.items():
            cur.execute(f"SET {name} = {value}")
    dbapi_conn.commit()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if parsed.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _postgresql_settings)
    return engine


class Database:
    """An engine plus a session factory; `session()` is the only way in."""

    def __init__(self, url: str, *, migrate: bool = True):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            from vwdesk.core.migrate import upgrade

            try:
                upgrade(self.engine)
            except Exception as exc:  # noqa: BLE001 - any driver error means: cannot open
                self.engine.dispose()
                raise VwdeskError(
                    f"De database {self.display_url} kan niet worden geopend of bijgewerkt "
                    f"({exc.__class__.__name__}). Controleer het pad of de verbinding."
                ) from exc

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()
