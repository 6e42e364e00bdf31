"""The template language as other locations write their reports: one invented
location per part of it, its template written as a teamleader would, and
registrations for three years so that every sentence is read at 0 (2016),
1 (2017) and many (2018). The sentences are checked word for word.

- Sluisdam: filters on any natural field (quarters, months, a day; sets and
  "all but"; topics of every contact kind; households by size and intake;
  dossiers open on a day, referents; a team and its average staff).
- Rekendam: arithmetic between figures, shares in percent (per municipality
  too), an official count beside the registered one, a figure of the
  office's own, the taakstelling of next year.
- Opmaakstad: formats (country, demonym, adjective; commas; places from N;
  a nested split; decimals; no thousands dot; words by size and sign, a
  number in words with a capital at the start of a sentence).
- Herstelburg and the checks: the defects found (ties in the largest group,
  minus signs, the official count in the saldo, a location named after its
  region, missing typed figures, messages that say what is wrong).
- Koppeldam: `verlengd` ja/nee in the exchange workbook.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.report.test_six_locations import Loc, section, template
from vwdesk.cli import main
from vwdesk.core import models as m
from vwdesk.core.services.users import SYSTEM
from vwdesk.exchange import apply_import, plan_import, read_workbook
from vwdesk.report import make_report
from vwdesk.report.store import load_template, municipality_names
from vwdesk.report.template import check_text, render_sentence
from vwdesk.report.template_file import toml_to_template

D = dt.date
YEARS = (2016, 2017, 2018)  # none, one, many


def sentences(loc: Loc, year: int) -> list[str | None]:
    """Every sentence of the location's template filled in for `year`, in
    order (None: left out). A section whose figures are all 0 is left out of
    the report itself, so the sentences are read one by one."""
    with loc.db.session() as s:
        template = load_template(s, loc.id)
    report = make_report(loc.db, loc.id, year)
    return [render_sentence(item, report.figures) for sec in template["sections"]
            for item in sec["items"]]


def check(loc: Loc, expected: list[tuple[str | None, str | None, str | None]]) -> None:
    """Row i: sentence i of the template in 2016, 2017 and 2018 (None: left out)."""
    got = {year: sentences(loc, year) for year in YEARS}
    for i, row in enumerate(expected):
        assert tuple(got[year][i] for year in YEARS) == row


def contact(loc: Loc, day: dt.date, kind: str, who: int | str, topics: tuple[str, ...] = ()):
    registered = isinstance(who, int)
    cid = loc.add("contacts", date=day, kind=kind, client_id=who if registered else None,
                  person_label=None if registered else who)
    with loc.db.session() as s:
        names = dict(s.execute(select(m.Topic.name, m.Topic.id)).all())
        s.add_all(m.ContactTopic(contact_id=cid, topic_id=names[t]) for t in topics)


# ---------------------------------------------------------------- item 2: filters

SLUISDAM = template(section(
    "huisvesting",
    "In het eerste kwartaal {huisvesting.personen kwartaal=1|is|zijn} "
    "{huisvesting.personen kwartaal=1} {huisvesting.personen kwartaal=1|statushouder|"
    "statushouders} gehuisvest, in juli {huisvesting.personen maand=7} en in het tweede "
    "halfjaar {huisvesting.personen half=2}.",
    "Via gezinshereniging of hervestiging: {huisvesting.personen instroom=nareiziger,hervestiger}; "
    "niet op eigen gelegenheid: {huisvesting.personen instroom=!zelf}.",
    "In eengezinswoningen {huisvesting.personen type=eengezins|kwam|kwamen} "
    "{huisvesting.personen type=eengezins} {huisvesting.personen type=eengezins|persoon|personen}"
    " te wonen.",
    "{huishoudens.gehuisvest} {huishoudens.gehuisvest|huishouden kreeg|huishoudens kregen} een "
    "woning of gezinsuitbreiding; {huishoudens.met_bijgevoegd} met een nieuw gezinslid, "
    "{huishoudens.nieuw grootte=5+} van vijf of meer personen en "
    "{huishoudens.nieuw instroom=nareiziger} van een nareiziger."),
    section(
        "juridisch",
        "Op 31 december {juridisch.gh_totaal op=31-12?=0:was geen dossier gezinshereniging|"
        "=1:was één dossier gezinshereniging|waren {juridisch.gh_totaal op=31-12:woord} dossiers "
        "gezinshereniging} open.",
        "In {jaar} {juridisch.referenten?=0:werd van geen enkele referent het gezin|=1:werd van "
        "één referent het gezin|werden van {juridisch.referenten:woord} referenten de gezinnen} "
        "herenigd.",
        "Gesloten met uitkomst herenigd: {dossiers.afgerond uitkomst=herenigd}; open op 31 "
        "december: {dossiers.open soort=gezinshereniging op=31-12}.", title="Juridisch"),
    section(
        "mb",
        "Bij maatschappelijke begeleiding {contacten.onderwerpen soort=mb|is|zijn} "
        "{contacten.onderwerpen soort=mb} {contacten.onderwerpen soort=mb|onderwerp|onderwerpen} "
        "besproken.",
        "Het meest besproken onderwerp was {contacten.top_onderwerp soort=mb}.",
        "Over werk {contacten.aantal soort=mb onderwerp=werk|ging|gingen} "
        "{contacten.aantal soort=mb onderwerp=werk} {contacten.aantal soort=mb onderwerp=werk|"
        "contact|contacten}, met {contacten.personen onderwerp=werk} "
        "{contacten.personen onderwerp=werk|persoon|personen}.",
        "Zonder werk als onderwerp: {contacten.aantal onderwerp=!werk}.", title="MB"),
    section(
        "organisatie",
        "Het team taalcoach telde {organisatie.vrijwilligers team=taalcoach} "
        "{organisatie.vrijwilligers team=taalcoach|vrijwilliger|vrijwilligers}, gemiddeld "
        "{medewerkers.gemiddeld team=taalcoach} actief over het jaar.", title="Organisatie"))


def test_sluisdam_filters_on_any_natural_field(db):
    loc = Loc(db, "Sluisdam")
    w1 = loc.add("dwellings", number="W1", available_on=D(2017, 1, 1), type="eengezins")
    w2, w3, w4 = (loc.add("dwellings", number=f"W{i}", available_on=D(2018, 1, 1))
                  for i in (2, 3, 4))
    w5 = loc.add("dwellings", number="W5", available_on=D(2018, 1, 1), type="eengezins")
    loc.clients(1, housed_on=D(2017, 2, 10), intake="nareiziger", dwelling_id=w1)
    for day, intake, dwelling in ((D(2018, 1, 15), "regulier", w2),
                                  (D(2018, 2, 1), "hervestiger", w3),
                                  (D(2018, 3, 31), "zelf", w3),  # joins W3
                                  (D(2018, 7, 1), "nareiziger", w1),  # joins last year's W1
                                  (D(2018, 7, 31), "nareiziger", w4)):
        loc.clients(1, housed_on=day, intake=intake, dwelling_id=dwelling)
    loc.clients(5, housed_on=D(2018, 12, 31), intake="gva", dwelling_id=w5)  # five at once
    r1, r2, r3 = loc.clients(3)
    for number, who, opened, closed, outcome in (
            ("dA", r1, D(2017, 3, 1), D(2018, 5, 1), "herenigd"),
            ("dB", r2, D(2017, 1, 10), D(2017, 6, 1), "herenigd"),
            ("dC", r3, D(2018, 4, 1), D(2018, 11, 30), "herenigd"),
            ("dD", r3, D(2018, 2, 1), None, None), ("dE", r2, D(2018, 6, 1), None, None)):
        loc.add("dossiers", number=number, client_id=who, kind="gezinshereniging",
                opened_on=opened, closed_on=closed, outcome=outcome)
    contact(loc, D(2017, 5, 1), "mb", r1, ("werk",))
    contact(loc, D(2018, 5, 1), "mb", r1, ("werk", "financiën"))
    contact(loc, D(2018, 5, 2), "mb", r1, ("werk",))
    contact(loc, D(2018, 5, 3), "mb", r2, ("schulden",))
    contact(loc, D(2018, 5, 4), "spreekuur", "Iemand", ("werk",))
    for number, start, end in (("T1", D(2017, 7, 2), None), ("T2", D(2018, 1, 1), D(2018, 6, 30)),
                               ("T3", D(2018, 10, 1), None)):
        loc.add("volunteers", number=number, kind="vrijwilliger", team="taalcoach", start=start,
                end=end)
    loc.use_template(SLUISDAM)
    check(loc, [
        ("In het eerste kwartaal zijn 0 statushouders gehuisvest, in juli 0 en in het tweede "
         "halfjaar 0.",
         "In het eerste kwartaal is 1 statushouder gehuisvest, in juli 0 en in het tweede "
         "halfjaar 0.",
         "In het eerste kwartaal zijn 3 statushouders gehuisvest, in juli 2 en in het tweede "
         "halfjaar 7."),
        ("Via gezinshereniging of hervestiging: 0; niet op eigen gelegenheid: 0.",
         "Via gezinshereniging of hervestiging: 1; niet op eigen gelegenheid: 1.",
         "Via gezinshereniging of hervestiging: 3; niet op eigen gelegenheid: 9."),
        ("In eengezinswoningen kwamen 0 personen te wonen.",
         "In eengezinswoningen kwam 1 persoon te wonen.",
         "In eengezinswoningen kwamen 6 personen te wonen."),
        ("0 huishoudens kregen een woning of gezinsuitbreiding; 0 met een nieuw gezinslid, 0 van "
         "vijf of meer personen en 0 van een nareiziger.",
         "1 huishouden kreeg een woning of gezinsuitbreiding; 0 met een nieuw gezinslid, 0 van "
         "vijf of meer personen en 1 van een nareiziger.",
         "5 huishoudens kregen een woning of gezinsuitbreiding; 2 met een nieuw gezinslid, 1 van "
         "vijf of meer personen en 1 van een nareiziger."),
        ("Op 31 december was geen dossier gezinshereniging open.",
         "Op 31 december was één dossier gezinshereniging open.",
         "Op 31 december waren twee dossiers gezinshereniging open."),
        ("In 2016 werd van geen enkele referent het gezin herenigd.",
         "In 2017 werd van één referent het gezin herenigd.",
         "In 2018 werden van twee referenten de gezinnen herenigd."),
        ("Gesloten met uitkomst herenigd: 0; open op 31 december: 0.",
         "Gesloten met uitkomst herenigd: 1; open op 31 december: 1.",
         "Gesloten met uitkomst herenigd: 2; open op 31 december: 2."),
        ("Bij maatschappelijke begeleiding zijn 0 onderwerpen besproken.",
         "Bij maatschappelijke begeleiding is 1 onderwerp besproken.",
         "Bij maatschappelijke begeleiding zijn 4 onderwerpen besproken."),
        (None,  # no topics: left out
         "Het meest besproken onderwerp was werk.",
         "Het meest besproken onderwerp was werk."),
        ("Over werk gingen 0 contacten, met 0 personen.",
         "Over werk ging 1 contact, met 1 persoon.",
         "Over werk gingen 2 contacten, met 2 personen."),
        ("Zonder werk als onderwerp: 0.", "Zonder werk als onderwerp: 0.",
         "Zonder werk als onderwerp: 1."),
        ("Het team taalcoach telde 0 vrijwilligers, gemiddeld 0 actief over het jaar.",
         "Het team taalcoach telde 1 vrijwilliger, gemiddeld 0,5 actief over het jaar.",
         "Het team taalcoach telde 3 vrijwilligers, gemiddeld 1,7 actief over het jaar."),
    ])


# ---------------------------------------------------------------- item 6: new registrations

VERHUISDORP = template(section(
    "huisvesting",
    "In {jaar} {verhuizingen.tijdelijk_naar_vast?=0:verhuisde niemand|=1:verhuisde één cliënt|"
    "verhuisden {verhuizingen.tijdelijk_naar_vast:woord} cliënten} van een tijdelijke naar een "
    "vaste woning.",
    "Er {verhuizingen.aantal|was|waren} {verhuizingen.aantal} "
    "{verhuizingen.aantal|verhuizing|verhuizingen} van {verhuizingen.personen} "
    "{verhuizingen.personen|cliënt|cliënten}.",
    "In tijdelijke woningen {huisvesting.personen status=tijdelijk|werd|werden} "
    "{huisvesting.personen status=tijdelijk} {huisvesting.personen status=tijdelijk|persoon|"
    "personen} gehuisvest, in Containerdorp {huisvesting.personen complex=Containerdorp} en in "
    "Oost {huisvesting.personen woonkern=Oost}.",
    "Beschikbaar kwamen {huisvesting.woningen status=!sloop,tijdelijk} vaste en "
    "{huisvesting.woningen status=tijdelijk} tijdelijke woningen."),
    section(
        "spreekuur",
        "Juridische vragen kwamen in {contacten.aantal onderwerp=juridisch} "
        "{contacten.aantal onderwerp=juridisch|contact|contacten} aan bod; het taalcafé in "
        "{contacten.aantal onderwerp=taalcafé}.", title="Spreekuur"))


def test_verhuisdorp_dwelling_kinds_moves_and_topic_groups(db):
    from vwdesk.core.services.moves import register_move
    from vwdesk.core.services.topics import add_topic, set_topic_group

    loc = Loc(db, "Verhuisdorp")
    dwelling = {}
    for number, day, extra in (
            ("T1", D(2016, 1, 1), {"status": "tijdelijk", "complex": "Containerdorp",
                                   "village": "Oost"}),
            ("T2", D(2016, 1, 1), {"status": "tijdelijk", "complex": "Containerdorp",
                                   "village": "Oost"}),
            ("S1", D(2016, 1, 1), {"status": "sloop"}),
            ("V1", D(2017, 1, 1), {"village": "West"}), ("V2", D(2018, 1, 1), {})):
        dwelling[number] = loc.add("dwellings", number=number, available_on=day, **extra)
    c1, = loc.clients(1, housed_on=D(2017, 3, 1), dwelling_id=dwelling["T1"])
    c2, c3 = loc.clients(2, housed_on=D(2018, 2, 1), dwelling_id=dwelling["T2"])
    c4, = loc.clients(1, housed_on=D(2018, 3, 1), dwelling_id=dwelling["S1"])
    loc.clients(1, housed_on=D(2018, 4, 1), dwelling_id=dwelling["V2"])
    with db.session() as s:
        for who, day, to in ((c1, D(2017, 10, 1), "V1"), (c2, D(2018, 6, 1), "V2"),
                             (c3, D(2018, 6, 1), "V2"), (c4, D(2018, 7, 1), "T1"),
                             (c1, D(2018, 8, 1), "V2")):
            register_move(s, loc.office.teamleader, who, day, dwelling[to])
        add_topic(s, SYSTEM, loc.id, "taalcafé")
        set_topic_group(s, loc.office.teamleader, loc.id, "juridisch",
                        ["gezinshereniging", "naturalisatie"])
    contact(loc, D(2017, 5, 1), "spreekuur", c1, ("naturalisatie",))
    contact(loc, D(2018, 5, 1), "juridisch", c2, ("gezinshereniging",))
    contact(loc, D(2018, 5, 2), "juridisch", c2, ("naturalisatie", "gezinshereniging"))
    contact(loc, D(2018, 5, 3), "spreekuur", c3, ("naturalisatie",))
    contact(loc, D(2018, 5, 4), "spreekuur", c3, ("werk", "taalcafé"))
    loc.use_template(VERHUISDORP)
    check(loc, [
        ("In 2016 verhuisde niemand van een tijdelijke naar een vaste woning.",
         "In 2017 verhuisde één cliënt van een tijdelijke naar een vaste woning.",
         "In 2018 verhuisden twee cliënten van een tijdelijke naar een vaste woning."),
        ("Er waren 0 verhuizingen van 0 cliënten.", "Er was 1 verhuizing van 1 cliënt.",
         "Er waren 4 verhuizingen van 4 cliënten."),
        ("In tijdelijke woningen werden 0 personen gehuisvest, in Containerdorp 0 en in Oost 0.",
         "In tijdelijke woningen werd 1 persoon gehuisvest, in Containerdorp 1 en in Oost 1.",
         "In tijdelijke woningen werden 2 personen gehuisvest, in Containerdorp 2 en in Oost 2."),
        ("Beschikbaar kwamen 0 vaste en 2 tijdelijke woningen.",
         "Beschikbaar kwamen 1 vaste en 0 tijdelijke woningen.",
         "Beschikbaar kwamen 1 vaste en 0 tijdelijke woningen."),
        ("Juridische vragen kwamen in 0 contacten aan bod; het taalcafé in 0.",
         "Juridische vragen kwamen in 1 contact aan bod; het taalcafé in 0.",
         "Juridische vragen kwamen in 3 contacten aan bod; het taalcafé in 1."),
    ])
    with db.session() as s:  # a group or topic the location does not have is refused
        from vwdesk.report.store import topic_names

        names = topic_names(s, loc.id)
    assert "taalcafé" in names and "juridisch" in names
    assert check_text("{contacten.aantal onderwerp=fietsles}", topics=names).startswith(
        "Parameter onderwerp=fietsles past niet: de onderwerpen en onderwerpgroepen van deze "
        "locatie zijn")


# ---------------------------------------------------------------- item 3: arithmetic

REKENDAM = template(section(
    "huisvesting",
    "Nog te huisvesten: {huisvesting.taakstelling - huisvesting.saldo_begin}.",
    "Het COA telde {officieel.huisvesting.personen - huisvesting.personen?>0:"
    "{officieel.huisvesting.personen - huisvesting.personen:woord} meer|<0:"
    "{huisvesting.personen - officieel.huisvesting.personen:woord} minder|evenveel} dan wij.",
    "Van de taakstelling is {huisvesting.personen / huisvesting.taakstelling:procent} gehuisvest.",
    "In Aakerk: {huisvesting.personen gemeente=Aakerk / huisvesting.taakstelling gemeente=Aakerk"
    ":procent:decimalen=1} van de taakstelling.",
    "Saldo: {huisvesting.saldo}.",
    "Het taalcafé had {eigen.taalcafe.bezoekers} {eigen.taalcafe.bezoekers|bezoeker|bezoekers}; "
    "volgend jaar is de taakstelling {huisvesting.taakstelling jaar=volgend}."))


def test_rekendam_arithmetic_shares_own_keys_and_next_year(db):
    loc = Loc(db, "Rekendam", ("Aakerk", "Bemmel"))
    loc.figure("huisvesting.taakstelling", 0, 2016)
    loc.figure("huisvesting.saldo_begin", 0, 2016)
    loc.figure("huisvesting.personen", 0, 2016, mode="naast")
    loc.figure("eigen.taalcafe.bezoekers", 0, 2016)
    for year, (aakerk, bemmel), begin, official, visitors in (
            (2017, (4, 6), 1, 2, 1), (2018, (8, 12), -3, 2, 45)):
        loc.figure("huisvesting.taakstelling", aakerk, year, gemeente="Aakerk")
        loc.figure("huisvesting.taakstelling", bemmel, year, gemeente="Bemmel")
        loc.figure("huisvesting.saldo_begin", begin, year)
        loc.figure("huisvesting.personen", official, year, mode="naast", note="COA")
        loc.figure("eigen.taalcafe.bezoekers", visitors, year)
    loc.figure("huisvesting.taakstelling", 25, 2019)
    loc.clients(1, housed_on=D(2017, 5, 1), gemeente="Aakerk")
    loc.clients(3, housed_on=D(2018, 5, 1), gemeente="Aakerk")
    loc.clients(2, housed_on=D(2018, 5, 1), gemeente="Bemmel")
    loc.use_template(REKENDAM)
    check(loc, [
        ("Nog te huisvesten: 0.", "Nog te huisvesten: 9.", "Nog te huisvesten: 23."),
        ("Het COA telde evenveel dan wij.", "Het COA telde één meer dan wij.",
         "Het COA telde drie minder dan wij."),
        (None,  # 0 / 0: left out, never "nan%"
         "Van de taakstelling is 10% gehuisvest.", "Van de taakstelling is 25% gehuisvest."),
        (None, "In Aakerk: 25,0% van de taakstelling.", "In Aakerk: 37,5% van de taakstelling."),
        ("Saldo: 0.", "Saldo: −7.", "Saldo: −21."),  # the official count, not the registered one
        ("Het taalcafé had 0 bezoekers; volgend jaar is de taakstelling 10.",
         "Het taalcafé had 1 bezoeker; volgend jaar is de taakstelling 20.",
         "Het taalcafé had 45 bezoekers; volgend jaar is de taakstelling 25."),
    ])


# ---------------------------------------------------------------- item 4: formats

OPMAAKSTAD = template(section(
    "huisvesting",
    "Nationaliteiten: {huisvesting.nationaliteiten:land:komma}.",
    "Gehuisvest: {huisvesting.nationaliteiten}.",
    "Naar nationaliteit: {huisvesting.nationaliteiten:bijvoeglijk} statushouders.",
    "Grootste groep: {huisvesting.nationaliteiten top=1 waarvan=huisvesting.kinderen}.",
    "Daarna volgen {huisvesting.nationaliteiten vanaf=2:zonder_haakjes}.",
    "In {jaar} waren er {taalcentrum.plaatsingen:zonder_punt} "
    "{taalcentrum.plaatsingen|plaatsing|plaatsingen} ({taalcentrum.plaatsingen}) en gemiddeld "
    "{computerlessen.deelnemers_gem:decimalen=2} deelnemers.",
    "We liepen {huisvesting.saldo?<-5:een flinke achterstand op|<0:een kleine achterstand op|"
    "=0:precies gelijk met|een voorsprong op} de taakstelling.",
    "{huisvesting.saldo:abs:woord} {huisvesting.saldo:abs|persoon|personen} verschil; in "
    "woorden met teken: {huisvesting.saldo:woord}."))


def test_opmaakstad_formats_as_offices_write(db):
    loc = Loc(db, "Opmaakstad")
    loc.clients(1, housed_on=D(2017, 4, 1), nationality="ER", birth_date=D(1980, 1, 1))
    for nat, adults, children in (("SY", 7, 5), ("ER", 3, 1), ("AF", 3, 0), ("SO", 1, 0)):
        loc.clients(adults, housed_on=D(2018, 4, 1), nationality=nat, birth_date=D(1980, 1, 1))
        loc.clients(children, housed_on=D(2018, 4, 1), nationality=nat, birth_date=D(2012, 1, 1))
    for year, target, places, average in ((2016, 0, 0, 0), (2017, 2, 1, 1), (2018, 28, 1239, 11.5)):
        loc.figure("huisvesting.taakstelling", target, year)
        loc.figure("taalcentrum.plaatsingen", places, year)
        loc.figure("computerlessen.deelnemers_gem", average, year)
    loc.use_template(OPMAAKSTAD)
    check(loc, [
        (None, "Nationaliteiten: Eritrea (1).",
         "Nationaliteiten: Syrië (12), Eritrea (4), Afghanistan (3), Somalië (1)."),
        (None, "Gehuisvest: 1 Eritreeër.",
         "Gehuisvest: 12 Syriërs, 4 Eritreeërs, 3 Afghanen en 1 Somaliër."),
        (None, "Naar nationaliteit: 1 Eritrese statushouders.",
         "Naar nationaliteit: 12 Syrische, 4 Eritrese, 3 Afghaanse en 1 Somalische statushouders."),
        (None, "Grootste groep: Eritreeërs (1).",
         "Grootste groep: Syriërs (12, waarvan 5 kinderen)."),
        (None, None,  # one group: nothing from place 2 on
         "Daarna volgen 4 Eritreeërs, 3 Afghanen en 1 Somaliër."),
        ("In 2016 waren er 0 plaatsingen (0) en gemiddeld 0,00 deelnemers.",
         "In 2017 waren er 1 plaatsing (1) en gemiddeld 1,00 deelnemers.",
         "In 2018 waren er 1239 plaatsingen (1.239) en gemiddeld 11,50 deelnemers."),
        ("We liepen precies gelijk met de taakstelling.",
         "We liepen een kleine achterstand op de taakstelling.",
         "We liepen een flinke achterstand op de taakstelling."),
        ("Nul personen verschil; in woorden met teken: nul.",
         "Eén persoon verschil; in woorden met teken: min één.",
         "Acht personen verschil; in woorden met teken: min acht."),
    ])


# ---------------------------------------------------------------- item 5: defects

def test_herstelburg_ties_minus_signs_and_lists_per_municipality(db):
    loc = Loc(db, "Herstelburg", ("Aakerk", "Bemmel"))
    for nat in ("SY", "ER"):
        loc.clients(28, housed_on=D(2018, 3, 1), nationality=nat, gemeente="Aakerk")
    loc.clients(2, housed_on=D(2018, 3, 1), nationality="AF", gemeente="Bemmel")
    loc.figure("huisvesting.taakstelling", 50, gemeente="Aakerk")
    loc.figure("huisvesting.taakstelling", 7, gemeente="Bemmel")
    loc.use_template(template(section(
        "huisvesting",
        "ops: grootste groep: {huisvesting.grootste_groep}",
        "ops: grootste groep: {huisvesting.grootste_groep:land}",
        "Saldo per gemeente: {huisvesting.saldo per=gemeente}; zonder teken: "
        "{huisvesting.saldo per=gemeente:abs}.",
        "In Bemmel is het saldo {huisvesting.saldo gemeente=Bemmel:woord}.",
        "De grootste groepen waren {huisvesting.nationaliteiten top=2:woord}.")))
    text = make_report(db, loc.id, 2018).rendered.plain_text()
    for sentence in (" • grootste groep: Eritreeërs en Syriërs (beide 28)",
                     " • grootste groep: Eritrea en Syrië (beide 28)",
                     "Saldo per gemeente: 6 in Aakerk en −5 in Bemmel; zonder teken: 6 in "
                     "Aakerk en 5 in Bemmel.",
                     "In Bemmel is het saldo min vijf.",
                     "De grootste groepen waren Eritreeërs en Syriërs (beide achtentwintig)."):
        assert sentence in text, f"{sentence!r} not in\n{text}"


def test_a_location_named_after_its_region_serves_only_the_municipalities_it_names(
        db, tmp_path):
    from tests.exchange.exchange_data import write_xlsx

    path = write_xlsx(tmp_path / "waterweg.xlsx", {"clienten": [
        ["nummer", "gehuisvest_op", "gemeente"],
        ["W-1", "01-03-2018", "Vlaardingen"], ["W-2", "02-03-2018", "Maassluis"],
        ["W-3", "03-03-2018", "Maassluis"]]})
    data = read_workbook(path)
    try:
        plan = plan_import(db, "Waterweg", data)
        assert plan.ok and plan.new_municipalities == ["Vlaardingen", "Maassluis"]
        apply_import(db, SYSTEM, plan)
    finally:
        data.close()
    with db.session() as s:
        loc = s.scalar(select(m.Location).where(m.Location.name == "Waterweg"))
        names = municipality_names(s, loc.id)
    assert names == ["Maassluis", "Vlaardingen"]  # no municipality "Waterweg"
    assert check_text("{huisvesting.personen gemeente=Waterweg}", municipalities=names) == (
        "Parameter gemeente=Waterweg past niet: deze locatie bedient de gemeenten Maassluis, "
        "Vlaardingen.")
    own = toml_to_template(template(section(
        "huisvesting", "Per gemeente: {huisvesting.personen per=gemeente}.")))
    text = make_report(db, loc.id, 2018, template=own).rendered
    assert "Per gemeente: 2 in Maassluis en 1 in Vlaardingen." in text.plain_text()


def test_a_new_location_whose_workbook_names_no_municipality_gets_its_own(db, tmp_path):
    from tests.exchange.exchange_data import write_xlsx

    path = write_xlsx(tmp_path / "dorp.xlsx", {"clienten": [["nummer"], ["D-1"]]})
    data = read_workbook(path)
    try:
        apply_import(db, SYSTEM, plan_import(db, "Nieuwdorp", data))
    finally:
        data.close()
    with db.session() as s:
        loc = s.scalar(select(m.Location).where(m.Location.name == "Nieuwdorp"))
        assert municipality_names(s, loc.id) == ["Nieuwdorp"]


def test_report_says_which_typed_figures_of_which_year_are_missing(db, tmp_path, capsys):
    loc = Loc(db, "Vergeetdorp")
    loc.figure("huisvesting.taakstelling", 10, 2018)
    loc.figure("huisvesting.saldo_begin", 2, 2017)
    loc.use_template(template(section(
        "huisvesting",
        "Saldo: {huisvesting.saldo}; vorig jaar {huisvesting.saldo jaar=vorig}.",
        "Het taalcafé had {eigen.taalcafe.bezoekers} bezoekers.",
        "Doel: {doel.huisvesting.personen}; {gehaald.huisvesting.personen?gehaald|niet gehaald}.")))
    report = make_report(db, loc.id, 2018)
    assert [m.sentence() for m in report.missing] == [
        "2017: {huisvesting.taakstelling} (gebruikt in huisvesting.0)",
        "2018: {eigen.taalcafe.bezoekers} (gebruikt in huisvesting.1)",
        "2018: {doel.huisvesting.personen} (gebruikt in huisvesting.2)",
    ]
    assert "Saldo" not in report.rendered.plain_text()  # left out, and said so
    url = str(db.engine.url) if db.engine.url.get_backend_name() != "sqlite" \
        else db.engine.url.database
    assert main(["report", "--database", url, "--location", "Vergeetdorp", "--year", "2018",
                 "-o", str(tmp_path / "v.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Niet ingevoerde jaarcijfers; de zinnen die ze gebruiken zijn weggelaten:" in out
    assert "  2017: {huisvesting.taakstelling} (gebruikt in huisvesting.0)" in out


@pytest.mark.parametrize("text, message", [
    ("{huisvesting.personen gemeente=Den Haag}",
     "In {huisvesting.personen gemeente=Den Haag} staat \"Haag\" los achter gemeente=Den; zet "
     "een waarde met een spatie tussen aanhalingstekens: gemeente=\"Den Haag\"."),
    ("{huisvesting.personen:woord:land}",
     "Opmaak :land in {huisvesting.personen:woord:land} past alleen bij een lijst, zoals een "
     "ranglijst."),
    ("{spreekuur.top_onderwerp:woord}",
     "Opmaak :woord in {spreekuur.top_onderwerp:woord} past alleen bij een getal."),
    ("{huisvesting.saldo:decimalen}",
     "Opmaak :decimalen in {huisvesting.saldo:decimalen} heeft een aantal nodig van 0 tot en "
     "met 6, bijvoorbeeld :decimalen=1."),
    ("{huisvesting.saldo?<0:achter|voor|gelijk}",
     "In {huisvesting.saldo?<0:achter|voor|gelijk} heeft elke keuze na ? een voorwaarde, "
     "behalve de laatste: bijvoorbeeld {huisvesting.saldo?<-10:een flinke achterstand|<0:een "
     "kleine achterstand|een voorsprong}."),
    ("{huisvesting.saldo?een voorsprong van {huisvesting.sald:abs}|een achterstand}",
     "Onbekend cijfer `{huisvesting.sald}`; bedoelde u `{huisvesting.saldo}`?"),
    ("{huisvesting.personen - }",
     "In {huisvesting.personen - } mist een cijfer bij een rekenteken; schrijf bijvoorbeeld "
     "{huisvesting.taakstelling - huisvesting.saldo_begin}."),
    ("{huisvesting.personen {jaar}}",
     "In {huisvesting.personen {jaar}} staat een plaatshouder binnen een plaatshouder; dat kan "
     "alleen in de woorden na | of ?, bijvoorbeeld {huisvesting.saldo?een voorsprong van "
     "{huisvesting.saldo:abs}|een achterstand}."),
    ("{huisvesting.personen half=1 maand=3}",
     "In `{huisvesting.personen}` staan half= en maand= samen; kies één periode."),
    ("{juridisch.gh_nieuw op=31-12}",
     "Parameter `op` past niet bij `{juridisch.gh_nieuw}`; daar kunt u gebruiken: uitkomst, "
     "nationaliteit, gemeente, half, kwartaal, maand, per, jaar."),
    ("{huisvesting.personen jaar=volgend}",
     "Parameter jaar=volgend past alleen bij een ingevoerd cijfer (het jaar erna is nog niet "
     "geregistreerd); bij `{huisvesting.personen}` kunt u jaar=vorig gebruiken."),
    ("{contacten.aantal onderwerp=tuinieren}",
     "Parameter onderwerp=tuinieren past niet: de onderwerpen en onderwerpgroepen van deze "
     "locatie zijn werk, financiën."),
])
def test_what_is_wrong_is_said_precisely(text, message):
    assert check_text(text, municipalities=["Schiedam"], topics=["werk", "financiën"]) == message


@pytest.mark.parametrize("text", [
    "{huisvesting.personen gemeente=\"Den Haag\"}",
    "{huisvesting.saldo:abs:woord}",
    "{huisvesting.nationaliteiten top=2:woord}",
    "{huisvesting.saldo?een voorsprong van {huisvesting.saldo:abs}|een achterstand van "
    "{huisvesting.saldo:abs}}",
    "{huisvesting.personen / huisvesting.taakstelling:procent:decimalen=1}",
    "{eigen.taalcafe.bezoekers jaar=volgend}",
])
def test_what_offices_write_is_accepted(text):
    assert check_text(text, municipalities=["Den Haag"]) is None, text


# ---------------------------------------------------------------- item 7: verlengd ja/nee

def test_koppeldam_verlengd_yes_or_no_or_a_date(db, tmp_path):
    from tests.exchange.exchange_data import write_xlsx

    loc = Loc(db, "Koppeldam")
    path = write_xlsx(tmp_path / "k.xlsx", {"koppelingen": [
        ["nummer", "programma", "aangemeld", "start", "evaluatie_6m", "verlengd"],
        ["K1", "wegwijs", "01-01-2018", "15-01-2018", "15-07-2018", "ja"],  # at the evaluation
        ["K2", "wegwijs", "01-02-2018", "31-03-2018", "", "ja"],  # six months after the start
        ["K3", "wegwijs", "01-02-2018", "01-03-2018", "", "nee"],
        ["K4", "wegwijs", "01-02-2018", "01-07-2018", "", "ja"],  # 1 January 2019: not in 2018
        ["K5", "wegwijs", "01-02-2018", "01-02-2018", "", "12-9-2018"]]})
    data = read_workbook(path)
    try:
        apply_import(db, loc.office.teamleader, plan_import(db, "Koppeldam", data))
    finally:
        data.close()
    with db.session() as s:
        extended = dict(s.execute(select(m.Coupling.number, m.Coupling.extended_on)).all())
    assert extended == {"K1": D(2018, 7, 15), "K2": D(2018, 9, 30), "K3": None,
                        "K4": D(2019, 1, 1), "K5": D(2018, 9, 12)}
    loc.use_template(template(section(
        "wegwijs", "Van de {koppelingen.wegwijs.gestart} koppelingen "
        "{koppelingen.wegwijs.gestart_verlengd|is er één|zijn er "
        "{koppelingen.wegwijs.gestart_verlengd:woord}} verlengd.")))
    assert "Van de 5 koppelingen zijn er drie verlengd." in loc.report_text()


def test_verlengd_yes_without_any_date_is_a_problem(db, tmp_path):
    from tests.exchange.exchange_data import write_xlsx

    Loc(db, "Koppeldam")
    path = write_xlsx(tmp_path / "k.xlsx", {"koppelingen": [
        ["nummer", "programma", "aangemeld", "verlengd"], ["K1", "wegwijs", "01-01-2018", "ja"],
        ["K2", "wegwijs", "01-01-2018", "misschien"]]})
    data = read_workbook(path)
    try:
        lines = plan_import(db, "Koppeldam", data).problems.lines()
    finally:
        data.close()
    assert any("rij 2" in line and "zonder datum van verlenging, start of evaluatie_6m" in line
               for line in lines), lines
    assert any("rij 3" in line and "is geen datum en geen ja of nee" in line for line in lines)
