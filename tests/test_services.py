"""The write path: validation, audit, location scoping, conflicts."""

import datetime as dt

import pytest
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, ConflictError, ValidationError
from vwdesk.core.services import base
from tests.conftest import Office


def new_client(office, actor=None, **values):
    values = {"number": "C1", "first_name": "Amal", "last_name": "Al-Hassan", **values}
    with office.db.session() as s:
        return base.create(s, actor or office.volunteer, "clients", office.location_id, values)


def test_create_records_who_and_audits_without_note_text(office):
    client = new_client(office, note="vertrouwelijk verhaal")
    assert client.created_by_id == office.volunteer.user_id
    assert client.version == 1
    assert client.search_name == "amal al hassan"
    with office.db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(
            m.AuditEntry.table_name == "clients", m.AuditEntry.action == "create")).one()
    assert entry.user_id == office.volunteer.user_id
    assert entry.row_id == client.id
    assert entry.changes["first_name"] == [None, "Amal"]
    assert entry.changes["note"] == [None, "<tekst>"]
    assert "vertrouwelijk" not in str(entry.changes)


def test_update_audits_old_and_new_values(office):
    client = new_client(office)
    with office.db.session() as s:
        updated = base.update(s, office.teamleader, "clients", client.id, client.version,
                              {"first_name": "Amaal"})
    assert updated.version == 2
    assert updated.updated_by_id == office.teamleader.user_id
    with office.db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "update")).one()
    assert entry.changes == {"first_name": ["Amal", "Amaal"]}
    assert entry.user_id == office.teamleader.user_id


def test_stale_write_raises_conflict_naming_who_changed_it(office):
    client = new_client(office)
    with office.db.session() as s:  # another PC saves first
        base.update(s, office.teamleader, "clients", client.id, client.version, {"first_name": "B"})
    with pytest.raises(ConflictError) as err, office.db.session() as s:
        base.update(s, office.volunteer, "clients", client.id, client.version, {"first_name": "C"})
    assert "Teamleider" in err.value.message
    with office.db.session() as s:
        assert s.get(m.Client, client.id).first_name == "B"


def test_update_of_a_removed_record_is_a_conflict(office):
    client = new_client(office)
    with office.db.session() as s:
        base.delete(s, office.teamleader, "clients", client.id, client.version)
    with pytest.raises(ConflictError, match="verwijderd"), office.db.session() as s:
        base.update(s, office.volunteer, "clients", client.id, client.version, {"first_name": "C"})


def test_delete_is_audited(office):
    client = new_client(office)
    with office.db.session() as s:
        base.delete(s, office.teamleader, "clients", client.id, client.version, reason="dubbel")
    with office.db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "delete")).one()
    assert entry.reason == "dubbel" and entry.changes["first_name"] == ["Amal", None]


def test_volunteer_cannot_write_at_another_location(db):
    a, b = Office(db, "Aaa"), Office(db, "Bbb")
    with pytest.raises(AccessDenied), db.session() as s:
        base.create(s, a.volunteer, "clients", b.location_id, {"number": "X"})


def test_volunteer_cannot_change_year_figures(office):
    with pytest.raises(AccessDenied), office.db.session() as s:
        base.create(s, office.volunteer, "year_figures", office.location_id,
                    {"year": 2018, "key": "huisvesting.taakstelling", "value": 10})


