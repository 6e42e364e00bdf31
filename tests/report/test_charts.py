"""The report's charts as a reader sees them: the PDF drawing rasterised."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from reportlab.graphics import renderPDF

from vwdesk.report import compute_figures
from vwdesk.report.charts import BLUE, drawing

SCALE = 6  # pixels per point


def _pixels(d):
    page = pdfium.PdfDocument(renderPDF.drawToString(d))[0]
    image = page.render(scale=SCALE).to_pil().convert("RGB")
    return image, page.get_height()


def _is_blue(rgb) -> bool:
    r, g, b = rgb
    return b > 100 and r < 80 and abs(b - BLUE[2] * 255) < 60


@pytest.fixture
def targets_missed(demo_db, demo_ids):
    """Vlaardingen's 2018 figures with each target reached for 75 % only."""
    figures = compute_figures(demo_db, demo_ids["Vlaardingen"], 2018)
    goals = [k for k in figures.values if k.startswith("doel.")]
    assert goals
    for key in goals:
        inner = key[len("doel."):]
        if isinstance(figures.values.get(inner), int | float):
            figures.values[key] = 40
            figures.values[inner] = 30
    return figures


def test_the_target_line_never_runs_through_a_value_label(targets_missed):
    d = drawing("doelen", targets_missed, 450)
    chart = d.contents[0]
    x = chart.x + chart.width * 100 / chart.valueAxis.valueMax
    image, height = _pixels(d)
    n = len(chart.data[0])
    band = chart.height / n
    column = round(x * SCALE)
    crossed = 0
    for i, value in enumerate(chart.data[0]):
        assert value == 75  # each label starts left of the line and runs across it
        middle = chart.y + (i + 0.5) * band
        rows = range(round((height - middle - 3) * SCALE), round((height - middle + 3) * SCALE))
        blue = [y for y in rows for dx in (-1, 0, 1) if _is_blue(image.getpixel((column + dx, y)))]
        assert not blue, f"the 100% line crosses the label of bar {i}"
        crossed += 1
    assert crossed == n
    # The line is still drawn between the labels and above and below them.
    assert any(_is_blue(image.getpixel((column + dx, y))) for y in range(image.height)
               for dx in (-1, 0, 1))
