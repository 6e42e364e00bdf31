"""Every screen can be used with a screen reader and the keyboard: each input
has an accessible name (from its buddy label or its own), and Tab reaches
every input of a screen, in one round (a group of choices as one stop, the
arrow keys inside it)."""

from __future__ import annotations

import pytest
from deskutil import add_client, open_page, settle, show_active
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QCheckBox, QAbstractItemView,
          QPushButton)


def inputs(screen: QWidget) -> list[QWidget]:
    """The inputs a user can reach in `screen` now (not the parts of another
    input, such as a spin box's own line edit)."""
    found = []
    for w in screen.findChildren(QWidget):
        if not isinstance(w, INPUTS) or not w.isVisible() or not w.isEnabled():
            continue
        choice = isinstance(w, QPushButton) and w.isCheckable()  # e.g. a topic
        if not w.focusPolicy() & Qt.FocusPolicy.TabFocus and not choice:
            continue
        if isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox):
            continue
        if isinstance(w, QPushButton) and not choice:
            continue  # only buttons that hold a choice are inputs
        found.append(w)
    return found


def name_of(w: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name) or ""


def describe(w: QWidget) -> str:
    return f"{type(w).__name__} {w.objectName()!r} under {type(w.window()).__name__}"


def tab_round(qtbot, screen: QWidget, first: QWidget) -> list[QWidget]:
    """The widgets Tab visits, starting at `first`, until it comes round."""
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen = [first]
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first or now in seen or now is None or not screen.isAncestorOf(now):
            break
        seen.append(now)
    return seen


def arrow_round(qtbot, start: QWidget) -> list[QWidget]:
    """The choices the arrow keys reach from `start`, Left then Right (a
    group of choices, such as the topics, is one Tab stop)."""
    seen = [start]
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        for _ in range(200):
            qtbot.keyClick(QApplication.focusWidget(), key)
            now = QApplication.focusWidget()
            if now in seen:  # at the end of the row, or come round
                break
            seen.append(now)
    return seen


def check(qtbot, screen: QWidget) -> None:
    found = inputs(screen)
    assert found, f"no inputs found in {type(screen).__name__}"
    unnamed = [describe(w) for w in found if not name_of(w).strip()]
    assert not unnamed, "inputs without an accessible name:\n" + "\n".join(unnamed)
    visited = tab_round(qtbot, screen, found[0])
    visited += [w for start in visited if isinstance(start, QPushButton) and start.isCheckable()
                for w in arrow_round(qtbot, start)]
    skipped = [describe(w) for w in found if w not in visited]
    assert not skipped, "inputs Tab does not reach:\n" + "\n".join(skipped)


@pytest.fixture
def window(qtbot, office, teamleader):
    from vwdesk.gui.main_window import MainWindow

    add_client(office, "C00001", "Amal", "Haddad")
    window = MainWindow(teamleader)
    show_active(qtbot, window)
    settle(qtbot, teamleader)
    yield window
    window._leaving = True


def test_every_tab_of_the_main_window(qtbot, window, teamleader, office):
    from sqlalchemy import select

    from vwdesk.core import models as m

    with office.db.session() as s:
        client_id = s.scalar(select(m.Client.id))
    open_page(qtbot, window, client_id)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot, teamleader)
        check(qtbot, window.tabs.widget(index))


def test_every_record_dialog(qtbot, window, teamleader):
    from vwdesk.core.records import KINDS
    from vwdesk.gui.client_form import ClientDialog
    from vwdesk.gui.couplings_view import CouplingDialog
    from vwdesk.gui.record_form import RecordDialog

    dialogs = [ClientDialog(teamleader, parent=window), CouplingDialog(teamleader, parent=window)]
    dialogs += [RecordDialog(teamleader, kind, parent=window) for kind in KINDS
                if kind not in ("clients", "couplings")]
    for dialog in dialogs:
        show_active(qtbot, dialog)
        settle(qtbot, teamleader)
        check(qtbot, dialog)
        dialog.reject()


