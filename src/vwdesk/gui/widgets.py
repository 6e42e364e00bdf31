"""Small widgets every form uses: a date field, a message banner, an error
label beside a field, a grid of choices, and message boxes (the client
picker is in `client_picker`).

The login dialog uses these widgets before the database is open, so the
services are imported where used, and PySide's `Qt` namespace is reached
as `QtCore.Qt` where it is used: PySide makes all its enums (about 45 ms)
when the namespace is first reached, and the login window need not wait
for that."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class DateField(QLineEdit):
    """A date typed as dd-mm-jjjj (or ddmmjjjj); empty means no date."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.setMaximumWidth(130)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.strftime("%d-%m-%Y") if value else "")

    def date(self) -> dt.date | None:
        """The date typed, None when empty; ValueError when it is not a date."""
        from vwdesk.core.dates import is_date_shaped, parse_date

        text = self.text().strip()
        if not text:
            return None
        value = parse_date(text)
        if value is None and is_date_shaped(text):
            raise ValueError(self.tr("%1 does not exist in the calendar; check the day and the "
                                     "month.").replace("%1", text))
        if value is None:
            raise ValueError(self.tr("This is not a date; type it as dd-mm-yyyy, e.g. 05-03-2024."))
        return value


def add_field(form: QFormLayout, text: str, field: QWidget, *below: QWidget) -> QLabel:
    """A form row whose label is the field's buddy and gives it its
    accessible name (a screen reader says "Voornaam, bewerken"); `below`
    (e.g. the field's error label) stand under the field.

    Tab keeps the order in which the fields were made: the cell that
    holds a field and its message is made in the field's own window (a cell
    without a parent would take the field out of the window's Tab chain and
    put it back at the end once the form is shown)."""
    label = QLabel(text)
    label.setWordWrap(True)
    target = field.focusProxy() or field
    label.setBuddy(target)
    target.setAccessibleName(text.rstrip(" *"))
    if below:
        cell = QWidget(field.parentWidget() or form.parentWidget())
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for widget in (field, *below):
            box.addWidget(widget)
        box.addStretch(1)  # room the row gets goes below: the field stays beside its label
        field = cell
    form.addRow(label, field)
    return label


def _fit_dialog(widget: QWidget) -> None:
    """A dialog grows to show a message in full (a main window keeps its size)."""
    window = widget.window()
    if isinstance(window, QDialog) and window.isVisible():
        window.adjustSize()


class ElidedLabel(QLabel):
    """One line of text that may be long (a 200-letter name): shortened with
    "…" to the room there is, the whole text in the tooltip. It never makes
    its window wider."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.full = ""
        self.setFullText(text)

    def setFullText(self, text: str) -> None:  # noqa: N802 - Qt style, like setText
        self.full = text
        self.setToolTip(text if len(text) > 30 else "")
        self.setAccessibleName(text)
        self._elide()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the whole text, so a layout that has the room shows it
        all (with a Preferred size policy the label grows back after shrinking)."""
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self.full) + 2 * self.margin() + 4)
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        hint.setWidth(self.minimumWidth())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), self.minimumWidth())
        self.setText(self.fontMetrics().elidedText(self.full, QtCore.Qt.TextElideMode.ElideRight,
                                                   width))


class ErrorLabel(QLabel):
    """The message shown beside a field (hidden when there is none)."""

    changed = Signal()  # a message shown, changed or taken away

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))
        _fit_dialog(self)
        self.changed.emit()


class Banner(QLabel):
    """A message above a form: an error, a conflict or a warning."""

    STYLES = {
        "error": "background:#fde7e9; color:#8a0010; border:1px solid #e8a3aa;",
        "warning": "background:#fff4d6; color:#5c4400; border:1px solid #e6c86e;",
        "info": "background:#e6f2ea; color:#1d4d2b; border:1px solid #9cc7a8;",
    }

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()  # and empty: the text format is set with a message (module doc)
        self._level: str | None = None
        self._fields: list[ErrorLabel] = []  # the labels the fields hint points to
        self._watched: set[ErrorLabel] = set()

    def show_message(self, text: str, level: str = "error") -> None:
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # it may quote what was typed
        self._fields = []
        if level != self._level:  # a style sheet set anew polishes the label anew
            self._level = level
            self.setStyleSheet(self.STYLES[level] + " padding:6px; border-radius:3px;")
        self.setText(text)
        self.show()
        _fit_dialog(self)

    def clear_message(self) -> None:
        self._fields = []
        self.setText("")
        self.hide()

    def give_way(self) -> None:
        """A new message shows beside a field: the banner's message about an
        earlier step ("Saved.", a failed load) goes, so no old green line
        stands above a new red one. The hint that fields marked in red keep
        the form from being saved stays while they are."""
        if not self._fields:
            self.clear_message()

    def show_fields_hint(self, labels: list[ErrorLabel]) -> None:
        """Say that the fields marked in red keep the form from being saved;
        the hint goes by itself once none of `labels` shows a message."""
        self.show_message(QCoreApplication.translate(
            "FieldErrors", "Not saved: correct the fields marked in red."))
        self._fields = labels
        for label in labels:
            if label not in self._watched:
                self._watched.add(label)
                label.changed.connect(self._field_changed)

    def _field_changed(self) -> None:
        if self._fields and not any(label.text() for label in self._fields):
            self.clear_message()


