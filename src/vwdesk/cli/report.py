"""`vwdesk report --location NAAM --year JAAR -o BESTAND` (.pdf or .xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from vwdesk.cli.common import office
from vwdesk.core.errors import VwdeskError


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise VwdeskError(f"Onbekend uitvoerformaat \"{out.suffix or out.name}\"; kies een "
                          "bestandsnaam die eindigt op .pdf of .xlsx.")
    if not out.parent.exists():
        raise VwdeskError(f"De map {out.parent} bestaat niet; kies een bestaande map.")
    missing = []
    with office(args) as o:
        report = o.desk(args.location).report
        try:
            if suffix == ".pdf":
                missing = report.write_pdf(args.year, out)
            else:
                report.write_figures(args.year, out)
        except PermissionError:
            raise VwdeskError(f"Kan {out} niet schrijven; sluit het bestand als het open staat "
                              "of kies een andere naam.") from None
    print(f"{out} geschreven.")
    if missing:
        print("Niet ingevoerde jaarcijfers; de zinnen die ze gebruiken zijn weggelaten:")
        for figure in missing:
            print(f"  {figure.sentence()}")
    return 0
