"""File → Importeren…, Exporteren… and Sjabloon opslaan: the exchange
workbook in the app.

Reading, checking, importing and exporting run on a worker thread behind a
progress dialog, so the window stays responsive; Cancel during an import
rolls the whole transaction back. Nothing is written before the user has
seen the preview (per sheet: added, changed, unchanged; every problem with
sheet, row, column and value) and pressed Import.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.exchange import (ImportCancelled, ImportFailed, ImportPlan, apply_import,
                             export_location, plan_import, read_workbook, write_template)

CONTEXT = "ExchangeDialogs"
PROGRESS_STEPS = 1000
SHOW_PROGRESS_AFTER_MS = 300  # quick work finishes without a flashing dialog


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Running work off the GUI thread ---------------------------------------------

class _Worker(QObject):
    """Runs `fn(progress, cancelled)` on its own thread; reports progress in
    steps of 1/PROGRESS_STEPS."""

    step = Signal(int)
    finished = Signal()

    def __init__(self, fn: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
                 cancel: threading.Event):
        super().__init__()
        self.fn, self.cancel = fn, cancel
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.fn(self._progress, self.cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.error = exc
        self.finished.emit()

    def _progress(self, done: int, total: int) -> None:
        self.step.emit(int(PROGRESS_STEPS * done / total) if total else 0)


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[..., Any],
                      cancellable: bool = True) -> Any:
    """Run `fn(progress, cancelled)` on a worker thread behind a modal
    progress dialog; return its result or raise its exception."""
    cancel = threading.Event()
    dialog = QProgressDialog(label, tr("Cancel"), 0, PROGRESS_STEPS, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(tr("Exchange workbook"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancel.set)
    worker = _Worker(fn, cancel)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    worker.step.connect(dialog.setValue)
    worker.finished.connect(loop.quit)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result


# The preview ----------------------------------------------------------------

class ImportPreviewDialog(QDialog):
    """What the import will do, per sheet, and every problem; Import is
    only possible without problems."""

    def __init__(self, plan: ImportPlan | None, problems: ImportFailed | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import preview"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        failed = problems or (ImportFailed(plan.problems) if plan and not plan.ok else None)
        if plan is not None:
            layout.addWidget(QLabel(tr("Location: {name}").format(name=plan.location_name)))
            extra = []
            if plan.new_location:
                extra.append(tr("The location is new and will be created."))
            if plan.new_municipalities:
                extra.append(tr("New municipalities: {names}").format(
                    names=", ".join(plan.new_municipalities)))
            if plan.new_programmes:
                extra.append(tr("New programmes: {names}").format(
                    names=", ".join(plan.new_programmes)))
            if extra:
                layout.addWidget(QLabel("\n".join(extra)))
            self.sheets = _table([tr("Sheet"), tr("Rows"), tr("New"), tr("Changed"),
                                  tr("Unchanged")],
                                 [[p.source, p.rows, p.added, p.changed, p.unchanged]
                                  for p in plan.sheets])
            self.sheets.setObjectName("sheetsTable")
            layout.addWidget(self.sheets)
        self.problems: QTableWidget | None = None
        if failed is not None:
            message = QLabel(failed.message)
            message.setObjectName("problemsMessage")
            message.setWordWrap(True)
            layout.addWidget(message)
            rows = [[p.sheet, "" if p.row is None else p.row, p.column or "", p.value or "",
                     p.message] for p in failed.problems.items]
            if failed.problems.more:
                rows.append(["", "", "", "", tr("… and {n} more problems").format(
                    n=failed.problems.more)])
            self.problems = _table([tr("Sheet"), tr("Row"), tr("Column"), tr("Value"),
                                    tr("Problem")], rows)
            self.problems.setObjectName("problemsTable")
            self.problems.horizontalHeader().setSectionResizeMode(
                4, QHeaderView.ResizeMode.Stretch)
            layout.addWidget(self.problems, 1)
        elif plan is not None and not plan.has_changes:
            layout.addWidget(QLabel(tr("The workbook holds nothing new: importing it again "
                                       "changes nothing.")))
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(failed is None and plan is not None and plan.has_changes)
        self.close_button = buttons.addButton(
            tr("Cancel") if self.import_button.isEnabled() else tr("Close"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("closeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.import_button.isEnabled():
            self.import_button.setDefault(True)
        else:
            self.close_button.setDefault(True)


def _table(headers: list[str], rows: list[list[Any]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    return table


# File menu actions -----------------------------------------------------------

def _location_name(db: Database, location_id: int) -> str:
    with db.session() as s:
        return s.get(m.Location, location_id).name


def _choose_source(parent: QWidget | None) -> Path | None:
    """An .xlsx file, or a folder of .csv files (chosen by picking one of them)."""
    xlsx = tr("Workbook (*.xlsx)")
    csv = tr("Folder of CSV files: pick any one of them (*.csv)")
    path, chosen = QFileDialog.getOpenFileName(parent, tr("Import workbook"), "",
                                               f"{xlsx};;{csv}")
    if not path:
        return None
    p = Path(path)
    return p.parent if p.suffix.lower() == ".csv" else p


def _show_failure(parent: QWidget | None, exc: VwdeskError) -> None:
    """Every problem of a failed import in the preview table; a cancelled
    import or another error as a message."""
    if isinstance(exc, ImportFailed):
        ImportPreviewDialog(None, exc, parent).exec()
    elif isinstance(exc, ImportCancelled):
        QMessageBox.information(parent, tr("Import"), exc.message)
    else:
        QMessageBox.warning(parent, tr("Import"), exc.message)


def import_dialog(parent: QWidget | None, db: Database, actor: Actor, location_id: int) -> bool:
    """Import a workbook into the location after showing what it will do.
    True when data changed."""
    source = _choose_source(parent)
    if source is None:
        return False
    location = _location_name(db, location_id)

    def check(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportPlan:
        def reading(done: int, total: int) -> None:
            if cancelled():
                raise ImportCancelled()
            progress(done * 6, total * 10 or 1)

        data = read_workbook(source, progress=reading)
        try:
            return plan_import(db, location, data,
                               progress=lambda d, t: progress(6 * t + 4 * d, 10 * t or 1),
                               cancel=cancelled)
        except BaseException:
            data.close()
            raise

    try:
        plan = run_with_progress(parent, tr("Reading and checking {name}…").format(
            name=source.name), check)
    except ImportCancelled:  # the user pressed Cancel while it was read: nothing to say
        return False
    except VwdeskError as exc:
        _show_failure(parent, exc)
        return False
    try:
        preview = ImportPreviewDialog(plan, None, parent)
        if preview.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            done = run_with_progress(parent, tr("Importing {name}…").format(name=source.name),
                                     lambda progress, cancelled: apply_import(
                                         db, actor, plan, progress, cancelled))
        except VwdeskError as exc:
            _show_failure(parent, exc)
            return False
    finally:
        plan.close()
    lines = [tr("{sheet}: {added} new, {changed} changed, {unchanged} unchanged").format(
        sheet=p.source, added=p.added, changed=p.changed, unchanged=p.unchanged)
        for p in done.sheets]
    QMessageBox.information(parent, tr("Import"),
                            tr("The workbook was imported.") + "\n\n" + "\n".join(lines))
    return True


def export_dialog(parent: QWidget | None, db: Database, actor: Actor, location_id: int) -> None:
    """Export the location (all years or one) to an .xlsx file or a folder of .csv files."""
    location = _location_name(db, location_id)
    this_year = dt.date.today().year
    all_years = tr("All years")
    choices = [all_years] + [str(y) for y in range(this_year, this_year - 15, -1)]
    choice, ok = QInputDialog.getItem(parent, tr("Export"),
                                      tr("Which year? (a year exports what touches that year)"),
                                      choices, 0, False)
    if not ok:
        return
    year = None if choice == all_years else int(choice)
    xlsx = tr("Workbook (*.xlsx)")
    csv = tr("Folder of CSV files (*)")
    default = f"{location}{'' if year is None else f' {year}'}.xlsx"
    path, chosen = QFileDialog.getSaveFileName(parent, tr("Export"), default, f"{xlsx};;{csv}")
    if not path:
        return
    target = Path(path)
    if chosen == csv:
        target = target.with_suffix("") if target.suffix.lower() == ".xlsx" else target
    elif target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    try:
        counts = run_with_progress(
            parent, tr("Exporting {name}…").format(name=location),
            lambda _progress, _cancelled: export_location(db, actor, location, target, year),
            cancellable=False)
    except VwdeskError as exc:
        QMessageBox.warning(parent, tr("Export"), exc.message)
        return
    QMessageBox.information(parent, tr("Export"), tr("{n} rows exported to {path}.").format(
        n=sum(counts.values()), path=target))


def save_template_dialog(parent: QWidget | None) -> None:
    """File → Sjabloon opslaan: the empty workbook to fill by hand."""
    path, _chosen = QFileDialog.getSaveFileName(parent, tr("Save template"),
                                                "vwdesk-sjabloon.xlsx", tr("Workbook (*.xlsx)"))
    if not path:
        return
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    try:
        write_template(target)
    except OSError as exc:
        QMessageBox.warning(parent, tr("Save template"),
                            tr("The template could not be saved ({reason}); choose another "
                               "place.").format(reason=exc.strerror or exc.__class__.__name__))
        return
    QMessageBox.information(parent, tr("Save template"),
                            tr("The empty workbook was saved as {path}.").format(path=target))
