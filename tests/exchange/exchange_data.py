"""Test data for the exchange workbook: a location with every kind of record
(Arabic and Ge'ez names, empty cells, dates on year boundaries) and a
snapshot of a location's data independent of ids, for round-trip checks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.services import base
from vwdesk.core.services.base import Actor
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for

D = dt.date


class QuickOffice:
    """Like tests.conftest.Office, but the users get no real password hash:
    these tests never log in, and hashing twice per test doubled their time."""

    def __init__(self, db: Database, name: str = "Testdorp"):
        self.db = db
        with db.session() as s:
            loc = create_location(s, SYSTEM, name)
            self.location_id = loc.id
            users = [m.User(username=f"{role[:2]}-{name.lower()}", display_name=role.title(),
                            role=role, location_id=loc.id, password_hash="-")
                     for role in ("teamleider", "vrijwilliger")]
            s.add_all(users)
            s.flush()
            self.teamleader: Actor = actor_for(users[0])
            self.volunteer: Actor = actor_for(users[1])


def fill(office: Any) -> None:
    """Every sheet and every column of the workbook, some left empty."""
    tl, loc = office.teamleader, office.location_id
    with office.db.session() as s:
        def mk(kind_key: str, **values: Any) -> Any:
            return base.create(s, tl, kind_key, loc, values)

        schiedam = mk("municipalities", name="Schiedam")
        home = s.scalar(select(m.Municipality).where(m.Municipality.location_id == loc,
                                                     m.Municipality.name == "Testdorp"))
        buddy = mk("programmes", key="buddy", name="Buddy")
        wegwijs = s.scalar(select(m.Programme).where(m.Programme.location_id == loc,
                                                     m.Programme.key == "wegwijs"))
        w1 = mk("dwellings", number="W1", address="Hoofdstraat 1", municipality_id=schiedam.id,
                type="eengezins", available_on=D(2018, 1, 1))
        mk("dwellings", number="W2", available_on=D(2018, 12, 31))
        c1 = mk("clients", number="C1", first_name="حسن", last_name="العلي",
                birth_date=D(1980, 1, 1), gender="m", nationality="SY", dwelling_id=w1.id,
                housed_on=D(2018, 12, 31), municipality_id=home.id, intake="regulier", amv=False,
                phone="010-1234567", email="hassan@example.org",
                note="Eerste regel\nTweede regel; met puntkomma, en \"aanhalingstekens\"")
        c2 = mk("clients", number="C2", first_name="ሃብቶም", last_name="ተስፋይ", gender="v",
                nationality="ER", dwelling_id=w1.id, housed_on=D(2019, 1, 1), intake="nareiziger",
                amv=True, municipality_id=schiedam.id)
        mk("clients", number="C3")
        mk("clients", number="C4", first_name="Zoë", nationality="XX", gender="x",
           intake="gva", birth_date=D(2000, 12, 31))
        v1 = mk("volunteers", number="V1", first_name="Anna", last_name="de Vries",
                kind="vrijwilliger", team="mb-juridisch", start=D(2017, 1, 1), hours_per_week=12.5)
        mk("volunteers", number="V2", first_name="Bram", kind="stagiair", start=D(2018, 1, 1),
           end=D(2018, 12, 31))
        mk("dossiers", number="D1", client_id=c1.id, kind="gezinshereniging",
           opened_on=D(2018, 1, 1), closed_on=D(2018, 12, 31), outcome="herenigd",
           family_members=3, deadline=D(2019, 1, 1), note="vertrouwelijk")
        mk("dossiers", number="D2", client_id=c2.id, kind="naturalisatie", opened_on=D(2019, 1, 1))
        mk("trajectories", client_id=c1.id, kind="mb-jaar-1", start=D(2018, 1, 1),
           end=D(2018, 12, 31))
        mk("trajectories", client_id=c2.id, kind="zelfmelder", start=D(2019, 1, 1))
        mk("couplings", number="K1", programme_id=wegwijs.id, client_id=c1.id, coach_id=v1.id,
           signed_up_on=D(2018, 1, 1), started_on=D(2018, 1, 15),
           evaluation_3m_on=D(2018, 4, 15), evaluation_6m_on=D(2018, 7, 15),
           extended_on=D(2018, 7, 20), ended_on=D(2018, 12, 31), result="afgerond")
        mk("couplings", number="K2", programme_id=buddy.id, signed_up_on=D(2018, 12, 31))
        topics = {t.name: t for t in s.scalars(select(m.Topic))}
        k = mk("contacts", date=D(2018, 1, 1), kind="spreekuur", client_id=c1.id,
               volunteer_id=v1.id, duration_minutes=30, note="notitie حسن")
        s.add_all([m.ContactTopic(contact_id=k.id, topic_id=topics[n].id)
                   for n in ("financiën", "werk")])
        mk("contacts", date=D(2018, 12, 31), kind="juridisch", person_label="Persoon ሃብቶም")
        for _ in range(2):  # two identical visits on one day are two contacts
            mk("contacts", date=D(2019, 1, 1), kind="mb", client_id=c2.id)
        mk("year_figures", year=2018, key="huisvesting.taakstelling", value=25.0,
           municipality_id=schiedam.id, half=1, mode="invoer")
        mk("year_figures", year=2018, key="doel.koppelingen.wegwijs.gestart", value=15.5,
           mode="invoer")
        mk("year_figures", year=2018, key="huisvesting.personen", value=40.0, mode="vervangt",
           note="telling COA")
        mk("report_texts", year=2018, section="spreekuur", text="Het spreekuur van حسن\nen ሃብቶም.")
        mk("report_texts", year=2019, section="mb", text="Tekst 2019")


def count_rows(db: Database) -> dict[str, int]:
    """Row counts of every table, to show that nothing was written."""
    from sqlalchemy import func

    with db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in m.Base.metadata.sorted_tables}


def write_csv(folder: Any, name: str, rows: list[list[str]], *, encoding: str = "cp1252",
              sep: str = ";", newline: str = "\r\n") -> Any:
    """A .csv as a spreadsheet program saves it (default: a Dutch Excel's
    "CSV (gescheiden door lijstscheidingsteken)": cp1252, ;, CRLF, no BOM)."""
    import csv
    import io

    folder.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=newline).writerows(rows)
    path = folder / f"{name}.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Any, sheets: dict[str, list[list[Any]]]) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


# Every field of every kind ------------------------------------------------

FULL_YEAR = 2019
# A contact belongs to a client or to a person without a file, never both:
# one record of each (the variant drops the field named here).
_ONE_OF = {"contacts": ("client_id", "person_label")}


def field_default(kind: Any, f: Any) -> Any:
    """What a record holds when the field is left empty."""
    col = kind.model.__table__.c[f.name]
    return col.default.arg if col.default is not None and col.default.is_scalar else None


def _non_default(kind: Any, f: Any, i: int, variant: int) -> Any:
    """A value for field number `i` of a record, derived from its type only,
    so a new field is filled without touching this test. Dates grow with the
    field's place, which keeps every date order the rules ask for."""
    if f.type == "date":
        return D(FULL_YEAR, 1, 1) + dt.timedelta(days=25 * i + variant)
    if f.type == "str":
        return f"{f.name[:12]}-ሃ-{variant}"
    if f.type == "text":
        return f"{f.label} حسن\nregel 2; \"{variant}\""
    if f.type == "choice":
        return f.choices[-1 - variant]
    if f.type == "bool":
        return True
    if f.type == "int":
        return FULL_YEAR if f.name == "year" else 2
    if f.type == "float":
        return 2.5 + variant
    if f.type == "nationality":
        return ("ER", "XX")[variant]
    raise AssertionError(f"no test value for type {f.type} ({kind.key}.{f.name})")


