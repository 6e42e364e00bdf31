"""Opening the database for a command or the app, and the CLI's actor."""

from __future__ import annotations

import argparse
import getpass

from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.core.db import Database, resolve_url
from vwdesk.core.errors import NotFound, VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.core.services.users import SYSTEM, actor_for


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


def open_from_args(args: argparse.Namespace) -> Database:
    return open_database(args.database, args.demo)


def cli_actor(db: Database, username: str | None) -> Actor:
    """The user a CLI write is recorded under: `--user NAME`, or the system
    actor (the audit entry then names the operating-system account)."""
    if not username:
        return Actor(SYSTEM.user_id, f"systeem ({getpass.getuser()})", SYSTEM.role, None)
    with db.session() as s:
        user = s.scalar(select(m.User).where(func.lower(m.User.username) == username.lower()))
        if user is None:
            raise NotFound(f"Gebruiker \"{username}\" bestaat niet; maak die eerst aan met "
                           "`vwdesk users add`.")
        return actor_for(user)
