"""`vwdesk report` on the demo database: PDF and the figures workbook."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from vwdesk.cli import main


@pytest.fixture
def demo_file(demo_db, tmp_path):
    """A copy of the session's demo database (the CLI opens its own)."""
    with demo_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_db.engine.url.database, path)
    return str(path)


@pytest.mark.parametrize("location", ["Vlaardingen", "Maassluis"])
def test_report_pdf_for_both_seed_locations(demo_file, tmp_path, capsys, location):
    out = tmp_path / f"{location}.pdf"
    assert main(["report", "--database", demo_file, "--location", location, "--year", "2018",
                 "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "geschreven" in capsys.readouterr().out


def test_report_xlsx_has_every_figure_with_its_definition(demo_file, tmp_path):
    out = tmp_path / "v.xlsx"
    assert main(["report", "--database", demo_file, "--location", "Vlaardingen", "--year",
                 "2018", "-o", str(out)]) == 0
    ws = load_workbook(out).active
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["spreekuur.contacten"][1] == 552
    assert rows["spreekuur.contacten"][5] == 316  # previous year
    assert "spreekuur" in rows["spreekuur.contacten"][2]
    assert rows["huisvesting.grootste_groep"][1] == "Syriërs (39)"
    assert rows["taalcentrum.bijeenkomsten"][3] == "ingevoerd"
    assert all(r[2] for r in rows.values()), "every figure has its definition"


def test_report_errors_are_one_dutch_sentence(demo_file, tmp_path, capsys):
    assert main(["report", "--database", demo_file, "--location", "Schiedam", "--year", "2018",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["report", "--database", demo_file, "--location", "Maassluis", "--year", "2018",
                 "-o", str(tmp_path / "x.docx")]) == 2
    assert ".pdf of .xlsx" in capsys.readouterr().err
