"""Per-location privacy settings, kept in `Location.settings["privacy"]`:
retention periods, the access-warning threshold and the backup folder."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.errors import NotFound, ValidationError
from vwdesk.core.services.base import Actor, audit

KEY = "privacy"


@dataclass(frozen=True)
class PrivacySettings:
    # Years after a client's last activity before the client file
    # (client, contacts, dossiers) is anonymised.
    client_years: int = 7
    # Years after the last contact before a person without a file is anonymised.
    person_years: int = 7
    # Years after a volunteer stopped before the volunteer is anonymised.
    volunteer_years: int = 2
    # A teamleader is warned when one user opens more client pages in a day.
    access_warning_threshold: int = 25
    # Folder for the automatic backups ("" = the default in the data folder).
    backup_dir: str = ""


LABELS = {
    "client_years": "Bewaartermijn cliënten (jaren na laatste activiteit)",
    "person_years": "Bewaartermijn personen zonder dossier (jaren na laatste contact)",
    "volunteer_years": "Bewaartermijn medewerkers (jaren na einde)",
    "access_warning_threshold": "Waarschuwing bij meer geopende cliëntpagina's per dag dan",
    "backup_dir": "Map voor back-ups",
}


def from_location(loc: m.Location) -> PrivacySettings:
    stored = (loc.settings or {}).get(KEY) or {}
    known = {f.name for f in fields(PrivacySettings)}
    return PrivacySettings(**{k: v for k, v in stored.items() if k in known})


def get_settings(s: Session, location_id: int) -> PrivacySettings:
    loc = s.get(m.Location, location_id)
    if loc is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    return from_location(loc)


def _check(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name in ("client_years", "person_years", "volunteer_years"):
        if name in values:
            v = values[name]
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 30:
                errors[name] = f"{LABELS[name]} moet een geheel aantal jaren van 1 tot en met 30 zijn."
            out[name] = v
    if "access_warning_threshold" in values:
        v = values["access_warning_threshold"]
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 10_000:
            errors["access_warning_threshold"] = (
                "De drempel voor de waarschuwing moet een geheel getal van 1 tot en met 10000 zijn.")
        out["access_warning_threshold"] = v
    if "backup_dir" in values:
        v = values["backup_dir"]
        if not isinstance(v, str) or len(v) > 1000:
            errors["backup_dir"] = "De map voor back-ups moet een pad van hoogstens 1000 tekens zijn."
        out["backup_dir"] = (v or "").strip() if isinstance(v, str) else v
    unknown = set(values) - set(LABELS)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))  # a programming error, not user input
    if errors:
        raise ValidationError(errors)
    return out


def _store(loc: m.Location, values: dict[str, Any]) -> None:
    settings = dict(loc.settings or {})
    settings[KEY] = {**(settings.get(KEY) or {}), **values}
    loc.settings = settings  # a new dict, so SQLAlchemy sees the change


def update_settings(s: Session, actor: Actor, location_id: int,
                    values: dict[str, Any]) -> PrivacySettings:
    """Change some privacy settings of a location (teamleader only), audited."""
    actor.require_teamleader()
    actor.check_location(location_id)
    loc = s.get(m.Location, location_id, populate_existing=True)
    if loc is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    new = _check(values)
    old = asdict(from_location(loc))
    merged = {**old, **new}
    changes = {k: [old[k], merged[k]] for k in new if old[k] != merged[k]}
    if not changes:
        return from_location(loc)
    _store(loc, merged)
    loc.updated_by_id = actor.user_id
    s.flush()
    audit(s, actor, "update", "locations", loc.id, location_id=loc.id,
          changes={f"privacy.{k}": v for k, v in changes.items()})
    return from_location(loc)


BACKUP_KEY = "backup_key"


def backup_key(loc: m.Location) -> dict[str, str] | None:
    """The key pair that encrypts this location's automatic backups, if any."""
    return ((loc.settings or {}).get(KEY) or {}).get(BACKUP_KEY)


def set_backup_encryption(s: Session, actor: Actor, location_id: int,
                          passphrase: str | None) -> None:
    """Encrypt automatic backups with a key pair made from `passphrase`
    (teamleader only), or stop encrypting them (None). Audited, without the key."""
    from vwdesk.privacy.crypto import make_keypair

    actor.require_teamleader()
    actor.check_location(location_id)
    loc = s.get(m.Location, location_id, populate_existing=True)
    if loc is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    before = backup_key(loc) is not None
    _store(loc, {BACKUP_KEY: make_keypair(passphrase) if passphrase else None})
    loc.updated_by_id = actor.user_id
    s.flush()
    audit(s, actor, "update", "locations", loc.id, location_id=loc.id,
          changes={"privacy.backup_encrypted": [before, passphrase is not None]})
