"""A process that is stopped hard in the middle of a backup or restore, or
that keeps the database open (run by test_backup_hardening.py).

    backup_worker.py kill-backup URL FOLDER PASSPHRASE
        dies (os._exit) at the moment the backup starts encrypting
    backup_worker.py kill-restore URL BACKUP
        dies between two steps of the restore's copy into the database
    backup_worker.py hold URL
        opens the database, prints READY and waits for stdin to close
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from vwdesk.core.db import Database
from vwdesk.privacy import backup, crypto


def die(*_args, **_kwargs):
    os._exit(9)


def main(command: str, url: str, *rest: str) -> None:
    if command == "kill-backup":
        folder, passphrase = rest
        for name in ("encrypt", "encrypt_stream"):  # the encryption, before and after 2027
            if hasattr(crypto, name):
                setattr(crypto, name, die)
        db = Database(url)
        backup.make_backup(db, Path(folder), passphrase)
    elif command == "kill-restore":
        backup.RESTORE_PAGES = 2
        backup._restore_progress = die
        backup.restore(url, Path(rest[0]))
    elif command == "hold":
        db = Database(url)
        with db.session() as s:
            s.connection().exec_driver_sql("SELECT count(*) FROM users").scalar()
        print("READY", flush=True)
        sys.stdin.read()
        db.close()
    sys.exit(0)


if __name__ == "__main__":
    main(*sys.argv[1:])
