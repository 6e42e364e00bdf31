"""Need to know (issue point 1): reasons, the access log, the daily warning."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, ValidationError
from vwdesk.privacy.access import (
    ACCESS_REASONS,
    AccessSession,
    access_log,
    heavy_users,
    list_fields,
    needs_reason,
    record_page_open,
    users_with_views,
)
from vwdesk.privacy.settings import update_settings


def test_reason_asked_once_per_client_per_session(office, fill):
    a, b = fill.client("A1"), fill.client("B2")
    session = AccessSession()
    assert needs_reason(session, a)
    record_page_open(office.db, office.volunteer, a, ACCESS_REASONS[0], session)
    assert not needs_reason(session, a) and needs_reason(session, b)
    record_page_open(office.db, office.volunteer, a, session.reason_for(a), session)
    assert needs_reason(AccessSession(), a)  # a new login asks again
    with office.db.session() as s:
        rows = s.execute(select(m.AuditEntry.user_id, m.AuditEntry.row_id, m.AuditEntry.reason)
                         .where(m.AuditEntry.action == "view")).all()
    assert rows == [(office.volunteer.user_id, a, ACCESS_REASONS[0])] * 2


def test_reason_is_required_and_other_needs_text(office, fill):
    a = fill.client("A1")
    for bad in ("", "   ", "Anders, namelijk…", "Anders, namelijk…: "):
        with pytest.raises(ValidationError):
            record_page_open(office.db, office.volunteer, a, bad)
    record_page_open(office.db, office.volunteer, a, "Anders, namelijk…: brief van de gemeente")


def test_other_location_cannot_be_opened(office, fill, db):
    from vwdesk.core.services.base import Actor

    stranger = Actor(None, "elders", "vrijwilliger", office.location_id + 1000)
    a = fill.client("A1")
    with pytest.raises(AccessDenied):
        record_page_open(db, stranger, a, ACCESS_REASONS[0])


def test_teamleader_sees_log_per_client_and_per_user(office, fill):
    a, b = fill.client("A1"), fill.client("B2")
    record_page_open(office.db, office.volunteer, a, ACCESS_REASONS[1])
    record_page_open(office.db, office.teamleader, a, ACCESS_REASONS[3])
    record_page_open(office.db, office.volunteer, b, ACCESS_REASONS[2])
    with office.db.session() as s:
        per_client = access_log(s, office.teamleader, office.location_id, client_id=a)
        per_user = access_log(s, office.teamleader, office.location_id,
                              user_id=office.volunteer.user_id)
        users = users_with_views(s, office.teamleader, office.location_id)
        with pytest.raises(AccessDenied):
            access_log(s, office.volunteer, office.location_id)
    assert [(e.user, e.reason) for e in per_client] == [
        ("Teamleider", ACCESS_REASONS[3]), ("Vrijwilliger", ACCESS_REASONS[1])]
    assert [e.client_number for e in per_user] == ["B2", "A1"]
    assert [name for _, name in users] == ["Teamleider", "Vrijwilliger"]


def test_warning_when_a_user_opens_many_pages_in_a_day(office, fill):
    with office.db.session() as s:
        update_settings(s, office.teamleader, office.location_id, {"access_warning_threshold": 3})
    clients = [fill.client(f"N{i}") for i in range(5)]
    for cid in clients[:4]:
        record_page_open(office.db, office.volunteer, cid, ACCESS_REASONS[0])
    record_page_open(office.db, office.volunteer, clients[0], ACCESS_REASONS[0])  # same page again
    for cid in clients[:3]:
        record_page_open(office.db, office.teamleader, cid, ACCESS_REASONS[0])
    # Yesterday's openings count for yesterday.
    with office.db.session() as s:
        s.execute(update(m.AuditEntry).where(m.AuditEntry.action == "view",
                                             m.AuditEntry.row_id == clients[4])
                  .values(at=dt.datetime(2020, 1, 1, 12)))
    record_page_open(office.db, office.volunteer, clients[4], ACCESS_REASONS[0])
    with office.db.session() as s:
        s.execute(update(m.AuditEntry).where(m.AuditEntry.action == "view",
                                             m.AuditEntry.row_id == clients[4])
                  .values(at=dt.datetime(2020, 1, 1, 12)))
        warnings = heavy_users(s, office.teamleader, office.location_id)
    assert [(w.user, w.pages) for w in warnings] == [("Vrijwilliger", 4)]
    assert warnings[0].day == dt.datetime.now(dt.UTC).date()


def test_lists_show_no_contact_details_or_notes():
    assert "phone" not in list_fields("clients") and "note" not in list_fields("clients")
    assert "first_name" in list_fields("clients")
    assert "note" not in list_fields("contacts")
