"""An item delegate for lists whose lines end in what must stay readable (a
client's number and birth date after a name that may be long)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate


class KeepEndDelegate(QStyledItemDelegate):
    """Shows an item's text with its end always in view: when the text is
    wider than its cell, the part before the end (a name) is shortened with
    "…", so a long name never hides the client number and birth date after
    it. The end is the item's `END` data (the text itself is the whole
    line); items without it are shortened as usual."""

    END = Qt.ItemDataRole.UserRole + 20
    FITTED_MAX = 2000  # lines remembered; a list shows a few dozen

    def __init__(self, parent=None):
        super().__init__(parent)
        # (line, end, cell width, font) → the line as shown. Fitting asks the
        # style and the font metrics four times (0.1 ms a cell, a third of a
        # list's repaint); a repaint mostly shows lines it showed before.
        self._fitted: dict[tuple[str, str, int, str], str] = {}

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        end = index.data(self.END)
        text = option.text
        if not end or not text.endswith(end):
            return
        key = (text, end, option.rect.width(), option.font.key())
        shown = self._fitted.get(key)
        if shown is None:
            if len(self._fitted) >= self.FITTED_MAX:
                self._fitted.clear()
            shown = self._fitted[key] = self._fit(option, text, end)
        option.text = shown

    @staticmethod
    def _fit(option, text: str, end: str) -> str:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget).width()
        room -= 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1)
        metrics = option.fontMetrics
        if metrics.horizontalAdvance(text) <= room:
            return text
        head = metrics.elidedText(text[:-len(end)], Qt.TextElideMode.ElideRight,
                                  max(room - metrics.horizontalAdvance(end), 0))
        return (head or "…") + end
