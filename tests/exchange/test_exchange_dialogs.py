"""File → Importeren… / Exporteren… / Sjabloon opslaan, driven like a user."""

from __future__ import annotations

import html
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, \
    QProgressDialog, QPushButton, QWidget
from sqlalchemy import select

import vwdesk.exchange
from vwdesk.app import Desk
from vwdesk.core import models as m
from vwdesk.exchange import ImportCancelled, read_workbook
from vwdesk.gui import exchange as ui
from vwdesk.gui import ops
from vwdesk.gui.workspace import Workspace
from tests.exchange.exchange_data import count_rows, write_csv, write_xlsx


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def workspace(office, actor) -> Workspace:
    return Workspace(Desk(office.db, actor, office.location_id, "Testdorp"), actor.username)


def run_import(qtbot, office, parent, actor=None) -> bool:
    """File → Importeren… to its end; whether data changed."""
    flow = ui.ImportFlow(parent, workspace(office, actor or office.teamleader))
    with qtbot.waitSignal(flow.finished, timeout=20000) as finished:
        flow.start()
    return finished.args[0]


def run_export(qtbot, office, parent, actor=None) -> bool:
    flow = ui.ExportFlow(parent, workspace(office, actor or office.teamleader))
    with qtbot.waitSignal(flow.finished, timeout=20000) as finished:
        flow.start()
    return finished.args[0]


def as_shown(text: str) -> str:
    """A message box's text as the user reads it (it is given as escaped markup)."""
    assert text.startswith("<p>") and text.endswith("</p>")  # never the raw text
    return html.unescape(text[3:-4].replace("<br>", "\n"))


@pytest.fixture
def messages(monkeypatch):
    shown = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, title, text, *a, k=kind, **kw:
                            shown.append((k, title, as_shown(text))))
    return shown


def choose_file(monkeypatch, path, method="getOpenFileName", selected="Workbook (*.xlsx)"):
    monkeypatch.setattr(QFileDialog, method, lambda *a, **k: (str(path), selected))


def when_shown(cls, action):
    """Run `action(widget)` once a visible window of `cls` appears."""
    def poll():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, cls) and w.isVisible():
                action(w)
                return
        QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def press_cancel(progress_dialog):
    progress_dialog.findChild(QPushButton).click()


def table_rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_import_shows_a_preview_and_writes_only_after_confirmation(qtbot, office, parent,
                                                                   tmp_path, monkeypatch,
                                                                   messages):
    path = write_xlsx(tmp_path / "in.xlsx", {
        "clienten": [["nummer", "voornaam"], ["C1", "Amal"], ["C2", "ሃብቶም"]],
        "contacten": [["datum", "soort", "client"], ["1-1-2019", "spreekuur", "C1"]]})
    choose_file(monkeypatch, path)
    seen = {}

    def confirm(dialog):
        seen["sheets"] = table_rows(dialog.sheets)
        seen["written"] = count_rows(office.db)["clients"]
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()

    when_shown(ui.ImportPreviewDialog, confirm)
    assert run_import(qtbot, office, parent) is True
    assert seen["sheets"] == [["clienten", "2", "2", "0", "0"], ["contacten", "1", "1", "0", "0"]]
    assert seen["written"] == 0  # nothing before the user confirmed
    with office.db.session() as s:
        assert s.scalars(select(m.Client.first_name).order_by(m.Client.number)).all() == \
            ["Amal", "ሃብቶም"]
    assert messages[-1][0] == "information" and "clienten: 2 new" in messages[-1][2]


def test_problems_are_listed_and_import_is_not_possible(qtbot, office, parent, tmp_path,
                                                        monkeypatch, messages):
    path = write_xlsx(tmp_path / "in.xlsx", {
        "dossiers": [["nummer", "client", "soort", "geopend"], ["D1", "C9", "asiel", "30-02-2019"]]})
    choose_file(monkeypatch, path)
    before = count_rows(office.db)
    seen = {}

    def close(dialog):
        seen["enabled"] = dialog.import_button.isEnabled()
        seen["problems"] = table_rows(dialog.problems)
        dialog.close_button.click()

    when_shown(ui.ImportPreviewDialog, close)
    assert run_import(qtbot, office, parent) is False
    assert seen["enabled"] is False
    assert seen["problems"][0] == ["dossiers", "2", "geopend", "30-02-2019",
                                   "is geen geldige datum; gebruik dd-mm-jjjj (bijv. 31-12-2019) "
                                   "of jjjj-mm-dd."]
    assert seen["problems"][1][:4] == ["dossiers", "2", "client", "C9"]
    assert count_rows(office.db) == before


def test_a_file_that_is_no_workbook_is_reported_in_the_preview(qtbot, office, parent, tmp_path,
                                                               monkeypatch, messages):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really")
    choose_file(monkeypatch, tmp_path / "x.xlsx")
    seen = {}

    def close(dialog):
        seen["message"] = dialog.findChild(QWidget, "problemsMessage").text()
        seen["problems"] = table_rows(dialog.problems)
        dialog.close_button.click()

    when_shown(ui.ImportPreviewDialog, close)
    assert run_import(qtbot, office, parent) is False
    assert "er is niets geïmporteerd" in seen["message"]
    assert seen["problems"][0][0] == "x.xlsx" and "geen geldige Excel-werkmap" in \
        seen["problems"][0][4]


