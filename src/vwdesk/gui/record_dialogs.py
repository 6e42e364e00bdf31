"""The dialog of each record kind: most use the plain records-driven
`RecordDialog`; a kind with more to say has its own (clients: likely
duplicates; couplings: the programme's coaches and evaluation dates;
dossiers: a deadline already past). `record_dialog` picks the right one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

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


class FigureKeyChooser(QComboBox):
    """The key of a year figure, chosen in words: the typed-in figures the
    location's report uses, each shown by its Dutch definition (the key in
    its tooltip); another key, or an own `eigen.<naam>`, can be typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def fill(self, words) -> None:
        current = self.value()
        self.clear()
        for word in words:
            self.addItem(f"{word.definition} ({word.key})", word.key)
            self.setItemData(self.count() - 1, word.key, Qt.ItemDataRole.ToolTipRole)
        self.set_value(current)

    def value(self) -> str | None:
        text = self.currentText().strip()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text:
            return self.itemData(index)
        return text or None

    def set_value(self, key: str | None) -> None:
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(key or "")


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
