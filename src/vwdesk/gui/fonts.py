"""The fonts the screens need for every name a client may have: the
system's own font first, then Noto Sans Ethiopic and Noto Sans Arabic
(shipped in resources/fonts, OFL) for the letters it lacks — a Ge'ez or
Arabic name never shows as boxes on a PC without those scripts."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from vwdesk.resources import resource_path

FALLBACK_FONTS = ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf",
                  "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")


def install(app: QApplication) -> list[str]:
    """Register the shipped fonts and put them after the system font (Qt
    takes each letter from the first family that has it). Returns the
    families in the order they are tried."""
    added: list[str] = []
    for name in FALLBACK_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in added:
                added.append(family)
    font = app.font()
    families = [font.family(), *added]
    font.setFamilies(families)
    app.setFont(font)
    return families