def test_the_other_dialogs_and_screens(qtbot, window, teamleader, office):
    from vwdesk.gui.login import LoginDialog, SetupDialog
    from vwdesk.gui.privacy.access_log import AccessLogView
    from vwdesk.gui.privacy.access_reason import AccessReasonDialog
    from vwdesk.gui.privacy.backup import BackupDialog
    from vwdesk.gui.privacy.settings import PrivacySettingsDialog
    from vwdesk.gui.report.screen import ReportScreen
    from vwdesk.gui.settings_dialog import SettingsDialog
    from vwdesk.gui.users_view import NewUserDialog

    screens = [LoginDialog(office.db), SetupDialog(office.db), AccessReasonDialog(),
               BackupDialog(teamleader), PrivacySettingsDialog(teamleader), SettingsDialog(),
               NewUserDialog(teamleader), AccessLogView(teamleader), ReportScreen(teamleader)]
    for screen in screens:
        show_active(qtbot, screen)
        settle(qtbot, teamleader)
        check(qtbot, screen)
        screen.close()


def form_rows(screen: QWidget) -> list[QWidget]:
    """The field of each form row of `screen`, top to bottom."""
    rows = []
    for form in screen.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None and item.widget().isVisible():
                rows.append(item.widget())
    return rows


def test_tab_follows_the_rows_of_every_form(qtbot, window, teamleader, office):
    """Tab goes down a form's rows in the order they are shown, and the
    first field has the focus when a new-user dialog opens."""
    from vwdesk.core.records import KINDS
    from vwdesk.gui.client_form import ClientDialog
    from vwdesk.gui.couplings_view import CouplingDialog
    from vwdesk.gui.login import LoginDialog, SetupDialog
    from vwdesk.gui.privacy.backup import BackupDialog
    from vwdesk.gui.privacy.settings import PrivacySettingsDialog
    from vwdesk.gui.record_form import RecordDialog
    from vwdesk.gui.users_view import NewUserDialog

    new_user = NewUserDialog(teamleader, parent=window)
    show_active(qtbot, new_user)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is new_user.username)
    new_user.reject()
    screens = [NewUserDialog(teamleader, parent=window), LoginDialog(office.db),
               SetupDialog(office.db), BackupDialog(teamleader), PrivacySettingsDialog(teamleader),
               ClientDialog(teamleader, parent=window), CouplingDialog(teamleader, parent=window)]
    screens += [RecordDialog(teamleader, kind, parent=window) for kind in KINDS
                if kind not in ("clients", "couplings")]
    for screen in screens:
        show_active(qtbot, screen)
        settle(qtbot, teamleader)
        rows = form_rows(screen)

        def row_of(w: QWidget) -> int | None:
            return next((i for i, row in enumerate(rows) if row is w or row.isAncestorOf(w)), None)

        in_rows = sorted((row_of(w), i, w) for i, w in enumerate(inputs(screen))
                         if row_of(w) is not None)
        visited = tab_round(qtbot, screen, in_rows[0][2])
        order = [row_of(w) for w in visited if row_of(w) is not None]
        assert order == sorted(order) and set(order) == {r for r, _i, _w in in_rows}, \
            f"Tab order of {type(screen).__name__} {getattr(screen, 'kind_key', '')}: {order}"
        screen.close()


def test_geez_and_arabic_names_have_their_letters(qapp):
    """A PC without an Ethiopic or Arabic font still shows these names: the
    shipped Noto fonts come after the system font."""
    from PySide6.QtGui import QFont, QFontMetrics

    from vwdesk.gui import fonts

    before = qapp.font()
    try:
        families = fonts.install(qapp)
        assert "Noto Sans Ethiopic" in families and "Noto Sans Arabic" in families
        for name in ("ሃብቶም", "حسن"):
            for family in ("Noto Sans Ethiopic", "Noto Sans Arabic"):
                if all(QFontMetrics(QFont(family)).inFontUcs4(ord(ch)) for ch in name):
                    break
            else:
                raise AssertionError(f"no shipped font has every letter of {name}")
    finally:
        qapp.setFont(before)
