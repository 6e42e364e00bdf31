"""The main window's wiring: the access reason asked once per client page,
creating a client from the visit form, users and passwords by role."""

from __future__ import annotations

import datetime as dt

import pytest
from deskutil import (add_client, combo_text_fits, compile_translations, make_workspace,
                      open_page, settle, show_active)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import LoginError
from vwdesk.core.services.users import authenticate
from vwdesk.gui.main_window import MainWindow
from vwdesk.gui.users_view import UsersView
from vwdesk.gui.visit_form import VisitForm


def recorded_views(office) -> list[tuple[int, str]]:
    with office.db.session() as s:
        return [(e.row_id, e.reason) for e in s.scalars(select(m.AuditEntry).where(
            m.AuditEntry.action == "view").order_by(m.AuditEntry.id))]


def test_client_page_asks_a_reason_once_per_login_session(qtbot, office, volunteer,
                                                          monkeypatch):
    from vwdesk.gui.privacy import access_reason

    client_id = add_client(office, "101", "Omar", "Al-Hassan")
    answers = [None, "Juridische vraag of dossier: vraag over brief"]
    monkeypatch.setattr(access_reason, "ask", lambda parent, *_client: answers.pop(0))
    window = MainWindow(volunteer)
    show_active(qtbot, window)
    assert window.open_client(client_id) is None  # cancelled: the page does not open
    settle(qtbot, volunteer)
    assert window.client_pages == {} and recorded_views(office) == []
    page = open_page(qtbot, window, client_id)
    settle(qtbot, volunteer)
    assert page is not None
    assert recorded_views(office) == [(client_id, "Juridische vraag of dossier: vraag over brief")]
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Omar Al-Hassan (101)"
    window._close_tab(window.tabs.indexOf(page))
    assert window.open_client(client_id) is not None  # not asked again: opens at once
    settle(qtbot, volunteer)
    assert len(recorded_views(office)) == 1
    assert window.extra_menu.findChild(type(window.new_visit_action), "access_log") is None


def test_a_client_page_does_not_open_when_its_opening_cannot_be_logged(qtbot, office, volunteer,
                                                                        monkeypatch):
    from vwdesk.app.clients import Clients
    from vwdesk.core.errors import DatabaseBusy

    client_id = add_client(office, "101", "Omar", "Al-Hassan")

    def busy(self, client_id, reason):
        raise DatabaseBusy()

    monkeypatch.setattr(Clients, "record_page_open", busy)
    shown = []
    monkeypatch.setattr("vwdesk.gui.ops.show_error", lambda parent, text: shown.append(text))
    window = MainWindow(volunteer)
    show_active(qtbot, window)
    window.open_client(client_id)
    settle(qtbot, volunteer)
    assert client_id not in window.client_pages and client_id not in volunteer.opened_pages
    assert shown and "bezet" in shown[0]


def test_new_client_from_the_visit_form(qtbot, office, volunteer):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    qtbot.keyClicks(form.client.edit, "Lina Haddad")
    qtbot.mouseClick(form.new_client_button, Qt.MouseButton.LeftButton)
    dialog = form.client_dialog
    settle(qtbot, volunteer)
    assert dialog.form.widgets["first_name"].text() == "Lina"
    assert dialog.form.widgets["last_name"].text() == "Haddad"
    dialog.form.widgets["birth_date"].set_date(dt.date(1999, 9, 9))
    dialog.save()
    settle(qtbot, volunteer)
    with office.db.session() as s:
        client_id = s.scalar(select(m.Client.id).where(m.Client.last_name == "Haddad"))
    assert form.client.client_id == client_id
    assert form.client.edit.text() == "Lina Haddad (1, 09-09-1999)"


