"""Small widgets every form uses: a date field, a message banner, an error
label beside a field, a client picker, and message boxes. (The services are
imported where used: the login dialog uses these widgets before the database
layer is loaded.)"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
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
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.full = ""
        self.setFullText(text)

    def setFullText(self, text: str) -> None:  # noqa: N802 - Qt style, like setText
        self.full = text
        self.setToolTip(text if len(text) > 30 else "")
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), self.minimumWidth())
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, width))


class ErrorLabel(QLabel):
    """The message shown beside a field (hidden when there is none)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))
        _fit_dialog(self)


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
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        self.setStyleSheet(self.STYLES[level] + " padding:6px; border-radius:3px;")
        self.setText(text)
        self.show()
        _fit_dialog(self)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def show_field_errors(banner: Banner, labels: dict[str, ErrorLabel],
                      errors: dict[str, str]) -> None:
    """Each message beside its field; messages for fields without a label in
    the banner above the form (or a general hint when all have a place)."""
    for name, label in labels.items():
        label.show_message(errors.get(name))
    rest = [message for name, message in errors.items() if name not in labels]
    if rest:
        banner.show_message(" ".join(rest))
    elif errors:
        banner.show_message(QCoreApplication.translate(
            "FieldErrors", "Not saved: correct the fields marked in red."))
    else:
        banner.clear_message()


def fit_text(fit) -> str:
    """How a client matches a search, in words (`app.clients.Fit`)."""
    return {
        0: QCoreApplication.translate("Fit", "number"),
        1: QCoreApplication.translate("Fit", "full name"),
        2: QCoreApplication.translate("Fit", "surname"),
        3: QCoreApplication.translate("Fit", "name"),
        4: QCoreApplication.translate("Fit", "start of the name"),
        5: QCoreApplication.translate("Fit", "start of the number"),
        6: QCoreApplication.translate("Fit", "part of the name"),
        7: QCoreApplication.translate("Fit", "looks like"),
        8: QCoreApplication.translate("Fit", "birth date"),
    }[int(fit)]


class ClientPicker(QWidget):
    """Find a client by typing (number, name, birth date or year): the
    matches show below the field, best fit first, each with how it fits.
    Enter takes the top match only when it is clearly the one (an exact
    number, or the only full-name match); otherwise it says so and the user
    chooses with Up/Down and Enter. Enter before the matches came waits for
    them. The chosen client's name, number and birth date stay in the field."""

    picked = Signal(object)  # client id or None
    unmatched = Signal()  # Enter on a text no client matches
    ambiguous = Signal()  # Enter while several clients could be meant
    DEBOUNCE_MS = 120
    LIMIT = 8

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.client_id: int | None = None
        self._searching = False  # a search for the text shown is under way
        self._enter_waiting = False  # Enter was pressed before the matches came
        self._clear = False  # the top match is clearly the one meant
        self._chosen_in_list = False  # the user moved through the list
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a name, number or birth date"))
        self.matches = QListWidget(self)
        self.matches.setMaximumHeight(150)
        self.matches.hide()
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.matches.itemClicked.connect(self._take)
        self.setFocusProxy(self.edit)

    def _typed(self, _text: str) -> None:
        if self.client_id is not None:
            self.client_id = None
            self.picked.emit(None)
        self._enter_waiting = self._chosen_in_list = False
        self._timer.start()

    def is_searching(self) -> bool:
        return self._timer.isActive() or self._searching

    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if not text or self.client_id is not None:
            self.matches.clear()
            self.matches.hide()
            return
        self._searching = True
        self.workspace.ops.query(self, lambda desk: desk.clients.find(text, self.LIMIT),
                                 self._show, self._failed, latest="search")

    def clearly_one(self) -> bool:
        """Enter may take the highlighted match: it is clearly the best, or
        the user chose it in the list."""
        return self._clear or self._chosen_in_list

    def _failed(self, exc) -> None:
        self._searching = self._enter_waiting = False
        self.matches.clear()
        self.matches.addItem(QListWidgetItem(exc.message))
        self.matches.show()

    def _show(self, found) -> None:
        from vwdesk.app.clients import label

        self._searching = False
        if self.client_id is not None:
            return  # a client was chosen meanwhile (e.g. one just made)
        self.matches.clear()
        self._clear, self._chosen_in_list = found.clear, False
        for r, fit in found.rows:
            item = QListWidgetItem(f"{label(r)} — {fit_text(fit)}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, label(r))
            self.matches.addItem(item)
        if found.rows:
            self.matches.setCurrentRow(0)
        else:
            self.matches.addItem(QListWidgetItem(self.tr("No client found")))
        self.matches.show()
        if self._enter_waiting:
            self._enter_waiting = False
            if not self._enter():
                self.unmatched.emit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.edit and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                self._chosen_in_list = True
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.client_id is None \
                    and self.edit.text().strip():
                if self.is_searching():
                    self._enter_waiting = True
                    if self._timer.isActive():
                        self.search_now()
                    return True
                if not self._enter():
                    self.unmatched.emit()
                return True
        return super().eventFilter(obj, event)

    def _enter(self) -> bool:
        """Take the highlighted match if Enter may; False when it may not
        (nothing matches, or several could be meant: the list says so)."""
        item = self.matches.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return False
        if not self.clearly_one():
            self.ambiguous.emit()
            return True
        self._take(item)
        return True

    def _take(self, item: QListWidgetItem) -> None:
        client_id = item.data(Qt.ItemDataRole.UserRole)
        if client_id is None:
            return
        self.focusNextChild()
        self.set_client(client_id, item.data(Qt.ItemDataRole.UserRole + 1))

    def set_client(self, client_id: int | None, text: str | None = None) -> None:
        """Show this client as chosen; its label is looked up when not given."""
        self._timer.stop()
        self._searching = self._enter_waiting = False
        self.client_id = client_id
        self.edit.setText(text or "")
        self.matches.clear()
        self.matches.hide()
        self.picked.emit(client_id)
        if client_id is not None and text is None:
            self.workspace.ops.query(self, lambda desk: desk.clients.row(client_id),
                                     lambda r: self._label(client_id, r), latest="label")

    def _label(self, client_id: int, row) -> None:
        from vwdesk.app.clients import label

        if self.client_id == client_id and row is not None:
            self.edit.setText(label(row))


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
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
