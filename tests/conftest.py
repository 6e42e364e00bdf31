"""Shared fixtures. `db` runs a test on SQLite and, when .ci/run started one
(VWDESK_TEST_PG_URL), on PostgreSQL too."""

from __future__ import annotations

import os
import shutil

# Before anything imports Qt: no display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import text

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
