"""The write path every record goes through: permission, validation, version
check, the record's `created_by`/`updated_by`, and an audit entry.

Services never hand out live sessions: they return plain values or ORM
objects detached from their session (`expire_on_commit=False`), so a widget
can hold them safely.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, ConflictError, NotFound, ValidationError
from vwdesk.core.records import KINDS, RecordKind, validate_record
from vwdesk.core.text import fold_words

# Events and ids only: never names, notes or client numbers (see logging_setup).
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a snapshot of the logged-in user (or the CLI's user)."""

    user_id: int | None
    username: str
    role: str
    location_id: int | None

    @property
    def is_teamleader(self) -> bool:
        return self.role in ("teamleider", "beheerder")

    @property
    def is_admin(self) -> bool:
        return self.role == "beheerder"

    def may_see_location(self, location_id: int | None) -> bool:
        return self.is_admin or (location_id is not None and location_id == self.location_id)

    def check_location(self, location_id: int | None) -> None:
        if not self.may_see_location(location_id):
            raise AccessDenied("U heeft geen toegang tot de gegevens van een andere locatie.")

    def require_teamleader(self) -> None:
        if not self.is_teamleader:
            raise AccessDenied("Alleen een teamleider of beheerder mag dit doen.")

    def require_admin(self) -> None:
        if not self.is_admin:
            raise AccessDenied("Alleen een beheerder mag dit doen.")


# Kinds only a teamleader (or beheerder) may change.
TEAMLEADER_KINDS = {"year_figures", "report_texts", "programmes", "municipalities", "volunteers"}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def audit(s: Session, actor: Actor, action: str, table: str, row_id: int | None, *,
          location_id: int | None = None, changes: dict[str, Any] | None = None,
          reason: str | None = None) -> None:
    log.info("%s table=%s id=%s user_id=%s", action, table, row_id, actor.user_id)
    s.add(m.AuditEntry(
        user_id=actor.user_id, location_id=location_id if location_id is not None else actor.location_id,
        action=action, table_name=table, row_id=row_id, changes=changes or None, reason=reason,
    ))


