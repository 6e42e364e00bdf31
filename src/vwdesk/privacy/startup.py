"""What the app does right after opening the database, in the background:
the integrity check and the retention run once a day, removing what a killed
backup or restore left, and a backup when the newest one is a few hours old.

`PRAGMA quick_check` reads the whole database (0.5 s of CPU at 228 MB), so it
runs on the first start of a (local) calendar day, not on every login; a
passed check is recorded in the audit log (`privacy`/`integrity`, no
location), as the retention run is. A database that cannot even answer
whether it was checked today is checked."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import audit
from vwdesk.core.services.users import SYSTEM
from vwdesk.privacy.backup import backup_if_due, clean_leftovers, sqlite_path
from vwdesk.privacy.integrity import check_database
from vwdesk.privacy.retention import locations_due, run_retention

log = logging.getLogger(__name__)


def run_startup_checks(db: Database) -> list[str]:
    """Check, clean up and back up; returns Dutch notices for the user.

    Raises `DatabaseDamaged` when the database fails its integrity check.
    A failing retention run or backup does not stop the app: it becomes a
    notice (and an error in the application log)."""
    if integrity_check_due(db):
        check_database(db)
        _record_integrity_check(db)
    if db.is_sqlite:
        clean_leftovers(sqlite_path(db.url))
    notices: list[str] = []
    try:
        due = locations_due(db)
        if due:
            result = run_retention(db, SYSTEM, location_ids=due)
            parts = [f"{n} {word}" for n, word in (
                (len(result.clients), "cliënten"), (len(result.persons), "personen zonder dossier"),
                (len(result.volunteers), "medewerkers")) if n]
            if parts:
                notices.append("De bewaartermijn is verstreken voor " + ", ".join(parts)
                               + "; hun persoonsgegevens zijn nu verwijderd.")
    except VwdeskError as exc:
        notices.append(exc.message)
    except Exception:  # noqa: BLE001 - the app must still start; logged with type only
        log.exception("retention.failed")
        notices.append("De dagelijkse controle van de bewaartermijnen is mislukt; "
                       "meld dit aan uw beheerder.")
    try:
        backup_if_due(db)
    except VwdeskError as exc:
        notices.append(exc.message)
    except Exception:  # noqa: BLE001
        log.exception("backup.failed")
        notices.append("De automatische back-up is mislukt; meld dit aan uw beheerder.")
    return notices


def _local_midnight_utc(now: dt.datetime | None) -> dt.datetime:
    local_now = (now or dt.datetime.now()).astimezone()
    midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(dt.UTC).replace(tzinfo=None)


def integrity_check_due(db: Database, now: dt.datetime | None = None) -> bool:
    """Whether today's integrity check is still to run (SQLite only)."""
    if not db.is_sqlite:
        return False
    try:
        with db.session() as s:
            done = s.scalar(select(m.AuditEntry.id).where(  # table_name: uses an index
                m.AuditEntry.table_name == "privacy", m.AuditEntry.action == "integrity",
                m.AuditEntry.at >= _local_midnight_utc(now)).limit(1))
    except Exception:  # noqa: BLE001 - a database this broken is checked (and reported)
        return True
    return done is None


def _record_integrity_check(db: Database) -> None:
    if db.is_sqlite:
        with db.session() as s:
            audit(s, SYSTEM, "integrity", "privacy", None, location_id=None)
