"""The client list with search-as-you-type, and the buttons to open or
create a client."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.clients import Listing
from vwdesk.gui.client_model import ClientListModel
from vwdesk.gui.lazy_view import LazyView


class ClientsView(LazyView):
    open_client = Signal(int)
    new_client = Signal()
    DEBOUNCE_MS = 150
    # A typed search shows at most this many matches, best fit first (one
    # letter matches nearly everyone), and says to type more beyond it; the
    # empty search lists every client. 200 is four screenfuls, more than a
    # volunteer scrolls, and what a keystroke costs grows with it: with
    # names as varied as an office's (bench_desk.py), "hassan" among
    # 100,000 clients takes the search about 35 ms for 1,000 shown and
    # 9 ms for 200, since every name shown is judged and its clients read.
    MAX_HITS = 200

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by number, name or birth date (dd-mm-yyyy)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search clients"))
        self.count = QLabel(self)
        self.new_button = QPushButton(self.tr("New client…"), self)
        self.new_button.clicked.connect(self.new_client)
        self.model = ClientListModel(workspace, self)
        self.model.failed.connect(self.count.setText)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Clients"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 110), (2, 110), (3, 160), (4, 150)):
            self.table.setColumnWidth(col, width)
        self.table.activated.connect(lambda index: self.open_client.emit(
            self.model.client_id(index.row())))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._open_first)
        self.last_search_ms = 0.0
        self.shown_query: str | None = None  # the text the list shows the results of
        self._clear = False  # the first result is clearly the one meant
        self._open_waiting = False  # Enter came before the results
        self._steps_waiting: list[Qt.Key] = []  # Down/Up pressed before the results
        # The full list, kept: its ids, (no) fits and the rows of its first page.
        self._full_list: tuple[list[int], dict, dict] | None = None
        workspace.changed.connect(lambda kinds: "clients" in kinds and self.outdated())
        workspace.location_changed.connect(lambda _id: self.outdated())

    def outdated(self) -> None:
        self._full_list = None  # clients changed (or another location): list anew
        self.shown_query = None
        self._open_waiting = False
        self._steps_waiting = []
        super().outdated()

    def refresh(self) -> None:
        """Show the results for the text in the field, read off the GUI
        thread together with the rows of the first screenful (one paint);
        the full list (every client, for the empty field) is read once and
        kept, with its first rows, until a client changes."""
        self._timer.stop()
        query = self.search.text()
        if not query.strip() and self._full_list is not None:
            self._clear = False
            self._show(query, *self._full_list)
            return
        started = time.perf_counter()
        limit = self.MAX_HITS + 1 if query.strip() else None
        location_id = self.workspace.location_id
        first = self.model.PAGE_SIZE

        def arrived(listing: Listing) -> None:
            if location_id != self.workspace.location_id:
                return  # the location was switched meanwhile
            self._clear = listing.clear
            if not query.strip():
                self._full_list = (listing.ids, {}, listing.rows)
            self.last_search_ms = (time.perf_counter() - started) * 1000
            self._show(query, listing.ids, listing.fits, listing.rows)

        def failed(exc) -> None:
            self._open_waiting = False
            self.count.setText(exc.message)

        self.workspace.ops.query(self, lambda desk: desk.clients.listing(query, limit, first),
                                 arrived, failed, latest="search")

    def _show(self, query: str, ids: list[int], fits: dict | None = None,
              first_rows: dict | None = None) -> None:
        more = bool(query.strip()) and len(ids) > self.MAX_HITS
        self.model.set_ids(ids[:self.MAX_HITS] if more else ids, fits, first_rows)
        # Laid out now, not on the view's timer at the next turn: when the
        # scroll bar comes or goes with the new count, that made the list
        # paint twice (a keystroke 39 → 32 ms).
        self.table.doItemsLayout()
        self.shown_query = query
        if more:
            self.count.setText(self.tr("More than %1 clients; type more to narrow the search.")
                               .replace("%1", f"{self.MAX_HITS:,}".replace(",", ".")))
        else:
            self.count.setText(self.tr("%n client(s)", "", len(ids)))
        # The highlighted row is the one Enter opens: the first only when it
        # is clearly the one; otherwise none, until the user moves to one.
        if ids and query.strip() and (self._clear or len(ids) == 1):
            self.table.selectRow(0)
        else:
            self.table.setCurrentIndex(QModelIndex())
        steps, self._steps_waiting = self._steps_waiting, []
        for key in steps:
            self._step(key)
        if self._open_waiting:
            self._open_waiting = False
            self._open_first()

    def _results_pending(self) -> bool:
        return self._timer.isActive() or self.shown_query != self.search.text()

    def _open_first(self) -> None:
        if self._results_pending():
            self._open_waiting = True  # open the highlighted match once the results are in
            if self._timer.isActive():
                self.refresh()
            return
        if not self.model.rowCount():
            return
        index = self.table.currentIndex()
        if index.isValid():
            self.open_client.emit(self.model.client_id(index.row()))
        else:  # several could be meant: the user chooses (Enter in the list opens)
            self.table.setFocus()
            self.count.setText(self.tr("Several clients could be meant; choose one with the "
                                       "arrow keys and press Enter."))

    def _step(self, key: Qt.Key) -> None:
        """Down/Up from the search field: into the list, one row from the
        highlighted one (from none: to the first row)."""
        self.table.setFocus()
        self.table.keyPressEvent(QKeyEvent(QKeyEvent.Type.KeyPress, key,
                                           Qt.KeyboardModifier.NoModifier))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.search.hasFocus():
            if self._results_pending():  # the list shown is of an earlier text
                self._steps_waiting.append(Qt.Key(event.key()))
                if self._timer.isActive():
                    self.refresh()
            else:
                self._step(Qt.Key(event.key()))
            return
        super().keyPressEvent(event)
