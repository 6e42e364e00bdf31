"""The registry of figures against a small location whose every figure was
counted by hand: each registered figure's plain value must equal the count
written below (a new figure must add its own), and docs/templates.md must
document every figure and parameter and invent none."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.services.base import create
from vwdesk.report import compute_figures
from vwdesk.report.registry import REGISTRY, all_param_names, concrete_keys

D = dt.date
Y = 2018
DOCS = Path(__file__).resolve().parents[2] / "docs" / "templates.md"

# Every plain figure of "Telstad" in 2018, counted by hand from `telstad` below.
EXPECTED = {
    "huisvesting.personen": 6,  # c1, c2, c3, c4, c5, c7
    "huisvesting.volwassenen": 3,  # c1, c4, c7
    "huisvesting.kinderen": 3,  # c2, c3, c5 (17 on the housing day)
    "huisvesting.mannen": 2, "huisvesting.vrouwen": 3, "huisvesting.x": 1,
    "huisvesting.nareizigers": 2, "huisvesting.nareizigers.volwassenen": 1,
    "huisvesting.nareizigers.kinderen": 1, "huisvesting.hervestigers": 1,
    "huisvesting.amv": 1, "huisvesting.aow": 1,
    "huisvesting.nationaliteiten": [["SY", 3], ["AF", 1], ["ER", 1], ["XX", 1]],
    "huisvesting.grootste_groep": [["SY", 3]],
    "huisvesting.aantal_nationaliteiten": 4,
    "huisvesting.woningen": 3,  # W1, W2, W4
    "verhuizingen.aantal": 2, "verhuizingen.personen": 2,  # c6 and c1, not c2's of Y - 1
    "verhuizingen.tijdelijk_naar_vast": 1,  # c6 from tijdelijk W3
    "huisvesting.taakstelling": 10, "huisvesting.saldo_begin": -2,
    "huisvesting.saldo": -2 + 6 - 10,
    "huishoudens.nieuw": 2,  # W1, W2
    "huishoudens.eenpersoons": 1, "huishoudens.meerpersoons": 1,
    "huishoudens.bijgevoegd": 2,  # c3 into W1, c7 into W3
    "huishoudens.personen_per_woning": 1.7,  # 5 persons into 3 dwellings
    "huishoudens.met_bijgevoegd": 2, "huishoudens.gehuisvest": 3,  # W1, W3; W1, W2, W3
    "contacten.aantal": 11, "contacten.personen": 7,  # c1, c2, c4, c8 and P1, P2, P3
    "contacten.clienten": 4, "contacten.onderwerpen": 8,
    "contacten.onderwerpen_lijst": [["financiën", 2], ["gezinshereniging", 2], ["werk", 2],
                                    ["brieven", 1], ["naturalisatie", 1]],
    "contacten.top_onderwerp": "financiën, gezinshereniging en werk",
    "contacten.per_maand": [2, 2, 5, 1, 0, 0, 0, 0, 0, 0, 0, 1],
    "spreekuur.contacten": 4, "spreekuur.onderwerpen": 4, "spreekuur.personen": 2,
    "spreekuur.top_onderwerp": "financiën",
    "spreekuur.onderwerpen_lijst": [["financiën", 2], ["brieven", 1], ["werk", 1]],
    "spreekuur.per_maand": [2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "juridisch.gh_nieuw": 2, "juridisch.gh_totaal": 3, "juridisch.gh_afgerond": 2,
    "juridisch.gh_herenigd": 2,
    "juridisch.gh_herenigd_nationaliteiten": [["ER", 1], ["SY", 1]],
    "juridisch.referenten": 2,  # c2 (d1), c4 (d4)
    "dossiers.nieuw": 3, "dossiers.open": 4, "dossiers.afgerond": 2,  # d2 d4 d5; d1 d2 d4 d5
    "juridisch.overig_contacten": 2, "juridisch.overig_clienten": 2,
    "juridisch.nr_contacten": 2, "juridisch.nr_personen": 1, "juridisch.clienten": 2,
    "mb.jaar1": 2, "mb.zelfmelders": 1, "mb.jaar2": 0,
    "trajecten.gestart": 3, "trajecten.lopend": 4,  # c7's started on 31 December before
    "koppelingen.wegwijs.afgerond_eerder": 1, "koppelingen.wegwijs.gestart": 3,
    "koppelingen.wegwijs.gestart_afgerond": 1, "koppelingen.wegwijs.gestart_verlengd": 1,
    "koppelingen.wegwijs.gestart_lopend": 0, "koppelingen.wegwijs.gestart_gestopt": 1,
    "koppelingen.wegwijs.wachtlijst": 1, "koppelingen.wegwijs.coaches": 2,
    "koppelingen.wegwijs.lopend": 4, "koppelingen.taalcoach.lopend": 1,
    "koppelingen.taalcoach.afgerond_eerder": 0, "koppelingen.taalcoach.gestart": 1,
    "koppelingen.taalcoach.gestart_afgerond": 0, "koppelingen.taalcoach.gestart_verlengd": 0,
    "koppelingen.taalcoach.gestart_lopend": 1, "koppelingen.taalcoach.gestart_gestopt": 0,
    "koppelingen.taalcoach.wachtlijst": 0, "koppelingen.taalcoach.coaches": 1,
    "organisatie.vrijwilligers": 3, "organisatie.stagiaires": 1,
    "organisatie.vrijwillige_medewerkers": 4, "organisatie.vrijwilligers_gestart": 1,
    "organisatie.vrijwilligers_gestopt": 1, "organisatie.stagiaires_gestart": 1,
    "organisatie.stagiaires_gestopt": 1, "organisatie.betaald": 1,
    "organisatie.betaald_uren": 24,
    "medewerkers.actief": 8, "medewerkers.gestart": 2, "medewerkers.gestopt": 2,  # not S6
    "medewerkers.gemiddeld": 6.7,  # (5 × 365 + 275 + 181 + 181) / 365 days
    "medewerkers.uren": 24,
    "inburgering.cursisten": 40, "inburgering.vrijwilligers": 12,
    "inburgering.actief_eind": 30, "inburgering.groepen": 3,
    "inburgering.groepen_alfabetisering": 1, "inburgering.groepen_inburgering": 2,
    "taalcentrum.bijeenkomsten": 400, "taalcentrum.groepen": 9, "taalcentrum.plaatsingen": 90,
    "taalcentrum.cursisten": 70, "taalcentrum.nieuw": 25,
    "computerlessen.bijeenkomsten": 38, "computerlessen.deelnemers_gem": 7.5,
}


def telstad(office) -> None:
    """The location of EXPECTED: a few records of every kind, at the edges."""
    def add(record_kind, /, **values):
        with office.db.session() as s:
            return create(s, office.teamleader, record_kind, office.location_id, values).id

    buurdorp = add("municipalities", name="Buurdorp")
    w1 = add("dwellings", number="W1", available_on=D(Y, 2, 1), type="eengezins")
    w2 = add("dwellings", number="W2", available_on=D(Y, 4, 1), type="kamer",
             municipality_id=buurdorp)
    w3 = add("dwellings", number="W3", available_on=D(Y - 1, 5, 1), status="tijdelijk")
    w4 = add("dwellings", number="W4", available_on=D(Y, 12, 31), type="alleenstaande")
    c = {}
    for name, housed, born, gender, nat, intake, dwelling, extra in (
            ("c1", D(Y, 3, 1), D(1980, 1, 1), "m", "SY", "regulier", w1, {}),
            ("c2", D(Y, 3, 1), D(2010, 5, 5), "v", "SY", "regulier", w1, {}),
            ("c3", D(Y, 9, 1), D(2012, 1, 1), "m", "SY", "nareiziger", w1, {}),
            ("c4", D(Y, 5, 1), D(1950, 1, 1), "v", "ER", "hervestiger", w2,
             {"municipality_id": buurdorp}),
            ("c5", D(Y, 6, 1), D(2001, 6, 2), "x", "XX", "zelf", None, {"amv": True}),
            ("c6", D(Y - 1, 6, 1), D(1990, 1, 1), "m", "AF", "regulier", w3, {}),
            ("c7", D(Y, 7, 1), D(1985, 1, 1), "v", "AF", "nareiziger", w3, {}),
            ("c8", None, D(1970, 1, 1), "m", "IQ", None, None, {})):
        c[name] = add("clients", number=name, housed_on=housed, birth_date=born, gender=gender,
                      nationality=nat, intake=intake, dwelling_id=dwelling, **extra)
    with office.db.session() as s:
        topics = dict(s.execute(select(m.Topic.name, m.Topic.id)).all())
    for day, kind, who, topic_names in (
            (D(Y, 1, 10), "spreekuur", "c1", ("financiën", "brieven")),
            (D(Y, 1, 20), "spreekuur", "c1", ("financiën",)),
            (D(Y, 2, 5), "spreekuur", "P1", ("werk",)),
            (D(Y, 2, 6), "spreekuur", "P1", ()),
            (D(Y, 3, 1), "juridisch", "c2", ("gezinshereniging",)),
            (D(Y, 3, 2), "juridisch", "c2", ("naturalisatie",)),
            (D(Y, 3, 3), "juridisch", "c8", ()),
            (D(Y, 3, 4), "juridisch", "P2", ("gezinshereniging",)),
            (D(Y, 3, 5), "juridisch", "P2", ()),
            (D(Y, 4, 1), "mb", "c4", ("werk",)),
            (D(Y - 1, 12, 31), "spreekuur", "c1", ("werk",)),
            (D(Y, 12, 31), "intake", "P3", ())):
        registered = who in c
        cid = add("contacts", date=day, kind=kind, client_id=c[who] if registered else None,
                  person_label=None if registered else who)
        with office.db.session() as s:
            s.add_all(m.ContactTopic(contact_id=cid, topic_id=topics[t]) for t in topic_names)
    for number, who, kind, opened, closed, outcome in (
            ("d1", "c2", "gezinshereniging", D(Y - 1, 5, 1), D(Y, 2, 1), "herenigd"),
            ("d2", "c2", "gezinshereniging", D(Y, 3, 1), None, None),
            ("d3", "c2", "gezinshereniging", D(Y - 2, 1, 1), D(Y - 1, 12, 31), "afgewezen"),
            ("d4", "c4", "gezinshereniging", D(Y, 6, 1), D(Y, 10, 1), "herenigd"),
            ("d5", "c4", "naturalisatie", D(Y, 1, 5), None, None)):
        add("dossiers", number=number, client_id=c[who], kind=kind, opened_on=opened,
            closed_on=closed, outcome=outcome)
    for who, day, old, new in (("c6", D(Y, 10, 1), w3, w4), ("c1", D(Y, 11, 1), w1, w4),
                               ("c2", D(Y - 1, 1, 1), None, w2)):  # before Y: not counted
        add("moves", client_id=c[who], date=day, from_dwelling_id=old, to_dwelling_id=new)
    for who, kind, start in (("c1", "mb-jaar-1", D(Y, 2, 1)), ("c2", "mb-jaar-1", D(Y, 12, 31)),
                             ("c4", "zelfmelder", D(Y, 5, 1)), ("c7", "mb-jaar-2", D(Y - 1, 12, 31))):
        add("trajectories", client_id=c[who], kind=kind, start=start)
    staff = {}
    for number, kind, team, start, end, hours in (
            ("V1", "vrijwilliger", "wegwijs", D(2015, 1, 1), None, None),
            ("V2", "vrijwilliger", "wegwijs", D(2015, 1, 1), None, None),
            ("V3", "vrijwilliger", "taalcoach", D(2015, 1, 1), None, None),
            ("S1", "vrijwilliger", "mb-juridisch", D(2015, 1, 1), None, None),
            ("S2", "vrijwilliger", "mb-juridisch", D(Y, 4, 1), None, None),
            ("S3", "vrijwilliger", "mb-juridisch", D(2016, 1, 1), D(Y, 6, 30), None),
            ("S4", "stagiair", "mb-juridisch", D(Y, 2, 1), D(Y, 7, 31), None),
            ("S5", "betaald", "mb-juridisch", D(2010, 1, 1), None, 24.0),
            ("S6", "vrijwilliger", "mb-juridisch", D(2010, 1, 1), D(Y - 1, 12, 31), None)):
        staff[number] = add("volunteers", number=number, kind=kind, team=team, start=start,
                            end=end, hours_per_week=hours)
    with office.db.session() as s:
        programmes = dict(s.execute(select(m.Programme.key, m.Programme.id).where(
            m.Programme.location_id == office.location_id)).all())
    for number, prog, coach, signed, started, extended, ended, result in (
            ("K1", "wegwijs", "V1", D(Y - 1, 10, 1), D(Y - 1, 11, 1), None, D(Y, 3, 1), "afgerond"),
            ("K2", "wegwijs", "V1", D(Y, 1, 1), D(Y, 1, 15), None, D(Y, 7, 1), "afgerond"),
            ("K3", "wegwijs", "V2", D(Y, 1, 5), D(Y, 2, 1), D(Y, 8, 1), None, None),
            ("K4", "wegwijs", None, D(Y, 3, 1), D(Y, 3, 1), None, D(Y, 4, 1), "gestopt"),
            ("K5", "wegwijs", None, D(Y, 11, 1), None, None, None, None),
            ("K6", "wegwijs", None, D(Y, 5, 1), None, None, D(Y, 6, 1), "ingetrokken"),
            ("K7", "taalcoach", "V3", D(Y, 2, 1), D(Y, 2, 15), None, None, None)):
        add("couplings", number=number, programme_id=programmes[prog], client_id=c["c1"],
            coach_id=staff.get(coach), signed_up_on=signed, started_on=started,
            extended_on=extended, ended_on=ended, result=result)
    add("year_figures", year=Y, key="huisvesting.taakstelling", value=5, half=1)
    add("year_figures", year=Y, key="huisvesting.taakstelling", value=5, half=2)
    add("year_figures", year=Y, key="huisvesting.saldo_begin", value=-2)
    for key, value in EXPECTED.items():
        if REGISTRY.get(key) and REGISTRY[key].source == "invoer" \
                and not key.startswith("huisvesting."):
            add("year_figures", year=Y, key=key, value=float(value))


def test_every_registered_figure_has_a_hand_count():
    assert set(EXPECTED) == set(concrete_keys(["taalcoach", "wegwijs"], on_request=True))


@pytest.fixture
def telstad_figures(office):
    telstad(office)
    return compute_figures(office.db, office.location_id, Y, keys=set(EXPECTED))


def test_all_figures_are_the_registered_ones_but_those_on_request(office):
    telstad(office)
    computed = set(compute_figures(office.db, office.location_id, Y).values)
    plain = set(concrete_keys(["taalcoach", "wegwijs"]))
    assert plain <= computed and "contacten.onderwerpen_lijst" not in computed


def test_every_plain_figure_equals_its_hand_count(telstad_figures):
    wrong = {}
    for key, expected in EXPECTED.items():
        value = telstad_figures.get(key)
        if isinstance(value, list):  # a ranked list's groups, or a series
            value = [list(it) if isinstance(it, list) else it for it in value]
        if value != expected:
            wrong[key] = (value, expected)
    assert wrong == {}


def _documented(pattern: str, section: str) -> set[str]:
    """What the table rows of one section of docs/templates.md name."""
    text = DOCS.read_text(encoding="utf-8").split(f"\n{section}\n", 1)[1]
    text = re.split(r"\n#{2,3} ", text, maxsplit=1)[0]
    return set(re.findall(pattern, text, re.M))


def test_templates_doc_lists_every_figure_and_no_other():
    listed = _documented(r"^\| `\{([\w.<>]+)\}`", "## Alle cijfers")
    assert listed == set(REGISTRY)


def test_templates_doc_explains_every_parameter_and_no_other():
    listed = _documented(r"^\| `(\w+)=`", "### Parameters: uitsplitsen")
    assert listed == all_param_names()


def test_templates_doc_shows_every_format_with_an_example():
    from vwdesk.report.formats import FORMATS

    rows = re.findall(r"^\| `:(\w+)` \| `(\{[^`]+\})[^|]*\| (.+) \|$",
                      DOCS.read_text(encoding="utf-8").split("### Opmaak", 1)[1], re.M)
    assert {name for name, _, _ in rows} == set(FORMATS)
    assert all(f":{name}" in example or name == "inwoners" for name, example, _ in rows)
