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
    with pytest.raises(LoginError, match="15 minuten geblokkeerd"):
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
