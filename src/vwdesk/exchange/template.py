"""The empty exchange workbook users fill by hand: every sheet with its
column names (required ones in bold), a note on each column saying what goes
in it, and drop-down lists for the columns with fixed values."""

from __future__ import annotations

from pathlib import Path

from vwdesk.exchange.schema import EXPORT_ORDER, Column


def _note(col: Column) -> str:
    parts = ["Verplicht." if col.required else "Mag leeg blijven."]
    if col.choices:
        parts.append("Kies uit: " + ", ".join(col.choices) + ".")
    if col.parse == "bool":
        parts.append("ja of nee.")
    if col.hint:
        parts.append(col.hint[:1].upper() + col.hint[1:] + ".")
    return " ".join(parts)


def write_template(path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    for sheet in EXPORT_ORDER:
        ws = wb.create_sheet(sheet.name)
        ws.freeze_panes = "A2"
        for i, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=i, value=col.name)
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = max(14, len(col.name) + 4)
            cell.comment = Comment(_note(col), "vwdesk", width=260, height=110)
            if col.required:
                cell.font = bold
                cell.fill = required_fill
            choices = col.choices or (("ja", "nee") if col.parse == "bool" else ())
            if choices:
                dv = DataValidation(type="list", formula1=f"\"{','.join(choices)}\"",
                                    allow_blank=True)
                dv.error = "Kies een waarde uit de lijst."
                dv.add(f"{letter}2:{letter}10000")
                ws.add_data_validation(dv)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
