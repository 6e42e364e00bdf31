"""The `vwdesk` command: starts the app, or runs a subcommand.

Every subcommand's work lives in the package that owns it; this module only
parses arguments, opens the database and turns a `VwdeskError` into one Dutch
sentence on stderr with exit status 2 (never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from vwdesk import __version__
from vwdesk.cli.dutch_argparse import EXIT_USER_ERROR, DutchArgumentParser
from vwdesk.core.errors import VwdeskError


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"\"{text}\" is geen jaartal (bijv. 2018)") from None
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"{year} is geen geldig jaartal (bijv. 2018)")
    return year


def _database_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--database", metavar="URL", default=default,
                        help="SQLAlchemy-URL of pad naar een SQLite-bestand "
                             "(standaard: $VWDESK_DATABASE_URL of het bestand in uw gegevensmap)")
    parser.add_argument("--demo", action="store_true", default=default,
                        help="werk met de aparte demodatabase (wordt bij eerste gebruik gevuld)")


LOCATION_HELP = "de locatie, met haar naam zoals in vwdesk"
USER_HELP = "de gebruiker op wiens naam het wordt vastgelegd"


def build_parser() -> argparse.ArgumentParser:
    # The options may stand before or after the subcommand; the subcommands'
    # copies default to SUPPRESS so they never overwrite a value given earlier.
    # (A plain parser: its groups must keep argparse's own titles to merge
    # into the subcommands' groups, which get their Dutch titles after.)
    common = argparse.ArgumentParser(add_help=False)
    _database_options(common, argparse.SUPPRESS)

    p = DutchArgumentParser(
        prog="vwdesk",
        description="vwdesk: registratie en jaarrapportage voor VluchtelingenWerk. "
                    "Zonder opdracht start de app.")
    _database_options(p, None)
    p.add_argument("--version", action="version", version=f"vwdesk {__version__}",
                   help="toon het versienummer en stop")
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten",
                           help="`vwdesk OPDRACHT --help` toont wat een opdracht vraagt",
                           parser_class=DutchArgumentParser)

    def add(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        sp.set_defaults(handler=handler)
        return sp

    def actions(parser: argparse.ArgumentParser, dest: str) -> argparse._SubParsersAction:
        return parser.add_subparsers(dest=dest, metavar="ACTIE", title="acties", required=True,
                                     help="`--help` na een actie toont wat die vraagt",
                                     parser_class=DutchArgumentParser)

    def add_action(actions_: argparse._SubParsersAction, name: str, help_text: str):
        return actions_.add_parser(name, parents=[common], help=help_text, description=help_text)

    sp = add("report", "vwdesk.cli.report:run",
             "maak het jaarverslag van een locatie (PDF, of .xlsx met alle cijfers)")
    sp.add_argument("--location", required=True, metavar="NAAM", help=LOCATION_HELP)
    sp.add_argument("--year", required=True, type=_year, metavar="JAAR",
                    help="het jaar van het verslag, bijv. 2018")
    sp.add_argument("-o", "--output", required=True, metavar="BESTAND",
                    help="uitvoerbestand: .pdf of .xlsx")

    sp = add("template", "vwdesk.cli.template:run_export",
             "schrijf of lees het rapportsjabloon van een locatie als tekstbestand (.toml)")
    template_actions = actions(sp, "template_command")
    for action, handler, help_text in (
            ("export", "run_export", "schrijf het sjabloon van een locatie naar BESTAND"),
            ("import", "run_import", "lees het sjabloon van een locatie uit BESTAND (eerst "
                                     "gecontroleerd; fouten met regelnummer)")):
        tp = add_action(template_actions, action, help_text)
        tp.set_defaults(handler=f"vwdesk.cli.template:{handler}")
        tp.add_argument("--location", required=True, metavar="NAAM", help=LOCATION_HELP)
        tp.add_argument("--user", metavar="GEBRUIKER", help=USER_HELP)
        tp.add_argument("file", metavar="BESTAND", help="het sjabloonbestand (.toml)")

    sp = add("import", "vwdesk.cli.exchange:run_import",
             "importeer een werkmap (.xlsx) of map met .csv-bestanden")
    sp.add_argument("--location", required=True, metavar="NAAM", help=LOCATION_HELP)
    sp.add_argument("--user", metavar="GEBRUIKER", help=USER_HELP)
    sp.add_argument("path", metavar="PAD", help="de werkmap (.xlsx) of de map met .csv-bestanden")

    sp = add("export", "vwdesk.cli.exchange:run_export",
             "exporteer de gegevens van een locatie naar .xlsx of een map met .csv-bestanden")
    sp.add_argument("--location", required=True, metavar="NAAM", help=LOCATION_HELP)
    sp.add_argument("--year", type=_year, metavar="JAAR", help="alleen dit jaar")
    sp.add_argument("--user", metavar="GEBRUIKER", help=USER_HELP)
    sp.add_argument("path", metavar="PAD",
                    help="de nieuwe werkmap (eindigt op .xlsx) of een map voor .csv-bestanden")

    sp = add("demo", "vwdesk.cli.demo:run",
             "vul een database met synthetische demogegevens (geen echte personen)")
    sp.add_argument("--force", action="store_true", help="ook als de database al gegevens bevat")

    sp = add("users", "vwdesk.cli.users:run", "gebruikers beheren")
    users_actions = actions(sp, "users_command")
    ua = add_action(users_actions, "add", "maak een gebruiker aan (wachtwoord wordt gevraagd, "
                    "of gelezen van standaardinvoer)")
    ua.add_argument("name", metavar="NAAM", help="de inlognaam")
    ua.add_argument("--role", required=True, choices=("vrijwilliger", "teamleider", "beheerder"),
                    help="wat de gebruiker mag")
    ua.add_argument("--location", metavar="NAAM",
                    help="de locatie van de gebruiker; verplicht behalve voor een beheerder")
    ua.add_argument("--display-name", default="", metavar="TEKST",
                    help="de naam die vwdesk toont (standaard: de inlognaam)")
    add_action(users_actions, "list", "toon de gebruikers")

    sp = add("privacy", "vwdesk.cli.privacy:run",
             "privacy: bewaartermijnen, inzageverzoeken en verwijderverzoeken")
    privacy_actions = actions(sp, "privacy_command")
    pr = add_action(privacy_actions, "run", "anonimiseer wat de bewaartermijn voorbij is "
                    "(of toon het met --dry-run)")
    pr.add_argument("--dry-run", action="store_true", help="toon alleen wat er zou gebeuren")
    pr.add_argument("--as-of", metavar="DATUM", help="doe alsof het vandaag DATUM is (jjjj-mm-dd)")
    pr.add_argument("--user", metavar="GEBRUIKER", help=USER_HELP)
    pi = add_action(privacy_actions, "inzage", "alles over één cliënt naar een .pdf (leesbaar) "
                    "of .json (machineleesbaar)")
    pe = add_action(privacy_actions, "erase", "verwijder de persoonsgegevens van één cliënt op "
                    "diens verzoek (anonimiseren)")
    for sub_p in (pi, pe):
        sub_p.add_argument("--location", required=True, metavar="NAAM", help=LOCATION_HELP)
        sub_p.add_argument("--user", metavar="GEBRUIKER", help=USER_HELP)
        sub_p.add_argument("client_number", metavar="CLIENTNUMMER",
                           help="het cliëntnummer binnen de locatie")
    pi.add_argument("-o", "--output", required=True, metavar="BESTAND", help=".pdf of .json")
    pe.add_argument("--reason", required=True, metavar="TEKST", help="reden van het verzoek")

    sp = add("backup", "vwdesk.cli.privacy:backup",
             "maak een back-up van de SQLite-database (PostgreSQL: gebruik pg_dump)")
    sp.add_argument("--to", metavar="MAP", help="map voor de back-up (standaard: de ingestelde map)")
    sp.add_argument("--passphrase-stdin", action="store_true",
                    help="versleutel met een wachtwoordzin, gelezen van standaardinvoer")

    sp = add("restore", "vwdesk.cli.privacy:restore",
             "zet een back-up terug (sluit eerst vwdesk); de huidige database blijft bewaard")
    sp.add_argument("file", metavar="BESTAND", help="het back-upbestand")
    sp.add_argument("--passphrase-stdin", action="store_true",
                    help="wachtwoordzin van een versleutelde back-up, gelezen van standaardinvoer")
    return p


def _resolve(handler: str) -> Callable[[argparse.Namespace], int]:
    module, func = handler.split(":")
    return getattr(importlib.import_module(module), func)


def _ensure_streams() -> None:
    """A program without a console (vwdesk.exe is built windowed) has no
    standard streams: sys.stdin, stdout and stderr are None. Give each an
    empty one, so a command that asks `isatty()`, prints or reads finds a
    stream and ends with its exit status instead of a crash (the output of a
    windowed program goes nowhere; vwdesk-cli.exe has a console)."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    args = build_parser().parse_args(argv)
    from vwdesk.logging_setup import configure_logging

    configure_logging()
    try:
        if args.command is None:
            from vwdesk.gui.start import run as run_gui

            return run_gui(database=args.database, demo=args.demo)
        return _resolve(args.handler)(args) or 0
    except VwdeskError as exc:
        print(f"vwdesk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("vwdesk: afgebroken.", file=sys.stderr)
        return 130
