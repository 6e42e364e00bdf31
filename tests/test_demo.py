"""The demo data: deterministic, idempotent, quick, with working demo logins."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from vwdesk.cli import main
from vwdesk.core import models as m
from vwdesk.core.services.users import authenticate
from vwdesk.demo import DEMO_LOGINS, ensure_demo
from vwdesk.report import compute_figures


def _fingerprint(db):
    with db.session() as s:
        counts = {t: s.scalar(select(func.count()).select_from(t))
                  for t in (m.Client, m.Contact, m.Dossier, m.Coupling, m.Volunteer)}
        names = s.scalars(select(m.Client.search_name).order_by(m.Client.id).limit(50)).all()
        loc = s.scalar(select(m.Location.id).where(m.Location.name == "Vlaardingen"))
    f = compute_figures(db, loc, 2019)
    return counts, names, sorted((k, str(v)) for k, v in f.values.items())


def test_demo_is_deterministic_idempotent_and_quick(sqlite_db, tmp_path, migrated_sqlite_template):
    import shutil

    from vwdesk.core.db import Database

    start = time.perf_counter()
    ensure_demo(sqlite_db)
    elapsed = time.perf_counter() - start
    first = _fingerprint(sqlite_db)
    ensure_demo(sqlite_db)  # second call: nothing added
    assert _fingerprint(sqlite_db) == first
    other_path = tmp_path / "other.sqlite"
    shutil.copy(migrated_sqlite_template, other_path)
    other = Database(f"sqlite:///{other_path}")
    ensure_demo(other)
    assert _fingerprint(other) == first
    other.close()
    assert elapsed < 15, f"demo fill took {elapsed:.1f} s"


def test_demo_logins_work_and_rows_are_made_by_a_demo_user(sqlite_db):
    ensure_demo(sqlite_db)
    roles = {}
    for username, password, _ in DEMO_LOGINS:
        roles[username] = authenticate(sqlite_db, username, password).role
    assert sorted(roles.values()) == ["beheerder", "teamleider", "teamleider", "vrijwilliger"]
    with sqlite_db.session() as s:
        makers = set(s.scalars(select(m.Contact.created_by_id).distinct()))
        demo_ids = set(s.scalars(select(m.User.id).where(m.User.role == "teamleider")))
        assert makers and makers <= demo_ids
        assert s.scalar(select(func.count()).select_from(m.ReportText)) > 20


def test_demo_users_at_a_location_have_their_own_staff_record(sqlite_db):
    """So "Medewerker" is filled in when a demo user registers a visit."""
    from vwdesk.core.services.desk import own_volunteer_id
    from vwdesk.core.services.users import actor_for

    ensure_demo(sqlite_db)
    with sqlite_db.session() as s:
        for user in s.scalars(select(m.User).where(m.User.location_id.is_not(None))):
            volunteer = s.get(m.Volunteer, own_volunteer_id(s, actor_for(user)))
            assert volunteer.location_id == user.location_id and volunteer.end is None
            assert volunteer.kind == ("vrijwilliger" if user.role == "vrijwilliger" else "betaald")


def test_demo_command_refuses_a_database_with_locations(tmp_path, capsys):
    url = str(tmp_path / "d.sqlite")
    assert main(["demo", "--database", url]) == 0
    assert "teamleider-vlaardingen" in capsys.readouterr().out
    assert main(["demo", "--database", url]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["demo", "--database", url, "--force"]) == 2
    assert "demolocatie" in capsys.readouterr().err


def test_demo_survives_the_daily_retention_run(sqlite_db):
    import datetime as dt

    from vwdesk.demo import fill_demo
    from vwdesk.privacy.retention import run_retention

    fill_demo(sqlite_db)
    assert run_retention(sqlite_db, dry_run=True, as_of=dt.date(2026, 11, 22)).total == 0
    # ...while the default terms would have expired it (the test can fail).
    assert run_retention(sqlite_db, dry_run=True, as_of=dt.date(2050, 1, 1)).total > 0
