"""Retention and anonymisation (issue point 2) and erasure on request (3)."""

from __future__ import annotations

import datetime as dt

import pytest
from privacy_helpers import report_relevant_snapshot
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, ValidationError
from vwdesk.core.services.base import update
from vwdesk.privacy.retention import erase_client, locations_due, pseudonyms, run_retention
from vwdesk.privacy.settings import update_settings
from tests.conftest import Office

D = dt.date


@pytest.fixture
def scenario(fill):
    """Old and recent clients, a person without a file, volunteers."""
    dw = fill.add("dwellings", number="W1", address="Dorpsstraat 1", available_on=D(2015, 1, 1))
    old = fill.client("C-OLD", phone="0611111111", housed_on=D(2015, 2, 1), dwelling_id=dw)
    fill.topics(fill.contact(D(2015, 3, 1), client_id=old), "financiën", "brieven")
    fill.add("dossiers", number="GH-1", client_id=old, kind="gezinshereniging",
             opened_on=D(2015, 3, 1), closed_on=D(2016, 4, 1), outcome="herenigd",
             family_members=3, note="vader en twee kinderen")
    fill.add("trajectories", client_id=old, kind="mb-jaar-1", start=D(2015, 2, 1),
             end=D(2016, 2, 1))
    recent = fill.client("C-NEW", first="Yonas", last="Tesfay", housed_on=D(2015, 2, 1),
                         dwelling_id=dw)
    fill.contact(D(2023, 6, 1), client_id=recent)
    open_case = fill.client("C-OPEN", first="Samir", last="Aziz", housed_on=D(2014, 1, 1))
    fill.add("dossiers", number="GH-2", client_id=open_case, kind="gezinshereniging",
             opened_on=D(2014, 1, 1))
    for day in (D(2015, 1, 5), D(2015, 6, 5)):
        fill.topics(fill.contact(day, label="Fatima K."), "werk")
    fill.contact(D(2015, 7, 1), label="fatima k.")
    fill.contact(D(2016, 1, 1), label="Omar")
    fill.contact(D(2021, 1, 1), label="Omar")  # Omar is still around
    gone = fill.add("volunteers", number="V1", first_name="Els", last_name="de Vries",
                    kind="vrijwilliger", team="mb-juridisch", start=D(2016, 1, 1),
                    end=D(2020, 12, 31))
    stays = fill.add("volunteers", number="V2", first_name="Piet", last_name="Jansen",
                     kind="stagiair", team="mb-juridisch", start=D(2020, 1, 1))
    return dict(dwelling=dw, old=old, recent=recent, open_case=open_case, gone=gone, stays=stays)


AS_OF = D(2023, 7, 1)


def test_dry_run_lists_without_changing(office, scenario):
    before = report_relevant_snapshot(office.db)
    result = run_retention(office.db, office.teamleader, as_of=AS_OF, dry_run=True)
    assert [c.client_id for c in result.clients] == [scenario["old"]]
    assert result.clients[0].last_activity == D(2016, 4, 1)
    assert sorted(p.contacts for p in result.persons) == [1, 2]  # Fatima K., fatima k.
    assert [v.volunteer_id for v in result.volunteers] == [scenario["gone"]]
    with office.db.session() as s:
        assert s.get(m.Client, scenario["old"]).first_name == "Amira"
        assert s.scalar(select(m.AuditEntry).where(m.AuditEntry.action == "anonymise")) is None
    assert report_relevant_snapshot(office.db) == before


