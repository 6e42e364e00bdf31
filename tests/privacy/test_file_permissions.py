"""Files vwdesk writes are private to the operating-system account (issue 13,
finding 8): on POSIX 0600 files and 0700 folders, whatever the umask. On
Windows the user profile's ACLs protect them (docs/privacy.md)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from pathlib import Path

import pytest

from vwdesk.core.db import Database, data_dir
from vwdesk.exchange.exporting import export_location
from vwdesk.logging_setup import configure_logging
from vwdesk.privacy.backup import make_backup
from vwdesk.privacy.inzage import write_inzage

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def open_umask():
    old = os.umask(0o022)  # what most systems use: others may read
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_wal_exports_inzage_log_and_backups_are_private(
        open_umask, office_sqlite, fill_sqlite, tmp_path):
    folder = tmp_path / "nieuw"
    db = Database(f"sqlite:///{folder / 'kantoor.sqlite'}")
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (a)")
        assert _mode(folder / "kantoor.sqlite") == 0o600
        assert _mode(folder / "kantoor.sqlite-wal") == 0o600
    finally:
        db.close()
    assert _mode(data_dir()) == 0o700

    client = fill_sqlite.client("P1")
    fill_sqlite.contact(dt.date(2020, 1, 1), client)
    actor = fill_sqlite.actor
    written = [
        write_inzage(fill_sqlite.db, actor, client, tmp_path / "inzage" / "p1.pdf"),
        write_inzage(fill_sqlite.db, actor, client, tmp_path / "p1.json"),
        make_backup(fill_sqlite.db, tmp_path / "backups"),
        make_backup(fill_sqlite.db, tmp_path / "backups", passphrase="correct paard batterij",
                    now=dt.datetime(2020, 1, 1)),
    ]
    export_location(fill_sqlite.db, actor, "Testdorp", tmp_path / "uit" / "werkmap.xlsx")
    export_location(fill_sqlite.db, actor, "Testdorp", tmp_path / "csv")
    written += [tmp_path / "uit" / "werkmap.xlsx", *sorted((tmp_path / "csv").iterdir())]
    log_path = configure_logging(tmp_path / "logs")
    logging.getLogger("vwdesk.test").info("probe")
    written.append(log_path)
    assert {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in written
            if _mode(p) != 0o600} == {}
    for made in ("inzage", "backups", "uit", "csv", "logs"):
        assert _mode(tmp_path / made) == 0o700, made


def test_an_older_world_readable_database_is_made_private_when_opened(open_umask, tmp_path):
    path = tmp_path / "oud.sqlite"
    Database(f"sqlite:///{path}").close()
    os.chmod(path, 0o644)
    Database(f"sqlite:///{path}").close()
    assert _mode(path) == 0o600
