"""Every figure of a location-year in a workbook: key, value, definition,
source (berekend / ingevoerd / vervangen / afgeleid), note, previous year."""

from __future__ import annotations

from typing import BinaryIO

from vwdesk.report.figures import Figures
from vwdesk.report.template import format_value

HEADER = ("sleutel", "waarde", "definitie", "bron", "toelichting", "vorig jaar", "officieel")


def _cell(value):
    if isinstance(value, int | float | str) or value is None:
        return value
    return format_value(value)


def write_xlsx(figures: Figures, out: str | BinaryIO) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"cijfers {figures.year}"
    ws.append([f"{figures.location_name}: {figures.year} in cijfers"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(HEADER)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for key, value, definition, source, note in figures.rows():
        before = figures.previous.get(key) if figures.previous else None
        official = figures.official.get(key)
        ws.append([key, _cell(value), definition, source, note, _cell(before),
                   official.value if official else None])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # openpyxl takes text starting with = for a formula
                cell.data_type = "s"
    for col, width in zip("ABCDEFG", (42, 14, 80, 12, 30, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    wb.save(out)
