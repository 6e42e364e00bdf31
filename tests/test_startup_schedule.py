"""The integrity check runs once a day in the background, not on every login."""

from __future__ import annotations

import datetime as dt

from vwdesk.privacy import startup


def _count_checks(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = startup.check_database
    monkeypatch.setattr(startup, "check_database", lambda db: (calls.append(1), real(db)))
    return calls


def test_quick_check_runs_on_the_first_start_of_the_day_only(sqlite_db, monkeypatch):
    calls = _count_checks(monkeypatch)
    startup.run_startup_checks(sqlite_db)
    startup.run_startup_checks(sqlite_db)
    assert len(calls) == 1
    assert not startup.integrity_check_due(sqlite_db)
    tomorrow = dt.datetime.now() + dt.timedelta(days=1)
    assert startup.integrity_check_due(sqlite_db, now=tomorrow)


def test_a_failed_check_is_not_recorded_and_runs_again(sqlite_db, monkeypatch):
    from vwdesk.privacy.integrity import DatabaseDamaged

    def damaged(db):
        raise DatabaseDamaged(sqlite_db.url, None)

    monkeypatch.setattr(startup, "check_database", damaged)
    for _ in range(2):
        try:
            startup.run_startup_checks(sqlite_db)
        except DatabaseDamaged:
            pass
    assert startup.integrity_check_due(sqlite_db)


def test_only_a_sqlite_file_is_checked(db):
    # A new SQLite database is due; PostgreSQL has no file to check.
    assert startup.integrity_check_due(db) is db.is_sqlite
