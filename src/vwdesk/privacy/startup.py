"""What the app does right after opening the database: the integrity check,
removing what a killed backup or restore left, the daily retention run and
a backup when the newest one is a few hours old."""

from __future__ import annotations

import logging

from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
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
    check_database(db)
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
