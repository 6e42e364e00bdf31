"""The streaming .xlsx reader on what other spreadsheet programs write."""

from __future__ import annotations

import datetime as dt
import zipfile
from xml.etree.ElementTree import ParseError

import pytest

from vwdesk.exchange import sheet_rows
from vwdesk.exchange.sheet_rows import SheetRows
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
    w.append([dt.date(2018, 1, 1), "=SUM(1)", "a < b & \"c\"\nregel\r\x01\ud800", 3.25, None])
    w.append([dt.date(2018, 12, 31), True, 7, None, "ሃብቶም"])
    w.close()
    book = XlsxReader(path)
    try:
        rows = list(book.rows(book.sheets[0][1]))
    finally:
        book.close()
    assert rows[1] == (2, [dt.datetime(2018, 1, 1), "=SUM(1)", "a < b & \"c\"\nregel\r", 3.25])
    assert rows[2] == (3, [dt.datetime(2018, 12, 31), "ja", 7, None, "ሃብቶም"])


# The fast reader against ElementTree ------------------------------------------

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
X14AC = 'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'

EXCEL_LIKE = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet {NS} {X14AC}>'
    '<dimension ref="A1:D4"/><sheetData>'
    '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c>'
    '<c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2" spans="1:4" x14ac:dyDescent="0.25"><c r="A2" s="1"><v>43466</v></c>'
    '<c r="B2" s="2"/><c r="C2"><f t="shared" ref="C2:C3" si="0">A2+1</f><v>43467</v></c>'
    '<c r="D2" t="str"><f>"a&amp;b"</f><v>a&amp;b</v></c></row>'
    '<row r="3" spans="1:4" x14ac:dyDescent="0.25"><c r="A3" t="inlineStr"><is><t>r&#233;gel&#10;2'
    '</t></is></c><c r="C3"><f t="shared" si="0"/><v>2</v></c><c r="D3" t="e"><v>#N/A</v></c>'
    '</row>'
    '<row r="4"><c r="A4" t="b"><v>0</v></c><c r="B4" t="n"><v>1E3</v></c>'
    '<c r="C4"><f>1+1</f><v /></c></row>'
    "</sheetData></worksheet>")

UNUSUAL = (
    f"<worksheet {NS}>\n  <sheetData>\n"
    # pretty-printed: white space between rows and cells
    '    <row r="1">\n      <c r="A1" t="inlineStr"><is><t>a</t></is></c>\n'
    '      <c r="B1" t="inlineStr"><is><t xml:space="preserve"> b </t></is></c>\n    </row>\n'
    # t before s, and single quotes: this row goes to ElementTree
    '    <row r="3"><c r="A3" t="n" s="1"><v>43466</v></c><c r=\'B3\'><v>5</v></c></row>\n'
    # r not the first attribute of the row (after a CR), end tags with a space
    '    <row spans="1:2"\rr="4"><c r="A4"><v>4</v></c></row >\n'
    # a self-closing row, empty and CR-broken text
    '    <row r="5"/>\n    <row r="6"><c r="A6" t="inlineStr"><is><t/></is></c>'
    '<c r="B6" t="inlineStr"><is><t>eerste&#13;\r\ntweede</t></is></c>'
    '<c r="C6" t="inlineStr"/></row>\n'
    # a number as a character reference, a > in an attribute value
    '    <row r="7"><c r="A7" t="b"><v>&#49;</v></c><c r="B7" t="inlineStr"><is>'
    '<t foo="1>2">x</t></is></c></row>\n'
    # rows without r follow the last one
    '    <row><c t="inlineStr"><is><t>x</t></is></c></row>\n'
    "  </sheetData >\n</worksheet>")

COMMENTED = (
    f'<worksheet {NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
    '<!-- </row> --><row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[a</row>b]]></t></is>'
    "</c></row><?pi </sheetData>?><row><c><v>3</v></c></row></sheetData></worksheet>")

