"""First-start setup (location and first beheerder) and the login dialog.

The login dialog shows before the database is open (it only needs Qt): the
user can type while the app loads the database layer in the background;
`set_database` then enables the button. Checking the password (argon2) runs
off the GUI thread as well."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vwdesk.gui.ops import Ops
from vwdesk.gui.widgets import Banner, ErrorLabel, add_field


def _row(form: QFormLayout, label: str, widget: QWidget, errors: dict[str, ErrorLabel],
         name: str) -> None:
    errors[name] = ErrorLabel()
    add_field(form, label, widget, errors[name])


class SetupDialog(QDialog):
    """Asks the location's name and creates the first beheerder account; or,
    with `can_demo`, offers to look around in the demo database first (the
    installer makes one Start-menu shortcut, so no one has to type
    "vwdesk --demo")."""

    demo_requested = Signal()

    def __init__(self, db, parent: QWidget | None = None, can_demo: bool = False):
        super().__init__(parent)
        self.db = db
        self.ops = Ops(lambda: None, self)
        self.username: str | None = None
        self.setWindowTitle(self.tr("vwdesk — first start"))
        self.setMinimumWidth(460)
        text = self.tr("Welcome. This database is still empty: enter the name of your location "
                       "and create the first administrator account.")
        if can_demo:
            text += "\n" + self.tr(
                "Just want to look around first? Press \"Look around in the demo\": vwdesk "
                "then opens a demo database with made-up people. This database stays empty; "
                "the next time you start vwdesk this window is shown again.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.banner = Banner(self)
        self.location = QLineEdit(self)
        self.username_edit = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        _row(form, self.tr("Location"), self.location, self.errors, "name")
        _row(form, self.tr("User name"), self.username_edit, self.errors, "username")
        _row(form, self.tr("Your name"), self.display_name, self.errors, "display_name")
        _row(form, self.tr("Password"), self.password, self.errors, "password")
        _row(form, self.tr("Password again"), self.password2, self.errors, "password2")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        self.demo_button = None
        if can_demo:
            self.demo_button = buttons.addButton(self.tr("Look around in the demo"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
            self.demo_button.setAutoDefault(False)  # Enter still means Create
            self.demo_button.clicked.connect(self.demo_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.show_message(errors.get(name))
        rest = [msg for name, msg in errors.items() if name not in self.errors]
        if rest:
            self.banner.show_message(" ".join(rest))
        else:
            self.banner.clear_message()

    def create(self) -> None:
        from vwdesk.app.login import first_start

        if self.password.text() != self.password2.text():
            self._show({"password2": self.tr("The two passwords differ; type the same one twice.")})
            return
        db = self.db
        args = (self.location.text(), self.username_edit.text(), self.display_name.text(),
                self.password.text())
        self._busy(True)
        self.ops.write(self, lambda _: first_start(db, *args), self._created, self._failed)

    def _created(self, username: str) -> None:
        self.username = username
        self.accept()

    def _busy(self, busy: bool) -> None:
        for button in (self.create_button, self.demo_button):
            if button is not None:
                button.setEnabled(not busy)

    def _failed(self, exc) -> None:
        from vwdesk.core.errors import ValidationError

        self._busy(False)
        self._show(exc.errors if isinstance(exc, ValidationError) else {"": exc.message})


class LoginDialog(QDialog):
    """User name and password; five wrong attempts lock the account."""

    attempted = Signal()  # after every login attempt, right or wrong

    def __init__(self, db=None, demo_logins: list[tuple[str, str, str]] | None = None,
                 username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.db = None
        self.user = None
        self._checking = False
        self.ops = Ops(lambda: None, self)
        self.setWindowTitle(self.tr("vwdesk — log in"))
        self.setMinimumWidth(380)
        self.banner = Banner(self)
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout()
        add_field(form, self.tr("User name"), self.username)
        add_field(form, self.tr("Password"), self.password)
        # The parent by keyword: given by position, PySide tries the
        # constructor that takes a `Qt.Orientation` and makes all the enums
        # of the `Qt` namespace (about 45 ms, see `widgets`) before the
        # window shows.
        buttons = QDialogButtonBox(parent=self)
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        buttons.accepted.connect(self.login)
        buttons.rejected.connect(self.reject)
        self.status = QLabel(self.tr("Opening the database…"), self)
        self.status.setStyleSheet("color: #555;")
        self.demo = QLabel(self)
        self.demo.setObjectName("demo_logins")
        self.demo.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>vwdesk</h2>", self))
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()
        self.login_button.setEnabled(False)
        if db is not None:
            self.set_database(db, demo_logins)

    def set_database(self, db, demo_logins: list[tuple[str, str, str]] | None = None) -> None:
        """The database is open: logging in is possible now."""
        self.db = db
        self.status.hide()
        self.login_button.setEnabled(True)
        if demo_logins:
            lines = "".join(f"<tr><td><b>{u}</b></td><td>{p}</td><td>{r}</td></tr>"
                            for u, p, r in demo_logins)
            self.demo.setText(self.tr("Demo database (synthetic data). Log in as:")
                              + f"<table cellspacing=6>{lines}</table>")
            self.demo.show()
            if not self.username.text():  # a newcomer only types the password
                self.username.setText(demo_logins[0][0])
                self.password.setFocus()
            self.adjustSize()  # the dialog is already shown: grow to the list

    def login(self) -> None:
        if self.db is None or self._checking:
            return
        from vwdesk.app.login import authenticate

        self._checking = True
        self.login_button.setEnabled(False)
        db, username, password = self.db, self.username.text(), self.password.text()
        self.ops.query(self, lambda _: authenticate(db, username, password), self._accepted,
                       self._refused)

    def _accepted(self, user) -> None:
        self._checking = False
        self.user = user
        self.attempted.emit()
        self.accept()

    def _refused(self, exc) -> None:
        self._checking = False
        self.login_button.setEnabled(True)
        self.banner.show_message(exc.message)
        self.password.clear()
        self.password.setFocus()
        self.attempted.emit()
