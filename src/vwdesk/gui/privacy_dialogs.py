"""Privacy in the app: the reason asked before a client page opens, the
teamleader's access log, the privacy settings, and Backup / Restore.

The main window calls `ask_access_reason`, `AccessLogView`, `backup_now`,
`restore_dialog`, `privacy_settings_dialog` and `install_backup_timer`.
All work is done by `vwdesk.privacy`; this module only asks and shows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.db import Database, data_dir
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.privacy import access
from vwdesk.privacy.settings import (
    backup_key,
    get_settings,
    set_backup_encryption,
    update_settings,
)

log = logging.getLogger(__name__)
CONTEXT = "privacy"
BACKUP_TIMER_MINUTES = 30


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _error(parent: QWidget | None, exc: VwdeskError) -> None:
    QMessageBox.warning(parent, _tr("vwdesk"), exc.message)


# --- the reason for opening a client page ---------------------------------------

class AccessReasonDialog(QDialog):
    """A short list of reasons plus free text; "Anders, namelijk…" needs text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why are you opening this client?"))
        self.reasons = QListWidget()
        self.reasons.addItems(access.ACCESS_REASONS)
        self.reasons.setCurrentRow(0)
        self.detail = QLineEdit()
        self.detail.setMaxLength(200)
        self.detail.setPlaceholderText(self.tr("Explanation (required for \"other\")"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.reasons.itemDoubleClicked.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "The client's page holds personal data. Your reason is recorded in the access log.")))
        layout.addWidget(self.reasons)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._reason: str | None = None

    def reason(self) -> str | None:
        return self._reason

    def _compose(self) -> str:
        choice = self.reasons.currentItem().text() if self.reasons.currentItem() else ""
        detail = self.detail.text().strip()
        return f"{choice}: {detail}" if detail else choice

    def _accept(self) -> None:
        try:
            self._reason = access.clean_reason(self._compose())
        except VwdeskError as exc:
            self.message.setText(exc.message)
            self.detail.setFocus()
            return
        self.accept()


def ask_access_reason(parent: QWidget | None) -> str | None:
    """The reason for opening a client's full page, or None when cancelled."""
    dialog = AccessReasonDialog(parent)
    return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None


# --- the teamleader's access log -----------------------------------------------

