"""The users of a location (teamleader) or all users (beheerder), and a
form to add one."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.users import UserRow
from vwdesk.core.errors import ValidationError, VwdeskError
from vwdesk.gui.lazy_view import LazyView
from vwdesk.gui.widgets import Banner, ErrorLabel, add_field, local_time, utc_now


class NewUserDialog(QDialog):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("New user"))
        self.banner = Banner(self)
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.role = QComboBox(self)
        for role in workspace.desk.users.roles():
            self.role.addItem(role, role)
        self.volunteer = QComboBox(self)
        self.volunteer.addItem("", None)
        workspace.ops.query(self, lambda desk: desk.users.volunteers(), self._volunteers)
        self.errors = {name: ErrorLabel(self) for name in ("username", "password", "role", "location")}
        form = QFormLayout()
        for label, widget, name in ((self.tr("User name"), self.username, "username"),
                                    (self.tr("Name"), self.display_name, None),
                                    (self.tr("Password"), self.password, "password"),
                                    (self.tr("Role"), self.role, "role"),
                                    (self.tr("Volunteer record"), self.volunteer, None)):
            add_field(form, label, widget, *([self.errors[name]] if name else []))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def _volunteers(self, options: list[tuple[int, str]]) -> None:
        for vid, name in options:
            self.volunteer.addItem(name, vid)

    def save(self) -> None:
        """Save (the button, Enter or Ctrl+S), once while it is on its way."""
        if not self.save_button.isEnabled():
            return
        args = (self.username.text(), self.password.text(), self.role.currentData(),
                self.display_name.text(), self.volunteer.currentData())
        self.save_button.setEnabled(False)
        self.workspace.ops.write(self, lambda desk: desk.users.create(*args),
                                 lambda _saved: self.accept(), self._failed)

    def _failed(self, exc: VwdeskError) -> None:
        self.save_button.setEnabled(True)
        errors = exc.errors if isinstance(exc, ValidationError) else {"": exc.message}
        for name, label in self.errors.items():
            label.show_message(errors.get(name))
        rest = [msg for name, msg in errors.items() if name not in self.errors]
        self.banner.show_message(" ".join(rest)) if rest else self.banner.clear_message()


class UsersView(LazyView):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"),
                                              self.tr("Role"), self.tr("Location"),
                                              self.tr("Last login"), self.tr("Status")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # names and dates in full
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.banner = Banner(self)
        self.new_button = QPushButton(self.tr("New user…"), self)
        self.new_button.clicked.connect(self.new_user)
        self.password_button = QPushButton(self.tr("Set a new password…"), self)
        self.password_button.clicked.connect(self.ask_password)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.password_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        self.dialog: QDialog | None = None
        self.user_ids: list[int] = []
        workspace.changed.connect(lambda kinds: "users" in kinds and self.outdated())
        workspace.location_changed.connect(lambda _id: self.outdated())

    def refresh(self) -> None:
        self.workspace.ops.query(self, lambda desk: desk.users.rows(), self._show,
                                 self._failed, latest="users")

    def _failed(self, exc: VwdeskError) -> None:
        self.banner.show_message(exc.message)

    def _show(self, users: list[UserRow]) -> None:
        self.user_ids = [u.id for u in users]
        self.table.setRowCount(len(users))
        now = utc_now()
        for i, u in enumerate(users):
            last = local_time(u.last_login_at) if u.last_login_at else ""
            if u.locked(now):
                status = self.tr("locked until %1").replace("%1", local_time(u.locked_until))
            else:
                status = self.tr("active") if u.active else self.tr("switched off")
            # A beheerder belongs to no location: they manage them all.
            location = u.location or self.tr("all locations")
            for col, text in enumerate((u.username, u.display_name, u.role, location, last,
                                        status)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def new_user(self) -> None:
        self.dialog = NewUserDialog(self.workspace, self)
        self.dialog.open()

    def ask_password(self) -> None:
        """A new password for the selected user (also lifts a lock-out)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.user_ids):
            self.banner.show_message(self.tr("Select a user first."), "warning")
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Set a new password"))
        dialog.setLabelText(self.tr("New password for %1 (at least 8 characters):")
                            .replace("%1", self.table.item(row, 0).text()))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(lambda text, uid=self.user_ids[row]:
                                         self.set_password(uid, text))
        self.dialog = dialog
        dialog.open()

    def set_password(self, user_id: int, password: str) -> None:
        self.workspace.ops.write(
            self, lambda desk: desk.users.set_password(user_id, password),
            lambda _saved: self.banner.show_message(
                self.tr("The password has been set; the account is unlocked."), "info"),
            self._failed)
