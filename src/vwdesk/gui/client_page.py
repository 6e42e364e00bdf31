"""A client's page: the details (notes only here) and the whole history in
one timeline — contacts, dossiers, trajectories, couplings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vwdesk.app.clients import ClientDetails, Event
from vwdesk.core.errors import VwdeskError
from vwdesk.core.nationalities import by_code
from vwdesk.core.records import KINDS
from vwdesk.gui.i18n import record_text
from vwdesk.gui.privacy import client_requests
from vwdesk.gui.record_dialogs import record_dialog
from vwdesk.gui.record_form import RecordDialog
from vwdesk.gui.widgets import Banner, ElidedLabel


def _text(value) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


class ClientPage(QWidget):
    register_contact = Signal(int)  # client id
    edit_contact = Signal(int)  # contact id
    titled = Signal(str)  # the client's name and number, once loaded
    KIND_NAMES = {"contacts": "contact", "dossiers": "dossier", "trajectories": "traject",
                  "couplings": "koppeling"}

    def __init__(self, workspace, client_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.client_id = client_id
        self.title = ElidedLabel("", self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.banner = Banner(self)
        self.details = QFormLayout()
        details_box = QGroupBox(self.tr("Details"), self)
        details_box.setLayout(self.details)
        self.timeline = QTableWidget(0, 3, self)
        self.timeline.setAccessibleName(self.tr("History"))
        self.timeline.setTabKeyNavigation(False)  # Tab leaves the table
        self.timeline.setHorizontalHeaderLabels([self.tr("Date"), self.tr("What"),
                                                 self.tr("Details")])
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline.setColumnWidth(0, 100)
        self.timeline.setColumnWidth(1, 260)
        self.timeline.itemActivated.connect(self._open_event)
        timeline_box = QGroupBox(self.tr("History"), self)
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("edit", self.tr("Edit client…"), self.edit_client),
            ("contact", self.tr("Register contact"), lambda: self.register_contact.emit(client_id)),
            ("dossier", self.tr("New dossier…"), lambda: self.new_record("dossiers")),
            ("trajectory", self.tr("New trajectory…"), lambda: self.new_record("trajectories")),
            ("coupling", self.tr("Sign up for a coupling…"), lambda: self.new_record("couplings")),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.erase_action: QAction | None = None
        if workspace.actor.is_teamleader:  # the client's requests under the AVG, in one menu
            button = QPushButton(self.tr("Privacy (AVG)"), self)
            menu = QMenu(button)
            self.inzage_action = menu.addAction(self.tr("Inzage…"), self.write_inzage)
            self.erase_action = menu.addAction(self.tr("Erase on request…"), self.erase)
            button.setMenu(menu)
            self.buttons["privacy"] = button
            buttons.addWidget(button)

        body = QHBoxLayout()
        body.addWidget(details_box, 2)
        body.addWidget(timeline_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addLayout(body)
        self.events: list[Event] = []
        self.dialog: RecordDialog | None = None
        self.client: ClientDetails | None = None
        workspace.changed.connect(self._changed)
        self.reload()

    def _changed(self, kinds: frozenset[str]) -> None:
        if kinds & {"clients", "contacts", "dossiers", "trajectories", "couplings"}:
            self.reload()

    def reload(self) -> None:
        client_id = self.client_id
        self.workspace.ops.query(self, lambda desk: desk.clients.details(client_id),
                                 self._show_details, self._failed, latest="details")
        self.workspace.ops.query(self, lambda desk: desk.clients.timeline(client_id),
                                 self._show_timeline, self._failed, latest="timeline")

    def _show_details(self, client: ClientDetails) -> None:
        self.client = client
        self.title.setFullText(self.tr("Anonymised client") if client.anonymised
                               else f"{client.name} ({client.values['number']})")
        # An anonymised file stays as it is: nothing is added to it or changed.
        for key in ("edit", "contact", "dossier", "trajectory", "coupling"):
            self.buttons[key].setEnabled(not client.anonymised)
        if self.erase_action is not None:
            self.erase_action.setEnabled(not client.anonymised)
        self.titled.emit(self.title.full)
        while self.details.rowCount():
            self.details.removeRow(0)
        for f in KINDS["clients"].fields:
            value = client.values[f.name]
            if f.name == "nationality" and value:
                nat = by_code(value)
                value = nat.country if nat else value
            elif f.name == "dwelling_id":
                value = client.dwelling
            elif f.name == "municipality_id":
                value = client.municipality
            elif f.type == "choice" and value:
                value = f.choice_label(value)
            if f.type == "text":  # a note: wrapped over as many lines as it needs
                label = QLabel(_text(value), self)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            else:
                label = ElidedLabel(_text(value), self)
            label.setObjectName(f"detail_{f.name}")
            self.details.addRow(record_text(f.label), label)

    def _failed(self, exc: VwdeskError) -> None:
        self.banner.show_message(exc.message)

    def _show_timeline(self, events: list[Event]) -> None:
        self.events = events
        self.timeline.setRowCount(len(events))
        for row, e in enumerate(events):
            what = e.title if e.kind != "contacts" else self.tr("contact: %1").replace("%1", e.title)
            for col, text in enumerate((e.date.strftime("%d-%m-%Y"), what, e.detail)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.timeline.setItem(row, col, item)

    def _open_event(self, item: QTableWidgetItem) -> None:
        e = self.events[item.data(Qt.ItemDataRole.UserRole)]
        if e.kind == "contacts":
            self.edit_contact.emit(e.row_id)
        else:
            self._open_dialog(record_dialog(self.workspace, e.kind, e.row_id, parent=self))

    def edit_client(self) -> None:
        self._open_dialog(record_dialog(self.workspace, "clients", self.client_id, parent=self))

    def write_inzage(self) -> None:
        if self.client is not None:
            client_requests.write_inzage(self, self.workspace, self.client_id,
                                         self.client.values["number"])

    def erase(self) -> None:
        if self.client is not None:
            client_requests.erase_on_request(self, self.workspace, self.client_id,
                                             self.title.full)

    def new_record(self, kind_key: str) -> None:
        defaults = {"client_id": self.client_id}
        if kind_key == "couplings":
            defaults["signed_up_on"] = dt.date.today()
        self._open_dialog(record_dialog(self.workspace, kind_key, None, defaults, parent=self))

    def _open_dialog(self, dialog: RecordDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
