"""Retention: anonymise what has been kept long enough, and erasure on request.

Rules (periods per location, `vwdesk.privacy.settings`):
- a client file (client, its contacts, dossiers, trajectories, couplings,
  moves) is anonymised `client_years` after the client's last activity: the
  latest contact, dossier, trajectory, coupling or move date, or the housing
  date. A client
  with an open dossier or a running coupling is still active and kept;
- a person without a file (contacts with a `person_label`) is anonymised
  `person_years` after that person's last contact; the label is replaced by a
  pseudonym, so "distinct persons" in a year report stays the same;
- a volunteer is anonymised `volunteer_years` after the end date.

Nothing of it stays readable in a SQLite file: every connection zeroes
what is deleted or overwritten (`secure_delete`, `core.db`) and the
write-ahead log is emptied after each run and erasure (`_wipe_log`).

Anonymising removes every field marked `personal` in `vwdesk.core.records`
(names, phone, e-mail, notes, person labels), replaces a client's number by
"anon-<id>", clears the address of a dwelling once all its clients (housed
or moved there) are anonymised, and scrubs those values from earlier audit
entries. A dwelling's complex, status and woonkern stay: they name no one. It keeps what
the year report counts: dates, birth date (age at housing), gender,
nationality, kinds, outcomes, topics, municipality, dwelling and coupling
links. Each anonymised record gets an audit entry (action "anonymise") with
the rule as reason.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import String, bindparam, cast, func, literal, select, union_all, update
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import NotFound, ValidationError
from vwdesk.core.models import utcnow
from vwdesk.core.records import KINDS
from vwdesk.core.services.base import Actor, audit
from vwdesk.core.services.users import SYSTEM
from vwdesk.privacy.settings import PrivacySettings, from_location

log = logging.getLogger(__name__)

ANON_PREFIX = "anon-"
REMOVED = "<verwijderd>"
CHUNK = 500
# Kinds that hang off a client and lose their personal fields with it.
CLIENT_CHILD_KINDS = ("contacts", "dossiers", "trajectories", "couplings")


def rule_clients(years: int) -> str:
    return f"bewaartermijn cliënten: {years} jaar na laatste activiteit"


def rule_persons(years: int) -> str:
    return f"bewaartermijn personen zonder dossier: {years} jaar na laatste contact"


def rule_volunteers(years: int) -> str:
    return f"bewaartermijn medewerkers: {years} jaar na einde"


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class ExpiredClient:
    location: str
    client_id: int
    number: str
    last_activity: dt.date | None


@dataclass(frozen=True)
class ExpiredPerson:
    location: str
    contacts: int
    last_contact: dt.date


@dataclass(frozen=True)
class ExpiredVolunteer:
    location: str
    volunteer_id: int
    number: str
    end: dt.date


@dataclass
class RetentionResult:
    as_of: dt.date
    dry_run: bool
    clients: list[ExpiredClient] = field(default_factory=list)
    persons: list[ExpiredPerson] = field(default_factory=list)
    volunteers: list[ExpiredVolunteer] = field(default_factory=list)
    dwellings: int = 0

    @property
    def total(self) -> int:
        return len(self.clients) + len(self.persons) + len(self.volunteers)


# --- finding what has expired --------------------------------------------------

def _scan(s: Session, column):
    """`column` in a form SQLite will not use an index for. The contacts
    aggregates read (nearly) every row of a location: a plain table scan is
    2-3x faster there than walking an index and fetching each row."""
    return column + 0 if s.get_bind().dialect.name == "sqlite" else column


def _last_activity(s: Session, location_id: int):
    """(client id, latest activity date) for the clients of a location."""
    C, D, T, K = m.Contact, m.Dossier, m.Trajectory, m.Coupling
    cid = _scan(s, C.client_id)
    parts = [
        select(cid.label("cid"), func.max(C.date).label("d"))
        .where(_scan(s, C.location_id) == location_id, C.client_id.is_not(None)).group_by(cid),
        select(m.Client.id, m.Client.housed_on)
        .where(m.Client.location_id == location_id, m.Client.housed_on.is_not(None)),
    ]
    for model, cols in ((D, ("opened_on", "closed_on")), (T, ("start", "end")),
                        (m.Move, ("date",)),
                        (K, ("signed_up_on", "started_on", "evaluation_3m_on",
                             "evaluation_6m_on", "extended_on", "ended_on"))):
        for col in cols:
            c = getattr(model, col)
            parts.append(select(model.client_id, func.max(c))
                         .where(model.location_id == location_id, model.client_id.is_not(None),
                                c.is_not(None))
                         .group_by(model.client_id))
    acts = union_all(*parts).subquery()
    return select(acts.c.cid.label("cid"), func.max(acts.c.d).label("last")) \
        .group_by(acts.c.cid).subquery()


def _ongoing(location_id: int):
    """Clients with an open dossier or a coupling that has not ended."""
    return union_all(
        select(m.Dossier.client_id).where(m.Dossier.location_id == location_id,
                                          m.Dossier.closed_on.is_(None)),
        select(m.Coupling.client_id).where(m.Coupling.location_id == location_id,
                                           m.Coupling.client_id.is_not(None),
                                           m.Coupling.ended_on.is_(None)),
    )


def expired_clients(s: Session, loc: m.Location, as_of: dt.date,
                    cfg: PrivacySettings) -> list[ExpiredClient]:
    """Clients whose last activity lies before the cutoff, and clients with no
    activity at all created before it; not those with an open dossier or a
    running coupling. Two steps, so SQLite never joins a large aggregate."""
    cutoff = years_before(as_of, cfg.client_years)
    last = _last_activity(s, loc.id)
    done = select(m.Client.id).where(m.Client.location_id == loc.id,
                                     m.Client.anonymised_at.is_not(None))
    old = dict(s.execute(select(last.c.cid, last.c.last).where(
        last.c.last < cutoff, last.c.cid.not_in(done), last.c.cid.not_in(_ongoing(loc.id)))).all())
    found: list[ExpiredClient] = []
    ids = sorted(old)
    for chunk in _chunks(ids):
        for cid, number in s.execute(select(m.Client.id, m.Client.number).where(
                m.Client.id.in_(chunk), m.Client.location_id == loc.id)):
            found.append(ExpiredClient(loc.name, cid, number, _as_date(old[cid])))
    idle = select(m.Client.id, m.Client.number).where(
        m.Client.location_id == loc.id, m.Client.anonymised_at.is_(None),
        m.Client.housed_on.is_(None),
        m.Client.created_at < dt.datetime.combine(cutoff, dt.time()),
        *(~select(model.id).where(model.client_id == m.Client.id).exists()
          for model in (m.Contact, m.Dossier, m.Trajectory, m.Coupling)))
    found += [ExpiredClient(loc.name, cid, number, None) for cid, number in s.execute(idle)]
    return sorted(found, key=lambda c: c.client_id)


def _expired_labels(s: Session, loc: m.Location, as_of: dt.date, cfg: PrivacySettings):
    cutoff = years_before(as_of, cfg.person_years)
    C = m.Contact
    return s.execute(
        select(C.person_label, func.count(), func.max(C.date))
        .where(_scan(s, C.location_id) == loc.id, C.person_label.is_not(None),
               C.person_label.not_like(f"{ANON_PREFIX}%"))
        .group_by(C.person_label)
        .having(func.max(C.date) < cutoff)
        .order_by(func.max(C.date))
    ).all()


def expired_volunteers(s: Session, loc: m.Location, as_of: dt.date,
                       cfg: PrivacySettings) -> list[ExpiredVolunteer]:
    cutoff = years_before(as_of, cfg.volunteer_years)
    V = m.Volunteer
    q = (select(V.id, V.number, V.end)
         .where(V.location_id == loc.id, V.anonymised_at.is_(None), V.end.is_not(None),
                V.end < cutoff)
         .order_by(V.id))
    return [ExpiredVolunteer(loc.name, vid, number, _as_date(end)) for vid, number, end in s.execute(q)]


# --- anonymising ---------------------------------------------------------------

def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _personal(kind_key: str) -> list[str]:
    return [f.name for f in KINDS[kind_key].fields if f.personal]


def _scrub_audit(s: Session, table: str, row_ids: Sequence[int], names: set[str]) -> None:
    """Replace the values of `names` in earlier audit entries of these rows."""
    for chunk in _chunks(list(row_ids)):
        rows = s.execute(select(m.AuditEntry.id, m.AuditEntry.changes)
                         .where(m.AuditEntry.table_name == table,
                                m.AuditEntry.row_id.in_(chunk))).all()
        params = []
        for entry_id, changes in rows:
            if not changes or not names & set(changes):
                continue
            new = {k: ([None if x is None else REMOVED for x in v] if k in names else v)
                   for k, v in changes.items()}
            params.append({"eid": entry_id, "ch": new})
        if params:
            table = m.AuditEntry.__table__
            s.connection().execute(
                update(table).where(table.c.id == bindparam("eid")).values(changes=bindparam("ch")),
                params)


def _audit_anonymised(s: Session, actor: Actor, table: str, location_id: int,
                      row_ids: Sequence[int], fields: list[str], reason: str) -> None:
    changes = {f: [REMOVED, None] for f in fields}
    s.add_all(m.AuditEntry(user_id=actor.user_id, location_id=location_id, action="anonymise",
                           table_name=table, row_id=rid, changes=changes, reason=reason)
              for rid in row_ids)


def _touch(model, actor: Actor, now: dt.datetime) -> dict:
    return {"version": model.version + 1, "updated_at": now, "updated_by_id": actor.user_id}


def anonymise_clients(s: Session, actor: Actor, location_id: int, client_ids: Sequence[int],
                      reason: str) -> int:
    """Anonymise these clients' files; returns the number of dwellings whose
    address was cleared."""
    now = utcnow()
    personal = _personal("clients")
    dwellings_cleared = 0
    for chunk in _chunks(list(client_ids)):
        dwelling_ids = set(s.scalars(_dwellings_of(chunk)))
        s.execute(
            update(m.Client).where(m.Client.id.in_(chunk))
            .values(**{f: None for f in personal}, search_name="",
                    number=literal(ANON_PREFIX) + cast(m.Client.id, String),
                    anonymised_at=now, **_touch(m.Client, actor, now))
            .execution_options(synchronize_session=False))
        for kind_key in CLIENT_CHILD_KINDS:
            fields = _personal(kind_key)
            if fields:
                model = KINDS[kind_key].model
                s.execute(update(model).where(model.client_id.in_(chunk))
                          .values(**{f: None for f in fields}, **_touch(model, actor, now))
                          .execution_options(synchronize_session=False))
        _scrub_audit(s, "clients", chunk, set(personal) | {"number"})
        _audit_anonymised(s, actor, "clients", location_id, chunk, personal + ["number"], reason)
        dwellings_cleared += _clear_dwelling_addresses(s, actor, location_id, dwelling_ids,
                                                       reason, now)
    return dwellings_cleared


def _dwellings_of(client_ids):
    """SQL: the dwellings these clients were housed in or moved from or to."""
    mv = m.Move
    return union_all(
        select(m.Client.dwelling_id).where(m.Client.id.in_(client_ids),
                                           m.Client.dwelling_id.is_not(None)),
        select(mv.from_dwelling_id).where(mv.client_id.in_(client_ids),
                                          mv.from_dwelling_id.is_not(None)),
        select(mv.to_dwelling_id).where(mv.client_id.in_(client_ids),
                                        mv.to_dwelling_id.is_not(None)))


def _clear_dwelling_addresses(s: Session, actor: Actor, location_id: int, dwelling_ids: set[int],
                              reason: str, now: dt.datetime) -> int:
    """A dwelling's address may identify its household: clear it once every
    client housed there is anonymised."""
    if not dwelling_ids:
        return 0
    known = select(m.Client.id).where(m.Client.location_id == location_id,
                                      m.Client.anonymised_at.is_(None))
    still_known = _dwellings_of(known)
    ids = list(s.scalars(select(m.Dwelling.id).where(
        m.Dwelling.id.in_(dwelling_ids), m.Dwelling.address.is_not(None),
        m.Dwelling.id.not_in(still_known))))
    if ids:
        s.execute(update(m.Dwelling).where(m.Dwelling.id.in_(ids))
                  .values(address=None, **_touch(m.Dwelling, actor, now))
                  .execution_options(synchronize_session=False))
        _scrub_audit(s, "dwellings", ids, {"address"})
        _audit_anonymised(s, actor, "dwellings", location_id, ids, ["address"], reason)
    return len(ids)


_LETTERS = string.ascii_lowercase


def pseudonyms(labels: Iterable[str]) -> dict[str, str]:
    """A pseudonym per label: "anon-" plus 16 random letters per group of
    labels equal apart from case, the labels within a group told apart by the
    case of those letters. So distinct labels stay distinct, labels equal
    apart from case stay equal apart from case, and nothing can be traced
    back (the letters are random, not a hash of the name)."""
    groups: dict[str, list[str]] = {}
    for label in sorted(set(labels)):
        groups.setdefault(label.casefold(), []).append(label)
    out = {}
    for variants in groups.values():
        base = "".join(secrets.choice(_LETTERS) for _ in range(16))
        for i, label in enumerate(variants):  # i < 2**16: the case pattern
            out[label] = ANON_PREFIX + "".join(
                ch.upper() if (i >> bit) & 1 else ch for bit, ch in enumerate(base))
    return out


def anonymise_persons(s: Session, actor: Actor, location_id: int, labels: Sequence[str],
                      reason: str) -> int:
    """Replace these person labels (and their contacts' notes) at a location."""
    now = utcnow()
    names = pseudonyms(labels)
    fields = _personal("contacts")
    count = 0
    for chunk in _chunks(list(names)):
        rows = s.execute(select(m.Contact.id, m.Contact.person_label).where(
            _scan(s, m.Contact.location_id) == location_id,
            m.Contact.person_label.in_(chunk))).all()
        if not rows:
            continue
        table = m.Contact.__table__
        s.connection().execute(
            update(table).where(table.c.id == bindparam("cid"))
            .values(person_label=bindparam("label"),
                    **{f: None for f in fields if f != "person_label"},
                    **_touch(table.c, actor, now)),
            [{"cid": cid, "label": names[label]} for cid, label in rows])
        ids = [cid for cid, _ in rows]
        _scrub_audit(s, "contacts", ids, {"person_label"})
        _audit_anonymised(s, actor, "contacts", location_id, ids, fields, reason)
        count += len(ids)
    return count


def anonymise_volunteers(s: Session, actor: Actor, location_id: int,
                         volunteer_ids: Sequence[int], reason: str) -> None:
    now = utcnow()
    fields = _personal("volunteers")
    for chunk in _chunks(list(volunteer_ids)):
        s.execute(update(m.Volunteer).where(m.Volunteer.id.in_(chunk))
                  .values(**{f: None for f in fields}, anonymised_at=now,
                          **_touch(m.Volunteer, actor, now))
                  .execution_options(synchronize_session=False))
        _scrub_audit(s, "volunteers", chunk, set(fields))
        _audit_anonymised(s, actor, "volunteers", location_id, chunk, fields, reason)


# --- the daily run and erasure ------------------------------------------------

def run_retention(db: Database, actor: Actor = SYSTEM, as_of: dt.date | None = None,
                  dry_run: bool = False, location_ids: Sequence[int] | None = None
                  ) -> RetentionResult:
    """Anonymise (or, on a dry run, list) everything whose retention period
    has passed on `as_of` (default today), location by location, each in one
    transaction. A teamleader runs it for their own location."""
    actor.require_teamleader()
    as_of = as_of or dt.date.today()
    result = RetentionResult(as_of, dry_run)
    with db.session() as s:
        q = select(m.Location.id).order_by(m.Location.id)
        if not actor.is_admin:
            q = q.where(m.Location.id == actor.location_id)
        if location_ids is not None:
            q = q.where(m.Location.id.in_(location_ids))
        loc_ids = list(s.scalars(q))
    for loc_id in loc_ids:
        with db.session() as s:
            loc = s.get(m.Location, loc_id)
            cfg = from_location(loc)
            clients = expired_clients(s, loc, as_of, cfg)
            labels = _expired_labels(s, loc, as_of, cfg)
            volunteers = expired_volunteers(s, loc, as_of, cfg)
            result.clients += clients
            result.persons += [ExpiredPerson(loc.name, n, _as_date(d)) for _, n, d in labels]
            result.volunteers += volunteers
            if dry_run:
                continue
            result.dwellings += anonymise_clients(s, actor, loc.id, [c.client_id for c in clients],
                                                  rule_clients(cfg.client_years))
            contacts = anonymise_persons(s, actor, loc.id, [lab for lab, _, _ in labels],
                                         rule_persons(cfg.person_years))
            anonymise_volunteers(s, actor, loc.id, [v.volunteer_id for v in volunteers],
                                 rule_volunteers(cfg.volunteer_years))
            audit(s, actor, "retention", "privacy", None, location_id=loc.id,
                  changes={"as_of": as_of.isoformat(), "clients": len(clients),
                           "person_contacts": contacts, "volunteers": len(volunteers)})
            log.info("retention.run location_id=%s clients=%d person_contacts=%d volunteers=%d",
                     loc.id, len(clients), contacts, len(volunteers))
    if not dry_run and result.total:
        _wipe_log(db)
    return result


def _wipe_log(db: Database) -> None:
    """The overwritten values are zeroed in the database file (`secure_delete`,
    `core.db`); the write-ahead log still holds the pages they were on until
    it is emptied."""
    if not db.truncate_wal():
        log.warning("retention.wal_busy")


def erase_client(db: Database, actor: Actor, client_id: int, reason: str) -> None:
    """Anonymise one client's file at once, on the client's request."""
    actor.require_teamleader()
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Geef de reden van het verwijderverzoek op.", field="reason")
    with db.session() as s:
        client = s.get(m.Client, client_id)
        if client is None:
            raise NotFound("Deze cliënt bestaat niet (meer).")
        actor.check_location(client.location_id)
        if client.anonymised_at is not None:
            raise ValidationError("Deze cliënt is al geanonimiseerd; er valt niets meer te wissen.")
        anonymise_clients(s, actor, client.location_id, [client_id],
                          f"verzoek van de cliënt: {reason}")
    _wipe_log(db)
    log.info("privacy.erase client_id=%d", client_id)


def locations_due(db: Database, now: dt.datetime | None = None) -> list[int]:
    """The locations whose retention run has not yet happened on this (local)
    calendar day. Per location: a teamleader's `vwdesk privacy run` for their
    own location does not stand in for the others."""
    local_now = (now or dt.datetime.now()).astimezone()
    midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    since = midnight.astimezone(dt.UTC).replace(tzinfo=None)
    with db.session() as s:
        done = select(m.AuditEntry.location_id).where(  # table_name: uses an index
            m.AuditEntry.table_name == "privacy", m.AuditEntry.action == "retention",
            m.AuditEntry.at >= since, m.AuditEntry.location_id.is_not(None))
        return list(s.scalars(select(m.Location.id).where(m.Location.id.not_in(done))
                              .order_by(m.Location.id)))
