"""Plain, consistent forms driven by `vwdesk.core.records`: one widget per
field (labels, types and choices come from the record kind), a message
beside each field, and a dialog that creates or edits one record through the
audited write path — keeping what the user typed on any error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vwdesk.core.errors import VwdeskError
from vwdesk.core.nationalities import all_nationalities, parse_nationality
from vwdesk.core.records import KINDS, Field, check_field
from vwdesk.gui.client_picker import ClientPicker
from vwdesk.gui.i18n import record_text
from vwdesk.gui.saving import save_failed
from vwdesk.gui.widgets import Banner, DateField, ErrorLabel, add_field, show_field_errors

def _number(text: str, kind: type) -> int | float | None:
    text = text.strip().replace(",", ".") if kind is float else text.strip()
    if not text:
        return None
    return kind(text)


class RecordForm(QWidget):
    """The fields of one record kind; `values()` reads them, `set_values()`
    fills them, `show_errors()` puts each message beside its field."""

    def __init__(self, workspace, kind_key: str, fields: list[str] | None = None,
                 parent: QWidget | None = None,
                 own_widgets: dict[str, QWidget] | None = None):
        """`own_widgets` replace the standard widget of some fields; each has
        `value()` and `set_value(value)`."""
        super().__init__(parent)
        self.workspace = workspace
        self.kind = KINDS[kind_key]
        own_widgets = own_widgets or {}
        # A reference chosen before its combo box has its choices.
        self._waiting: dict[str, Any] = {}
        names = fields or [f.name for f in self.kind.fields]
        self.fields: list[Field] = [self.kind.field(n) for n in names]
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.banner = Banner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for f in self.fields:
            widget = own_widgets.get(f.name) or self._widget(f)
            widget.setObjectName(f.name)
            if isinstance(widget, QComboBox):
                widget.setMinimumWidth(220)
            self.widgets[f.name] = widget
            error = ErrorLabel(self)
            self.errors[f.name] = error
            if isinstance(widget, ClientPicker):  # Enter that took nobody says why
                widget.unmatched.connect(lambda error=error: error.show_message(self.tr(
                    "No client has this name or number. Check it, or make the client first "
                    "(Clients, New client…).")))
                widget.ambiguous.connect(
                    lambda n, error=error, w=widget: error.show_message(w.ambiguity_text(n)))
                widget.picked.connect(lambda _id, error=error: error.show_message(None))
            add_field(form, record_text(f.label) + (" *" if f.required else ""), widget, error)
        layout.addLayout(form)
        refs = {f.ref for f in self.fields if f.type == "ref" and f.ref != "clients"}
        if refs:
            workspace.ops.query(self, lambda desk: desk.records.form_choices(refs),
                                self._choices_loaded)

    def _choices_loaded(self, choices: dict[str, list[tuple[int, str]]]) -> None:
        for f in self.fields:
            if f.type == "ref" and f.ref in choices:
                self.fill_ref(self.widgets[f.name], choices[f.ref])

    def _widget(self, f: Field) -> QWidget:
        if f.type == "date":
            return DateField(self)
        if f.type == "text":
            w = QPlainTextEdit(self)
            w.setTabChangesFocus(True)
            w.setMaximumHeight(90)
            return w
        if f.type == "bool":
            return QCheckBox(self)
        if f.type == "choice":
            w = QComboBox(self)
            w.addItem("", None)
            for choice in f.choices:
                w.addItem(f.choice_label(choice), choice)
            return w
        if f.type == "nationality":
            w = QComboBox(self)
            w.setEditable(True)
            w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            w.addItem("", None)
            for nat in all_nationalities():
                w.addItem(nat.country, nat.code)
            # Completed inline from the start of the country's name ("Syr" → Syrië);
            # matching inside names would complete "rie" to "rieekenland".
            w.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            return w
        if f.type == "ref" and f.ref == "clients":
            return ClientPicker(self.workspace, self)
        if f.type == "ref":
            w = QComboBox(self)
            w.addItem("", None)
            return w
        w = QLineEdit(self)
        if f.max_len:  # said before it is reached; a longer text stays, with the message
            w.setToolTip(self.tr("At most %1 characters").replace("%1", str(f.max_len)))
            w.textEdited.connect(lambda text, f=f: self._check_length(f, text))
        return w

    def _check_length(self, f: Field, text: str) -> None:
        self.errors[f.name].show_message(check_field(f, text) if len(text) > f.max_len else None)

    def fill_ref(self, combo: QComboBox, options: list[tuple[int, str]]) -> None:
        """The choices of a reference field; the value chosen (or set before
        the choices came) stays chosen."""
        current = self._waiting.pop(combo.objectName(), combo.currentData())
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        for row_id, text in options:
            combo.addItem(text, row_id)
        combo.blockSignals(False)
        self._choose(combo, current)
        combo.currentIndexChanged.emit(combo.currentIndex())

    @staticmethod
    def _choose(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index < 0 and value is not None:  # e.g. a coach no longer active
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def set_values(self, values: dict[str, Any]) -> None:
        for f in self.fields:
            if f.name in values:
                self._set(f, self.widgets[f.name], values[f.name])

    def _set(self, f: Field, w: QWidget, value: Any) -> None:
        if hasattr(w, "set_value"):
            w.set_value(value)
        elif isinstance(w, DateField):
            w.set_date(value)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, ClientPicker):
            w.set_client(value)
        elif isinstance(w, QComboBox) and f.type == "ref":
            if w.count() <= 1 and value is not None:  # its choices are still coming
                self._waiting[f.name] = value
            else:
                self._choose(w, value)
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(w.findData(value), 0))
        elif isinstance(w, QLineEdit):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            w.setText("" if value is None else str(value))

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values, and a message per field that could not be read."""
        out: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for f in self.fields:
            w = self.widgets[f.name]
            try:
                out[f.name] = self._get(f, w)
            except ValueError as exc:
                problems[f.name] = str(exc) if isinstance(w, DateField) else (
                    self.tr("Type a whole number.") if f.type == "int" else self.tr("Type a number."))
        return out, problems

    def _get(self, f: Field, w: QWidget) -> Any:
        if hasattr(w, "value"):
            return w.value()
        if isinstance(w, DateField):
            return w.date()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, ClientPicker):
            return w.client_id
        if f.type == "nationality":
            text = w.currentText().strip()
            if not text:
                return None
            code = w.currentData()
            if code and w.itemText(w.currentIndex()) == text:
                return code
            return parse_nationality(text) or text
        if isinstance(w, QComboBox):
            return self._waiting.get(f.name, w.currentData())
        if f.type == "int":
            return _number(w.text(), int)
        if f.type == "float":
            return _number(w.text(), float)
        return w.text()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field; the first field in error gets focus."""
        show_field_errors(self.banner, self.errors, errors)
        for name in errors:
            if name in self.widgets:
                self.widgets[name].setFocus()
                break

    def clear(self) -> None:
        for f in self.fields:
            self._set(f, self.widgets[f.name], None)
        self.show_errors({})


class RecordDialog(QDialog):
    """Create (row_id None) or edit one record. Opened with `open()`; emits
    `saved(id)` after a successful write (the workspace tells every screen
    what changed)."""

    saved = Signal(int)

    def __init__(self, workspace, kind_key: str, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, fields: list[str] | None = None,
                 parent: QWidget | None = None,
                 own_widgets: dict[str, QWidget] | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.kind_key = kind_key
        self.row_id = row_id
        self.version: int | None = None
        kind = KINDS[kind_key]
        self.setWindowTitle(self.tr("Edit") + ": " + record_text(kind.label) if row_id
                            else self._new_title(kind_key))
        self.form = RecordForm(workspace, kind_key, fields, self, own_widgets)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        extra = QHBoxLayout()
        self.extra_buttons = extra
        extra.addStretch(1)
        extra.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(extra)
        self.loading = True  # Save waits until the record (or a new one's values) is in
        self.saving = False
        self.save_button.setEnabled(False)
        if row_id is not None:
            self.load()
        else:
            workspace.ops.query(self, lambda desk: desk.records.new_values(kind_key),
                                lambda values: self._new_loaded({**values, **(defaults or {})}),
                                self._load_failed)
        self.proposed: str | None = None  # the number proposed for a new record
        opened = self.form.widgets.get(kind.numbered_by or "")
        within = self.form.widgets.get(kind.numbered_within or "")
        if row_id is None and "number" in self.form.widgets:
            if isinstance(opened, DateField):
                opened.editingFinished.connect(self._renumber)
            if isinstance(within, QComboBox):
                within.currentIndexChanged.connect(self._renumber)

    def _new_title(self, kind_key: str) -> str:
        """"Nieuwe cliënt", "Nieuw dossier": Dutch says new by the noun's gender."""
        return {"clients": self.tr("New client"), "dwellings": self.tr("New dwelling"),
                "moves": self.tr("New move"), "contacts": self.tr("New contact"),
                "dossiers": self.tr("New dossier"), "trajectories": self.tr("New trajectory"),
                "programmes": self.tr("New programme"), "couplings": self.tr("New coupling"),
                "volunteers": self.tr("New staff member"),
                "year_figures": self.tr("New year figure"),
                "report_texts": self.tr("New report text"),
                "municipalities": self.tr("New municipality")}[kind_key]

    def load(self, then: Callable[[], None] | None = None,
             keep: dict[str, Any] | None = None) -> None:
        """Read the record (and its version); `keep` are typed values put
        back over it, `then` runs once it is shown."""
        kind_key, row_id = self.kind_key, self.row_id

        def loaded(stored) -> None:
            self.version = stored.version
            self._loaded({**stored.values, **(keep or {})})
            if then is not None:
                then()

        self.workspace.ops.query(self, lambda desk: desk.records.get(kind_key, row_id), loaded,
                                 self._load_failed)

    def _loaded(self, values: dict[str, Any]) -> None:
        self.form.set_values(values)
        self.loading = False
        self.save_button.setEnabled(True)

    def _new_loaded(self, values: dict[str, Any]) -> None:
        self.proposed = values.get("number")
        self._loaded(values)
        within = KINDS[self.kind_key].numbered_within
        if within and values.get(within) is not None:  # a kind given: its own style
            self._renumber()

    def _renumber(self) -> None:
        """A new record's number follows the year of its opening date and
        (dossiers) the kind chosen, as long as it is the number proposed
        (not one the user typed)."""
        number = self.form.widgets["number"]
        if self.loading or self.proposed is None or number.text() != self.proposed:
            return
        kind = KINDS[self.kind_key]
        values, problems = self.form.values()
        if kind.numbered_by in problems:  # not a date: said beside the field on saving
            return
        on = values.get(kind.numbered_by) if kind.numbered_by else None
        within = values.get(kind.numbered_within) if kind.numbered_within else None
        kind_key = self.kind_key

        def renumbered(values: dict[str, Any]) -> None:
            if number.text() == self.proposed:
                self.proposed = values["number"]
                number.setText(self.proposed)

        self.workspace.ops.query(self, lambda desk: desk.records.new_values(kind_key, on, within),
                                 renumbered, latest=f"renumber-{id(self)}")

    def _load_failed(self, exc: VwdeskError) -> None:
        self.form.banner.show_message(exc.message)

    def before_save(self, values: dict[str, Any], proceed: Callable[[], None]) -> None:
        """Hook for a subclass: call `proceed()` to save (or not, e.g. to warn)."""
        proceed()

    def save(self) -> None:
        """Save (the button, Enter or Ctrl+S); a second press while the save
        or its checks are on their way does nothing."""
        if self.loading or self.saving:
            return
        values, problems = self.form.values()
        if problems:
            self.form.show_errors(problems)
            return
        self._set_saving(True)
        self.before_save(values, lambda: self._write(values))

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        self.save_button.setEnabled(not on)
        self.form.setEnabled(not on)  # what is saved is what the form shows

    def not_saving(self) -> None:
        """A check before saving stopped it (a warning): the form is free again."""
        self._set_saving(False)

    def _write(self, values: dict[str, Any]) -> None:
        kind_key, row_id, version = self.kind_key, self.row_id, self.version
        if row_id is None:
            def write(desk):
                return desk.records.create(kind_key, values)
        else:
            def write(desk):
                return desk.records.update(kind_key, row_id, version, values)
        self.workspace.ops.write(self, write, self._saved, lambda exc: self._failed(exc, values))

    def _saved(self, saved) -> None:
        self.row_id, self.version = saved.id, saved.version
        self.saved.emit(saved.id)
        self.accept()

    def _failed(self, exc: VwdeskError, typed: dict[str, Any]) -> None:
        self._set_saving(False)
        save_failed(exc, self.form.banner, self.form.show_errors,
                    lambda then: self.load(then, keep=typed))
