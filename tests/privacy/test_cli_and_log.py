"""The CLI commands, and no personal data in the application log (point 7)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging

from privacy_helpers import Filler, SqliteOffice
from sqlalchemy import select

from vwdesk.cli import main
from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.logging_setup import configure_logging

D = dt.date
SECRETS = ("Zainab", "Qureshi", "ZQ-4711", "0655501234", "ZQ-4711@example.org",
           "moeite met de taal", "besproken: toeslagen", "Walid", "Dorpsstraat 9")


def _office(tmp_path):
    path = tmp_path / "cli.sqlite"
    db = Database(f"sqlite:///{path}")
    office = SqliteOffice(db)
    fill = Filler(office)
    dw = fill.add("dwellings", number="W9", address="Dorpsstraat 9", available_on=D(2012, 1, 1))
    client = fill.add("clients", number="ZQ-4711", first_name="Zainab", last_name="Qureshi",
                      phone="0655501234", email="ZQ-4711@example.org",
                      note="moeite met de taal", housed_on=D(2012, 2, 1), dwelling_id=dw,
                      birth_date=D(1980, 1, 1), gender="v", nationality="AF")
    fill.contact(D(2012, 3, 1), client_id=client)
    fill.contact(D(2012, 3, 2), label="Walid")
    fill.client("NEW-1", housed_on=D(2024, 1, 1))
    db.close()
    return path


def test_cli_session_works_and_logs_no_personal_data(tmp_path, capsys, monkeypatch):
    log_path = configure_logging(tmp_path / "logs")
    try:
        path = _office(tmp_path)
        base = ["--database", str(path)]
        assert main(["privacy", "run", "--dry-run", "--as-of", "2020-01-01", *base]) == 0
        out = capsys.readouterr().out
        assert "cliënt ZQ-4711 (laatste activiteit 01-03-2012)" in out
        assert "proefdraai" in out and "Walid" not in out
        json_out = tmp_path / "inzage.json"
        assert main(["privacy", "inzage", "--location", "Testdorp", "ZQ-4711",
                     "-o", str(json_out), *base]) == 0
        assert json.loads(json_out.read_text(encoding="utf-8"))["client"]["first_name"] == "Zainab"
        assert main(["privacy", "inzage", "--location", "Testdorp", "ZQ-4711",
                     "-o", str(tmp_path / "inzage.pdf"), *base]) == 0
        assert main(["backup", "--to", str(tmp_path / "bk"), *base]) == 0
        monkeypatch.setattr("sys.stdin", io.StringIO("lange wachtwoordzin\n"))
        assert main(["backup", "--to", str(tmp_path / "bk"), "--passphrase-stdin", *base]) == 0
        capsys.readouterr()
        assert main(["privacy", "erase", "--location", "Testdorp", "NEW-1",
                     "--reason", "e-mail van de cliënt", *base]) == 0
        assert main(["privacy", "run", "--as-of", "2020-01-01", *base]) == 0
        out = capsys.readouterr().out
        assert "Geanonimiseerd per 01-01-2020" in out
        assert main(["privacy", "inzage", "--location", "Testdorp", "ZQ-4711",
                     "-o", str(json_out), *base]) == 2  # its number is gone now
        backups = sorted((tmp_path / "bk").iterdir())
        assert sorted(b.suffix for b in backups) == [".sqlite", ".vwbak"]
        plain = next(b for b in backups if b.suffix == ".sqlite")
        assert main(["restore", str(plain), *base]) == 0
        db = Database(f"sqlite:///{path}")
        with db.session() as s:
            assert s.scalar(select(m.Client.first_name).where(m.Client.number == "ZQ-4711")) \
                == "Zainab"
        db.close()
        assert main(["privacy", "run", "--as-of", "31-31-2020", *base]) == 2
        assert "geen datum" in capsys.readouterr().err
        # An error with data in its message: logged without the message.
        logging.getLogger("vwdesk.test").error("test.failure", exc_info=ValueError("Zainab"))
    finally:
        for handler in logging.getLogger("vwdesk").handlers:
            handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "retention.run" in text and "backup.made" in text and "privacy.inzage" in text
    assert "builtins.ValueError at" in text
    for secret in SECRETS:
        assert secret not in text, secret


def test_backup_of_postgresql_says_use_pg_dump(capsys):
    code = main(["backup", "--database", "postgresql://app@127.0.0.1:1/app"])
    assert code == 2 and "pg_dump" in capsys.readouterr().err


def test_message_free_even_when_another_handler_formatted_first(tmp_path):
    path = configure_logging(tmp_path)
    logger = logging.getLogger("vwdesk.x")
    other = logging.StreamHandler()
    logger.addHandler(other)  # runs before the "vwdesk" handler
    try:
        logger.error("x.failed", exc_info=ValueError("Zainab"))
    finally:
        logger.removeHandler(other)
    for h in logging.getLogger("vwdesk").handlers:
        h.flush()
    text = path.read_text()
    assert "x.failed" in text and "Zainab" not in text
