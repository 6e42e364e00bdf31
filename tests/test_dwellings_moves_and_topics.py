"""The registrations behind the new report figures: a dwelling's complex,
status and woonkern; a client's moves between dwellings (the dwelling
history); topics a beheerder adds for one location, and topic groups. Each
through the audited write path, in the exchange workbook (export → import
keeps them), in the inzage and under the retention rules."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from tests.conftest import Office
from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, ValidationError
from vwdesk.core.services import contacts
from vwdesk.core.services.base import create
from vwdesk.core.services.moves import dwelling_history, register_move
from vwdesk.core.services.topics import (
    add_topic,
    own_topics,
    set_topic_group,
    topic_groups,
    topics_of,
)
from vwdesk.core.services.users import SYSTEM

D = dt.date


def add(office: Office, kind: str, /, **values):
    with office.db.session() as s:
        return create(s, office.teamleader, kind, office.location_id, values).id


def test_a_dwelling_has_a_complex_a_status_and_a_woonkern(office):
    w = add(office, "dwellings", number="W1", available_on=D(2018, 1, 1), complex="De Kade",
            status="tijdelijk", village="Maasland")
    with office.db.session() as s:
        d = s.get(m.Dwelling, w)
        assert (d.complex, d.status, d.village) == ("De Kade", "tijdelijk", "Maasland")
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.table_name == "dwellings")).one()
        assert entry.changes["status"] == [None, "tijdelijk"]
    with pytest.raises(ValidationError) as err:
        add(office, "dwellings", number="W2", available_on=D(2018, 1, 1), status="container")
    assert err.value.errors["status"] == ("Status \"container\" bestaat niet; kies uit: "
                                          "tijdelijk, sloop, woningdeling.")


def test_moves_make_a_dwelling_history(office):
    temp = add(office, "dwellings", number="T1", available_on=D(2017, 1, 1), status="tijdelijk",
               address="Noodweg 1")
    home = add(office, "dwellings", number="V1", available_on=D(2018, 1, 1), address="Laan 2")
    client = add(office, "clients", number="C1", housed_on=D(2017, 3, 1), dwelling_id=temp)
    with office.db.session() as s:
        move = register_move(s, office.volunteer, client, D(2018, 6, 1), home)
        assert move.from_dwelling_id == temp  # from where the client lived
    with office.db.session() as s:
        history = dwelling_history(s, office.volunteer, client)
    assert [(r.since, r.number, r.status) for r in history] == [
        (D(2017, 3, 1), "T1", "tijdelijk"), (D(2018, 6, 1), "V1", None)]
    with pytest.raises(ValidationError) as err, office.db.session() as s:
        register_move(s, office.volunteer, client, D(2018, 5, 1), temp)
    assert err.value.errors["date"] == ("Datum (01-05-2018) ligt vóór 01-06-2018, toen de "
                                        "cliënt in de vorige woning kwam; kies een datum op of "
                                        "na 01-06-2018.")
    with pytest.raises(ValidationError) as err, office.db.session() as s:
        register_move(s, office.volunteer, client, D(2018, 7, 1), home)
    assert "Naar woning is dezelfde als van woning" in err.value.errors["to_dwelling_id"]
    other = Office(office.db, "Elders")
    with pytest.raises(AccessDenied), office.db.session() as s:
        dwelling_history(s, other.teamleader, client)


def test_a_beheerder_adds_topics_for_one_location_and_a_teamleader_groups_them(office):
    other = Office(office.db, "Elders")
    with office.db.session() as s:
        with pytest.raises(AccessDenied):
            add_topic(s, office.teamleader, office.location_id, "taalcafé")
        tid = add_topic(s, SYSTEM, office.location_id, " taalcafé ")
        with pytest.raises(ValidationError, match="staat al in de lijst"):
            add_topic(s, SYSTEM, office.location_id, "Werk")
    with office.db.session() as s:
        assert (tid, "taalcafé") in topics_of(s, office.location_id)
        assert "taalcafé" not in dict(topics_of(s, other.location_id)).values()
        assert own_topics(s, office.location_id) == ["taalcafé"]
        add_topic(s, SYSTEM, other.location_id, "taalcafé")  # the same topic, shared
        assert own_topics(s, other.location_id) == ["taalcafé"]
        set_topic_group(s, office.teamleader, office.location_id, "juridisch",
                        ["gezinshereniging", "naturalisatie"])
        with pytest.raises(ValidationError, match="staat niet in de lijst"):
            set_topic_group(s, office.teamleader, office.location_id, "x", ["bestaat-niet"])
        with pytest.raises(ValidationError, match="heet als een onderwerp"):
            set_topic_group(s, office.teamleader, office.location_id, "Werk", ["werk"])
        with pytest.raises(AccessDenied):
            set_topic_group(s, other.teamleader, office.location_id, "y", ["werk"])
    with office.db.session() as s:
        assert topic_groups(s, office.location_id) == {
            "juridisch": ["gezinshereniging", "naturalisatie"]}
        assert topic_groups(s, other.location_id) == {}
        audits = s.scalars(select(m.AuditEntry.table_name).where(
            m.AuditEntry.table_name.in_(("location_topics", "topic_groups")))).all()
        assert sorted(audits) == ["location_topics", "location_topics", "topic_groups"]
    # a contact may carry the location's own topic, not another location's
    client = add(office, "clients", number="C1")
    with office.db.session() as s:
        contacts.register(s, office.volunteer, office.location_id,
                          {"date": D(2018, 2, 1), "kind": "spreekuur", "client_id": client}, [tid])
        third = add_topic(s, SYSTEM, other.location_id, "fietsles")
    with pytest.raises(ValidationError, match="kies opnieuw"), office.db.session() as s:
        contacts.register(s, office.volunteer, office.location_id,
                          {"date": D(2018, 2, 1), "kind": "spreekuur", "client_id": client},
                          [third])


def test_the_workbook_keeps_dwellings_moves_topics_and_groups(office, tmp_path):
    from vwdesk.core.db import Database
    from vwdesk.exchange import apply_import, export_location, plan_import, read_workbook

    temp = add(office, "dwellings", number="T1", available_on=D(2017, 1, 1), status="sloop",
               complex="Containerdorp", village="Kern Oost")
    home = add(office, "dwellings", number="V1", available_on=D(2018, 1, 1))
    client = add(office, "clients", number="C1", housed_on=D(2017, 3, 1), dwelling_id=temp)
    with office.db.session() as s:
        register_move(s, office.volunteer, client, D(2018, 6, 1), home)
        tid = add_topic(s, SYSTEM, office.location_id, "taalcafé")
        set_topic_group(s, office.teamleader, office.location_id, "juridisch",
                        ["gezinshereniging", "naturalisatie"])
        set_topic_group(s, office.teamleader, office.location_id, "meedoen", ["taalcafé"])
        contacts.register(s, office.volunteer, office.location_id,
                          {"date": D(2018, 2, 1), "kind": "spreekuur", "client_id": client},
                          [tid])
    path = tmp_path / "uit.xlsx"
    counts = export_location(office.db, office.teamleader, "Testdorp", path)
    assert (counts["verhuizingen"], counts["onderwerpen"]) == (1, 3)
    target = Database(f"sqlite:///{tmp_path / 'leeg.sqlite'}")
    data = read_workbook(path)
    try:
        plan = plan_import(target, "Testdorp", data)
        assert plan.ok, plan.problems.lines()
        apply_import(target, SYSTEM, plan)
        again = plan_import(target, "Testdorp", data)  # importing again changes nothing
        assert not again.has_changes, again.summary_lines()
    finally:
        data.close()
    with target.session() as s:
        loc = s.scalar(select(m.Location.id).where(m.Location.name == "Testdorp"))
        dwellings = {d.number: (d.complex, d.status, d.village)
                     for d in s.scalars(select(m.Dwelling))}
        assert dwellings == {"T1": ("Containerdorp", "sloop", "Kern Oost"),
                             "V1": (None, None, None)}
        move = s.scalars(select(m.Move)).one()
        assert (move.date, s.get(m.Dwelling, move.from_dwelling_id).number,
                s.get(m.Dwelling, move.to_dwelling_id).number) == (D(2018, 6, 1), "T1", "V1")
        assert own_topics(s, loc) == ["taalcafé"]
        assert topic_groups(s, loc) == {"juridisch": ["gezinshereniging", "naturalisatie"],
                                        "meedoen": ["taalcafé"]}
        contact = s.scalars(select(m.Contact)).one()
        assert [t.name for t in contact.topics] == ["taalcafé"]
    target.close()


def test_a_teamleader_cannot_add_topics_through_an_import(office, tmp_path):
    from tests.exchange.exchange_data import write_xlsx
    from vwdesk.exchange import apply_import, plan_import, read_workbook
    from vwdesk.exchange.problems import ImportFailed

    path = write_xlsx(tmp_path / "o.xlsx", {"onderwerpen": [["naam", "groepen"],
                                                            ["werk", "meedoen"],
                                                            ["taalcafé", "meedoen"]]})
    data = read_workbook(path)
    try:
        plan = plan_import(office.db, "Testdorp", data)
        assert plan.ok and plan.sheets[0].added == 1 and plan.sheets[0].unchanged == 1
        with pytest.raises(ImportFailed) as err:
            apply_import(office.db, office.teamleader, plan)
    finally:
        data.close()
    assert any("taalcafé" in line and "is een nieuw onderwerp; alleen een beheerder kan "
               "onderwerpen toevoegen" in line for line in err.value.problems.lines())
    with office.db.session() as s:  # all or nothing: no group either
        assert topic_groups(s, office.location_id) == {}


def test_inzage_lists_the_moves_and_retention_clears_the_new_address(office, tmp_path):
    from vwdesk.privacy.inzage import write_inzage
    from vwdesk.privacy.retention import erase_client

    temp = add(office, "dwellings", number="T1", available_on=D(2017, 1, 1), address="Nood 1",
               status="tijdelijk")
    home = add(office, "dwellings", number="V1", available_on=D(2018, 1, 1), address="Laan 2",
               complex="De Kade")
    client = add(office, "clients", number="C1", housed_on=D(2017, 3, 1), dwelling_id=temp)
    with office.db.session() as s:
        register_move(s, office.volunteer, client, D(2018, 6, 1), home)
    out = write_inzage(office.db, office.teamleader, client, tmp_path / "inzage.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["moves"] == [{"date": "2018-06-01", "from_dwelling_id": "T1 Nood 1",
                              "to_dwelling_id": "V1 Laan 2"}]
    assert {h["table"] for h in data["history"]} >= {"clients", "moves"}
    write_inzage(office.db, office.teamleader, client, tmp_path / "inzage.pdf")
    erase_client(office.db, office.teamleader, client, "verzoek per brief")
    with office.db.session() as s:
        assert s.get(m.Dwelling, temp).address is None
        assert s.get(m.Dwelling, home).address is None  # moved there: cleared too
        assert s.get(m.Dwelling, home).complex == "De Kade"  # names no one: kept
        assert s.scalars(select(m.Move)).one().to_dwelling_id == home  # the report still counts
