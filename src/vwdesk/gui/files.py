"""Choosing files and folders with the system's own dialogs, starting where
the user was the last time for the same purpose (kept in the settings), and
in their Documents folder the first time (their home folder if it has
none) — never in the program's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from vwdesk.gui.app_settings import settings


def _start(purpose: str) -> str:
    last = settings().value(f"folders/{purpose}", "")
    if last and Path(last).is_dir():
        return str(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())  # e.g. a fresh Linux account has no Documents folder


def _remember(purpose: str, chosen: str) -> None:
    if chosen:
        path = Path(chosen)
        settings().setValue(f"folders/{purpose}", str(path if path.is_dir() else path.parent))


def open_file(parent: QWidget | None, purpose: str, title: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter); the path is "" when cancelled."""
    path, chosen = QFileDialog.getOpenFileName(parent, title, _start(purpose), filters)
    _remember(purpose, path)
    return path, chosen


def save_file(parent: QWidget | None, purpose: str, title: str, name: str,
              filters: str) -> tuple[str, str]:
    """(path, chosen filter) for a new file suggested as `name`."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path(_start(purpose)) / name),
                                               filters)
    _remember(purpose, path)
    return path, chosen


def choose_folder(parent: QWidget | None, purpose: str, title: str, current: str = "") -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, current or _start(purpose))
    _remember(purpose, folder)
    return folder
