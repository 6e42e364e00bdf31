"""Need to know: who opened which client's full page, when and why.

The GUI keeps one `AccessSession` per login. The first time a user opens a
given client's full page in that session it asks for a reason (`needs_reason`)
and records it; every later opening in the same session is recorded too,
with the reason given the first time. Entries are audit-log rows with action
"view" on table "clients", so the trail sits beside every other change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Date, cast, func, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import NotFound, ValidationError
from vwdesk.core.records import KINDS
from vwdesk.core.services.base import Actor, audit
from vwdesk.privacy.settings import get_settings

ACCESS_REASONS: list[str] = [
    "Spreekuur / bezoek van de cliënt",
    "Juridische vraag of dossier",
    "Koppeling of traject",
    "Correctie van gegevens",
    "Verzoek van de cliënt (inzage/correctie)",
    "Anders, namelijk…",
]
OTHER_REASON = ACCESS_REASONS[-1]
MAX_REASON_LENGTH = 300

# Fields a volunteer's lists never show: contact details and notes.
LIST_HIDDEN_FIELDS = frozenset({"phone", "email", "note"})


@dataclass
class AccessSession:
    """The client pages opened during one login, with the reason given."""

    reasons: dict[int, str] = field(default_factory=dict)

    def __contains__(self, client_id: object) -> bool:
        return client_id in self.reasons

    def reason_for(self, client_id: int) -> str | None:
        return self.reasons.get(client_id)


def needs_reason(session_state: AccessSession, client_id: int) -> bool:
    """True the first time this login opens this client's full page."""
    return client_id not in session_state


def list_fields(kind_key: str) -> list[str]:
    """The fields a list of `kind_key` may show: no contact details, no notes."""
    return [f.name for f in KINDS[kind_key].fields
            if f.name not in LIST_HIDDEN_FIELDS and not f.free_text]


def clean_reason(reason: str | None) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Geef een reden waarom u deze cliëntpagina opent.", field="reason")
    if reason.startswith(OTHER_REASON):
        rest = reason[len(OTHER_REASON):].strip(" :")
        if not rest:
            raise ValidationError("Vul bij \"Anders, namelijk…\" de reden in.", field="reason")
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            f"De reden is te lang; gebruik hoogstens {MAX_REASON_LENGTH} tekens.", field="reason")
    return reason


def record_page_open(db: Database, actor: Actor, client_id: int, reason: str,
                     session_state: AccessSession | None = None) -> None:
    """Record that `actor` opened the full page of a client, and why."""
    reason = clean_reason(reason)
    with db.session() as s:
        client = s.get(m.Client, client_id)
        if client is None:
            raise NotFound("Deze cliënt bestaat niet (meer).")
        actor.check_location(client.location_id)
        audit(s, actor, "view", "clients", client_id, location_id=client.location_id,
              reason=reason)
    if session_state is not None:
        session_state.reasons.setdefault(client_id, reason)


# --- the teamleader's view ---------------------------------------------------

@dataclass(frozen=True)
class AccessEntry:
    at: dt.datetime
    user: str
    client_id: int
    client_number: str
    reason: str


def _day(s: Session):
    """The calendar day (UTC) of an audit entry, in the dialect's own terms."""
    if s.get_bind().dialect.name == "sqlite":
        return func.date(m.AuditEntry.at)
    return cast(m.AuditEntry.at, Date)


def _views(actor: Actor, location_id: int):
    actor.require_teamleader()
    actor.check_location(location_id)
    user_name = func.coalesce(m.User.display_name, m.User.username, "systeem")
    return (
        select(m.AuditEntry.at, user_name, m.AuditEntry.row_id, m.Client.number,
               m.AuditEntry.reason)
        .join(m.Client, m.Client.id == m.AuditEntry.row_id)
        .outerjoin(m.User, m.User.id == m.AuditEntry.user_id)
        .where(m.AuditEntry.action == "view", m.AuditEntry.table_name == "clients",
               m.AuditEntry.location_id == location_id)
        .order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
    )


def access_log(s: Session, actor: Actor, location_id: int, *, client_id: int | None = None,
               user_id: int | None = None, since: dt.datetime | None = None,
               limit: int = 500) -> list[AccessEntry]:
    """Openings of client pages at a location, newest first; for one client
    and/or one user when given."""
    q = _views(actor, location_id)
    if client_id is not None:
        q = q.where(m.AuditEntry.row_id == client_id)
    if user_id is not None:
        q = q.where(m.AuditEntry.user_id == user_id)
    if since is not None:
        q = q.where(m.AuditEntry.at >= since)
    return [AccessEntry(*row) for row in s.execute(q.limit(limit))]


@dataclass(frozen=True)
class UserAccessCount:
    user_id: int | None
    user: str
    day: dt.date
    pages: int  # distinct clients opened that day


def heavy_users(s: Session, actor: Actor, location_id: int, *,
                since: dt.date | None = None) -> list[UserAccessCount]:
    """Users who opened more distinct client pages in one day than the
    location's threshold, newest day first."""
    actor.require_teamleader()
    actor.check_location(location_id)
    threshold = get_settings(s, location_id).access_warning_threshold
    day = _day(s).label("day")
    pages = func.count(func.distinct(m.AuditEntry.row_id))
    q = (
        select(m.AuditEntry.user_id, day, pages)
        .where(m.AuditEntry.action == "view", m.AuditEntry.table_name == "clients",
               m.AuditEntry.location_id == location_id)
        .group_by(m.AuditEntry.user_id, day)
        .having(pages > threshold)
        .order_by(day.desc(), pages.desc())
    )
    if since is not None:
        q = q.where(m.AuditEntry.at >= dt.datetime.combine(since, dt.time()))
    rows = s.execute(q).all()
    names = dict(s.execute(select(m.User.id, func.coalesce(m.User.display_name, m.User.username))
                           .where(m.User.id.in_({r[0] for r in rows if r[0] is not None}))).all())
    out = []
    for user_id, d, n in rows:
        if isinstance(d, str):
            d = dt.date.fromisoformat(d)
        out.append(UserAccessCount(user_id, names.get(user_id, "systeem"), d, n))
    return out


def users_with_views(s: Session, actor: Actor, location_id: int) -> list[tuple[int, str]]:
    """Users who opened client pages at this location (for the per-user view)."""
    actor.require_teamleader()
    actor.check_location(location_id)
    q = (
        select(m.User.id, func.coalesce(m.User.display_name, m.User.username))
        .where(m.User.id.in_(
            select(m.AuditEntry.user_id).where(
                m.AuditEntry.action == "view", m.AuditEntry.table_name == "clients",
                m.AuditEntry.location_id == location_id)))
        .order_by(func.lower(m.User.username))
    )
    return [(uid, name) for uid, name in s.execute(q)]
