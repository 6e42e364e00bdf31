"""Plain, consistent forms driven by `vwdesk.core.records`: one widget per
field (labels, types and choices come from the record kind), a message
beside each field, and a dialog that creates or edits one record through the
audited write path — keeping what the user typed on any error."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
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
from sqlalchemy.exc import SQLAlchemyError

from vwdesk.core.errors import ConflictError, ValidationError, VwdeskError
from vwdesk.core.nationalities import all_nationalities, parse_nationality
from vwdesk.core.records import KINDS, Field
from vwdesk.core.services import base, desk
from vwdesk.gui.i18n import record_text
from vwdesk.gui.widgets import Banner, ClientPicker, DateField, ErrorLabel, show_field_errors

log = logging.getLogger(__name__)

def _number(text: str, kind: type) -> int | float | None:
    text = text.strip().replace(",", ".") if kind is float else text.strip()
    if not text:
        return None
    return kind(text)


class RecordForm(QWidget):
    """The fields of one record kind; `values()` reads them, `set_values()`
    fills them, `show_errors()` puts each message beside its field."""

    def __init__(self, session, kind_key: str, fields: list[str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.kind = KINDS[kind_key]
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
            widget = self._widget(f)
            widget.setObjectName(f.name)
            if isinstance(widget, QComboBox):
                widget.setMinimumWidth(220)
            self.widgets[f.name] = widget
            error = ErrorLabel(self)
            self.errors[f.name] = error
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(record_text(f.label) + (" *" if f.required else ""), cell)
        layout.addLayout(form)

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
                w.addItem(choice, choice)
            return w
        if f.type == "nationality":
            w = QComboBox(self)
            w.setEditable(True)
            w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            w.addItem("", None)
            for nat in all_nationalities():
                w.addItem(nat.country, nat.code)
            w.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            w.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            return w
        if f.type == "ref" and f.ref == "clients":
            return ClientPicker(self.session, self)
        if f.type == "ref":
            w = QComboBox(self)
            self.fill_ref(w, f.ref)
            return w
        w = QLineEdit(self)
        if f.max_len:
            w.setMaxLength(f.max_len)
        return w

    def fill_ref(self, combo: QComboBox, ref: str,
                 options: list[tuple[int, str]] | None = None) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem("", None)
        if options is None:
            with self.session.db.session() as s:
                options = desk.ref_options(s, self.session.actor, ref, self.session.location_id)
        for row_id, text in options:
            combo.addItem(text, row_id)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    def set_values(self, values: dict[str, Any]) -> None:
        for f in self.fields:
            if f.name in values:
                self._set(f, self.widgets[f.name], values[f.name])

    def _set(self, f: Field, w: QWidget, value: Any) -> None:
        if isinstance(w, DateField):
            w.set_date(value)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, ClientPicker):
            w.set_client(value)
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index < 0 and value is not None and f.type == "ref":
                w.addItem(str(value), value)
                index = w.count() - 1
            w.setCurrentIndex(max(index, 0))
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
            return w.currentData()
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
    `saved(id)` after a successful write and tells the session what changed."""

    saved = Signal(int)

    def __init__(self, session, kind_key: str, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, fields: list[str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.kind_key = kind_key
        self.row_id = row_id
        self.version: int | None = None
        kind = KINDS[kind_key]
        self.setWindowTitle((self.tr("Edit") if row_id else self.tr("New")) + ": "
                            + record_text(kind.label))
        self.form = RecordForm(session, kind_key, fields, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        extra = QHBoxLayout()
        self.extra_buttons = extra
        extra.addStretch(1)
        extra.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(extra)
        if row_id is not None:
            self.load()
        else:
            values = {**self._column_defaults(), **(defaults or {})}
            if kind.number_field == "number" and "number" in self.form.widgets \
                    and not values.get("number"):
                with session.db.session() as s:
                    values["number"] = desk.next_number(s, session.actor, kind_key,
                                                        session.location_id)
            self.form.set_values(values)

    def _column_defaults(self) -> dict[str, Any]:
        """The model's own defaults (e.g. year figure mode "invoer"), shown in a new form."""
        out = {}
        for f in self.form.fields:
            column = KINDS[self.kind_key].model.__table__.c.get(f.name)
            if column is not None and column.default is not None and column.default.is_scalar:
                out[f.name] = column.default.arg
        return out

    def load(self) -> dict[str, Any]:
        """Read the record; returns its values (and remembers its version)."""
        with self.session.db.session() as s:
            obj = base.get(s, self.session.actor, self.kind_key, self.row_id)
            values = {f.name: getattr(obj, f.name) for f in self.form.fields}
            self.version = obj.version
        self.form.set_values(values)
        return values

    def check_before_save(self, values: dict[str, Any]) -> bool:
        """Hook for a subclass: False stops the save (e.g. to warn first)."""
        return True

    def save(self) -> None:
        values, problems = self.form.values()
        if problems:
            self.form.show_errors(problems)
            return
        if not self.check_before_save(values):
            return
        try:
            with self.session.db.session() as s:
                if self.row_id is None:
                    obj = base.create(s, self.session.actor, self.kind_key,
                                      self.session.location_id, values)
                else:
                    obj = base.update(s, self.session.actor, self.kind_key, self.row_id,
                                      self.version, values)
                row_id, self.version = obj.id, obj.version
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except ConflictError as exc:
            self._conflict(exc, values)
            return
        except VwdeskError as exc:
            self.form.banner.show_message(exc.message)
            return
        except SQLAlchemyError as exc:  # e.g. the database went away; typed values stay
            log.error("saving a %s failed", self.kind_key, exc_info=exc)
            self.form.banner.show_message(self.tr(
                "Not saved: the database could not be reached (%1). Try again in a moment.")
                .replace("%1", type(exc).__name__))
            return
        self.row_id = row_id
        self.session.notify(self.kind_key)
        self.saved.emit(row_id)
        self.accept()

    def _conflict(self, exc: ConflictError, typed: dict[str, Any]) -> None:
        """Show who changed it, take the new version, keep what was typed."""
        if exc.removed:
            self.form.banner.show_message(exc.message)
            return
        self.load()
        self.form.set_values(typed)
        self.form.show_errors({})
        self.form.banner.show_message(
            exc.message + " " + self.tr("Your changes are still in the form; "
                                        "press Save again to keep them."), "warning")