def fill_every_field(office: Any) -> None:
    """Two records of every kind that has a sheet, every field filled with a
    value other than its default (references to records of the kinds above
    it), contacts with topics, and a topic of the location's own in a group."""
    from vwdesk.core.records import KINDS
    from vwdesk.core.services.topics import add_topic, set_topic_group
    from vwdesk.exchange.schema import SHEETS

    tl, loc = office.teamleader, office.location_id
    with office.db.session() as s:
        def own(model: type, **where: Any) -> int:
            return s.scalar(select(model.id).filter_by(location_id=loc, **where))

        def new(kind_key: str, **values: Any) -> int:
            return base.create(s, tl, kind_key, loc, values).id

        made: dict[str, list[int]] = {  # a new programme is named as the import names it
            "municipalities": [own(m.Municipality, name="Testdorp"),
                               new("municipalities", name="Gemeente Eén")],
            "programmes": [own(m.Programme, key="wegwijs"),
                           new("programmes", key="programma één", name="Programma één")],
        }
        add_topic(s, SYSTEM, loc, "eigen onderwerp")
        set_topic_group(s, tl, loc, "eigen groep", ["eigen onderwerp", "werk"])
        topics = {t.name: t for t in s.scalars(select(m.Topic))}
        for sheet in SHEETS:
            kind = KINDS.get(sheet.kind)
            if kind is None:
                continue
            made[kind.key] = []
            for variant in (0, 1):
                values, seen = {}, Counter()
                for i, f in enumerate(kind.fields):
                    if f.type == "ref":  # a second reference to a kind takes the other record
                        values[f.name] = made[f.ref][(variant + seen[f.ref]) % 2]
                        seen[f.ref] += 1
                    else:
                        values[f.name] = _non_default(kind, f, i, variant)
                if kind.key in _ONE_OF:
                    values[_ONE_OF[kind.key][variant]] = None
                rid = new(kind.key, **values)
                made[kind.key].append(rid)
                if kind.key == "contacts":
                    s.add_all(m.ContactTopic(contact_id=rid, topic_id=topics[name].id)
                              for name in ("eigen onderwerp", "werk")[variant:])


def snapshot(db: Database, location: str) -> dict[str, Any]:
    """Every record of the location, independent of ids: every field of every
    kind (references as the referenced record's number, name or key), the
    clients' search names, the contacts' topics, and the location's own
    topics and topic groups."""
    from vwdesk.core.records import KINDS
    from vwdesk.core.services.topics import own_topics, topic_groups

    with db.session() as s:
        lid = s.scalar(select(m.Location.id).where(m.Location.name == location))
        out: dict[str, Any] = {}
        for kind in KINDS.values():
            rows = []
            for obj in s.scalars(select(kind.model).where(kind.model.location_id == lid)):
                row = {}
                for f in kind.fields:
                    value = getattr(obj, f.name)
                    if f.type == "ref" and value is not None:
                        target = KINDS[f.ref]
                        value = getattr(s.get(target.model, value), target.number_field)
                    row[f.name] = value
                if kind.key == "clients":
                    row["search_name"] = obj.search_name
                if kind.key == "contacts":
                    row["topics"] = [t.name for t in obj.topics]
                rows.append(row)
            out[kind.key] = sorted(rows, key=repr)
        out["own topics"] = own_topics(s, lid)
        out["topic groups"] = topic_groups(s, lid)
        return out
