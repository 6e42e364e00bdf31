"""User accounts: creation, passwords (argon2), login with lock-out."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.db import Database
from vwdesk.core.errors import AccessDenied, LoginError, NotFound, ValidationError
from vwdesk.core.models import utcnow
from vwdesk.core.services.base import Actor, audit

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()
WRONG_CREDENTIALS = "Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters en probeer het opnieuw."

# The actor for work nobody logged in for: first-start setup, schema upgrades,
# the demo filler. Audit entries by it have no user.
SYSTEM = Actor(user_id=None, username="systeem", role="beheerder", location_id=None)


def actor_for(user: m.User) -> Actor:
    return Actor(user.id, user.username, user.role, user.location_id)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Het wachtwoord is te kort; gebruik minstens {MIN_PASSWORD_LENGTH} tekens.",
            field="password")


def create_user(s: Session, actor: Actor, username: str, password: str, role: str,
                location_id: int | None, display_name: str = "",
                volunteer_id: int | None = None) -> m.User:
    """A new login; `volunteer_id` links it to the user's own staff record
    (of the same location), which the desk then fills in as "Medewerker"."""
    username = username.strip()
    errors = {}
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        errors["username"] = "De gebruikersnaam is verplicht, zonder spaties, hoogstens 64 tekens."
    elif s.scalar(select(m.User.id).where(func.lower(m.User.username) == username.lower())):
        errors["username"] = f"Gebruikersnaam \"{username}\" bestaat al; kies een andere."
    if role not in vocab.ROLES:
        errors["role"] = f"Rol \"{role}\" bestaat niet; kies uit: {', '.join(vocab.ROLES)}."
    elif role != "beheerder" and location_id is None:
        errors["location"] = "Een vrijwilliger of teamleider hoort bij een locatie; kies er een."
    if message := _volunteer_problem(s, volunteer_id, location_id):
        errors["volunteer"] = message
    if errors:
        raise ValidationError(errors)
    check_password(password)
    actor.require_teamleader()
    if role == "beheerder" or location_id != actor.location_id:
        actor.require_admin()
    user = m.User(username=username, display_name=display_name.strip() or username, role=role,
                  location_id=location_id, volunteer_id=volunteer_id,
                  password_hash=_hasher.hash(password),
                  created_by_id=actor.user_id, updated_by_id=actor.user_id)
    s.add(user)
    s.flush()
    changes = {"username": [None, username], "role": [None, role]}
    if volunteer_id is not None:
        changes["volunteer_id"] = [None, volunteer_id]
    audit(s, actor, "create", "users", user.id, location_id=location_id, changes=changes)
    return user


def set_volunteer(s: Session, actor: Actor, user: m.User, volunteer_id: int | None) -> None:
    """Link a login to the user's own staff record (or unlink it)."""
    actor.require_teamleader()
    if user.location_id is not None:
        actor.check_location(user.location_id)
    if message := _volunteer_problem(s, volunteer_id, user.location_id):
        raise ValidationError(message, field="volunteer")
    old, user.volunteer_id, user.updated_by_id = user.volunteer_id, volunteer_id, actor.user_id
    audit(s, actor, "update", "users", user.id, location_id=user.location_id,
          changes={"volunteer_id": [old, volunteer_id]})


def _volunteer_problem(s: Session, volunteer_id: int | None, location_id: int | None
                       ) -> str | None:
    if volunteer_id is None:
        return None
    volunteer = s.get(m.Volunteer, volunteer_id)
    if volunteer is None or volunteer.location_id != location_id:
        return ("Deze medewerker hoort niet bij de locatie van de gebruiker; kies een medewerker "
                "van die locatie.")
    return None


def set_password(s: Session, actor: Actor, user: m.User, password: str) -> None:
    """Set (and unlock) `user`'s password: one's own, or as a teamleader that
    of a vrijwilliger or teamleider of the own location, or as beheerder anyone's."""
    check_password(password)
    if actor.user_id != user.id:
        actor.require_teamleader()
        if not actor.is_admin and (user.role == "beheerder"
                                   or user.location_id != actor.location_id):
            raise AccessDenied("Een teamleider mag alleen het wachtwoord instellen van "
                               "vrijwilligers en teamleiders van de eigen locatie; vraag het "
                               "een beheerder.")
    user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    audit(s, actor, "update", "users", user.id, location_id=user.location_id,
          changes={"password": ["<geheim>", "<geheim>"]})


def authenticate(db: Database, username: str, password: str,
                 now: dt.datetime | None = None) -> m.User:
    """The user for these credentials; counts failures and locks the account
    for 15 minutes after five in a row.

    Nothing in the answer tells whether a name exists: an unknown name, a
    wrong password and a locked account with a wrong password get the same
    message after the same work (a password hash is always verified, a dummy
    one for an unknown name). Only the right password of a locked account
    hears that it is locked. The failure count is committed before the error
    is raised."""
    now = now or utcnow()
    error: LoginError | None = None
    with db.session() as s:
        user = s.scalar(select(m.User).where(func.lower(m.User.username) == username.strip().lower()))
        if user is None or not user.active:
            _verify(_dummy_hash(), password)
            error = LoginError(WRONG_CREDENTIALS)
        elif not _verify(user.password_hash, password):
            error = LoginError(WRONG_CREDENTIALS)
            if not (user.locked_until and user.locked_until > now):
                user.failed_logins = (user.failed_logins or 0) + 1
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
                    audit(s, actor_for(user), "lock", "users", user.id,
                          location_id=user.location_id)
        elif user.locked_until and user.locked_until > now:
            minutes = int((user.locked_until - now).total_seconds() // 60) + 1
            error = LoginError(
                f"Dit account is tijdelijk geblokkeerd na {MAX_FAILED_LOGINS} mislukte pogingen; "
                f"probeer het over {minutes} minuten opnieuw of vraag uw teamleider het "
                "wachtwoord opnieuw in te stellen.")
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            audit(s, actor_for(user), "login", "users", user.id, location_id=user.location_id)
    if error is not None:
        raise error
    return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    """A hash of a random password with the same parameters as real ones."""
    return _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class UserRow:
    """A line of the Users screen (no password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    location: str | None
    active: bool
    last_login_at: dt.datetime | None
    locked_until: dt.datetime | None

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def user_rows(s: Session, actor: Actor, location_id: int | None = None) -> list[UserRow]:
    """The users a teamleader manages (those of their location) or, for a
    beheerder, every user (or those of `location_id`), by user name."""
    actor.require_teamleader()
    q = (select(m.User.id, m.User.username, m.User.display_name, m.User.role, m.Location.name,
                m.User.active, m.User.last_login_at, m.User.locked_until)
         .outerjoin(m.Location, m.Location.id == m.User.location_id)
         .order_by(func.lower(m.User.username)))
    if not actor.is_admin:
        q = q.where(m.User.location_id == actor.location_id)
    elif location_id is not None:
        q = q.where(m.User.location_id == location_id)
    return [UserRow(*row) for row in s.execute(q)]


def get_user(s: Session, user_id: int) -> m.User:
    user = s.get(m.User, user_id)
    if user is None:
        raise NotFound("Deze gebruiker bestaat niet (meer).")
    return user
