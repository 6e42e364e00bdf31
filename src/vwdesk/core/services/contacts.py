"""Contacts (spreekuur visits, legal contacts, ...): registering one with its
topics, correcting or removing it, and the list of a day's contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.errors import ValidationError
from vwdesk.core.services import base
from vwdesk.core.services.base import Actor
from vwdesk.core.services.topics import topics_of


def topics(s: Session, location_id: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the active topics, by name: the location's list (the
    shared topics and its own), or without a location every topic."""
    if location_id is not None:
        return topics_of(s, location_id)
    q = select(m.Topic.id, m.Topic.name).where(m.Topic.active.is_(True)).order_by(m.Topic.name)
    return [(i, n) for i, n in s.execute(q)]


def _topic_names(s: Session, topic_ids: list[int], location_id: int) -> list[str]:
    if not topic_ids:
        return []
    names = dict(topics_of(s, location_id, active_only=False))
    names = {t: names[t] for t in topic_ids if t in names}
    unknown = [t for t in topic_ids if t not in names]
    if unknown:
        raise ValidationError("Een gekozen onderwerp bestaat niet (meer); kies opnieuw.",
                              field="topics")
    return sorted(names[t] for t in topic_ids)


def _link_topics(s: Session, contact: m.Contact, topic_ids: list[int]) -> None:
    for topic_id in dict.fromkeys(topic_ids):
        s.add(m.ContactTopic(contact_id=contact.id, topic_id=topic_id))
    s.flush()
    s.expire(contact, ["topics"])


def register(s: Session, actor: Actor, location_id: int, values: dict[str, Any],
             topic_ids: list[int]) -> m.Contact:
    """A new contact with its topics: one audited creation, topics included
    (the inzage shows it once, as made)."""
    topics = _topic_names(s, list(dict.fromkeys(topic_ids)), location_id)
    contact = base.create(s, actor, "contacts", location_id, values,
                          {"topics": [[], topics]} if topics else None)
    _link_topics(s, contact, topic_ids)
    return contact


def change(s: Session, actor: Actor, contact_id: int, expected_version: int,
           values: dict[str, Any], topic_ids: list[int]) -> m.Contact:
    contact = base.update(s, actor, "contacts", contact_id, expected_version, values)
    old = sorted(t.name for t in contact.topics)
    new = _topic_names(s, list(dict.fromkeys(topic_ids)), contact.location_id)
    if old != new:
        s.execute(delete(m.ContactTopic).where(m.ContactTopic.contact_id == contact.id))
        _link_topics(s, contact, topic_ids)
        base.audit(s, actor, "update", "contacts", contact.id, location_id=contact.location_id,
                   changes={"topics": [old, new]})
    return contact


def remove(s: Session, actor: Actor, contact_id: int, expected_version: int) -> None:
    base.delete(s, actor, "contacts", contact_id, expected_version)


@dataclass(frozen=True)
class ContactRow:
    """One line of the day list: no note, no contact details."""

    id: int
    version: int
    date: dt.date
    kind: str
    client_id: int | None
    who: str  # client's name and number, or the person label
    volunteer: str
    topics: str


# The day list in one statement, built once: a row per contact and topic
# (a contact without topics once), newest contact first, its topics by name.
_DAY_LIST = (
    select(m.Contact.id, m.Contact.version, m.Contact.date, m.Contact.kind,
           m.Contact.client_id, m.Contact.person_label, m.Client.first_name,
           m.Client.last_name, m.Client.number, m.Volunteer.first_name,
           m.Volunteer.last_name, m.Topic.name)
    .outerjoin(m.Client, m.Client.id == m.Contact.client_id)
    .outerjoin(m.Volunteer, m.Volunteer.id == m.Contact.volunteer_id)
    .outerjoin(m.ContactTopic, m.ContactTopic.contact_id == m.Contact.id)
    .outerjoin(m.Topic, m.Topic.id == m.ContactTopic.topic_id)
    .where(m.Contact.location_id == bindparam("location_id"),
           m.Contact.date == bindparam("day"))
    .order_by(m.Contact.id.desc(), m.Topic.name))


def day_list(s: Session, actor: Actor, location_id: int, day: dt.date) -> list[ContactRow]:
    """The contacts registered for `day` at the location, newest first."""
    actor.check_location(location_id)
    contacts: dict[int, Any] = {}  # by id, in the statement's order
    topics: dict[int, list[str]] = {}
    for row in s.execute(_DAY_LIST, {"location_id": location_id, "day": day}):
        if row[0] not in contacts:
            contacts[row[0]], topics[row[0]] = row, []
        if row[-1] is not None:
            topics[row[0]].append(row[-1])
    out = []
    for cid, (_, version, date, kind, client_id, label, first, surname, number, vfirst,
              vlast, _) in contacts.items():
        if client_id is not None:
            who = f"{first or ''} {surname or ''}".strip() + f" ({number})"
        else:
            who = (label or "").strip()
        out.append(ContactRow(cid, version, date, kind, client_id, who,
                              f"{vfirst or ''} {vlast or ''}".strip(), ", ".join(topics[cid])))
    return out


def last_contact_date(s: Session, actor: Actor, location_id: int,
                      before: dt.date | None = None) -> dt.date | None:
    """The date of the location's latest contact (before `before`), if any."""
    actor.check_location(location_id)
    query = select(func.max(m.Contact.date)).where(m.Contact.location_id == location_id)
    if before is not None:
        query = query.where(m.Contact.date < before)
    return s.scalar(query)


@dataclass(frozen=True)
class ContactForEdit:
    id: int
    version: int
    values: dict[str, Any]
    topic_ids: list[int]


def for_edit(s: Session, actor: Actor, contact_id: int) -> ContactForEdit:
    contact = base.get(s, actor, "contacts", contact_id)
    fields = ("date", "kind", "client_id", "person_label", "volunteer_id", "duration_minutes", "note")
    return ContactForEdit(contact.id, contact.version, {f: getattr(contact, f) for f in fields},
                          [t.id for t in contact.topics])
