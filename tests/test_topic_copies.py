"""A contact's location, kind and date on its topic links stay equal to the
contact's, whoever writes (migration 0002's triggers), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from vwdesk.core import models as m
from vwdesk.core.services import base, contacts


def _links(office):
    with office.db.session() as s:
        return set(s.execute(select(m.ContactTopic.topic_id, m.ContactTopic.location_id,
                                    m.ContactTopic.kind, m.ContactTopic.date)).all())


def test_links_get_and_follow_their_contact(office):
    day = dt.date(2018, 3, 4)
    with office.db.session() as s:
        client = base.create(s, office.volunteer, "clients", office.location_id,
                             {"number": "C1", "first_name": "Amal"}).id
        topics = [t for t, _n in contacts.topics(s)[:2]]
        c = contacts.register(s, office.volunteer, office.location_id,
                              {"date": day, "kind": "spreekuur", "client_id": client}, topics)
        cid, version = c.id, c.version
    loc = office.location_id
    assert _links(office) == {(t, loc, "spreekuur", day) for t in topics}

    later = dt.date(2018, 5, 6)
    with office.db.session() as s:
        contacts.change(s, office.volunteer, cid, version,
                        {"date": later, "kind": "juridisch", "client_id": client}, topics[:1])
    assert _links(office) == {(topics[0], loc, "juridisch", later)}

    with office.db.session() as s:  # a bulk writer that does not know the copies
        s.execute(insert(m.ContactTopic), [{"contact_id": cid, "topic_id": topics[1]}])
    assert _links(office) == {(t, loc, "juridisch", later) for t in topics}

    with office.db.session() as s:
        c = s.get(m.Contact, cid)
        contacts.remove(s, office.volunteer, cid, c.version)
    assert _links(office) == set()
