import datetime as dt

import pytest

from vwdesk.core.errors import AccessDenied, LoginError, ValidationError
from vwdesk.core.models import utcnow
from vwdesk.core.services.users import authenticate, create_user


def test_login_with_right_password(office):
    user = authenticate(office.db, "VW-testdorp", "geheim-wachtwoord")
    assert user.role == "vrijwilliger"


def test_five_wrong_passwords_lock_the_account_for_15_minutes(office):
    for _ in range(4):
        with pytest.raises(LoginError, match="klopt niet"):
            authenticate(office.db, "vw-testdorp", "fout")
    with pytest.raises(LoginError, match="klopt niet"):  # the fifth: locked, not said
        authenticate(office.db, "vw-testdorp", "fout")
    with pytest.raises(LoginError, match="klopt niet"):  # nor to a wrong password
        authenticate(office.db, "vw-testdorp", "fout")
    with pytest.raises(LoginError, match="tijdelijk geblokkeerd"):
        authenticate(office.db, "vw-testdorp", "geheim-wachtwoord")
    later = utcnow() + dt.timedelta(minutes=16)
    assert authenticate(office.db, "vw-testdorp", "geheim-wachtwoord", now=later)


def test_unknown_user_gets_the_same_message_as_a_wrong_password(office):
    with pytest.raises(LoginError, match="klopt niet"):
        authenticate(office.db, "niemand", "geheim-wachtwoord")


def test_short_password_and_duplicate_name_are_refused(office):
    with pytest.raises(ValidationError, match="te kort"), office.db.session() as s:
        create_user(s, office.teamleader, "nieuw", "kort", "vrijwilliger", office.location_id)
    with pytest.raises(ValidationError, match="bestaat al"), office.db.session() as s:
        create_user(s, office.teamleader, "VW-Testdorp", "lang-genoeg", "vrijwilliger",
                    office.location_id)


def test_only_admin_creates_admins_and_volunteers_create_nobody(office):
    with pytest.raises(AccessDenied), office.db.session() as s:
        create_user(s, office.teamleader, "baas", "lang-genoeg", "beheerder", None)
    with pytest.raises(AccessDenied), office.db.session() as s:
        create_user(s, office.volunteer, "ander", "lang-genoeg", "vrijwilliger", office.location_id)


def test_a_login_is_linked_to_a_staff_record_of_its_own_location_and_audited(office):
    from sqlalchemy import select

    from tests.conftest import Office
    from vwdesk.core import models as m
    from vwdesk.core.services import base
    from vwdesk.core.services.users import set_volunteer

    other = Office(office.db, "Elders")
    with office.db.session() as s:
        mine = base.create(s, office.teamleader, "volunteers", office.location_id,
                           {"number": "V1", "first_name": "Els", "kind": "vrijwilliger",
                            "start": dt.date(2020, 1, 1)})
        theirs = base.create(s, other.teamleader, "volunteers", other.location_id,
                             {"number": "V1", "first_name": "Piet", "kind": "vrijwilliger",
                              "start": dt.date(2020, 1, 1)})
    with office.db.session() as s:
        with pytest.raises(ValidationError, match="hoort niet bij de locatie"):
            create_user(s, office.teamleader, "els", "geheim-wachtwoord", "vrijwilliger",
                        office.location_id, "Els", theirs.id)
    with office.db.session() as s:
        user = create_user(s, office.teamleader, "els", "geheim-wachtwoord", "vrijwilliger",
                           office.location_id, "Els", mine.id)
        assert user.volunteer_id == mine.id
        set_volunteer(s, office.teamleader, user, None)
        with pytest.raises(AccessDenied):
            set_volunteer(s, other.teamleader, user, theirs.id)
    with office.db.session() as s:
        changes = [e.changes.get("volunteer_id") for e in s.scalars(select(m.AuditEntry).where(
            m.AuditEntry.table_name == "users", m.AuditEntry.row_id == user.id)
            .order_by(m.AuditEntry.id))]
    assert changes == [[None, mine.id], [mine.id, None]]
