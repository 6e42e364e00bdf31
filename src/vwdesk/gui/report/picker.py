"""Choosing a figure for a sentence by what it means: a search over the
Dutch definitions of every figure (its code one hover away, and found by
it too); Enter (or a double click) inserts the figure's placeholder where
the cursor stands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.core.text import fold
from vwdesk.report.figure_words import FigureWord


class FigurePicker(QDialog):
    def __init__(self, words: list[FigureWord], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert a figure"))
        self.resize(720, 520)
        self.words = words
        self.chosen: str | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("What should the figure count? E.g. housed, "
                                               "visitors, dossiers"))
        self.search.setAccessibleName(self.tr("Search figures"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Figures"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # where one figure's words end
        hint = QLabel(self.tr("Enter inserts the chosen figure into the sentence. How to count "
                              "it for one municipality or one half of the year: \"Parameters: "
                              "uitsplitsen\" in the guide to report templates (F1 on the report "
                              "screen)."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        buttons.accepted.connect(self._take)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.list, hint, buttons):
            layout.addWidget(widget)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._take)
        self.list.itemActivated.connect(lambda _item: self._take())
        self._filter("")

    def _filter(self, text: str) -> None:
        words = fold(text)
        self.list.clear()
        for word in self.words:
            if words and words not in fold(f"{word.definition} {word.key}"):
                continue
            item = QListWidgetItem(word.definition)
            item.setData(Qt.ItemDataRole.UserRole, word.key)
            item.setToolTip("{" + word.key + "}")  # the code the sentence will hold
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Up and Down in the search field move through the list."""
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.search.hasFocus():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _take(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = "{" + item.data(Qt.ItemDataRole.UserRole) + "}"
        self.accept()
