"""The dialog of each record kind: most use the plain records-driven
`RecordDialog`; a kind with more to say has its own (clients: likely
duplicates; couplings: the programme's coaches and evaluation dates;
dossiers: a deadline already past). `record_dialog` picks the right one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from vwdesk.gui.record_form import RecordDialog


class DossierDialog(RecordDialog):
    """A dossier; a deadline in the past is asked about once before saving."""

    def __init__(self, workspace, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(workspace, "dossiers", row_id, defaults, parent=parent)
        self._warned_for: dt.date | None = None

    def before_save(self, values: dict[str, Any], proceed: Callable[[], None]) -> None:
        deadline = values.get("deadline")
        past = deadline is not None and deadline < dt.date.today() and not values.get("closed_on")
        if not past or self._warned_for == deadline:
            proceed()
            return
        self._warned_for = deadline  # once: Save again keeps it
        self.not_saving()
        self.form.banner.show_message(self.tr(
            "The deadline %1 has passed already. Is that right? Press Save again to keep it, "
            "or type the next deadline.").replace("%1", deadline.strftime("%d-%m-%Y")),
            "warning")
        self.form.widgets["deadline"].setFocus()


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # a figure's words and key, for the typed search


class FigureKeyChooser(QComboBox):
    """The key of a year figure, chosen in words: the typed-in figures the
    location's report uses, each shown by its Dutch definition (the key in
    its tooltip; typing finds a figure by its words or its key); another
    key, or an own `eigen.<naam>`, can be typed. The lists are as wide as
    the words need, up to most of the screen, and a definition too long for
    them is cut at its end.

    Typing opens the figures whose words hold the text; one is taken only by
    choosing it (Down, Enter or a click) or by typing its words or key
    exactly. Text that is only part of some figures stays as typed (and the
    save says which figure may be meant); Enter on it opens the list. Qt's
    own handling would take the first figure holding the text, which may be
    another one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionRole(SEARCH_ROLE)
        for view in (self.view(), completer.popup()):
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._typed: str | None = None  # text typed since a figure was last chosen
        self.lineEdit().textEdited.connect(self._edited)
        self.lineEdit().editingFinished.connect(self._keep_typed)
        self.activated.connect(self._chosen)
        # Queued: after the line edit has shown the text the list found the
        # figure by (its words and key), its words replace it.
        completer.activated[str].connect(self._completed, Qt.ConnectionType.QueuedConnection)
        completer.highlighted[str].connect(self._show_words, Qt.ConnectionType.QueuedConnection)
        self.lineEdit().installEventFilter(self)

    def _edited(self, text: str) -> None:
        self._typed = text

    def _chosen(self) -> None:
        self._typed = None

    def _completed(self, found: str) -> None:
        self._show_words(found)
        self._chosen()

    def _show_words(self, found: str) -> None:
        """The figure the search list points at, in words."""
        index = self.findData(found, SEARCH_ROLE)
        if index >= 0:
            self.setEditText(self.itemText(index))

    def _exact(self, text: str) -> int:
        """The figure whose words or key are `text` (case aside), or -1."""
        folded = text.strip().casefold()
        return next((i for i in range(self.count()) if folded and folded in (
            self.itemText(i).casefold(), str(self.itemData(i)).casefold())), -1)

    def _keep_typed(self) -> None:
        """Put back what was typed when Qt replaced it by a figure holding it."""
        if self._typed is not None and self._exact(self._typed) < 0 \
                and self.currentText() != self._typed:
            self.setEditText(self._typed)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.lineEdit() and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self._typed is not None:
            text = self._typed.strip()
            exact = self._exact(text)
            if exact >= 0:
                self.setCurrentIndex(exact)
                self._chosen()
            elif text and any(text.casefold() in str(self.itemData(i, SEARCH_ROLE)).casefold()
                              for i in range(self.count())):
                self.completer().setCompletionPrefix(text)
                self.completer().complete()  # the figures holding the text, to choose from
                return True
        return super().eventFilter(obj, event)

    def fill(self, words) -> None:
        current = self.value()
        self.clear()
        for word in words:
            self.addItem(word.definition.rstrip("."), word.key)
            self.setItemData(self.count() - 1, word.key, Qt.ItemDataRole.ToolTipRole)
            self.setItemData(self.count() - 1, f"{word.definition} {word.key}", SEARCH_ROLE)
        self.set_value(current)
        self._widen_lists()

    def _widen_lists(self) -> None:
        """The lists as wide as their longest definition, at most 80% of the
        screen (the rest is cut at the end of the words)."""
        metrics = self.view().fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                     default=0)
        margin = 2 * self.view().frameWidth() + self.view().verticalScrollBar().sizeHint().width()
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry().width()
        width = min(widest + margin + 16, screen * 4 // 5)
        self.view().setMinimumWidth(width)
        self.completer().popup().setMinimumWidth(width)

    def value(self) -> str | None:
        if self._typed is not None:
            exact = self._exact(self._typed)
            return self.itemData(exact) if exact >= 0 else (self._typed.strip() or None)
        index = self.currentIndex()
        return self.itemData(index) if index >= 0 else None

    def set_value(self, key: str | None) -> None:
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)
            self._typed = None
        else:
            self.setEditText(key or "")
            self._typed = key or ""


class YearFigureDialog(RecordDialog):
    """A figure typed in for a year: its key chosen from what the location's
    report uses, in words."""

    def __init__(self, workspace, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None):
        self.key_chooser = FigureKeyChooser()
        super().__init__(workspace, "year_figures", row_id, defaults, parent=parent,
                         own_widgets={"key": self.key_chooser})
        workspace.ops.query(self, lambda desk: desk.report.year_figure_choices(),
                            self.key_chooser.fill)


def record_dialog(workspace, kind_key: str, row_id: int | None = None,
                  defaults: dict[str, Any] | None = None,
                  parent: QWidget | None = None) -> RecordDialog:
    """The create (row_id None) or edit dialog of a record of `kind_key`."""
    from vwdesk.gui.client_form import ClientDialog
    from vwdesk.gui.couplings_view import CouplingDialog

    own = {"clients": ClientDialog, "couplings": CouplingDialog, "dossiers": DossierDialog,
           "year_figures": YearFigureDialog}
    if kind_key in own:
        return own[kind_key](workspace, row_id, defaults, parent=parent)
    return RecordDialog(workspace, kind_key, row_id, defaults, parent=parent)
