"""The client list's model: only the ids of the current search are held;
rows are fetched in pages, off the GUI thread, when the view first asks for
them (a row shows empty for the moment its page is on its way), and only a
few pages are kept, so 100,000 clients cost a list of ints and one page query
per screenful scrolled. The first page may come with the ids (`first_page`,
read by the search itself), so a new search is painted once, with its rows."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from vwdesk.core.nationalities import by_code
from vwdesk.gui.client_picker import fit_text

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ClientListModel(QAbstractTableModel):
    failed = Signal(str)  # a page could not be read: why
    PAGE_SIZE = 50
    MAX_PAGES = 6

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, tuple[str, str, str, str]]] = OrderedDict()
        self._asked: set[int] = set()  # pages on their way
        self._generation = 0  # a page read for an earlier list is dropped
        self.rows_fetched = 0  # rows read from the database since the last search
        self.headers = [self.tr("Number"), self.tr("Name"), self.tr("Birth date"),
                        self.tr("Nationality"), self.tr("Found by")]
        self._fits: dict[int, object] = {}

    def set_ids(self, ids: list[int], fits: dict[int, object] | None = None,
                first_page: dict | None = None) -> None:
        """The clients to list, in order; `fits` how each matches a search;
        `first_page` the rows of the first `PAGE_SIZE` ids, when read with them."""
        self.beginResetModel()
        self._ids = ids
        self._fits = fits or {}
        self._pages.clear()
        self._asked.clear()
        self._generation += 1
        self.rows_fetched = 0
        if first_page is not None:
            self._pages[0] = self._texts(first_page)
            self.rows_fetched = min(len(ids), self.PAGE_SIZE)
        self.endResetModel()

    def client_id(self, row: int) -> int:
        return self._ids[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def _page(self, page: int) -> dict[int, tuple[str, str, str, str]] | None:
        """The display texts of one page of rows; None while it is read."""
        if page in self._pages:
            self._pages.move_to_end(page)
            return self._pages[page]
        if page not in self._asked:
            self._asked.add(page)
            ids = self._ids[page * self.PAGE_SIZE:(page + 1) * self.PAGE_SIZE]
            generation = self._generation
            self.workspace.ops.query(self, lambda desk: desk.clients.rows(ids),
                                     lambda rows: self._arrived(generation, page, len(ids), rows),
                                     lambda exc: self._not_arrived(generation, page, exc))
        return None

    def _not_arrived(self, generation: int, page: int, exc) -> None:
        """The page could not be read: asked again when next shown, and said
        once (not a message box per page)."""
        self._asked.discard(page)
        if generation == self._generation:
            self.failed.emit(exc.message)

    def _arrived(self, generation: int, page: int, asked: int, rows) -> None:
        if generation != self._generation:
            return
        self._asked.discard(page)
        self.rows_fetched += asked
        self._pages[page] = self._texts(rows)
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    @staticmethod
    def _texts(rows) -> dict[int, tuple[str, str, str, str]]:
        texts = {}
        for client_id, r in rows.items():
            nat = by_code(r.nationality) if r.nationality else None
            texts[client_id] = (r.number, r.name,
                                r.birth_date.strftime("%d-%m-%Y") if r.birth_date else "",
                                nat.country if nat else "")
        return texts

    def data(self, index: Index, role: int = _DISPLAY):
        # Asked for every role of every cell shown at each paint: the other
        # roles go first, with one comparison.
        if role != _DISPLAY or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 4:
            fit = self._fits.get(self._ids[row])
            return fit_text(fit) if fit is not None else ""
        page = self._page(row // self.PAGE_SIZE)
        texts = page.get(self._ids[row]) if page is not None else None
        return texts[column] if texts else None  # None: on its way, or removed
