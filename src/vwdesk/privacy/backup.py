"""Backups of a SQLite database: a consistent snapshot by SQLite itself
(never a file copy of a live database), a rotating set per database
(7 daily, 4 weekly, 12 monthly), optional encryption as a stream
(`privacy.crypto`), and restore after an integrity and schema check, in one
atomic step, keeping the replaced database aside. Work files of a backup or
restore that was killed are removed at the next start (`clean_leftovers`).

PostgreSQL is backed up with its own tools (pg_dump); the functions here say
so in plain Dutch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from sqlalchemy import select
from sqlalchemy.engine import make_url

from vwdesk.core import models as m
from vwdesk.core.db import Database, data_dir
from vwdesk.core.errors import VwdeskError
from vwdesk.core.files import create_private, open_private, private_dir
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


def made_at(path: Path) -> dt.datetime:
    """When a backup was made: the moment in its name, else (a renamed copy)
    the time its file was last written."""
    match = _NAME.match(path.name)
    if match:
        try:
            return dt.datetime.strptime(match["stamp"], STAMP)
        except ValueError:  # a name shaped like ours with an impossible moment
            pass
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError as exc:
        raise BackupError(f"Het bestand {path.name} kan niet worden gelezen "
                          f"({exc.strerror}); kies een ander bestand.") from None


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
    folder), then rotate the set. Encrypted with `passphrase` when given, else
    with the configured key pair if the teamleader switched on encrypted
    backups.

    The copy is SQLite's `VACUUM INTO`: a consistent snapshot of the live
    database, without its free pages (so without what secure_delete zeroed
    or anything deleted before it was on). An encrypted backup's snapshot is
    made beside the database and encrypted as a stream into the backup
    folder: no plaintext ever reaches that folder, and memory stays flat."""
    db_path = sqlite_path(db.url)
    folder = Path(folder) if folder else configured_folder(db)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    keypair = None if passphrase else configured_key(db)
    encrypted = bool(passphrase or keypair)
    if passphrase:
        crypto.check_passphrase(passphrase)
    target = folder / f"{db_path.stem}-{now.strftime(STAMP)}{ENCRYPTED if encrypted else PLAIN}"
    try:
        private_dir(folder)
        clean_leftovers(db_path, [folder])
        with _work_file(folder, PART) as part:
            if encrypted:
                with _work_file(db_path.parent, SNAPSHOT) as snapshot:
                    _snapshot(db, snapshot.path)
                    with open(snapshot.path, "rb") as src, open(part.path, "r+b") as out:
                        crypto.encrypt_stream(src, out, passphrase=passphrase, keypair=keypair)
                        _sync(out)
            else:
                _snapshot(db, part.path)
            part.move_to(target)
    except OSError as exc:
        raise BackupError(f"De back-up kan niet worden gemaakt in {folder} ({exc.strerror}); "
                          "controleer of de map bestaat en bereikbaar is, of kies een andere "
                          "map in de privacy-instellingen.") from exc
    except sqlite3.Error as exc:  # e.g. the disk beside the database is full
        log.warning("backup.sqlite_failed error=%s", exc.__class__.__name__)
        raise BackupError("De back-up kan niet worden gemaakt: SQLite kon de kopie niet "
                          "schrijven (is de schijf vol?). Maak ruimte vrij en probeer het "
                          "opnieuw.") from None
    _remember_folder(db_path, folder)
    removed = rotate(folder, db_path.stem)
    log.info("backup.made encrypted=%s removed=%d", encrypted, len(removed))
    return target


def _snapshot(db: Database, path: Path) -> None:
    """A consistent copy of the live database in the (empty) file `path`."""
    with db.engine.connect() as conn:
        conn.connection.driver_connection.execute("VACUUM INTO ?", (str(path),))


def _sync(f) -> None:
    f.flush()
    os.fsync(f.fileno())


# --- work files: made private, held while in use, cleaned up after a kill -------
# PART: a backup being written (backup folder). SNAPSHOT: the plain copy an
# encrypted backup is made from, and RESTORE: a backup being checked and
# restored (both beside the database, which holds the same data).

PART, SNAPSHOT, RESTORE = ".vwdesk-backup-", ".vwdesk-snapshot-", ".vwdesk-restore-"
_SUFFIX = {PART: ".part", SNAPSHOT: ".sqlite", RESTORE: ".sqlite"}


