"""The exchange workbook at the desk: read and check a workbook into a plan
(nothing written), import the plan, export the location, the empty
template. Long steps take `progress(done, total)` and `cancelled()`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vwdesk.app.desk import Part, Saved
from vwdesk.app.rules import RULES
from vwdesk.core.records import KINDS
from vwdesk.exchange import ImportCancelled, ImportFailed, ImportPlan, ImportResult
from vwdesk.exchange.importing import SHOWN_ROWS

__all__ = ["SHOWN_ROWS", "Exchange", "ImportCancelled", "ImportFailed", "ImportPlan",
           "ImportResult", "write_template"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# An import may touch any record kind.
ALL_KINDS = frozenset(KINDS) | {"locations"}


class Exchange(Part):
    def plan_import(self, source: Path, progress: Progress, cancelled: Cancelled) -> ImportPlan:
        """Read `source` (.xlsx or a folder of .csv) and check it against the
        location: what the import would add and change, and every problem.
        Reading takes the first 60 % of the progress."""
        from vwdesk.exchange import plan_import, read_workbook

        def reading(done: int, total: int) -> None:
            if cancelled():
                raise ImportCancelled()
            progress(done * 6, total * 10 or 1)

        def checking(done: int, total: int) -> None:
            progress(6 * total + 4 * done, 10 * total or 1)

        data = read_workbook(source, progress=reading)
        try:
            return self.with_db(lambda db: plan_import(db, self.desk.location_name, data,
                                                       progress=checking, cancel=cancelled,
                                                       rules=RULES))
        except BaseException:
            data.close()
            raise

    def apply(self, plan: ImportPlan, progress: Progress, cancelled: Cancelled) -> Saved:
        """Import a checked plan in one transaction (Cancel rolls it back);
        the `ImportResult` is the `detail`."""
        from vwdesk.exchange import apply_import

        result = self.with_db(lambda db: apply_import(db, self.actor, plan, progress, cancelled,
                                                      RULES))
        return Saved(ALL_KINDS, detail=result)

    def export(self, target: Path, year: int | None = None) -> dict[str, int]:
        """The location's records to an .xlsx file or a folder of .csv files
        (all years, or what touches `year`); rows per sheet."""
        from vwdesk.exchange import export_location

        return self.with_db(lambda db: export_location(db, self.actor, self.desk.location_name,
                                                       target, year))


def write_template(target: Path) -> None:
    """The empty workbook to fill in by hand."""
    from vwdesk.core.errors import VwdeskError
    from vwdesk.exchange import write_template as write

    try:
        write(target)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise VwdeskError(f"Het sjabloon kan niet worden opgeslagen ({reason}); kies een "
                          "andere plaats.") from None
