"""Backups of a SQLite database: SQLite's online backup API (never a file
copy of a live database), a rotating set per database (7 daily, 4 weekly,
12 monthly), optional passphrase encryption, and restore after an integrity
check, keeping the replaced database aside.

PostgreSQL is backed up with its own tools (pg_dump); the functions here say
so in plain Dutch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from vwdesk.core import models as m
from vwdesk.core.db import Database, data_dir
from vwdesk.core.errors import VwdeskError
from vwdesk.core.files import private_dir
from vwdesk.privacy import crypto

log = logging.getLogger(__name__)

AUTO_INTERVAL = dt.timedelta(hours=3)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
PLAIN, ENCRYPTED = ".sqlite", ".vwbak"
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<ext>\.sqlite|\.vwbak)$")
# Where each database's backups went last, so a damaged database (whose own
# settings cannot be read) can still point to its newest backup.
FOLDERS_FILE = "backup-folders.json"

POSTGRES_MESSAGE = ("Een PostgreSQL-database wordt niet door vwdesk geback-upt of teruggezet; "
                    "gebruik daarvoor de hulpmiddelen van PostgreSQL zelf (pg_dump en pg_restore) "
                    "of vraag uw beheerder.")


class BackupError(VwdeskError):
    """A backup or restore could not be made."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: dt.datetime
    encrypted: bool


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(POSTGRES_MESSAGE)
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("Een database in het geheugen kan niet worden geback-upt.")
    return Path(parsed.database).resolve()


def _folders_file() -> Path:
    return data_dir() / FOLDERS_FILE


def remembered_folder(db_path: Path) -> Path | None:
    try:
        folder = json.loads(_folders_file().read_text(encoding="utf-8")).get(str(db_path))
    except (OSError, ValueError):
        return None
    return Path(folder) if folder else None


