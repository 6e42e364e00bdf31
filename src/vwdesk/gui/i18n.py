"""Loading the UI language: Dutch by default, English selectable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from vwdesk.gui.app_settings import settings
from vwdesk.resources import resource_path

LANGUAGES = (("nl", "Nederlands"), ("en", "English"))
_installed: list[QTranslator] = []


def language() -> str:
    value = settings().value("language", "nl")
    return value if value in dict(LANGUAGES) else "nl"


def set_language(code: str) -> None:
    settings().setValue("language", code)


def install(app: QCoreApplication, code: str | None = None) -> bool:
    """Install the translators for `code` (default: the chosen language);
    True when vwdesk's own translation was loaded (or none is needed)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    code = code or language()
    qt = QTranslator(app)
    if code != "en" and qt.load(f"qtbase_{code}",
                                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    loaded = code == "en"  # the GUI's own texts are written in English
    # vwdesk_nl.qm and the other parts' <part>_nl.qm files; records_en.qm;
    # qtbase_extra_nl.qm: the texts of Qt's own dialogs that qtbase_nl.qm lacks.
    for qm in sorted(resource_path("translations").glob(f"*_{code}.qm")):
        own = QTranslator(app)
        if own.load(str(qm)):
            app.installTranslator(own)
            _installed.append(own)
            loaded = loaded or qm.name == f"vwdesk_{code}.qm"
    return loaded


def record_text(text: str) -> str:
    """A label of `core.records` (field or record kind) in the UI language.
    The core speaks Dutch, the domain's language; English has a catalogue
    for these labels (records_en.ts, context "records")."""
    return QCoreApplication.translate("records", text)
