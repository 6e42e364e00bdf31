"""Deterministic synthetic demo data (no real persons).

`ensure_demo(db)` fills a migrated, empty database with two locations shaped
like the seed reports: from the registrations the report of Vlaardingen 2018
and of Maassluis 2018 contains every figure its seed states (see
`vwdesk.demo.plans`), with the seeds' prose as report texts for 2018 and the
seeds' layout as each location's template; 2017 and 2019 give comparisons and
charts something to show. Names are invented from syllables
(`vwdesk.demo.names`).

Users and locations are made through the services (so with audit entries);
the registrations themselves are a bulk load with Core inserts, without audit
entries, each row created by the location's demo teamleader. The whole fill
takes a few seconds.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.services.locations import create_location
from vwdesk.privacy.settings import update_settings
from vwdesk.core.services.users import SYSTEM, create_user, set_volunteer

DEMO_PASSWORD = "demo-wachtwoord"

# (username, password, role description) - shown on the login screen of the demo.
DEMO_LOGINS: list[tuple[str, str, str]] = [
    ("teamleider-vlaardingen", DEMO_PASSWORD, "teamleider Vlaardingen"),
    ("beheerder", DEMO_PASSWORD, "beheerder (alle locaties)"),
    ("vrijwilliger-vlaardingen", DEMO_PASSWORD, "vrijwilliger Vlaardingen"),
    ("teamleider-maassluis", DEMO_PASSWORD, "teamleider Maassluis"),
]
DEMO_RETENTION = {"client_years": 30, "person_years": 30, "volunteer_years": 30}
_USERS = [  # username, role, location, display name
    ("beheerder", "beheerder", None, "Demo-beheerder"),
    ("teamleider-vlaardingen", "teamleider", "Vlaardingen", "Demo-teamleider Vlaardingen"),
    ("vrijwilliger-vlaardingen", "vrijwilliger", "Vlaardingen", "Demo-vrijwilliger Vlaardingen"),
    ("teamleider-maassluis", "teamleider", "Maassluis", "Demo-teamleider Maassluis"),
]
LOCATIONS = {"Vlaardingen": (1801, 420), "Maassluis": (1802, 160)}  # seed, client pool size


def has_locations(db: Database) -> bool:
    with db.session() as s:
        return bool(s.scalar(select(func.count(m.Location.id))))


def demo_locations_present(db: Database) -> list[str]:
    """The demo's locations that the database already has (the demo data
    cannot be added twice)."""
    with db.session() as s:
        return list(s.scalars(select(m.Location.name).where(m.Location.name.in_(LOCATIONS))
                              .order_by(m.Location.name)))


def ensure_demo(db: Database) -> None:
    """Fill `db` with the demo data unless it already has a location."""
    if not has_locations(db):
        fill_demo(db)


def fill_demo(db: Database) -> None:
    """Add the demo locations, users and registrations (in one transaction)."""
    from vwdesk.demo.cover import cover_picture
    from vwdesk.demo.generate import LocationGenerator
    from vwdesk.demo.plans import PLANS
    from vwdesk.demo.templates import TEMPLATES
    from vwdesk.demo.texts import TEXTS_2018

    with db.session() as s:
        locations = {name: create_location(s, SYSTEM, name) for name in LOCATIONS}
        for loc in locations.values():
            # The demo is a fixed picture of 2017-2019; with the default terms
            # the daily retention run would anonymise it on the first login.
            update_settings(s, SYSTEM, loc.id, DEMO_RETENTION)
        users = {}
        for username, role, loc, display in _USERS:
            location_id = locations[loc].id if loc else None
            users[username] = create_user(s, SYSTEM, username, DEMO_PASSWORD, role, location_id,
                                          display)
        conn = s.connection()
        for name, (seed, pool) in LOCATIONS.items():
            loc = locations[name]
            author = users[f"teamleider-{name.lower()}"].id
            loc.report_template = TEMPLATES[name]()
            loc.cover_photo = cover_picture(seed)
            mun = s.scalar(select(m.Municipality.id).where(m.Municipality.location_id == loc.id))
            gen = LocationGenerator(conn, loc.id, author, seed, mun)
            gen.pool(pool)
            for plan in PLANS[name]:
                gen.year(plan)
            conn.execute(insert(m.ReportText.__table__), [
                {"location_id": loc.id, "year": 2018, "section": section, "text": text,
                 "created_by_id": author, "updated_by_id": author}
                for section, text in TEXTS_2018[name].items()])
        for username, role, loc, _display in _USERS:
            if loc is not None:
                set_volunteer(s, SYSTEM, users[username], _staff_member(s, locations[loc].id, role))


def _staff_member(s, location_id: int, role: str) -> int | None:
    """A demo user's own staff record, so "Medewerker" is filled in for them:
    an active volunteer for the volunteer, an active paid employee for the
    teamleader (an existing record: the report's staff figures stay the same)."""
    kind = "vrijwilliger" if role == "vrijwilliger" else "betaald"
    active = select(m.Volunteer.id).where(m.Volunteer.location_id == location_id,
                                          m.Volunteer.end.is_(None)).order_by(m.Volunteer.id)
    return (s.scalar(active.where(m.Volunteer.kind == kind).limit(1))
            or s.scalar(active.limit(1)))
