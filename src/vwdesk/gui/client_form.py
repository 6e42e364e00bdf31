"""Creating and editing a client, with a warning when a likely duplicate
(same birth date, similar name) already exists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from vwdesk.gui.record_form import RecordDialog


class ClientDialog(RecordDialog):
    def __init__(self, workspace, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(workspace, "clients", row_id, defaults, parent=parent)
        self.resize(520, 640)
        self._warned_for: tuple | None = None

    def before_save(self, values: dict[str, Any], proceed: Callable[[], None]) -> None:
        key = (values.get("first_name"), values.get("last_name"), values.get("birth_date"))
        if self._warned_for == key:
            proceed()  # the user saw the warning and saves anyway
            return
        row_id = self.row_id

        def checked(found) -> None:
            if not found:
                proceed()
                return
            self.not_saving()
            from vwdesk.app.clients import label

            self._warned_for = key
            names = "\n".join("• " + label(r) for r in found[:5])
            self.form.banner.show_message(
                self.tr("This client may already exist (same birth date, similar name):")
                + f"\n{names}\n"
                + self.tr("Check the list first. Is it really someone else? Press \"Save anyway\"."),
                "warning")
            self.save_button.setText(self.tr("Save anyway"))

        self.workspace.ops.query(self, lambda desk: desk.clients.likely_duplicates(
            key[0], key[1], key[2], exclude_id=row_id), checked,
            lambda exc: (self.not_saving(), self.form.banner.show_message(exc.message)))
