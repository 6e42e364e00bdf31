"""First-start setup (location and first beheerder) and the login dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import LoginError, ValidationError, VwdeskError
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, authenticate, create_user
from vwdesk.gui.widgets import Banner, ErrorLabel


def _row(form: QFormLayout, label: str, widget: QWidget, errors: dict[str, ErrorLabel],
         name: str) -> None:
    cell = QWidget()
    box = QVBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(widget)
    errors[name] = ErrorLabel()
    box.addWidget(errors[name])
    form.addRow(label, cell)


class SetupDialog(QDialog):
    """Asks the location's name and creates the first beheerder account."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.username: str | None = None
        self.setWindowTitle(self.tr("vwdesk — first start"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "Welcome. This database is still empty: enter the name of your location and "
            "create the first administrator account.\nJust want to look around first? "
            "Close this window and start \"vwdesk --demo\"."), self)
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
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
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
        if self.password.text() != self.password2.text():
            self._show({"password2": self.tr("The two passwords differ; type the same one twice.")})
            return
        try:
            with self.db.session() as s:
                loc = create_location(s, SYSTEM, self.location.text())
                user = create_user(s, SYSTEM, self.username_edit.text(), self.password.text(),
                                   "beheerder", loc.id, self.display_name.text())
                self.username = user.username
        except ValidationError as exc:
            self._show(exc.errors)
            return
        except VwdeskError as exc:
            self._show({"": exc.message})
            return
        self.accept()


class LoginDialog(QDialog):
    """User name and password; five wrong attempts lock the account."""

    def __init__(self, db: Database, demo_logins: list[tuple[str, str, str]] | None = None,
                 username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.user: m.User | None = None
        self.setWindowTitle(self.tr("vwdesk — log in"))
        self.setMinimumWidth(380)
        self.banner = Banner(self)
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel("<h2>vwdesk</h2>", self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        if demo_logins:
            lines = "".join(f"<tr><td><b>{u}</b></td><td>{p}</td><td>{r}</td></tr>"
                            for u, p, r in demo_logins)
            demo = QLabel(self.tr("Demo database (synthetic data). Log in as:")
                          + f"<table cellspacing=6>{lines}</table>", self)
            demo.setObjectName("demo_logins")
            layout.addWidget(demo)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def login(self) -> None:
        try:
            self.user = authenticate(self.db, self.username.text(), self.password.text())
        except LoginError as exc:
            self.banner.show_message(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
