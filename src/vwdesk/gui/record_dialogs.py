"""The dialog of each record kind: most use the plain records-driven
`RecordDialog`; a kind with more to say has its own (clients: likely
duplicates; couplings: the programme's coaches and evaluation dates;
dossiers: a deadline already past). `record_dialog` picks the right one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from vwdesk.gui.record_form import RecordDialog


class DossierDialog(RecordDialog):
    """A dossier; a deadline in the past is asked about once before saving."""

    def __init__(self, workspace, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(workspace, "dossiers", row_id, defaults, parent=parent)
        self._warned_for: dt.date | None = None

    def before_save(self, values: dict[str, Any], proceed: Callable[[], None]) -> None:
        deadline = values.get("deadline")
        past = deadline is not None and deadline < dt.date.today() and not values.get("closed_on")
        if not past or self._warned_for == deadline:
            proceed()
            return
        self._warned_for = deadline  # once: Save again keeps it
        self.not_saving()
        self.form.banner.show_message(self.tr(
            "The deadline %1 has passed already. Is that right? Press Save again to keep it, "
            "or type the next deadline.").replace("%1", deadline.strftime("%d-%m-%Y")),
            "warning")
        self.form.widgets["deadline"].setFocus()


def record_dialog(workspace, kind_key: str, row_id: int | None = None,
                  defaults: dict[str, Any] | None = None,
                  parent: QWidget | None = None) -> RecordDialog:
    """The create (row_id None) or edit dialog of a record of `kind_key`."""
    from vwdesk.gui.client_form import ClientDialog
    from vwdesk.gui.couplings_view import CouplingDialog

    own = {"clients": ClientDialog, "couplings": CouplingDialog, "dossiers": DossierDialog}
    if kind_key in own:
        return own[kind_key](workspace, row_id, defaults, parent=parent)
    return RecordDialog(workspace, kind_key, row_id, defaults, parent=parent)
