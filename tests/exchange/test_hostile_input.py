"""Hostile and broken input: every problem is one Dutch sentence naming the
sheet (and row and column where there is one), never a traceback; memory
stays bounded and time linear (issue 13, findings 4 and 5, Low findings)."""

from __future__ import annotations

import tracemalloc

import pytest

from tests.exchange import hostile as h
from tests.exchange.exchange_data import write_csv
from vwdesk.cli import main
from vwdesk.exchange import limits
from vwdesk.exchange.problems import ImportFailed
from vwdesk.exchange.reading import read_workbook

VOLUNTEERS = h.header("nummer", "soort", "start", "uren_per_week")
DOSSIERS = h.header("nummer", "client", "soort", "geopend", "gezinsleden")


def _lines(path) -> list[str]:
    """What the user is told about `path` (reading problems come with the result)."""
    try:
        data = read_workbook(path)
    except ImportFailed as exc:
        return exc.lines
    data.close()
    assert data.problems
    return data.problems.lines()


def _volunteer(hours: str) -> bytes:
    return h.workbook_bytes({"vrijwilligers": h.sheet_xml(
        VOLUNTEERS + h.row(2, h.s("A2", "V1"), h.s("B2", "vrijwilliger"),
                           h.s("C2", "01-01-2020"), h.n("D2", hours)))})


@pytest.mark.parametrize("value", ["inf", "1e999", "NaN", "-inf"])
def test_inf_and_nan_are_no_numbers(tmp_path, value):
    lines = _lines(h.write(tmp_path / "x.xlsx", _volunteer(value)))
    assert lines == [f"vrijwilligers, rij 2, kolom uren_per_week: \"{value}\" is geen getal; "
                     "vul een getal in, bijv. 12 of 12,5."] or \
        lines[0].startswith("vrijwilligers, rij 2, kolom uren_per_week:")
    assert "geen getal" in lines[0]


def test_a_number_too_large_for_a_whole_number_column(tmp_path):
    path = write_csv(tmp_path / "csv", "contacten", [
        ["datum", "soort", "persoon", "duur_minuten"],
        ["01-02-2020", "spreekuur", "Iemand", "1e308"]])
    assert _lines(path) == ["contacten.csv, rij 2, kolom duur_minuten: \"1e308\" is te groot; "
                            "vul een getal in van hoogstens 2.147.483.647."]


def test_nan_as_a_year_figure(tmp_path):
    path = write_csv(tmp_path / "csv", "jaarcijfers", [
        ["jaar", "sleutel", "waarde"], ["2018", "huisvesting.taakstelling", "NaN"]])
    assert _lines(path) == ["jaarcijfers.csv, rij 2, kolom waarde: \"NaN\" is geen getal; vul "
                            "een getal in, bijv. 12 of 12,5."]


def test_a_huge_date_serial_is_no_date(tmp_path):
    data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(
        VOLUNTEERS + h.row(2, h.s("A2", "V1"), h.s("B2", "vrijwilliger"),
                           h.n("C2", "1e308", style=1)))})
    lines = _lines(h.write(tmp_path / "x.xlsx", data))
    assert len(lines) == 1 and lines[0].startswith("vrijwilligers, rij 2, kolom start: ")
    assert "geen geldige datum" in lines[0]


def test_a_negative_shared_string_index_is_not_the_last_string(tmp_path):
    data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(
        VOLUNTEERS + h.row(2, '<c r="A2" t="s"><v>-1</v></c>', h.s("B2", "vrijwilliger"),
                           h.s("C2", "01-01-2020")))},
        shared="<si><t>geheim</t></si>")
    lines = _lines(h.write(tmp_path / "x.xlsx", data))
    assert lines == ["vrijwilligers, rij 2, kolom A: verwijst naar een gedeelde tekst die niet "
                     "in de werkmap staat; het bestand is beschadigd. Sla de werkmap opnieuw op."]


def test_a_cell_far_beyond_the_last_column(tmp_path):
    data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(
        VOLUNTEERS + '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>')})
    tracemalloc.start()
    try:
        lines = _lines(h.write(tmp_path / "x.xlsx", data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(lines) == 1 and lines[0].startswith("vrijwilligers, rij 2: heeft een cel voorbij")
    assert peak < 32 << 20


def test_too_many_shared_strings(tmp_path, monkeypatch):
    monkeypatch.setattr("vwdesk.exchange.xlsx.MAX_SHARED_STRINGS", 1000)
    data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(VOLUNTEERS)},
                            shared="<si><t/></si>" * 1001)
    assert _lines(h.write(tmp_path / "x.xlsx", data)) == [
        "x.xlsx: heeft meer dan 1.000 verschillende teksten, meer dan vwdesk leest; splits de "
        "gegevens over meer werkmappen."]


def test_shared_strings_are_not_kept_as_elements(tmp_path):
    """60 million empty strings took 5.7 GB: each element stayed in the tree."""
    data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(VOLUNTEERS)},
                            shared="<si><t/></si>" * 300_000)
    path = h.write(tmp_path / "x.xlsx", data)
    tracemalloc.start()
    try:
        read_workbook(path).close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 << 20  # a list of 300,000 references, not 300,000 elements