def test_run_anonymises_expired_and_keeps_the_figures(office, scenario):
    before = report_relevant_snapshot(office.db)
    result = run_retention(office.db, office.teamleader, as_of=AS_OF)
    assert result.total == 4 and result.dwellings == 0  # C-NEW still lives in W1
    after = report_relevant_snapshot(office.db)
    assert after == before
    with office.db.session() as s:
        old = s.get(m.Client, scenario["old"])
        assert (old.first_name, old.last_name, old.phone, old.email, old.note) == (None,) * 5
        assert old.number == f"anon-{old.id}" and old.anonymised_at is not None
        assert (old.birth_date, old.gender, old.nationality, old.housed_on) == (
            D(1990, 5, 1), "v", "SY", D(2015, 2, 1))
        assert all(d.note is None for d in s.scalars(
            select(m.Dossier).where(m.Dossier.client_id == old.id)))
        assert all(c.note is None for c in s.scalars(
            select(m.Contact).where(m.Contact.client_id == old.id)))
        for cid in (scenario["recent"], scenario["open_case"]):
            assert s.get(m.Client, cid).anonymised_at is None
        labels = sorted(s.scalars(select(m.Contact.person_label).where(
            m.Contact.person_label.is_not(None)).distinct()))
        assert labels.count("Omar") == 1
        anon = [lab for lab in labels if lab.startswith("anon-")]
        assert len(anon) == 2 and anon[0].lower() == anon[1].lower()
        assert s.get(m.Volunteer, scenario["gone"]).first_name is None
        assert s.get(m.Volunteer, scenario["stays"]).first_name == "Piet"
        entries = s.execute(select(m.AuditEntry.table_name, m.AuditEntry.reason).where(
            m.AuditEntry.action == "anonymise")).all()
        assert ("clients", "bewaartermijn cliënten: 7 jaar na laatste activiteit") in entries
        assert ("volunteers", "bewaartermijn medewerkers: 2 jaar na einde") in entries
        assert sum(t == "contacts" for t, _ in entries) == 3
        # No personal value left anywhere in the audit log.
        dump = repr(s.execute(select(m.AuditEntry.changes, m.AuditEntry.reason)).all())
        for secret in ("Amira", "Haddad", "0611111111", "C-OLD@example.org", "Fatima", "fatima",
                       "Els", "de Vries", "C-OLD'"):
            assert secret not in dump
    again = run_retention(office.db, office.teamleader, as_of=AS_OF)
    assert again.total == 0
    assert office.location_id not in locations_due(office.db)


def test_a_teamleaders_run_leaves_the_other_locations_due(office):
    """A teamleader runs retention for their own location (e.g. `vwdesk
    privacy run`); the app's daily run at start still does the others."""
    from vwdesk.core.services.base import audit
    from vwdesk.core.services.users import SYSTEM
    from vwdesk.privacy.startup import run_startup_checks

    other = Office(office.db, "Elders")
    with office.db.session() as s:  # an entry without a location stands for none of them
        audit(s, SYSTEM, "retention", "privacy", None, location_id=None)
    assert set(locations_due(office.db)) >= {office.location_id, other.location_id}
    run_retention(office.db, office.teamleader)
    due = locations_due(office.db)
    assert office.location_id not in due and other.location_id in due
    run_startup_checks(office.db)
    assert locations_due(office.db) == []
    with office.db.session() as s:
        runs = s.scalars(select(m.AuditEntry.location_id).where(
            m.AuditEntry.action == "retention", m.AuditEntry.location_id.is_not(None))).all()
    assert sorted(runs) == sorted([office.location_id, other.location_id])  # each once


def test_dwelling_address_cleared_when_its_household_is_gone(office, scenario):
    run_retention(office.db, office.teamleader, as_of=D(2031, 1, 1))
    with office.db.session() as s:
        assert s.get(m.Client, scenario["recent"]).anonymised_at is not None
        assert s.get(m.Client, scenario["open_case"]).anonymised_at is None  # open dossier
        assert s.get(m.Dwelling, scenario["dwelling"]).address is None
        assert s.get(m.Dwelling, scenario["dwelling"]).number == "W1"


def test_retention_periods_come_from_the_settings(office, scenario):
    with office.db.session() as s:
        update_settings(s, office.teamleader, office.location_id,
                        {"client_years": 10, "volunteer_years": 5})
    result = run_retention(office.db, office.teamleader, as_of=AS_OF, dry_run=True)
    assert result.clients == [] and result.volunteers == []
    assert len(result.persons) == 2  # person_years is still 7
    with pytest.raises(ValidationError):
        with office.db.session() as s:
            update_settings(s, office.teamleader, office.location_id, {"client_years": 0})


def test_volunteer_may_not_run_or_erase(office, scenario):
    with pytest.raises(AccessDenied):
        run_retention(office.db, office.volunteer, as_of=AS_OF)
    with pytest.raises(AccessDenied):
        erase_client(office.db, office.volunteer, scenario["recent"], "verzoek")


