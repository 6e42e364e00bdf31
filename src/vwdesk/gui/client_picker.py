"""The client picker of every form that names a client: type part of a
name, number or birth date, the matches show below the field ranked by fit,
and Enter takes only the highlighted one (see `ClientPicker`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.gui.keep_end import KeepEndDelegate


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
    The highlighted match is the one Enter takes: the top match is
    highlighted only when it is clearly the one (an exact number, the only
    full-name match, or the only surname match with nothing but guesses
    below it: `core.services.client_search`); otherwise none is, Enter says
    so, and the user
    highlights one with Down/Up (the first Down the first match) and takes
    it with Enter, or clicks it. Enter or Down before the matches came
    waits for them. The chosen client's name, number and birth date stay in
    the field."""

    picked = Signal(object)  # client id or None
    unmatched = Signal()  # Enter on a text no client matches
    ambiguous = Signal(int)  # Enter while no match is highlighted: how many there are
    DEBOUNCE_MS = 120
    LIMIT = 8
    ROWS = 5  # the list's height in matches; more scroll

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.client_id: int | None = None
        self._searching = False  # a search for the text shown is under way
        self._enter_waiting = False  # Enter was pressed before the matches came
        self._steps_waiting = 0  # Down (+1) / Up (-1) pressed before the matches came
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a name, number or birth date"))
        self.matches = QListWidget(self)
        self.matches.setAccessibleName(self.tr("Matching clients"))
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setUniformItemSizes(True)
        self.matches.setItemDelegate(KeepEndDelegate(self.matches))
        # The typing stays in the field, so the list never has the focus: its
        # highlight is drawn as in a list that has it (some styles draw an
        # unfocused list's highlight nearly invisible).
        palette = self.matches.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role,
                             palette.color(QPalette.ColorGroup.Active, role))
        self.matches.setPalette(palette)
        self.matches.hide()
        self.more = QLabel(self)
        self.more.setWordWrap(True)
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        layout.addWidget(self.more)
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.matches.itemClicked.connect(self._take)
        self.setFocusProxy(self.edit)
        self._ids: list[int] = []  # the clients listed, in order

    def _typed(self, _text: str) -> None:
        if self.client_id is not None:
            self.client_id = None
            self.picked.emit(None)
        self._enter_waiting = False
        self._steps_waiting = 0
        self._timer.start()

    def is_searching(self) -> bool:
        return self._timer.isActive() or self._searching

    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if not text or self.client_id is not None:
            self._hide_matches()
            return
        self._searching = True
        self.workspace.ops.query(self, lambda desk: desk.clients.find(text, self.LIMIT),
                                 self._show, self._failed, latest="search")

    def _hide_matches(self) -> None:
        self._ids = []
        self.matches.clear()
        self.matches.hide()
        self.more.hide()

    def _list(self, items: list[QListWidgetItem]) -> None:
        """Show these lines, the list as high as they need (at most ROWS)."""
        self.matches.clear()
        for item in items:
            self.matches.addItem(item)
        rows = min(max(len(items), 1), self.ROWS)
        self.matches.setFixedHeight(rows * max(self.matches.sizeHintForRow(0), 1)
                                    + 2 * self.matches.frameWidth())
        self.matches.show()

    def _failed(self, exc) -> None:
        self._searching = self._enter_waiting = False
        self._steps_waiting = 0
        self._ids = []
        self.more.hide()
        self._list([self._note_item(exc.message)])

    def _note_item(self, text: str) -> QListWidgetItem:
        """A line in the list that is no client (it cannot be highlighted)."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setToolTip(text)  # a long message is cut at the list's edge
        return item

    def _show(self, found) -> None:
        from vwdesk.app.clients import label

        self._searching = False
        if self.client_id is not None:
            return  # a client was chosen meanwhile (e.g. one just made)
        items = []
        for r, fit in found.rows:
            name = r.name or "—"
            end = label(r)[len(name):] + f" — {fit_text(fit)}"
            item = QListWidgetItem(name + end)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, label(r))
            item.setData(KeepEndDelegate.END, end)
            item.setToolTip(name + end)
            items.append(item)
        self._ids = [r.id for r, _fit in found.rows]
        self._list(items or [self._note_item(self.tr("No client found"))])
        if found.rows and found.clear:
            self.matches.setCurrentRow(0)
        self.more.setText(self.tr("More than %1 found — type more to narrow the search.")
                          .replace("%1", str(len(found.rows))))
        self.more.setVisible(found.more)
        steps, self._steps_waiting = self._steps_waiting, 0
        if steps:
            self._step(steps)
        if self._enter_waiting:
            self._enter_waiting = False
            if not self._enter():
                self.unmatched.emit()

    def _step(self, steps: int) -> None:
        """Move the highlight `steps` matches down (up when negative); from
        no highlight the first step lands on the first match."""
        if not self._ids:
            return
        row = self.matches.currentRow()
        if row < 0:
            row, steps = 0, steps - 1 if steps > 0 else steps + 1
        self.matches.setCurrentRow(max(0, min(len(self._ids) - 1, row + steps)))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.edit and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.client_id is None \
                    and self.edit.text().strip():
                step = 1 if key == Qt.Key.Key_Down else -1
                if self.is_searching():  # the list shown is of an earlier text
                    self._steps_waiting += step
                    if self._timer.isActive():
                        self.search_now()
                else:
                    self._step(step)
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

    def ambiguity_text(self, matches: int) -> str:
        """What to say when Enter found no highlighted match (`ambiguous`)."""
        if matches > 1:
            return self.tr("Several clients could be meant. Choose one in the list with Down and "
                           "Enter, or type more of the name, the number or the birth date.")
        return self.tr("This client only looks like what you typed. Is it the one? Choose it "
                       "with Down and Enter, or type more of the name, the number or the birth "
                       "date.")

    def _enter(self) -> bool:
        """Take the highlighted match; False when nothing matches. With no
        match highlighted (several could be meant, or the only one is a
        guess) it says so."""
        if not self._ids:
            return False
        item = self.matches.currentItem()
        if item is None:
            self.ambiguous.emit(len(self._ids))
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
        self._steps_waiting = 0
        self.client_id = client_id
        self.edit.setText(text or "")
        self._hide_matches()
        self.picked.emit(client_id)
        if client_id is not None and text is None:
            self.workspace.ops.query(self, lambda desk: desk.clients.row(client_id),
                                     lambda r: self._label(client_id, r), latest="label")

    def _label(self, client_id: int, row) -> None:
        from vwdesk.app.clients import label

        if self.client_id == client_id and row is not None:
            self.edit.setText(label(row))
