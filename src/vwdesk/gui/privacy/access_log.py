"""The teamleader's access log: who opened which client page, per client
and per user, with a warning for users who opened more client pages in a day
than the threshold."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.privacy import AccessEntry, AccessOverview
from vwdesk.core.errors import VwdeskError
from vwdesk.gui.widgets import Banner, local_time


# The first columns' widths before anything is shown (the last takes the
# rest): a time, then a name or number; wider content widens them.
WHEN_SAMPLE = "00-00-0000 00:00"
NAME_WIDTH = 200


def _table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table whose columns keep a readable width when it is empty."""
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    widths = [table.fontMetrics().horizontalAdvance(WHEN_SAMPLE) + 24] \
        + [NAME_WIDTH] * (len(headers) - 2)
    for c, width in enumerate(widths):
        table.setColumnWidth(c, width)
    table.setProperty("least_widths", widths)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """The rows; a column widens to its longest text, never below its first
    width (an empty result keeps the header as it was)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    for c, least in enumerate(table.property("least_widths")):
        table.setColumnWidth(c, max(least, table.sizeHintForColumn(c) if rows else 0))


class AccessLogView(QWidget):
    GUIDE = "privacy.md"  # what F1 opens

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00")
        self.tabs = QTabWidget()
        # Per client
        hint = QLabel(self.tr("Type the client's number (such as C00041), not the name: it is "
                              "on the client's page and in the list on the tab Clients."))
        hint.setWordWrap(True)
        self.client_number = QLineEdit()
        self.client_number.setPlaceholderText(self.tr("Client number, e.g. C00041"))
        self.client_number.setAccessibleName(self.tr("Client number"))
        self.client_number.returnPressed.connect(self.show_client)
        find = QPushButton(self.tr("Show"))
        find.clicked.connect(self.show_client)
        self.client_table = _table(self.tr("Per client"),
                                   [self.tr("When"), self.tr("Who"), self.tr("Reason")])
        self.client_message = Banner()
        page = QWidget()
        row = QHBoxLayout()
        row.addWidget(self.client_number)
        row.addWidget(find)
        col = QVBoxLayout(page)
        col.addWidget(hint)
        col.addLayout(row)
        col.addWidget(self.client_message)
        col.addWidget(self.client_table)
        self.tabs.addTab(page, self.tr("Per client"))
        # Per user
        self.users = QComboBox()
        self.users.setAccessibleName(self.tr("User"))
        self.users.currentIndexChanged.connect(self.show_user)
        self.user_table = _table(self.tr("Per user"),
                                 [self.tr("When"), self.tr("Client number"), self.tr("Reason")])
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self.users)
        col.addWidget(self.user_table)
        self.tabs.addTab(page, self.tr("Per user"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs)
        self.refresh()

    def _failed(self, exc: VwdeskError) -> None:
        self.warning.setText(exc.message)

    def refresh(self) -> None:
        self.workspace.ops.query(self, lambda desk: desk.privacy.access_overview(),
                                 self._show_overview, self._failed, latest="overview")

    def _show_overview(self, overview: AccessOverview) -> None:
        if overview.heavy:
            lines = [self.tr("%1 opened %2 client pages on %3").replace("%1", h.user)
                     .replace("%2", str(h.pages)).replace("%3", h.day.strftime("%d-%m-%Y"))
                     for h in overview.heavy]
            self.warning.setText(self.tr("More client pages opened in one day than the "
                                         "threshold (%1):").replace("%1", str(overview.threshold))
                                 + "\n" + "\n".join(lines))
        else:
            self.warning.setText("")
        current = self.users.currentData()
        self.users.blockSignals(True)
        self.users.clear()
        for uid, name in overview.users:
            self.users.addItem(name, uid)
        index = self.users.findData(current)
        self.users.setCurrentIndex(index if index >= 0 else (0 if overview.users else -1))
        self.users.blockSignals(False)
        self.show_user()

    def show_client(self) -> None:
        number = self.client_number.text().strip()
        if not number:
            return
        self.workspace.ops.query(self, lambda desk: desk.privacy.access_of_client(number),
                                 lambda entries: self._show_client(number, entries),
                                 self._failed, latest="client")

    def _show_client(self, number: str, entries: list[AccessEntry] | None) -> None:
        if entries is None:
            self.client_message.show_message(self.tr(
                "There is no client with the number \"%1\". Type the client's number (such as "
                "C00041), not the name: it is on the client's page and in the list on the tab "
                "Clients.").replace("%1", number))
        elif not entries:
            self.client_message.show_message(self.tr(
                "No one has opened the page of client %1 yet.").replace("%1", number), "info")
        else:
            self.client_message.clear_message()
        _fill(self.client_table, [(local_time(e.at), e.user, e.reason) for e in entries or []])

    def show_user(self) -> None:
        user_id = self.users.currentData()
        if user_id is None:
            _fill(self.user_table, [])
            return
        self.workspace.ops.query(self, lambda desk: desk.privacy.access_of_user(user_id),
                                 self._show_user, self._failed, latest="user")

    def _show_user(self, entries: list[AccessEntry]) -> None:
        _fill(self.user_table, [(local_time(e.at), e.client_number, e.reason) for e in entries])
