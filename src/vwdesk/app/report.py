"""The year report at the desk: a draft to edit, the year's prose and
figures, and saving what was edited (see `vwdesk.report.draft`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vwdesk.app.desk import Part, Saved
from vwdesk.report.draft import Needs, ReportDraft
from vwdesk.report.figures import Figures

__all__ = ["Needs", "ReportDoor", "ReportDraft"]


class ReportDoor(Part):
    def draft(self) -> ReportDraft:
        """The location's template, ready to edit (no year shown yet)."""
        from vwdesk.core.services.locations import location, programme_keys
        from vwdesk.report.store import load_template, municipality_names

        def load(s) -> ReportDraft:
            return ReportDraft(self.desk.location_name, municipality_names(s, self.location_id),
                               load_template(s, self.location_id),
                               location(s, self.actor, self.location_id).cover_photo,
                               editable=self.actor.is_teamleader,
                               programmes=programme_keys(s, self.actor, self.location_id))

        return self.read(load)

    def default_year(self, today: dt.date | None = None) -> int:
        """The year a report is usually made for: the last complete year, or
        the last year with registrations when that is earlier."""
        from vwdesk.core.services.contacts import last_contact_date

        last = self.read(lambda s: last_contact_date(s, self.actor, self.location_id))
        last_complete = (today or dt.date.today()).year - 1
        return min(last.year, last_complete) if last else last_complete

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
