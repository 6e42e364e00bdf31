"""Export → import gives back the same data; importing twice changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.core.services.users import SYSTEM
from vwdesk.exchange import apply_import, export_location, plan_import, read_workbook

from tests.exchange.exchange_data import (
    FULL_YEAR,
    count_rows,
    field_default,
    fill_every_field,
    snapshot,
)


def import_path(db, actor, location, path):
    data = read_workbook(path)
    try:
        plan = plan_import(db, location, data)
        assert plan.ok, plan.problems.lines()
        return plan, apply_import(db, actor, plan)
    finally:
        data.close()


@pytest.mark.parametrize("target", ["uit.xlsx", "uitmap"])
def test_export_then_import_into_an_empty_database_gives_the_same_data(filled, empty_db,
                                                                       tmp_path, target):
    path = tmp_path / target
    counts = export_location(filled.db, filled.teamleader, "Testdorp", path)
    assert counts["contacten"] == 4 and counts["clienten"] == 4
    plan, done = import_path(empty_db, SYSTEM, "Testdorp", path)
    assert plan.new_location
    assert plan.new_municipalities == ["Schiedam"] and plan.new_programmes == ["buddy"]
    assert {p.name: p.added for p in done.sheets}["contacten"] == 4
    assert snapshot(empty_db, "Testdorp") == snapshot(filled.db, "Testdorp")


@pytest.mark.parametrize("target, year", [("uit.xlsx", None), ("uitmap", None),
                                          ("uit.xlsx", FULL_YEAR)])
def test_every_field_of_every_kind_round_trips(office, empty_db, tmp_path, target, year):
    """Every field of every record kind with a sheet, filled with a value
    other than its default, comes back from export → import into an empty
    location (a year's export: all of it lies in that year)."""
    from vwdesk.core.records import KINDS

    fill_every_field(office)
    before = snapshot(office.db, "Testdorp")
    for kind in KINDS.values():  # the data misses no field, so neither can the export
        if kind.sheet:
            for f in kind.fields:
                default = field_default(kind, f)
                assert any(r[f.name] not in (None, default) for r in before[kind.key]), f.name
    assert all(r["topics"] for r in before["contacts"]) and before["own topics"]

    path = tmp_path / target
    export_location(office.db, office.teamleader, "Testdorp", path, year=year)
    import_path(empty_db, SYSTEM, "Testdorp", path)
    assert snapshot(empty_db, "Testdorp") == before


def test_a_report_text_left_empty_is_left_out_of_the_export(filled, empty_db, tmp_path):
    """The report screen saves a section's text even when it is emptied; its
    empty tekst cell (a required column) made the export's own workbook
    refuse to import."""
    from vwdesk.core.services import base

    with filled.db.session() as s:
        base.create(s, filled.teamleader, "report_texts", filled.location_id,
                    {"year": 2019, "section": "juridisch", "text": ""})
    path = tmp_path / "uit.xlsx"
    assert export_location(filled.db, filled.teamleader, "Testdorp", path)["teksten"] == 2
    import_path(empty_db, SYSTEM, "Testdorp", path)
    before = snapshot(filled.db, "Testdorp")
    assert snapshot(empty_db, "Testdorp") == before | {
        "report_texts": [r for r in before["report_texts"] if r["text"]]}


def test_importing_the_same_workbook_again_changes_nothing(filled, tmp_path):
    path = tmp_path / "uit.xlsx"
    export_location(filled.db, filled.teamleader, "Testdorp", path)
    before, snap = count_rows(filled.db), snapshot(filled.db, "Testdorp")
    plan, done = import_path(filled.db, filled.teamleader, "Testdorp", path)
    assert not plan.has_changes
    assert all(p.added == 0 and p.changed == 0 and p.unchanged == p.rows for p in done.sheets)
    assert snapshot(filled.db, "Testdorp") == snap
    after = count_rows(filled.db)
    assert after["audit_log"] == before["audit_log"] + 1  # only: who imported what, when
    assert {**after, "audit_log": 0} == {**before, "audit_log": 0}
    with filled.db.session() as s:
        last = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc())).first()
    assert (last.action, last.reason) == ("import", "uitwisselingswerkmap uit.xlsx")
    assert last.user_id == filled.teamleader.user_id


def test_a_changed_row_is_updated_in_place_and_audited_for_the_importer(filled, tmp_path):
    folder = tmp_path / "map"
    export_location(filled.db, filled.teamleader, "Testdorp", folder)
    text = (folder / "clienten.csv").read_text(encoding="utf-8-sig")
    (folder / "clienten.csv").write_text(text.replace("Zoë", "Zoë-Anne"), encoding="utf-8-sig")
    plan, done = import_path(filled.db, filled.teamleader, "Testdorp", folder)
    clients = next(p for p in done.sheets if p.name == "clienten")
    assert (clients.added, clients.changed, clients.unchanged) == (0, 1, 3)
    with filled.db.session() as s:
        c4 = s.scalar(select(m.Client).where(m.Client.number == "C4"))
        assert c4.first_name == "Zoë-Anne" and c4.version == 2
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "update")).one()
    assert entry.user_id == filled.teamleader.user_id
    assert entry.changes == {"first_name": ["Zoë", "Zoë-Anne"]}


