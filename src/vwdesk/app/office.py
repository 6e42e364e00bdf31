"""`Office`: the door for work that is not one location's, or that names its
location first — what the commands do.

`Office(db, actor)` is one user at the whole database: the users of every
location, the retention run over every location, a backup, an import that
may make its location. `office.desk(name)` opens the `Desk` of a location
named on the command line, the same door the screens use. Like a Desk, every
call runs in its own transaction and turns driver errors into one Dutch
sentence (`database_errors`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from vwdesk.app.desk import Desk, Saved, database_errors
from vwdesk.app.rules import RULES
from vwdesk.core.db import Database
from vwdesk.core.services.base import Actor
from vwdesk.core.services.users import UserRow

if TYPE_CHECKING:
    from vwdesk.exchange import ImportResult
    from vwdesk.privacy.retention import RetentionResult

T = TypeVar("T")
Progress = Callable[[int, int], None]

__all__ = ["Office", "UserRow"]


class Office:
    def __init__(self, db: Database, actor: Actor):
        self.db, self.actor = db, actor

    def _transaction(self, fn: Callable[[Session], T]) -> T:
        """`fn` in one transaction (committed when it returns)."""
        with database_errors(), self.db.session() as s:
            return fn(s)

    def desk(self, location_name: str) -> Desk:
        """The desk of the location with this name (`NotFound`, naming the
        known locations, when there is none)."""
        from vwdesk.core.services.locations import get_location

        location_id, name = self._transaction(
            lambda s: (lambda loc: (loc.id, loc.name))(get_location(s, location_name)))
        return Desk(self.db, self.actor, location_id, name)

    # --- users of every location ------------------------------------------------
    def users(self) -> list[UserRow]:
        from vwdesk.core.services.users import user_rows

        return self._transaction(lambda s: user_rows(s, self.actor))

    def create_user(self, username: str, password: str, role: str,
                    location_name: str | None, display_name: str = "") -> Saved:
        """A new login; `location_name` may be None for a beheerder only (the
        service says so otherwise)."""
        from vwdesk.core.services.locations import get_location
        from vwdesk.core.services.users import create_user

        def save(s: Session) -> Saved:
            location_id = get_location(s, location_name).id if location_name else None
            user = create_user(s, self.actor, username, password, role, location_id,
                               display_name)
            return Saved(frozenset({"users"}), user.id, user.version)

        return self._transaction(save)

    # --- work over the whole database --------------------------------------------
    def run_retention(self, as_of: dt.date | None = None,
                      dry_run: bool = False) -> RetentionResult:
        """Anonymise what is past its retention period at every location this
        user may manage (or only say what, with `dry_run`)."""
        from vwdesk.privacy.retention import run_retention

        with database_errors():
            return run_retention(self.db, self.actor, as_of=as_of, dry_run=dry_run)

    def back_up(self, folder: Path | None = None, passphrase: str | None = None) -> Path:
        """A backup of the SQLite database (to the configured folder when
        `folder` is None), encrypted when a passphrase is given."""
        from vwdesk.privacy.backup import make_backup

        self.actor.require_teamleader()
        with database_errors():
            return make_backup(self.db, folder, passphrase)

    def import_workbook(self, location_name: str, source: Path, reading: Progress,
                        importing: Progress) -> ImportResult:
        """Read, check and import a workbook in one transaction, making the
        location (and its municipalities) when it is new: the command line's
        way, without a preview. `ImportFailed` lists every problem."""
        from vwdesk.exchange import import_workbook, read_workbook

        data = read_workbook(source, progress=reading)
        try:
            with database_errors():
                return import_workbook(self.db, self.actor, location_name, data,
                                       progress=importing, rules=RULES)
        finally:
            data.close()