class _WorkFile:
    """A new empty private file, held open (and, on POSIX, locked) so that
    another vwdesk's `clean_leftovers` leaves it alone; `move_to` gives it
    its final name (released first: Windows renames no open file)."""

    def __init__(self, folder: Path, prefix: str):
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=_SUFFIX[prefix], dir=folder)
        self.fd: int | None = fd
        self.path = Path(name)
        if fcntl:
            fcntl.flock(fd, fcntl.LOCK_EX)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def move_to(self, target: Path) -> None:
        self.release()
        os.replace(self.path, target)


@contextmanager
def _work_file(folder: Path, prefix: str) -> Iterator[_WorkFile]:
    """A `_WorkFile` in `folder`, removed afterwards unless it was moved."""
    work = _WorkFile(folder, prefix)
    try:
        yield work
    finally:
        work.release()
        work.path.unlink(missing_ok=True)


def clean_leftovers(db_path: Path, backup_folders: list[Path] | None = None) -> list[Path]:
    """Remove what a killed backup or restore left behind: partial backups in
    the backup folders, plain snapshots and restore copies beside the
    database. Files another running vwdesk is still working on are kept.
    Returns what was removed."""
    folders = backup_folders if backup_folders is not None else _known_folders(db_path)
    found = [p for folder in dict.fromkeys(folders) for p in _listing(folder, PART)]
    found += _listing(db_path.parent, SNAPSHOT) + _listing(db_path.parent, RESTORE)
    removed = [p for p in found if _remove_abandoned(p)]
    if removed:
        log.warning("backup.leftovers_removed count=%d", len(removed))
    return removed


def _known_folders(db_path: Path) -> list[Path]:
    return [f for f in (remembered_folder(db_path), data_dir() / "backups") if f]


def _listing(folder: Path, prefix: str) -> list[Path]:
    try:
        return [p for p in Path(folder).iterdir()
                if p.name.startswith(prefix) and p.name.endswith(_SUFFIX[prefix])]
    except OSError:
        return []


def _remove_abandoned(path: Path) -> bool:
    try:
        if fcntl:
            with open(path, "rb") as f:
                try:
                    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    return False  # in use by a running vwdesk
                path.unlink()
        else:  # Windows: a file another process holds open cannot be removed
            path.unlink()
    except OSError:
        return False
    return True


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
    """A checked plain copy of a backup, in folder `into` (default: the data
    folder), brought up to this version's schema. The caller removes it.
    Raises `BackupError` saying what is wrong with the backup."""
    with _checked_copy(Path(path), passphrase, Path(into) if into else data_dir()) as copy:
        kept = copy.path.with_name(copy.path.name.replace(RESTORE, RESTORE + "checked-"))
        copy.move_to(kept)
    return kept


def passphrase_opens(path: Path, passphrase: str | None) -> bool:
    """Whether `passphrase` opens the encrypted backup `path`; quick (see
    `crypto.check_opens`), so it is asked before anything is replaced.
    Raises `BackupError` for an unreadable file, `crypto.CryptoError` for a
    damaged one."""
    try:
        with open(path, "rb") as src:
            crypto.check_opens(src, passphrase)
    except crypto.WrongPassphrase:
        return False
    except OSError as exc:
        raise BackupError(f"Het back-upbestand {path.name} kan niet worden gelezen "
                          f"({exc.strerror}); kies een ander bestand.") from exc
    return True


@contextmanager
def _checked_copy(path: Path, passphrase: str | None, folder: Path) -> Iterator[_WorkFile]:
    """The backup decrypted (as a stream) into a private work file in
    `folder`, checked (integrity, a vwdesk database, migrated to this
    version, every table and column present); removed afterwards."""
    try:
        src = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise BackupError(f"Het back-upbestand {path} kan niet worden gelezen "
                          f"({exc.strerror}); kies een ander bestand.") from exc
    with src, _work_file(folder, RESTORE) as copy:
        try:
            with open(copy.path, "r+b") as out:
                if crypto.is_encrypted(src.read(64)):
                    src.seek(0)
                    crypto.decrypt_stream(src, out, passphrase)
                else:
                    src.seek(0)
                    shutil.copyfileobj(src, out, 1 << 20)
                _sync(out)
        except OSError as exc:
            raise BackupError(f"Het back-upbestand {path.name} kan niet worden gelezen of "
                              f"uitgepakt ({exc.strerror}); controleer de schijfruimte of kies "
                              "een ander bestand.") from exc
        problem = _check_sqlite_file(copy.path) or _check_schema(copy.path)
        if problem:
            raise BackupError(f"Het bestand {path.name} kan niet worden teruggezet: {problem}.")
        yield copy


