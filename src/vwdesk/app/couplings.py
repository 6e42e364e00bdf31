"""Couplings per programme: the overview, the lists per state, the coaches
a programme offers, and when evaluations are due."""

from __future__ import annotations

from vwdesk.app.desk import Part
from vwdesk.core.services import couplings as service
from vwdesk.core.services.couplings import (
    ENDED,
    RUNNING,
    STATES,
    WAITING,
    CouplingRow,
    ProgrammeOverview,
    evaluation_dates,
)

__all__ = ["ENDED", "RUNNING", "STATES", "WAITING", "CouplingRow", "Couplings",
           "ProgrammeOverview", "evaluation_dates"]


class Couplings(Part):
    def overview(self) -> list[ProgrammeOverview]:
        return self.read(lambda s: service.overview(s, self.actor, self.location_id))

    def by_state(self, programme_id: int) -> dict[str, list[CouplingRow]]:
        """The programme's couplings in each state (one read)."""
        return self.read(lambda s: {
            state: service.couplings(s, self.actor, self.location_id, programme_id, state)
            for state in STATES})

    def coaches(self, programme_id: int) -> list[tuple[int, str]]:
        """Active volunteers of the programme's team (team = programme key)."""
        return self.read(lambda s: service.coaches(s, self.actor, self.location_id,
                                                   programme_id))
