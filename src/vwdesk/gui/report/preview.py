"""The report preview: the pages of the PDF itself, rendered off the GUI
thread, so what the screen shows is what prints."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from vwdesk.report import Report
from vwdesk.report.pages import Page, find_heading, find_text, pdf_bytes, render_pages

MARGIN = 20
LEAD = 60  # pixels shown above the line followed


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
        self.passage: str | None = None  # within it, the text being edited
        self.rendering = False
        self.generation = 0  # pages asked for before a `clear` are dropped

    def show_report(self, report: Report) -> None:
        """Render `report` (off the GUI thread); the pages replace the old ones."""
        # As wide as the column leaves once the pages need a scroll bar.
        scroll_bar = 0 if self.verticalScrollBar().isVisible() else \
            self.verticalScrollBar().sizeHint().width()
        width = max(400, self.viewport().width() - scroll_bar - MARGIN)
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
        for label in self.labels:  # out of the layout at once: the new pages take their place
            self.column.removeWidget(label)
            label.hide()
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
            label.show()  # now, so the layout places it before the view is scrolled
            self.labels.append(label)
        self.follow(self.heading, self.passage)

    def follow(self, heading: str | None, passage: str | None = None) -> None:
        """Keep in view the text being edited, `passage` (a sentence or a
        paragraph as printed), in the section titled `heading`; without a
        passage, the section's title. A passage not on the pages shown (it
        was just typed; the new pages are on their way) leaves the view where
        it is."""
        self.heading, self.passage = heading, passage
        at = find_heading(self.pages, heading) if heading else None
        if passage:
            at = find_text(self.pages, passage, at[0] if at else 0)
        if at is None or at[0] >= len(self.labels):
            return
        number, top = at
        # The pages laid out and the scroll range grown to them, now.
        self.holder.layout().activate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        label = self.labels[number]
        # The line a little below the top of the view, with what precedes it.
        line = label.y() + round(top * label.pixmap().height())
        self.verticalScrollBar().setValue(max(0, line - LEAD))

    def text(self) -> str:
        """The text of the pages shown (what a screen reader gets too)."""
        return "\n".join(page.text for page in self.pages)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(620, 600)
