"""`Desk`: the one door between a screen (or a command) and the data.

A `Desk` is what one user may do at one location: `Desk(db, actor,
location_id, location_name)`. Its parts group the work by subject —
`desk.clients`, `desk.contacts`, `desk.records`, `desk.couplings`,
`desk.deadlines`, `desk.users`, `desk.privacy`, `desk.exchange`,
`desk.report` — and every call:

- opens its own session and transaction (committed on success, rolled back
  on any error), so a call is safe from any thread;
- turns a driver error into a `DatabaseUnavailable` with a Dutch sentence
  (the log gets the error's class, never its statement or parameters);
- returns plain data (frozen dataclasses, dicts of values), never a live ORM
  object;
- for a write, returns `Saved`, saying which record kinds changed, so the
  screens showing them can refresh.

Rules (who may do what, what is valid) live in the services below it; a Desk
only chooses the service and the transaction. It is immutable: switching
location makes a new one (`at_location`), so work started for one location
never lands in another.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from vwdesk.core.db import Database
from vwdesk.core.errors import DatabaseUnavailable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from vwdesk.app.clients import Clients
    from vwdesk.app.contacts import Contacts
    from vwdesk.app.couplings import Couplings
    from vwdesk.app.deadlines import Deadlines
    from vwdesk.app.exchange import Exchange
    from vwdesk.app.privacy import Privacy
    from vwdesk.app.records import Records
    from vwdesk.app.report import ReportDoor
    from vwdesk.app.users import Users
    from vwdesk.core.services.base import Actor

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    """The outcome of a write: which record kinds changed (for the screens
    that show them), the record written when there is one, and what else the
    write has to tell (e.g. an import's counts)."""

    kinds: frozenset[str]
    id: int | None = None
    version: int | None = None
    detail: Any = None


@contextmanager
def database_errors() -> Iterator[None]:
    """Driver errors as one Dutch sentence; `VwdeskError`s pass unchanged."""
    try:
        yield
    except SQLAlchemyError as exc:
        log.error("database.error type=%s", type(exc).__name__)
        raise DatabaseUnavailable(type(exc).__name__) from None


class Desk:
    def __init__(self, db: Database, actor: Actor, location_id: int, location_name: str):
        actor.check_location(location_id)
        self.db, self.actor = db, actor
        self.location_id, self.location_name = location_id, location_name

    @property
    def database(self) -> str:
        """The database in use, as the user may see it (no password)."""
        return self.db.display_url

    def at_location(self, location_id: int, location_name: str) -> Desk:
        """The same user's desk at another location (a beheerder switching)."""
        return Desk(self.db, self.actor, location_id, location_name)

    # --- transactions ---------------------------------------------------------
    def read(self, fn: Callable[[Session], T]) -> T:
        """Run `fn(session)` in one read transaction."""
        with database_errors(), self.db.session() as s:
            return fn(s)

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run `fn(session)` in one write transaction, all or nothing."""
        return self.read(fn)

    def with_db(self, fn: Callable[[Database], T]) -> T:
        """Run `fn(db)` for work that manages its own transactions (the
        privacy and exchange packages), with the same error translation."""
        with database_errors():
            return fn(self.db)

    # --- the parts ------------------------------------------------------------
    # Imported on first use: a command needs one part, the login none.
    @property
    def clients(self) -> Clients:
        from vwdesk.app.clients import Clients

        return Clients(self)

    @property
    def contacts(self) -> Contacts:
        from vwdesk.app.contacts import Contacts

        return Contacts(self)

    @property
    def records(self) -> Records:
        from vwdesk.app.records import Records

        return Records(self)

    @property
    def couplings(self) -> Couplings:
        from vwdesk.app.couplings import Couplings

        return Couplings(self)

    @property
    def deadlines(self) -> Deadlines:
        from vwdesk.app.deadlines import Deadlines

        return Deadlines(self)

    @property
    def users(self) -> Users:
        from vwdesk.app.users import Users

        return Users(self)

    @property
    def privacy(self) -> Privacy:
        from vwdesk.app.privacy import Privacy

        return Privacy(self)

    @property
    def exchange(self) -> Exchange:
        from vwdesk.app.exchange import Exchange

        return Exchange(self)

    @property
    def report(self) -> ReportDoor:
        from vwdesk.app.report import ReportDoor

        return ReportDoor(self)

    def location_choices(self) -> list[tuple[int, str]]:
        """(id, name) of the locations this user may work at."""
        from vwdesk.core.services.locations import locations

        return self.read(lambda s: locations(s, self.actor))


class Part:
    """A subject of the desk; `self.desk` holds the user and location."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.actor, self.location_id = desk.actor, desk.location_id

    def read(self, fn: Callable[[Session], T]) -> T:
        return self.desk.read(fn)

    def write(self, fn: Callable[[Session], T]) -> T:
        return self.desk.write(fn)

    def with_db(self, fn: Callable[[Database], T]) -> T:
        return self.desk.with_db(fn)
