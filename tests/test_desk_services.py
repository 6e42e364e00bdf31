"""The desk's Qt-free services: search, duplicates, timeline, day list,
deadlines, couplings."""

from __future__ import annotations

import datetime as dt

import pytest

from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied
from vwdesk.core.services import base, clients, contacts, couplings, desk, dossiers
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM

TODAY = dt.date.today()


def add_client(s, actor, loc, number, first, last, birth=None):
    return base.create(s, actor, "clients", loc, {
        "number": number, "first_name": first, "last_name": last, "birth_date": birth}).id


@pytest.fixture
def people(office):
    with office.db.session() as s:
        ids = {
            "hassan": add_client(s, office.volunteer, office.location_id, "101", "Omar", "Al-Hassan",
                                 dt.date(1990, 5, 1)),
            "hasan": add_client(s, office.volunteer, office.location_id, "102", "Hasan", "Yilmaz"),
            "arabic": add_client(s, office.volunteer, office.location_id, "103", "حسن", "علي"),
            "geez": add_client(s, office.volunteer, office.location_id, "204", "ሃብቶም", "Tesfay"),
            "eva": add_client(s, office.volunteer, office.location_id, "205", "Éva", "Müller",
                              dt.date(1985, 2, 3)),
        }
    return ids


def search(office, q):
    with office.db.session() as s:
        return clients.search_ids(s, office.volunteer, office.location_id, q)


def test_search_is_case_accent_and_spacing_insensitive(office, people):
    for q in ("Hassan", "hassan", "Al-Hassan", "alhassan", "AL HASSAN"):
        assert people["hassan"] in search(office, q), q
    assert search(office, "eva muller") == [people["eva"]]
    assert search(office, "حسن") == [people["arabic"]]
    assert search(office, "ሃብቶም") == [people["geez"]]
    assert search(office, "10") == sorted([people["hassan"], people["hasan"], people["arabic"]],
                                          key=lambda i: search(office, "").index(i))
    assert search(office, "01-05-1990") == [people["hassan"]]
    assert search(office, "1-5-1990") == [people["hassan"]]
    assert search(office, "%") == []
    assert len(search(office, "")) == 5


def test_rows_and_timeline(office, people):
    with office.db.session() as s:
        r = clients.rows(s, office.volunteer, office.location_id, [people["geez"]])[people["geez"]]
        assert r.name == "ሃብቶም Tesfay" and r.number == "204"
        topic_ids = [t for t, n in contacts.topics(s) if n in ("werk", "brieven")]
        contacts.register(s, office.volunteer, office.location_id, {
            "date": TODAY, "kind": "spreekuur", "client_id": people["geez"]}, topic_ids)
        base.create(s, office.volunteer, "dossiers", office.location_id, {
            "number": "D1", "client_id": people["geez"], "kind": "gezinshereniging",
            "opened_on": TODAY - dt.timedelta(days=3), "deadline": TODAY + dt.timedelta(days=5)})
        base.create(s, office.volunteer, "trajectories", office.location_id, {
            "client_id": people["geez"], "kind": "mb-jaar-1", "start": TODAY - dt.timedelta(days=9)})
    with office.db.session() as s:
        events = clients.timeline(s, office.volunteer, people["geez"])
    assert [e.kind for e in events] == ["contacts", "dossiers", "trajectories"]
    assert events[0].detail == "brieven, werk"
    assert "termijn" in events[1].detail


def test_likely_duplicates(office, people):
    with office.db.session() as s:
        dup = clients.likely_duplicates(s, office.volunteer, office.location_id, "omar",
                                        "alhasan", dt.date(1990, 5, 1))
        assert [d.id for d in dup] == [people["hassan"]]
        assert clients.likely_duplicates(s, office.volunteer, office.location_id, "Omar",
                                         "Al-Hassan", dt.date(1990, 5, 2)) == []
        assert clients.likely_duplicates(s, office.volunteer, office.location_id, "Piet",
                                         "Jansen", dt.date(1990, 5, 1)) == []
        assert clients.likely_duplicates(s, office.volunteer, office.location_id, "Omar",
                                         "Al-Hassan", dt.date(1990, 5, 1),
                                         exclude_id=people["hassan"]) == []


