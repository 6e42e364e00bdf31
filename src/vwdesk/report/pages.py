"""The pages of a report PDF as pictures, for the app's preview and for
printing: what the screen shows is the PDF itself, never a second rendering
that could differ from what prints. Qt-free (pypdfium2, the PDF engine of
Chromium); the app turns each page into an image.

PDFium is not thread-safe, nor is ReportLab's font registry: one lock
serialises making and reading PDFs in this process.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

from vwdesk.report import Report

_PDF = threading.Lock()


@dataclass(frozen=True)
class Page:
    """One page as RGB pixels (`stride` bytes a row) and its text."""

    width: int
    height: int
    stride: int
    pixels: bytes
    text: str


def pdf_bytes(report: Report) -> bytes:
    out = io.BytesIO()
    with _PDF:
        report.write_pdf(out)
    return out.getvalue()


def render_pages(pdf: bytes, width: int) -> list[Page]:
    """Every page of `pdf`, `width` pixels wide."""
    import pypdfium2 as pdfium

    pages = []
    with _PDF:
        document = pdfium.PdfDocument(pdf)
        try:
            for page in document:
                scale = width / page.get_width()
                bitmap = page.render(scale=scale, rev_byteorder=True)
                text = page.get_textpage().get_text_range()
                pages.append(Page(bitmap.width, bitmap.height, bitmap.stride,
                                  bytes(bitmap.buffer), text))
        finally:
            document.close()
    return pages


def page_of(pages: list[Page], heading: str) -> int | None:
    """The first page whose text holds `heading` (a section's title)."""
    wanted = " ".join(heading.split())
    if not wanted:
        return None
    for number, page in enumerate(pages):
        if wanted in " ".join(page.text.split()):
            return number
    return None
