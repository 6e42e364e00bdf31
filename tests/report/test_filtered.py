"""Filtered figures against the database: per municipality and half-year,
gender by age, AMV and state-pension age, contacts by kind and by time since
housing, households from dwellings, typed figures per municipality and
half-year, official figures beside or instead of the registered ones."""

from __future__ import annotations

import datetime as dt

from vwdesk.core.services.base import create
from vwdesk.report import compute_figures
from vwdesk.report.params import Request

D = dt.date
Y = 2018
_n = iter(range(1, 100000))


def add(office, kind_key, **values):
    with office.db.session() as s:
        return create(s, office.teamleader, kind_key, office.location_id, values).id


def client(office, **values):
    values.setdefault("number", f"C{next(_n)}")
    return add(office, "clients", **values)


def req(key, **filters):
    return Request(key, tuple(sorted((k, str(v)) for k, v in filters.items())))


def compute(office, *requests, year=Y, **kw):
    return compute_figures(office.db, office.location_id, year, requests=set(requests), **kw)


def test_gender_by_age_municipality_and_half_year(office):
    north = add(office, "municipalities", name="Noord")
    south = add(office, "municipalities", name="Zuid")
    adult, child = D(1980, 1, 1), D(2012, 1, 1)
    client(office, housed_on=D(Y, 1, 5), gender="m", birth_date=adult, municipality_id=north)
    client(office, housed_on=D(Y, 6, 30), gender="v", birth_date=adult, municipality_id=north)
    client(office, housed_on=D(Y, 7, 1), gender="v", birth_date=child, municipality_id=south)
    client(office, housed_on=D(Y, 12, 1), gender="m", birth_date=child, municipality_id=south)
    client(office, housed_on=D(Y, 12, 2), gender="m", birth_date=child, municipality_id=south)
    client(office, housed_on=D(2017, 12, 2), gender="m", birth_date=child, municipality_id=south)
    wanted = [req("huisvesting.personen", geslacht="m", leeftijd="volwassen"),
              req("huisvesting.personen", geslacht="v", leeftijd="volwassen"),
              req("huisvesting.personen", geslacht="v", leeftijd="kind"),
              req("huisvesting.personen", geslacht="m", leeftijd="kind"),
              req("huisvesting.personen", gemeente="noord"),
              req("huisvesting.personen", gemeente="Zuid", half=2),
              req("huisvesting.mannen", gemeente="Zuid"),
              req("huisvesting.personen", half=1),
              req("huisvesting.personen", gemeente="Elders")]
    f = compute(office, *wanted)
    assert [f.extra[r] for r in wanted] == [1, 1, 1, 2, 2, 3, 2, 2, 0]


def test_amv_state_pension_age_and_intake_routes(office):
    client(office, housed_on=D(Y, 3, 1), birth_date=D(2002, 1, 1), amv=True, intake="zelf")
    client(office, housed_on=D(Y, 3, 1), birth_date=D(Y - 67, 3, 1), intake="gva")  # 67 that day
    client(office, housed_on=D(Y, 3, 1), birth_date=D(Y - 67, 3, 2), intake="gva")  # 66
    client(office, housed_on=D(Y, 3, 1), birth_date=D(Y - 70, 1, 1), intake="regulier")
    wanted = [req("huisvesting.aow", aow_leeftijd=65), req("huisvesting.personen", instroom="gva"),
              req("huisvesting.personen", instroom="zelf", amv="ja")]
    f = compute(office, *wanted)
    assert (f.get("huisvesting.amv"), f.get("huisvesting.aow")) == (1, 2)
    assert [f.extra[r] for r in wanted] == [3, 2, 1]


def test_contacts_by_kind_and_by_time_since_housing(office):
    early = client(office, housed_on=D(Y - 1, 6, 15))   # 18 months on 15 December of Y
    late = client(office, housed_on=D(Y - 3, 1, 1))
    for day, kind, who in ((D(Y, 12, 14), "mb", early), (D(Y, 12, 15), "mb", early),
                           (D(Y, 3, 1), "spreekuur", late), (D(Y, 3, 2), "spreekuur", late),
                           (D(Y, 9, 1), "juridisch", early), (D(Y, 4, 1), "intake", None)):
        add(office, "contacts", date=day, kind=kind, client_id=who,
            person_label=None if who else "Zonder dossier")
    wanted = [req("contacten.aantal", soort="mb"), req("contacten.aantal", binnen=18),
              req("contacten.aantal", na=18), req("contacten.personen", na=18),
              req("contacten.aantal", soort="mb", binnen=18), req("spreekuur.contacten", half=1),
              req("contacten.aantal", soort="intake")]
    f = compute(office, *wanted)
    assert (f.get("contacten.aantal"), f.get("contacten.personen")) == (6, 3)
    assert [f.extra[r] for r in wanted] == [2, 2, 3, 2, 1, 2, 1]


