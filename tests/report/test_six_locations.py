"""Six invented locations, each with its own template file (TOML, as a
teamleader would write it) and synthetic registrations, whose reports use
every feature of the templates: top 3 with a tie and percentages, number
words, a four-way gender split and adults only, AMV and state-pension age,
three municipalities with half-year quotas and balances (this year's and
last year's), contacts by kind and by time since housing, households and
dwellings by type, official figures beside and instead of registered ones,
intake routes zelf and gva. The sentences are checked word for word."""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select

from tests.conftest import Office
from vwdesk.core import models as m
from vwdesk.core.services.base import create
from vwdesk.report import make_report
from vwdesk.report.store import municipality_names, save_template
from vwdesk.report.template_file import toml_to_template

Y = 2018
D = dt.date
ADULT, CHILD, SENIOR = D(1985, 5, 5), D(2010, 5, 5), D(1945, 1, 1)
_numbers = itertools.count(1)


class Loc:
    """One invented location: its office, and helpers to register data."""

    def __init__(self, db, name: str, municipalities: tuple[str, ...] = ()):
        self.office = Office(db, name)
        self.db = db
        self.id = self.office.location_id
        with db.session() as s:  # a new location serves a municipality of its own name
            self.mun = dict(s.execute(select(m.Municipality.name, m.Municipality.id)
                                      .where(m.Municipality.location_id == self.id)).all())
        for mun in municipalities:
            if mun not in self.mun:
                self.mun[mun] = self.add("municipalities", name=mun)

    def add(self, record_kind: str, /, **values) -> int:
        with self.db.session() as s:
            return create(s, self.office.teamleader, record_kind, self.id, values).id

    def clients(self, count: int, **values) -> list[int]:
        if "gemeente" in values:
            values["municipality_id"] = self.mun[values.pop("gemeente")]
        return [self.add("clients", number=f"C{next(_numbers)}", **values) for _ in range(count)]

    def figure(self, key: str, value: float, year: int = Y, gemeente: str | None = None,
               **values) -> None:
        self.add("year_figures", year=year, key=key, value=value,
                 municipality_id=self.mun[gemeente] if gemeente else None, **values)

    def contact(self, day: dt.date, kind: str, client_id: int | None = None,
                topics: tuple[str, ...] = ()) -> None:
        cid = self.add("contacts", date=day, kind=kind, client_id=client_id,
                       person_label=None if client_id else "Zonder dossier")
        with self.db.session() as s:
            contact = s.get(m.Contact, cid)
            for name in topics:
                contact.topics.append(s.scalar(select(m.Topic).where(m.Topic.name == name)))

    def use_template(self, toml: str) -> None:
        with self.db.session() as s:
            template = toml_to_template(toml, municipality_names(s, self.id))
            save_template(s, self.office.teamleader, self.id, template)

    def report_text(self) -> str:
        return make_report(self.db, self.id, Y).rendered.plain_text()


def section(key: str, *sentences: str, title: str = "") -> str:
    out = [f'[[sectie]]\nsleutel = "{key}"\ntitel = "{title}"\n']
    for i, text in enumerate(sentences):
        kind, _, text = text.partition(": ") if text[:4] in ("zin:", "ops:") else ("zin", "", text)
        kind = {"ops": "opsomming"}.get(kind, "zin")
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        extra = "nieuwe_alinea = true\n" if kind == "zin" else ""
        out.append(f'[[sectie.onderdeel]]\nid = "{key}.{i}"\nsoort = "{kind}"\n'
                   f'tekst = "{escaped}"\n{extra}')
    return "\n".join(out)


def template(*sections: str) -> str:
    return 'versie = 1\ntitel = "{locatie}: {jaar} in cijfers"\n\n' + "\n".join(sections)


def check(loc: Loc, expected: list[str]) -> None:
    text = loc.report_text()
    for sentence in expected:
        assert sentence in text, f"{sentence!r} not in report:\n{text}"


