"""What every command shares: opening the database named by its options, and
the user its writes are recorded under."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import func, select

from vwdesk.app.opening import open_database
from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import NotFound, VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.core.services.users import SYSTEM, actor_for


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


def read_password(prompt: str = "Wachtwoord: ") -> str:
    """Twice on a terminal; one line from standard input otherwise (scripts)."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise VwdeskError("Geen wachtwoord ontvangen op standaardinvoer; geef het als eerste regel mee.")
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Nog een keer: ") != first:
        raise VwdeskError("De twee wachtwoorden zijn niet gelijk; probeer het opnieuw.")
    return first
