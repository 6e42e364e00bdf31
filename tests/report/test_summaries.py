"""Figures answered from the summary tables (`subject_base.Summary`) equal the
same figures counted from every contact and topic link, for every request a
summary takes and for those it must leave to the contacts."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.report import compute_figures
from vwdesk.report.params import Request
from vwdesk.report.subject_base import Summary


def _req(key: str, **filters: str) -> Request:
    return Request(key, tuple(sorted(filters.items())))


TOPICS = ("financiën", "gezinshereniging", "werk")
REQUESTS = {
    _req(key, **filters)
    for key in ("contacten.aantal", "contacten.personen", "contacten.clienten",
                "contacten.onderwerpen", "contacten.onderwerpen_lijst")
    for filters in (
        {}, *({"soort": k} for k in vocab.CONTACT_KINDS), {"soort": "spreekuur,juridisch"},
        {"soort": "!mb"}, {"geregistreerd": "ja"}, {"geregistreerd": "nee"},
        {"soort": "juridisch", "geregistreerd": "nee"}, {"kwartaal": "2"},
        {"onderwerp": "werk"}, {"onderwerp": "!gezinshereniging", "soort": "juridisch"},
        {"soort": "spreekuur", "maand": "3"}, {"binnen": "18"})
} | {_req(key) for key in ("spreekuur.personen", "spreekuur.contacten",
                           "spreekuur.onderwerpen_lijst", "juridisch.overig_clienten",
                           "juridisch.nr_personen", "juridisch.clienten")}


def _years(db, location_id: int) -> list[int]:
    with db.session() as s:
        first, last = s.execute(select(func.min(m.Contact.date), func.max(m.Contact.date))
                                .where(m.Contact.location_id == location_id)).one()
    return list(range(first.year, last.year + 1))


def _tables_read(db, location_id: int, year: int) -> tuple[dict, set[str]]:
    read: set[str] = set()

    def record(conn, cursor, statement, *_args) -> None:
        read.update(t for t in ("contact_persons", "topic_days") if t in statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        figures = compute_figures(db, location_id, year, requests=REQUESTS)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return {r: figures.extra.get(r, figures.values.get(r.key)) for r in REQUESTS}, read


@pytest.mark.parametrize("location", ["Vlaardingen", "Maassluis"])
def test_summaries_answer_as_the_contacts_do(demo_db, demo_ids, location, monkeypatch):
    loc = demo_ids[location]
    years = _years(demo_db, loc)
    summarised = {y: _tables_read(demo_db, loc, y) for y in years}
    monkeypatch.setattr(Summary, "serves", lambda *a: False)
    for year in years:
        values, read = summarised[year]
        assert read == {"contact_persons", "topic_days"}
        counted, read_without = _tables_read(demo_db, loc, year)
        assert read_without == set()
        assert values == counted, year
    assert any(v for v, _ in summarised.values() for v in v.values())
