"""Registering a visit (spreekuur) or another contact — the desk's main flow,
from the keyboard alone: type the client (Enter takes the match), type topics
(Enter adds each), Enter on the empty topic field or Ctrl+S saves, and the
form is ready for the next visitor. The day's contacts are listed beside it;
a mistaken one can be corrected or removed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app import Saved
from vwdesk.app.contacts import ContactForEdit, ContactRow, DayOf, VisitChoices
from vwdesk.core import vocab
from vwdesk.core.errors import VwdeskError
from vwdesk.core.text import fold
from vwdesk.gui.client_picker import ClientPicker
from vwdesk.gui.day_list import DayList
from vwdesk.gui.saving import save_failed
from vwdesk.gui.widgets import (Banner, ChoiceGrid, DateField, ErrorLabel, add_field, confirm,
                                 show_field_errors)


class _HeldStill(QObject):
    """Keys and clicks meant for a widget (or anything in it) are dropped
    while it is held. Unlike disabling, holding changes nothing the user
    sees and keeps the focus where it is, so the widget is not painted
    again for it (a save of a few milliseconds would make the whole form
    flash grey, and cost as much again as the save)."""

    DROPPED = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                         QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
                         QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick})

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.widget = widget
        self.held = False

    def hold(self, on: bool) -> None:
        if on != self.held:
            self.held = on
            app = QApplication.instance()
            (app.installEventFilter if on else app.removeEventFilter)(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in self.DROPPED and isinstance(obj, QWidget) \
                and (obj is self.widget or self.widget.isAncestorOf(obj)):
            event.accept()  # an accepted ShortcutOverride: no shortcut either
            return True
        return False


class VisitForm(QWidget):
    saved = Signal(int)
    CHIP_COLUMNS = 4
    PERSON_ROW = 2  # the "Person" row of the form, shown for a contact without a file

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.editing: ContactForEdit | None = None
        self.asked_no_topic = False  # "no topic?" is asked once per visit
        self.topics: list[tuple[int, str]] = []
        self.own_volunteer: int | None = None
        self.saving = False
        self._held = _HeldStill(self)
        self._client_noted: str | None = None  # the client field's note from Enter
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
        self._ticked_order: list[int] = []  # topic ids, the last ticked last
        self.chip_box = ChoiceGrid(self.CHIP_COLUMNS, self)
        chips = self.chip_box
        self.date = DateField(self)
        self.volunteer = QComboBox(self)
        self.duration = QLineEdit(self)
        self.duration.setMaximumWidth(80)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)

        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        for name, label, widget, extra in (
            ("kind", self.tr("Kind"), self.kind, None),
            ("client_id", self.tr("Client"), self.client, client_options),
            ("person_label", self.tr("Person"), self.person, None),
            ("topics", self.tr("Topics"), self.topic_edit, chips),
            ("date", self.tr("Date"), self.date, None),
            ("volunteer_id", self.tr("Staff member"), self.volunteer, None),
            ("duration_minutes", self.tr("Duration (minutes)"), self.duration, None),
            ("note", self.tr("Note"), self.note, None),
        ):
            self.errors[name] = ErrorLabel(self)
            add_field(form, label, widget, *filter(None, (extra, self.errors[name])))
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

        # The form scrolls rather than making the window taller than a
        # laptop's screen (the client's matches and messages need room).
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_page = QWidget(self.form_area)
        left = QVBoxLayout(form_page)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.heading)
        left.addWidget(self.banner)
        left.addLayout(form)
        left.addLayout(actions)
        left.addStretch(1)

        self.day_title = QGroupBox(self)
        self.day = DayList(self.day_title)
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
        self.form_area.setWidget(form_page)
        form_page.setAutoFillBackground(False)  # the tab's own background, as beside it
        self.form_area.viewport().setAutoFillBackground(False)
        layout.addWidget(self.form_area, 5)
        layout.addWidget(self.day_title, 4)

        self.without_file.toggled.connect(self._toggle_person)
        self.client.picked.connect(self._client_picked)
        self.topic_edit.returnPressed.connect(self._topic_entered)
        self.topic_edit.installEventFilter(self)
        self.chip_box.toggled.connect(self._chip_toggled)
        self.client.edit.returnPressed.connect(self.save)  # a client is chosen: save
        self.client.unmatched.connect(lambda: self._client_note(self.tr(
            "No client has this name or number. Is it a new client? Press Ctrl+Shift+N "
            "(New client…): the name you typed is filled in.")))
        self.client.ambiguous.connect(
            lambda n: self._client_note(self.client.ambiguity_text(n)))
        self.client.edit.textEdited.connect(lambda _text: self._client_note(None))
        for edit in (self.person, self.date, self.duration):
            edit.returnPressed.connect(self.save)
        self.date.editingFinished.connect(self._date_done)
        self.duration.editingFinished.connect(self._duration_done)
        # Window-wide, but only while the form is visible (its tab is shown).
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.day, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        # A save of this form brings its day list along (`_saved`).
        workspace.changed.connect(lambda kinds: kinds & {"contacts", "clients"}
                                  and not self.saving and self.refresh_day())
        workspace.location_changed.connect(lambda _id: self.reload_location())
        self.reload_location()

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
        self._ticked_order = [tid for tid in self._ticked_order if tid in checked]
        self.topics = choices.topics
        self.chip_box.set_choices(self.topics, checked)
        # Tab goes from the topic field to the topics (one stop) and the date.
        order = [self.topic_edit, *self.chips.values(), self.date]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)
        completer = QCompleter([n for _i, n in self.topics], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.topic_edit.setCompleter(completer)

    @property
    def chips(self) -> dict[int, QPushButton]:
        """The topic buttons by topic id."""
        return self.chip_box.buttons

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

        self.client_dialog = ClientDialog(self.workspace, typed=self.client.edit.text(),
                                          parent=self)
        self.client_dialog.saved.connect(self._client_made)
        self.client_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.client_dialog.open()

    def _client_made(self, client_id: int) -> None:
        """A client just registered here: chosen for this visit (and its page
        opens without asking why: the user made it)."""
        self.workspace.opened_pages.add(client_id)
        self._show_errors({})
        self.client.set_client(client_id)

    def _client_picked(self, client_id: int | None) -> None:
        if client_id is not None:
            self.errors["client_id"].show_message(None)
            self.topic_edit.setFocus()

    def _client_note(self, text: str | None) -> None:
        """What Enter in the client field found (nobody, or several): said
        beside the field until the next typing there. It is no failed save,
        so the banner above the form says nothing of it, and what it said of
        an earlier step goes."""
        label = self.errors["client_id"]
        if text is not None:
            self.banner.give_way()
        if text is not None or label.text() == self._client_noted:
            label.show_message(text)
        self._client_noted = text

    def _date_done(self) -> None:
        """A date shown as wrong is checked again once it was changed."""
        if self.errors["date"].text():
            try:
                self.date.date()
            except ValueError as exc:
                self.errors["date"].show_message(str(exc))
            else:
                self.errors["date"].show_message(None)
        self.refresh_day()

    def _duration_done(self) -> None:
        """A duration shown as wrong goes once it is whole minutes (or none)."""
        if self.errors["duration_minutes"].text():
            try:
                self._duration()
            except ValueError as exc:
                self.errors["duration_minutes"].show_message(str(exc))
            else:
                self.errors["duration_minutes"].show_message(None)

    def _duration(self) -> int | None:
        """The minutes typed (None when empty); ValueError when not whole minutes."""
        duration = self.duration.text().strip()
        if duration and not duration.isdigit():
            raise ValueError(self.tr("Type the duration in whole minutes."))
        return int(duration) if duration else None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        """Backspace in the empty topic field unticks the last topic ticked."""
        if obj is self.topic_edit and event.type() == event.Type.KeyPress \
                and event.key() == Qt.Key.Key_Backspace and not self.topic_edit.text():
            ticked = [tid for tid in self._ticked_order if self.chips[tid].isChecked()]
            if ticked:
                self.chips[ticked[-1]].setChecked(False)
                return True
        return super().eventFilter(obj, event)

    def _topic_entered(self) -> None:
        """Enter on a topic ticks it, or unticks it when it was ticked (typed
        again by mistake); Enter on the empty field saves."""
        text = fold(self.topic_edit.text())
        if not text:
            self.save()
            return
        for topic_id, name in self.topics:
            if fold(name).startswith(text):
                chip = self.chips[topic_id]
                chip.setChecked(not chip.isChecked())
                self.topic_edit.clear()
                self.errors["topics"].show_message(None)
                return
        self.banner.give_way()
        self.errors["topics"].show_message(
            self.tr("Unknown topic; choose one of the buttons below."))

    def _chip_toggled(self, topic_id: int, on: bool) -> None:
        if topic_id in self._ticked_order:
            self._ticked_order.remove(topic_id)
        if on:
            self._ticked_order.append(topic_id)
            self.errors["topics"].show_message(None)  # "no topic?" answered

    def start(self, kind: str = "spreekuur", client_id: int | None = None) -> None:
        """Ready for a new contact of `kind` (Ctrl+N, or from a client's page)."""
        self.reset()
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if client_id is not None:
            self.client.set_client(client_id)
        else:
            self.client.setFocus()

    def reset(self, refresh_day: bool = True) -> None:
        """Empty the form for the next visitor (date and staff member stay)."""
        self.editing = None
        self.asked_no_topic = False
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
        try:
            values["duration_minutes"] = self._duration()
        except ValueError as exc:
            problems["duration_minutes"] = str(exc)
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
        someone = values["client_id"] is not None or bool((values["person_label"] or "").strip())
        if someone and not topic_ids and not self.asked_no_topic and self.editing is None:
            self.asked_no_topic = True  # once: saving again saves without a topic
            self._show_errors({})  # a question, not an error: nothing to correct
            self.errors["topics"].show_message(self.tr(
                "No topic chosen. Type or tick what the visit was about, or press Enter again "
                "to save it without a topic."))
            self.topic_edit.setFocus()
            return
        editing = self.editing
        if editing is None:
            def write(desk):
                return desk.contacts.register(values, topic_ids)
        else:
            def write(desk):
                return desk.contacts.change(editing.id, editing.version, values, topic_ids)
        self._set_saving(True)
        self.workspace.ops.write(self, write, lambda saved: self._saved(saved, editing),
                                 lambda exc: self._not_saved(exc, editing))

    def _set_saving(self, on: bool) -> None:
        """While a save is on its way the form holds still: keys and clicks
        in it are dropped, so nothing typed meanwhile seems taken and is then
        lost to the form emptying for the next visitor."""
        self.saving = on
        self._held.hold(on)

    def _saved(self, saved: Saved, was_editing: ContactForEdit | None) -> None:
        self._set_saving(False)
        self.reset(refresh_day=False)
        self.kind.setCurrentIndex(max(self.kind.findData("spreekuur"), 0))  # the usual visitor
        # The day list as the save left it, shown in the same turn as the
        # emptied form: one repaint. A list asked before the save would be
        # older; it is dropped.
        day: DayOf = saved.detail
        if day.day == self._day():
            self.workspace.ops.supersede(self, "day")
            self._show_day(day.day, day.rows)
        else:
            self.refresh_day()
        self.banner.show_message(self.tr("Corrected.") if was_editing else
                                 self.tr("Saved. Ready for the next visitor."), "info")
        self.saved.emit(saved.id)

    def _not_saved(self, exc: VwdeskError, editing: ContactForEdit | None) -> None:
        self._set_saving(False)
        save_failed(exc, self.banner, self._show_errors,
                    lambda then: self._reload_editing(editing, then))

    def _reload_editing(self, editing: ContactForEdit | None, then) -> None:
        """Another PC changed the contact being corrected: take its new
        version; what was typed stays in the form."""
        if editing is None:
            then()
            return
        contact_id = editing.id

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

    def _day(self) -> dt.date:
        """The day whose contacts are listed: the form's date."""
        try:
            return self.date.date() or dt.date.today()
        except ValueError:
            return dt.date.today()

    def refresh_day(self) -> None:
        day = self._day()
        self.workspace.ops.query(self, lambda desk: desk.contacts.day_list(day),
                                 lambda rows: self._show_day(day, rows), self._load_failed,
                                 latest="day")

    def _show_day(self, day: dt.date, rows: list[ContactRow]) -> None:
        self.day_title.setTitle(self.tr("Contacts on %1 (%2)").replace(
            "%1", day.strftime("%d-%m-%Y")).replace("%2", str(len(rows))))
        self.day.show_rows(rows)
        self.edit_button.setEnabled(bool(rows))
        self.remove_button.setEnabled(bool(rows))

    def edit_selected(self) -> None:
        r = self.day.selected()
        if r is not None:
            self.edit(r.id)

    def remove_selected(self) -> None:
        r = self.day.selected()
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
