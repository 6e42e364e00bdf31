"""A command acting for a named user asks that user's password; without
`--user` it acts as the system actor (issue 13, finding 7)."""

from __future__ import annotations

import io

from sqlalchemy import select

from tests.conftest import Office
from tests.exchange.exchange_data import write_csv
from vwdesk.cli import main
from vwdesk.core import models as m


def _workbook(tmp_path):
    return write_csv(tmp_path / "csv", "clienten", [["nummer", "voornaam"], ["K1", "Nour"]])


def _importers(db) -> set:
    with db.session() as s:
        return set(s.scalars(select(m.AuditEntry.user_id).where(
            m.AuditEntry.table_name == "clients")))


def _run(monkeypatch, stdin: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(args))


def test_user_acts_only_with_the_right_password(sqlite_db, tmp_path, monkeypatch, capsys):
    office = Office(sqlite_db)
    path = str(_workbook(tmp_path))
    base = ["import", "--location", "Testdorp", "--database", sqlite_db.url,
            "--user", "tl-testdorp", path]
    assert _run(monkeypatch, "", *base) == 2
    assert "Geen wachtwoord ontvangen" in capsys.readouterr().err
    assert _run(monkeypatch, "fout-wachtwoord\n", *base) == 2
    assert "klopt niet" in capsys.readouterr().err
    assert _importers(sqlite_db) == set()
    assert _run(monkeypatch, "geheim-wachtwoord\n", *base) == 0
    assert _importers(sqlite_db) == {office.teamleader.user_id}
    with sqlite_db.session() as s:  # the CLI's login is audited like the app's
        assert s.scalar(select(m.AuditEntry.user_id).where(m.AuditEntry.action == "login")) \
            == office.teamleader.user_id


def test_an_unknown_user_is_told_like_a_wrong_password(sqlite_db, tmp_path, monkeypatch,
                                                      capsys):
    Office(sqlite_db)
    assert _run(monkeypatch, "geheim-wachtwoord\n", "privacy", "erase", "--location",
                "Testdorp", "--user", "niemand", "--database", sqlite_db.url, "X1",
                "--reason", "verzoek") == 2
    assert "Gebruikersnaam of wachtwoord klopt niet" in capsys.readouterr().err


def test_without_user_the_system_actor_is_recorded(sqlite_db, tmp_path, monkeypatch):
    Office(sqlite_db)
    assert _run(monkeypatch, "", "import", "--location", "Testdorp", "--database",
                sqlite_db.url, str(_workbook(tmp_path))) == 0
    assert _importers(sqlite_db) == {None}  # shown as "systeem" in the audit log