class AccessLogView(QWidget):
    """Who opened which client page, per client and per user, with a warning
    for users who opened more client pages in a day than the threshold."""

    WARNING_DAYS = 30

    def __init__(self, db: Database, actor: Actor, location_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.location_id = db, actor, location_id
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00")
        self.tabs = QTabWidget()
        # Per client
        self.client_number = QLineEdit()
        self.client_number.setPlaceholderText(self.tr("Client number"))
        self.client_number.returnPressed.connect(self.show_client)
        find = QPushButton(self.tr("Show"))
        find.clicked.connect(self.show_client)
        self.client_table = self._table([self.tr("When"), self.tr("Who"), self.tr("Reason")])
        self.client_message = QLabel()
        page = QWidget()
        row = QHBoxLayout()
        row.addWidget(self.client_number)
        row.addWidget(find)
        col = QVBoxLayout(page)
        col.addLayout(row)
        col.addWidget(self.client_message)
        col.addWidget(self.client_table)
        self.tabs.addTab(page, self.tr("Per client"))
        # Per user
        self.users = QComboBox()
        self.users.currentIndexChanged.connect(self.show_user)
        self.user_table = self._table([self.tr("When"), self.tr("Client number"),
                                       self.tr("Reason")])
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self.users)
        col.addWidget(self.user_table)
        self.tabs.addTab(page, self.tr("Per user"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs)
        self.refresh()

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    @staticmethod
    def _when(at: dt.datetime) -> str:
        local = at.replace(tzinfo=dt.UTC).astimezone()
        return local.strftime("%d-%m-%Y %H:%M")

    def refresh(self) -> None:
        since = dt.date.today() - dt.timedelta(days=self.WARNING_DAYS)
        with self.db.session() as s:
            heavy = access.heavy_users(s, self.actor, self.location_id, since=since)
            users = access.users_with_views(s, self.actor, self.location_id)
            threshold = get_settings(s, self.location_id).access_warning_threshold
        if heavy:
            lines = [self.tr("%1 opened %2 client pages on %3").replace("%1", h.user)
                     .replace("%2", str(h.pages)).replace("%3", h.day.strftime("%d-%m-%Y"))
                     for h in heavy]
            self.warning.setText(self.tr("More client pages opened in one day than the "
                                         "threshold (%1):").replace("%1", str(threshold))
                                 + "\n" + "\n".join(lines))
        else:
            self.warning.setText("")
        current = self.users.currentData()
        self.users.blockSignals(True)
        self.users.clear()
        for uid, name in users:
            self.users.addItem(name, uid)
        index = self.users.findData(current)
        self.users.setCurrentIndex(index if index >= 0 else (0 if users else -1))
        self.users.blockSignals(False)
        self.show_user()

    def show_client(self) -> None:
        number = self.client_number.text().strip()
        if not number:
            return
        with self.db.session() as s:
            client_id = s.scalar(select(m.Client.id).where(
                m.Client.location_id == self.location_id, m.Client.number == number))
            entries = (access.access_log(s, self.actor, self.location_id, client_id=client_id)
                       if client_id else [])
        self.client_message.setText("" if client_id else self.tr("No client with this number."))
        self._fill(self.client_table, [(self._when(e.at), e.user, e.reason) for e in entries])

    def show_user(self) -> None:
        user_id = self.users.currentData()
        entries = []
        if user_id is not None:
            with self.db.session() as s:
                entries = access.access_log(s, self.actor, self.location_id, user_id=user_id)
        self._fill(self.user_table, [(self._when(e.at), e.client_number, e.reason)
                                     for e in entries])


# --- settings -------------------------------------------------------------------

class PrivacySettingsDialog(QDialog):
    """Retention periods, the access-warning threshold and the backup folder."""

    def __init__(self, db: Database, actor: Actor, location_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.location_id = db, actor, location_id
        self.setWindowTitle(self.tr("Privacy settings"))
        with db.session() as s:
            current = get_settings(s, location_id)
            self.was_encrypted = backup_key(s.get(m.Location, location_id)) is not None
        self.client_years = self._years(current.client_years)
        self.person_years = self._years(current.person_years)
        self.volunteer_years = self._years(current.volunteer_years)
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 10_000)
        self.threshold.setValue(current.access_warning_threshold)
        self.backup_dir = QLineEdit(current.backup_dir)
        self.backup_dir.setPlaceholderText(str(data_dir() / "backups"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.backup_dir)
        folder.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Clients: years after last activity"), self.client_years)
        form.addRow(self.tr("Persons without a file: years after last contact"), self.person_years)
        form.addRow(self.tr("Volunteers: years after they stopped"), self.volunteer_years)
        form.addRow(self.tr("Warn when a user opens more client pages a day than"), self.threshold)
        form.addRow(self.tr("Backup folder"), folder)
        self.encrypt = QCheckBox(self.tr("Encrypt automatic backups"))
        self.encrypt.setChecked(self.was_encrypted)
        self.passphrase = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.passphrase, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(self.tr("unchanged") if self.was_encrypted else "")
        form.addRow(self.encrypt)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.again)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    @staticmethod
    def _years(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 30)
        box.setValue(value)
        return box

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
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
            self.message.setText(self.tr("The two passphrases differ; type them again."))
            return
        if self.encrypt.isChecked() and not self.was_encrypted and not passphrase:
            self.message.setText(self.tr("Choose a passphrase for the encrypted backups."))
            return
        try:
            with self.db.session() as s:
                update_settings(s, self.actor, self.location_id, self.values())
                if not self.encrypt.isChecked() and self.was_encrypted:
                    set_backup_encryption(s, self.actor, self.location_id, None)
                elif self.encrypt.isChecked() and passphrase:
                    set_backup_encryption(s, self.actor, self.location_id, passphrase)
        except VwdeskError as exc:
            self.message.setText(exc.message)
            return
        self.accept()


def privacy_settings_dialog(parent: QWidget | None, db: Database, actor: Actor,
                            location_id: int) -> bool:
    """Show the privacy settings; True when they were saved."""
    return PrivacySettingsDialog(db, actor, location_id, parent).exec() == QDialog.DialogCode.Accepted


# --- backup and restore ---------------------------------------------------------

class BackupDialog(QDialog):
    """Back up now, optionally encrypted with a passphrase."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        from vwdesk.privacy.backup import configured_folder

        self.db = db
        self.made = None
        self.setWindowTitle(self.tr("Backup"))
        self.encrypt = QCheckBox(self.tr("Encrypt with a passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.passphrase, self.again):
            edit.setEnabled(False)
            self.encrypt.toggled.connect(edit.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), QLabel(str(configured_folder(db))))
        form.addRow(self.encrypt)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.again)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Back up now"))
        buttons.accepted.connect(self._backup)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Without a passphrase anyone who can open the backup folder can read the backup. "
            "Keep the passphrase safe: without it the backup cannot be restored.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _backup(self) -> None:
        from vwdesk.privacy.backup import make_backup

        passphrase = None
        if self.encrypt.isChecked():
            passphrase = self.passphrase.text()
            if passphrase != self.again.text():
                self.message.setText(self.tr("The two passphrases differ; type them again."))
                return
        QCoreApplication.processEvents()
        try:
            self.made = make_backup(self.db, passphrase=passphrase)
        except VwdeskError as exc:
            self.message.setText(exc.message)
            return
        self.accept()


def backup_now(parent: QWidget | None, db: Database) -> Path | None:
    """Ask for an optional passphrase and back up; returns the new file."""
    from vwdesk.privacy.backup import POSTGRES_MESSAGE

    if not db.is_sqlite:
        QMessageBox.information(parent, _tr("Backup"), POSTGRES_MESSAGE)
        return None
    dialog = BackupDialog(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    QMessageBox.information(parent, _tr("Backup"),
                            _tr("Backup made: %1").replace("%1", str(dialog.made)))
    return dialog.made


def restore_dialog(parent: QWidget | None, db_url: str) -> bool:
    """Choose a backup, check it and put it in place of the database at
    `db_url`. The caller closes its database first and reopens it after a
    True answer."""
    from vwdesk.privacy import crypto
    from vwdesk.privacy.backup import (
        BackupError,
        remembered_folder,
        restore,
        sqlite_path,
    )

    try:
        db_path = sqlite_path(db_url)
    except BackupError as exc:
        _error(parent, exc)
        return False
    start = remembered_folder(db_path) or data_dir() / "backups"
    file, _ = QFileDialog.getOpenFileName(
        parent, _tr("Choose a backup"), str(start),
        _tr("vwdesk backups (*.sqlite *.vwbak)"))
    if not file:
        return False
    passphrase = None
    with open(file, "rb") as f:
        encrypted = crypto.is_encrypted(f.read(64))
    if encrypted:
        passphrase, ok = QInputDialog.getText(parent, _tr("Restore"),
                                              _tr("Passphrase of this backup:"),
                                              QLineEdit.EchoMode.Password)
        if not ok:
            return False
    answer = QMessageBox.question(
        parent, _tr("Restore"),
        _tr("Replace the database by this backup? Everything saved after the backup was made "
            "is then no longer in the database; the current database is kept aside beside it. "
            "Close vwdesk on every other computer first."))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        aside = restore(db_url, Path(file), passphrase)
    except VwdeskError as exc:
        _error(parent, exc)
        return False
    text = _tr("The backup has been restored.")
    if aside:
        text += " " + _tr("The replaced database is kept as %1.").replace("%1", str(aside))
    QMessageBox.information(parent, _tr("Restore"), text)
    return True


def install_backup_timer(parent: QWidget, db: Database,
                         run_in_background: Callable[[Callable[[], object]], None],
                         minutes: int = BACKUP_TIMER_MINUTES) -> QTimer:
    """Check every `minutes` whether a backup is due (every few hours of use);
    the backup itself runs through `run_in_background`, off the GUI thread."""
    from vwdesk.privacy.backup import backup_if_due

    def backup() -> None:
        try:
            backup_if_due(db)
        except VwdeskError:
            log.warning("backup.timer_failed")

    def tick() -> None:
        run_in_background(backup)

    timer = QTimer(parent)
    timer.setInterval(minutes * 60_000)
    timer.timeout.connect(tick)
    timer.start()
    return timer
