"""The privacy dialogs, driven by keys and clicks (pytest-qt)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.gui import privacy_dialogs as pd
from vwdesk.privacy.access import ACCESS_REASONS, AccessSession, record_page_open
from vwdesk.privacy.backup import list_backups
from vwdesk.privacy.settings import get_settings


def test_reason_dialog_list_and_free_text(qtbot):
    dialog = pd.AccessReasonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reasons.setFocus()
    qtbot.keyClick(dialog.reasons, Qt.Key_Down)  # Juridische vraag of dossier
    qtbot.keyClicks(dialog.detail, "termijn IND")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
    assert dialog.result() == pd.QDialog.DialogCode.Accepted
    assert dialog.reason() == "Juridische vraag of dossier: termijn IND"


def test_other_reason_needs_text(qtbot):
    dialog = pd.AccessReasonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reasons.setCurrentRow(len(ACCESS_REASONS) - 1)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
    assert dialog.isVisible() and "Anders" in dialog.message.text()
    qtbot.keyClicks(dialog.detail, "brief van de gemeente")
    qtbot.keyClick(dialog.detail, Qt.Key_Return)
    assert dialog.reason() == "Anders, namelijk…: brief van de gemeente"


def test_cancel_gives_none(qtbot, monkeypatch):
    monkeypatch.setattr(pd.AccessReasonDialog, "exec", lambda self: pd.QDialog.DialogCode.Rejected)
    assert pd.ask_access_reason(None) is None


def test_access_log_view_per_client_per_user_and_warning(qtbot, office, fill):
    from vwdesk.privacy.settings import update_settings

    with office.db.session() as s:
        update_settings(s, office.teamleader, office.location_id, {"access_warning_threshold": 2})
    ids = [fill.client(f"G{i}") for i in range(3)]
    session = AccessSession()
    for cid in ids:
        record_page_open(office.db, office.volunteer, cid, ACCESS_REASONS[0], session)
    record_page_open(office.db, office.teamleader, ids[0], ACCESS_REASONS[3])
    view = pd.AccessLogView(office.db, office.teamleader, office.location_id)
    qtbot.addWidget(view)
    view.show()
    assert "Vrijwilliger" in view.warning.text() and "3" in view.warning.text()
    qtbot.keyClicks(view.client_number, "G0")
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    assert view.client_table.rowCount() == 2
    assert view.client_table.item(0, 1).text() == "Teamleider"
    view.users.setCurrentIndex(view.users.findText("Vrijwilliger"))
    assert view.user_table.rowCount() == 3
    assert {view.user_table.item(r, 1).text() for r in range(3)} == {"G0", "G1", "G2"}
    qtbot.keyClicks(view.client_number, "X")  # G0X does not exist
    qtbot.keyClick(view.client_number, Qt.Key_Return)
    assert view.client_table.rowCount() == 0 and view.client_message.text()


def test_settings_dialog_saves_with_audit(qtbot, office, tmp_path):
    dialog = pd.PrivacySettingsDialog(office.db, office.teamleader, office.location_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.client_years.selectAll()
    qtbot.keyClicks(dialog.client_years, "10")
    dialog.threshold.selectAll()
    qtbot.keyClicks(dialog.threshold, "40")
    qtbot.keyClicks(dialog.backup_dir, str(tmp_path / "nas"))
    dialog._save()
    assert dialog.result() == pd.QDialog.DialogCode.Accepted
    with office.db.session() as s:
        cfg = get_settings(s, office.location_id)
        assert (cfg.client_years, cfg.access_warning_threshold, cfg.backup_dir) == (
            10, 40, str(tmp_path / "nas"))
        assert s.scalar(select(m.AuditEntry.changes).where(
            m.AuditEntry.table_name == "locations", m.AuditEntry.action == "update"))[
            "privacy.client_years"] == [7, 10]


def test_settings_dialog_refuses_a_volunteer(qtbot, office):
    dialog = pd.PrivacySettingsDialog(office.db, office.volunteer, office.location_id)
    qtbot.addWidget(dialog)
    dialog._save()
    assert "teamleider" in dialog.message.text()


def test_backup_dialog_encrypted(qtbot, office_sqlite, monkeypatch):
    from vwdesk.privacy.backup import configured_folder

    dialog = pd.BackupDialog(office_sqlite.db)
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
    dialog._backup()
    assert dialog.made is not None and dialog.made.suffix == ".vwbak"
    assert list_backups(configured_folder(office_sqlite.db), "test")[0].path == dialog.made


def test_restore_dialog_puts_a_backup_back(qtbot, office_sqlite, fill_sqlite, monkeypatch):
    from vwdesk.privacy.backup import make_backup

    backup = make_backup(office_sqlite.db)
    fill_sqlite.client("LATER")
    url = office_sqlite.db.url
    office_sqlite.db.close()
    monkeypatch.setattr(pd.QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(pd.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown = []
    monkeypatch.setattr(pd.QMessageBox, "information", lambda *a: shown.append(a[2]))
    assert pd.restore_dialog(None, url) is True
    assert "vervangen" in shown[0]
    from vwdesk.core.db import Database

    db = Database(url)
    with db.session() as s:
        assert s.scalar(select(m.Client.id).where(m.Client.number == "LATER")) is None
    db.close()


def test_backup_now_on_postgresql_says_pg_dump(monkeypatch):
    class FakeDb:
        is_sqlite = False

    shown = []
    monkeypatch.setattr(pd.QMessageBox, "information", lambda *a: shown.append(a[2]))
    assert pd.backup_now(None, FakeDb()) is None
    assert "pg_dump" in shown[0]


def test_backup_timer_makes_a_due_backup(qtbot, office_sqlite):
    from vwdesk.privacy.backup import configured_folder

    parent = pd.QWidget()
    qtbot.addWidget(parent)
    ran = []
    timer = pd.install_backup_timer(parent, office_sqlite.db,
                                    lambda work: (ran.append(1), work()), minutes=1)
    assert timer.isActive() and timer.interval() == 60_000
    timer.timeout.emit()
    assert ran == [1]
    assert len(list_backups(configured_folder(office_sqlite.db), "test")) == 1


def test_every_text_has_a_dutch_translation():
    import ast
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(pd.__file__).resolve().parents[3]
    source = Path(pd.__file__).read_text(encoding="utf-8")
    texts = set()
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
                and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("tr", "_tr")
                and node.args and isinstance(node.args[0], ast.Constant)):
            texts.add(node.args[0].value)
    ts = ET.parse(root / "resources" / "translations" / "privacy_nl.ts")
    translated = {m.findtext("source") for m in ts.iter("message") if m.findtext("translation")}
    assert texts and texts <= translated, texts - translated


def test_settings_dialog_switches_on_encrypted_automatic_backups(qtbot, office_sqlite):
    from vwdesk.privacy.backup import backup_if_due, verify_backup

    dialog = pd.PrivacySettingsDialog(office_sqlite.db, office_sqlite.teamleader,
                                      office_sqlite.location_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.encrypt.setFocus()
    qtbot.keyClick(dialog.encrypt, Qt.Key_Space)
    dialog._save()
    assert "passphrase" in dialog.message.text()
    qtbot.keyClicks(dialog.passphrase, "zin voor de kluis")
    qtbot.keyClicks(dialog.again, "zin voor de kluis")
    dialog._save()
    assert dialog.result() == pd.QDialog.DialogCode.Accepted
    backup = backup_if_due(office_sqlite.db)
    assert backup.suffix == ".vwbak"
    verify_backup(backup, "zin voor de kluis").unlink()
