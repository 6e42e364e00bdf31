"""Privacy at scale: 100,000 clients and 1,000,000 contacts in SQLite.

Times the daily retention run (dry run, the first real run that anonymises
what has expired, and the daily run with nothing to do), the access-log
queries and a backup. Run once: `.venv/bin/python bench/bench_privacy.py`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user

CLIENTS, CONTACTS, LABELLED, LABELS, VIEWS = 100_000, 1_000_000, 200_000, 30_000, 100_000
AS_OF = dt.date(2026, 11, 22)


def fill(db: Database) -> tuple[int, object]:
    rnd = random.Random(1)
    with db.session() as s:
        loc = create_location(s, SYSTEM, "Bench")
        tl = actor_for(create_user(s, SYSTEM, "tl", "geheim-wachtwoord", "teamleider", loc.id))
        loc_id = loc.id
    start = dt.date(2012, 1, 1)
    days = (AS_OF - start).days
    now = dt.datetime(2026, 1, 1)
    with db.engine.begin() as c:
        c.execute(insert(m.Client), [
            {"id": i, "location_id": loc_id, "number": f"C{i:06d}", "first_name": f"Voor{i}",
             "last_name": f"Achter{i}", "search_name": f"voor{i} achter{i}",
             "birth_date": dt.date(1960 + i % 50, 1 + i % 12, 1 + i % 28), "gender": "mv"[i % 2],
             "nationality": "SY", "housed_on": start + dt.timedelta(days=rnd.randrange(days)),
             "phone": "0612345678", "email": f"c{i}@example.org", "note": "notitie",
             "created_at": now, "updated_at": now, "version": 1}
            for i in range(1, CLIENTS + 1)])
        c.execute(insert(m.AuditEntry), [
            {"at": now, "location_id": loc_id, "action": "create", "table_name": "clients",
             "row_id": i, "changes": {"first_name": [None, f"Voor{i}"]}}
            for i in range(1, CLIENTS + 1)])
        batch = []
        for i in range(1, CONTACTS + 1):
            labelled = i <= LABELLED
            batch.append({
                "location_id": loc_id, "date": start + dt.timedelta(days=rnd.randrange(days)),
                "kind": "spreekuur", "client_id": None if labelled else rnd.randrange(1, CLIENTS + 1),
                "person_label": f"Persoon {rnd.randrange(LABELS)}" if labelled else None,
                "note": "notitie", "created_at": now, "updated_at": now, "version": 1})
            if len(batch) == 100_000:
                c.execute(insert(m.Contact), batch)
                batch = []
        c.execute(insert(m.AuditEntry), [
            {"at": dt.datetime(2026, 11, 1) + dt.timedelta(minutes=i % 20_000),
             "location_id": loc_id, "user_id": tl.user_id, "action": "view",
             "table_name": "clients", "row_id": rnd.randrange(1, CLIENTS + 1), "reason": "Spreekuur"}
            for i in range(VIEWS)])
    return loc_id, tl


def timed(label: str, fn, rows: list) -> object:
    t = time.perf_counter()
    result = fn()
    rows.append((label, time.perf_counter() - t))
    return result


def main() -> None:
    from vwdesk.privacy.access import access_log, heavy_users
    from vwdesk.privacy.backup import make_backup
    from vwdesk.privacy.retention import run_retention

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        rows: list = []
        loc_id, tl = timed("fill (Core inserts)", lambda: fill(db), rows)
        dry = timed("retention dry run", lambda: run_retention(db, tl, as_of=AS_OF, dry_run=True),
                    rows)
        real = timed("retention run (first: anonymises)", lambda: run_retention(db, tl, as_of=AS_OF),
                     rows)
        again = timed("retention run (daily, nothing to do)",
                      lambda: run_retention(db, tl, as_of=AS_OF), rows)
        with db.session() as s:
            timed("access log of one client", lambda: access_log(s, tl, loc_id, client_id=4242), rows)
            timed("access log of one user (500 newest)",
                  lambda: access_log(s, tl, loc_id, user_id=tl.user_id), rows)
            timed("daily warning (heavy users)", lambda: heavy_users(s, tl, loc_id), rows)
        path = timed("backup (online API)", lambda: make_backup(db, Path(tmp) / "bk"), rows)
        size = path.stat().st_size / 1e6
        db.close()
    print(f"{CLIENTS:,} clients, {CONTACTS:,} contacts ({LABELLED:,} of persons without a file), "
          f"{VIEWS:,} page openings; as of {AS_OF}")
    print(f"expired: {len(dry.clients):,} clients, {len(dry.persons):,} persons; "
          f"anonymised: {len(real.clients):,} clients, {len(real.persons):,} persons; "
          f"second run: {again.total}; backup {size:.0f} MB")
    print(f"| {'step':<40} | {'seconds':>8} |")
    print(f"|{'-' * 42}|{'-' * 10}|")
    for label, secs in rows:
        print(f"| {label:<40} | {secs:8.2f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
