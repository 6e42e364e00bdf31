"""Privacy × report: a year report made before and after anonymisation is
identical (issue 7, point 2), on the demo data of every location and year."""

import datetime as dt

from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.demo import fill_demo
from vwdesk.privacy.retention import run_retention
from vwdesk.report import make_report
from vwdesk.report.html import to_html

YEARS = (2017, 2018, 2019)


def reports(db) -> dict:
    with db.session() as s:
        locations = list(s.scalars(select(m.Location.id)))
    out = {}
    for loc in locations:
        for year in YEARS:
            report = make_report(db, loc, year)
            out[loc, year] = (to_html(report.rendered), report.figures.rows())
    return out


def test_year_reports_are_identical_after_everything_is_anonymised(sqlite_db):
    fill_demo(sqlite_db)
    before = reports(sqlite_db)
    result = run_retention(sqlite_db, as_of=dt.date(2060, 1, 1))
    with sqlite_db.session() as s:
        anonymised = s.scalar(select(func.count()).select_from(m.Client)
                              .where(m.Client.anonymised_at.is_not(None)))
    # Clients with something still open (a dossier, a coupling) are kept.
    assert result.total > 0 and anonymised > 500
    assert reports(sqlite_db) == before
