"""Privacy at the desk: the access log, the privacy settings, backups and
restore, and the checks right after start (see `vwdesk.privacy`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vwdesk.app.desk import Part, Saved
from vwdesk.privacy import access
from vwdesk.privacy.access import ACCESS_REASONS, AccessEntry, UserAccessCount, clean_reason
from vwdesk.privacy.settings import PrivacySettings

__all__ = ["ACCESS_REASONS", "AccessEntry", "AccessOverview", "Privacy", "PrivacySettings",
           "SettingsShown", "UserAccessCount", "clean_reason"]

# The access log warns about heavy use in this many recent days.
WARNING_DAYS = 30


@dataclass(frozen=True)
class SettingsShown:
    """The privacy settings as the settings dialog shows them."""

    settings: PrivacySettings
    encrypted: bool  # automatic backups are encrypted
    default_backup_folder: Path  # used when no folder is set


@dataclass(frozen=True)
class AccessOverview:
    heavy: list[UserAccessCount]  # more pages a day than the threshold, recently
    threshold: int
    users: list[tuple[int, str]]  # users who opened client pages here


class Privacy(Part):
    # --- the access log ---------------------------------------------------------
    def access_overview(self, today: dt.date | None = None) -> AccessOverview:
        from vwdesk.privacy.settings import get_settings

        since = (today or dt.date.today()) - dt.timedelta(days=WARNING_DAYS)
        return self.read(lambda s: AccessOverview(
            access.heavy_users(s, self.actor, self.location_id, since=since),
            get_settings(s, self.location_id).access_warning_threshold,
            access.users_with_views(s, self.actor, self.location_id)))

    def access_of_client(self, number: str) -> list[AccessEntry] | None:
        """Who opened this client's page; None when no client has the number."""
        from vwdesk.core.services.clients import id_of_number

        def load(s) -> list[AccessEntry] | None:
            client_id = id_of_number(s, self.actor, self.location_id, number)
            if client_id is None:
                return None
            return access.access_log(s, self.actor, self.location_id, client_id=client_id)

        return self.read(load)

    def access_of_user(self, user_id: int) -> list[AccessEntry]:
        return self.read(lambda s: access.access_log(s, self.actor, self.location_id,
                                                     user_id=user_id))

    # --- a client's requests (AVG: inzage and erasure) ---------------------------
    def client_of_number(self, number: str) -> int:
        """The id of this location's client with `number` (`NotFound` otherwise)."""
        from vwdesk.privacy.inzage import find_client

        return self.read(lambda s: find_client(s, self.actor, self.desk.location_name, number))

    def write_inzage(self, client_id: int, path: Path) -> Path:
        """Everything stored about the client to `path`: .pdf (to read) or
        .json (for a machine); teamleader or beheerder; audited."""
        from vwdesk.privacy.inzage import write_inzage

        return self.with_db(lambda db: write_inzage(db, self.actor, client_id, path))

    def erase(self, client_id: int, reason: str) -> Saved:
        """Anonymise the client's file at once, on the client's request (the
        reason goes into the log); teamleader or beheerder. Cannot be undone."""
        from vwdesk.core.records import KINDS
        from vwdesk.privacy.retention import erase_client

        self.with_db(lambda db: erase_client(db, self.actor, client_id, reason))
        return Saved(frozenset(KINDS), client_id)

    # --- settings ---------------------------------------------------------------
    def settings(self) -> SettingsShown:
        from vwdesk.core.db import data_dir
        from vwdesk.core.services.locations import location
        from vwdesk.privacy.settings import backup_key, from_location

        def load(s) -> SettingsShown:
            loc = location(s, self.actor, self.location_id)
            return SettingsShown(from_location(loc), backup_key(loc) is not None,
                                 data_dir() / "backups")

        return self.read(load)

    def save_settings(self, values: dict[str, Any], encryption: str | None | bool) -> Saved:
        """Change the settings; `encryption` is a new passphrase, None to stop
        encrypting, or False to leave it as it is."""
        from vwdesk.privacy.settings import set_backup_encryption, update_settings

        def save(s) -> Saved:
            update_settings(s, self.actor, self.location_id, values)
            if encryption is not False:
                set_backup_encryption(s, self.actor, self.location_id, encryption or None)
            return Saved(frozenset({"locations"}), self.location_id)

        return self.write(save)

    # --- backups ----------------------------------------------------------------
    @property
    def can_back_up(self) -> bool:
        """Backups are made here for SQLite; PostgreSQL uses pg_dump."""
        return self.desk.db.is_sqlite

    @staticmethod
    def why_no_backup() -> str:
        from vwdesk.privacy.backup import POSTGRES_MESSAGE

        return POSTGRES_MESSAGE

    def backup_folder(self) -> Path:
        from vwdesk.privacy.backup import configured_folder

        return self.with_db(configured_folder)

    def back_up(self, passphrase: str | None = None) -> Path:
        """A backup now (teamleader or beheerder)."""
        from vwdesk.privacy.backup import make_backup

        self.actor.require_teamleader()
        return self.with_db(lambda db: make_backup(db, passphrase=passphrase))

    def back_up_if_due(self) -> Path | None:
        from vwdesk.privacy.backup import backup_if_due

        return self.with_db(backup_if_due)

    def startup_checks(self) -> Saved:
        """Integrity, the daily retention run and a backup when due; the Dutch
        notices for the user are the `detail`. When there are notices the
        retention run may have anonymised people: the screens showing them
        refresh."""
        from vwdesk.privacy.startup import run_startup_checks

        notices = self.with_db(run_startup_checks)
        kinds = frozenset({"clients", "contacts", "dossiers", "volunteers"}) if notices \
            else frozenset()
        return Saved(kinds, detail=notices)

    def restore_start_folder(self) -> Path:
        """Where a backup to restore is looked for first."""
        from vwdesk.core.db import data_dir
        from vwdesk.privacy.backup import remembered_folder, sqlite_path

        return remembered_folder(sqlite_path(self.desk.db.url)) or data_dir() / "backups"

    @staticmethod
    def backup_is_encrypted(path: Path) -> bool:
        from vwdesk.core.errors import VwdeskError
        from vwdesk.privacy import crypto

        try:
            with open(path, "rb") as f:
                return crypto.is_encrypted(f.read(64))
        except OSError as exc:
            raise VwdeskError(f"Het bestand {path.name} kan niet worden gelezen "
                              f"({exc.strerror}); kies een ander bestand.") from None

    @staticmethod
    def backup_passphrase_opens(path: Path, passphrase: str) -> bool:
        """Whether `passphrase` opens the encrypted backup, checked before the
        user is asked to replace the database (`VwdeskError` for a damaged or
        unreadable file)."""
        from vwdesk.privacy.backup import passphrase_opens

        return passphrase_opens(path, passphrase)

    @staticmethod
    def backup_made_at(path: Path) -> dt.datetime:
        """When the backup in `path` was made (its name, else its file time)."""
        from vwdesk.privacy.backup import made_at

        return made_at(path)

    def restore(self, path: Path, passphrase: str | None = None) -> Path | None:
        """Put a checked backup in place of the database (beheerder only);
        every connection of this process is closed first. Returns where the
        replaced database was kept."""
        from vwdesk.privacy.backup import restore

        self.actor.require_admin()
        self.desk.db.close()
        return self.with_db(lambda db: restore(db.url, path, passphrase))
