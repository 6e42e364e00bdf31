"""What is due: open dossiers by deadline and coupling evaluations."""

from __future__ import annotations

from dataclasses import dataclass

from vwdesk.app.desk import Part
from vwdesk.core.services import couplings as coupling_service
from vwdesk.core.services import dossiers as dossier_service
from vwdesk.core.services.couplings import Reminder
from vwdesk.core.services.dossiers import SOON_DAYS, DeadlineRow

__all__ = ["SOON_DAYS", "DeadlineRow", "Deadlines", "Due", "Reminder"]


@dataclass(frozen=True)
class Due:
    dossiers: list[DeadlineRow]
    evaluations: list[Reminder]


class Deadlines(Part):
    def due(self) -> Due:
        return self.read(lambda s: Due(
            dossier_service.deadlines(s, self.actor, self.location_id),
            coupling_service.reminders(s, self.actor, self.location_id)))
