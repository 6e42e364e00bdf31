"""`vwdesk import` and `vwdesk export`."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from typing import TextIO

from pathlib import Path

from vwdesk.app.exchange import ImportFailed
from vwdesk.cli.common import office
from vwdesk.core.errors import VwdeskError

EXIT_USER_ERROR = 2
log = logging.getLogger(__name__)


class ProgressBar:
    """A plain-text bar on stderr, redrawn in place; silent when stderr is
    not a terminal (scripts, logs)."""

    WIDTH = 30

    def __init__(self, label: str, stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = -1.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        frac = done / total if total else 0.0
        filled = int(frac * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label:<10} [{bar}] {frac:4.0%}")
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False


def run_import(args: argparse.Namespace) -> int:
    reading, importing = ProgressBar("Lezen"), ProgressBar("Import")
    try:
        with office(args, args.user) as o:
            try:
                done = o.import_workbook(args.location, Path(args.path), reading, importing)
            finally:
                reading.finish()
                importing.finish()
    except ImportFailed as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        print(f"vwdesk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except VwdeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - one transaction: nothing was written
        log.exception("import.unexpected")  # the log keeps the type and place, no content
        raise VwdeskError(f"De import is mislukt door een onverwachte fout "
                          f"({exc.__class__.__name__}); er is niets geïmporteerd. Meld dit aan "
                          "uw beheerder; het logboek zegt waar de fout zat.") from None
    if done.new_location:
        print(f"Locatie {args.location.strip()} aangemaakt.")
    for name in done.new_municipalities:
        print(f"Gemeente {name} aangemaakt.")
    for key in done.new_programmes:
        print(f"Programma {key} aangemaakt.")
    for p in done.sheets:
        print(f"{p.name}: {p.added} nieuw, {p.changed} gewijzigd, {p.unchanged} ongewijzigd")
    return 0


def run_export(args: argparse.Namespace) -> int:
    with office(args, args.user) as o:
        counts = o.desk(args.location).exchange.export(Path(args.path), args.year)
    total = sum(counts.values())
    print(f"{total} regels geëxporteerd naar {args.path}: "
          + ", ".join(f"{name} {n}" for name, n in counts.items()))
    return 0