def test_erase_on_request(office, scenario):
    erase_client(office.db, office.teamleader, scenario["recent"], "mail van 3 maart")
    with office.db.session() as s:
        c = s.get(m.Client, scenario["recent"])
        assert c.first_name is None and c.anonymised_at is not None
        reason = s.scalar(select(m.AuditEntry.reason).where(
            m.AuditEntry.action == "anonymise", m.AuditEntry.row_id == c.id,
            m.AuditEntry.table_name == "clients"))
        assert reason == "verzoek van de cliënt: mail van 3 maart"
    with pytest.raises(ValidationError):
        erase_client(office.db, office.teamleader, scenario["recent"], "nogmaals")


def test_nothing_is_typed_back_into_an_erased_file(office, scenario):
    """The erased client is not changed and gets nothing new, whatever screen
    or command asks; what is there may still be removed."""
    from vwdesk.core.services import base, contacts

    client = scenario["recent"]
    with office.db.session() as s:
        dossier = base.create(s, office.teamleader, "dossiers", office.location_id, {
            "number": "D-99", "client_id": client, "kind": "asiel",
            "opened_on": dt.date(2024, 1, 1)})
        dossier_id = dossier.id
    erase_client(office.db, office.teamleader, client, "mail van 3 maart")
    with office.db.session() as s:
        version = s.get(m.Client, client).version
    attempts = [
        lambda s: update(s, office.teamleader, "clients", client, version, {"first_name": "X"}),
        lambda s: contacts.register(s, office.volunteer, office.location_id, {
            "date": dt.date(2025, 1, 2), "kind": "spreekuur", "client_id": client}, []),
        lambda s: update(s, office.teamleader, "dossiers", dossier_id,
                         s.get(m.Dossier, dossier_id).version, {"note": "terug"}),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="geanonimiseerd"):
            with office.db.session() as s:
                attempt(s)
    with office.db.session() as s:
        base.delete(s, office.teamleader, "dossiers", dossier_id,
                    s.get(m.Dossier, dossier_id).version)
        assert s.get(m.Client, client).first_name is None


def test_correction_goes_through_the_write_path(office, scenario):
    with office.db.session() as s:
        c = s.get(m.Client, scenario["recent"])
        update(s, office.teamleader, "clients", c.id, c.version, {"phone": "0687654321"})
    with office.db.session() as s:
        assert s.get(m.Client, scenario["recent"]).phone == "0687654321"


def test_open_form_after_anonymisation_gets_a_conflict(office, scenario):
    with office.db.session() as s:
        version = s.get(m.Client, scenario["old"]).version
    run_retention(office.db, office.teamleader, as_of=AS_OF)
    from vwdesk.core.errors import ConflictError
    with pytest.raises(ConflictError):
        with office.db.session() as s:
            update(s, office.teamleader, "clients", scenario["old"], version, {"first_name": "X"})


def test_pseudonyms_keep_distinctness():
    names = pseudonyms(["Jan", "jan", "JAN", "Piet"])
    assert len(set(names.values())) == 4
    assert len({v.lower() for v in names.values()}) == 2
    assert all(v.startswith("anon-") and "jan" not in v.lower() for v in names.values())


def test_teamleader_run_touches_only_their_location(office, scenario, db):
    from privacy_helpers import Filler
    from vwdesk.core.services.locations import create_location
    from vwdesk.core.services.users import SYSTEM, actor_for, create_user

    with db.session() as s:
        other = create_location(s, SYSTEM, "Elders")
        other_tl = actor_for(create_user(s, SYSTEM, "tl-elders", "geheim-wachtwoord",
                                         "teamleider", other.id))
        other_id = other.id

    class OtherOffice:
        pass

    o = OtherOffice()
    o.db, o.location_id, o.teamleader = db, other_id, other_tl
    elsewhere = Filler(o).client("E-OLD", housed_on=D(2010, 1, 1))
    result = run_retention(db, office.teamleader, as_of=AS_OF)
    assert {c.location for c in result.clients} == {"Testdorp"}
    with db.session() as s:
        assert s.get(m.Client, elsewhere).anonymised_at is None
