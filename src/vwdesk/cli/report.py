"""`vwdesk report --location NAAM --year JAAR -o BESTAND` (.pdf or .xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from vwdesk.cli.common import open_from_args
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.locations import get_location


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise VwdeskError(f"Onbekend uitvoerformaat \"{out.suffix or out.name}\"; kies een "
                          "bestandsnaam die eindigt op .pdf of .xlsx.")
    if not out.parent.exists():
        raise VwdeskError(f"De map {out.parent} bestaat niet; kies een bestaande map.")
    db = open_from_args(args)
    try:
        with db.session() as s:
            location_id = get_location(s, args.location).id
        from vwdesk.report import build_report_pdf, compute_figures, export_figures_xlsx

        missing = []
        try:
            if suffix == ".pdf":
                missing = build_report_pdf(db, location_id, args.year, str(out)).missing
            else:
                figures = compute_figures(db, location_id, args.year, with_previous=True)
                export_figures_xlsx(figures, str(out))
        except PermissionError:
            raise VwdeskError(f"Kan {out} niet schrijven; sluit het bestand als het open staat "
                              "of kies een andere naam.") from None
    finally:
        db.close()
    print(f"{out} geschreven.")
    if missing:
        print("Niet ingevoerde jaarcijfers; de zinnen die ze gebruiken zijn weggelaten:")
        for figure in missing:
            print(f"  {figure.sentence()}")
    return 0