@pytest.mark.parametrize("kind, values, field, fragment", [
    ("contacts", {"date": dt.date(2018, 1, 1), "kind": "spreekuur"}, "client_id", "óf"),
    ("contacts", {"date": dt.date(2018, 1, 1), "kind": "spreekuur", "person_label": "p1",
                  "client_id": -1}, "client_id", "óf"),
    ("contacts", {"date": dt.date(2018, 1, 1), "kind": "balie", "person_label": "p"}, "kind",
     "kies uit"),
    ("contacts", {"kind": "spreekuur", "person_label": "p"}, "date", "verplicht"),
    ("trajectories", {"client_id": 1, "kind": "mb-jaar-1", "start": dt.date(2018, 5, 1),
                      "end": dt.date(2018, 4, 1)}, "end", "vóór"),
    ("volunteers", {"number": "V", "kind": "vrijwilliger", "start": dt.date(2018, 5, 1),
                    "end": dt.date(2017, 1, 1)}, "end", "vóór"),
    ("dossiers", {"number": "D", "client_id": 1, "kind": "gezinshereniging",
                  "opened_on": dt.date(2018, 5, 1), "closed_on": dt.date(2018, 1, 1)},
     "closed_on", "vóór"),
    ("dossiers", {"number": "D", "client_id": 1, "kind": "gezinshereniging",
                  "opened_on": dt.date(2018, 5, 1), "outcome": "herenigd"}, "closed_on",
     "sluitdatum"),
    ("couplings", {"number": "K", "programme_id": 1, "signed_up_on": dt.date(2018, 5, 1),
                   "started_on": dt.date(2018, 4, 1)}, "started_on", "vóór"),
    ("couplings", {"number": "K", "programme_id": 1, "signed_up_on": dt.date(2018, 1, 1),
                   "started_on": dt.date(2018, 2, 1), "ended_on": dt.date(2018, 3, 1)},
     "result", "resultaat"),
    ("couplings", {"number": "K", "programme_id": 1, "signed_up_on": dt.date(2018, 1, 1),
                   "result": "afgerond", "ended_on": dt.date(2018, 3, 1)}, "started_on", "gestart"),
    ("clients", {"number": "C", "gender": "q"}, "gender", "kies uit"),
    ("clients", {"number": "C", "nationality": "Atlantis"}, "nationality", "onbekend"),
    ("clients", {"number": "C", "birth_date": dt.date(2999, 1, 1)}, "birth_date", "toekomst"),
    ("clients", {"number": "C", "birth_date": dt.date(2000, 1, 1),
                 "housed_on": dt.date(1999, 1, 1)}, "housed_on", "vóór"),
    ("clients", {"number": "C", "first_name": "x" * 101}, "first_name", "te lang"),
    ("clients", {"first_name": "Zonder nummer"}, "number", "verplicht"),
    ("contacts", {"date": dt.date(2018, 1, 1), "kind": "spreekuur", "person_label": "p",
                  "duration_minutes": -5}, "duration_minutes", "negatief"),
    ("year_figures", {"year": 2018, "key": "huisvesting.personen", "value": 3,
                      "mode": "vervangt"}, "note", "toelichting"),
    ("year_figures", {"year": 2018, "key": "huisvesting.taakstelling", "value": 3,
                      "half": 3}, "half", "1 of 2"),
])
def test_validation_rules_give_a_dutch_message_per_field(office, kind, values, field, fragment):
    with pytest.raises(ValidationError) as err, office.db.session() as s:
        base.create(s, office.teamleader, kind, office.location_id, values)
    assert field in err.value.errors
    assert fragment in err.value.errors[field]


def test_reference_to_another_locations_client_is_refused(db):
    a, b = Office(db, "Aaa"), Office(db, "Bbb")
    other = new_client(b)
    with pytest.raises(ValidationError) as err, db.session() as s:
        base.create(s, a.volunteer, "contacts", a.location_id,
                    {"date": dt.date(2018, 1, 1), "kind": "spreekuur", "client_id": other.id})
    assert "bestaat niet" in err.value.errors["client_id"]


def test_duplicate_number_is_refused(office):
    new_client(office)
    with pytest.raises(ValidationError, match="al in gebruik"):
        new_client(office)


def test_failed_write_changes_nothing(office):
    with pytest.raises(ValidationError), office.db.session() as s:
        base.create(s, office.volunteer, "clients", office.location_id, {"number": "OK"})
        base.create(s, office.volunteer, "clients", office.location_id, {"number": "OK"})
    with office.db.session() as s:
        assert s.scalars(select(m.Client)).all() == []
