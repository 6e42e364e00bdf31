"""Shared fixtures. `db` runs a test on SQLite and, when .ci/run started one
(VWDESK_TEST_PG_URL), on PostgreSQL too."""

from __future__ import annotations

import os
import shutil
import sys
import threading

# Before anything imports Qt: no display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import Engine, event, text

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.db import Database
from vwdesk.core.services.base import Actor
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user

PG_URL = os.environ.get("VWDESK_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Never touch the real user's data folder, settings or database."""
    monkeypatch.setenv("VWDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("VWDESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("VWDESK_DATABASE_URL", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashes():
    """Production argon2 takes ~0.1 s a hash by design; tests that do not
    test passwords hash with the cheapest settings (`real_hasher` marks the
    ones that need the real ones)."""
    from argon2 import PasswordHasher

    from vwdesk.core.services import users

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


@pytest.fixture(autouse=True)
def _real_hasher_when_marked(request):
    if request.node.get_closest_marker("real_hasher") is None:
        yield
        return
    from argon2 import PasswordHasher

    from vwdesk.core.services import users

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "_hasher", PasswordHasher())
        yield


GUI_CODE = os.sep + os.path.join("vwdesk", "gui") + os.sep


def _gui_caller() -> str | None:
    """The first frame of the GUI package on the stack, if any."""
    frame = sys._getframe(2)
    while frame is not None:
        if GUI_CODE in frame.f_code.co_filename:
            return f"{frame.f_code.co_filename.split(GUI_CODE)[1]}:{frame.f_lineno}"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def _no_database_on_the_gui_thread():
    """Screens reach the database only off the GUI thread (`gui.ops`): any
    statement a screen's code runs on the main thread fails the test."""
    found: list[str] = []

    def check(_conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is threading.main_thread():
            caller = _gui_caller()
            if caller is not None:
                found.append(f"{caller}: {statement.split(None, 1)[0]}")

    event.listen(Engine, "before_cursor_execute", check)
    yield
    event.remove(Engine, "before_cursor_execute", check)
    assert not found, "database calls on the GUI thread:\n" + "\n".join(found)


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory):
    """A migrated, empty SQLite file; copied per test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = Database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(scope="session")
def _pg_database():
    if not PG_URL:
        pytest.skip("PostgreSQL is not available (VWDESK_TEST_PG_URL not set)")
    db = Database(PG_URL)
    yield db
    db.close()


def _truncate_pg(db: Database) -> None:
    tables = [t.name for t in m.Base.metadata.sorted_tables if t.name != "topics"]
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        # The shared topic list stays as a new database has it.
        conn.execute(m.Topic.__table__.delete().where(m.Topic.name.not_in(vocab.DEFAULT_TOPICS)))


def make_sqlite_db(template, tmp_path) -> Database:
    path = tmp_path / "test.sqlite"
    shutil.copy(template, path)
    return Database(f"sqlite:///{path}")


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path, migrated_sqlite_template):
    if request.param == "sqlite":
        database = make_sqlite_db(migrated_sqlite_template, tmp_path)
        yield database
        database.close()
    else:
        database = request.getfixturevalue("_pg_database")
        _truncate_pg(database)
        yield database
        _truncate_pg(database)


@pytest.fixture
def sqlite_db(tmp_path, migrated_sqlite_template):
    database = make_sqlite_db(migrated_sqlite_template, tmp_path)
    yield database
    database.close()


class Office:
    """A location with a teamleader and a volunteer, ready for tests."""

    def __init__(self, db: Database, name: str = "Testdorp"):
        self.db = db
        with db.session() as s:
            loc = create_location(s, SYSTEM, name)
            self.location_id = loc.id
            tl = create_user(s, SYSTEM, f"tl-{name.lower()}", "geheim-wachtwoord", "teamleider",
                             loc.id, "Teamleider")
            vw = create_user(s, SYSTEM, f"vw-{name.lower()}", "geheim-wachtwoord", "vrijwilliger",
                             loc.id, "Vrijwilliger")
            self.teamleader: Actor = actor_for(tl)
            self.volunteer: Actor = actor_for(vw)


@pytest.fixture
def office(db) -> Office:
    return Office(db)
