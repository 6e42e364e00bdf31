"""What every command shares: opening the database named by its options, the
user its writes are recorded under, and the door to the data (`Office`, and
through it a location's `Desk`): a command never opens a session itself.

A command that acts for a named user (`--user NAAM`) asks that user's
password (or reads it from standard input, for scripts) and logs in as the
app does: a wrong password counts towards the lock-out, a login is audited.
Without `--user` a command acts as the system actor: its audit entries have
no user and show as "systeem"."""

from __future__ import annotations

import argparse
import getpass
import sys

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from vwdesk.app.login import authenticate, system_actor
from vwdesk.app.office import Office
from vwdesk.app.opening import open_database
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError

if TYPE_CHECKING:
    from vwdesk.app.login import Actor


def open_from_args(args: argparse.Namespace) -> Database:
    return open_database(args.database, args.demo)


@contextmanager
def office(args: argparse.Namespace, username: str | None = None) -> Iterator[Office]:
    """The database named by the options, as `username` (after the
    password) or the system actor; closed when the command is done."""
    db = open_from_args(args)
    try:
        yield Office(db, cli_actor(db, username))
    finally:
        db.close()


def cli_actor(db: Database, username: str | None) -> Actor:
    """The user a CLI write is recorded under: `--user NAME` after that
    user's password (`LoginError` when it is wrong), or the system actor."""
    if not username:
        return system_actor(f"systeem ({getpass.getuser()})")
    password = read_password(f"Wachtwoord van {username}: ", confirm=False)
    return authenticate(db, username, password).actor


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
