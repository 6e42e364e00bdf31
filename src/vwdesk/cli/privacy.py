"""The privacy, backup and restore subcommands of `vwdesk`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from vwdesk.cli.common import office
from vwdesk.core.db import resolve_url
from vwdesk.core.errors import VwdeskError

if TYPE_CHECKING:
    from vwdesk.privacy.retention import RetentionResult


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise VwdeskError(f"\"{text}\" is geen datum; schrijf bijvoorbeeld 2026-11-22 of 22-11-2026.")


def _passphrase(args: argparse.Namespace) -> str | None:
    if not getattr(args, "passphrase_stdin", False):
        return None
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise VwdeskError("Geen wachtwoordzin ontvangen op standaardinvoer; geef die als eerste "
                          "regel mee.")
    return line


def _print_result(result: RetentionResult) -> None:
    when = f"{result.as_of:%d-%m-%Y}"
    if result.total == 0:
        print(f"Niets om te anonimiseren per {when}.")
        return
    head = "Zou worden geanonimiseerd" if result.dry_run else "Geanonimiseerd"
    print(f"{head} per {when}:")
    for c in result.clients:
        last = f"{c.last_activity:%d-%m-%Y}" if c.last_activity else "geen"
        print(f"  {c.location}: cliënt {c.number} (laatste activiteit {last})")
    for p in result.persons:
        print(f"  {p.location}: persoon zonder dossier, {p.contacts} contact(en), laatste op "
              f"{p.last_contact:%d-%m-%Y}")
    for v in result.volunteers:
        print(f"  {v.location}: medewerker {v.number} (gestopt op {v.end:%d-%m-%Y})")
    print(f"Totaal: {len(result.clients)} cliënten, {len(result.persons)} personen zonder "
          f"dossier, {len(result.volunteers)} medewerkers.")
    if result.dry_run:
        print("Dit was een proefdraai; er is niets gewijzigd.")


def run(args: argparse.Namespace) -> int:
    """`vwdesk privacy run|inzage|erase`."""
    with office(args, getattr(args, "user", None)) as o:
        if args.privacy_command == "run":
            _print_result(o.run_retention(as_of=_date(args.as_of), dry_run=args.dry_run))
            return 0
        privacy = o.desk(args.location).privacy
        client_id = privacy.client_of_number(args.client_number)
        if args.privacy_command == "inzage":
            out = privacy.write_inzage(client_id, Path(args.output))
            print(f"Inzage geschreven naar {out}.")
        else:
            privacy.erase(client_id, args.reason)
            print("De persoonsgegevens van deze cliënt zijn verwijderd (geanonimiseerd); "
                  "de reden staat in het logboek.")
    return 0


def backup(args: argparse.Namespace) -> int:
    """`vwdesk backup [--to MAP] [--passphrase-stdin]`."""
    from vwdesk.privacy.backup import sqlite_path

    sqlite_path(resolve_url(args.database, args.demo))  # PostgreSQL: say so before opening
    passphrase = _passphrase(args)
    with office(args) as o:
        path = o.back_up(Path(args.to) if args.to else None, passphrase)
    print(f"Back-up gemaakt: {path}")
    return 0


def restore(args: argparse.Namespace) -> int:
    """`vwdesk restore BESTAND [--passphrase-stdin]`: the database must be closed."""
    from vwdesk.privacy.backup import restore as restore_file

    url = resolve_url(args.database, args.demo)
    aside = restore_file(url, Path(args.file), _passphrase(args))
    print(f"Back-up {args.file} is teruggezet.")
    if aside:
        print(f"De vervangen database is bewaard als {aside}.")
    return 0
