"""Helpers for the privacy tests: a small office filled through the normal
write path, and a snapshot of everything a year report can count."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.core.records import KINDS
from vwdesk.core.services.base import create
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user

D = dt.date


class SqliteOffice:
    """Like the `office` fixture, on SQLite only (backups and crashes are
    about the SQLite file)."""

    def __init__(self, db, name: str = "Testdorp"):
        self.db = db
        with db.session() as s:
            loc = create_location(s, SYSTEM, name)
            self.location_id = loc.id
            tl = create_user(s, SYSTEM, "tl", "geheim-wachtwoord", "teamleider", loc.id,
                             "Teamleider")
            vw = create_user(s, SYSTEM, "vw", "geheim-wachtwoord", "vrijwilliger", loc.id,
                             "Vrijwilliger")
            self.teamleader = actor_for(tl)
            self.volunteer = actor_for(vw)


class Filler:
    def __init__(self, office):
        self.office = office
        self.db = office.db
        self.loc = office.location_id
        self.actor = office.teamleader

    def add(self, kind_key: str, /, **values):
        with self.db.session() as s:
            return create(s, self.actor, kind_key, self.loc, values).id

    def client(self, number: str, first="Amira", last="Haddad", phone="0612345678",
               **values) -> int:
        values.setdefault("birth_date", D(1990, 5, 1))
        values.setdefault("gender", "v")
        values.setdefault("nationality", "SY")
        return self.add("clients", number=number, first_name=first, last_name=last,
                        phone=phone, email=f"{number}@example.org",
                        note="heeft hulp nodig bij brieven", **values)

    def contact(self, day: dt.date, client_id: int | None = None, label: str | None = None,
                kind: str = "spreekuur") -> int:
        return self.add("contacts", date=day, kind=kind, client_id=client_id, person_label=label,
                        duration_minutes=30, note="besproken: toeslagen")

    def topics(self, contact_id: int, *names: str) -> None:
        with self.db.session() as s:
            for name in names:
                topic = s.scalar(select(m.Topic).where(m.Topic.name == name))
                s.add(m.ContactTopic(contact_id=contact_id, topic_id=topic.id))


# Columns that are bookkeeping, not content.
META = {"id", "created_at", "updated_at", "version", "created_by_id", "updated_by_id",
        "anonymised_at", "search_name"}


def report_relevant_snapshot(db) -> dict:
    """Every non-personal column of every record kind, as a multiset of rows,
    plus distinct person counts per year and kind: what a year report can
    count. Row ids are left out except as link targets (foreign keys)."""
    snap: dict = {}
    with db.session() as s:
        for key, kind in KINDS.items():
            cols = [getattr(kind.model, f.name) for f in kind.fields
                    if not f.personal and f.name not in META and not
                    (key == "clients" and f.name == "number")
                    and not (key == "dwellings" and f.name == "address")]
            cols.append(kind.model.location_id)
            snap[key] = sorted(map(tuple, s.execute(select(*cols, func.count()).group_by(*cols))),
                               key=repr)
        snap["contact_topics"] = sorted(map(tuple, s.execute(
            select(m.Contact.date, m.Contact.kind, m.Topic.name, func.count())
            .join(m.ContactTopic, m.ContactTopic.contact_id == m.Contact.id)
            .join(m.Topic, m.Topic.id == m.ContactTopic.topic_id)
            .group_by(m.Contact.date, m.Contact.kind, m.Topic.name))), key=repr)
        year = func.substr(func.cast(m.Contact.date, m.String), 1, 4)
        snap["persons"] = sorted(map(tuple, s.execute(
            select(year, m.Contact.kind, func.count(func.distinct(m.Contact.person_label)),
                   func.count(func.distinct(func.lower(m.Contact.person_label))),
                   func.count(func.distinct(m.Contact.client_id)))
            .group_by(year, m.Contact.kind))))
        snap["clients_per_dwelling"] = sorted(map(tuple, s.execute(
            select(m.Client.dwelling_id, func.count()).group_by(m.Client.dwelling_id))), key=repr)
    return snap