BETWEEN = (  # an element between rows: the stretch goes to ElementTree
    f'<worksheet {NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row><x:y xmlns:x="urn:x"/>'
    '<row><c><v>2</v></c></row></sheetData></worksheet>')

COMMENTED_HEAD = (
    f'<worksheet {NS}><!-- <sheetData/> --><sheetData><row r="1"><c r="A1"><v>1</v></c>'
    "</row></sheetData></worksheet>")

PREFIXED = (
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>'
    '<x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>')

EMPTY = f'<worksheet {NS}><sheetData/></worksheet>'

STYLES = (
    f'<styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/>'
    '</numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="0"/>'
    "</cellXfs></styleSheet>")
STRINGS = f'<sst {NS}><si><t>datum</t></si><si><r><t>na</t></r><r><t>am</t></r></si></sst>'


def workbook_with(tmp_path, sheet_xml, name="x.xlsx"):
    """A workbook written by XlsxWriter with its sheet, styles (cell style 1
    a date) and shared strings replaced."""
    path = tmp_path / name
    w = XlsxWriter(path)
    w.begin("clienten", ["x"], [10])
    w.close()
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    parts["xl/styles.xml"] = STYLES.encode()
    parts["xl/sharedStrings.xml"] = STRINGS.encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>")
    with zipfile.ZipFile(path, "w") as dst:
        for n, data in parts.items():
            dst.writestr(n, data)
    return path


def read_both_ways(path):
    """(rows as `rows` reads them, rows as ElementTree alone reads them)."""
    book = XlsxReader(path)
    try:
        part = book.sheets[0][1]
        fast = list(book.rows(part))
        with book.zip.open(part) as f:
            tree = list(SheetRows(book.strings, book.date_styles, book.epoch).tree_rows(f))
    finally:
        book.close()
    return fast, tree


def count_elementtree_fragments(monkeypatch):
    """Rows the fast path hands to ElementTree (one call per stretch or row)."""
    calls = []
    parse = SheetRows._fragment_rows
    monkeypatch.setattr(SheetRows, "_fragment_rows",
                        lambda self, *a: calls.append(a) or parse(self, *a))
    return calls


def test_fast_reader_reads_what_excel_writes(tmp_path, monkeypatch):
    fragments = count_elementtree_fragments(monkeypatch)
    fast, tree = read_both_ways(workbook_with(tmp_path, EXCEL_LIKE))
    assert not fragments  # every row read by the fast reader
    assert fast == tree == [
        (1, ["datum", "naam"]),
        (2, [dt.datetime(2019, 1, 1), None, 43467, "a&b"]),
        (3, ["régel\n2", None, 2, "#N/A"]),
        (4, [False, 1000.0, None]),
    ]


def test_rows_in_other_forms_are_read_by_elementtree(tmp_path, monkeypatch):
    fragments = count_elementtree_fragments(monkeypatch)
    fast, tree = read_both_ways(workbook_with(tmp_path, UNUSUAL))
    assert len(fragments) == 4
    assert fast == tree == [
        (1, ["a", " b "]),
        (3, [dt.datetime(2019, 1, 1), 5]),
        (4, [4]),
        (5, []),
        (6, ["", "eerste\r\ntweede", None]),
        (7, [True, "x"]),
        (8, ["x"]),
    ]


def test_comments_cdata_and_instructions_hand_the_rest_to_elementtree(tmp_path):
    fast, tree = read_both_ways(workbook_with(tmp_path, COMMENTED))
    assert fast == tree == [(1, [1]), (2, ["a</row>b"]), (3, [3])]
    fast, tree = read_both_ways(workbook_with(tmp_path, COMMENTED_HEAD, "head.xlsx"))
    assert fast == tree == [(1, [1])]
    fast, tree = read_both_ways(workbook_with(tmp_path, BETWEEN, "between.xlsx"))
    assert fast == tree == [(1, [1]), (2, [2])]