def _audit_changes(kind: RecordKind, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    free = {f.name for f in kind.fields if f.free_text}
    for name, value in new.items():
        before = old.get(name)
        if before == value:
            continue
        if name in free:  # say that it changed, never what it says
            changes[name] = ["<tekst>" if before else None, "<tekst>" if value else None]
        else:
            changes[name] = [_plain(before), _plain(value)]
    return changes


def _normalise(kind: RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        kind.field(name)  # unknown field names are a programming error
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                value = None
        out[name] = value
    return out


def _row_values(kind: RecordKind, obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in kind.fields}


@functools.cache
def _ref_lookup(ref: str) -> Select:
    """What `_check_refs` reads of a referenced record, by id: its location
    and, of a client, when it was anonymised (one statement, built once)."""
    model = KINDS[ref].model
    extra = [model.anonymised_at] if ref == "clients" else []
    return select(model.location_id, *extra).where(model.id == bindparam("id"))


def _check_refs(s: Session, kind: RecordKind, values: dict[str, Any], location_id: int) -> None:
    """A referenced record must exist and belong to the same location, and a
    referenced client must not be anonymised: nothing is added to or changed
    about an anonymised client (what was erased cannot be typed back in).
    Removing a record stays possible."""
    errors = {}
    anonymised = None
    for f in kind.fields:
        ref_id = values.get(f.name)
        if f.type != "ref" or ref_id is None:
            continue
        found = s.execute(_ref_lookup(f.ref), {"id": ref_id}).first()
        if found is None or found[0] != location_id:
            errors[f.name] = f"{f.label}: het gekozen gegeven bestaat niet (meer) bij deze locatie."
        elif f.ref == "clients" and found[1] is not None:
            anonymised = f.name
    if errors:
        raise ValidationError(errors)
    if anonymised:
        raise ValidationError(ANONYMISED, field=anonymised)


def _check_unique_number(s: Session, kind: RecordKind, values: dict[str, Any],
                         location_id: int, own_id: int | None) -> None:
    nf = kind.number_field
    if not nf or values.get(nf) is None:
        return
    col = getattr(kind.model, nf)
    q = select(kind.model.id).where(kind.model.location_id == location_id, col == values[nf])
    if own_id is not None:
        q = q.where(kind.model.id != own_id)
    if s.scalar(q) is not None:
        raise ValidationError(
            {nf: f"{kind.field(nf).label} \"{values[nf]}\" is al in gebruik bij een andere "
                 f"{kind.label}; kies een ander nummer."})


def _check_write(actor: Actor, kind: RecordKind, location_id: int) -> None:
    actor.check_location(location_id)
    if kind.key in TEAMLEADER_KINDS:
        actor.require_teamleader()


def _derived(kind: RecordKind, obj: Any) -> None:
    if kind.key == "clients":
        obj.search_name = fold_words(f"{obj.first_name or ''} {obj.last_name or ''}")


def create(s: Session, actor: Actor, kind_key: str, location_id: int,
           values: dict[str, Any], more_changes: dict[str, Any] | None = None) -> Any:
    """Create a record of `kind_key` at `location_id` inside session `s`.
    `more_changes`: what the caller adds with it beyond its fields (a
    contact's topics), in the same audit entry."""
    kind = KINDS[kind_key]
    _check_write(actor, kind, location_id)
    values = _normalise(kind, values)
    full = {f.name: values.get(f.name) for f in kind.fields}
    validate_record(kind, full)
    _check_refs(s, kind, full, location_id)
    _check_unique_number(s, kind, full, location_id, None)
    obj = kind.model(location_id=location_id, created_by_id=actor.user_id,
                     updated_by_id=actor.user_id, **values)
    _derived(kind, obj)
    s.add(obj)
    s.flush()
    audit(s, actor, "create", kind.key, obj.id, location_id=location_id,
          changes={**_audit_changes(kind, {}, values), **(more_changes or {})})
    return obj


def get(s: Session, actor: Actor, kind_key: str, row_id: int) -> Any:
    kind = KINDS[kind_key]
    obj = s.get(kind.model, row_id)
    if obj is None:
        raise NotFound(f"Deze {kind.label} bestaat niet (meer).")
    actor.check_location(obj.location_id)
    return obj


def _username(s: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = s.get(m.User, user_id)
    return (user.display_name or user.username) if user else None


def _current(s: Session, actor: Actor, kind: RecordKind, row_id: int,
             expected_version: int) -> Any:
    """The row as stored now, if this actor may change it and nobody else
    changed (or removed) it since `expected_version` was read."""
    obj = s.get(kind.model, row_id, populate_existing=True)
    if obj is None:
        raise ConflictError(None, None, removed=True)
    _check_write(actor, kind, obj.location_id)
    if obj.version != expected_version:
        raise ConflictError(_username(s, obj.updated_by_id), obj.updated_at)
    return obj


def _flush(s: Session) -> None:
    try:
        s.flush()
    except StaleDataError:
        raise ConflictError(None, None) from None  # lost a race after the check


ANONYMISED = ("Deze cliënt is geanonimiseerd (gewist op verzoek of na de bewaartermijn); er kan "
              "niets meer aan worden toegevoegd of gewijzigd.")


def _check_not_anonymised(kind: RecordKind, obj: Any) -> None:
    """An anonymised client's file stays as it is: the client itself is not
    changed (nor is anything about them: `_check_refs`). The retention run
    and the erase write with SQL of their own, not through here."""
    if kind.key == "clients" and obj.anonymised_at is not None:
        raise ValidationError(ANONYMISED)


def update(s: Session, actor: Actor, kind_key: str, row_id: int, expected_version: int,
           values: dict[str, Any]) -> Any:
    """Change a record, refusing when someone else changed it since
    `expected_version` was read."""
    kind = KINDS[kind_key]
    obj = _current(s, actor, kind, row_id, expected_version)
    values = _normalise(kind, values)
    old = _row_values(kind, obj)
    full = {**old, **values}
    validate_record(kind, full)
    _check_refs(s, kind, full, obj.location_id)
    _check_not_anonymised(kind, obj)
    _check_unique_number(s, kind, full, obj.location_id, obj.id)
    changes = _audit_changes(kind, old, values)
    if not changes:
        return obj
    for name, value in values.items():
        setattr(obj, name, value)
    obj.updated_by_id = actor.user_id
    _derived(kind, obj)
    _flush(s)
    audit(s, actor, "update", kind.key, obj.id, location_id=obj.location_id, changes=changes)
    return obj


def delete(s: Session, actor: Actor, kind_key: str, row_id: int, expected_version: int,
           reason: str | None = None) -> None:
    kind = KINDS[kind_key]
    obj = _current(s, actor, kind, row_id, expected_version)
    old = _row_values(kind, obj)
    location_id = obj.location_id
    s.delete(obj)
    _flush(s)
    audit(s, actor, "delete", kind.key, row_id, location_id=location_id,
          changes=_audit_changes(kind, old, {k: None for k in old}), reason=reason)
