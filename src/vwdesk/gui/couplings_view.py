"""Couplings per programme: counts of waiting, running and ended couplings,
the waiting list, and a coupling form whose coach list holds the
programme's own volunteers (team = programme key)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app import couplings as coupling_service
from vwdesk.core.errors import VwdeskError
from vwdesk.gui.deadlines_view import OVERDUE
from vwdesk.gui.lazy_view import LazyView
from vwdesk.gui.record_form import RecordDialog
from vwdesk.gui.widgets import discard


class CouplingDialog(RecordDialog):
    """The coupling form; the coach list follows the chosen programme."""

    def __init__(self, workspace, row_id=None, defaults=None, parent=None):
        super().__init__(workspace, "couplings", row_id, defaults, parent=parent)
        self.programme = self.form.widgets["programme_id"]
        self.programme.currentIndexChanged.connect(self._coaches)
        self.due = QLabel(self)
        self.due.setObjectName("evaluation_due")
        self.form.layout().addWidget(self.due)
        self.form.widgets["started_on"].editingFinished.connect(self._show_due)
        self._coaches()
        self._show_due()
        self.resize(480, 560)

    def _coaches(self) -> None:
        programme_id = self.programme.currentData()
        if programme_id is None:
            return
        self.workspace.ops.query(
            self, lambda desk: desk.couplings.coaches(programme_id),
            lambda options: self.form.fill_ref(self.form.widgets["coach_id"], options),
            latest="coaches")

    def _show_due(self) -> None:
        try:
            start = self.form.widgets["started_on"].date()
        except ValueError:
            start = None
        if start is None:
            self.due.setText("")
            return
        due3, due6 = coupling_service.evaluation_dates(start)
        self.due.setText(self.tr("Evaluations due: after 3 months on %1, after 6 months on %2.")
                         .replace("%1", due3.strftime("%d-%m-%Y"))
                         .replace("%2", due6.strftime("%d-%m-%Y")))


class ProgrammePanel(QWidget):
    """One programme: a tab per state with its couplings."""

    failed = Signal(object)  # a VwdeskError: the lists could not be read

    def __init__(self, workspace, programme: coupling_service.ProgrammeOverview,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.programme = programme
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        self.rows: dict[str, list[coupling_service.CouplingRow]] = {}
        labels = {coupling_service.WAITING: self.tr("Waiting list (%1)"),
                  coupling_service.RUNNING: self.tr("Running (%1)"),
                  coupling_service.ENDED: self.tr("Ended (%1)")}
        counts = {coupling_service.WAITING: programme.waiting,
                  coupling_service.RUNNING: programme.running,
                  coupling_service.ENDED: programme.ended}
        for state in coupling_service.STATES:
            table = QTableWidget(0, 6, self)
            table.setAccessibleName(labels[state].replace(" (%1)", ""))
            table.setTabKeyNavigation(False)  # Tab leaves the table
            table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Client"), self.tr("Coach"),
                                             self.tr("Signed up"), self.tr("Started"),
                                             self.tr("Next evaluation / end")])
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.horizontalHeader().setStretchLastSection(True)
            for col, width in ((0, 90), (1, 330), (2, 160), (3, 100), (4, 100)):
                table.setColumnWidth(col, width)
            table.itemActivated.connect(lambda item, st=state: self.edit(st, item.row()))
            self.tables[state] = table
            self.tabs.addTab(table, labels[state].replace("%1", str(counts[state])))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.dialog: CouplingDialog | None = None

    def load(self) -> None:
        programme_id = self.programme.id
        self.workspace.ops.query(self, lambda desk: desk.couplings.by_state(programme_id),
                                 self._show, self.failed.emit, latest="couplings")

    def _show(self, rows: dict[str, list[coupling_service.CouplingRow]]) -> None:
        self.rows = rows
        today = dt.date.today()
        for state, table in self.tables.items():
            rows = self.rows[state]
            table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                nxt = r.next_evaluation
                if r.ended_on:
                    last = f"{r.ended_on:%d-%m-%Y} {r.result or ''}"
                elif nxt:
                    last = (self.tr("after 3 months: %1") if nxt[0] == "3m" else
                            self.tr("after 6 months: %1")).replace("%1", f"{nxt[1]:%d-%m-%Y}")
                else:
                    last = ""
                cells = (r.number, r.client, r.coach, f"{r.signed_up_on:%d-%m-%Y}",
                         f"{r.started_on:%d-%m-%Y}" if r.started_on else "", last)
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col == 5 and nxt and nxt[1] <= today:
                        item.setBackground(QBrush(OVERDUE))
                    table.setItem(i, col, item)

    def edit(self, state: str, row: int) -> None:
        r = self.rows[state][row]
        # The window, not this panel: the panel is rebuilt when couplings change.
        self.dialog = CouplingDialog(self.workspace, r.id, parent=self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()


class CouplingsView(LazyView):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.programme = QComboBox(self)
        # Its names arrive after the first show: sized to them, never narrower
        # (up to a width that a very long name does not push the window past).
        self.programme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.programme.setMaximumWidth(320)
        self.summary = QLabel(self)
        self.new_button = QPushButton(self.tr("Sign up…"), self)
        self.new_button.clicked.connect(self.sign_up)
        top = QHBoxLayout()
        label = QLabel(self.tr("Programme"), self)
        label.setBuddy(self.programme)
        self.programme.setAccessibleName(self.tr("Programme"))
        top.addWidget(label)
        top.addWidget(self.programme)
        top.addWidget(self.summary, 1)
        top.addWidget(self.new_button)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Programmes"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("programme_overview")
        self.table.setHorizontalHeaderLabels([self.tr("Programme"), self.tr("Waiting"),
                                              self.tr("Running"), self.tr("Ended")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(130)
        self.table.itemClicked.connect(lambda item: self.programme.setCurrentIndex(item.row()))
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(self.body)
        self.panel: ProgrammePanel | None = None
        self.overview: list[coupling_service.ProgrammeOverview] = []
        self.dialog: CouplingDialog | None = None
        self.programme.currentIndexChanged.connect(self._show_programme)
        workspace.changed.connect(lambda kinds: kinds & {"couplings", "programmes"}
                                  and self.outdated())
        workspace.location_changed.connect(lambda _id: self.outdated())

    def show_error(self, exc: VwdeskError) -> None:
        self.summary.setText(exc.message)

    def refresh(self) -> None:
        self.workspace.ops.query(self, lambda desk: desk.couplings.overview(), self._show,
                                 self.show_error, latest="overview")

    def _show(self, overview: list[coupling_service.ProgrammeOverview]) -> None:
        self.overview = overview
        self.table.setRowCount(len(self.overview))
        for i, p in enumerate(self.overview):
            for col, text in enumerate((p.name, str(p.waiting), str(p.running), str(p.ended))):
                self.table.setItem(i, col, QTableWidgetItem(text))
        current = self.programme.currentData()
        self.programme.blockSignals(True)
        self.programme.clear()
        for p in self.overview:
            self.programme.addItem(p.name, p.id)
        self.programme.setCurrentIndex(max(self.programme.findData(current), 0))
        self.programme.blockSignals(False)
        self._show_programme()

    def _show_programme(self) -> None:
        state_tab = 0
        if self.panel is not None:
            if self.panel.programme.id == self.programme.currentData():
                state_tab = self.panel.tabs.currentIndex()  # stay on the list the user was on
            discard(self.panel)
            self.panel = None
        chosen = [p for p in self.overview if p.id == self.programme.currentData()]
        if not chosen:
            self.summary.setText(self.tr("No programmes yet."))
            return
        p = chosen[0]
        self.summary.setText(self.tr("%1 waiting, %2 running, %3 ended")
                             .replace("%1", str(p.waiting)).replace("%2", str(p.running))
                             .replace("%3", str(p.ended)))
        self.panel = ProgrammePanel(self.workspace, p, self)
        self.panel.failed.connect(self.show_error)
        self.panel.tabs.setCurrentIndex(state_tab)
        self.body.addWidget(self.panel)
        self.panel.load()

    def sign_up(self) -> None:
        self.dialog = CouplingDialog(self.workspace, None, {
            "programme_id": self.programme.currentData(), "signed_up_on": dt.date.today()},
            parent=self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
