"""The year report at the desk: a draft to edit, the year's prose and
figures, and saving what was edited (see `vwdesk.report.draft`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vwdesk.app.desk import Part, Saved
from vwdesk.report.draft import Needs, ReportDraft
from vwdesk.report.figures import Figures

if TYPE_CHECKING:
    from vwdesk.report.missing import MissingFigure

__all__ = ["Needs", "ReportDoor", "ReportDraft"]


class ReportDoor(Part):
    def draft(self) -> ReportDraft:
        """The location's template, ready to edit (no year shown yet)."""
        from vwdesk.core.services.locations import location, programme_keys
        from vwdesk.report.store import kept_at, load_template, municipality_names

        def load(s) -> ReportDraft:
            return ReportDraft(self.desk.location_name, municipality_names(s, self.location_id),
                               load_template(s, self.location_id),
                               location(s, self.actor, self.location_id).cover_photo,
                               editable=self.actor.is_teamleader,
                               programmes=programme_keys(s, self.actor, self.location_id),
                               kept=kept_at(s, self.location_id))

        return self.read(load)

    def default_year(self, today: dt.date | None = None) -> int:
        """The year the Report screen opens on: the last complete year with
        registrations (contacts), else the last complete year. The year
        still running never is: its report is not done, and its first visits
        would open on a year without figures; a location that registered
        nothing yet opens on last year, the report it will make first."""
        from vwdesk.core.services.contacts import last_contact_date

        this_year = (today or dt.date.today()).year
        last = self.read(lambda s: last_contact_date(s, self.actor, self.location_id,
                                                     before=dt.date(this_year, 1, 1)))
        return last.year if last else this_year - 1

    def texts(self, year: int) -> dict[str, str]:
        from vwdesk.report.store import load_texts

        self.actor.check_location(self.location_id)
        return self.read(lambda s: load_texts(s, self.location_id, year))

    def figures(self, year: int, needs: Needs) -> Figures:
        """The year's figures with what the draft asks for (filtered figures,
        the year before for comparisons)."""
        from vwdesk.report import compute_figures

        self.actor.check_location(self.location_id)
        return self.read(lambda s: compute_figures(
            s, self.location_id, year, with_previous=set(needs.previous_keys) or False,
            requests=set(needs.requests)))

    def year_figure_choices(self) -> list:
        """The typed-in figures the location's report uses, in words (the
        Jaarcijfers chooser)."""
        from vwdesk.report.figure_words import typed_figures_used
        from vwdesk.report.store import load_template

        return typed_figures_used(self.read(lambda s: load_template(s, self.location_id)), {})

    def save(self, year: int, template: dict[str, Any] | None,
             texts: dict[str, str]) -> Saved:
        """Store a changed template (None: unchanged) and the changed prose of
        `year`, in one transaction."""
        from vwdesk.report.store import save_template, save_text

        def save(s) -> Saved:
            if template is not None:
                save_template(s, self.actor, self.location_id, template)
            for key, text in texts.items():
                save_text(s, self.actor, self.location_id, year, key, text)
            return Saved(frozenset({"report_texts", "locations"}), self.location_id)

        return self.write(save)

    def save_template(self, template: dict[str, Any]) -> Saved:
        """Store the location's template (e.g. read from a .toml file)."""
        from vwdesk.report.store import save_template

        def save(s) -> Saved:
            save_template(s, self.actor, self.location_id, template)
            return Saved(frozenset({"locations"}), self.location_id)

        return self.write(save)

    # --- files, for the command line ----------------------------------------------
    def write_pdf(self, year: int, path: Path) -> list[MissingFigure]:
        """The year report as the location's template and texts make it, to
        `path`; returns the typed-in figures it lacks (`MissingFigure`s:
        their sentences were left out)."""
        from vwdesk.report import build_report_pdf

        self.actor.check_location(self.location_id)
        return self.with_db(lambda db: build_report_pdf(db, self.location_id, year,
                                                        str(path)).missing)

    def write_figures(self, year: int, path: Path) -> None:
        """Every figure of the year (and the year before) to an .xlsx file."""
        from vwdesk.report import compute_figures, export_figures_xlsx

        self.actor.check_location(self.location_id)
        figures = self.with_db(lambda db: compute_figures(db, self.location_id, year,
                                                          with_previous=True))
        export_figures_xlsx(figures, str(path))
