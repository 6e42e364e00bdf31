"""Creating and editing a client, with a warning when a likely duplicate
(same birth date, similar name) already exists."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vwdesk.core.services import clients as client_service
from vwdesk.gui.record_form import RecordDialog


class ClientDialog(RecordDialog):
    def __init__(self, session, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(session, "clients", row_id, defaults, parent=parent)
        self.resize(520, 640)
        self._warned_for: tuple | None = None
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def check_before_save(self, values: dict[str, Any]) -> bool:
        key = (values.get("first_name"), values.get("last_name"), values.get("birth_date"))
        if self._warned_for == key:
            return True  # the user saw the warning and saves anyway
        with self.session.db.session() as s:
            found = client_service.likely_duplicates(
                s, self.session.actor, self.session.location_id, key[0], key[1], key[2],
                exclude_id=self.row_id)
        if not found:
            return True
        self._warned_for = key
        names = "\n".join("• " + client_service.label(r) for r in found[:5])
        self.form.banner.show_message(
            self.tr("This client may already exist (same birth date, similar name):")
            + f"\n{names}\n"
            + self.tr("Check the list first. Is it really someone else? Press \"Save anyway\"."),
            "warning")
        self.save_button.setText(self.tr("Save anyway"))
        return False
