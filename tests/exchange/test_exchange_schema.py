"""The workbook's sheets and columns follow from the record kinds: no field
is left without a column, and the guide names every column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vwdesk.core.records import KINDS
from vwdesk.core.text import fold
from vwdesk.exchange.schema import (
    BY_NAME,
    EXPORT_ORDER,
    SHEETS,
    TOPICS_COLUMN,
    TOPICS_SHEET,
    find_column,
    find_sheet,
)

WITH_SHEET = [k for k in KINDS.values() if k.sheet]


@pytest.mark.parametrize("kind", WITH_SHEET, ids=lambda k: k.key)
def test_every_field_of_a_kind_with_a_sheet_has_a_column(kind):
    sheet = BY_NAME[kind.sheet]
    fields = {c.field for c in sheet.columns}
    for f in kind.fields:
        if f.exported:
            assert f.column, f"{kind.key}.{f.name} has no column in the sheet {kind.sheet}"
            assert f.name in fields
        else:
            assert f.column is None and f.name not in fields


@pytest.mark.parametrize("kind", [k for k in KINDS.values() if not k.sheet], ids=lambda k: k.key)
def test_a_kind_without_a_sheet_is_named_by_its_number(kind):
    """Programmes and municipalities have no sheet: the others' columns name
    them (by key, by name), and the import makes the new ones."""
    referring = [c for s in SHEETS for c in s.columns
                 if c.parse in ("municipality", "programme")
                 and KINDS[s.kind].field(c.field).ref == kind.key]
    assert referring and kind.number_field and not any(f.column for f in kind.fields)


def test_every_sheet_is_imported_and_exported_once():
    assert sorted(s.name for s in SHEETS) == sorted(s.name for s in EXPORT_ORDER) == \
        sorted([k.sheet for k in WITH_SHEET] + [TOPICS_SHEET.name])
    assert [s.name for s in EXPORT_ORDER] == [
        "clienten", "woningen", "verhuizingen", "onderwerpen", "contacten", "dossiers",
        "trajecten", "koppelingen", "vrijwilligers", "jaarcijfers", "teksten"]


def test_a_sheet_refers_only_to_sheets_imported_before_it():
    done: set[str] = set()
    for sheet in SHEETS:
        for col in sheet.columns:
            if col.parse == "ref":
                assert col.ref in done, (sheet.name, col.name)
            if col is TOPICS_COLUMN:
                assert TOPICS_SHEET.name in done
        done.add(sheet.name)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_columns_are_found_by_the_names_users_write(sheet):
    assert find_sheet(sheet.name.upper()) is sheet
    names = [fold(c.name) for c in sheet.columns]
    assert len(set(names)) == len(names)
    for col in sheet.columns:
        assert find_column(sheet, col.name.replace("_", " ").title()) is col


def test_cells_are_read_by_the_field_type():
    clients, couplings = BY_NAME["clienten"], BY_NAME["koppelingen"]
    assert clients.column("woning").parse == "ref" and clients.column("woning").ref == "woningen"
    assert clients.column("gemeente").parse == "municipality"
    assert couplings.column("programma").parse == "programme"
    assert couplings.column("verlengd").parse == "date_or_bool"  # the field says so
    assert clients.column("geslacht").choices == ("m", "v", "x")
    assert clients.column("gehuisvest_op").hint == "datum: dd-mm-jjjj of jjjj-mm-dd"
    assert BY_NAME["dossiers"].column("termijn").hint == \
        "eerstvolgende termijn; datum: dd-mm-jjjj of jjjj-mm-dd"
    assert couplings.column("coach").hint == "nummer uit het blad vrijwilligers"
    # An empty cell stores the database's default where the field cannot be empty.
    assert clients.column("amv").default is False
    assert BY_NAME["jaarcijfers"].column("soort").default == "invoer"


def _documented_columns() -> dict[str, tuple[set[str], set[str]]]:
    """Per sheet of docs/exchange.md: the columns its table names, and the
    bold (required) ones."""
    doc = (Path(__file__).parents[2] / "docs" / "exchange.md").read_text(encoding="utf-8")
    part = doc[doc.index("## De bladen"):]
    found = {}
    for section in re.split(r"^### ", part, flags=re.M)[1:]:
        title, body = section.split("\n", 1)
        table = body[body.index("| kolom | inhoud |"):].split("\n\n", 1)[0]
        names, bold = set(), set()
        for line in table.splitlines()[2:]:
            for name in line.split("|")[1].split(","):
                name = name.strip()
                if name.startswith("**"):
                    name = name.strip("*")
                    bold.add(name)
                names.add(name)
        found[title.strip()] = (names, bold)
    return found


def test_the_guide_names_every_column_and_the_required_ones_in_bold():
    documented = _documented_columns()
    assert set(documented) == set(BY_NAME)
    for sheet in SHEETS:
        names, bold = documented[sheet.name]
        assert names == {c.name for c in sheet.columns}, sheet.name
        assert bold == set(sheet.required), sheet.name


def _template_cells(path: Path) -> dict[str, list[tuple]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {ws.title: [(c.value, c.comment.text if c.comment else None, bool(c.font.b))
                       for c in ws[1]]
            + sorted((str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation)
            for ws in wb.worksheets}


def test_the_guide_s_template_is_the_one_the_app_writes(tmp_path):
    """docs/vwdesk-sjabloon.xlsx (linked from the guide, shipped with it)
    goes stale when a column changes. Write it anew with
    `.venv/bin/python -c "from vwdesk.exchange import write_template;
    write_template('docs/vwdesk-sjabloon.xlsx')"`."""
    from vwdesk.exchange import write_template

    write_template(tmp_path / "sjabloon.xlsx")
    shipped = Path(__file__).parents[2] / "docs" / "vwdesk-sjabloon.xlsx"
    assert _template_cells(shipped) == _template_cells(tmp_path / "sjabloon.xlsx")
