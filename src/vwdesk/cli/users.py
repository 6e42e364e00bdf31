"""`vwdesk users add|list`."""

from __future__ import annotations

import argparse

from vwdesk.cli.common import cli_actor, open_from_args, read_password
from vwdesk.core.errors import ValidationError
from vwdesk.core.services.locations import get_location
from vwdesk.core.services.users import create_user, user_rows


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    if args.users_command == "list":
        with db.session() as s:
            rows = user_rows(s, cli_actor(db, None))
        for u in rows:
            print(f"{u.username}\t{u.role}\t{u.location or '-'}\t"
                  f"{'actief' if u.active else 'uit'}")
        return 0
    if args.role != "beheerder" and not args.location:
        raise ValidationError("Geef met --location de locatie van deze gebruiker op.")
    password = read_password()
    actor = cli_actor(db, None)
    with db.session() as s:
        location_id = get_location(s, args.location).id if args.location else None
        create_user(s, actor, args.name, password, args.role, location_id, args.display_name)
    print(f"Gebruiker {args.name} ({args.role}) is aangemaakt.")
    return 0