def test_zeedorp_top_three_with_a_tie_percentages_and_number_words(db):
    loc = Loc(db, "Zeedorp")
    for nat, n in (("SY", 4), ("ER", 4), ("AF", 2), ("SO", 1), ("XX", 1)):
        loc.clients(n, housed_on=D(Y, 3, 1), nationality=nat, gender="m", birth_date=ADULT)
    people = loc.clients(2, housed_on=D(Y - 2, 1, 1))
    for topic, n in (("financiën", 5), ("werk", 3), ("brieven", 2)):
        for _ in range(n):
            loc.contact(D(Y, 4, 1), "spreekuur", people[0], topics=(topic,))
    loc.use_template(template(section(
        "huisvesting",
        "In {jaar} zijn {huisvesting.personen} statushouders gehuisvest, met "
        "{huisvesting.aantal_nationaliteiten:woord} verschillende "
        "{huisvesting.aantal_nationaliteiten|nationaliteit|nationaliteiten}.",
        "ops: {huisvesting.nationaliteiten top=3|grootste groep|grootste groepen}: "
        "{huisvesting.nationaliteiten top=3}",
        "ops: {huisvesting.nationaliteiten top=1|grootste groep|grootste groepen}: "
        "{huisvesting.nationaliteiten top=1:procent}"),
        section("spreekuur", "De meeste vragen gingen over "
                "{spreekuur.onderwerpen_lijst top=2:procent}.", title="Spreekuur")))
    check(loc, [
        "In 2018 zijn 12 statushouders gehuisvest, met vijf verschillende nationaliteiten.",
        " • grootste groepen: Eritreeërs en Syriërs (beide 4) en Afghanen (2)",
        " • grootste groepen: Eritreeërs en Syriërs (beide 33%)",
        "De meeste vragen gingen over financiën (50%) en werk (30%).",
    ])


def test_heuvelstad_gender_by_age_amv_and_state_pension(db):
    loc = Loc(db, "Heuvelstad")
    loc.clients(23, housed_on=D(Y, 2, 1), gender="m", birth_date=ADULT)
    loc.clients(2, housed_on=D(Y, 2, 1), gender="m", birth_date=SENIOR)
    loc.clients(37, housed_on=D(Y, 5, 1), gender="v", birth_date=ADULT)
    loc.clients(27, housed_on=D(Y, 8, 1), gender="v", birth_date=CHILD)
    loc.clients(19, housed_on=D(Y, 9, 1), gender="m", birth_date=CHILD)
    loc.clients(1, housed_on=D(Y, 9, 1), gender="m", birth_date=D(2002, 1, 1), amv=True)
    loc.use_template(template(section(
        "huisvesting",
        "ops: {huisvesting.personen geslacht=m leeftijd=volwassen} mannen, "
        "{huisvesting.personen geslacht=v leeftijd=volwassen} vrouwen, "
        "{huisvesting.personen geslacht=v leeftijd=kind} meisjes en "
        "{huisvesting.personen geslacht=m leeftijd=kind} jongens",
        "ops: {huisvesting.mannen leeftijd=volwassen} (volwassen) mannen, "
        "{huisvesting.vrouwen leeftijd=volwassen} vrouwen",
        "ops: {huisvesting.amv} {huisvesting.amv|alleenstaande minderjarige|alleenstaande "
        "minderjarigen} (AMV)",
        "ops: {huisvesting.aow:woord} {huisvesting.aow|persoon|personen} van de AOW-leeftijd; "
        "{huisvesting.aow aow_leeftijd=60:woord} van 60 jaar of ouder")))
    check(loc, [
        " • 25 mannen, 37 vrouwen, 27 meisjes en 20 jongens",
        " • 25 (volwassen) mannen, 37 vrouwen",
        " • 1 alleenstaande minderjarige (AMV)",
        " • twee personen van de AOW-leeftijd; twee van 60 jaar of ouder",
    ])


