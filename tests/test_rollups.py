"""The report's summary tables (`vwdesk.core.rollups`) stay equal to the
contacts and their topic links, whoever writes and whatever changes, on
SQLite and PostgreSQL; a database saved before them gets them filled."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import create_engine, delete, insert, select, text, update

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.migrate import upgrade
from vwdesk.core.rollups import ALL_KINDS
from vwdesk.core.services import base, contacts

K, CT = m.Contact, m.ContactTopic


def _counted_by_hand(s) -> tuple[Counter, Counter]:
    persons: Counter = Counter()
    for loc, day, kind, client, label in s.execute(
            select(K.location_id, K.date, K.kind, K.client_id, K.person_label)):
        for k in (kind, ALL_KINDS):
            persons[(loc, day.year, k, client or 0, label or "")] += 1
    topics = Counter(tuple(row) for row in s.execute(
        select(CT.location_id, CT.kind, CT.date, CT.topic_id)))
    return persons, topics


def _kept(s) -> tuple[Counter, Counter]:
    P, T = m.ContactPerson, m.TopicDay
    persons = Counter({(loc, year, kind, client, label): n for loc, year, kind, client, label, n
                       in s.execute(select(P.location_id, P.year, P.kind, P.client_id,
                                           P.person_label, P.contacts))})
    topics = Counter({(loc, kind, day, topic): n for loc, kind, day, topic, n in s.execute(
        select(T.location_id, T.kind, T.date, T.topic_id, T.mentions))})
    return persons, topics


def _assert_kept(office) -> None:
    with office.db.session() as s:
        assert _kept(s) == _counted_by_hand(s)


def test_summaries_follow_every_write(office):
    loc, actor = office.location_id, office.volunteer
    with office.db.session() as s:
        amal = base.create(s, actor, "clients", loc, {"number": "C1", "first_name": "Amal"}).id
        omar = base.create(s, actor, "clients", loc, {"number": "C2", "first_name": "Omar"}).id
        topics = [t for t, _n in contacts.topics(s)[:3]]
        first = contacts.register(s, actor, loc, {"date": dt.date(2018, 3, 4),
                                                  "kind": "spreekuur", "client_id": amal}, topics)
        contacts.register(s, actor, loc, {"date": dt.date(2018, 3, 4), "kind": "spreekuur",
                                          "client_id": amal}, topics[:1])
        contacts.register(s, actor, loc, {"date": dt.date(2018, 5, 1), "kind": "juridisch",
                                          "person_label": "Man met brief"}, topics[1:2])
        contacts.register(s, actor, loc, {"date": dt.date(2019, 1, 2), "kind": "mb",
                                          "client_id": omar}, [])
        cid, version = first.id, first.version
    _assert_kept(office)
    with office.db.session() as s:
        kept, _ = _kept(s)
        assert kept[(loc, 2018, "spreekuur", amal, "")] == 2
        assert kept[(loc, 2018, ALL_KINDS, amal, "")] == 2
        assert kept[(loc, 2018, "juridisch", 0, "Man met brief")] == 1

    with office.db.session() as s:  # another year, kind and person; fewer topics
        contacts.change(s, actor, cid, version, {"date": dt.date(2019, 12, 31), "kind": "intake",
                                                 "client_id": omar}, topics[2:])
    _assert_kept(office)

    with office.db.session() as s:  # a bulk writer: links without their copies, a raw update
        s.execute(insert(CT), [{"contact_id": cid, "topic_id": topics[0]}])
        s.execute(update(K).where(K.id == cid).values(date=dt.date(2019, 6, 1)))
        s.execute(update(K).where(K.client_id.is_(None)).values(person_label="Vrouw met brief"))
    _assert_kept(office)

    with office.db.session() as s:
        c = s.get(K, cid)
        contacts.remove(s, actor, cid, c.version)
    _assert_kept(office)

    with office.db.session() as s:  # a client deleted: its contacts and links go by cascade
        s.execute(delete(m.Client).where(m.Client.id == amal))
        s.execute(delete(m.Client).where(m.Client.id == omar))
    _assert_kept(office)
    with office.db.session() as s:
        persons, topic_rows = _kept(s)
        assert set(persons) == {(loc, 2018, kind, 0, "Vrouw met brief")
                                for kind in ("juridisch", ALL_KINDS)}
        assert sum(topic_rows.values()) == 1


def test_a_database_saved_before_the_summaries_gets_them_filled(tmp_path):
    path = tmp_path / "at-0003.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO locations (id, name, created_at, updated_at, version) "
                          "VALUES (1, 'Oud', '2018-01-01', '2018-01-01', 1)"))
        conn.execute(text("INSERT INTO clients (id, location_id, number, search_name, amv, "
                          "created_at, updated_at, version) VALUES (1, 1, 'C-1', '', 0, "
                          "'2018-01-01', '2018-01-01', 1)"))
        for cid, day, kind, client, label in ((1, "2018-04-01", "spreekuur", 1, None),
                                              (2, "2018-04-01", "spreekuur", 1, None),
                                              (3, "2019-02-03", "mb", None, "Buurvrouw")):
            conn.execute(text("INSERT INTO contacts (id, location_id, date, kind, client_id, "
                              "person_label, created_at, updated_at, version) VALUES "
                              "(:id, 1, :day, :kind, :client, :label, '2018-01-01', "
                              "'2018-01-01', 1)"),
                         {"id": cid, "day": day, "kind": kind, "client": client, "label": label})
        conn.execute(text("INSERT INTO contact_topics (contact_id, topic_id) "
                          "SELECT c.id, t.id FROM contacts c, topics t WHERE t.name = 'werk'"))
    engine.dispose()
    db = Database(f"sqlite:///{path}")  # opening migrates to the newest schema
    with db.session() as s:
        persons, topics = _kept(s)
        assert (persons, topics) == _counted_by_hand(s)
        assert persons[(1, 2018, ALL_KINDS, 1, "")] == 2
        assert sum(topics.values()) == 3
    db.close()
