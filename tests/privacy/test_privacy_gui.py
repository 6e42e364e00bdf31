"""The privacy dialogs, driven by keys and clicks (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from sqlalchemy import select

from vwdesk.app import Desk
from vwdesk.core import models as m
from vwdesk.gui.privacy import access_reason, backup, restore
from vwdesk.gui.privacy.access_log import AccessLogView
from vwdesk.gui.privacy.access_reason import AccessReasonDialog
from vwdesk.gui.privacy.backup import BackupDialog
from vwdesk.gui.privacy.settings import PrivacySettingsDialog
from vwdesk.gui.workspace import Workspace
from vwdesk.privacy.access import ACCESS_REASONS, AccessSession, record_page_open
from vwdesk.privacy.backup import list_backups
from vwdesk.privacy.settings import get_settings


def workspace(office, actor):
    return Workspace(Desk(office.db, actor, office.location_id, "Testdorp"), actor.username)


def settle(qtbot, ws):
    qtbot.waitUntil(lambda: not ws.ops.is_busy())


def answer_dialogs(qtbot, *answers):
    """Each answer is called with the next modal dialog that appears, as the
    user sees it; it returns what it saw."""
    seen, pending = [], list(answers)

    def poll():
        box = QApplication.activeModalWidget()
        if box is not None and box.isVisible() and not box.property("answered"):
            box.setProperty("answered", True)
            seen.append(pending.pop(0)(box))
        if pending:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


@pytest.fixture
def teamleader(office):
    ws = workspace(office, office.teamleader)
    yield ws
    ws.ops.wait()


@pytest.fixture
def teamleader_sqlite(office_sqlite):
    ws = workspace(office_sqlite, office_sqlite.teamleader)
    yield ws
    ws.ops.wait()


def test_reason_dialog_list_and_free_text(qtbot):
    dialog = AccessReasonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reasons.setFocus()
    qtbot.keyClick(dialog.reasons, Qt.Key_Down)  # Juridische vraag of dossier
    qtbot.keyClicks(dialog.detail, "termijn IND")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.reason() == "Juridische vraag of dossier: termijn IND"


def test_other_reason_needs_text(qtbot):
    dialog = AccessReasonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reasons.setCurrentRow(len(ACCESS_REASONS) - 1)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
    assert dialog.isVisible() and "Anders" in dialog.message.text()
    qtbot.keyClicks(dialog.detail, "brief van de gemeente")
    qtbot.keyClick(dialog.detail, Qt.Key_Return)
    assert dialog.reason() == "Anders, namelijk…: brief van de gemeente"


def test_cancel_gives_none(qtbot, monkeypatch):
    monkeypatch.setattr(AccessReasonDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert access_reason.ask(None) is None


def test_the_reason_dialog_names_the_client_being_opened(qtbot, fill, teamleader):
    """Opening a client's page from the main window asks the reason naming
    that client (name and number); Escape opens nothing."""
    from vwdesk.gui.main_window import MainWindow

    client_id = fill.client("C00041", first="Nadir", last="Zabal")
    window = MainWindow(teamleader)
    qtbot.addWidget(window)
    settle(qtbot, teamleader)

    def look(box):
        label = box.findChild(QWidget, "client")
        try:
            qtbot.waitUntil(lambda: label is not None and label.isVisible(), timeout=3000)
        finally:  # the name comes off the GUI thread; the dialog closes anyway
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        return box.windowTitle(), label.text()

    seen = answer_dialogs(qtbot, look)
    assert window.open_client(client_id) is None
    [(title, named)] = seen
    assert "Nadir Zabal (C00041)" in title and "Nadir Zabal (C00041)" in named
    assert client_id not in window.client_pages
    settle(qtbot, teamleader)


def test_access_log_view_per_client_per_user_and_warning(qtbot, office, fill, teamleader):
    from vwdesk.privacy.settings import update_settings

    with office.db.session() as s:
        update_settings(s, office.teamleader, office.location_id, {"access_warning_threshold": 2})
    ids = [fill.client(f"G{i}") for i in range(3)]
    session = AccessSession()
    for cid in ids:
        record_page_open(office.db, office.volunteer, cid, ACCESS_REASONS[0], session)
    record_page_open(office.db, office.teamleader, ids[0], ACCESS_REASONS[3])
    view = AccessLogView(teamleader)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, teamleader)
    assert "Vrijwilliger" in view.warning.text() and "3" in view.warning.text()
    qtbot.keyClicks(view.client_number, "G0")
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    settle(qtbot, teamleader)
    assert view.client_table.rowCount() == 2
    assert view.client_table.item(0, 1).text() == "Teamleider"
    view.users.setCurrentIndex(view.users.findText("Vrijwilliger"))
    settle(qtbot, teamleader)
    assert view.user_table.rowCount() == 3
    assert {view.user_table.item(r, 1).text() for r in range(3)} == {"G0", "G1", "G2"}
    qtbot.keyClicks(view.client_number, "X")  # G0X does not exist
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    settle(qtbot, teamleader)
    assert view.client_table.rowCount() == 0 and view.client_message.text()


def test_access_log_says_what_to_type_and_when_no_one_opened_the_page(qtbot, office, fill,
                                                                      teamleader):
    """A name typed where the number belongs is told in red, with where the
    number is found; a client whose page no one opened says so; the columns
    keep their width after a search."""
    fill.client("G7", first="Hasan")
    view = AccessLogView(teamleader)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    settle(qtbot, teamleader)
    widths = [view.client_table.columnWidth(c) for c in range(2)]
    assert widths[1] >= 150  # a user's name fits before anything is shown
    qtbot.keyClicks(view.client_number, "Hasan")
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    settle(qtbot, teamleader)
    message = view.client_message
    assert message.isVisible() and "not the name" in message.text()
    assert "client's page" in message.text() and "Clients" in message.text()
    assert "b00020" in message.styleSheet() or "8a0010" in message.styleSheet()  # red
    view.client_number.clear()
    qtbot.keyClicks(view.client_number, "G7")
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    settle(qtbot, teamleader)
    assert view.client_table.rowCount() == 0
    assert message.isVisible() and message.text() == "No one has opened the page of client G7 yet."
    assert [view.client_table.columnWidth(c) for c in range(2)] == widths
    record_page_open(office.db, office.teamleader, fill.client("G8"), ACCESS_REASONS[3])
    view.client_number.clear()
    qtbot.keyClicks(view.client_number, "G8")
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    settle(qtbot, teamleader)
    assert view.client_table.rowCount() == 1 and not message.isVisible()
    assert all(view.client_table.columnWidth(c) >= widths[c] for c in range(2))


def test_settings_dialog_saves_with_audit(qtbot, office, tmp_path, teamleader):
    dialog = PrivacySettingsDialog(teamleader)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, teamleader)
    dialog.client_years.selectAll()
    qtbot.keyClicks(dialog.client_years, "10")
    dialog.threshold.selectAll()
    qtbot.keyClicks(dialog.threshold, "40")
    qtbot.keyClicks(dialog.backup_dir, str(tmp_path / "nas"))
    with qtbot.waitSignal(dialog.accepted):
        dialog._save()
    with office.db.session() as s:
        cfg = get_settings(s, office.location_id)
        assert (cfg.client_years, cfg.access_warning_threshold, cfg.backup_dir) == (
            10, 40, str(tmp_path / "nas"))
        assert s.scalar(select(m.AuditEntry.changes).where(
            m.AuditEntry.table_name == "locations", m.AuditEntry.action == "update"))[
            "privacy.client_years"] == [7, 10]


def test_settings_dialog_refuses_a_volunteer(qtbot, office):
    volunteer = workspace(office, office.volunteer)
    dialog = PrivacySettingsDialog(volunteer)
    qtbot.addWidget(dialog)
    settle(qtbot, volunteer)
    dialog._save()
    settle(qtbot, volunteer)
    assert "teamleider" in dialog.message.text()


def test_backup_dialog_encrypted(qtbot, office_sqlite, teamleader_sqlite):
    from vwdesk.privacy.backup import configured_folder

    dialog = BackupDialog(teamleader_sqlite)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.encrypt.setFocus()
    qtbot.keyClick(dialog.encrypt, Qt.Key_Space)
    assert dialog.encrypt.isChecked() and dialog.passphrase.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "een lange zin")
    qtbot.keyClicks(dialog.again, "een andere zin")
    dialog._backup()
    assert "differ" in dialog.message.text() or "verschillen" in dialog.message.text()
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "een lange zin")
    with qtbot.waitSignal(dialog.accepted):
        dialog._backup()
    assert dialog.made is not None and dialog.made.suffix == ".vwbak"
    assert list_backups(configured_folder(office_sqlite.db), "test")[0].path == dialog.made


def test_restore_dialog_puts_a_backup_back(qtbot, office_sqlite, fill_sqlite, monkeypatch):
    from vwdesk.core.services.users import SYSTEM, actor_for, create_user
    from vwdesk.privacy.backup import make_backup

    with office_sqlite.db.session() as s:
        admin = actor_for(create_user(s, SYSTEM, "beheer", "geheim-wachtwoord", "beheerder", None))
    made = make_backup(office_sqlite.db)
    fill_sqlite.client("LATER")
    url = office_sqlite.db.url
    ws = workspace(office_sqlite, admin)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(made), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown, done = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    parent = QWidget()
    qtbot.addWidget(parent)
    restore.restore(parent, ws, lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True])
    assert "vervangen" in shown[0]
    from vwdesk.core.db import Database

    db = Database(url)
    with db.session() as s:
        assert s.scalar(select(m.Client.id).where(m.Client.number == "LATER")) is None
    db.close()


def test_restore_asks_naming_the_backup_and_enter_keeps_the_database(
        qtbot, office_sqlite, fill_sqlite, monkeypatch):
    """The question names the backup file and when it was made, and its
    default answer is No: a user who presses Enter restores nothing."""
    import datetime as dt

    from vwdesk.core.services.users import SYSTEM, actor_for, create_user
    from vwdesk.privacy.backup import make_backup

    with office_sqlite.db.session() as s:
        admin = actor_for(create_user(s, SYSTEM, "beheer", "geheim-wachtwoord", "beheerder", None))
    made = make_backup(office_sqlite.db, now=dt.datetime(2026, 3, 4, 9, 15))
    fill_sqlite.client("LATER")
    ws = workspace(office_sqlite, admin)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(made), ""))
    asked = []

    def answer():
        box = QApplication.activeModalWidget()
        asked.append((box.windowTitle(), box.text(), box.defaultButton() is
                      box.button(QMessageBox.StandardButton.No)))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    restore.restore(parent, ws, lambda: pytest.fail("restored after Enter"))
    [(title, text, no_is_default)] = asked
    assert title == "Restore backup"
    assert made.name in text and "04-03-2026 09:15" in text
    assert no_is_default
    ws.ops.wait()
    with office_sqlite.db.session() as s:
        assert s.scalar(select(m.Client.id).where(m.Client.number == "LATER")) is not None


def test_restore_asks_again_for_a_wrong_passphrase_before_asking_to_replace(
        qtbot, office_sqlite, fill_sqlite, monkeypatch):
    """A wrong passphrase is told at once, in the passphrase dialog, which
    asks again; only the right one leads to the question to replace."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from vwdesk.core.services.users import SYSTEM, actor_for, create_user
    from vwdesk.privacy.backup import make_backup

    with office_sqlite.db.session() as s:
        admin = actor_for(create_user(s, SYSTEM, "beheer", "geheim-wachtwoord", "beheerder", None))
    made = make_backup(office_sqlite.db, passphrase="correct paard batterij")
    fill_sqlite.client("LATER")
    ws = workspace(office_sqlite, admin)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(made), ""))

    def type_passphrase(text):
        def answer(box):
            label = box.labelText() if isinstance(box, QInputDialog) else box.text()
            field = box.findChild(QLineEdit)
            if field is not None:
                qtbot.keyClicks(field, text)
            qtbot.keyClick(box, Qt.Key.Key_Return)
            return type(box).__name__, label
        return answer

    def say_no(box):
        text = box.text() if isinstance(box, QMessageBox) else box.labelText()
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        return type(box).__name__, text

    seen = answer_dialogs(qtbot, type_passphrase("verkeerde zin"),
                          type_passphrase("correct paard batterij"), say_no)
    parent = QWidget()
    qtbot.addWidget(parent)
    restore.restore(parent, ws, lambda: pytest.fail("restored after No"))
    assert [kind for kind, _ in seen] == ["QInputDialog", "QInputDialog", "QMessageBox"]
    assert "does not open" in seen[1][1]
    assert made.name in seen[2][1]
    ws.ops.wait()
    with office_sqlite.db.session() as s:
        assert s.scalar(select(m.Client.id).where(m.Client.number == "LATER")) is not None


