"""The report as a PDF (ReportLab platypus): A4, DejaVu fonts embedded (Dutch
diacritics and most scripts a teamleader may type), headings, bullets as in
the seeds, an optional cover photo, charts, page numbers and metadata
(title; author = the location). Text is laid out as real paragraphs so that
`pdftotext` reads every figure sentence in reading order.
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from vwdesk.report.template import RenderedReport
from vwdesk.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_fonts_registered = False


def register_fonts() -> None:
    global _fonts_registered
    if _fonts_registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (FONT, FONT_BOLD, FONT_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD)
    # ReportLab graphics start every drawing in their default font (Helvetica,
    # not embedded); make that ours so the PDF embeds every font it names.
    from reportlab.graphics.shapes import STATE_DEFAULTS

    STATE_DEFAULTS["fontName"] = FONT
    _fonts_registered = True


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle

    blue = Color(0.0, 0.36, 0.62)
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, spaceAfter=5)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=22,
                                leading=27, textColor=blue, spaceAfter=12),
        "heading": ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=13,
                                  leading=17, textColor=blue, spaceBefore=12, spaceAfter=6,
                                  keepWithNext=True),
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=18, bulletIndent=6,
                                 bulletFontName=FONT, spaceAfter=1.5),
        "bullet_last": ParagraphStyle("bullet_last", parent=body, leftIndent=18, bulletIndent=6,
                                      bulletFontName=FONT, spaceAfter=7),
    }


def _page_decorations(location: str, year: int):
    def draw(canvas, doc) -> None:
        from reportlab.lib.colors import Color

        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(Color(0.4, 0.4, 0.4))
        width = doc.pagesize[0]
        canvas.drawString(doc.leftMargin, 28, f"VluchtelingenWerk {location} – {year} in cijfers")
        canvas.drawRightString(width - doc.rightMargin, 28, f"pagina {doc.page}")
        canvas.restoreState()
    return draw


def _cover_image(photo: bytes, max_width: float, max_height: float):
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    reader = ImageReader(io.BytesIO(photo))
    w, h = reader.getSize()
    scale = min(max_width / w, max_height / h)
    return Image(io.BytesIO(photo), width=w * scale, height=h * scale)


def story(report: RenderedReport, figures, cover_photo: bytes | None, frame_width: float) -> list:
    """The flowables of the report."""
    from reportlab.platypus import Paragraph, Spacer

    from vwdesk.report.charts import drawing

    st = _styles()
    flow: list = [Paragraph(escape(report.title), st["title"])]
    photo = []
    if cover_photo:
        try:
            photo = [Spacer(1, 4), _cover_image(cover_photo, frame_width, 260), Spacer(1, 12)]
        except Exception:  # noqa: BLE001 - an unreadable photo must not stop the report
            photo = []
    if not report.sections or report.sections[0].key != "intro":
        flow += photo  # as in the seeds: after the introduction when there is one
    for index, section in enumerate(report.sections):
        if index == 1 and report.sections[0].key == "intro":
            flow += photo
        if section.title:
            flow.append(Paragraph(escape(section.title), st["heading"]))
        for block in section.blocks:
            if block.kind == "para":
                flow.append(Paragraph(escape(block.text), st["body"]))
            elif block.kind == "bullets":
                for i, text in enumerate(block.items):
                    last = i == len(block.items) - 1
                    flow.append(Paragraph(escape(text), st["bullet_last" if last else "bullet"],
                                          bulletText="•"))
            elif block.kind == "chart":
                flow += [drawing(block.chart, figures, frame_width, FONT, FONT_BOLD),
                         Spacer(1, 10)]
    return flow


def write_pdf(report: RenderedReport, figures, out: str | BinaryIO,
              cover_photo: bytes | None = None) -> None:
    """Lay out a rendered report as an A4 PDF into a path or binary file."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm,
        bottomMargin=20 * mm, title=report.title, author=report.location,
        subject=f"Jaarverslag {report.year}", creator="vwdesk", lang="nl-NL",
        initialFontName=FONT, initialFontSize=9.5)
    decorate = _page_decorations(report.location, report.year)
    doc.build(story(report, figures, cover_photo, doc.width), onFirstPage=decorate,
              onLaterPages=decorate)
