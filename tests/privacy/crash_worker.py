"""The process the crash test kills (run by test_crash_safety.py).

It starts once, imports only SQLAlchemy and vwdesk.core, warms up, then
forks one worker per "go" command read from stdin, so every worker starts in
a few milliseconds. A worker saves as fast as it can: single contacts, and
"imports" of a client with three contacts and a dossier in one transaction.
After each commit it writes "OK ..." to stdout (a pipe, unbuffered): what a
user would see confirmed. The test SIGKILLs the worker at a random moment.

Protocol (stdout lines): READY; per run: PID <run> <pid>, START <run>,
OK save <contact id>, OK batch <tag>, EXIT <run>.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import traceback

from vwdesk.core.db import Database
from vwdesk.core.services.base import Actor, create


class WarmUp(Exception):
    """Raised to roll back the warm-up transaction."""


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def save(db: Database, actor: Actor, i: int) -> int:
    with db.session() as s:
        contact = create(s, actor, "contacts", actor.location_id, {
            "date": dt.date(2024, 1, 1) + dt.timedelta(days=i % 365),
            "kind": "spreekuur", "person_label": "save", "duration_minutes": i})
        return contact.id


def import_batch(db: Database, actor: Actor, tag: str, fail: bool = False) -> None:
    loc = actor.location_id
    with db.session() as s:
        client = create(s, actor, "clients", loc, {
            "number": f"imp-{tag}", "gender": "v", "nationality": "SY",
            "housed_on": dt.date(2024, 2, 1)})
        for day in (1, 2, 3):
            create(s, actor, "contacts", loc, {
                "date": dt.date(2024, 3, day), "kind": "mb", "client_id": client.id})
        create(s, actor, "dossiers", loc, {
            "number": f"d-{tag}", "client_id": client.id, "kind": "asiel",
            "opened_on": dt.date(2024, 3, 1)})
        if fail:
            raise WarmUp


def warm_up(db: Database, actor: Actor) -> None:
    """Configure the mappers and fill the statement cache once, in a
    transaction that is rolled back, so a forked worker writes at full speed."""
    try:
        import_batch(db, actor, "warm-up", fail=True)
    except WarmUp:
        pass
    db.engine.dispose()  # no connection may cross the fork


def work(db: Database, actor: Actor, run: int, seed: int) -> None:
    rnd = random.Random(seed)
    db.engine.dispose(close=False)  # fresh connections in this process
    say(f"START {run}")
    i = 0
    while True:
        i += 1
        if rnd.random() < 0.7:
            say(f"OK save {save(db, actor, i)}")
        else:
            tag = f"{run}-{i}"
            import_batch(db, actor, tag)
            say(f"OK batch {tag}")


def main() -> None:
    url, location_id = sys.argv[1], int(sys.argv[2])
    actor = Actor(None, "crashtest", "teamleider", location_id)
    db = Database(url, migrate=False)
    warm_up(db, actor)
    say("READY")
    for line in sys.stdin:
        _, run, seed = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                work(db, actor, int(run), int(seed))
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        say(f"PID {run} {pid}")
        os.waitpid(pid, 0)
        say(f"EXIT {run}")


if __name__ == "__main__":
    main()
