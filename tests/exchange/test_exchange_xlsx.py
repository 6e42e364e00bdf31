"""The streaming .xlsx reader on what other spreadsheet programs write."""

from __future__ import annotations

import datetime as dt
import zipfile

from vwdesk.exchange.xlsx import XlsxReader, XlsxWriter

SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
    # no r attributes at all (allowed by the standard)
    '<row><c t="inlineStr"><is><t>nummer</t></is></c><c t="inlineStr"><is><t>amv</t></is></c>'
    "</row>"
    # a gap (rows 2-3 absent), a skipped column, ISO date cell, boolean, formula text
    '<row r="4"><c r="A4" t="str"><f>"C"&amp;1</f><v>C1</v></c><c r="C4" t="b"><v>1</v></c>'
    '<c r="D4" t="d"><v>2019-12-31T00:00:00</v></c></row>'
    # rich text with a phonetic hint that must not be read
    '<row r="5"><c r="A5" t="inlineStr"><is><r><t>Al-</t></r><r><t>Ḥasan</t></r>'
    "<rPh><t>x</t></rPh></is></c><c r=\"B5\"><v>1.5</v></c><c r=\"C5\"><v>42</v></c></row>"
    "</sheetData></worksheet>")


def rewrite_sheet(path, xml):
    """Replace sheet 1 of a workbook written by XlsxWriter."""
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_reader_handles_positions_gaps_and_cell_types(tmp_path):
    path = tmp_path / "x.xlsx"
    w = XlsxWriter(path)
    w.begin("clienten", ["x"], [10])
    w.close()
    rewrite_sheet(path, SHEET)
    book = XlsxReader(path)
    try:
        [(title, part)] = book.sheets
        rows = list(book.rows(part))
    finally:
        book.close()
    assert title == "clienten"
    assert rows == [
        (1, ["nummer", "amv"]),
        (4, ["C1", None, True, dt.datetime(2019, 12, 31)]),
        (5, ["Al-Ḥasan", 1.5, 42]),
    ]


def test_writer_round_trips_values_through_the_reader(tmp_path):
    path = tmp_path / "y.xlsx"
    w = XlsxWriter(path)
    w.begin("teksten", ["a", "b", "c", "d", "e"], [10] * 5)
    w.append([dt.date(2018, 1, 1), "=SUM(1)", "a < b & \"c\"\nregel\r\x01", 3.25, None])
    w.append([dt.date(2018, 12, 31), True, 7, None, "ሃብቶም"])
    w.close()
    book = XlsxReader(path)
    try:
        rows = list(book.rows(book.sheets[0][1]))
    finally:
        book.close()
    assert rows[1] == (2, [dt.datetime(2018, 1, 1), "=SUM(1)", "a < b & \"c\"\nregel\r", 3.25])
    assert rows[2] == (3, [dt.datetime(2018, 12, 31), "ja", 7, None, "ሃብቶም"])