def test_sheets_with_prefixes_or_without_rows(tmp_path):
    fast, tree = read_both_ways(workbook_with(tmp_path, PREFIXED, "p.xlsx"))
    assert fast == tree == [(1, ["a", 2])]
    fast, tree = read_both_ways(workbook_with(tmp_path, EMPTY, "e.xlsx"))
    assert fast == tree == []


def test_rows_cut_across_pieces_of_the_file(tmp_path, monkeypatch):
    """The sheet is read in pieces; a row split between two pieces is
    read whole, whatever the piece size."""
    path = tmp_path / "z.xlsx"
    w = XlsxWriter(path)
    w.begin("contacten", ["datum", "client", "notitie"], [10] * 3)
    for i in range(300):
        w.append([dt.date(2018, 1, 1) + dt.timedelta(days=i), f"C{i}",
                  "a & b\nc" if i % 7 else None])
    w.close()
    whole, tree = read_both_ways(path)
    assert whole == tree and len(whole) == 301
    for size in (13, 100, 4096):
        monkeypatch.setattr(sheet_rows, "CHUNK", size)
        assert read_both_ways(path)[0] == whole


@pytest.mark.parametrize("damage", [
    lambda x: x[:x.index('<row r="3"') + 40],  # cut off in the middle
    lambda x: x.replace("r&#233;gel", "r&eacute;gel"),  # an entity XML does not define
    lambda x: x.replace("r&#233;gel", "r&#0;gel"),  # a character XML does not allow
    lambda x: x.replace("r&#233;gel", "r\x01gel"),
    lambda x: x.replace('<row r="4">', '</row><row r="4">'),  # an end tag too many
    lambda x: x.replace("</sheetData></worksheet>", "</sheetData><a></worksheet>"),
])
def test_damaged_sheet_xml_is_an_error_not_missing_rows(tmp_path, damage):
    """Damaged XML raises (the import reports the sheet as damaged) on the
    fast path as through ElementTree, instead of losing or inventing rows."""
    path = workbook_with(tmp_path, damage(EXCEL_LIKE))
    book = XlsxReader(path)
    part = book.sheets[0][1]
    try:
        with pytest.raises((ValueError, ParseError)):
            list(book.rows(part))
        with book.zip.open(part) as f, pytest.raises((ValueError, ParseError)):
            list(SheetRows(book.strings, book.date_styles, book.epoch).tree_rows(f))
    finally:
        book.close()


def test_openpyxl_workbook_reads_the_same_both_ways(tmp_path):
    """openpyxl writes `<v />` for a formula without a cached value."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["a", 1, 2.5, dt.date(2020, 1, 2), True, "=1+1", None, "x&y"])
    wb.save(tmp_path / "o.xlsx")
    fast, tree = read_both_ways(tmp_path / "o.xlsx")
    assert fast == tree == [(1, ["a", 1, 2.5, dt.datetime(2020, 1, 2), True, None, None, "x&y"])]


def test_rows_stream_while_the_sheet_is_read(tmp_path):
    """A large sheet is never read whole: the first rows come out while most
    of the file is still unread (what keeps a 50 MB workbook's memory flat)."""
    path = tmp_path / "groot.xlsx"
    w = XlsxWriter(path)
    w.begin("contacten", ["datum", "client", "notitie"], [10] * 3)
    for i in range(60_000):
        w.append([dt.date(2018, 1, 1), f"C{i:06d}", "spreekuur over een brief van de gemeente"])
    w.close()
    book = XlsxReader(path)
    read = []
    try:
        part = book.sheets[0][1]
        size = book.sheet_size(part)
        rows = book.rows(part, read.append)
        assert next(rows) == (1, ["datum", "client", "notitie"])
        assert read[-1] < size / 2
        assert sum(1 for _ in rows) == 60_000
        assert read[-1] == size
    finally:
        book.close()
