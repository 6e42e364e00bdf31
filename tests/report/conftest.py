"""A demo database shared by the report tests of one session (filling it takes
a few seconds; the tests only read it)."""

from __future__ import annotations

import shutil

import pytest

from vwdesk.core.db import Database
from vwdesk.demo import fill_demo


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, migrated_sqlite_template):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copy(migrated_sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    fill_demo(db)
    yield db
    db.close()


@pytest.fixture(scope="session")
def demo_ids(demo_db):
    from vwdesk.core.services.locations import get_location

    with demo_db.session() as s:
        return {name: get_location(s, name).id for name in ("Vlaardingen", "Maassluis")}
