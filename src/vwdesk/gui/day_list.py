"""The day's contacts beside the visit form, one line per contact.

The list is asked again after every change of contacts (a visit saved here,
or anything another screen saved), so it shows what other PCs registered
too; showing the answer changes only the lines that differ from those shown.
After a save that is one new line, not the whole list rebuilt, and the
kind and staff columns are fitted again only when their values changed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from vwdesk.app.contacts import ContactRow
from vwdesk.gui.keep_end import KeepEndDelegate


class DayList(QTableWidget):
    FITTED = (0, 3)  # the kind and staff columns: as wide as they are, up to COLUMN_MAX
    COLUMN_MAX = 140

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.rows: list[ContactRow] = []
        self._fitted_to: list[set[str]] | None = None  # the values the columns were fitted to
        self.setAccessibleName(self.tr("Contacts of the day"))
        self.setTabKeyNavigation(False)  # Tab leaves the table
        self.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Who"), self.tr("Topics"),
                                        self.tr("Staff member")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # One line per contact: who and topics share the room the other
        # columns leave, shortened with "…" (a client's number always
        # shows); the whole line in a tooltip.
        self.setWordWrap(False)
        self.setItemDelegateForColumn(1, KeepEndDelegate(self))
        for col in (1, 2):
            self.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: list[ContactRow]) -> None:
        """Show `rows`: the lines before and after the part that differs
        from what is shown stay as they are."""
        old = self.rows
        start = 0
        while start < min(len(old), len(rows)) and old[start] == rows[start]:
            start += 1
        old_end, new_end = len(old), len(rows)
        while old_end > start and new_end > start and old[old_end - 1] == rows[new_end - 1]:
            old_end, new_end = old_end - 1, new_end - 1
        kept = min(old_end, new_end) - start  # lines that change in place
        if old_end > new_end:
            self.model().removeRows(start + kept, old_end - new_end)
        for row in range(start + kept, new_end):
            self.insertRow(row)
        self.rows = list(rows)
        for row in range(start, new_end):
            self._fill(row, rows[row])
        self._fit_columns()
        # Lay the rows out now, not on the view's timer at the next turn:
        # with a scroll bar shown, that timer made the list paint twice.
        self.doItemsLayout()

    def _fill(self, row: int, r: ContactRow) -> None:
        line = " · ".join(filter(None, (r.kind, r.who, r.topics, r.volunteer)))
        for col, text in enumerate((r.kind, r.who, r.topics, r.volunteer)):
            item = QTableWidgetItem(text)
            item.setToolTip(line)
            if col == 1 and r.client_id is not None:  # "name (number)": the number stays in view
                item.setData(KeepEndDelegate.END, " (" + r.who.rpartition(" (")[2])
            self.setItem(row, col, item)

    def _fit_columns(self) -> None:
        values = [{r.kind for r in self.rows}, {r.volunteer for r in self.rows}]
        if values == self._fitted_to:
            return
        self._fitted_to = values
        for col in self.FITTED:
            self.resizeColumnToContents(col)
            self.setColumnWidth(col, min(self.columnWidth(col), self.COLUMN_MAX))

    def selected(self) -> ContactRow | None:
        row = self.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None