def test_teamleader_adds_a_user_and_unlocks_one(qtbot, office, teamleader):
    for _ in range(5):
        with pytest.raises(LoginError):
            authenticate(office.db, "vw-testdorp", "fout")
    view = UsersView(teamleader)
    show_active(qtbot, view)
    settle(qtbot, teamleader)
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == [
        "tl-testdorp", "vw-testdorp"]
    view.table.selectRow(1)
    qtbot.mouseClick(view.password_button, Qt.MouseButton.LeftButton)
    view.dialog.setTextValue("nieuw-wachtwoord")
    view.dialog.accept()
    settle(qtbot, teamleader)
    assert "ontgrendeld" in view.banner.text() or "unlocked" in view.banner.text()
    assert authenticate(office.db, "vw-testdorp", "nieuw-wachtwoord").username == "vw-testdorp"

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert [dialog.role.itemText(i) for i in range(dialog.role.count())] == [
        "vrijwilliger", "teamleider"]  # no beheerder from a teamleader
    qtbot.keyClicks(dialog.username, "yonas")
    qtbot.keyClicks(dialog.password, "kort")
    dialog.save()
    settle(qtbot, teamleader)
    assert "te kort" in dialog.errors["password"].text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "lang-genoeg-1")
    dialog.save()
    settle(qtbot, teamleader)
    assert view.table.rowCount() == 3


