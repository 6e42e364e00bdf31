"""`vwdesk users add|list`."""

from __future__ import annotations

import argparse

from vwdesk.cli.common import office, read_password
from vwdesk.core.errors import ValidationError


def run(args: argparse.Namespace) -> int:
    if args.users_command == "list":
        with office(args) as o:
            rows = o.users()
        for u in rows:
            print(f"{u.username}\t{u.role}\t{u.location or '-'}\t"
                  f"{'actief' if u.active else 'uit'}")
        return 0
    if args.role != "beheerder" and not args.location:
        raise ValidationError("Geef met --location de locatie van deze gebruiker op.")
    with office(args) as o:
        o.create_user(args.name, read_password(), args.role, args.location, args.display_name)
    print(f"Gebruiker {args.name} ({args.role}) is aangemaakt.")
    return 0
