"""Creating and editing a client, with a warning when a likely duplicate
(same birth date, similar name) already exists.

A client made from the desk's search takes the name typed there. The search
takes a name's parts in any order, so the order typed says nothing sure
about which is the first name and which the surname ("El-Hassan Omar" is
often typed surname first, "Ben Ali" may be either): no rule guesses it.
The first word goes in Voornaam and the rest in Achternaam, as typed; the
dialog says so above the form, starts in Voornaam (not in the proposed
number), and one key swaps the two fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from vwdesk.core.dates import parse_date
from vwdesk.gui.record_form import RecordDialog


def typed_name(text: str) -> dict[str, str | None]:
    """The first and last name in what was typed at the search, in the order
    typed; nothing when it is no name (it starts with a number or a date)."""
    words = text.split()
    if not words or parse_date(words[0]) is not None or any(ch.isdigit() for ch in words[0]):
        return {}
    return {"first_name": words[0], "last_name": " ".join(words[1:]) or None}


class ClientDialog(RecordDialog):
    def __init__(self, workspace, row_id: int | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None,
                 typed: str | None = None):
        """`typed`: what was typed at the search, for the name of a new client."""
        named = typed_name(typed or "")
        super().__init__(workspace, "clients", row_id, {**named, **(defaults or {})},
                         parent=parent)
        self.resize(520, 640)
        self._warned_for: tuple | None = None
        self.swap_button = QPushButton(self.tr("S&wap first and last name"), self)
        self.swap_button.clicked.connect(self.swap_names)
        self.extra_buttons.insertWidget(0, self.swap_button)
        if named:
            self.form.banner.show_message(self.tr(
                "The name you typed is filled in as first name and surname, in the order you "
                "typed it. Not right? Press %1 to swap them.").replace(
                "%1", QKeySequence.mnemonic(self.swap_button.text())
                .toString(QKeySequence.SequenceFormat.NativeText)), "info")

    def _loaded(self, values: dict[str, Any]) -> None:
        super()._loaded(values)
        if self.row_id is None:  # the number is proposed: the names come first
            first = self.form.widgets["first_name"]
            first.setFocus()
            first.selectAll()

    def swap_names(self) -> None:
        first, last = self.form.widgets["first_name"], self.form.widgets["last_name"]
        names = first.text(), last.text()
        last.setText(names[0])
        first.setText(names[1])
        first.setFocus()

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
