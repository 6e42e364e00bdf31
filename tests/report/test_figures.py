"""The figure definitions of spec/report.md at their boundaries: 1 January and
31 December, a dossier open across the year, a client turning 18 on the
housing day, a coupling started the year before and ended in this one, a
withdrawal from the waiting list, gender x; plus typed figures and overrides."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.services.base import create
from vwdesk.report import compute_figures
from vwdesk.report.template import format_value

D = dt.date
Y = 2018


def add(office, kind_key, **values):
    with office.db.session() as s:
        return create(s, office.teamleader, kind_key, office.location_id, values).id


_n = iter(range(1, 100000))


def client(office, **values):
    values.setdefault("number", f"C{next(_n)}")
    return add(office, "clients", **values)


def figures(office, year=Y, **kw):
    return compute_figures(office.db, office.location_id, year, **kw)


def test_housed_on_first_and_last_day_of_the_year_count(office):
    for day in (D(2017, 12, 31), D(Y, 1, 1), D(Y, 12, 31), D(2019, 1, 1)):
        client(office, housed_on=day, birth_date=D(1990, 1, 1), gender="m", nationality="SY")
    f = figures(office)
    assert f.get("huisvesting.personen") == 2
    assert f.get("huisvesting.volwassenen") == 2
    assert figures(office, 2017).get("huisvesting.personen") == 1


def test_client_turning_18_on_the_housing_day_is_an_adult(office):
    housed = D(Y, 6, 15)
    client(office, housed_on=housed, birth_date=D(2000, 6, 15))  # 18 that very day
    client(office, housed_on=housed, birth_date=D(2000, 6, 16))  # 18 the day after
    client(office, housed_on=D(Y, 2, 28), birth_date=D(2000, 2, 29))  # leap-day birthday
    client(office, housed_on=D(Y, 3, 1), birth_date=D(2000, 2, 29))
    f = figures(office)
    assert (f.get("huisvesting.volwassenen"), f.get("huisvesting.kinderen")) == (2, 2)


def test_gender_x_is_counted_apart_and_shown_only_when_present(office):
    client(office, housed_on=D(Y, 3, 1), gender="m")
    client(office, housed_on=D(Y, 3, 2), gender="v")
    client(office, housed_on=D(Y, 3, 3), gender="x")
    f = figures(office)
    assert (f.get("huisvesting.mannen"), f.get("huisvesting.vrouwen"), f.get("huisvesting.x")) \
        == (1, 1, 1)
    from vwdesk.report.standard import default_item
    from vwdesk.report.template import render_sentence

    assert render_sentence(default_item("huisvesting.x"), f) == "1 met geslacht x"
    assert render_sentence(default_item("huisvesting.geslacht"), f) == "1 man, 1 vrouw"


def test_intake_groups_and_largest_nationality(office):
    for nat in ("SY", "SY", "ER"):
        client(office, housed_on=D(Y, 5, 1), nationality=nat, intake="nareiziger",
               birth_date=D(2010, 1, 1))
    client(office, housed_on=D(Y, 5, 1), nationality="XX", intake="hervestiger")
    f = figures(office)
    assert f.get("huisvesting.nareizigers") == 3
    assert f.get("huisvesting.nareizigers.kinderen") == 3
    assert f.get("huisvesting.hervestigers") == 1
    assert format_value(f.get("huisvesting.grootste_groep")) == "Syriërs (2)"
    groups = f.get("huisvesting.nationaliteiten")
    assert groups[0] == ["SY", 2] and len(groups) == 3  # stateless: a group of its own
    assert format_value(groups) == "2 Syriërs, 1 Eritreeër en 1 staatloze"


def test_dwellings_made_available_in_the_year(office):
    for i, day in enumerate((D(Y, 1, 1), D(Y, 12, 31), D(2019, 1, 1))):
        add(office, "dwellings", number=f"W{i}", available_on=day)
    assert figures(office).get("huisvesting.woningen") == 2


def test_family_reunification_dossiers_across_the_year(office):
    ref = client(office, housed_on=D(2016, 1, 1), nationality="ER")
    cases = [  # opened, closed, outcome
        (D(2016, 3, 1), D(2017, 12, 31), "herenigd"),  # closed just before Y: not in Y
        (D(2016, 3, 1), D(Y, 1, 1), "herenigd"),  # closed on 1 January: total, closed
        (D(2017, 5, 1), None, None),  # open across the whole year: total only
        (D(Y, 12, 31), None, None),  # opened on 31 December: new and total
        (D(Y, 2, 1), D(Y, 12, 31), "afgewezen"),  # opened and closed in Y
        (D(2019, 1, 1), None, None),  # after Y
    ]
    for i, (opened, closed, outcome) in enumerate(cases):
        add(office, "dossiers", number=f"D{i}", client_id=ref, kind="gezinshereniging",
            opened_on=opened, closed_on=closed, outcome=outcome)
    add(office, "dossiers", number="N1", client_id=ref, kind="naturalisatie", opened_on=D(Y, 3, 1))
    f = figures(office)
    assert f.get("juridisch.gh_nieuw") == 2
    assert f.get("juridisch.gh_totaal") == 4
    assert f.get("juridisch.gh_afgerond") == 2
    assert f.get("juridisch.gh_herenigd") == 1
    assert format_value(f.get("juridisch.gh_herenigd_nationaliteiten")) == "1 Eritrese"


def _contact(office, day, kind, client_id=None, person=None, topics=()):
    cid = add(office, "contacts", date=day, kind=kind, client_id=client_id, person_label=person)
    with office.db.session() as s:
        contact = s.get(m.Contact, cid)
        for name in topics:
            contact.topics.append(s.scalar(select(m.Topic).where(m.Topic.name == name)))


def test_consultation_contacts_topics_and_persons(office):
    a = client(office)
    _contact(office, D(Y, 1, 1), "spreekuur", a, topics=["financiën", "brieven"])
    _contact(office, D(Y, 12, 31), "spreekuur", a, topics=["financiën"])
    _contact(office, D(Y, 6, 1), "spreekuur", person="Iemand Zonder Dossier", topics=["werk"])
    _contact(office, D(Y, 6, 2), "spreekuur", person="Iemand Zonder Dossier")
    _contact(office, D(2017, 12, 31), "spreekuur", a, topics=["werk"])
    _contact(office, D(Y, 6, 3), "juridisch", a, topics=["werk"])
    f = figures(office)
    assert f.get("spreekuur.contacten") == 4
    assert f.get("spreekuur.onderwerpen") == 4
    assert f.get("spreekuur.personen") == 2
    assert f.get("spreekuur.top_onderwerp") == "financiën"
    assert f.get("spreekuur.per_maand") == [1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1]


def test_persons_count_a_label_apart_from_a_client_with_that_number(office):
    """Persons are counted as one distinct count over the client or the label
    (SQLite) or as two (PostgreSQL): a label spelled like a client's id is
    still another person."""
    a = client(office)
    _contact(office, D(Y, 3, 1), "spreekuur", a, topics=["werk"])
    _contact(office, D(Y, 3, 2), "spreekuur", person=str(a), topics=["werk", "brieven"])
    _contact(office, D(Y, 3, 3), "mb", person=str(a))
    _contact(office, D(Y, 3, 4), "mb", person="Iemand Anders")
    f = figures(office)
    assert f.get("spreekuur.personen") == 2
    assert (f.get("contacten.personen"), f.get("contacten.clienten")) == (3, 1)
    assert f.get("spreekuur.onderwerpen_lijst") == [["werk", 2], ["brieven", 1]]


def test_legal_contacts_split_by_family_reunification_and_registration(office):
    a, b = client(office), client(office)
    _contact(office, D(Y, 2, 1), "juridisch", a, topics=["gezinshereniging"])
    _contact(office, D(Y, 2, 2), "juridisch", a, topics=["naturalisatie"])
    _contact(office, D(Y, 2, 3), "juridisch", b)
    _contact(office, D(Y, 2, 4), "juridisch", b, topics=["reisdocumenten"])
    _contact(office, D(Y, 2, 5), "juridisch", person="P Een", topics=["gezinshereniging"])
    _contact(office, D(Y, 2, 6), "juridisch", person="P Een")
    _contact(office, D(Y, 2, 7), "juridisch", person="P Twee")
    f = figures(office)
    assert (f.get("juridisch.overig_contacten"), f.get("juridisch.overig_clienten")) == (3, 2)
    assert (f.get("juridisch.nr_contacten"), f.get("juridisch.nr_personen")) == (3, 2)
    assert f.get("juridisch.clienten") == 2


def test_trajectories_started_in_the_year_by_kind(office):
    a = client(office)
    for kind, start in (("mb-jaar-1", D(Y, 1, 1)), ("mb-jaar-1", D(Y, 12, 31)),
                        ("mb-jaar-2", D(2017, 12, 31)), ("zelfmelder", D(Y, 4, 1))):
        add(office, "trajectories", client_id=a, kind=kind, start=start)
    f = figures(office)
    assert (f.get("mb.jaar1"), f.get("mb.jaar2"), f.get("mb.zelfmelders")) == (2, 0, 1)


def _programme(office, key="wegwijs"):
    with office.db.session() as s:
        return s.scalar(select(m.Programme.id).where(
            m.Programme.location_id == office.location_id, m.Programme.key == key))


def test_couplings_across_the_year_and_the_waiting_list(office):
    p = _programme(office)
    a = client(office)
    coach1 = add(office, "volunteers", number="V1", kind="vrijwilliger", team="wegwijs",
                 start=D(2016, 1, 1))
    coach2 = add(office, "volunteers", number="V2", kind="vrijwilliger", team="wegwijs",
                 start=D(2016, 1, 1))
    rows = [
        # started the year before, ended in this one
        dict(signed_up_on=D(2017, 10, 1), started_on=D(2017, 11, 1), ended_on=D(Y, 3, 1),
             result="afgerond", coach_id=coach1),
        # started and ended successfully in Y
        dict(signed_up_on=D(Y, 1, 1), started_on=D(Y, 1, 1), ended_on=D(Y, 7, 1),
             result="afgerond", coach_id=coach1),
        # started in Y, extended after the 6-month evaluation, running at the end
        dict(signed_up_on=D(Y, 1, 5), started_on=D(Y, 2, 1), extended_on=D(Y, 8, 1),
             coach_id=coach2),
        # started on 31 December, extended only in the next year: running, not extended
        dict(signed_up_on=D(Y, 12, 1), started_on=D(Y, 12, 31), extended_on=D(2019, 7, 1),
             coach_id=coach2),
        # stopped early
        dict(signed_up_on=D(Y, 3, 1), started_on=D(Y, 3, 1), ended_on=D(Y, 4, 1),
             result="gestopt"),
        # ended on 31 December of the year before: not running in Y
        dict(signed_up_on=D(2017, 1, 1), started_on=D(2017, 1, 10), ended_on=D(2017, 12, 31),
             result="afgerond", coach_id=coach2),
        # waiting list: withdrawn within Y (not counted), withdrawn after Y (counted),
        # starting next year (counted), still waiting (counted)
        dict(signed_up_on=D(Y, 3, 1), ended_on=D(Y, 5, 1), result="ingetrokken"),
        dict(signed_up_on=D(Y, 11, 1), ended_on=D(2019, 1, 10), result="ingetrokken"),
        dict(signed_up_on=D(Y, 10, 1), started_on=D(2019, 1, 15)),
        dict(signed_up_on=D(Y, 12, 31)),
        dict(signed_up_on=D(2019, 1, 1)),  # signed up after Y
    ]
    for i, row in enumerate(rows):
        add(office, "couplings", number=f"K{i}", programme_id=p, client_id=a, **row)
    f = figures(office)
    k = "koppelingen.wegwijs."
    assert f.get(k + "afgerond_eerder") == 1
    assert f.get(k + "gestart") == 4
    assert f.get(k + "gestart_afgerond") == 1
    assert f.get(k + "gestart_verlengd") == 1
    assert f.get(k + "gestart_lopend") == 1
    assert f.get(k + "gestart_gestopt") == 1
    assert f.get(k + "wachtlijst") == 3
    assert f.get(k + "coaches") == 2
    assert f.get("koppelingen.taalcoach.gestart") == 0


def test_volunteers_active_started_and_stopped(office):
    rows = [  # kind, start, end
        ("vrijwilliger", D(2015, 1, 1), None),
        ("vrijwilliger", D(2015, 1, 1), D(2017, 12, 31)),  # gone before Y
        ("vrijwilliger", D(2015, 1, 1), D(Y, 1, 1)),  # stopped on 1 January
        ("vrijwilliger", D(Y, 12, 31), None),  # started on 31 December
        ("stagiair", D(Y, 2, 1), D(Y, 6, 30)),
        ("betaald", D(2014, 1, 1), D(Y, 11, 1)),
    ]
    for i, (kind, start, end) in enumerate(rows):
        add(office, "volunteers", number=f"M{i}", kind=kind, team="mb-juridisch", start=start,
            end=end, hours_per_week=12 if kind == "betaald" else None)
    add(office, "volunteers", number="other", kind="vrijwilliger", team="wegwijs",
        start=D(Y, 1, 1))
    f = figures(office)
    assert f.get("organisatie.vrijwilligers") == 3
    assert (f.get("organisatie.vrijwilligers_gestart"), f.get("organisatie.vrijwilligers_gestopt")) \
        == (1, 1)
    assert (f.get("organisatie.stagiaires"), f.get("organisatie.stagiaires_gestart"),
            f.get("organisatie.stagiaires_gestopt")) == (1, 1, 1)
    assert f.get("organisatie.vrijwillige_medewerkers") == 4
    assert (f.get("organisatie.betaald"), f.get("organisatie.betaald_uren")) == (1, 12)


def test_typed_figures_halves_targets_overrides_and_official_values(office):
    for _ in range(3):
        client(office, housed_on=D(Y, 4, 1))
    add(office, "year_figures", year=Y, key="huisvesting.taakstelling", value=4.0, half=1)
    add(office, "year_figures", year=Y, key="huisvesting.taakstelling", value=5.0, half=2)
    add(office, "year_figures", year=Y, key="huisvesting.saldo_begin", value=-1.0)
    add(office, "year_figures", year=Y, key="doel.huisvesting.personen", value=3.0)
    f = figures(office)
    assert f.get("huisvesting.taakstelling") == 9
    assert f.get("huisvesting.saldo") == -1 + 3 - 9
    assert f.get("gehaald.huisvesting.personen") == 1
    add(office, "year_figures", year=Y, key="huisvesting.personen", value=12.0, mode="vervangt",
        note="Telling van het COA")
    add(office, "year_figures", year=Y, key="huisvesting.woningen", value=7.0, mode="naast",
        note="Opgave gemeente")
    f = figures(office)
    assert f.get("huisvesting.personen") == 12
    assert f.overrides["huisvesting.personen"].computed == 3
    assert f.source("huisvesting.personen") == "vervangen"
    assert f.get("huisvesting.saldo") == -1 + 12 - 9  # derived from the override
    assert f.official["huisvesting.woningen"].value == 7
    assert f.get("officieel.huisvesting.woningen") == 7  # usable in a sentence
    assert f.get("officieel.huisvesting.personen") is None
    assert f.get("huisvesting.woningen") == 0
    assert ("huisvesting.personen", 12, ) == next(r for r in f.rows()
                                                  if r[0] == "huisvesting.personen")[:2]


def test_previous_year_and_other_locations_stay_apart(office):
    other = type(office)(office.db, "Elders")
    client(office, housed_on=D(2017, 5, 1))
    client(other, housed_on=D(Y, 5, 1))
    f = figures(office, with_previous=True)
    assert f.get("huisvesting.personen") == 0
    assert f.previous.get("huisvesting.personen") == 1


def test_a_subset_runs_only_the_groups_it_needs(office):
    client(office, housed_on=D(Y, 4, 1), nationality="SY")
    add(office, "year_figures", year=Y, key="huisvesting.taakstelling", value=3.0)
    f = compute_figures(office.db, office.location_id, Y,
                        keys={"huisvesting.saldo", "huisvesting.grootste_groep"})
    assert f.get("huisvesting.saldo") == 1 - 3
    assert format_value(f.get("huisvesting.grootste_groep")) == "Syriërs (1)"
    assert f.get("spreekuur.contacten") is None  # not computed
    assert f.get("huisvesting.taakstelling") == 3  # typed figures always come along
