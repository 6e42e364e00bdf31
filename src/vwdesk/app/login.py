"""Before anyone is logged in: the first start of an empty database, the
login itself, and the desk of the user who logged in.

The login window needs only `has_users` (SQLAlchemy's Core): the ORM, the
models and the services load on a worker thread while the user types
(`load_services`), and logging in waits for that load if it is still under
way."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vwdesk.app.desk import Desk, database_errors
from vwdesk.core.db import Database

if TYPE_CHECKING:
    from vwdesk.core.services.base import Actor

_loading = threading.Lock()


@dataclass(frozen=True)
class LoggedIn:
    """Who logged in (no password hash, no ORM object)."""

    actor: Actor
    display_name: str


def has_users(db: Database) -> bool:
    with database_errors():
        return db.has_users()


def load_services() -> None:
    """Import what logging in and the desk run on (SQLAlchemy's ORM, the
    models, the user service): a third of a second that a worker spends
    while the login window waits for typing. One thread at a time, so a
    login never sees a module another thread is still importing."""
    with _loading:
        import vwdesk.core.services.users  # noqa: F401 - imported now, used at login


def first_start(db: Database, location: str, username: str, display_name: str,
                password: str) -> str:
    """Create the location and its first beheerder on an empty database, in
    one transaction; returns the user name to log in with."""
    from vwdesk.core.services.locations import create_location
    from vwdesk.core.services.users import SYSTEM, create_user

    with database_errors(), db.session() as s:
        loc = create_location(s, SYSTEM, location)
        return create_user(s, SYSTEM, username, password, "beheerder", loc.id,
                           display_name).username


def authenticate(db: Database, username: str, password: str) -> LoggedIn:
    """The user for these credentials (raises LoginError otherwise)."""
    load_services()
    from vwdesk.core.services.users import actor_for
    from vwdesk.core.services.users import authenticate as check

    with database_errors():
        user = check(db, username, password)
    return LoggedIn(actor_for(user), user.display_name or user.username)


def system_actor(label: str) -> Actor:
    """The actor of a command run without `--user`: a beheerder's rights, its
    audit entries without a user ("systeem"); `label` names it in the log."""
    from vwdesk.core.services.base import Actor
    from vwdesk.core.services.users import SYSTEM

    return Actor(SYSTEM.user_id, label, SYSTEM.role, None)


def open_desk(db: Database, who: LoggedIn) -> Desk | None:
    """The desk of a logged-in user at their location (a beheerder without
    one: the first location by name); None when there is no location at all."""
    from vwdesk.core.services.locations import locations

    with database_errors(), db.session() as s:
        found = locations(s, who.actor)
    if not found:
        return None
    own = [loc for loc in found if loc[0] == who.actor.location_id]
    location_id, name = (own or found)[0]
    return Desk(db, who.actor, location_id, name)


def demo_logins() -> list[tuple[str, str, str]]:
    """(user name, password, role) of the demo database's users."""
    from vwdesk.demo import DEMO_LOGINS

    return DEMO_LOGINS
