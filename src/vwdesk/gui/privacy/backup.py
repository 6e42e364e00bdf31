"""Backups from the app: Extra → Back-up maken (optionally encrypted with a
passphrase), and the timer that makes one every few hours of use."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vwdesk.core.errors import VwdeskError
from vwdesk.gui.widgets import ErrorLabel, add_field, plain

log = logging.getLogger(__name__)
BACKUP_TIMER_MINUTES = 30


class BackupDialog(QDialog):
    """Back up now, optionally encrypted with a passphrase."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.made: Path | None = None
        self.setWindowTitle(self.tr("Backup"))
        self.setMinimumWidth(480)  # the wrapped explanation reads in a few lines
        self.folder = QLabel("…")
        self.folder.setWordWrap(True)  # a long network path
        self.encrypt = QCheckBox(self.tr("Encrypt with a passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.passphrase, self.again):
            edit.setEnabled(False)
            self.encrypt.toggled.connect(edit.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), self.folder)
        form.addRow(self.encrypt)
        add_field(form, self.tr("Passphrase"), self.passphrase)
        add_field(form, self.tr("Passphrase again"), self.again)
        self.message = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Back up now"))
        buttons.accepted.connect(self._backup)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Without a passphrase anyone who can open the backup folder can read the backup. "
            "Keep the passphrase safe: without it the backup cannot be restored."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        workspace.ops.query(self, lambda desk: desk.privacy.backup_folder(),
                            lambda folder: self.folder.setText(str(folder)), self._failed)

    def _backup(self) -> None:
        passphrase = None
        if self.encrypt.isChecked():
            passphrase = self.passphrase.text()
            if not passphrase:
                self.message.show_message(self.tr("Type a passphrase, or untick \"Encrypt with a "
                                             "passphrase\"."))
                return
            if passphrase != self.again.text():
                self.message.show_message(self.tr("The two passphrases differ; type them again."))
                return
        self.ok_button.setEnabled(False)
        self.workspace.ops.long(self, self.tr("Making the backup…"),
                                lambda desk, _progress, _cancelled: desk.privacy.back_up(
                                    passphrase), self._made, self._failed, cancellable=False)

    def _made(self, path: Path) -> None:
        self.made = path
        self.accept()

    def _failed(self, exc: VwdeskError) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_message(exc.message)


def back_up(parent: QWidget, workspace) -> BackupDialog | None:
    """Ask for an optional passphrase and back up; says where the backup is."""
    if not workspace.desk.privacy.can_back_up:
        QMessageBox.information(parent, QCoreApplication.translate("privacy", "Backup"),
                                workspace.desk.privacy.why_no_backup())
        return None
    dialog = BackupDialog(workspace, parent)

    def made() -> None:
        QMessageBox.information(parent, QCoreApplication.translate("privacy", "Backup"),
                                plain(QCoreApplication.translate("privacy", "Backup made: %1")
                                      .replace("%1", str(dialog.made))))

    dialog.accepted.connect(made)
    dialog.open()
    return dialog


def install_backup_timer(parent: QWidget, workspace,
                         minutes: int = BACKUP_TIMER_MINUTES) -> QTimer:
    """Check every `minutes` whether a backup is due (every few hours of use);
    the backup itself runs off the GUI thread."""
    def failed(_exc: VwdeskError) -> None:
        log.warning("backup.timer_failed")

    def tick() -> None:
        if workspace.desk.privacy.can_back_up:
            workspace.ops.maintenance(parent, lambda desk: desk.privacy.back_up_if_due(), None,
                                      failed)

    timer = QTimer(parent)
    timer.setInterval(minutes * 60_000)
    timer.timeout.connect(tick)
    timer.start()
    return timer
