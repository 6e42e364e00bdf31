"""Help → Handleiding (F1) and Help → Over vwdesk: the Dutch guides shipped
with the program, shown in a window of their own (they work offline), and
the version, licence and the database in use."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from vwdesk.resources import guide_path


class HelpWindow(QDialog):
    """The guides, one at a time; links between them work."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("vwdesk — guide"))
        self.resize(980, 720)
        # (file in docs/, title); the desk's guide first.
        self.guides = [("handleiding.md", self.tr("Working at the desk")),
                       ("templates.md", self.tr("Report templates")),
                       ("exchange.md", self.tr("The exchange workbook")),
                       ("privacy.md", self.tr("Privacy"))]
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Guides"))
        self.list.addItems([title for _file, title in self.guides])
        self.list.setMaximumWidth(220)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Guide"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path(""))])
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.browser, 1)
        self.list.currentRowChanged.connect(self._show)

    def show_guide(self, file: str = "handleiding.md") -> None:
        names = [name for name, _title in self.guides]
        self.list.setCurrentRow(names.index(file) if file in names else 0)
        self.show()
        self.raise_()
        self.activateWindow()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.guides):
            self.browser.setSource(QUrl.fromLocalFile(str(guide_path(self.guides[row][0]))))


class AboutBox(QMessageBox):
    """The version, the licence and the database this window works in."""

    def __init__(self, database: str, parent: QWidget | None = None):
        from vwdesk import __version__

        super().__init__(parent)
        self.setWindowTitle(self.tr("About vwdesk"))
        self.setIconPixmap(self.windowIcon().pixmap(64, 64))
        self.setText(self.tr(
            "<h3>vwdesk %1</h3><p>Registration and year reports for the local offices of "
            "VluchtelingenWerk.</p><p>Licence: EUPL-1.2 (European Union Public Licence).</p>"
            "<p>Database: %2</p>").replace("%1", escape(__version__))
            .replace("%2", escape(database)))
