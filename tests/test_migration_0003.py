"""Migration 0003 on a database saved before it: dwellings, clients and the
topics of contacts stay as they were; the new fields start empty; every
topic is still on every location's list; moves can be registered at once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, text

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.migrate import upgrade
from vwdesk.core.services.moves import dwelling_history, register_move
from vwdesk.core.services.topics import topics_of
from vwdesk.core.services.users import SYSTEM

ROWS = [
    "INSERT INTO locations (id, name, created_at, updated_at, version) "
    "VALUES (1, 'Oud', '2018-01-01', '2018-01-01', 1)",
    "INSERT INTO dwellings (id, location_id, number, address, type, available_on, created_at, "
    "updated_at, version) VALUES (1, 1, 'W-1', 'Kade 1', 'kamer', '2018-02-01', '2018-01-01', "
    "'2018-01-01', 1)",
    "INSERT INTO dwellings (id, location_id, number, available_on, created_at, updated_at, "
    "version) VALUES (2, 1, 'W-2', '2018-03-01', '2018-01-01', '2018-01-01', 1)",
    "INSERT INTO clients (id, location_id, number, search_name, amv, dwelling_id, housed_on, "
    "created_at, updated_at, version) VALUES (1, 1, 'C-1', '', 0, 1, '2018-02-10', '2018-01-01', "
    "'2018-01-01', 1)",
    "INSERT INTO contacts (id, location_id, date, kind, client_id, created_at, updated_at, "
    "version) VALUES (1, 1, '2018-04-01', 'spreekuur', 1, '2018-01-01', '2018-01-01', 1)",
    "INSERT INTO contact_topics (contact_id, topic_id) SELECT 1, id FROM topics WHERE name = 'werk'",
]


def test_a_database_saved_at_0001_upgrades_to_dwelling_history_and_topics(tmp_path):
    path = tmp_path / "at-0001.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    db = Database(f"sqlite:///{path}")  # opening migrates to the newest schema
    with db.session() as s:
        d = s.get(m.Dwelling, 1)
        assert (d.number, d.address, d.type) == ("W-1", "Kade 1", "kamer")
        assert (d.complex, d.status, d.village) == (None, None, None)
        assert [t.name for t in s.get(m.Contact, 1).topics] == ["werk"]
        assert "werk" in dict(topics_of(s, 1)).values()  # the shared list, as before
        register_move(s, SYSTEM, 1, dt.date(2018, 9, 1), 2)
    with db.session() as s:
        history = dwelling_history(s, SYSTEM, 1)
        assert [(r.since, r.number) for r in history] == [(dt.date(2018, 2, 10), "W-1"),
                                                          (dt.date(2018, 9, 1), "W-2")]
    db.close()
