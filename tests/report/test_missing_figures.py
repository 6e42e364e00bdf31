"""What the Report screen says is missing: the typed-in figures a year's
report lacks, in Dutch words, only of what the location keeps, and the year
the screen opens on."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.report.test_six_locations import Loc
from vwdesk.app.desk import Desk
from vwdesk.core import models as m
from vwdesk.report import compute_figures
from vwdesk.report.draft import ReportDraft
from vwdesk.report.store import kept_at, load_template

YEAR = 2025


def gaps_of(loc: Loc, year: int = YEAR):
    """The draft's missing figures as the screen gets them, for the
    location's (standard) template and no prose."""
    with loc.db.session() as s:
        draft = ReportDraft("Schiedam", [], load_template(s, loc.id), kept=kept_at(s, loc.id))
        draft.show_year(year, {})
        needs = draft.needs()
        draft.set_figures(compute_figures(s, loc.id, year, with_previous=set(needs.previous_keys),
                                          requests=set(needs.requests)), needs)
    return draft, draft.missing()


def test_a_new_location_is_told_only_the_figures_every_location_types_in(db):
    loc = Loc(db, "Schiedam")  # its default programmes, nothing registered
    draft, gaps = gaps_of(loc)
    words = [g.words for g in gaps]
    assert any(w.startswith("Het aantal te huisvesten statushouders") for w in words)
    for gap in gaps:  # Dutch words: no keys, no placeholders
        assert "{" not in gap.words and "huisvesting." not in gap.words
        assert gap.year in (YEAR, YEAR - 1) and gap.sections
    titles = {draft.sections()[i]["key"] for g in gaps for i in g.sections}
    assert titles <= {"huisvesting", "resultaten"}, titles  # no Taalcentrum, couplings, ...
    assert not any("programma" in w or "Taalbijeenkomsten" in w or "Cursisten" in w
                   for w in words)


def test_what_a_location_keeps_is_asked_for(db):
    loc = Loc(db, "Schiedam")
    loc.figure("taalcentrum.groepen", 4, 2024)  # it ran a language centre last year
    client = loc.clients(1)[0]
    with db.session() as s:
        wegwijs = s.scalar(select(m.Programme.id).where(m.Programme.location_id == loc.id,
                                                        m.Programme.key == "wegwijs"))
    loc.add("couplings", number="K1", programme_id=wegwijs, client_id=client,
            signed_up_on=dt.date(2024, 3, 1))
    _, gaps = gaps_of(loc)
    words = [g.words for g in gaps]
    assert "Taalgroepen (ingevoerd)" in words
    assert any("programma wegwijs" in w for w in words)
    assert not any("programma taalcoach" in w or "Computer" in w for w in words)


def test_the_screen_opens_on_the_last_complete_year_with_registrations(db):
    loc = Loc(db, "Schiedam")
    desk = Desk(db, loc.office.teamleader, loc.id, "Schiedam")
    today = dt.date(2026, 12, 2)
    assert desk.report.default_year(today) == 2025  # nothing registered: last year
    loc.contact(dt.date(2019, 5, 1), "spreekuur")
    loc.contact(dt.date(2026, 1, 5), "spreekuur")  # the year still running
    assert desk.report.default_year(today) == 2019
