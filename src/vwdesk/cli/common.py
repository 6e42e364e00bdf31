"""What every command shares: opening the database named by its options, and
the user its writes are recorded under.

A command that acts for a named user (`--user NAAM`) asks that user's
password (or reads it from standard input, for scripts) and logs in as the
app does: a wrong password counts towards the lock-out, a login is audited.
Without `--user` a command acts as the system actor: its audit entries have
no user and show as "systeem"."""

from __future__ import annotations

import argparse
import getpass
import sys

from vwdesk.app.opening import open_database
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.core.services.users import SYSTEM, actor_for, authenticate


def open_from_args(args: argparse.Namespace) -> Database:
    return open_database(args.database, args.demo)


def cli_actor(db: Database, username: str | None) -> Actor:
    """The user a CLI write is recorded under: `--user NAME` after that
    user's password (`LoginError` when it is wrong), or the system actor."""
    if not username:
        return Actor(SYSTEM.user_id, f"systeem ({getpass.getuser()})", SYSTEM.role, None)
    password = read_password(f"Wachtwoord van {username}: ", confirm=False)
    return actor_for(authenticate(db, username, password))


def read_password(prompt: str = "Wachtwoord: ", confirm: bool = True) -> str:
    """On a terminal: asked without echo (twice for a new password, with
    `confirm`); otherwise one line from standard input (scripts)."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise VwdeskError("Geen wachtwoord ontvangen op standaardinvoer; geef het als eerste regel mee.")
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if not confirm:
        return first
    if getpass.getpass("Nog een keer: ") != first:
        raise VwdeskError("De twee wachtwoorden zijn niet gelijk; probeer het opnieuw.")
    return first
