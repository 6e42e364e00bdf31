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
    """One page as RGB pixels (`stride` bytes a row), its text, and its lines
    of text from the top down: (where the line's top is, as a fraction of
    the page's height from its top; the line's text)."""

    width: int
    height: int
    stride: int
    pixels: bytes
    text: str
    lines: tuple[tuple[float, str], ...] = ()


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
                textpage = page.get_textpage()
                pages.append(Page(bitmap.width, bitmap.height, bitmap.stride,
                                  bytes(bitmap.buffer), textpage.get_text_range(),
                                  _lines(textpage, page.get_height())))
        finally:
            document.close()
    return pages


def _lines(textpage, height: float) -> tuple[tuple[float, str], ...]:
    """The page's lines of text (PDFium's text rectangles) from the top down."""
    lines = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if text:
            lines.append((max(0.0, (height - top) / height), text))
    return tuple(sorted(lines, key=lambda line: line[0]))


def find_heading(pages: list[Page], heading: str) -> tuple[int, float] | None:
    """Where section title `heading` stands: the first line that is the
    title itself (else the first line holding it), as (page, fraction of the
    page's height from its top)."""
    wanted = " ".join(heading.split())
    if not wanted:
        return None
    for whole in (True, False):
        for number, page in enumerate(pages):
            for top, line in page.lines:
                if (line == wanted) if whole else (wanted in line):
                    return number, top
    return None


def find_text(pages: list[Page], text: str, start: int = 0) -> tuple[int, float] | None:
    """Where `text` (a sentence or a paragraph as the report prints it)
    starts, looking from page `start` on: (page, fraction of the page's
    height from its top). Lines wrap at spaces, so the text is sought in the
    page's lines joined by spaces; a text running on to the next page is
    found by its first words."""
    words = text.split()
    if not words:
        return None
    for count in (len(words), 12, 6):
        wanted = " ".join(words[:count])
        for number in range(start, len(pages)):
            found = _in_page(pages[number], wanted)
            if found is not None:
                return number, found
    return None


def _in_page(page: Page, wanted: str) -> float | None:
    joined, starts = "", []
    for top, line in page.lines:
        starts.append((len(joined), top))
        joined += line + " "
    at = joined.find(wanted)
    if at < 0:
        return None
    return max(top for offset, top in starts if offset <= at)
