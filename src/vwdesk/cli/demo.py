"""`vwdesk demo [--force]`: fill a database with the synthetic demo data."""

from __future__ import annotations

import argparse

from vwdesk.core.db import Database, resolve_url
from vwdesk.core.errors import VwdeskError
from vwdesk.demo import DEMO_LOGINS, demo_locations_present, fill_demo, has_locations


def run(args: argparse.Namespace) -> int:
    db = Database(resolve_url(args.database, args.demo))
    try:
        if has_locations(db):
            if not args.force:
                raise VwdeskError(
                    f"De database {db.display_url} bevat al locaties; kies een lege database of "
                    "voeg --force toe om de demogegevens er toch aan toe te voegen.")
            taken = demo_locations_present(db)
            if taken:
                raise VwdeskError(
                    f"De database bevat al de demolocatie(s) {', '.join(taken)}; de demogegevens "
                    "kunnen er niet nog een keer in. Kies een andere database.")
        fill_demo(db)
    finally:
        db.close()
    print("Demogegevens toegevoegd. Inloggen kan met:")
    for username, password, role in DEMO_LOGINS:
        print(f"  {username} / {password}  ({role})")
    return 0
