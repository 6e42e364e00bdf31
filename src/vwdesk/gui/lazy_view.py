"""Screens that load their data when first shown, not at start-up, and
reload on a change only while visible (otherwise on their next showing)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyView(QWidget):
    """Subclasses define `refresh()`, which (re)loads what the screen shows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stale = True

    def outdated(self) -> None:
        """The data changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()
