"""Starting the app: open the database, load the translation, first-start
setup when there are no users, login, the main window; log out shows the
login again so several users share one PC."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.core.services.users import actor_for, has_users
from vwdesk.gui import i18n
from vwdesk.gui.login import LoginDialog, SetupDialog
from vwdesk.gui.main_window import MainWindow, available
from vwdesk.gui.session import DeskSession
from vwdesk.resources import resource_path


def session_for(db: Database, user: m.User, demo: bool = False) -> DeskSession | None:
    """The session of a logged-in user: their location, or for a beheerder
    without one the first location. None when there is no location at all."""
    actor: Actor = actor_for(user)
    with db.session() as s:
        q = select(m.Location.id, m.Location.name)
        q = q.where(m.Location.id == user.location_id) if user.location_id else \
            q.order_by(m.Location.name)
        found = s.execute(q.limit(1)).first()
    if found is None:
        return None
    return DeskSession(db, actor, found.id, found.name, user.display_name or user.username, demo)


class DeskApp(QObject):
    """Setup → login → main window → (log out →) login …"""

    def __init__(self, db: Database, demo: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.db, self.demo = db, demo
        self.window: MainWindow | None = None
        self.dialog = None

    def start(self) -> None:
        with self.db.session() as s:
            empty = not has_users(s)
        if empty:
            self.dialog = SetupDialog(self.db)
            self.dialog.accepted.connect(lambda: self.show_login(self.dialog.username or ""))
            self.dialog.rejected.connect(QApplication.quit)
            self.dialog.open()
        else:
            self.show_login()

    def show_login(self, username: str = "") -> None:
        demo_logins = None
        if self.demo:
            from vwdesk.demo import DEMO_LOGINS

            demo_logins = DEMO_LOGINS
        dialog = LoginDialog(self.db, demo_logins, username)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.logged_in(dialog.user))
        dialog.rejected.connect(lambda: self.window is None and QApplication.quit())
        dialog.open()

    def logged_in(self, user: m.User) -> None:
        session = session_for(self.db, user, self.demo)
        if session is None:
            QMessageBox.warning(None, "vwdesk", QApplication.translate(
                "DeskApp", "There is no location yet; create one with \"vwdesk users add\" "
                           "or start the first-start setup on an empty database."))
            QApplication.quit()
            return
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
    """The `vwdesk` command without a subcommand."""
    if available("vwdesk.logging_setup"):
        from vwdesk.logging_setup import configure_logging

        configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("vwdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "vwdesk.svg"))))
    app.setQuitOnLastWindowClosed(False)
    i18n.install(app)
    try:
        db = _open(database, demo)
    except VwdeskError as exc:
        QMessageBox.critical(None, "vwdesk", exc.message)
        return 2
    controller = DeskApp(db, demo)
    controller.start()
    try:
        return app.exec()
    finally:
        db.close()


def _open(database: str | None, demo: bool) -> Database:
    from vwdesk.core.context import open_database

    return open_database(database, demo)
