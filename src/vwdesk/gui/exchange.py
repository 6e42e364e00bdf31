"""File → Importeren…, Exporteren… and Sjabloon opslaan: the exchange
workbook in the app.

Reading, checking, importing and exporting run off the GUI thread behind a
progress dialog (`Ops.long`); Cancel during an import rolls the whole
transaction back. Nothing is written before the user has seen the preview
(per sheet: added, changed, unchanged; every problem with sheet, row, column
and value) and pressed Import.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.exchange import (SHOWN_ROWS, ImportCancelled, ImportFailed, ImportPlan,
                                 write_template)
from vwdesk.core.errors import VwdeskError
from vwdesk.gui.files import open_file, save_file
from vwdesk.gui.widgets import plain


# A column of words (a problem, a change) is the table's last; the columns
# before it are at most this wide, so it keeps room (the full text is the
# cell's tooltip).
MAX_COLUMN = 180
TOOLTIP_FROM = 20  # characters: longer cell texts carry themselves as tooltip


def _table(name: str, headers: list[str], rows: list[list[Any]], words: bool = False,
           wrap: bool = False) -> QTableWidget:
    """A read-only table; with `words` its last column takes the rest of the
    width, with `wrap` also its text wraps over as many lines as it needs."""
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            # Cell text from a workbook is shown as plain text, never as markup.
            item = QTableWidgetItem(str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif len(item.text()) > TOOLTIP_FROM:
                item.setToolTip(item.text())
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    if words or wrap:
        last = len(headers) - 1
        for c in range(last):
            table.setColumnWidth(c, min(table.columnWidth(c), MAX_COLUMN))
        table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
    if wrap:
        _wrap_last_column(table)
    return table


def _wrap_last_column(table: QTableWidget) -> None:
    """Each row as high as the last column's text needs at that column's
    width, measured again when the column's width changes. Only that text is
    measured: fast for hundreds of rows, where Qt's ResizeToContents takes
    a tenth of a second per width for two hundred."""
    table.setWordWrap(True)
    last = table.columnCount() - 1
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 3)

    def fit(column: int, _old: int, width: int) -> None:
        if column != last:
            return
        metrics, one_line = table.fontMetrics(), table.verticalHeader().defaultSectionSize()
        for row in range(table.rowCount()):
            text = table.item(row, last).text()
            needed = metrics.boundingRect(0, 0, max(width - margin, 1), 1 << 20,
                                          Qt.TextFlag.TextWordWrap, text).height()
            table.setRowHeight(row, max(one_line, needed + margin))

    table.horizontalHeader().sectionResized.connect(fit)


def _rows_high(table: QTableWidget, rows: int) -> int:
    """The height that shows the header and `rows` one-line rows."""
    return (table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
            + rows * table.verticalHeader().defaultSectionSize())


def _section(title: QLabel | None, table: QTableWidget, rows: int) -> QWidget:
    """A title and its table, for the splitter; the table keeps at least
    `rows` rows in sight however the split is dragged."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if title is not None:
        layout.addWidget(title)
    table.setMinimumHeight(_rows_high(table, min(rows, max(table.rowCount(), 1))))
    layout.addWidget(table, 1)
    return box


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ImportPreviewDialog(QDialog):
    """What the import will do, per sheet, and every problem; Import is
    only possible without problems. The sheets, the changes and the problems
    are parts of a splitter: each keeps a few rows in sight and can be made
    taller; a problem's text wraps, so what to do is read in full."""

    def __init__(self, plan: ImportPlan | None, problems: ImportFailed | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        failed = problems or (ImportFailed(plan.problems) if plan and not plan.ok else None)
        if plan is not None:
            layout.addWidget(_plain_label(self.tr("Location: %1").replace("%1",
                                                                          plan.location_name)))
            extra = []
            if plan.new_location:
                extra.append(self.tr("The location is new and will be created."))
            if plan.new_municipalities:
                extra.append(self.tr("New municipalities: %1").replace(
                    "%1", ", ".join(plan.new_municipalities)))
            if plan.new_programmes:
                extra.append(self.tr("New programmes: %1").replace(
                    "%1", ", ".join(plan.new_programmes)))
            if extra:
                layout.addWidget(_plain_label("\n".join(extra)))
            self.sheets = _table(self.tr("Sheets"), [self.tr("Sheet"), self.tr("Rows"), self.tr("New"),
                                  self.tr("Changed"), self.tr("Unchanged")],
                                 [[p.source, p.rows, p.added, p.changed, p.unchanged]
                                  for p in plan.sheets])
            self.sheets.setObjectName("sheetsTable")
            self.split.addWidget(_section(None, self.sheets, 3))
            self.changes = self._changes_table(plan)
            if self.changes is not None:
                self.split.addWidget(_section(
                    QLabel(self.tr("What changes (the first %1 rows of each sheet):")
                           .replace("%1", str(SHOWN_ROWS))), self.changes, 4))
        self.problems: QTableWidget | None = None
        if failed is not None:
            message = _plain_label(failed.message)
            message.setObjectName("problemsMessage")
            rows = [[p.sheet, "" if p.row is None else p.row, p.column or "", p.value or "",
                     p.message] for p in failed.problems.items]
            if failed.problems.more:
                rows.append(["", "", "", "", self.tr("… and %1 more problems").replace(
                    "%1", str(failed.problems.more))])
            self.problems = _table(self.tr("Problems"), [self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                                    self.tr("Value"), self.tr("Problem")], rows, wrap=True)
            self.problems.setObjectName("problemsTable")
            self.split.addWidget(_section(message, self.problems, 3))
        if self.split.count():
            layout.addWidget(self.split, 1)
            for i in range(self.split.count()):  # the sheets' table least
                self.split.setStretchFactor(i, 1 if i == 0 and plan is not None else 2)
        if failed is None and plan is not None and not plan.has_changes:
            layout.addWidget(QLabel(self.tr("The workbook holds nothing new: importing it again "
                                            "changes nothing.")))
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(failed is None and plan is not None and plan.has_changes)
        self.close_button = buttons.addButton(
            self.tr("Cancel") if self.import_button.isEnabled() else self.tr("Close"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("closeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.import_button.isEnabled():
            self.import_button.setDefault(True)
        else:
            self.close_button.setDefault(True)


    def _changes_table(self, plan: ImportPlan) -> QTableWidget | None:
        """Per row that adds or changes a record: what it adds or changes."""
        rows = []
        for p in plan.sheets:
            for change in p.changes:
                if change.new:
                    what = self.tr("new")
                    detail = self.tr("new: %1").replace("%1", change.label) if change.label \
                        else self.tr("new")
                else:
                    what = self.tr("changed")
                    detail = "; ".join(
                        f"{column}: {_shown(before)} → {_shown(after)}"
                        if (before, after) != (None, None) else
                        self.tr("%1 changed").replace("%1", column)
                        for column, before, after in change.fields)
                rows.append([p.source, change.row, change.number or "", what, detail])
        if not rows:
            return None
        table = _table(self.tr("What changes"), [self.tr("Sheet"), self.tr("Row"),
                                                 self.tr("Number"), self.tr("What"),
                                                 self.tr("How")], rows, words=True)
        table.setObjectName("changesTable")
        return table


def _shown(value: Any) -> str:
    """A value as the workbook writes it (a date as dd-mm-jjjj, nothing as —)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


class ImportFlow(QObject):
    """Choose → read and check (progress, Cancel) → preview → import
    (progress, Cancel rolls back) → what was done. Each step starts when the
    one before ends; the window stays usable throughout."""

    finished = Signal(bool)  # at the end of the flow: whether data changed

    def __init__(self, parent: QWidget, workspace):
        super().__init__(parent)
        self.window, self.workspace = parent, workspace
        self.source: Path | None = None
        self.preview: ImportPreviewDialog | None = None

    def start(self) -> None:
        xlsx = self.tr("Workbook (*.xlsx)")
        csv = self.tr("Folder of CSV files: pick any one of them (*.csv)")
        path, _chosen = open_file(self.window, "exchange", self.tr("Import workbook"),
                                  f"{xlsx};;{csv}")
        if not path:
            self.finished.emit(False)
            return
        chosen = Path(path)
        self.source = source = chosen.parent if chosen.suffix.lower() == ".csv" else chosen
        self.workspace.ops.long(
            self.window, self.tr("Reading and checking %1…").replace("%1", source.name),
            lambda desk, progress, cancelled: desk.exchange.plan_import(source, progress,
                                                                        cancelled),
            self._planned, self._failed)

    def _planned(self, plan: ImportPlan) -> None:
        self.preview = ImportPreviewDialog(plan, None, self.window)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.finished.connect(lambda code: self._previewed(plan, code))
        self.preview.open()

    def _previewed(self, plan: ImportPlan, code: int) -> None:
        if code != QDialog.DialogCode.Accepted:
            plan.close()
            self.finished.emit(False)
            return
        self.workspace.ops.long(
            self.window, self.tr("Importing %1…").replace("%1", self.source.name),
            lambda desk, progress, cancelled: desk.exchange.apply(plan, progress, cancelled),
            lambda saved: self._imported(plan, saved), lambda exc: self._failed(exc, plan),
            write=True)

    def _imported(self, plan: ImportPlan, saved) -> None:
        plan.close()
        lines = [self.tr("%1: %2 new, %3 changed, %4 unchanged")
                 .replace("%1", p.source).replace("%2", str(p.added))
                 .replace("%3", str(p.changed)).replace("%4", str(p.unchanged))
                 for p in saved.detail.sheets]
        QMessageBox.information(self.window, self.tr("Import"), plain(
            self.tr("The workbook was imported.") + "\n\n" + "\n".join(lines)))
        self.finished.emit(True)

    def _failed(self, exc: VwdeskError, plan: ImportPlan | None = None) -> None:
        """Every problem of a failed import in the preview table; a cancelled
        read says nothing, a cancelled import or another error a message."""
        if plan is not None:
            plan.close()
        if isinstance(exc, ImportFailed):
            dialog = ImportPreviewDialog(None, exc, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _code: self.finished.emit(False))
            dialog.open()
            return
        elif isinstance(exc, ImportCancelled):
            if plan is not None:
                QMessageBox.information(self.window, self.tr("Import"), plain(exc.message))
        else:
            QMessageBox.warning(self.window, self.tr("Import"), plain(exc.message))
        self.finished.emit(False)


def import_workbook(parent: QWidget, workspace) -> ImportFlow:
    flow = ImportFlow(parent, workspace)
    flow.start()
    return flow


class ExportFlow(QObject):
    """Export the location (all years or one) to an .xlsx file or a folder
    of .csv files."""

    finished = Signal(bool)  # at the end: whether a file was written

    def __init__(self, parent: QWidget, workspace):
        super().__init__(parent)
        self.window, self.workspace = parent, workspace

    def start(self) -> None:
        location = self.workspace.location_name
        this_year = dt.date.today().year
        all_years = self.tr("All years")
        choices = [all_years] + [str(y) for y in range(this_year, this_year - 15, -1)]
        choice, ok = QInputDialog.getItem(
            self.window, self.tr("Export"),
            self.tr("Which year? (a year exports what touches that year)"), choices, 0, False)
        if not ok:
            self.finished.emit(False)
            return
        year = None if choice == all_years else int(choice)
        xlsx = self.tr("Workbook (*.xlsx)")
        csv = self.tr("Folder of CSV files (*)")
        default = f"{location}{'' if year is None else f' {year}'}.xlsx"
        path, chosen = save_file(self.window, "exchange", self.tr("Export"), default,
                                 f"{xlsx};;{csv}")
        if not path:
            self.finished.emit(False)
            return
        target = Path(path)
        if chosen == csv:
            target = target.with_suffix("") if target.suffix.lower() == ".xlsx" else target
        elif target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        self.workspace.ops.long(
            self.window, self.tr("Exporting %1…").replace("%1", location),
            lambda desk, _progress, _cancelled: desk.exchange.export(target, year),
            lambda counts: self._exported(counts, target), self._failed, cancellable=False)

    def _exported(self, counts: dict[str, int], target: Path) -> None:
        QMessageBox.information(self.window, self.tr("Export"), plain(
            self.tr("%1 rows exported to %2.").replace("%1", str(sum(counts.values())))
            .replace("%2", str(target))))
        self.finished.emit(True)

    def _failed(self, exc: VwdeskError) -> None:
        QMessageBox.warning(self.window, self.tr("Export"), plain(exc.message))
        self.finished.emit(False)


def export_workbook(parent: QWidget, workspace) -> ExportFlow:
    flow = ExportFlow(parent, workspace)
    flow.start()
    return flow


class TemplateSaver(QObject):
    """File → Sjabloon opslaan: the empty workbook to fill by hand."""

    def save(self, parent: QWidget) -> None:
        path, _chosen = save_file(parent, "exchange", self.tr("Save template"),
                                  "vwdesk-sjabloon.xlsx", self.tr("Workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        try:
            write_template(target)  # a small file, no database: written at once
        except VwdeskError as exc:
            QMessageBox.warning(parent, self.tr("Save template"), plain(exc.message))
            return
        QMessageBox.information(parent, self.tr("Save template"), plain(
            self.tr("The empty workbook was saved as %1.").replace("%1", str(target))))


def save_template(parent: QWidget) -> None:
    TemplateSaver(parent).save(parent)
