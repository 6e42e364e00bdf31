"""What is due: open dossiers by deadline and coupling evaluations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vwdesk.app.desk import Part
from vwdesk.core.services import couplings as coupling_service
from vwdesk.core.services import dossiers as dossier_service
from vwdesk.core.services.couplings import Reminder
from vwdesk.core.services.dossiers import SOON_DAYS, DeadlineRow

__all__ = ["SOON_DAYS", "DeadlineRow", "Deadlines", "Due", "DueCounts", "Reminder"]


@dataclass(frozen=True)
class DueCounts:
    """What needs doing, kept apart: a dossier deadline is not an
    evaluation, and what is overdue is not what comes soon."""

    dossiers_overdue: int
    dossiers_soon: int  # within SOON_DAYS days
    evaluations_overdue: int
    evaluations_soon: int


@dataclass(frozen=True)
class Due:
    dossiers: list[DeadlineRow]
    evaluations: list[Reminder]

    def counts(self, today: dt.date) -> DueCounts:
        soon = today + dt.timedelta(days=SOON_DAYS)

        def split(dates: list[dt.date]) -> tuple[int, int]:
            return (sum(1 for d in dates if d < today),
                    sum(1 for d in dates if today <= d <= soon))

        return DueCounts(*split([r.deadline for r in self.dossiers]),
                         *split([e.due for e in self.evaluations]))


class Deadlines(Part):
    def due(self) -> Due:
        return self.read(lambda s: Due(
            dossier_service.deadlines(s, self.actor, self.location_id),
            coupling_service.reminders(s, self.actor, self.location_id)))