def test_volunteer_cannot_search_another_location(office, people):
    with office.db.session() as s:
        other = create_location(s, SYSTEM, "Elders").id
    with office.db.session() as s, pytest.raises(AccessDenied):
        clients.search_ids(s, office.volunteer, other, "")


def test_day_list_change_and_remove(office, people):
    with office.db.session() as s:
        topic = contacts.topics(s)[0][0]
        c = contacts.register(s, office.volunteer, office.location_id, {
            "date": TODAY, "kind": "spreekuur", "person_label": "man met rode jas"}, [topic])
        cid = c.id
    with office.db.session() as s:
        [row] = contacts.day_list(s, office.volunteer, office.location_id, TODAY)
        assert row.who == "man met rode jas" and row.topics
        edit = contacts.for_edit(s, office.volunteer, cid)
        contacts.change(s, office.volunteer, cid, edit.version,
                        {"person_label": None, "client_id": people["eva"]}, [])
    with office.db.session() as s:
        [row] = contacts.day_list(s, office.volunteer, office.location_id, TODAY)
        assert row.who == "Éva Müller (205)" and row.topics == ""
        contacts.remove(s, office.volunteer, cid, row.version)
    with office.db.session() as s:
        assert contacts.day_list(s, office.volunteer, office.location_id, TODAY) == []


def test_the_client_lists_listing_holds_the_search_and_its_first_rows(office, people):
    from vwdesk.app import Desk

    desk = Desk(office.db, office.volunteer, office.location_id, "Testdorp")
    everyone = desk.clients.listing("", None, 2)
    assert everyone.ids == search(office, "") and everyone.fits == {} and not everyone.clear
    assert set(everyone.rows) == set(everyone.ids[:2])
    found = desk.clients.listing("eva muller", 10, 50)
    assert found.ids == [people["eva"]] and found.clear
    assert set(found.fits) == {people["eva"]}
    assert found.rows[people["eva"]].number == "205"


def test_the_day_list_is_newest_first_with_each_contacts_topics_by_name(office, people):
    with office.db.session() as s:
        names = dict((n, t) for t, n in contacts.topics(s))
        first = contacts.register(s, office.volunteer, office.location_id, {
            "date": TODAY, "kind": "spreekuur", "client_id": people["hassan"]},
            [names["werk"], names["brieven"]]).id
        contacts.register(s, office.volunteer, office.location_id, {
            "date": TODAY - dt.timedelta(days=1), "kind": "spreekuur",
            "person_label": "gisteren"}, [names["werk"]])
        last = contacts.register(s, office.volunteer, office.location_id, {
            "date": TODAY, "kind": "juridisch", "person_label": " man met fiets "}, []).id
    with office.db.session() as s:
        rows = contacts.day_list(s, office.volunteer, office.location_id, TODAY)
    assert [(r.id, r.kind, r.who, r.topics) for r in rows] == [
        (last, "juridisch", "man met fiets", ""),
        (first, "spreekuur", "Omar Al-Hassan (101)", "brieven, werk")]


def test_a_saved_visit_brings_its_days_list_along(office, people):
    """The desk's save returns the list of the contact's day as the save left
    it (the visit form shows it without asking again)."""
    from vwdesk.app import Desk

    desk = Desk(office.db, office.volunteer, office.location_id, "Testdorp")
    topic = desk.contacts.choices().topics[0][0]
    saved = desk.contacts.register({"date": TODAY, "kind": "spreekuur",
                                    "client_id": people["eva"]}, [topic])
    assert saved.kinds == {"contacts"} and saved.detail.day == TODAY
    assert [(r.id, r.who) for r in saved.detail.rows] == [(saved.id, "Éva Müller (205)")]
    assert saved.detail.rows == desk.contacts.day_list(TODAY)
    yesterday = TODAY - dt.timedelta(days=1)
    moved = desk.contacts.change(saved.id, saved.version, {"date": yesterday}, [topic])
    assert moved.detail.day == yesterday and [r.id for r in moved.detail.rows] == [saved.id]
    assert desk.contacts.day_list(TODAY) == []


