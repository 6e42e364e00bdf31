"""The logged-in user's workspace, shared by every screen: the desk (the
user at the location being worked on), the one way to run work on it
(`ops`), and the signals screens refresh on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vwdesk.app import Desk
from vwdesk.gui.ops import Ops


class Workspace(QObject):
    location_changed = Signal(int)

    def __init__(self, desk: Desk, display_name: str, demo: bool = False,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self.display_name = display_name
        self.demo = demo
        self.ops = Ops(lambda: self.desk, self)
        # After a write: the frozenset of record kinds it changed.
        self.changed = self.ops.changed
        # Client pages opened in this login (the reason is asked once).
        self.opened_pages: set[int] = set()

    @property
    def actor(self):
        return self.desk.actor

    @property
    def location_id(self) -> int:
        return self.desk.location_id

    @property
    def location_name(self) -> str:
        return self.desk.location_name

    def set_location(self, location_id: int, name: str) -> None:
        if location_id != self.desk.location_id:
            self.desk = self.desk.at_location(location_id, name)
            self.location_changed.emit(location_id)
