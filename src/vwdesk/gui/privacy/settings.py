"""The privacy settings: retention periods, the access-warning threshold,
the backup folder and whether automatic backups are encrypted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.privacy import SettingsShown
from vwdesk.core.errors import VwdeskError
from vwdesk.gui.files import choose_folder
from vwdesk.gui.widgets import ErrorLabel, add_field


def _years() -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 30)
    return box


class PrivacySettingsDialog(QDialog):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.was_encrypted = False
        self.setWindowTitle(self.tr("Privacy settings"))
        self.client_years = _years()
        self.person_years = _years()
        self.volunteer_years = _years()
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 10_000)
        self.backup_dir = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.backup_dir)
        folder.addWidget(browse)
        form = QFormLayout()
        add_field(form, self.tr("Clients: years after last activity"), self.client_years)
        add_field(form, self.tr("Persons without a file: years after last contact"),
                  self.person_years)
        add_field(form, self.tr("Volunteers: years after they stopped"), self.volunteer_years)
        add_field(form, self.tr("Warn when a user opens more client pages a day than"),
                  self.threshold)
        folder_row = QWidget()
        folder_row.setLayout(folder)
        folder_row.setFocusProxy(self.backup_dir)
        add_field(form, self.tr("Backup folder"), folder_row)
        self.encrypt = QCheckBox(self.tr("Encrypt automatic backups"))
        self.passphrase = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.passphrase, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.encrypt)
        add_field(form, self.tr("Passphrase"), self.passphrase)
        add_field(form, self.tr("Passphrase again"), self.again)
        self.message = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the settings are read
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        workspace.ops.query(self, lambda desk: desk.privacy.settings(), self._loaded,
                            lambda exc: self.message.show_message(exc.message))

    def _loaded(self, shown: SettingsShown) -> None:
        current = shown.settings
        self.was_encrypted = shown.encrypted
        self.client_years.setValue(current.client_years)
        self.person_years.setValue(current.person_years)
        self.volunteer_years.setValue(current.volunteer_years)
        self.threshold.setValue(current.access_warning_threshold)
        self.backup_dir.setText(current.backup_dir)
        self.backup_dir.setPlaceholderText(str(shown.default_backup_folder))
        self.encrypt.setChecked(shown.encrypted)
        for edit in (self.passphrase, self.again):
            edit.setPlaceholderText(self.tr("unchanged") if shown.encrypted else "")
        self.save_button.setEnabled(True)

    def _browse(self) -> None:
        folder = choose_folder(self, "backups", self.tr("Backup folder"),
                               self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def values(self) -> dict:
        return {"client_years": self.client_years.value(),
                "person_years": self.person_years.value(),
                "volunteer_years": self.volunteer_years.value(),
                "access_warning_threshold": self.threshold.value(),
                "backup_dir": self.backup_dir.text().strip()}

    def _save(self) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.again.text():
            self.message.show_message(self.tr("The two passphrases differ; type them again."))
            return
        if self.encrypt.isChecked() and not self.was_encrypted and not passphrase:
            self.message.show_message(self.tr("Choose a passphrase for the encrypted backups."))
            return
        if not self.encrypt.isChecked():
            encryption = None if self.was_encrypted else False
        else:
            encryption = passphrase or False  # a new passphrase, or the key as it is
        values = self.values()
        self.save_button.setEnabled(False)
        self.workspace.ops.write(self, lambda desk: desk.privacy.save_settings(values, encryption),
                                 lambda _saved: self.accept(), self._failed)

    def _failed(self, exc: VwdeskError) -> None:
        self.save_button.setEnabled(True)
        self.message.show_message(exc.message)
