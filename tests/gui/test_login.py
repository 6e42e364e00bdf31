"""First start, login with lock-out, the main window, log out and switch user,
and the Dutch UI by default."""

from __future__ import annotations

from deskutil import show_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.gui.start import DeskApp
from vwdesk.gui.login import LoginDialog, SetupDialog


def login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled())  # the database is open
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(dialog.attempted):  # the password is checked off the GUI thread
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_first_start_creates_location_and_beheerder(qtbot, sqlite_db, monkeypatch):
    monkeypatch.setattr(QApplication, "quit", lambda: None)
    app = DeskApp(lambda: sqlite_db)
    app.start()
    qtbot.waitUntil(lambda: isinstance(app.dialog, SetupDialog))
    setup = app.dialog
    assert setup.isVisible()
    qtbot.keyClicks(setup.location, "Vlaardingen")
    qtbot.keyClicks(setup.username_edit, "anna")
    qtbot.keyClicks(setup.password, "kort")
    qtbot.keyClicks(setup.password2, "kort")
    setup.create()
    qtbot.waitUntil(lambda: "te kort" in setup.errors["password"].text())  # beside the field
    assert setup.isVisible()
    for edit in (setup.password, setup.password2):
        edit.clear()
        qtbot.keyClicks(edit, "lang-genoeg-wachtwoord")
    with qtbot.waitSignal(setup.accepted):
        setup.create()
    with sqlite_db.session() as s:
        user = s.scalar(select(m.User))
        assert (user.username, user.role) == ("anna", "beheerder")
        assert s.get(m.Location, user.location_id).name == "Vlaardingen"
    # Logged in at once: the password is not asked a third time.
    qtbot.waitUntil(lambda: app.window is not None)
    assert not any(isinstance(w, LoginDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    window = app.window
    qtbot.addWidget(window)
    assert window.isVisible()
    assert "Vlaardingen" in window.user_label.full and "anna" in window.user_label.full
    qtbot.waitUntil(lambda: window.location_switch.currentText() == "Vlaardingen")
    window.workspace.ops.wait()


def test_first_start_offers_the_demo_without_a_command_line(qtbot, sqlite_db, tmp_path,
                                                             migrated_sqlite_template,
                                                             monkeypatch):
    """Started from the Start menu on an empty database, a newcomer presses
    one button to look around in the demo (no "vwdesk --demo" to type); the
    empty database is left empty."""
    from tests.conftest import Office, make_sqlite_db

    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    (tmp_path / "demo").mkdir()
    demo = Office(make_sqlite_db(migrated_sqlite_template, tmp_path / "demo"))
    app = DeskApp(lambda: sqlite_db, open_demo=lambda: demo.db)
    app.start()
    qtbot.waitUntil(lambda: isinstance(app.dialog, SetupDialog))
    setup = app.dialog
    intro = setup.findChild(QLabel).text()
    assert "--demo" not in intro and "Look around in the demo" in intro
    qtbot.mouseClick(setup.demo_button, Qt.MouseButton.LeftButton)
    assert quits == [] and not setup.isVisible()
    qtbot.waitUntil(lambda: isinstance(app.dialog, LoginDialog) and app.dialog.demo.isVisible())
    login(qtbot, app.dialog, "tl-testdorp", "geheim-wachtwoord")
    qtbot.waitUntil(lambda: app.window is not None)
    window = app.window
    qtbot.addWidget(window)
    assert "DEMO" in window.windowTitle()
    qtbot.waitUntil(lambda: not window.workspace.ops.is_busy())
    reopened = type(sqlite_db)(sqlite_db.url)
    with reopened.session() as s:
        assert s.scalar(select(m.User.id)) is None  # the empty database stays empty
    reopened.close()
    window.close()
    demo.db.close()


def test_five_wrong_passwords_lock_the_account(qtbot, office):
    dialog = LoginDialog(office.db)
    show_active(qtbot, dialog)
    for _ in range(4):
        login(qtbot, dialog, "vw-testdorp", "fout")
        assert "klopt niet" in dialog.banner.text()
        assert dialog.password.text() == "" and dialog.isVisible()
    login(qtbot, dialog, "vw-testdorp", "fout")
    assert "klopt niet" in dialog.banner.text()  # locked, but only the right password hears it
    login(qtbot, dialog, "vw-testdorp", "geheim-wachtwoord")  # even the right one now
    assert "geblokkeerd" in dialog.banner.text() and dialog.user is None
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_login_logout_and_switch_user(qtbot, office, monkeypatch):
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    app = DeskApp(lambda: office.db)
    app.start()
    assert isinstance(app.dialog, LoginDialog)  # shown before the database is open
    login(qtbot, app.dialog, "vw-testdorp", "geheim-wachtwoord")
    qtbot.waitUntil(lambda: app.window is not None)
    first = app.window  # deleted on logout
    assert "Vrijwilliger" in first.user_label.full and "Testdorp" in first.user_label.full
    assert first.users is None  # a volunteer does not manage users
    qtbot.waitUntil(lambda: not first.workspace.ops.is_busy())
    first.logout_requested.emit()
    assert app.window is None and not first.isVisible()
    assert quits == [] and app.dialog.isVisible()  # the login is back, the app runs on
    login(qtbot, app.dialog, "tl-testdorp", "geheim-wachtwoord")
    qtbot.waitUntil(lambda: app.window is not None)
    second = app.window
    qtbot.addWidget(second)
    assert "Teamleider" in second.user_label.full
    assert second.users is not None and second.year_figures is not None
    qtbot.waitUntil(lambda: not second.workspace.ops.is_busy())
    second.close()  # the user closes the window: now the app ends
    assert quits == [True]


def test_dutch_is_the_default_language(qtbot, dutch, teamleader):
    from vwdesk.gui.main_window import MainWindow

    window = MainWindow(teamleader)
    qtbot.addWidget(window)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[0] == "Bestand"
    assert window.new_visit_action.text().replace("&", "") == "Nieuw bezoek"
    assert window.tabs.tabText(1) == "Cliënten"
    assert window.visit.save_button.text() == "Opslaan (Enter)"


def test_demo_logins_are_listed_and_only_the_password_is_left_to_type(qtbot, office):
    dialog = LoginDialog()
    show_active(qtbot, dialog)
    small = dialog.height()
    logins = [("tl-testdorp", "geheim-wachtwoord", "teamleider Testdorp"),
              ("vw-testdorp", "geheim-wachtwoord", "vrijwilliger Testdorp")]
    dialog.set_database(office.db, logins)
    assert dialog.demo.isVisible() and "vrijwilliger Testdorp" in dialog.demo.text()
    assert dialog.height() > small  # grown to show the whole list
    assert dialog.username.text() == "tl-testdorp" and dialog.password.hasFocus()
    qtbot.keyClicks(dialog.password, "geheim-wachtwoord")
    with qtbot.waitSignal(dialog.attempted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.actor.role == "teamleider"
