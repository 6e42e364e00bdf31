"""Extra → Back-up terugzetten (beheerder): choose a backup, give its
passphrase if it is encrypted (asked again until it opens the backup, before
anything else is asked), confirm, and the database is replaced; the user is
logged out, since the data changed under every screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox,
                               QWidget)

from vwdesk.core.errors import VwdeskError
from vwdesk.gui.widgets import confirm, plain


def restore(parent: QWidget, workspace, done: Callable[[], None]) -> None:
    """Ask and restore; `done()` after the database was replaced."""
    privacy = workspace.desk.privacy
    if not privacy.can_back_up:  # PostgreSQL: restored by IT with pg_restore
        QMessageBox.information(parent, QCoreApplication.translate("privacy", "Restore"),
                                privacy.why_no_backup())
        return
    file, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("privacy", "Choose a backup"),
        str(privacy.restore_start_folder()),
        QCoreApplication.translate("privacy", "vwdesk backups (*.sqlite *.vwbak)"))
    if not file:
        return
    path = Path(file)
    passphrase = None
    try:
        encrypted = privacy.backup_is_encrypted(path)
    except VwdeskError as exc:
        QMessageBox.warning(parent, "vwdesk", plain(exc.message))
        return
    if encrypted:
        passphrase = _passphrase(parent, privacy, path)
        if passphrase is None:
            return
    try:
        made = privacy.backup_made_at(path)
    except VwdeskError as exc:
        QMessageBox.warning(parent, "vwdesk", plain(exc.message))
        return
    if not confirm(parent, QCoreApplication.translate("privacy", "Restore backup"),
                   QCoreApplication.translate(
                       "privacy", "Replace the database by the backup %1 of %2? Everything saved "
                                  "after %2 is then no longer in the database; the current database "
                                  "is kept aside beside it. Close vwdesk on every other computer "
                                  "first.")
                   .replace("%1", path.name).replace("%2", made.strftime("%d-%m-%Y %H:%M"))):
        return

    def restored(aside: Path | None) -> None:
        text = QCoreApplication.translate("privacy", "The backup has been restored.")
        if aside:
            text += " " + QCoreApplication.translate(
                "privacy", "The replaced database is kept as %1.").replace("%1", str(aside))
        QMessageBox.information(parent, QCoreApplication.translate("privacy", "Restore"),
                                plain(text))
        done()

    def failed(exc: VwdeskError) -> None:
        QMessageBox.warning(parent, "vwdesk", plain(exc.message))

    workspace.ops.wait()  # no read or write of this window is under way meanwhile
    workspace.ops.long(parent, QCoreApplication.translate("privacy", "Restoring the backup…"),
                       lambda desk, _progress, _cancelled: desk.privacy.restore(path, passphrase),
                       restored, failed, cancellable=False, write=True)


def _passphrase(parent: QWidget, privacy, path: Path) -> str | None:
    """The passphrase of the encrypted backup, asked until it opens it; None
    when the user cancels or the file is damaged (said in a message)."""
    question = QCoreApplication.translate("privacy", "Passphrase of this backup:")
    while True:
        passphrase, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("privacy", "Restore"), question,
            QLineEdit.EchoMode.Password)
        if not ok:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the key derivation
        try:
            opens = bool(passphrase) and privacy.backup_passphrase_opens(path, passphrase)
        except VwdeskError as exc:
            QMessageBox.warning(parent, "vwdesk", plain(exc.message))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if opens:
            return passphrase
        question = QCoreApplication.translate(
            "privacy", "This passphrase does not open the backup.\nType it again, exactly as it "
                       "was set (capitals and spaces count):")