def _remember_folder(db_path: Path, folder: Path) -> None:
    try:
        known = json.loads(_folders_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if known.get(str(db_path)) != str(folder):
        known[str(db_path)] = str(folder)
        _folders_file().write_text(json.dumps(known, indent=1), encoding="utf-8")


def configured_folder(db: Database) -> Path:
    """The backup folder: the first location's setting, else data_dir()/backups."""
    with db.session() as s:
        for settings in s.scalars(select(m.Location.settings).order_by(m.Location.id)):
            folder = ((settings or {}).get("privacy") or {}).get("backup_dir")
            if folder:
                return Path(folder).expanduser()
    return data_dir() / "backups"


def configured_key(db: Database) -> dict[str, str] | None:
    """The key pair for automatic encrypted backups (first location that has one)."""
    from vwdesk.privacy.settings import backup_key

    with db.session() as s:
        for loc in s.scalars(select(m.Location).order_by(m.Location.id)):
            key = backup_key(loc)
            if key:
                return key
    return None


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database named `stem` in `folder`, newest first."""
    out = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            made = dt.datetime.strptime(match["stamp"], STAMP)
            out.append(BackupFile(path, made, match["ext"] == ENCRYPTED))
    return sorted(out, key=lambda b: b.made_at, reverse=True)


def rotate(folder: Path, stem: str) -> list[Path]:
    """Keep every backup of the last 24 hours and the newest backup of each
    of the last 7 days, 4 weeks and 12 months that have backups; remove the
    rest. Returns what was removed."""
    backups = list_backups(folder, stem)
    if not backups:
        return []
    recent = backups[0].made_at - dt.timedelta(hours=24)
    keep: set[Path] = {b.path for b in backups if b.made_at > recent}
    for count, period in ((KEEP_DAILY, lambda d: d.date()),
                          (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
                          (KEEP_MONTHLY, lambda d: (d.year, d.month))):
        seen: list = []
        for b in backups:  # newest first: the first of each period is its newest
            key = period(b.made_at)
            if key not in seen:
                seen.append(key)
                if len(seen) <= count:
                    keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def make_backup(db: Database, folder: Path | None = None, passphrase: str | None = None,
                now: dt.datetime | None = None) -> Path:
    """Back up the open SQLite database into `folder` (default: the configured
    folder) with SQLite's online backup API, then rotate the set. Encrypted
    with `passphrase` when given, else with the configured key pair if the
    teamleader switched on encrypted backups."""
    db_path = sqlite_path(db.url)
    folder = Path(folder) if folder else configured_folder(db)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    keypair = None if passphrase else configured_key(db)
    ext = ENCRYPTED if passphrase or keypair else PLAIN
    if passphrase:
        crypto.check_passphrase(passphrase)
    target = folder / f"{db_path.stem}-{now.strftime(STAMP)}{ext}"
    try:
        private_dir(folder)
        fd, tmp_name = tempfile.mkstemp(prefix=".vwdesk-backup-", suffix=".part", dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            dst = sqlite3.connect(tmp)
            try:
                with db.engine.connect() as conn:
                    conn.connection.driver_connection.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
            if passphrase:
                tmp.write_bytes(crypto.encrypt(tmp.read_bytes(), passphrase))
            elif keypair:
                tmp.write_bytes(crypto.encrypt_with_key(tmp.read_bytes(), keypair))
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise BackupError(f"De back-up kan niet worden gemaakt in {folder} ({exc.strerror}); "
                          "controleer of de map bestaat en bereikbaar is, of kies een andere "
                          "map in de privacy-instellingen.") from exc
    _remember_folder(db_path, folder)
    removed = rotate(folder, db_path.stem)
    log.info("backup.made encrypted=%s removed=%d", ext == ENCRYPTED, len(removed))
    return target


def backup_if_due(db: Database, max_age: dt.timedelta = AUTO_INTERVAL,
                  now: dt.datetime | None = None) -> Path | None:
    """Make a backup when the newest one is older than `max_age` (SQLite
    only; returns None for PostgreSQL or when a recent backup exists)."""
    if not db.is_sqlite:
        return None
    now = now or dt.datetime.now()
    existing = list_backups(configured_folder(db), sqlite_path(db.url).stem)
    if existing and now - existing[0].made_at < max_age:
        return None
    return make_backup(db, now=now)


# --- checking and restoring ------------------------------------------------------

def _check_sqlite_file(path: Path, *, full: bool = True) -> str | None:
    """None when `path` is a sound vwdesk database, else why not (Dutch)."""
    from vwdesk.core.migrate import alembic_config
    from alembic.script import ScriptDirectory

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            if rows != [("ok",)]:
                return "het bestand is beschadigd"
            try:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                revision = None
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "het is geen (leesbare) SQLite-database"
    if not revision:
        return "het is geen vwdesk-database"
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision[0] not in known:
        return "het komt van een nieuwere versie van vwdesk; werk vwdesk eerst bij"
    return None


def verify_backup(path: Path, passphrase: str | None = None, into: Path | None = None) -> Path:
    """A checked plain copy of a backup, in folder `into` (default: a temporary
    folder). Raises `BackupError` saying what is wrong with it."""
    path = Path(path)
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise BackupError(f"Het back-upbestand {path} kan niet worden gelezen "
                          f"({exc.strerror}); kies een ander bestand.") from exc
    if crypto.is_encrypted(blob[:64]):
        blob = crypto.decrypt(blob, passphrase)
    fd, name = tempfile.mkstemp(prefix=".vwdesk-restore-", suffix=".sqlite",
                                dir=into or None)
    with os.fdopen(fd, "wb") as f:
        f.write(blob)
    copy = Path(name)
    problem = _check_sqlite_file(copy)
    if problem:
        copy.unlink(missing_ok=True)
        raise BackupError(f"Het bestand {path.name} kan niet worden teruggezet: {problem}.")
    return copy


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of this database that passes the integrity check
    (an encrypted one counts as good: it can only be checked with its
    passphrase)."""
    folders = [f for f in (remembered_folder(db_path), data_dir() / "backups") if f]
    candidates: list[BackupFile] = []
    for folder in dict.fromkeys(folders):
        candidates += list_backups(folder, db_path.stem)
    for b in sorted(candidates, key=lambda b: b.made_at, reverse=True):
        if b.encrypted or _check_sqlite_file(b.path) is None:
            return b.path
    return None


def restore(db_url: str, backup: Path, passphrase: str | None = None,
            now: dt.datetime | None = None) -> Path | None:
    """Replace the SQLite database at `db_url` by a checked backup. The
    database must be closed (in every vwdesk window). The replaced file is
    kept beside it as `<naam>-vervangen-<tijd>.sqlite`; returns that path
    (None when there was no database yet)."""
    target = sqlite_path(db_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    checked = verify_backup(backup, passphrase, into=target.parent)
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    aside = target.with_name(f"{target.stem}-vervangen-{stamp}{target.suffix}")
    try:
        if target.exists():
            try:  # fold the write-ahead log into the file before moving it
                conn = sqlite3.connect(target)
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
            except sqlite3.DatabaseError:
                pass  # a damaged database: move it aside with its log files
            os.replace(target, aside)
            for extra in ("-wal", "-shm"):
                side = Path(f"{target}{extra}")
                if side.exists():
                    os.replace(side, Path(f"{aside}{extra}"))
        else:
            aside = None
        os.replace(checked, target)
    except OSError as exc:
        checked.unlink(missing_ok=True)
        raise BackupError(f"De back-up kan niet worden teruggezet ({exc.strerror}); sluit vwdesk "
                          "op alle computers en probeer het opnieuw.") from exc
    log.info("backup.restored")
    return aside
