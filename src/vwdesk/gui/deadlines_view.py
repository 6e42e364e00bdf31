"""Every open dossier by its next deadline, and the coupling evaluations
that are due; what is overdue or within 14 days stands out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.deadlines import SOON_DAYS, DeadlineRow, Due, Reminder
from vwdesk.gui.record_dialogs import record_dialog
from vwdesk.gui.record_form import RecordDialog
from vwdesk.gui.table_model import RowsModel

OVERDUE = QColor("#f8c9ce")
SOON = QColor("#ffe9a8")


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table
    table.setModel(RowsModel(headers, table))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    for col, width in enumerate((100, 170, 0, 150, 110)):
        if width:
            table.setColumnWidth(col, width)
    return table


class DeadlinesView(QWidget):
    open_client = Signal(int)
    counted = Signal(object)  # DueCounts: overdue and soon, dossiers and evaluations apart

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.dossiers = _table(self, self.tr("Open dossiers by deadline"), [
            self.tr("Deadline"), self.tr("Dossier"), self.tr("Client"), self.tr("Kind"),
            self.tr("Days left")])
        self.evaluations = _table(self, self.tr("Coupling evaluations due"), [
            self.tr("Due"), self.tr("Coupling"), self.tr("Client"), self.tr("Coach"),
            self.tr("Evaluation")])
        self.dossiers.activated.connect(self._open_dossier)
        self.evaluations.activated.connect(self._open_coupling)
        box1 = QGroupBox(self.tr("Open dossiers by deadline"), self)
        QVBoxLayout(box1).addWidget(self.dossiers)
        box2 = QGroupBox(self.tr("Coupling evaluations due"), self)
        QVBoxLayout(box2).addWidget(self.evaluations)
        layout = QVBoxLayout(self)
        layout.addWidget(box1, 3)
        layout.addWidget(box2, 2)
        self.rows: list[DeadlineRow] = []
        self.reminders: list[Reminder] = []
        self.dialog: RecordDialog | None = None
        workspace.changed.connect(lambda kinds: kinds & {"dossiers", "couplings"}
                                  and self.refresh())
        workspace.location_changed.connect(lambda _id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.workspace.ops.query(self, lambda desk: desk.deadlines.due(), self._show,
                                 latest="due")

    def _show(self, due: Due) -> None:
        self.rows, self.reminders = due.dossiers, due.evaluations
        today = dt.date.today()
        soon = today + dt.timedelta(days=SOON_DAYS)

        def colour(due: dt.date) -> QColor | None:
            return OVERDUE if due < today else SOON if due <= soon else None

        self.dossiers.model().set_rows(
            [(r.deadline.strftime("%d-%m-%Y"), r.number, r.client, r.kind,
              str(r.days_left(today))) for r in self.rows],
            [colour(r.deadline) for r in self.rows], [r.deadline < today for r in self.rows])
        after = {"3m": self.tr("after 3 months"), "6m": self.tr("after 6 months")}
        self.evaluations.model().set_rows(
            [(e.due.strftime("%d-%m-%Y"), f"{e.programme} {e.number}", e.client, e.coach,
              after[e.evaluation]) for e in self.reminders],
            [colour(e.due) for e in self.reminders], [e.due < today for e in self.reminders])
        self.counted.emit(due.counts(today))

    def _open_dossier(self, index: QModelIndex) -> None:
        self.open_client.emit(self.rows[index.row()].client_id)

    def _open_coupling(self, index: QModelIndex) -> None:
        reminder = self.reminders[index.row()]
        self.dialog = record_dialog(self.workspace, "couplings", reminder.coupling_id, parent=self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
