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

from vwdesk.core.records import KINDS
from vwdesk.gui import files
from vwdesk.gui.i18n import record_text
from vwdesk.gui.widgets import confirm, show_message


def write_inzage(parent: QWidget, workspace, client_id: int, number: str) -> None:
    """Ask where, then write the inzage file behind a progress dialog."""
    title = QCoreApplication.translate("client_requests", "Inzage")
    pdf = QCoreApplication.translate("client_requests", "PDF, to read (*.pdf)")
    json = QCoreApplication.translate("client_requests", "JSON, for a computer (*.json)")
    suggested = f"inzage-{number}-{dt.date.today():%Y-%m-%d}"
    chosen, kind = files.save_file(
        parent, "inzage", QCoreApplication.translate("client_requests", "Save the inzage"),
        f"{suggested}.pdf", f"{pdf};;{json}")
    if not chosen:
        return
    path = Path(chosen)
    wanted = ".json" if kind == json else ".pdf"
    if path.suffix.lower() not in (".pdf", ".json"):  # a name typed without its extension
        path = path.with_name(path.name + wanted)
    elif path.stem == suggested:  # the name suggested, another kind of file chosen
        path = path.with_suffix(wanted)

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


def _lower(label: str) -> str:
    """A field's label inside a sentence ("Telefoon" → "telefoon", "AMV" stays)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _erase_effect() -> tuple[str, str]:
    """What an erase removes and what it keeps of the client's own fields, in
    words, from the record kind (`Field.personal`), so the question stays true."""
    fields = [f for f in KINDS["clients"].fields if f.name != "number" and f.type != "ref"]
    removed = [_lower(record_text(f.label)) for f in fields if f.personal]
    kept = [_lower(record_text(f.label)) for f in fields if not f.personal]
    return ", ".join(removed), ", ".join(kept)


def erase_on_request(parent: QWidget, workspace, client_id: int, label: str) -> None:
    """Ask the reason (again while it is empty) and confirm once (No is the
    default), then anonymise."""
    title = QCoreApplication.translate("client_requests", "Erase on request")
    question = QCoreApplication.translate(
        "client_requests", "Why is %1 to be erased? (for the log; no personal data)") \
        .replace("%1", label)
    prompt, reason = question, ""
    while True:
        reason, ok = QInputDialog.getText(parent, title, prompt, text=reason)
        if not ok:
            return
        if " ".join(reason.split()):
            break
        prompt = QCoreApplication.translate(
            "client_requests", "A reason is needed, e.g. \"verzoek van de cliënt per brief\".") \
            + "\n\n" + question
    removed, kept = _erase_effect()
    if not confirm(parent, title, QCoreApplication.translate(
            "client_requests", "Erase %1 now? Removed at once: %2 and the client number, and "
                               "the notes and names with their contacts, dossiers, trajectories "
                               "and couplings. Kept without a name, for the year report's "
                               "figures: %3. This cannot be undone.")
            .replace("%1", label).replace("%2", removed).replace("%3", kept)):
        return
    workspace.ops.write(
        parent, lambda desk: desk.privacy.erase(client_id, reason),
        lambda _saved: show_message(parent, title, QCoreApplication.translate(
            "client_requests", "The client's personal data have been erased.")),
        lambda exc: show_message(parent, title, exc.message, error=True))
