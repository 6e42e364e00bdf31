"""`vwdesk export` and the import's progress bar."""

from __future__ import annotations

import io

from vwdesk.cli import main
from vwdesk.cli.exchange import ProgressBar
from tests.exchange.exchange_data import QuickOffice, fill


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_redraws_in_place_on_a_terminal():
    out = FakeTerminal()
    bar = ProgressBar("Import", out)
    bar(0, 200)
    bar(200, 200)
    bar.finish()
    text = out.getvalue()
    assert text.count("\r") == 2 and text.endswith("100%\n")
    assert "[" + "#" * 30 + "]" in text


def test_progress_bar_is_silent_in_a_pipe():
    out = io.StringIO()
    bar = ProgressBar("Import", out)
    bar(5, 10)
    bar.finish()
    assert out.getvalue() == ""


def test_cli_export_and_reimport(sqlite_db, tmp_path, capsys):
    fill(QuickOffice(sqlite_db))
    target = tmp_path / "uit.xlsx"
    assert main(["export", "--location", "Testdorp", "--year", "2018", "--database",
                 sqlite_db.url, str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"15 regels geëxporteerd naar {target}: clienten 1, woningen 2, "
                          "verhuizingen 0, onderwerpen 0, contacten 2,")
    assert main(["import", "--location", "Testdorp", "--database", sqlite_db.url,
                 str(target)]) == 0
    assert "contacten: 0 nieuw, 0 gewijzigd, 2 ongewijzigd" in capsys.readouterr().out


def test_cli_export_to_an_unknown_location(sqlite_db, tmp_path, capsys):
    assert main(["export", "--location", "Nergens", "--database", sqlite_db.url,
                 str(tmp_path / "x.xlsx")]) == 2
    assert capsys.readouterr().err == "vwdesk: Locatie \"Nergens\" bestaat niet; bekende " \
                                      "locaties: geen.\n"