def show_field_errors(banner: Banner, labels: dict[str, ErrorLabel],
                      errors: dict[str, str]) -> None:
    """The outcome of trying to save: each message beside its field;
    messages for fields without a label in the banner above the form (or a
    general hint, while a field shows a message, when all have a place)."""
    for name, label in labels.items():
        label.show_message(errors.get(name))
    rest = [message for name, message in errors.items() if name not in labels]
    if rest:
        banner.show_message(" ".join(rest))
    elif errors:
        banner.show_fields_hint(list(labels.values()))
    else:
        banner.clear_message()


class ChoiceGrid(QWidget):
    """Buttons to tick in a grid (a visit's topics) that are one Tab stop,
    as a group of choices should be: Tab reaches the button used last (at
    first the first one), the arrow keys move between them (Left and Right
    along, Up and Down a row; Home, End), Space ticks or unticks. So Tab
    from the grid goes on to the next field, not through every button."""

    toggled = Signal(object, bool)  # the key of a button, ticked or not

    STYLE = ("QPushButton{padding:2px 6px;border:1px solid #9aa;border-radius:9px;}"
             "QPushButton:checked{background:#1f6f8b;color:white;}"
             "QPushButton:focus{border:2px solid #1f6f8b;}")

    def __init__(self, columns: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = columns
        self.buttons: dict[object, QPushButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(3)

    def set_choices(self, choices: list[tuple[object, str]], ticked: set) -> None:
        """Show these (key, text) buttons, those of `ticked` ticked."""
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for i, (key, text) in enumerate(choices):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setChecked(key in ticked)
            button.setStyleSheet(self.STYLE)
            button.toggled.connect(lambda on, key=key: self.toggled.emit(key, on))
            button.installEventFilter(self)
            self.buttons[key] = button
            self._grid.addWidget(button, i // self.columns, i % self.columns)
            button.show()  # now: the form is shown already, and Tab must find it
        if self.buttons:
            self._make_stop(next(iter(self.buttons.values())))

    def _make_stop(self, stop: QPushButton) -> None:
        """`stop` is the button Tab reaches; the others take the focus from
        the arrow keys or a click only."""
        for button in self.buttons.values():
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus if button is stop
                                  else QtCore.Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj in self.buttons.values():
            if event.type() == event.Type.FocusIn:
                self._make_stop(obj)
            elif event.type() == event.Type.KeyPress and event.modifiers() in (
                    QtCore.Qt.KeyboardModifier.NoModifier,
                    QtCore.Qt.KeyboardModifier.KeypadModifier):
                order = list(self.buttons.values())
                i, last = order.index(obj), len(order) - 1
                key = QtCore.Qt.Key
                to = {key.Key_Left: i - 1, key.Key_Right: i + 1,
                      key.Key_Up: i - self.columns, key.Key_Down: i + self.columns,
                      key.Key_Home: 0, key.Key_End: last}.get(event.key())
                if to is not None:
                    order[max(0, min(last, to))].setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
                    return True
        return super().eventFilter(obj, event)


def local_time(at: dt.datetime) -> str:
    """A moment stored in UTC, as the local time of this PC."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d-%m-%Y %H:%M")


def utc_now() -> dt.datetime:
    """Now, as the database stores moments (UTC, without a time zone)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def plain(text: str) -> str:
    """Text for a message box, shown as written: a name or a cell that looks
    like markup (`<img src=…>`) is never rendered as markup."""
    return "<p>" + escape(text, quote=False).replace("\n", "<br>") + "</p>"


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask once, Yes/No; No is the default."""
    answer = QMessageBox.question(parent, title, plain(text),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_message(parent: QWidget, title: str, text: str, error: bool = False) -> QMessageBox:
    """A non-blocking message box (window-modal, opened with open())."""
    box = QMessageBox(QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


_discarded: QWidget | None = None


def discard(widget: QWidget) -> None:
    """Take `widget` out of its window now (so `findChild` no longer sees
    it) and delete it later. It goes to a hidden holder rather than to no
    parent: a widget without a parent is a window of its own, and deleting
    that window takes the keyboard focus from the window the user types in."""
    global _discarded
    if _discarded is None:
        _discarded = QWidget()
    widget.setParent(_discarded)
    widget.deleteLater()
