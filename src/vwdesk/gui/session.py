"""The logged-in session shared by every screen: database, actor, the
location being worked on, and the one signal screens refresh on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vwdesk.core.db import Database
from vwdesk.core.services.base import Actor
from vwdesk.gui.tasks import TaskRunner


class DeskSession(QObject):
    # After a write: the record kind that changed ("clients", "contacts", ...).
    changed = Signal(str)
    location_changed = Signal(int)

    def __init__(self, db: Database, actor: Actor, location_id: int, location_name: str,
                 display_name: str, demo: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.location_id, self.location_name = location_id, location_name
        self.display_name = display_name
        self.demo = demo
        self.tasks = TaskRunner(self)
        # Client pages opened in this login session (the reason is asked once).
        self.opened_pages: set[int] = set()

    def set_location(self, location_id: int, name: str) -> None:
        if location_id != self.location_id:
            self.location_id, self.location_name = location_id, name
            self.location_changed.emit(location_id)

    def notify(self, kind: str) -> None:
        self.changed.emit(kind)