def test_white_space_after_the_last_row_is_read_in_bounded_memory(tmp_path):
    rows = VOLUNTEERS + h.row(2, h.s("A2", "V1"), h.s("B2", "vrijwilliger"),
                              h.s("C2", "01-01-2020"))
    data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(rows + " " * (40 << 20))})
    path = h.write(tmp_path / "x.xlsx", data)
    tracemalloc.start()
    try:
        read = read_workbook(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    try:
        assert not read.problems and read.sheets["vrijwilligers"].count == 1
    finally:
        read.close()
    assert peak < 12 << 20  # never the 40 MB of white space at once


def test_a_cell_of_many_megabytes(tmp_path):
    rows = VOLUNTEERS + h.row(2, h.s("A2", "V1"), h.s("B2", "x" * (20 << 20)))
    path = h.write(tmp_path / "x.xlsx", h.workbook_bytes({"vrijwilligers": h.sheet_xml(rows)}))
    lines = _lines(path)
    assert len(lines) == 1 and lines[0].startswith("vrijwilligers, rij 2: heeft een rij")


def test_a_long_cell_is_named_with_its_column(tmp_path):
    rows = VOLUNTEERS + h.row(2, h.s("A2", "V1"), h.s("B2", "x" * 40_000))
    lines = _lines(h.write(tmp_path / "x.xlsx", h.workbook_bytes(
        {"vrijwilligers": h.sheet_xml(rows)})))
    assert lines[0].startswith("vrijwilligers, rij 2, kolom soort: \"xxx")
    assert lines[0].endswith("is langer dan 32.767 tekens (de grens van Excel); maak de tekst "
                             "korter.")


def test_a_csv_field_over_131072_characters(tmp_path):
    path = write_csv(tmp_path / "csv", "vrijwilligers", [
        ["nummer", "soort", "start", "team"], ["V1", "vrijwilliger", "01-01-2020", "x" * 140_000]],
        encoding="utf-8")
    lines = _lines(path)
    assert len(lines) == 1 and lines[0].startswith("vrijwilligers.csv, rij 2, kolom team: ")
    assert "langer dan 32.767 tekens" in lines[0]


def test_a_csv_line_beyond_the_row_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("vwdesk.exchange.reading.MAX_ROW_BYTES", 1000)
    path = write_csv(tmp_path / "csv", "vrijwilligers", [
        ["nummer", "soort", "start"], ["V1", "vrijwilliger", "0" * 2000]], encoding="utf-8")
    lines = _lines(path)
    assert len(lines) == 1 and lines[0].startswith("vrijwilligers.csv, rij 2: heeft een rij")


@pytest.mark.parametrize("case, expected", [
    ("no-workbook", "x.xlsx: bevat geen werkmap"),
    ("encrypted", "x.xlsx: is versleuteld of met een wachtwoord beveiligd"),
    ("compression", "x.xlsx: is gecomprimeerd op een manier die vwdesk niet kent"),
    ("encrypted-sheet", "vrijwilligers: is versleuteld of met een wachtwoord beveiligd"),
    ("missing-sheet", "vrijwilligers: ontbreekt in het bestand"),
])
def test_broken_zips_are_named_in_dutch(tmp_path, case, expected):
    good = h.workbook_bytes({"vrijwilligers": h.sheet_xml(VOLUNTEERS)})
    if case == "no-workbook":
        import io
        import zipfile

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("leesmij.txt", "geen werkmap")
        data = buf.getvalue()
    elif case == "encrypted":
        data = h.with_entry_flag(good, "xl/workbook.xml", encrypted=True)
    elif case == "compression":
        data = h.with_entry_flag(good, "xl/workbook.xml", method=99)
    elif case == "encrypted-sheet":
        data = h.with_entry_flag(good, "xl/worksheets/sheet1.xml", encrypted=True)
    else:
        data = h.workbook_bytes({"vrijwilligers": h.sheet_xml(VOLUNTEERS)},
                                sheet_target="worksheets/bestaat-niet.xml")
    lines = _lines(h.write(tmp_path / "x.xlsx", data))
    assert len(lines) == 1 and lines[0].startswith(expected), lines


def test_the_cli_says_it_in_dutch_without_a_traceback(tmp_path, capsys):
    cases = {
        "inf.xlsx": _volunteer("inf"),
        "kolom.xlsx": h.workbook_bytes({"vrijwilligers": h.sheet_xml(
            VOLUNTEERS + '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>')}),
        "versleuteld.xlsx": h.with_entry_flag(_volunteer("1"), "xl/workbook.xml",
                                              encrypted=True),
    }
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    for name, data in cases.items():
        path = h.write(tmp_path / name, data)
        assert main(["--database", db, "import", "--location", "Testdorp", str(path)]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("vwdesk: ")
        assert name.split(".")[0] in ("inf", "kolom") or name in err


def test_limits_are_written_down():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "exchange.md").read_text(encoding="utf-8")
    for number in ("4 GB", "5.000.000", "16.384", "16 MB", "32.767", "512 MB", "64 MB"):
        assert number in doc, number
    assert limits.MAX_CELL_CHARS == 32_767


def test_a_column_name_longer_than_a_cell_may_be(tmp_path):
    path = write_csv(tmp_path / "csv", "vrijwilligers", [
        ["nummer", "x" * 40_000], ["V1", "1"]], encoding="utf-8")
    lines = _lines(path)
    assert lines[0] == ("vrijwilligers.csv, rij 1, kolom B: is langer dan 32.767 tekens (de "
                        "grens van Excel); maak de tekst korter.")
