"""Filtered figures asked for while a template is being edited: a sentence
being typed asks for `{huisvesting.personen gemeente=Schiedam}` and the
Report screen computes just that, for the year and the year before."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from vwdesk.report.figures import Figures, add_requests
from vwdesk.report.params import Request


def add_missing_requests(conn: Connection, figures: Figures, requests: set[Request]) -> None:
    """Compute the requests `figures` (and its previous year) do not hold yet."""
    for f in (figures, figures.previous):
        if f is not None:
            missing = {r for r in requests if r not in f.extra}
            if missing:
                add_requests(conn, f, missing)
