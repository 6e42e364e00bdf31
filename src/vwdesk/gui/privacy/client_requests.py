"""A client's requests under the AVG, from the client's page (teamleader):
*Inzage…* writes everything stored about the client to a PDF (to hand over)
or JSON file (for a machine); *Wissen op verzoek…* anonymises the client's
file at once, after a reason for the log and one question that defaults to No.
The rules and the audit are in `vwdesk.privacy` (the CLI's `vwdesk privacy
inzage|erase` do the same)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from vwdesk.gui import files
from vwdesk.gui.widgets import confirm, show_message


def write_inzage(parent: QWidget, workspace, client_id: int, number: str) -> None:
    """Ask where, then write the inzage file behind a progress dialog."""
    title = QCoreApplication.translate("client_requests", "Inzage")
    pdf = QCoreApplication.translate("client_requests", "PDF, to read (*.pdf)")
    json = QCoreApplication.translate("client_requests", "JSON, for a computer (*.json)")
    chosen, kind = files.save_file(
        parent, "inzage", QCoreApplication.translate("client_requests", "Save the inzage"),
        f"inzage-{number}-{dt.date.today():%Y-%m-%d}.pdf", f"{pdf};;{json}")
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() not in (".pdf", ".json"):  # a name typed without its extension
        path = path.with_name(path.name + (".json" if kind == json else ".pdf"))

    def written(result: Path) -> None:
        show_message(parent, title, QCoreApplication.translate(
            "client_requests", "The inzage has been saved as %1. Hand it to the client in "
                               "person: it holds everything stored about them.")
            .replace("%1", str(result)))

    workspace.ops.long(
        parent, QCoreApplication.translate("client_requests", "Writing the inzage…"),
        lambda desk, _progress, _cancelled: desk.privacy.write_inzage(client_id, path),
        written, lambda exc: show_message(parent, title, exc.message, error=True),
        cancellable=False, write=True)


def erase_on_request(parent: QWidget, workspace, client_id: int, label: str) -> None:
    """Ask the reason and confirm once (No is the default), then anonymise."""
    title = QCoreApplication.translate("client_requests", "Erase on request")
    reason, ok = QInputDialog.getText(parent, title, QCoreApplication.translate(
        "client_requests", "Why is %1 to be erased? (for the log; no personal data)")
        .replace("%1", label))
    if not ok:
        return
    if not " ".join(reason.split()):
        show_message(parent, title, QCoreApplication.translate(
            "client_requests", "Nothing was erased: give the reason of the request, e.g. "
                               "\"verzoek van de cliënt per brief\"."), error=True)
        return
    if not confirm(parent, title, QCoreApplication.translate(
            "client_requests", "Erase %1 now? Name, birth date, note and the other personal "
                               "data of this client and of their contacts, dossiers and "
                               "couplings are removed at once and cannot be restored; the "
                               "anonymous figures for the year report stay.")
            .replace("%1", label)):
        return
    workspace.ops.write(
        parent, lambda desk: desk.privacy.erase(client_id, reason),
        lambda _saved: show_message(parent, title, QCoreApplication.translate(
            "client_requests", "The client's personal data have been erased.")),
        lambda exc: show_message(parent, title, exc.message, error=True))