def test_a_new_user_is_typed_from_the_user_name_down_and_saved_with_ctrl_s(qtbot, office,
                                                                          teamleader):
    view = UsersView(teamleader)
    show_active(qtbot, view)
    settle(qtbot, teamleader)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.username)
    for text in ("yonas", "Yonas Tesfaye", "lang-genoeg-1"):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert (dialog.username.text(), dialog.display_name.text(), dialog.password.text()) == (
        "yonas", "Yonas Tesfaye", "lang-genoeg-1")
    assert QApplication.focusWidget() is dialog.role
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.role, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, teamleader)
    assert "yonas" in [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    for col in range(view.table.columnCount()):  # every name and date in full
        widest = max(view.table.fontMetrics().horizontalAdvance(view.table.item(r, col).text())
                     for r in range(view.table.rowCount()))
        assert view.table.columnWidth(col) > widest, view.table.item(0, col).text()


def test_ctrl_w_closes_a_page_and_goes_back_to_the_tab_before(qtbot, office, teamleader):
    first = add_client(office, "1", "Sara", "Tekle")
    second = add_client(office, "2", "Yonas", "Haile")
    window = MainWindow(teamleader)
    show_active(qtbot, window)
    settle(qtbot, teamleader)
    file_menu = [a.objectName() for a in window.file_menu.actions() if a.objectName()]
    assert file_menu.index("close_tab") < file_menu.index("quit")
    open_page(qtbot, window, first)
    window.tabs.setCurrentWidget(window.couplings)
    open_page(qtbot, window, second)  # beside the first page, came from Koppelingen
    assert window.tabs.currentWidget() is window.client_pages[second]
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert second not in window.client_pages
    assert window.tabs.currentWidget() is window.couplings
    window.tabs.setCurrentWidget(window.client_pages[first])
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.couplings
    window._leaving = True


def test_beheerder_switches_location(qtbot, office):
    from vwdesk.core.services import base
    from vwdesk.core.services.locations import create_location
    from vwdesk.core.services.users import SYSTEM, actor_for, create_user

    add_client(office, "101", "Omar", "Al-Hassan")
    with office.db.session() as s:
        other = create_location(s, SYSTEM, "Maassluis")
        base.create(s, SYSTEM, "clients", other.id, {"number": "1", "first_name": "Lina"})
        admin = actor_for(create_user(s, SYSTEM, "admin", "geheim-wachtwoord", "beheerder", None))
    workspace = make_workspace(office, admin, "admin")
    window = MainWindow(workspace)
    show_active(qtbot, window)
    window.find_client()
    qtbot.waitUntil(lambda: window.clients.model.rowCount() == 1)
    switch = window.location_switch
    qtbot.waitUntil(lambda: switch.count() == 2)
    switch.setCurrentIndex(switch.findText("Maassluis"))
    assert workspace.location_id != office.location_id
    assert "Maassluis" in window.user_label.full
    qtbot.waitUntil(lambda: combo_text_fits(switch))  # not "Maasslui"
    qtbot.waitUntil(lambda: window.clients.model.index(0, 1).data() == "Lina")
    settle(qtbot, workspace)


def test_english_can_be_chosen_in_settings(qtbot):
    from vwdesk.gui import i18n
    from vwdesk.gui.settings_dialog import SettingsDialog

    assert i18n.language() == "nl"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    assert i18n.language() == "en"


def test_run_shows_a_database_error_and_exits_2(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from vwdesk.gui import i18n, start

    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"dit is geen database" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    quit_on_close = QApplication.instance().quitOnLastWindowClosed()
    try:
        assert start.run(str(bad), demo=False) == 2
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(quit_on_close)
        i18n.install(QApplication.instance(), "en")
    assert len(shown) == 1 and "beschadigd" in shown[0]


def test_run_opens_the_setup_on_an_empty_database(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from vwdesk.gui import i18n, start
    from vwdesk.gui.login import SetupDialog

    compile_translations()
    seen = []

    def close_setup():
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, SetupDialog) and w.isVisible()]
        if dialogs:  # once the database is open
            timer.stop()
            seen.append(dialogs[0].windowTitle())
            dialogs[0].reject()  # cancelling the first start ends the app

    timer = QTimer(interval=50)
    timer.timeout.connect(close_setup)
    timer.start()
    quit_on_close = QApplication.instance().quitOnLastWindowClosed()
    try:
        assert start.run(str(tmp_path / "nieuw.sqlite"), demo=False) == 0
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(quit_on_close)
        i18n.install(QApplication.instance(), "en")
    assert seen == ["vwdesk — eerste start"]  # Dutch by default


def test_an_unexpected_fault_opening_the_database_ends_with_a_message(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from vwdesk.gui.start import DeskApp

    def broken():
        raise OSError("schijf weg")

    shown, exits = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    app = DeskApp(broken)
    app.start()
    qtbot.waitUntil(lambda: exits == [2])
    assert "OSError" in shown[0] and app.exit_code == 2
    app.dialog.close()


def test_busy_indicator_while_reading_off_the_gui_thread(qtbot, office, volunteer):
    import threading

    window = MainWindow(volunteer)
    show_active(qtbot, window)
    # The screens' first loads have finished and their results are delivered.
    qtbot.waitUntil(lambda: not volunteer.ops.is_busy() and not window.busy.isVisible())
    release, results = threading.Event(), []
    volunteer.ops.query(window, lambda _desk: release.wait(5) and "klaar", results.append)
    qtbot.waitUntil(lambda: window.busy.isVisible())
    assert window.isEnabled()  # the window stays usable meanwhile
    release.set()
    qtbot.waitUntil(lambda: results == ["klaar"] and not window.busy.isVisible())


@pytest.fixture
def report_tab(qtbot, teamleader):
    """The main window with the year report open, its teamleader's text typed
    in and not saved yet. Afterwards it closes without asking."""
    from PySide6.QtWidgets import QPlainTextEdit

    window = MainWindow(teamleader)
    show_active(qtbot, window)
    window.show_report()
    screen = window.extra_tabs["report"]
    qtbot.waitUntil(lambda: not screen.loading)
    settle(qtbot, teamleader)
    edit = screen.findChildren(QPlainTextEdit)[0]  # the teamleader's own text
    edit.setFocus()
    qtbot.keyClicks(edit, "Een goed jaar.")
    assert screen.has_unsaved_changes()
    yield window, screen, edit
    window._leaving = True  # no question left open when the test's window closes


def test_closing_the_year_report_asks_before_unsaved_changes_are_lost(qtbot, office, report_tab,
                                                                      monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from vwdesk.report.store import load_texts

    window, screen, edit = report_tab
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
               QMessageBox.StandardButton.Save]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or answers.pop(0)))
    window._close_tab(window.tabs.indexOf(screen))  # the tab's close button
    assert len(asked) == 1 and "year report" in asked[0]
    assert "report" in window.extra_tabs and window.tabs.currentWidget() is screen
    window.request_logout()  # Ctrl+L: stays too
    assert len(asked) == 2 and "report" in window.extra_tabs
    window.close()  # Save: saved, then closed
    assert len(asked) == 3 and not window.isVisible()
    with office.db.session() as s:
        texts = load_texts(s, office.location_id, screen.draft.year)
    assert "Een goed jaar." in texts.values()


