"""The exchange workbook: import from and export to the offices'
spreadsheets (`spec/exchange.md`, user guide in docs/exchange.md). Qt-free.

    data = read_workbook(path, progress)          # parse and check cells
    plan = plan_import(db, "Vlaardingen", data)   # per sheet: added/changed/unchanged, problems
    apply_import(db, actor, plan, progress, cancel)  # one transaction, all or nothing
    import_workbook(db, actor, "Vlaardingen", data)  # check and import in one pass (CLI)
    export_location(db, actor, "Vlaardingen", "uit.xlsx", year=2018)
    write_template("vwdesk-sjabloon.xlsx")
"""

from vwdesk.exchange.exporting import export_location
from vwdesk.exchange.importing import (ImportPlan, ImportResult, RowChange, SheetPlan, apply_import,
                                       import_workbook,
                                       plan_import)
from vwdesk.exchange.problems import ImportCancelled, ImportFailed, Problem, Problems
from vwdesk.exchange.reading import WorkbookData, read_workbook
from vwdesk.exchange.template import write_template

__all__ = [
    "ImportCancelled", "ImportFailed", "ImportPlan", "ImportResult", "Problem", "Problems", "RowChange",
    "SheetPlan",
    "WorkbookData", "apply_import", "export_location", "import_workbook", "plan_import", "read_workbook",
    "write_template",
]