def test_deadlines_and_due_count(office, people):
    with office.db.session() as s:
        for n, days in (("D1", 30), ("D2", 3), ("D3", -2)):
            base.create(s, office.volunteer, "dossiers", office.location_id, {
                "number": n, "client_id": people["eva"], "kind": "naturalisatie",
                "opened_on": TODAY - dt.timedelta(days=60), "deadline": TODAY + dt.timedelta(days=days)})
        base.create(s, office.volunteer, "dossiers", office.location_id, {
            "number": "D4", "client_id": people["eva"], "kind": "asiel", "opened_on": TODAY,
            "closed_on": TODAY, "deadline": TODAY})
    with office.db.session() as s:
        rows = dossiers.deadlines(s, office.volunteer, office.location_id)
        assert [r.number for r in rows] == ["D3", "D2", "D1"]
        assert dossiers.due_count(s, office.volunteer, office.location_id, TODAY) == 2


def test_couplings_overview_coaches_and_reminders(office, people):
    start = TODAY - dt.timedelta(days=100)
    with office.db.session() as s:
        prog = dict((p.key, p.id) for p in couplings.overview(s, office.teamleader, office.location_id))
        coach = base.create(s, office.teamleader, "volunteers", office.location_id, {
            "number": "7", "first_name": "Kees", "kind": "vrijwilliger", "team": "taalcoach",
            "start": TODAY - dt.timedelta(days=400)}).id
        base.create(s, office.teamleader, "volunteers", office.location_id, {
            "number": "8", "first_name": "Anna", "kind": "vrijwilliger", "team": "wegwijs",
            "start": TODAY - dt.timedelta(days=400)})
        assert desk.next_number(s, office.teamleader, "volunteers", office.location_id) == "9"
        assert couplings.coaches(s, office.teamleader, office.location_id, prog["taalcoach"]) == [
            (coach, "Kees")]
        for n, values in (("1", {}), ("2", {"started_on": start, "coach_id": coach,
                                           "client_id": people["eva"]}),
                          ("3", {"started_on": start, "ended_on": TODAY, "result": "afgerond"})):
            base.create(s, office.volunteer, "couplings", office.location_id, {
                "number": n, "programme_id": prog["taalcoach"], "signed_up_on": start, **values})
    with office.db.session() as s:
        ov = {p.key: p for p in couplings.overview(s, office.volunteer, office.location_id)}
        assert (ov["taalcoach"].waiting, ov["taalcoach"].running, ov["taalcoach"].ended) == (1, 1, 1)
        running = couplings.couplings(s, office.volunteer, office.location_id, prog["taalcoach"],
                                      couplings.RUNNING)
        assert [r.number for r in running] == ["2"] and running[0].coach == "Kees"
        [rem] = couplings.reminders(s, office.volunteer, office.location_id)
        assert (rem.evaluation, rem.due) == ("3m", couplings.add_months(start, 3))
        assert couplings.due_count(s, office.volunteer, office.location_id, TODAY) == 1


def test_add_months():
    assert couplings.add_months(dt.date(2024, 11, 30), 3) == dt.date(2025, 2, 28)
    assert couplings.evaluation_dates(dt.date(2024, 1, 31)) == (dt.date(2024, 4, 30),
                                                                dt.date(2024, 7, 31))


def test_search_limit_keeps_name_order(office, people):
    with office.db.session() as s:
        everyone = clients.search_ids(s, office.volunteer, office.location_id, "")
        assert clients.search_ids(s, office.volunteer, office.location_id, "", limit=2) == everyone[:2]
        hits = clients.search_ids(s, office.volunteer, office.location_id, "h")
        assert len(hits) > 2
        assert clients.search_ids(s, office.volunteer, office.location_id, "h", limit=2) == hits[:2]


def test_a_new_number_follows_the_locations_own_style(office):
    def new(kind):
        with office.db.session() as s:
            return desk.next_number(s, office.teamleader, kind, office.location_id)

    assert new("clients") == "1"  # nothing numbered yet
    with office.db.session() as s:
        for number in ("C00001", "C00041", "K7", "C00012"):
            base.create(s, office.teamleader, "clients", office.location_id,
                        {"number": number, "first_name": "X"})
    assert new("clients") == "C00042"  # the prefix and width of the last one, the highest + 1
    with office.db.session() as s:
        base.create(s, office.teamleader, "dossiers", office.location_id, {
            "number": "2019-9", "client_id": s.scalar(select(m.Client.id).limit(1)),
            "kind": "gezinshereniging", "opened_on": TODAY})
    assert new("dossiers") == f"{dt.date.today().year}-1"  # a year in the number is this year's
    with office.db.session() as s:  # only a dossier numbers by the year it opens in
        base.create(s, office.teamleader, "volunteers", office.location_id,
                    {"number": "2019-7", "first_name": "X", "kind": "vrijwilliger",
                     "start": TODAY})
    assert new("volunteers") == "2019-8"


