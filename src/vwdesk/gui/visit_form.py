"""Registering a visit (spreekuur) or another contact — the desk's main flow,
from the keyboard alone: type the client (Enter takes the match), type topics
(Enter adds each), Enter on the empty topic field or Ctrl+S saves, and the
form is ready for the next visitor. The day's contacts are listed beside it;
a mistaken one can be corrected or removed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.contacts import ContactForEdit, ContactRow, VisitChoices
from vwdesk.core import vocab
from vwdesk.core.dates import parse_date
from vwdesk.core.errors import VwdeskError
from vwdesk.core.text import fold
from vwdesk.gui.saving import save_failed
from vwdesk.gui.widgets import (Banner, ClientPicker, DateField, ErrorLabel, confirm,
                                 show_field_errors)


class VisitForm(QWidget):
    saved = Signal(int)
    CHIP_COLUMNS = 4
    PERSON_ROW = 2  # the "Person" row of the form, shown for a contact without a file

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.editing: ContactForEdit | None = None
        self.topics: list[tuple[int, str]] = []
        self.own_volunteer: int | None = None
        self.day_rows: list[ContactRow] = []
        self.saving = False
        self.banner = Banner(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")

        self.kind = QComboBox(self)
        for kind in vocab.CONTACT_KINDS:
            self.kind.addItem(kind, kind)
        self.client = ClientPicker(workspace, self)
        self.without_file = QCheckBox(self.tr("Without a file (zonder dossier)"), self)
        self.new_client_button = QPushButton(self.tr("New client…"), self)
        self.new_client_button.clicked.connect(self.new_client)
        client_row = QHBoxLayout()
        client_row.setContentsMargins(0, 0, 0, 0)
        client_row.addWidget(self.without_file)
        client_row.addStretch(1)
        client_row.addWidget(self.new_client_button)
        client_options = QWidget(self)
        client_options.setLayout(client_row)
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("A short label to tell persons apart"))
        self.topic_edit = QLineEdit(self)
        self.topic_edit.setPlaceholderText(self.tr("Type a topic and press Enter"))
        self.chips: dict[int, QPushButton] = {}
        chips = QWidget(self)
        self.chip_grid = QGridLayout(chips)
        self.chip_grid.setContentsMargins(0, 0, 0, 0)
        self.chip_grid.setSpacing(3)
        self.chip_box = chips
        self.date = DateField(self)
        self.volunteer = QComboBox(self)
        self.duration = QLineEdit(self)
        self.duration.setMaximumWidth(80)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)

        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        for name, label, widget in (
            ("kind", self.tr("Kind"), self.kind),
            ("client_id", self.tr("Client"), self._stack(self.client, client_options)),
            ("person_label", self.tr("Person"), self.person),
            ("topics", self.tr("Topics"), self._stack(self.topic_edit, chips)),
            ("date", self.tr("Date"), self.date),
            ("volunteer_id", self.tr("Staff member"), self.volunteer),
            ("duration_minutes", self.tr("Duration (minutes)"), self.duration),
            ("note", self.tr("Note"), self.note),
        ):
            self.errors[name] = ErrorLabel(self)
            form.addRow(label, self._stack(widget, self.errors[name]))
        self.form_layout = form
        form.setRowVisible(self.PERSON_ROW, False)

        self.save_button = QPushButton(self.tr("Save (Enter)"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Clear"), self)
        self.cancel_button.clicked.connect(self.reset)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.banner)
        left.addLayout(form)
        left.addLayout(actions)
        left.addStretch(1)

        self.day_title = QGroupBox(self)
        self.day = QTableWidget(0, 4, self.day_title)
        self.day.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Who"), self.tr("Topics"),
                                            self.tr("Staff member")])
        self.day.verticalHeader().hide()
        self.day.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.day.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.day.setColumnWidth(0, 75)
        self.day.setColumnWidth(2, 170)
        self.day.setColumnWidth(3, 115)
        self.day.itemActivated.connect(lambda _item: self.edit_selected())
        self.edit_button = QPushButton(self.tr("Correct…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        day_buttons = QHBoxLayout()
        day_buttons.addWidget(self.edit_button)
        day_buttons.addWidget(self.remove_button)
        day_buttons.addStretch(1)
        right = QVBoxLayout(self.day_title)
        right.addWidget(self.day)
        right.addLayout(day_buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addWidget(self.day_title, 4)

        self.without_file.toggled.connect(self._toggle_person)
        self.client.picked.connect(lambda cid: cid is not None and self.topic_edit.setFocus())
        self.topic_edit.returnPressed.connect(self._topic_entered)
        for edit in (self.client.edit, self.person, self.date, self.duration):
            edit.returnPressed.connect(self.save)
        self.date.editingFinished.connect(self.refresh_day)
        # Window-wide, but only while the form is visible (its tab is shown).
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.day, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        workspace.changed.connect(lambda kinds: kinds & {"contacts", "clients"}
                                  and self.refresh_day())
        workspace.location_changed.connect(lambda _id: self.reload_location())
        self.reload_location()

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for w in widgets:
            box.addWidget(w)
        return cell

    def reload_location(self) -> None:
        """The topics and today's staff of the location; the form is emptied."""
        self.reset()
        self.workspace.ops.query(self, lambda desk: desk.contacts.choices(), self._choices,
                                 self._load_failed, latest="choices")

    def _choices(self, choices: VisitChoices) -> None:
        self.own_volunteer = choices.own_volunteer_id
        self.volunteer.clear()
        self.volunteer.addItem("", None)
        for vid, name in choices.volunteers:
            self.volunteer.addItem(name, vid)
        self.volunteer.setCurrentIndex(max(self.volunteer.findData(self.own_volunteer), 0))
        checked = {tid for tid, chip in self.chips.items() if chip.isChecked()}
        for chip in self.chips.values():
            chip.deleteLater()
        self.chips = {}
        self.topics = choices.topics
        for i, (topic_id, name) in enumerate(self.topics):
            chip = QPushButton(name, self.chip_box)
            chip.setCheckable(True)
            chip.setChecked(topic_id in checked)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setStyleSheet("QPushButton{padding:2px 6px;border:1px solid #9aa;border-radius:9px;}"
                               "QPushButton:checked{background:#1f6f8b;color:white;}")
            self.chips[topic_id] = chip
            self.chip_grid.addWidget(chip, i // self.CHIP_COLUMNS, i % self.CHIP_COLUMNS)
        completer = QCompleter([n for _i, n in self.topics], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.topic_edit.setCompleter(completer)

    def _load_failed(self, exc: VwdeskError) -> None:
        self.banner.show_message(exc.message)

    def _toggle_person(self, on: bool) -> None:
        self.form_layout.setRowVisible(self.PERSON_ROW, on)
        if on:
            self.client.set_client(None)
            self.person.setFocus()
        else:
            self.person.clear()
            self.client.setFocus()

    def new_client(self) -> None:
        """Create the client on the spot (name taken from what was typed)."""
        from vwdesk.gui.client_form import ClientDialog

        words = self.client.edit.text().split()
        defaults = {"first_name": words[0] if words else None,
                    "last_name": " ".join(words[1:]) or None}
        if words and parse_date(words[0]) is None and not words[0].isdigit():
            self.client_dialog = ClientDialog(self.workspace, defaults=defaults, parent=self)
        else:
            self.client_dialog = ClientDialog(self.workspace, parent=self)
        self.client_dialog.saved.connect(self.client.set_client)
        self.client_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.client_dialog.open()

    def _topic_entered(self) -> None:
        text = fold(self.topic_edit.text())
        if not text:
            self.save()
            return
        for topic_id, name in self.topics:
            if fold(name).startswith(text):
                self.chips[topic_id].setChecked(True)
                self.topic_edit.clear()
                self.errors["topics"].show_message(None)
                return
        self.errors["topics"].show_message(
            self.tr("Unknown topic; choose one of the buttons below."))

    def start(self, kind: str = "spreekuur", client_id: int | None = None) -> None:
        """Ready for a new contact of `kind` (Ctrl+N, or from a client's page)."""
        self.reset()
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if client_id is not None:
            self.client.set_client(client_id)
        else:
            self.client.setFocus()

    def reset(self, refresh_day: bool = True) -> None:
        """Empty the form for the next visitor (kind, date and staff member stay)."""
        self.editing = None
        self.heading.setText(self.tr("Register a contact"))
        self.save_button.setText(self.tr("Save (Enter)"))
        self.without_file.setChecked(False)
        self.client.set_client(None)
        self.person.clear()
        self.topic_edit.clear()
        for chip in self.chips.values():
            chip.setChecked(False)
        if not self.date.text():
            self.date.set_date(dt.date.today())
        if self.volunteer.currentData() is None:
            self.volunteer.setCurrentIndex(max(self.volunteer.findData(self.own_volunteer), 0))
        self.duration.clear()
        self.note.clear()
        self._show_errors({})
        self.client.setFocus()
        if refresh_day:
            self.refresh_day()

    def _values(self) -> tuple[dict[str, Any], list[int], dict[str, str]]:
        problems: dict[str, str] = {}
        values: dict[str, Any] = {"kind": self.kind.currentData()}
        try:
            values["date"] = self.date.date()
        except ValueError as exc:
            problems["date"] = str(exc)
        if self.without_file.isChecked():
            values["client_id"], values["person_label"] = None, self.person.text()
        else:
            values["client_id"], values["person_label"] = self.client.client_id, None
            if self.client.client_id is None and self.client.edit.text().strip():
                problems["client_id"] = self.tr(
                    "Choose the client from the list under the field (Down and Enter).")
        values["volunteer_id"] = self.volunteer.currentData()
        duration = self.duration.text().strip()
        if duration:
            if duration.isdigit():
                values["duration_minutes"] = int(duration)
            else:
                problems["duration_minutes"] = self.tr("Type the duration in whole minutes.")
        else:
            values["duration_minutes"] = None
        values["note"] = self.note.toPlainText()
        topic_ids = [tid for tid, chip in self.chips.items() if chip.isChecked()]
        return values, topic_ids, problems

    def _show_errors(self, errors: dict[str, str]) -> None:
        if "client_id" in errors and self.without_file.isChecked():
            errors = dict(errors)
            errors["person_label"] = errors.pop("client_id")
        show_field_errors(self.banner, self.errors, errors)

    def save(self) -> None:
        if self.saving:
            return
        values, topic_ids, problems = self._values()
        if problems:
            self._show_errors(problems)
            return
        editing = self.editing
        if editing is None:
            def write(desk):
                return desk.contacts.register(values, topic_ids)
        else:
            def write(desk):
                return desk.contacts.change(editing.id, editing.version, values, topic_ids)
        self.saving = True
        self.save_button.setEnabled(False)
        self.workspace.ops.write(self, write, lambda saved: self._saved(saved, editing),
                                 self._not_saved)

    def _saved(self, saved, was_editing: ContactForEdit | None) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.reset(refresh_day=False)  # the change broadcast refreshes the day list
        self.banner.show_message(self.tr("Corrected.") if was_editing else
                                 self.tr("Saved. Ready for the next visitor."), "info")
        self.saved.emit(saved.id)

    def _not_saved(self, exc: VwdeskError) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        save_failed(exc, self.banner, self._show_errors, self._reload_editing)

    def _reload_editing(self, then) -> None:
        """Another PC changed this contact: take its new version; what was
        typed stays in the form."""
        contact_id = self.editing.id

        def loaded(fresh: ContactForEdit) -> None:
            if self.editing is not None and self.editing.id == fresh.id:
                self.editing = fresh
            then()

        self.workspace.ops.query(self, lambda desk: desk.contacts.for_edit(contact_id), loaded,
                                 self._load_failed)

    def edit(self, contact_id: int) -> None:
        """Load a saved contact into the form to correct it."""
        self.workspace.ops.query(self, lambda desk: desk.contacts.for_edit(contact_id),
                                 self._edit, self._load_failed, latest="edit")

    def _edit(self, found: ContactForEdit) -> None:
        self.reset()
        self.editing = found
        v = found.values
        self.heading.setText(self.tr("Correct a contact"))
        self.save_button.setText(self.tr("Save correction"))
        self.kind.setCurrentIndex(max(self.kind.findData(v["kind"]), 0))
        if v["person_label"]:
            self.without_file.setChecked(True)
            self.person.setText(v["person_label"])
        else:
            self.client.set_client(v["client_id"])
        for tid, chip in self.chips.items():
            chip.setChecked(tid in found.topic_ids)
        self.date.set_date(v["date"])
        self.volunteer.setCurrentIndex(max(self.volunteer.findData(v["volunteer_id"]), 0))
        self.duration.setText(str(v["duration_minutes"] or ""))
        self.note.setPlainText(v["note"] or "")
        self.client.setFocus()

    def refresh_day(self) -> None:
        try:
            day = self.date.date() or dt.date.today()
        except ValueError:
            day = dt.date.today()
        self.workspace.ops.query(self, lambda desk: desk.contacts.day_list(day),
                                 lambda rows: self._show_day(day, rows), self._load_failed,
                                 latest="day")

    def _show_day(self, day: dt.date, rows: list[ContactRow]) -> None:
        self.day_rows = rows
        self.day_title.setTitle(self.tr("Contacts on %1 (%2)").replace(
            "%1", day.strftime("%d-%m-%Y")).replace("%2", str(len(rows))))
        self.day.setRowCount(len(rows))
        for row, r in enumerate(rows):
            for col, text in enumerate((r.kind, r.who, r.topics, r.volunteer)):
                self.day.setItem(row, col, QTableWidgetItem(text))
        self.edit_button.setEnabled(bool(rows))
        self.remove_button.setEnabled(bool(rows))

    def _selected(self) -> ContactRow | None:
        row = self.day.currentRow()
        return self.day_rows[row] if 0 <= row < len(self.day_rows) else None

    def edit_selected(self) -> None:
        r = self._selected()
        if r is not None:
            self.edit(r.id)

    def remove_selected(self) -> None:
        r = self._selected()
        if r is None:
            return
        if not confirm(self, self.tr("Remove contact"),
                       self.tr("Remove this contact of %1? This cannot be undone.")
                       .replace("%1", r.who)):
            return

        def removed(_saved) -> None:
            if self.editing is not None and self.editing.id == r.id:
                self.reset()
            self.banner.show_message(self.tr("Contact removed."), "info")

        def failed(exc: VwdeskError) -> None:
            self.banner.show_message(exc.message)
            self.refresh_day()

        self.workspace.ops.write(self, lambda desk: desk.contacts.remove(r.id, r.version),
                                 removed, failed)
