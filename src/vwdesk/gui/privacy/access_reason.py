"""The reason asked the first time a user opens a client's full page; the
dialog names the client (name and number), so the reason is given for the
right person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.privacy import ACCESS_REASONS, clean_reason
from vwdesk.core.errors import VwdeskError


class AccessReasonDialog(QDialog):
    """A short list of reasons plus free text; "Anders, namelijk…" needs text.
    Given a workspace and the client's id, it names the client (read off the
    GUI thread, shown as soon as it is there)."""

    def __init__(self, parent: QWidget | None = None, workspace=None,
                 client_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why are you opening this client?"))
        self.client = QLabel()
        self.client.setObjectName("client")
        self.client.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.client.setStyleSheet("font-weight: bold")
        self.client.hide()
        self.reasons = QListWidget()
        self.reasons.setAccessibleName(self.tr("Reason"))
        self.reasons.addItems(ACCESS_REASONS)
        self.reasons.setCurrentRow(0)
        self.detail = QLineEdit()
        self.detail.setMaxLength(200)
        self.detail.setPlaceholderText(self.tr("Explanation (required for \"other\")"))
        self.detail.setAccessibleName(self.tr("Explanation"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.reasons.itemDoubleClicked.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.client)
        layout.addWidget(QLabel(self.tr(
            "The client's page holds personal data. Your reason is recorded in the access log.")))
        layout.addWidget(self.reasons)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._reason: str | None = None
        if workspace is not None and client_id is not None:
            # Unnamed if the row cannot be read: the page's own opening says why.
            workspace.ops.query(self, lambda desk: desk.clients.row(client_id), self._named,
                                lambda _exc: None)

    def _named(self, row) -> None:
        if row is None:
            return
        who = f"{row.name or '—'} ({row.number})"
        self.client.setText(self.tr("Client: %1").replace("%1", who))
        self.client.show()
        self.setWindowTitle(self.tr("Why are you opening the page of %1?").replace("%1", who))

    def reason(self) -> str | None:
        return self._reason

    def _compose(self) -> str:
        choice = self.reasons.currentItem().text() if self.reasons.currentItem() else ""
        detail = self.detail.text().strip()
        return f"{choice}: {detail}" if detail else choice

    def _accept(self) -> None:
        try:
            self._reason = clean_reason(self._compose())
        except VwdeskError as exc:
            self.message.setText(exc.message)
            self.detail.setFocus()
            return
        self.accept()


def ask(parent: QWidget | None, workspace=None, client_id: int | None = None) -> str | None:
    """The reason for opening a client's full page, or None when cancelled."""
    dialog = AccessReasonDialog(parent, workspace, client_id)
    return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