def _check_schema(path: Path) -> str | None:
    """Bring the copy up to this version's schema; then every table and
    column vwdesk uses must be there (a backup may have been tampered with)."""
    from sqlalchemy import create_engine, inspect

    from vwdesk.core.migrate import upgrade

    engine = create_engine(f"sqlite:///{path}")
    try:
        try:
            upgrade(engine)
        except Exception:  # noqa: BLE001 - any failure means: not restorable
            log.warning("backup.migration_failed")
            return "het kan niet worden bijgewerkt naar deze versie van vwdesk"
        tables = inspect(engine)
        present = set(tables.get_table_names())
        for table in m.Base.metadata.sorted_tables:
            if table.name not in present:
                return f"de tabel {table.name} ontbreekt"
            columns = {c["name"] for c in tables.get_columns(table.name)}
            missing = [c.name for c in table.columns if c.name not in columns]
            if missing:
                return f"in de tabel {table.name} ontbreekt de kolom {missing[0]}"
        with engine.begin() as conn:  # one file, as a database is
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    finally:
        engine.dispose()
    return None


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


IN_USE = ("De database is nog geopend door een ander programma of een ander venster van "
          "vwdesk; sluit vwdesk overal (ook op andere computers) en probeer het opnieuw.")


def restore(db_url: str, backup: Path, passphrase: str | None = None,
            now: dt.datetime | None = None) -> Path | None:
    """Replace the SQLite database at `db_url` by a checked backup; returns
    where the replaced database is kept (`<naam>-vervangen-<tijd>.sqlite`
    beside it; None when there was no database yet).

    One atomic step: SQLite's backup API writes the backup into the live
    file in a single transaction, under an exclusive lock, so a restore that
    is killed half-way is rolled back by SQLite when the database is next
    opened, and the database is never missing. Refused (`BackupError`) while
    any other connection has the database open: the check is SQLite's own
    locking (leaving WAL mode needs every other connection closed), which
    works the same on Windows and between computers sharing the file."""
    target = sqlite_path(db_url)
    private_dir(target.parent)
    clean_leftovers(target)
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    aside = target.with_name(f"{target.stem}-vervangen-{stamp}{target.suffix}")
    with _checked_copy(Path(backup), passphrase, target.parent) as checked:
        try:
            if not target.exists():
                checked.move_to(target)
                aside = None
            else:
                _restore_into(target, checked, aside)
        except OSError as exc:
            raise BackupError(f"De back-up kan niet worden teruggezet ({exc.strerror}); sluit "
                              "vwdesk op alle computers en probeer het opnieuw.") from exc
        except sqlite3.Error as exc:  # the copy into the database failed and was rolled back
            log.warning("backup.restore_failed error=%s", exc.__class__.__name__)
            raise BackupError("De back-up kan niet worden teruggezet: SQLite kon de database "
                              "niet vervangen (is de schijf vol?); de database is ongewijzigd. "
                              "Maak ruimte vrij en probeer het opnieuw.") from None
    log.info("backup.restored")
    return aside


def _restore_into(target: Path, checked: _WorkFile, aside: Path) -> None:
    live = sqlite3.connect(target, timeout=1, isolation_level=None)
    try:
        try:
            mode = live.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise BackupError(IN_USE) from None
            raise
        except sqlite3.DatabaseError:  # not readable as a database: set it aside whole
            live.close()
            _replace_damaged(target, checked, aside)
            return
        if mode != "delete":
            raise BackupError(IN_USE)
        live.execute("PRAGMA locking_mode=EXCLUSIVE")
        live.execute("BEGIN EXCLUSIVE")  # held from here until the connection closes
        live.execute("COMMIT")
        with _new_database(aside) as kept:
            live.backup(kept)
        source = sqlite3.connect(checked.path)
        try:
            source.backup(live, pages=RESTORE_PAGES, progress=_restore_progress)
        finally:
            source.close()
        live.execute("PRAGMA journal_mode=WAL")
    finally:
        live.close()


RESTORE_PAGES = 4096  # pages per step of the backup API; all steps are one transaction


def _restore_progress(_status: int, _remaining: int, _total: int) -> None:
    """Called between steps of a restore (a test stops the process here)."""


@contextmanager
def _new_database(path: Path) -> Iterator[sqlite3.Connection]:
    create_private(path)
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def _replace_damaged(target: Path, checked: _WorkFile, aside: Path) -> None:
    """A file SQLite cannot read as a database: copy it (and its log) aside,
    drop its log (it must never be applied to the restored file), then move
    the checked copy in with one rename."""
    for extra in ("", "-wal"):
        source = Path(f"{target}{extra}")
        if source.exists():
            with open(source, "rb") as src, open_private(Path(f"{aside}{extra}")) as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    for extra in ("-wal", "-shm", "-journal"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
    checked.move_to(target)
