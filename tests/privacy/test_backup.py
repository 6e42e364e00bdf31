"""Backups, restore, integrity and a second instance (issue points 4 and 5)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import create
from vwdesk.privacy.backup import (
    BackupError,
    backup_if_due,
    list_backups,
    make_backup,
    passphrase_opens,
    restore,
    rotate,
    verify_backup,
)
from vwdesk.privacy.integrity import DatabaseDamaged, check_database, check_file
from vwdesk.privacy.settings import update_settings
from vwdesk.privacy.startup import run_startup_checks

D = dt.date


def _clients(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(m.Client.id)))


def test_backup_and_restore_round_trip(office_sqlite, fill_sqlite, tmp_path):
    db = office_sqlite.db
    fill_sqlite.client("R1")
    backup = make_backup(db, tmp_path / "bk")
    assert backup.suffix == ".sqlite" and backup.parent == tmp_path / "bk"
    fill_sqlite.client("R2")
    assert _clients(db) == 2
    url = db.url
    db.close()
    aside = restore(url, backup)
    assert aside is not None and aside.exists() and "vervangen" in aside.name
    db2 = Database(url)
    try:
        assert _clients(db2) == 1
    finally:
        db2.close()
    kept = Database(f"sqlite:///{aside}")  # the replaced database, with both clients
    try:
        assert _clients(kept) == 2
    finally:
        kept.close()


def test_passphrase_is_checked_without_reading_the_whole_backup(office_sqlite, fill_sqlite,
                                                                tmp_path):
    """A wrong passphrase is known from the key and the first chunk, before a
    restore is asked for; a backup cut after its first chunk still opens
    there (the rest is checked when it is restored)."""
    from vwdesk.privacy.crypto import CHUNK, TAG

    fill_sqlite.client("P1")
    backup = make_backup(office_sqlite.db, tmp_path, passphrase="correct paard batterij")
    assert not passphrase_opens(backup, "verkeerde zin")
    assert passphrase_opens(backup, "correct paard batterij")
    header, body = backup.read_bytes().split(b"\n", 1)
    assert len(body) > 2 * (CHUNK + TAG)
    cut = tmp_path / "afgebroken.vwbak"
    cut.write_bytes(header + b"\n" + body[:CHUNK + TAG + 100])
    assert passphrase_opens(cut, "correct paard batterij")
    with pytest.raises(VwdeskError, match="beschadigd"):
        verify_backup(cut, "correct paard batterij")
    with pytest.raises(BackupError, match="kan niet worden gelezen"):
        passphrase_opens(tmp_path / "weg.vwbak", "correct paard batterij")


def test_encrypted_backup_needs_the_passphrase(office_sqlite, fill_sqlite, tmp_path):
    db = office_sqlite.db
    fill_sqlite.client("E1", first="Geheimnaam")
    backup = make_backup(db, tmp_path, passphrase="correct paard batterij")
    assert backup.suffix == ".vwbak"
    assert b"Geheimnaam" not in backup.read_bytes() and b"SQLite format" not in backup.read_bytes()
    with pytest.raises(VwdeskError, match="versleuteld"):
        verify_backup(backup)
    with pytest.raises(VwdeskError, match="wachtwoordzin klopt niet"):
        verify_backup(backup, "verkeerde zin")
    url = db.url
    db.close()
    restore(url, backup, "correct paard batterij")
    db2 = Database(url)
    try:
        assert _clients(db2) == 1
    finally:
        db2.close()


def test_restore_refuses_a_bad_file_and_keeps_the_database(office_sqlite, tmp_path):
    bad = tmp_path / "vwdesk-20260101-120000.sqlite"
    bad.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(BackupError, match="geen"):
        restore(office_sqlite.db.url, bad)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(BackupError, match="geen vwdesk-database"):
        restore(office_sqlite.db.url, other)
    assert check_database(office_sqlite.db) is None


def test_postgresql_is_told_to_use_pg_dump(tmp_path):
    with pytest.raises(BackupError, match="pg_dump"):
        restore("postgresql+psycopg://app@localhost/app", tmp_path / "x.sqlite")


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    start = dt.datetime(2025, 1, 1, 9)
    for hours in range(0, 24 * 400, 6):  # four backups a day for 400 days
        when = start + dt.timedelta(hours=hours)
        (tmp_path / f"vwdesk-{when:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    (tmp_path / "vwdesk-demo-20250101-090000.sqlite").write_bytes(b"x")  # other database
    rotate(tmp_path, "vwdesk")
    kept = [b.made_at for b in list_backups(tmp_path, "vwdesk")]
    newest = start + dt.timedelta(hours=24 * 400 - 6)
    assert kept[0] == newest
    assert sum(1 for k in kept if newest - k < dt.timedelta(hours=24)) == 4  # the last day
    older = [k for k in kept if newest - k >= dt.timedelta(hours=24)]
    assert len({k.date() for k in older}) == len(older)  # one per day at most
    assert len(kept) <= 4 + 7 + 4 + 12 and len(kept) >= 12
    assert len({k.date() for k in kept if newest - k < dt.timedelta(days=7)}) == 7
    months = {(k.year, k.month) for k in kept}
    assert len(months) == 12
    assert (tmp_path / "vwdesk-demo-20250101-090000.sqlite").exists()


def test_backup_folder_setting_and_backup_if_due(office_sqlite, tmp_path):
    db = office_sqlite.db
    folder = tmp_path / "netwerkschijf"
    with db.session() as s:
        update_settings(s, office_sqlite.teamleader, office_sqlite.location_id,
                        {"backup_dir": str(folder)})
    now = dt.datetime(2026, 11, 22, 9, 0)
    first = backup_if_due(db, now=now)
    assert first is not None and first.parent == folder
    assert backup_if_due(db, now=now + dt.timedelta(hours=1)) is None
    assert backup_if_due(db, now=now + dt.timedelta(hours=4)) is not None


def test_startup_checks_run_retention_once_a_day_and_back_up(office_sqlite, fill_sqlite):
    fill_sqlite.client("OLD", housed_on=D(2010, 1, 1))
    notices = run_startup_checks(office_sqlite.db)
    assert notices == ["De bewaartermijn is verstreken voor 1 cliënten; "
                       "hun persoonsgegevens zijn nu verwijderd."]
    assert run_startup_checks(office_sqlite.db) == []
    with office_sqlite.db.session() as s:
        assert s.scalar(select(func.count()).where(m.AuditEntry.action == "retention")) == 1
    from vwdesk.core.db import data_dir
    assert len(list_backups(data_dir() / "backups", "test")) == 1


def test_startup_reports_an_unreachable_backup_folder(office_sqlite, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with office_sqlite.db.session() as s:
        update_settings(s, office_sqlite.teamleader, office_sqlite.location_id,
                        {"backup_dir": str(blocker / "sub")})
    notices = run_startup_checks(office_sqlite.db)
    assert len(notices) == 1 and "kan niet worden gemaakt" in notices[0]


def _damage(path):
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(2, len(data) // page):  # scribble over every page but the first
        data[p * page + 8: p * page + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def test_damaged_database_is_reported_with_the_newest_good_backup(office_sqlite, tmp_path):
    db = office_sqlite.db
    good = make_backup(db, now=dt.datetime(2026, 11, 20, 10))
    make_backup(db, now=dt.datetime(2026, 11, 21, 10))
    newest = make_backup(db, now=dt.datetime(2026, 11, 22, 10))
    _damage(newest)  # the newest backup itself is bad: skip it
    url = db.url
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    from vwdesk.privacy.backup import sqlite_path
    _damage(sqlite_path(url))
    with pytest.raises(DatabaseDamaged) as info:
        check_file(url)
    assert info.value.backup is not None and info.value.backup.name.endswith("20261121-100000.sqlite")
    assert "beschadigd" in info.value.message and str(info.value.backup) in info.value.message
    restore(url, info.value.backup)
    check_file(url)
    db2 = Database(url)
    try:
        check_database(db2)
    finally:
        db2.close()
    assert good.exists()


def test_two_instances_write_concurrently(office_sqlite, tmp_path):
    url = office_sqlite.db.url
    first, second = Database(url), Database(url)
    errors = []

    def writer(db, prefix):
        try:
            for i in range(40):
                with db.session() as s:
                    create(s, office_sqlite.teamleader, "contacts", office_sqlite.location_id,
                           {"date": D(2024, 1, 1), "kind": "spreekuur",
                            "person_label": f"{prefix}{i}"})
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(db, p)) for db, p in
               ((first, "a"), (second, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        with first.session() as s:
            assert s.scalar(select(func.count(m.Contact.id))) == 80
        check_database(second)
    finally:
        first.close()
        second.close()


def test_startup_checks_raise_on_a_damaged_open_database(office_sqlite, tmp_path):
    db = office_sqlite.db
    make_backup(db, now=dt.datetime(2026, 11, 21, 10))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.engine.dispose()
    from vwdesk.privacy.backup import sqlite_path
    _damage(sqlite_path(db.url))
    with pytest.raises(DatabaseDamaged) as info:
        run_startup_checks(db)
    assert info.value.backup is not None


def test_automatic_backups_encrypted_with_the_configured_key(office_sqlite, fill_sqlite, tmp_path):
    from vwdesk.privacy.settings import set_backup_encryption

    db = office_sqlite.db
    fill_sqlite.client("K1", first="Sleutelnaam")
    with db.session() as s:
        update_settings(s, office_sqlite.teamleader, office_sqlite.location_id,
                        {"client_years": 8})
        set_backup_encryption(s, office_sqlite.teamleader, office_sqlite.location_id,
                              "zin voor de kluis")
    with db.session() as s:  # a later settings change keeps the key
        update_settings(s, office_sqlite.teamleader, office_sqlite.location_id,
                        {"access_warning_threshold": 30})
    backup = backup_if_due(db)
    assert backup.suffix == ".vwbak" and b"Sleutelnaam" not in backup.read_bytes()
    with pytest.raises(VwdeskError, match="wachtwoordzin klopt niet"):
        verify_backup(backup, "een verkeerde zin")
    assert not passphrase_opens(backup, "een verkeerde zin")
    assert passphrase_opens(backup, "zin voor de kluis")
    url = db.url
    db.close()
    restore(url, backup, "zin voor de kluis")  # needs nothing but the passphrase
    db2 = Database(url)
    try:
        with db2.session() as s:
            assert s.scalar(select(m.Client.first_name)) == "Sleutelnaam"
            set_backup_encryption(s, office_sqlite.teamleader, office_sqlite.location_id, None)
            audit = s.scalars(select(m.AuditEntry.changes).where(
                m.AuditEntry.table_name == "locations")).all()
        assert make_backup(db2, tmp_path / "plain").suffix == ".sqlite"
        assert not any("PRIVATE" in repr(a) for a in audit)
    finally:
        db2.close()


def test_a_backup_named_with_an_impossible_moment_is_dated_by_its_file(tmp_path):
    from vwdesk.privacy.backup import made_at

    renamed = tmp_path / "vwdesk-20251399-999999.sqlite"  # our shape, no real moment
    renamed.write_bytes(b"x")
    assert made_at(renamed).date() == dt.date.today()
