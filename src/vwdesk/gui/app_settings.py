"""The app's own settings (Qt's QSettings, an .ini file in the user's data
folder): the language, the window's size and place, the last folder of
each file dialog."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    """The settings file, in the folder of `vwdesk.core.db.data_dir` — found
    here without importing SQLAlchemy, so the first window shows before the
    database layer is loaded."""
    from platformdirs import user_data_path

    folder = Path(os.environ.get("VWDESK_DATA_DIR") or user_data_path("vwdesk", appauthor=False))
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
