"""A plain list of one small record kind (volunteers, dwellings, year
figures, programmes) with new / edit / remove, all through the same
records-driven form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.records import Stored
from vwdesk.core.errors import VwdeskError
from vwdesk.core.records import KINDS, Field
from vwdesk.gui.i18n import record_text
from vwdesk.gui.lazy_view import LazyView
from vwdesk.gui.record_dialogs import record_dialog
from vwdesk.gui.record_form import RecordDialog
from vwdesk.gui.widgets import Banner, confirm
from vwdesk.report.figure_words import in_words


# Values shown in words rather than as stored: a year figure's key.
IN_WORDS = {("year_figures", "key"): in_words}


def _cell(f: Field, value, ref_names: dict[int, str] | None) -> str:
    if value is None:
        return ""
    if ref_names is not None:
        return ref_names.get(value, str(value))
    if f.type == "choice":
        return f.choice_label(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RecordsView(LazyView):
    def __init__(self, workspace, kind_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.kind_key = kind_key
        kind = KINDS[kind_key]
        self.columns = [f for f in kind.fields if f.type != "text"]
        self.banner = Banner(self)
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setAccessibleName(record_text(kind.label))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setHorizontalHeaderLabels([record_text(f.label) for f in self.columns])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self.edit())
        may_write = workspace.desk.records.may_write(kind_key)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        for button, slot in ((self.new_button, self.new), (self.edit_button, self.edit),
                             (self.remove_button, self.remove)):
            button.clicked.connect(slot)
            button.setVisible(may_write)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.rows: list[Stored] = []
        self.dialog: RecordDialog | None = None
        workspace.changed.connect(lambda kinds: kind_key in kinds and self.outdated())
        workspace.location_changed.connect(lambda _id: self.outdated())

    def refresh(self) -> None:
        kind_key = self.kind_key
        refs = {f.ref for f in self.columns if f.type == "ref"}

        def load(desk):
            return desk.records.list(kind_key), desk.records.form_choices(refs)

        self.workspace.ops.query(self, load, self._show, self._failed, latest="list")

    def _failed(self, exc: VwdeskError) -> None:
        self.banner.show_message(exc.message)
        self.outdated()  # e.g. removed or changed meanwhile: the list as it is now

    def _show(self, loaded: tuple[list[Stored], dict[str, list[tuple[int, str]]]]) -> None:
        self.rows, choices = loaded
        names = {f.name: dict(choices[f.ref]) for f in self.columns if f.type == "ref"}
        self.table.setRowCount(len(self.rows))
        for i, stored in enumerate(self.rows):
            for col, f in enumerate(self.columns):
                value = stored.values[f.name]
                item = QTableWidgetItem(_cell(f, value, names.get(f.name)))
                if (self.kind_key, f.name) in IN_WORDS and value:
                    item.setText(IN_WORDS[self.kind_key, f.name](value))
                    item.setToolTip(str(value))  # the code, one hover away
                self.table.setItem(i, col, item)

    def _open(self, row_id: int | None) -> None:
        self.dialog = record_dialog(self.workspace, self.kind_key, row_id, parent=self)
        self.dialog.saved.connect(lambda _id: self.banner.show_message(
            self.tr("Saved."), "info"))
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def new(self) -> None:
        self._open(None)

    def edit(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self._open(self.rows[row].id)

    def remove(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        stored, kind_key = self.rows[row], self.kind_key
        if not confirm(self, self.tr("Remove"), self.tr("Remove this record? This cannot be undone.")):
            return
        self.workspace.ops.write(self, lambda desk: desk.records.delete(kind_key, stored.id,
                                                                        stored.version),
                                 lambda _saved: self.banner.clear_message(), self._failed)
