"""Opening the database for the app or a command."""

from __future__ import annotations

from vwdesk.core.db import Database, resolve_url
from vwdesk.core.errors import VwdeskError


def open_database(database: str | None = None, demo: bool = False) -> Database:
    """The database named on the command line (or the default), migrated; the
    demo database is filled with synthetic data on first use."""
    url = resolve_url(database, demo)
    try:
        db = Database(url)
    except VwdeskError:
        # Say plainly if the file is damaged (and which backup to restore);
        # the integrity check itself runs after start, off the GUI thread.
        from vwdesk.privacy.integrity import check_file

        check_file(url)
        raise
    if demo:
        from vwdesk.demo import ensure_demo

        ensure_demo(db)
    return db
