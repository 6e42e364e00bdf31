"""Integrity at start: SQLite's `PRAGMA quick_check`. A damaged database is
reported plainly, with the newest good backup to restore."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.privacy.backup import newest_good_backup, sqlite_path

log = logging.getLogger(__name__)


class DatabaseDamaged(VwdeskError):
    """The database file is damaged. `backup` is the newest good backup (or None)."""

    def __init__(self, db_path: Path, backup: Path | None):
        self.db_path, self.backup = db_path, backup
        if backup:
            msg = (f"De database {db_path} is beschadigd. Zet de nieuwste goede back-up terug "
                   f"({backup}) met Herstellen, of vraag uw beheerder om hulp.")
        else:
            msg = (f"De database {db_path} is beschadigd en er is geen back-up gevonden; "
                   "werk niet verder en vraag uw beheerder om hulp.")
        super().__init__(msg)


def _quick_check(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def check_database(db: Database) -> None:
    """Raise `DatabaseDamaged` when the open SQLite database fails quick_check."""
    if not db.is_sqlite:
        return
    try:
        with db.engine.connect() as conn:
            ok = _quick_check(conn.connection.driver_connection)
    except DBAPIError as exc:  # the driver's error, wrapped by SQLAlchemy
        if not isinstance(exc.orig, sqlite3.DatabaseError):
            raise
        ok = False
    if not ok:
        _damaged(sqlite_path(db.url))


def check_file(url: str) -> None:
    """The same check before opening: `Database(url)` migrates on open, which
    fails on a damaged file with a less helpful message."""
    try:
        path = sqlite_path(url)
    except VwdeskError:
        return  # not SQLite
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            ok = _quick_check(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        _damaged(path)


def _damaged(path: Path) -> None:
    log.error("integrity.damaged")
    raise DatabaseDamaged(path, newest_good_backup(path))
