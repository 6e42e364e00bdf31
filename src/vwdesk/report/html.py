"""The rendered report as simple HTML (the app's preview and print fallback
when QtPdf is not available). Charts are `<img src="chart:NAME">`; the caller
supplies the images (see `charts.svg`)."""

from __future__ import annotations

from html import escape

from vwdesk.report.template import RenderedReport


def to_html(report: RenderedReport) -> str:
    parts = [f"<h1 style='color:#005c9e'>{escape(report.title)}</h1>"]
    for section in report.sections:
        if section.title:
            parts.append(f"<h2 style='color:#005c9e'>{escape(section.title)}</h2>")
        for block in section.blocks:
            if block.kind == "para":
                parts.append(f"<p>{escape(block.text)}</p>")
            elif block.kind == "bullets":
                items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p><img src='chart:{escape(block.chart)}'></p>")
    return "\n".join(parts)