def test_cancel_in_the_preview_writes_nothing(qtbot, office, parent, tmp_path, monkeypatch,
                                             messages):
    write_csv(tmp_path / "map", "clienten", [["nummer"], ["C1"]])
    choose_file(monkeypatch, tmp_path / "map" / "clienten.csv", selected="csv")
    before = count_rows(office.db)
    when_shown(ui.ImportPreviewDialog, lambda d: d.close_button.click())
    assert run_import(qtbot, office, parent) is False
    assert count_rows(office.db) == before and messages == []


def test_cancel_during_the_import_rolls_everything_back(qtbot, office, parent, tmp_path,
                                                        monkeypatch, messages):
    monkeypatch.setattr(ops, "SHOW_PROGRESS_AFTER_MS", 0)
    rows = [["datum", "soort", "persoon"]] + [["1-1-2019", "spreekuur", f"P{i}"]
                                               for i in range(3000)]
    write_csv(tmp_path / "map", "contacten", rows)
    choose_file(monkeypatch, tmp_path / "map" / "contacten.csv", selected="csv")
    before = count_rows(office.db)
    real_apply = vwdesk.exchange.apply_import

    def apply_until_cancelled(db, actor, plan, progress, cancelled, rules):
        """The real import, held at its first progress report until the user
        has pressed Cancel, however fast this machine is."""
        def progress_then_wait(done, total):
            progress(done, total)
            deadline = time.monotonic() + 10
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)
        return real_apply(db, actor, plan, progress_then_wait, cancelled, rules)

    monkeypatch.setattr(vwdesk.exchange, "apply_import", apply_until_cancelled)

    def confirm(dialog):
        dialog.import_button.click()
        # The import's own progress dialog: press its Cancel.
        when_shown(QProgressDialog, press_cancel)

    when_shown(ui.ImportPreviewDialog, confirm)
    assert run_import(qtbot, office, parent) is False
    assert messages == [("information", "Import", "Import afgebroken; er is niets gewijzigd.")]
    assert count_rows(office.db) == before


def test_progress_dialog_cancel_reaches_the_worker(qtbot, office, parent, monkeypatch):
    monkeypatch.setattr(ops, "SHOW_PROGRESS_AFTER_MS", 0)

    def work(_desk, progress, cancelled):
        for i in range(500):
            progress(i, 500)
            if cancelled():
                raise ImportCancelled()
            time.sleep(0.01)
        return "klaar"

    when_shown(QProgressDialog, press_cancel)
    done, failed = [], []
    ws = workspace(office, office.teamleader)
    ws.ops.long(parent, "Bezig…", work, done.append, failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert done == [] and isinstance(failed[0], ImportCancelled)


def test_export_dialog_writes_the_chosen_year(qtbot, filled, parent, tmp_path, monkeypatch,
                                              messages):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("2018", True))
    choose_file(monkeypatch, tmp_path / "uit", method="getSaveFileName")
    assert run_export(qtbot, filled, parent)
    path = tmp_path / "uit.xlsx"
    data = read_workbook(path)
    try:
        assert data.sheets["contacten"].count == 2  # only 2018
    finally:
        data.close()
    assert messages[-1][0] == "information" and str(path) in messages[-1][2]


def test_export_dialog_to_a_csv_folder(qtbot, filled, parent, tmp_path, monkeypatch, messages):
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a: (items[0], True))
    choose_file(monkeypatch, tmp_path / "uitmap", method="getSaveFileName",
                selected="Folder of CSV files (*)")
    assert run_export(qtbot, filled, parent)
    assert (tmp_path / "uitmap" / "contacten.csv").read_text(encoding="utf-8-sig").count("\n") == 5


def test_export_refused_for_a_volunteer_shows_why(qtbot, filled, parent, tmp_path, monkeypatch,
                                                  messages):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("2018", True))
    choose_file(monkeypatch, tmp_path / "uit.xlsx", method="getSaveFileName")
    assert not run_export(qtbot, filled, parent, filled.volunteer)
    assert messages == [("warning", "Export", "Alleen een teamleider of beheerder mag dit doen.")]
    assert not (tmp_path / "uit.xlsx").exists()


def test_save_template(parent, tmp_path, monkeypatch, messages):
    choose_file(monkeypatch, tmp_path / "sjabloon", method="getSaveFileName")
    ui.save_template(parent)
    path = tmp_path / "sjabloon.xlsx"
    data = read_workbook(path)
    try:
        assert not data.problems and data.row_count == 0
        assert [c.name for c in data.sheets["clienten"].columns][:2] == ["nummer", "voornaam"]
        assert len(data.sheets) == 11
    finally:
        data.close()
    assert messages[-1][0] == "information"