def test_backup_now_on_postgresql_says_pg_dump(qtbot, monkeypatch, teamleader):
    from vwdesk.app.privacy import Privacy

    monkeypatch.setattr(Privacy, "can_back_up", property(lambda self: False))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert backup.back_up(parent, teamleader) is None
    assert "pg_dump" in shown[0]


def test_backup_timer_makes_a_due_backup(qtbot, office_sqlite, teamleader_sqlite):
    from vwdesk.privacy.backup import configured_folder

    parent = QWidget()
    qtbot.addWidget(parent)
    timer = backup.install_backup_timer(parent, teamleader_sqlite, minutes=1)
    assert timer.isActive() and timer.interval() == 60_000
    timer.timeout.emit()
    settle(qtbot, teamleader_sqlite)
    assert len(list_backups(configured_folder(office_sqlite.db), "test")) == 1


def test_settings_dialog_switches_on_encrypted_automatic_backups(qtbot, office_sqlite,
                                                                 teamleader_sqlite):
    from vwdesk.privacy.backup import backup_if_due, verify_backup

    dialog = PrivacySettingsDialog(teamleader_sqlite)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, teamleader_sqlite)
    dialog.encrypt.setFocus()
    qtbot.keyClick(dialog.encrypt, Qt.Key_Space)
    dialog._save()
    assert "passphrase" in dialog.message.text()
    qtbot.keyClicks(dialog.passphrase, "zin voor de kluis")
    qtbot.keyClicks(dialog.again, "zin voor de kluis")
    with qtbot.waitSignal(dialog.accepted):
        dialog._save()
    made = backup_if_due(office_sqlite.db)
    assert made.suffix == ".vwbak"
    verify_backup(made, "zin voor de kluis").unlink()


def test_backup_dialog_wraps_its_explanation(qtbot, teamleader_sqlite):
    from PySide6.QtWidgets import QLabel

    dialog = BackupDialog(teamleader_sqlite)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, teamleader_sqlite)
    intro = next(label for label in dialog.findChildren(QLabel) if "passphrase" in label.text())
    assert intro.wordWrap() and dialog.width() < 700
