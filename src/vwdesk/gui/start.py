"""Starting the app: load the translation, show the login at once while the
database opens in the background, first-start setup when there are no users
(or, from there, the demo database instead), then the main window; log out
shows the login again so several users share one PC.

Start-up stays lean: this module imports only Qt; SQLAlchemy's Core opens the
database on a worker thread, the login button is enabled then, and the ORM,
the models, the services and the screens load on a worker thread while the
user types; ReportLab and openpyxl only when a report or workbook is made."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from vwdesk.gui import fonts, i18n
from vwdesk.gui.login import LoginDialog, SetupDialog
from vwdesk.gui.ops import Ops
from vwdesk.gui.widgets import plain
from vwdesk.resources import resource_path

log = logging.getLogger(__name__)


def _open_and_check(open_db: Callable):
    """On a worker thread: open (and migrate) the database and see whether it
    has users yet."""
    from vwdesk.app.login import has_users

    db = open_db()
    return db, not has_users(db)


def _load_screens() -> None:
    """On a worker thread while the user logs in: import the services (the
    login waits for them) and the screens, so the main window appears at once."""
    from vwdesk.app.login import load_services

    load_services()
    import vwdesk.gui.main_window  # noqa: F401 - imported now, used after login


class DeskApp(QObject):
    """Login (while the database opens) → setup if empty → main window → …"""

    def __init__(self, open_db: Callable, demo: bool = False, parent: QObject | None = None,
                 open_demo: Callable | None = None):
        super().__init__(parent)
        self.open_db, self.demo = open_db, demo
        self.open_demo = open_demo  # offered on an empty database
        self.db = None
        self.window = None
        self.dialog = None
        self.exit_code = 0
        self.ops = Ops(lambda: None, self)

    def start(self) -> None:
        self.show_login()
        self.ops.query(None, lambda _: _open_and_check(self.open_db), self._opened,
                       self._open_failed)

    def _demo_logins(self):
        if not self.demo:
            return None
        from vwdesk.app.login import demo_logins

        return demo_logins()

    def _opened(self, result) -> None:
        self.db, empty = result
        self.ops.query(None, lambda _: _load_screens())
        if empty:
            login, self.dialog = self.dialog, None
            login.close()
            setup = SetupDialog(self.db, can_demo=self.open_demo is not None)
            self.dialog = setup
            setup.accepted.connect(lambda: self._set_up(setup))
            setup.rejected.connect(QApplication.quit)
            setup.demo_requested.connect(lambda: self._to_demo(setup))
            setup.open()
        elif isinstance(self.dialog, LoginDialog):
            self.dialog.set_database(self.db, self._demo_logins())

    def _to_demo(self, setup: SetupDialog) -> None:
        """From the first-start setup to the demo database, in this run; the
        empty database stays as it is."""
        setup.rejected.disconnect()
        setup.close()
        setup.deleteLater()
        self.db.close()
        self.db, self.dialog = None, None
        self.open_db, self.open_demo, self.demo = self.open_demo, None, True
        self.start()

    def _open_failed(self, exc) -> None:
        if self.dialog is not None:
            self.dialog.hide()
        QMessageBox.critical(None, "vwdesk", plain(exc.message))
        self.exit_code = 2
        QApplication.exit(2)

    def _set_up(self, setup: SetupDialog) -> None:
        """The first administrator was just made: logged in at once, with the
        password typed twice a moment ago (not a third time)."""
        from vwdesk.app.login import authenticate

        db, username, password = self.db, setup.username, setup.password.text()
        setup.password.clear()
        setup.password2.clear()
        self.ops.query(None, lambda _: authenticate(db, username, password), self.logged_in,
                       lambda _exc: self.show_login(username))

    def show_login(self, username: str = "") -> None:
        dialog = LoginDialog(self.db, self._demo_logins() if self.db else None, username)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.logged_in(dialog.user))
        dialog.rejected.connect(lambda: self._login_closed(dialog))
        dialog.open()

    def _login_closed(self, dialog: LoginDialog) -> None:
        if self.dialog is dialog and self.window is None:
            QApplication.quit()

    def logged_in(self, who) -> None:
        from vwdesk.app.login import open_desk

        db = self.db
        self.ops.query(None, lambda _: open_desk(db, who),
                       lambda desk: self._show_window(desk, who), self._open_failed)

    def _show_window(self, desk, who) -> None:
        from vwdesk.gui.main_window import MainWindow
        from vwdesk.gui.workspace import Workspace

        if desk is None:
            QMessageBox.warning(None, "vwdesk", QApplication.translate(
                "DeskApp", "There is no location yet; create one with \"vwdesk users add\" "
                           "or start the first-start setup on an empty database."))
            QApplication.quit()
            return
        self.dialog = None
        self.window = MainWindow(Workspace(desk, who.display_name, self.demo))
        self.window.logout_requested.connect(self.logout)
        self.window.closed.connect(self._closed)
        self.window.show()
        self.window.run_startup_checks()

    def _closed(self) -> None:
        if self.window is not None:  # closed by the user, not by logging out
            QApplication.quit()

    def logout(self) -> None:
        window = self.window
        if window is not None:
            self.window = None  # before close(): its `closed` would quit the app
            if not window.close():  # the user chose to stay (unsaved work)
                self.window = window
                return
            window.deleteLater()
        self.show_login()


def run(database: str | None, demo: bool) -> int:
    """The `vwdesk` command without a subcommand (`cli.main` has set up the log)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("vwdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "vwdesk.svg"))))
    app.setQuitOnLastWindowClosed(False)
    i18n.install(app)
    fonts.install(app)

    def open_db(database: str | None, demo: bool):
        from vwdesk.app.opening import open_database

        return open_database(database, demo)

    controller = DeskApp(lambda: open_db(database, demo), demo,
                         open_demo=None if demo else lambda: open_db(None, True))
    controller.start()
    try:
        code = app.exec()
    finally:
        controller.ops.wait()
        if controller.db is not None:
            controller.db.close()
    return controller.exit_code or code