def test_a_new_dossier_is_opened_today_with_a_number_of_its_year(office):
    def new(on=None):
        with office.db.session() as s:
            return desk.new_values(s, office.teamleader, "dossiers", office.location_id, on)

    assert new()["opened_on"] == dt.date.today()
    with office.db.session() as s:
        client = base.create(s, office.teamleader, "clients", office.location_id,
                             {"number": "C1", "first_name": "X"}).id
        for number, opened in (("GH2019-011", dt.date(2019, 12, 2)),
                               ("GH2019-012", dt.date(2019, 12, 20))):
            base.create(s, office.teamleader, "dossiers", office.location_id, {
                "number": number, "client_id": client, "kind": "gezinshereniging",
                "opened_on": opened})
    assert new(dt.date(2026, 1, 5)) == {"number": "GH2026-001", "opened_on": dt.date(2026, 1, 5)}
    assert new(dt.date(2019, 12, 31))["number"] == "GH2019-013"  # typed in late: its own year
    with office.db.session() as s:
        base.create(s, office.teamleader, "dossiers", office.location_id, {
            "number": "GH2026-001", "client_id": client, "kind": "gezinshereniging",
            "opened_on": dt.date(2026, 1, 5)})
    assert new(dt.date(2026, 2, 1))["number"] == "GH2026-002"
    assert new(dt.date(2019, 12, 31))["number"] == "GH2019-013"


def test_a_new_dossiers_number_follows_the_style_of_its_kind(office):
    """Numbers that differ by kind: each kind's own style. A kind without a
    dossier yet gets a style only when it cannot be another kind's alone."""
    def new(kind):
        with office.db.session() as s:
            return desk.next_number(s, office.teamleader, "dossiers", office.location_id,
                                    dt.date(2026, 3, 1), kind)

    def add(number, kind):
        with office.db.session() as s:
            base.create(s, office.teamleader, "dossiers", office.location_id, {
                "number": number, "client_id": client, "kind": kind,
                "opened_on": dt.date(2026, 3, 1)})

    assert new("asiel") == "1"  # nothing numbered yet
    with office.db.session() as s:
        client = base.create(s, office.teamleader, "clients", office.location_id,
                             {"number": "C1", "first_name": "X"}).id
    add("GH2026-00001", "gezinshereniging")
    # The try-out: GH… is gezinshereniging's, maybe its alone: no guess.
    assert new("asiel") == ""
    assert new("gezinshereniging") == "GH2026-00002"
    add("AS2026-007", "asiel")
    add("GH2026-00002", "gezinshereniging")  # the last one made, but of another kind
    assert new("asiel") == "AS2026-008"
    assert new("gezinshereniging") == "GH2026-00003"
    assert new("overig") == ""  # the kinds differ: its style is unknown
    with office.db.session() as s:  # without a kind: the last one made, as before
        assert desk.next_number(s, office.teamleader, "dossiers", office.location_id,
                                dt.date(2026, 3, 1)) == "GH2026-00003"


def test_a_number_style_shared_by_kinds_is_proposed_for_a_new_kind(office):
    with office.db.session() as s:
        client = base.create(s, office.teamleader, "clients", office.location_id,
                             {"number": "C1", "first_name": "X"}).id

        def add(number, kind):
            base.create(s, office.teamleader, "dossiers", office.location_id, {
                "number": number, "client_id": client, "kind": kind,
                "opened_on": dt.date(2026, 3, 1)})

        def new(kind):
            return desk.new_values(s, office.teamleader, "dossiers", office.location_id,
                                   dt.date(2026, 3, 1), kind)["number"]

        add("2026-4", "asiel")
        assert new("overig") == "2026-5"  # no letters: not asiel's alone
        add("D2026-5", "gezinshereniging")
        add("D2026-6", "asiel")
        assert new("overig") == "D2026-7"  # shared by two kinds
        add("AS2026-1", "asiel")
        assert new("overig") == ""  # the kinds differ now
        assert new("asiel") == "AS2026-2"
