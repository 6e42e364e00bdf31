"""Text typed by users is never a formula in a file they open in a
spreadsheet program (issue 13, finding 3)."""

from __future__ import annotations

import csv
import zipfile

from vwdesk.core.services import base
from vwdesk.exchange.exporting import export_location
from vwdesk.exchange.reading import read_workbook

NAMES = ["=HYPERLINK(\"http://x.invalid\",\"klik\")", "+31 6 1234", "-2+3", "@SUM(A1)",
         "\tTab", "gewoon"]


def test_csv_export_quotes_formula_text_and_the_import_reads_it_back(office, tmp_path):
    with office.db.session() as s:
        for i, name in enumerate(NAMES):
            base.create(s, office.teamleader, "clients", office.location_id,
                        {"number": f"F{i}", "last_name": name})
    export_location(office.db, office.teamleader, "Testdorp", tmp_path / "csv")
    with open(tmp_path / "csv" / "clienten.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    col = rows[0].index("achternaam")
    written = [r[col] for r in rows[1:]]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t")) for cell in written)
    assert written[-1] == "gewoon"
    data = read_workbook(tmp_path / "csv")
    try:
        read = [row.values["last_name"] for row in data.sheets["clienten"].rows()]
    finally:
        data.close()
    assert read == [n.strip() for n in NAMES]


def test_figures_workbook_writes_a_typed_note_as_text(office, tmp_path):
    from vwdesk.report import compute_figures, export_figures_xlsx

    note = "=HYPERLINK(\"http://x.invalid\",\"klik\")"
    with office.db.session() as s:
        base.create(s, office.teamleader, "year_figures", office.location_id,
                    {"year": 2018, "key": "spreekuur.contacten", "value": 5, "mode": "vervangt",
                     "note": note})
    out = tmp_path / "cijfers.xlsx"
    export_figures_xlsx(compute_figures(office.db, office.location_id, 2018), str(out))
    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    notes = [row[4] for row in ws.iter_rows(min_row=3, values_only=True) if row[4]]
    assert notes == [note]
