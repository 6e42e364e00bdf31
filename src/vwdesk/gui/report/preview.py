"""The report preview: the pages of the PDF itself, rendered off the GUI
thread, so what the screen shows is what prints."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from vwdesk.report import Report
from vwdesk.report.pages import Page, page_of, pdf_bytes, render_pages

MARGIN = 20


def page_image(page: Page) -> QImage:
    return QImage(page.pixels, page.width, page.height, page.stride,
                  QImage.Format.Format_RGB888).copy()


class PdfPreview(QScrollArea):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWidgetResizable(True)
        self.holder = QWidget()
        self.holder.setStyleSheet("background: #8a8f94;")
        self.column = QVBoxLayout(self.holder)
        self.column.setSpacing(12)
        self.setWidget(self.holder)
        self.pages: list[Page] = []
        self.labels: list[QLabel] = []
        self.heading: str | None = None  # the section to keep in view
        self.rendering = False
        self.generation = 0  # pages asked for before a `clear` are dropped

    def show_report(self, report: Report) -> None:
        """Render `report` (off the GUI thread); the pages replace the old ones."""
        width = max(400, self.viewport().width() - MARGIN)
        self.rendering = True
        generation = self.generation
        self.workspace.ops.query(
            self, lambda _desk: render_pages(pdf_bytes(report), width),
            lambda pages: generation == self.generation and self._show(pages),
            lambda exc: generation == self.generation and self._failed(exc), latest="preview")

    def clear(self) -> None:
        """No pages (another year is on its way): pages still being made for
        what was shown before never arrive."""
        self.generation += 1
        self.rendering = False
        self._remove()

    def _remove(self) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels, self.pages = [], []

    def _failed(self, exc) -> None:
        self.rendering = False
        self._remove()
        label = QLabel(exc.message)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.column.addWidget(label)
        self.labels.append(label)

    def _show(self, pages: list[Page]) -> None:
        self.rendering = False
        self._remove()
        self.pages = pages
        for number, page in enumerate(pages):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(page_image(page)))
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number + 1)))
            label.setAccessibleDescription(page.text)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.column.addWidget(label)
            self.labels.append(label)
        self.follow(self.heading)

    def follow(self, heading: str | None) -> None:
        """Keep the page where `heading` (a section title) starts in view."""
        self.heading = heading
        number = page_of(self.pages, heading) if heading else None
        if number is not None and number < len(self.labels):
            self.holder.layout().activate()
            self.verticalScrollBar().setValue(self.labels[number].y())

    def text(self) -> str:
        """The text of the pages shown (what a screen reader gets too)."""
        return "\n".join(page.text for page in self.pages)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(620, 600)
