"""Hardening of the core (issue 13): conflict times, who may set a password,
login timing and messages, SQLite settings and the files the app writes."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from vwdesk.core.errors import ConflictError


@pytest.fixture
def amsterdam(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_conflict_message_shows_the_other_users_time_in_local_time(amsterdam):
    winter = ConflictError("Teamleider", dt.datetime(2026, 1, 5, 12, 0))  # stored as UTC
    summer = ConflictError("Teamleider", dt.datetime(2026, 7, 5, 12, 0))
    assert "05-01-2026 om 13:00" in winter.message
    assert "05-07-2026 om 14:00" in summer.message


# --- passwords and logins ---------------------------------------------------

def test_a_teamleader_sets_passwords_only_of_non_admins_of_the_own_location(office):
    from tests.conftest import Office
    from vwdesk.core import models as m
    from vwdesk.core.errors import AccessDenied
    from vwdesk.core.services.users import SYSTEM, authenticate, create_user, set_password

    other = Office(office.db, "Elders")
    with office.db.session() as s:
        admin = create_user(s, SYSTEM, "baas", "geheim-wachtwoord", "beheerder", None)
    with office.db.session() as s:
        for target in (admin.id, other.volunteer.user_id, other.teamleader.user_id):
            with pytest.raises(AccessDenied, match="eigen locatie"):
                set_password(s, office.teamleader, s.get(m.User, target), "overgenomen-1")
        with pytest.raises(AccessDenied):
            set_password(s, office.volunteer, s.get(m.User, office.teamleader.user_id),
                         "overgenomen-1")
        set_password(s, office.teamleader, s.get(m.User, office.volunteer.user_id), "nieuw-ww-1")
        set_password(s, office.volunteer, s.get(m.User, office.volunteer.user_id), "nieuw-ww-2")
        set_password(s, SYSTEM, s.get(m.User, other.volunteer.user_id), "nieuw-ww-3")
    authenticate(office.db, "baas", "geheim-wachtwoord")
    authenticate(office.db, "tl-elders", "geheim-wachtwoord")
    authenticate(office.db, "vw-testdorp", "nieuw-ww-2")
    authenticate(office.db, "vw-elders", "nieuw-ww-3")


def test_an_unknown_name_costs_a_password_check_like_a_real_one(office, monkeypatch):
    from argon2 import PasswordHasher

    from vwdesk.core.errors import LoginError
    from vwdesk.core.services.users import authenticate

    checks = []
    real = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify",
                        lambda self, h, p: checks.append(h) or real(self, h, p))
    for name in ("niemand", "vw-testdorp"):
        with pytest.raises(LoginError, match="klopt niet"):
            authenticate(office.db, name, "fout-wachtwoord")
    assert len(checks) == 2 and all(h.startswith("$argon2") for h in checks)


def test_a_locked_account_is_only_named_to_its_right_password(office):
    from vwdesk.core.errors import LoginError
    from vwdesk.core.services.users import WRONG_CREDENTIALS, authenticate

    answers = []
    for name in ("vw-testdorp", "niemand"):
        for _ in range(6):
            with pytest.raises(LoginError) as err:
                authenticate(office.db, name, "fout")
            answers.append(err.value.message)
    assert set(answers) == {WRONG_CREDENTIALS}
    with pytest.raises(LoginError, match="tijdelijk geblokkeerd"):
        authenticate(office.db, "vw-testdorp", "geheim-wachtwoord")


# --- the SQLite connection ----------------------------------------------------

def test_a_writer_kept_waiting_gets_one_dutch_sentence_without_sql_parameters(
        sqlite_db, monkeypatch):
    import sqlite3

    from vwdesk.core import db as core_db
    from vwdesk.core.db import Database
    from vwdesk.core.errors import DatabaseBusy
    from vwdesk.core.services.users import SYSTEM, create_user

    monkeypatch.setattr(core_db, "BUSY_TIMEOUT_MS", 200)
    second = Database(sqlite_db.url, migrate=False)
    holder = sqlite3.connect(sqlite_db.url.removeprefix("sqlite:///"))
    try:
        holder.execute("BEGIN IMMEDIATE")  # an import on another PC holds the write lock
        with pytest.raises(DatabaseBusy, match="bezet") as err, second.session() as s:
            create_user(s, SYSTEM, "nieuw", "geheim-wachtwoord", "beheerder", None)
    finally:
        holder.close()
        second.close()
    driver_error = str(err.value.__context__)
    assert "$argon2" not in driver_error and "parameters hidden" in driver_error
