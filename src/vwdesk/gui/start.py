"""Starting the app: load the translation, show the login at once while the
database opens in the background, first-start setup when there are no users,
then the main window; log out shows the login again so several users share
one PC.

Start-up stays lean: this module imports only Qt; SQLAlchemy, the migrations
and the screens load on a worker thread while the user types, and ReportLab
and openpyxl only when a report or workbook is made."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from vwdesk.gui import i18n
from vwdesk.gui.login import LoginDialog, SetupDialog
from vwdesk.gui.tasks import TaskRunner
from vwdesk.resources import resource_path

log = logging.getLogger(__name__)


def session_for(db, user, demo: bool = False):
    """The session of a logged-in user: their location, or for a beheerder
    without one the first location. None when there is no location at all."""
    from sqlalchemy import select

    from vwdesk.core import models as m
    from vwdesk.core.services.users import actor_for
    from vwdesk.gui.session import DeskSession

    with db.session() as s:
        q = select(m.Location.id, m.Location.name)
        q = q.where(m.Location.id == user.location_id) if user.location_id else \
            q.order_by(m.Location.name)
        found = s.execute(q.limit(1)).first()
    if found is None:
        return None
    return DeskSession(db, actor_for(user), found.id, found.name,
                       user.display_name or user.username, demo)


def _open_and_check(open_db: Callable):
    """On a worker thread: open (and migrate) the database and see whether it
    has users yet."""
    from vwdesk.core.services.users import has_users

    db = open_db()
    with db.session() as s:
        empty = not has_users(s)
    return db, empty


def _load_screens() -> None:
    """On a worker thread while the user logs in: import the screens, so the
    main window appears at once."""
    import vwdesk.gui.main_window  # noqa: F401 - imported now, used after login


class DeskApp(QObject):
    """Login (while the database opens) → setup if empty → main window → …"""

    def __init__(self, open_db: Callable, demo: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.open_db, self.demo = open_db, demo
        self.db = None
        self.window = None
        self.dialog = None
        self.exit_code = 0
        self.tasks = TaskRunner(self)

    def start(self) -> None:
        self.show_login()
        self.tasks.run(lambda: _open_and_check(self.open_db), self._opened, self._open_failed)

    def _demo_logins(self):
        if not self.demo:
            return None
        from vwdesk.demo import DEMO_LOGINS

        return DEMO_LOGINS

    def _opened(self, result) -> None:
        self.db, empty = result
        self.tasks.run(_load_screens, lambda _none: None)
        if empty:
            login, self.dialog = self.dialog, None
            login.close()
            setup = SetupDialog(self.db)
            self.dialog = setup
            setup.accepted.connect(lambda: self.show_login(setup.username or ""))
            setup.rejected.connect(QApplication.quit)
            setup.open()
        elif isinstance(self.dialog, LoginDialog):
            self.dialog.set_database(self.db, self._demo_logins())

    def _open_failed(self, exc: Exception) -> None:
        from vwdesk.core.errors import VwdeskError

        if isinstance(exc, VwdeskError):
            message = exc.message
        else:  # a fault, not the user's: the log gets the traceback
            log.error("opening the database failed", exc_info=exc)
            message = QApplication.translate(
                "DeskApp", "vwdesk could not open the database (%1). Ask your administrator "
                           "to look at the log.").replace("%1", type(exc).__name__)
        if self.dialog is not None:
            self.dialog.hide()
        QMessageBox.critical(None, "vwdesk", message)
        self.exit_code = 2
        QApplication.exit(2)

    def show_login(self, username: str = "") -> None:
        dialog = LoginDialog(self.db, self._demo_logins() if self.db else None, username)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.logged_in(dialog.user))
        dialog.rejected.connect(lambda: self._login_closed(dialog))
        dialog.open()

    def _login_closed(self, dialog: LoginDialog) -> None:
        if self.dialog is dialog and self.window is None:
            QApplication.quit()

    def logged_in(self, user) -> None:
        from vwdesk.gui.main_window import MainWindow

        session = session_for(self.db, user, self.demo)
        if session is None:
            QMessageBox.warning(None, "vwdesk", QApplication.translate(
                "DeskApp", "There is no location yet; create one with \"vwdesk users add\" "
                           "or start the first-start setup on an empty database."))
            QApplication.quit()
            return
        self.dialog = None
        self.window = MainWindow(session)
        self.window.logout_requested.connect(self.logout)
        self.window.closed.connect(self._closed)
        self.window.show()
        self.window.run_startup_checks()

    def _closed(self) -> None:
        if self.window is not None:  # closed by the user, not by logging out
            QApplication.quit()

    def logout(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()
        self.show_login()


def run(database: str | None, demo: bool) -> int:
    """The `vwdesk` command without a subcommand (`cli.main` has set up the log)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("vwdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "vwdesk.svg"))))
    app.setQuitOnLastWindowClosed(False)
    i18n.install(app)

    def open_db():
        from vwdesk.app.opening import open_database

        return open_database(database, demo)

    controller = DeskApp(open_db, demo)
    controller.start()
    try:
        code = app.exec()
    finally:
        controller.tasks.wait()
        if controller.db is not None:
            controller.db.close()
    return controller.exit_code or code