def test_a_saved_year_report_closes_without_a_question(qtbot, report_tab):
    window, screen, edit = report_tab
    assert screen.save_now() and not screen.has_unsaved_changes()
    window._close_tab(window.tabs.indexOf(screen))
    assert "report" not in window.extra_tabs


def test_the_status_bar_shortens_who_is_logged_in_and_shows_it_whole_again(qtbot, office):
    workspace = make_workspace(office, office.teamleader, "Teamleider " + "Abcdefghij" * 6)
    window = MainWindow(workspace)
    window.resize(1200, 700)
    show_active(qtbot, window)
    settle(qtbot, workspace)
    label = window.user_label
    assert label.text() == label.full and label.full.startswith("Testdorp")
    window.resize(700, 700)
    qtbot.waitUntil(lambda: label.text() != label.full)
    assert label.text().endswith("…") and label.toolTip() == label.full
    assert window.width() <= 800  # the label does not hold the window wide
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: label.text() == label.full)
    window._leaving = True


def test_the_first_window_fits_the_screen_and_a_remembered_one_is_brought_back(qtbot, office,
                                                                               volunteer):
    """A 1366×768 laptop with the Windows taskbar has 1366×728 of room: the
    window with its title bar fits, the status bar in view."""
    from PySide6.QtCore import QPoint, QRect

    from vwdesk.gui.app_settings import settings
    from vwdesk.gui.main_window import FRAME, MainWindow, on_screen

    laptop = QRect(0, 0, 1366, 728)
    first = on_screen(laptop, MainWindow.DEFAULT_SIZE)
    assert first.width() == 1200 and first.height() + FRAME.top() + FRAME.bottom() == 728
    assert laptop.contains(first.marginsAdded(FRAME))
    assert on_screen(QRect(0, 0, 1920, 1040), MainWindow.DEFAULT_SIZE).size() \
        == MainWindow.DEFAULT_SIZE
    # Placed where it was, as far as the room allows.
    assert on_screen(laptop, MainWindow.DEFAULT_SIZE, QPoint(100, 30)).topLeft() == QPoint(100, 32)
    # The test screen is smaller than the default size.
    window = MainWindow(volunteer)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.width() < MainWindow.DEFAULT_SIZE.width()
    window.show()
    qtbot.waitExposed(window)
    assert available.contains(window.frameGeometry())
    bar = window.statusBar()
    assert bar.isVisible() and available.contains(bar.mapToGlobal(bar.rect().bottomRight()))
    # Remembered from a larger screen (or a monitor now gone): brought back.
    big = MainWindow(volunteer)
    qtbot.addWidget(big)
    big.setGeometry(QRect(available.right() + 500, 0, 3000, 2000))
    settings().setValue("window/geometry", big.saveGeometry())
    again = MainWindow(volunteer)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert available.contains(again.frameGeometry())


def menu_letters(window) -> dict[str, list[str]]:
    """Per menu of the menu bar (and the bar itself), the underlined letter
    of each entry."""
    from PySide6.QtGui import QKeySequence

    def letter(text: str) -> str:
        return QKeySequence.mnemonic(text).toString()

    bar = window.menuBar()
    menus = {"bar": [letter(a.text()) for a in bar.actions()]}
    for action in bar.actions():
        menus[action.text()] = [letter(a.text()) for a in action.menu().actions()
                                if not a.isSeparator()]
    return menus


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_menu_entry_has_its_own_underlined_letter(qtbot, office, teamleader, language,
                                                        request):
    from vwdesk.core.services.users import SYSTEM, actor_for, create_user
    from vwdesk.gui.help import HelpWindow

    if language == "nl":
        request.getfixturevalue("dutch")
    with office.db.session() as s:  # the beheerder sees every entry
        admin = actor_for(create_user(s, SYSTEM, "admin", "geheim-wachtwoord", "beheerder", None))
    for workspace in (teamleader, make_workspace(office, admin, "admin")):
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        for menu, letters in menu_letters(window).items():
            assert all(letters), (menu, letters)
            assert len(set(letters)) == len(letters), (menu, letters)
        window._leaving = True
    assert HelpWindow().windowTitle() == {"en": "vwdesk — guide",
                                          "nl": "vwdesk — handleiding"}[language]
