"""Charts of the report (ReportLab graphics), where a reader would rather look.

`CHARTS` maps a chart name (used in the template) to its Dutch caption;
`has_data(name, figures)` says whether it has something to show and
`drawing(name, figures, width)` builds it. ReportLab is imported only here,
inside the functions, so the app starts without it.
"""

from __future__ import annotations

from typing import Any

from vwdesk.report.figures import Figures
from vwdesk.report.groups import Groups, label

CHARTS = {
    "contacten_per_maand": "Spreekuurcontacten per maand",
    "onderwerpen": "Meest besproken onderwerpen op het spreekuur",
    "nationaliteiten": "Gehuisveste personen naar nationaliteit",
    "doelen": "Resultaten tegenover de prestatieafspraken (percentage van het doel)",
}
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
TOP_N = 8
BLUE = (0.0, 0.36, 0.62)
ORANGE = (0.93, 0.47, 0.13)


def _targets(figures: Figures) -> list[tuple[str, float, float]]:
    """(label, realised, target) for every target with a realised figure."""
    from vwdesk.report.registry import find_definition

    out = []
    for key in sorted(k for k in figures.values if k.startswith("doel.")):
        inner = key[len("doel."):]
        realised = figures.values.get(inner)
        if isinstance(realised, int | float) and find_definition(inner):
            out.append((_short_label(inner), float(realised), float(figures.values[key])))
    return out


def _short_label(key: str) -> str:
    parts = key.split(".")
    if parts[0] == "koppelingen" and len(parts) == 3:
        return f"{parts[1].capitalize()}: {parts[2]}"
    return f"{parts[0].capitalize()}: {parts[-1]}"


def _named(groups: Groups | None) -> list[list[Any]]:
    """A ranked list as (name, count) pairs."""
    return [[label(groups, key), n] for key, n, *_ in groups or []]


def _series(name: str, figures: Figures) -> list[Any]:
    if name == "contacten_per_maand":
        months = figures.values.get("spreekuur.per_maand") or []
        return list(months) if any(months) else []
    if name == "onderwerpen":
        return _named(figures.values.get("spreekuur.onderwerpen_lijst"))[:TOP_N]
    if name == "nationaliteiten":
        groups = _named(figures.values.get("huisvesting.nationaliteiten"))
        if len(groups) > TOP_N:
            rest = sum(n for _, n in groups[TOP_N - 1:])
            groups = groups[:TOP_N - 1] + [["overige", rest]]
        return groups
    if name == "doelen":
        return _targets(figures)
    return []


def has_data(name: str, figures: Figures) -> bool:
    return bool(_series(name, figures))


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def drawing(name: str, figures: Figures, width: float, font: str = "Helvetica",
            bold_font: str | None = None):
    """A ReportLab Drawing of chart `name` (`width` in points)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib.colors import Color

    data = _series(name, figures)
    caption_h = 16
    if name == "contacten_per_maand":
        height = 150
        chart = VerticalBarChart()
        chart.data = [data]
        chart.categoryAxis.categoryNames = list(MONTHS)
        chart.x, chart.y, chart.width, chart.height = 30, 18, width - 40, height - caption_h - 30
    elif name == "doelen":
        height = caption_h + 34 + 20 * len(data)
        chart = HorizontalBarChart()
        chart.data = [[round(100 * r / t) if t else 0 for _, r, t in data]]
        chart.categoryAxis.categoryNames = [label for label, _, _ in data]
        chart.barLabelFormat = "values"
        chart.barLabelArray = [[f"{_n(r)} van {_n(t)} ({round(100 * r / t) if t else 0}%)"
                                for _, r, t in data]]
        chart.x, chart.y = 150, 26
        chart.width, chart.height = width - 230, height - caption_h - 34
    else:
        height = caption_h + 30 + 16 * len(data)
        chart = HorizontalBarChart()
        chart.data = [[n for _, n in data]]
        chart.categoryAxis.categoryNames = [str(label) for label, _ in data]
        chart.x, chart.y = 120, 18
        chart.width, chart.height = width - 150, height - caption_h - 26
    if isinstance(chart, HorizontalBarChart):
        # Biggest on top: ReportLab draws the first category at the bottom.
        chart.data = [list(reversed(series)) for series in chart.data]
        chart.categoryAxis.categoryNames = list(reversed(chart.categoryAxis.categoryNames))
        if name == "doelen":
            chart.barLabelArray = [list(reversed(chart.barLabelArray[0]))]
    top = max(max(series) for series in chart.data) if chart.data else 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(1, top * 1.15) if name != "doelen" else max(120, top * 1.1)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.bars[0].fillColor = Color(*(ORANGE if name == "doelen" else BLUE))
    chart.bars[0].strokeColor = None
    if name != "doelen":
        chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 6
    chart.barLabels.boxAnchor = "w"
    if isinstance(chart, VerticalBarChart):
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.nudge = 2
    d = Drawing(width, height)
    d.add(chart)
    d.add(String(0, height - 11, CHARTS[name], fontName=bold_font or font, fontSize=9))
    if name == "doelen":  # the line where a target is met, interrupted by the value labels
        x = chart.x + chart.width * 100 / chart.valueAxis.valueMax
        for low, high in _line_segments(chart, x, chart.y - 2, chart.y + chart.height + 2):
            d.add(Line(x, low, x, high, strokeColor=Color(*BLUE), strokeDashArray=(2, 2)))
        d.add(String(x, chart.y + chart.height + 4, "100% = prestatieafspraak", fontName=font,
                     fontSize=6.5, textAnchor="middle"))
    return d


def _line_segments(chart: Any, x: float, bottom: float, top: float) -> list[tuple[float, float]]:
    """The parts of a vertical line at `x` from `bottom` to `top` that pass no
    bar label of the horizontal bar chart (a label starts `nudge` after its
    bar's end, centred on the bar), so every label stays readable."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    labels = chart.barLabelArray[0]
    band = chart.height / len(labels)
    size = chart.barLabels.fontSize
    gaps = []
    for i, (value, text) in enumerate(zip(chart.data[0], labels, strict=True)):
        start = (chart.x + chart.width * value / chart.valueAxis.valueMax
                 + chart.barLabels.nudge)
        if start - 1 <= x <= start + stringWidth(text, chart.barLabels.fontName, size) + 1:
            middle = chart.y + (i + 0.5) * band
            gaps.append((middle - size * 0.75, middle + size * 0.75))
    segments, low = [], bottom
    for gap_low, gap_high in sorted(gaps):
        if gap_low > low:
            segments.append((low, gap_low))
        low = max(low, gap_high)
    if low < top:
        segments.append((low, top))
    return segments


def svg(name: str, figures: Figures, width: float) -> bytes:
    """The chart as SVG (for previews that cannot show the PDF itself)."""
    import re

    from reportlab.graphics import renderSVG

    text = renderSVG.drawToString(drawing(name, figures, width))
    # SVG Tiny renderers (Qt's) do not know clipPath and would paint its rect.
    text = re.sub(r"<clipPath.*?</clipPath>", "", text, flags=re.S)
    return text.replace("clip-path: url(#clip)", "").encode("utf-8")