def test_rivierland_three_municipalities_with_half_year_quotas(db):
    loc = Loc(db, "Rivierland", ("Aakerk", "Bemmel", "Crooswijk"))
    quotas = {"Aakerk": (10, 12), "Bemmel": (4, 5), "Crooswijk": (1, 2)}
    for gemeente, (h1, h2) in quotas.items():
        loc.figure("huisvesting.taakstelling", h1, gemeente=gemeente, half=1)
        loc.figure("huisvesting.taakstelling", h2, gemeente=gemeente, half=2)
    loc.figure("huisvesting.saldo_begin", 3, gemeente="Aakerk")
    loc.figure("huisvesting.saldo_begin", -2, gemeente="Bemmel")
    loc.figure("huisvesting.taakstelling", 20, year=Y - 1, gemeente="Aakerk")
    loc.figure("huisvesting.saldo_begin", 0, year=Y - 1, gemeente="Aakerk")
    loc.clients(15, housed_on=D(Y - 1, 6, 1), gemeente="Aakerk")
    loc.clients(9, housed_on=D(Y, 3, 1), gemeente="Aakerk")
    loc.clients(14, housed_on=D(Y, 9, 1), gemeente="Aakerk")
    loc.clients(6, housed_on=D(Y, 10, 1), gemeente="Bemmel")
    loc.clients(4, housed_on=D(Y, 1, 10), gemeente="Crooswijk")
    sentences = ["Samen hebben de gemeenten {huisvesting.personen} statushouders gehuisvest "
                 "bij een taakstelling van {huisvesting.taakstelling}; saldo "
                 "{huisvesting.saldo}."]
    for g in quotas:
        sentences.append(
            f"ops: {g}: {{huisvesting.personen gemeente={g}}} gehuisvest "
            f"({{huisvesting.personen gemeente={g} half=1}} in het eerste halfjaar), "
            f"taakstelling {{huisvesting.taakstelling gemeente={g} half=1}} + "
            f"{{huisvesting.taakstelling gemeente={g} half=2}}, "
            f"{{huisvesting.saldo gemeente={g}?voorsprong|achterstand|precies op schema}}"
            f" {{huisvesting.saldo gemeente={g}:abs}}")
    sentences.append("Gehuisvest: {huisvesting.personen per=gemeente}; taakstelling: "
                     "{huisvesting.taakstelling per=gemeente}.")
    sentences.append("Aakerk had eind {vorig_jaar} een {huisvesting.saldo gemeente=Aakerk "
                     "jaar=vorig?voorsprong|achterstand} van {huisvesting.saldo gemeente=Aakerk "
                     "jaar=vorig:abs}.")
    loc.use_template(template(section("huisvesting", *sentences)))
    check(loc, [
        "Samen hebben de gemeenten 33 statushouders gehuisvest bij een taakstelling van 34; "
        "saldo 0.",  # 3 - 2 + 33 - 34
        " • Aakerk: 23 gehuisvest (9 in het eerste halfjaar), taakstelling 10 + 12, "
        "voorsprong 4",
        " • Bemmel: 6 gehuisvest (0 in het eerste halfjaar), taakstelling 4 + 5, achterstand 5",
        " • Crooswijk: 4 gehuisvest (4 in het eerste halfjaar), taakstelling 1 + 2, "
        "voorsprong 1",
        "Gehuisvest: 23 in Aakerk, 6 in Bemmel en 4 in Crooswijk; taakstelling: 22 in Aakerk, "
        "9 in Bemmel en 3 in Crooswijk.",  # the location's own municipality has none: left out
        "Aakerk had eind 2017 een achterstand van 5.",
    ])


def test_polderwijk_contacts_by_kind_and_time_since_housing(db):
    loc = Loc(db, "Polderwijk")
    recent = loc.clients(3, housed_on=D(Y - 1, 9, 1))
    settled = loc.clients(2, housed_on=D(Y - 4, 1, 1))
    for cid in recent:
        loc.contact(D(Y, 2, 1), "mb", cid)
        loc.contact(D(Y, 3, 1), "spreekuur", cid)
    for cid in settled:
        for month in (1, 2, 3):
            loc.contact(D(Y, month, 15), "spreekuur", cid)
    loc.contact(D(Y, 5, 1), "juridisch", settled[0])
    loc.contact(D(Y, 6, 1), "intake")
    loc.use_template(template(section(
        "spreekuur",
        "In {jaar} waren er {contacten.aantal} contacten: {contacten.aantal soort=spreekuur} "
        "op het spreekuur, {contacten.aantal soort=mb} bij maatschappelijke begeleiding, "
        "{contacten.aantal soort=juridisch:woord} juridisch en "
        "{contacten.aantal soort=intake:woord} {contacten.aantal soort=intake|intake|intakes}.",
        "Van de spreekuurcontacten waren er {contacten.aantal soort=spreekuur binnen=18} met "
        "cliënten die korter dan anderhalf jaar in de gemeente wonen en "
        "{contacten.aantal soort=spreekuur na=18} met {contacten.personen soort=spreekuur na=18} "
        "cliënten die er langer wonen.",
        title="Contacten")))
    check(loc, [
        "In 2018 waren er 14 contacten: 9 op het spreekuur, 3 bij maatschappelijke begeleiding, "
        "één juridisch en één intake.",
        "Van de spreekuurcontacten waren er 3 met cliënten die korter dan anderhalf jaar in de "
        "gemeente wonen en 6 met 2 cliënten die er langer wonen.",
    ])