def test_every_imported_row_is_audited_for_the_importing_user(filled, empty_db, tmp_path):
    path = tmp_path / "uit.xlsx"
    export_location(filled.db, filled.teamleader, "Testdorp", path)
    import_path(empty_db, SYSTEM, "Testdorp", path)
    with empty_db.session() as s:
        n_contacts = s.scalar(select(func.count(m.Contact.id)))
        audited = s.scalar(select(func.count(m.AuditEntry.id)).where(
            m.AuditEntry.table_name == "contacts", m.AuditEntry.action == "create"))
        entry = s.scalars(select(m.AuditEntry).join(
            m.Contact, m.Contact.id == m.AuditEntry.row_id).where(
            m.AuditEntry.table_name == "contacts", m.Contact.duration_minutes == 30)).one()
    assert audited == n_contacts == 4
    assert entry.changes["duration_minutes"] == [None, 30]
    assert entry.changes["note"] == [None, "<tekst>"]  # never the note itself
    assert entry.changes["topics"] == [None, ["financiën", "werk"]]


def test_export_of_one_year_holds_what_touches_that_year(filled, tmp_path):
    counts = export_location(filled.db, filled.teamleader, "Testdorp", tmp_path / "j.xlsx",
                             year=2018)
    assert counts["contacten"] == 2  # 1 Jan and 31 Dec 2018, not 1 Jan 2019
    assert counts["clienten"] == 1  # C1: its contact, dossier, trajectory, coupling
    assert counts["dossiers"] == 1 and counts["trajecten"] == 1
    assert counts["koppelingen"] == 2 and counts["vrijwilligers"] == 2
    assert counts["jaarcijfers"] == 3 and counts["teksten"] == 1
    assert counts["woningen"] == 2  # W1 (C1 lives there) and W2 (available 31-12-2018)
    with filled.db.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "export")).one()
    assert entry.user_id == filled.teamleader.user_id and "2018" in entry.reason


def test_a_volunteer_may_not_export(filled, tmp_path):
    from vwdesk.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        export_location(filled.db, filled.volunteer, "Testdorp", tmp_path / "x.xlsx")


def test_the_exported_xlsx_opens_in_other_programs(filled, tmp_path):
    """openpyxl stands in for a spreadsheet program: the file is valid, dates
    are real date cells, numbers are numbers, text is never a formula."""
    import datetime as dt

    from openpyxl import load_workbook

    path = tmp_path / "uit.xlsx"
    export_location(filled.db, filled.teamleader, "Testdorp", path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["clienten", "woningen", "verhuizingen", "onderwerpen",
                             "contacten", "dossiers", "trajecten",
                             "koppelingen", "vrijwilligers", "jaarcijfers", "teksten"]
    clients = list(wb["clienten"].values)
    assert clients[0][:3] == ("nummer", "voornaam", "achternaam")
    c1 = clients[1]
    assert c1[:4] == ("C1", "حسن", "العلي", dt.datetime(1980, 1, 1))
    assert c1[5] == "Syrië" and c1[10] == "nee"
    assert wb["clienten"]["D2"].number_format == "dd\\-mm\\-yyyy"
    assert list(wb["vrijwilligers"].values)[1][7] == 12.5
    assert wb["clienten"]["A1"].font.b


def test_a_missing_column_leaves_the_value_alone_and_keyed_rows_are_updated(filled, tmp_path):
    from tests.exchange.exchange_data import write_xlsx

    path = write_xlsx(tmp_path / "in.xlsx", {
        "clienten": [["nummer", "voornaam", "email"], ["C1", "Hassan", None]],
        "jaarcijfers": [["jaar", "sleutel", "waarde", "gemeente", "halfjaar"],
                        [2018, "huisvesting.taakstelling", 27, "schiedam", 1]],
        "teksten": [["jaar", "sectie", "tekst"], [2019, "mb", "Nieuwe tekst"]],
    })
    plan, done = import_path(filled.db, filled.teamleader, "Testdorp", path)
    assert [(p.name, p.added, p.changed) for p in done.sheets] == [
        ("clienten", 0, 1), ("jaarcijfers", 0, 1), ("teksten", 0, 1)]
    with filled.db.session() as s:
        c1 = s.scalar(select(m.Client).where(m.Client.number == "C1"))
        figure = s.scalar(select(m.YearFigure).where(
            m.YearFigure.key == "huisvesting.taakstelling"))
        text = s.scalar(select(m.ReportText).where(m.ReportText.year == 2019))
    assert (c1.first_name, c1.email, c1.phone) == ("Hassan", None, "010-1234567")
    assert c1.search_name == "hassan lly"  # العلي through anyascii
    assert (figure.value, figure.mode) == (27.0, "invoer") and text.text == "Nieuwe tekst"


@pytest.mark.parametrize("kind_key", ["clients", "contacts", "dossiers", "couplings",
                                      "year_figures", "report_texts"])
def test_bulk_audit_content_equals_what_services_base_writes(filled, kind_key):
    """The import writes new rows in bulk; their audit entries must hold what
    `services.base.create` would have recorded."""
    from vwdesk.core.records import KINDS
    from vwdesk.core.services import base
    from vwdesk.exchange.importing import _SheetPass
    from vwdesk.exchange.schema import SHEETS

    kind = KINDS[kind_key]
    sheet = next(s for s in SHEETS if s.kind == kind_key)
    fields = [c.field for c in sheet.columns if c.field != "topics"]
    with filled.db.session() as s:
        for obj in s.scalars(select(kind.model)):
            record = {f: getattr(obj, f) for f in fields}
            record = {k: v for k, v in record.items() if v not in (None, "")}
            sp = _SheetPass.__new__(_SheetPass)
            sp.free_text = {f.name for f in kind.fields if f.free_text}
            assert sp._create_changes(record) == base._audit_changes(kind, {}, record)
