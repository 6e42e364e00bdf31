"""A read-only table model over rows of text, for lists that can hold
thousands of rows (a QTableWidget item per cell would be slow to build)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []
        self.colours: list[QColor | None] = []
        self.bold: list[bool] = []
        self._bold_font = QFont()
        self._bold_font.setBold(True)

    def set_rows(self, rows: list[tuple[str, ...]], colours: list[QColor | None] | None = None,
                 bold: list[bool] | None = None) -> None:
        """New rows; `colours` a background per row, `bold` whether a row's
        first cell is bold."""
        self.beginResetModel()
        self.rows = rows
        self.colours = colours or [None] * len(rows)
        self.bold = bold or [False] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][col]
        if role == Qt.ItemDataRole.BackgroundRole and self.colours[row] is not None:
            return QBrush(self.colours[row])
        if role == Qt.ItemDataRole.FontRole and col == 0 and self.bold[row]:
            return self._bold_font
        return None
