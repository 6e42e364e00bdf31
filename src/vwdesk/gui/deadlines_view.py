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
    QLabel,
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
            self.tr("Until the deadline")])
        self.evaluations = _table(self, self.tr("Coupling evaluations due"), [
            self.tr("Due"), self.tr("Coupling"), self.tr("Client"), self.tr("Coach"),
            self.tr("Evaluation")])
        self.dossiers.activated.connect(self._open_dossier)
        self.evaluations.activated.connect(self._open_coupling)
        # Said instead of an empty table: why it is empty and how it fills.
        self.no_dossiers = QLabel(self.tr(
            "No open dossier has a deadline. A dossier's deadline (Termijn) is filled in on the "
            "dossier: open the client, then the dossier, or make one with \"New dossier…\"."), self)
        self.no_evaluations = QLabel(self.tr(
            "No coupling evaluation is due. Evaluations come 3 and 6 months after a coupling "
            "started (tab Couplings)."), self)
        box1 = QGroupBox(self.tr("Open dossiers by deadline"), self)
        box2 = QGroupBox(self.tr("Coupling evaluations due"), self)
        for box, table, empty in ((box1, self.dossiers, self.no_dossiers),
                                  (box2, self.evaluations, self.no_evaluations)):
            empty.setWordWrap(True)
            empty.hide()
            inside = QVBoxLayout(box)
            inside.addWidget(empty)
            inside.addWidget(table)
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
              self._time_left(r.days_left(today))) for r in self.rows],
            [colour(r.deadline) for r in self.rows], [r.deadline < today for r in self.rows])
        after = {"3m": self.tr("after 3 months"), "6m": self.tr("after 6 months")}
        self.evaluations.model().set_rows(
            [(e.due.strftime("%d-%m-%Y"), f"{e.programme} {e.number}", e.client, e.coach,
              after[e.evaluation]) for e in self.reminders],
            [colour(e.due) for e in self.reminders], [e.due < today for e in self.reminders])
        self.no_dossiers.setVisible(not self.rows)
        self.no_evaluations.setVisible(not self.reminders)
        self.counted.emit(due.counts(today))

    def _time_left(self, days: int) -> str:
        """"3 days late", "today", "5 days": never a minus sign to work out."""
        if days < 0:
            return self.tr("1 day late") if days == -1 else \
                self.tr("%1 days late").replace("%1", str(-days))
        if days == 0:
            return self.tr("today")
        return self.tr("1 day") if days == 1 else self.tr("%1 days").replace("%1", str(days))

    def _open_dossier(self, index: QModelIndex) -> None:
        self.open_client.emit(self.rows[index.row()].client_id)

    def _open_coupling(self, index: QModelIndex) -> None:
        reminder = self.reminders[index.row()]
        self.dialog = record_dialog(self.workspace, "couplings", reminder.coupling_id, parent=self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
