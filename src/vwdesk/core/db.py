"""Opening the database: SQLite by default, any SQLAlchemy URL otherwise.

SQLite gets WAL (readers never block the writer, a second instance on the same
file works), foreign keys on, a busy timeout so a second PC or process
waits for a lock instead of failing, and `secure_delete`: deleted or
overwritten content is zeroed in the file, whatever the SQLite build's
default (CPython's Windows build leaves it off). The file and its WAL are
private to the account (`core.files`). Error messages of the driver never
carry the SQL parameters (`hide_parameters`): they may quote personal data
or a password hash. The schema is created and upgraded by the
Alembic migrations shipped in `vwdesk.core.migrations` whenever a database is
opened.

Opening needs only SQLAlchemy's Core: the ORM (and with it the models) is
imported at the first `session()`, so the login window can be ready before
they are (the app imports them while the user types).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlalchemy import Engine, column, create_engine, event, select, table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from vwdesk.core.errors import DatabaseBusy, VwdeskError
from vwdesk.core.files import create_private, make_private, private_dir

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

ENV_URL = "VWDESK_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000


def data_dir() -> Path:
    """The user's data folder (created on demand)."""
    return private_dir(os.environ.get("VWDESK_DATA_DIR")
                       or user_data_path("vwdesk", appauthor=False))


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
    cur.execute("PRAGMA secure_delete=ON")
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


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_sqlite_file(Path(parsed.database))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {}
    if parsed.get_backend_name() == "postgresql":  # sent with the login: no extra round trip
        connect_args["options"] = " ".join(f"-c {k}={v}" for k, v in PG_SESSION_SETTINGS.items())
    return create_engine(url, pool_pre_ping=True, hide_parameters=True,
                         connect_args=connect_args)


def _private_sqlite_file(path: Path) -> None:
    """Create the file private before SQLite does (its -wal and -shm files
    take the database file's permissions), and make an existing one private."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            make_private(name)
    else:
        create_private(path)


def is_busy(exc: OperationalError) -> bool:
    """SQLite gave up waiting for another connection's lock."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


class Database:
    """An engine plus a session factory; `session()` is the only way in."""

    def __init__(self, url: str, *, migrate: bool = True):
        self.url = url
        self.engine = make_engine(url)
        self._sessions: sessionmaker | None = None
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
        """A session in one transaction: committed on success, rolled back on
        error. Waiting too long for another writer's lock (an import on
        another PC) becomes `DatabaseBusy`."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            with self._sessions() as s, s.begin():
                yield s
        except OperationalError as exc:
            if is_busy(exc):
                raise DatabaseBusy() from None
            raise

    def has_users(self) -> bool:
        """Whether anyone can log in yet (an empty database starts with the
        first-start setup). Asked at start, before the ORM is loaded: Core."""
        users = table("users", column("id"))
        with self.engine.connect() as conn:
            return conn.execute(select(users.c.id).limit(1)).first() is not None

    def truncate_wal(self) -> bool:
        """SQLite: copy the write-ahead log into the database file and empty
        it, so what was just overwritten is nowhere in the WAL either.
        False when another connection's read kept part of it (it is emptied
        at a later checkpoint, at the latest when the last connection closes)."""
        if not self.is_sqlite:
            return True
        with self.engine.connect() as conn:
            busy, _frames, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        return not busy

    def close(self) -> None:
        self.engine.dispose()
