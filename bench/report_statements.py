"""The report statements as they should be written to use migration 0002's
indexes on both databases, beside the report's own (`report/figures.py`),
for bench_report.py: each returns the same figures as the group it mirrors.

- Topic counts from `contact_topics` alone (the contact's location, kind and
  date are copied there, with an index over them): no contact row visited.
- Legal contacts: the topic id of gezinshereniging looked up once, the
  contacts carrying it found once as a small set (an index range of the
  links), and that test evaluated once per contact in a subquery, not
  twice per row.
"""

from __future__ import annotations

from sqlalchemy import and_, case, distinct, func, select

from vwdesk.core import models as m


def consultation_topics(sc) -> dict:
    ct = m.ContactTopic
    counts = dict(sc.conn.execute(
        select(ct.topic_id, func.count())
        .where(ct.location_id == sc.location_id, ct.kind == "spreekuur", sc.in_year(ct.date))
        .group_by(ct.topic_id)).all())
    names = dict(sc.conn.execute(select(m.Topic.id, m.Topic.name)).all())
    topics = sorted(((names[t], n) for t, n in counts.items()), key=lambda x: (-x[1], x[0]))
    return {
        "spreekuur.onderwerpen": sum(n for _, n in topics),
        "spreekuur.top_onderwerp": topics[0][0] if topics else None,
        "spreekuur.onderwerpen_lijst": [[name, n] for name, n in topics],
    }


def legal_contacts(sc) -> dict:
    c, ct = m.Contact, m.ContactTopic
    gh = sc.conn.scalar(select(m.Topic.id).where(m.Topic.name == "gezinshereniging"))
    jur = and_(c.location_id == sc.location_id, c.kind == "juridisch", sc.in_year(c.date))
    with_gh = select(ct.contact_id).where(
        ct.location_id == sc.location_id, ct.kind == "juridisch", sc.in_year(ct.date),
        ct.topic_id == gh)
    per_contact = select(
        c.client_id, c.person_label,
        case((and_(c.client_id.is_not(None), c.id.not_in(with_gh)), 1), else_=0).label("other"),
    ).where(jur).subquery()
    p = per_contact.c
    row = sc.conn.execute(select(
        func.sum(p.other),
        func.count(distinct(case((p.other == 1, p.client_id), else_=None))),
        func.sum(case((p.client_id.is_(None), 1), else_=0)),
        func.count(distinct(p.person_label)),
        func.count(distinct(p.client_id)),
    )).one()
    keys = ("overig_contacten", "overig_clienten", "nr_contacten", "nr_personen", "clienten")
    return {f"juridisch.{k}": int(v or 0) for k, v in zip(keys, row, strict=True)}