def test_households_new_joined_sizes_and_persons_per_dwelling(office):
    town = add(office, "municipalities", name="Stad")
    w1 = add(office, "dwellings", number="W1", available_on=D(Y, 1, 1), municipality_id=town)
    w2 = add(office, "dwellings", number="W2", available_on=D(Y, 1, 1), type="kamer")
    w3 = add(office, "dwellings", number="W3", available_on=D(Y - 1, 1, 1), municipality_id=town)
    for _ in range(3):  # a family of three: one new multi-person household
        client(office, dwelling_id=w1, housed_on=D(Y, 2, 1))
    client(office, dwelling_id=w1, housed_on=D(Y, 9, 1))  # joins in the same year
    client(office, dwelling_id=w2, housed_on=D(Y, 5, 1))  # a one-person household
    client(office, dwelling_id=w3, housed_on=D(Y - 1, 5, 1))  # last year's household ...
    client(office, dwelling_id=w3, housed_on=D(Y, 5, 1))  # ... joined by a family member
    client(office, dwelling_id=w3, housed_on=D(Y + 1, 5, 1))  # next year: not counted
    wanted = [req("huishoudens.nieuw", gemeente="Stad"), req("huishoudens.bijgevoegd",
                                                             gemeente="Stad"),
              req("huisvesting.woningen", type="kamer"), req("huisvesting.woningen", gemeente="Stad")]
    f = compute(office, *wanted)
    assert f.get("huishoudens.nieuw") == 2
    assert (f.get("huishoudens.eenpersoons"), f.get("huishoudens.meerpersoons")) == (1, 1)
    assert f.get("huishoudens.bijgevoegd") == 2
    assert f.get("huishoudens.personen_per_woning") == 2.0  # 6 persons into 3 dwellings
    assert [f.extra[r] for r in wanted] == [1, 2, 1, 1]


def test_quota_and_balance_per_municipality_and_half_year(office):
    a = add(office, "municipalities", name="Aadorp")
    b = add(office, "municipalities", name="Bedorp")
    for mun, half, value in ((a, 1, 10), (a, 2, 12), (b, 1, 4), (b, 2, 6)):
        add(office, "year_figures", year=Y, key="huisvesting.taakstelling", value=value,
            municipality_id=mun, half=half)
    add(office, "year_figures", year=Y, key="huisvesting.saldo_begin", value=3, municipality_id=a)
    add(office, "year_figures", year=Y, key="huisvesting.saldo_begin", value=-1, municipality_id=b)
    for _ in range(20):
        client(office, housed_on=D(Y, 4, 1), municipality_id=a)
    for _ in range(5):
        client(office, housed_on=D(Y, 8, 1), municipality_id=b)
    wanted = [req("huisvesting.taakstelling", gemeente="Aadorp"),
              req("huisvesting.taakstelling", gemeente="Aadorp", half=1),
              req("huisvesting.taakstelling", half=2),
              req("huisvesting.saldo", gemeente="Aadorp"), req("huisvesting.saldo", gemeente="Bedorp")]
    f = compute(office, *wanted)
    assert (f.get("huisvesting.taakstelling"), f.get("huisvesting.saldo_begin")) == (32, 2)
    assert f.get("huisvesting.saldo") == 2 + 25 - 32
    assert [f.extra[r] for r in wanted] == [22, 10, 18, 3 + 20 - 22, -1 + 5 - 10]


def test_official_figures_beside_or_instead_per_municipality(office):
    a = add(office, "municipalities", name="Aadorp")
    b = add(office, "municipalities", name="Bedorp")
    for _ in range(4):
        client(office, housed_on=D(Y, 4, 1), municipality_id=a)
    client(office, housed_on=D(Y, 4, 1), municipality_id=b)
    add(office, "year_figures", year=Y, key="huisvesting.personen", value=5, mode="naast",
        municipality_id=a, note="COA")
    add(office, "year_figures", year=Y, key="huisvesting.personen", value=2, mode="naast",
        municipality_id=b, note="COA")
    add(office, "year_figures", year=Y, key="huisvesting.personen", value=3, mode="vervangt",
        municipality_id=b, note="twee verhuizingen niet geregistreerd")
    wanted = [req("officieel.huisvesting.personen", gemeente="Aadorp"),
              req("huisvesting.personen", gemeente="Bedorp"),
              req("huisvesting.personen", gemeente="Aadorp")]
    f = compute(office, *wanted)
    assert f.get("huisvesting.personen") == 5  # a municipality's override leaves the total
    assert f.get("officieel.huisvesting.personen") == 7
    assert [f.extra[r] for r in wanted] == [5, 3, 4]
    override = f.extra_overrides[wanted[1]]
    assert (override.value, override.computed) == (3, 1)
