"""Fixtures for the exchange workbook tests."""

from __future__ import annotations

import pytest

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.services.base import Actor
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for
from tests.conftest import make_sqlite_db
from tests.exchange.exchange_data import fill


class QuickOffice:
    """Like tests.conftest.Office, but the users get no real password hash:
    these tests never log in, and hashing twice per test doubled their time."""

    def __init__(self, db: Database, name: str = "Testdorp"):
        self.db = db
        with db.session() as s:
            loc = create_location(s, SYSTEM, name)
            self.location_id = loc.id
            users = [m.User(username=f"{role[:2]}-{name.lower()}", display_name=role.title(),
                            role=role, location_id=loc.id, password_hash="-")
                     for role in ("teamleider", "vrijwilliger")]
            s.add_all(users)
            s.flush()
            self.teamleader: Actor = actor_for(users[0])
            self.volunteer: Actor = actor_for(users[1])


@pytest.fixture
def office(db) -> QuickOffice:
    return QuickOffice(db)


@pytest.fixture
def filled(office: QuickOffice) -> QuickOffice:
    fill(office)
    return office


@pytest.fixture
def empty_db(tmp_path, migrated_sqlite_template):
    target = tmp_path / "other"
    target.mkdir()
    database = make_sqlite_db(migrated_sqlite_template, target)
    yield database
    database.close()