def test_the_preview_shows_which_rows_change_and_how(qtbot, office, parent, tmp_path,
                                                      monkeypatch, messages):
    from vwdesk.core.services import base

    with office.db.session() as s:
        base.create(s, office.teamleader, "clients", office.location_id,
                    {"number": "C1", "first_name": "Amal", "last_name": "Haddad",
                     "note": "oud"})
    path = write_xlsx(tmp_path / "in.xlsx", {
        "clienten": [["nummer", "voornaam", "achternaam", "notitie"],
                     ["C1", "Amira", "Haddad", "nieuw"], ["C2", "Sara", "Tekle", ""]],
        "dossiers": [["nummer", "client", "soort", "geopend"],
                     ["D1", "C1", "gezinshereniging", "01-02-2024"],
                     ["D2", "C2", "gezinshereniging", "01-02-2024"]],
        "jaarcijfers": [["jaar", "sleutel", "waarde"], [2024, "doel.spreekuur.contacten", 120]]})
    choose_file(monkeypatch, path)
    seen = {}

    def look(dialog):
        seen["changes"] = table_rows(dialog.changes)
        dialog.close_button.click()

    when_shown(ui.ImportPreviewDialog, look)
    assert run_import(qtbot, office, parent) is False
    assert seen["changes"] == [
        ["clienten", "2", "C1", "changed", "voornaam: Amal → Amira; notitie changed"],
        ["clienten", "3", "C2", "new", "new: Sara Tekle"],  # a note's words are not shown
        ["dossiers", "2", "D1", "new", "new: Amira Haddad"],  # the client as the workbook has it
        ["dossiers", "3", "D2", "new", "new: Sara Tekle"],  # a client new in this workbook
        ["jaarcijfers", "2", "", "new", "new: 2024 doel.spreekuur.contacten"]]


def test_work_that_cannot_be_cancelled_keeps_its_progress_dialog(qtbot, office, parent,
                                                                monkeypatch):
    import threading

    gate, done = threading.Event(), []
    ws = workspace(office, office.teamleader)
    ws.ops.long(parent, "Bezig…", lambda _desk, _progress, _cancelled: gate.wait(5),
                done.append, cancellable=False, write=True)
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()  # Esc and closing do nothing: the work goes on
    gate.set()
    qtbot.waitUntil(lambda: done == [True])  # then the dialog goes (and is deleted)


def test_a_problem_is_read_in_full_and_both_lists_keep_their_height(qtbot, office, parent,
                                                                    tmp_path, monkeypatch,
                                                                    messages):
    """A workbook with changes and problems: the problem's advice wraps
    within its row (and is its tooltip), the changes keep four rows in
    sight, and the split between them can be dragged."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QSplitter

    from vwdesk.core.services import base

    with office.db.session() as s:
        for i in range(12):
            base.create(s, office.teamleader, "clients", office.location_id,
                        {"number": f"C{i}", "first_name": "Amal", "last_name": f"Haddad{i}"})
    path = write_xlsx(tmp_path / "in.xlsx", {
        "clienten": [["nummer", "voornaam", "achternaam", "nationaliteit", "geboortedatum"]]
        + [[f"C{i}", "Amira", f"Haddad{i}", "", ""] for i in range(12)]
        + [["C20", "Sara", "Tekle", "Atlantis", ""], ["C21", "Ali", "Omar", "", "31-02-1990"]]})
    choose_file(monkeypatch, path)
    seen = {}

    def look(dialog):
        dialog.resize(600, 560)  # narrower than it opens: the advice needs two lines
        qtbot.waitUntil(lambda: dialog.problems.isVisible())
        problems, changes = dialog.problems, dialog.changes
        row = next(r for r in range(problems.rowCount())
                   if problems.item(r, 3).text() == "Atlantis")
        item = problems.item(row, 4)
        cell = problems.visualItemRect(item)
        needed = QFontMetrics(problems.font()).boundingRect(
            0, 0, cell.width() - 8, 10_000, Qt.TextFlag.TextWordWrap, item.text())
        seen["advice"] = item.text()
        seen["fits"] = (needed.height() > QFontMetrics(problems.font()).height(),
                        cell.height() >= needed.height(),
                        cell.right() <= problems.viewport().width())
        seen["tooltip"] = item.toolTip()
        seen["change rows"] = changes.viewport().height() // changes.rowHeight(0)
        split = dialog.findChild(QSplitter)
        seen["split"] = (split is not None and split.isAncestorOf(changes)
                         and split.isAncestorOf(problems))
        dialog.close_button.click()

    when_shown(ui.ImportPreviewDialog, look)
    assert run_import(qtbot, office, parent) is False
    assert "Nederlandse landnaam (bijv. Syrië), een ISO-code (bijv. SY) of staatloos." \
        in seen["advice"]
    assert (seen["fits"], seen["change rows"] >= 4, seen["split"]) == \
        ((True, True, True), True, True)
    assert seen["tooltip"] == seen["advice"]