def test_bosrand_households_and_dwellings_by_type(db):
    loc = Loc(db, "Bosrand")
    family = loc.add("dwellings", number="W1", available_on=D(Y, 1, 5), type="eengezins")
    rooms = [loc.add("dwellings", number=f"K{i}", available_on=D(Y, 2, 1), type="kamer")
             for i in range(3)]
    old = loc.add("dwellings", number="W0", available_on=D(Y - 1, 1, 1), type="eengezins")
    loc.clients(4, housed_on=D(Y, 1, 20), dwelling_id=family, birth_date=ADULT)
    for room in rooms:
        loc.clients(1, housed_on=D(Y, 2, 10), dwelling_id=room, birth_date=ADULT)
    loc.clients(2, housed_on=D(Y - 1, 3, 1), dwelling_id=old)
    loc.clients(3, housed_on=D(Y, 7, 1), dwelling_id=old, birth_date=CHILD)  # joined (nareizigers)
    loc.use_template(template(section(
        "huisvesting",
        "In {jaar} zijn {huisvesting.personen} personen gehuisvest in "
        "{huisvesting.woningen} nieuwe woningen, waarvan {huisvesting.woningen type=kamer} "
        "{huisvesting.woningen type=kamer|kamer|kamers}.",
        "ops: {huishoudens.nieuw} nieuwe huishoudens: {huishoudens.eenpersoons} "
        "eenpersoons en {huishoudens.meerpersoons} meerpersoons",
        "ops: {huishoudens.bijgevoegd} {huishoudens.bijgevoegd|persoon|personen} bij een "
        "bestaand huishouden gevoegd",
        "ops: gemiddeld {huishoudens.personen_per_woning} personen per woning")))
    check(loc, [
        "In 2018 zijn 10 personen gehuisvest in 4 nieuwe woningen, waarvan 3 kamers.",
        " • 4 nieuwe huishoudens: 3 eenpersoons en 1 meerpersoons",
        " • 3 personen bij een bestaand huishouden gevoegd",
        " • gemiddeld 2 personen per woning",  # 10 persons into 5 dwellings
    ])


def test_havenstad_official_figures_beside_and_instead_and_intake_routes(db):
    loc = Loc(db, "Havenstad", ("Havenstad", "Dijkdorp"))
    loc.clients(30, housed_on=D(Y, 4, 1), intake="regulier", gemeente="Havenstad")
    loc.clients(5, housed_on=D(Y, 4, 1), intake="zelf", gemeente="Havenstad")
    loc.clients(7, housed_on=D(Y, 4, 1), intake="gva", gemeente="Dijkdorp")
    loc.figure("huisvesting.personen", 44, mode="naast", note="telling COA")
    loc.figure("huisvesting.personen", 9, mode="vervangt", gemeente="Dijkdorp",
               note="twee gezinsleden niet geregistreerd")
    loc.figure("huisvesting.woningen", 12, mode="vervangt", note="lijst woningcorporatie")
    loc.use_template(template(section(
        "huisvesting",
        "Volgens onze registratie zijn in {jaar} {huisvesting.personen} statushouders "
        "gehuisvest; het COA telt er {officieel.huisvesting.personen}.",
        "ops: Dijkdorp: {huisvesting.personen gemeente=Dijkdorp} gehuisvest, "
        "{huisvesting.personen instroom=gva} via de GVA",
        "ops: {huisvesting.personen instroom=zelf} {huisvesting.personen instroom=zelf|persoon|"
        "personen} op eigen gelegenheid verhuisd",
        "ops: {huisvesting.woningen} beschikbaar gestelde woningen")))
    report = make_report(db, loc.id, Y)
    check(loc, [
        "Volgens onze registratie zijn in 2018 42 statushouders gehuisvest; het COA telt er 44.",
        " • Dijkdorp: 9 gehuisvest, 7 via de GVA",
        " • 5 personen op eigen gelegenheid verhuisd",
        " • 12 beschikbaar gestelde woningen",
    ])
    figures = report.figures
    assert figures.overrides["huisvesting.woningen"].computed == 0
    assert figures.official["huisvesting.personen"].note == "telling COA"
    (override,) = figures.extra_overrides.values()
    assert (override.value, override.computed) == (9, 7)
