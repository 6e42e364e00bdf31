"""`vwdesk template export|import --location NAAM BESTAND`: a location's
report template to or from a TOML file (see `vwdesk.report.template_file`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vwdesk.cli.common import office
from vwdesk.core.errors import VwdeskError
from vwdesk.report.template_file import (
    MAX_TEXT_CHARS,
    TemplateFileError,
    template_to_toml,
    toml_to_template,
)


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.file)
    if not out.parent.exists():
        raise VwdeskError(f"De map {out.parent} bestaat niet; kies een bestaande map.")
    with office(args, args.user) as o:  # an unknown --user is an error here too
        draft = o.desk(args.location).report.draft()
    text = template_to_toml(draft.template, draft.location_name)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError:
        raise VwdeskError(f"Kan {out} niet schrijven; kies een andere naam of map.") from None
    print(f"Sjabloon van {args.location} geschreven naar {out}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        if path.stat().st_size > 4 * MAX_TEXT_CHARS:  # UTF-8: at most 4 bytes a character
            raise VwdeskError(f"{path} is te groot voor een rapportsjabloon; kies het "
                              ".toml-bestand dat vwdesk template export schreef.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VwdeskError(f"Het bestand {path} bestaat niet; geef het pad van een "
                          ".toml-bestand.") from None
    except UnicodeDecodeError:
        raise VwdeskError(f"{path} is geen tekstbestand in UTF-8; sla het op als UTF-8 "
                          "(zonder opmaak).") from None
    with office(args, args.user) as o:
        report = o.desk(args.location).report
        try:
            template = toml_to_template(text, report.draft().municipalities)
        except TemplateFileError as exc:
            print(f"{path}: het sjabloon is niet ingelezen:", file=sys.stderr)
            for line in exc.lines:
                print(f"  {line}", file=sys.stderr)
            return 2
        report.save_template(template)
    print(f"Sjabloon van {args.location} ingelezen uit {path}.")
    return 0
