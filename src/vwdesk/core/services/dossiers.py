"""Open dossiers by their next deadline (termijn)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.services.base import Actor

# A deadline this many days away or closer (or past) stands out.
SOON_DAYS = 14


@dataclass(frozen=True)
class DeadlineRow:
    dossier_id: int
    client_id: int
    number: str
    kind: str
    client: str
    opened_on: dt.date
    deadline: dt.date

    def days_left(self, today: dt.date) -> int:
        return (self.deadline - today).days


def deadlines(s: Session, actor: Actor, location_id: int) -> list[DeadlineRow]:
    """Every open dossier with a deadline, the nearest first."""
    actor.check_location(location_id)
    q = (select(m.Dossier.id, m.Dossier.client_id, m.Dossier.number, m.Dossier.kind,
                m.Client.first_name, m.Client.last_name, m.Client.number.label("cn"),
                m.Dossier.opened_on, m.Dossier.deadline)
         .join(m.Client, m.Client.id == m.Dossier.client_id)
         .where(m.Dossier.location_id == location_id, m.Dossier.closed_on.is_(None),
                m.Dossier.deadline.is_not(None))
         .order_by(m.Dossier.deadline, m.Dossier.id))
    return [DeadlineRow(r.id, r.client_id, r.number, r.kind,
                        f"{r.first_name or ''} {r.last_name or ''}".strip() + f" ({r.cn})",
                        r.opened_on, r.deadline) for r in s.execute(q)]


def due_count(s: Session, actor: Actor, location_id: int, today: dt.date | None = None) -> int:
    """Open dossiers whose deadline is past or within SOON_DAYS days."""
    actor.check_location(location_id)
    today = today or dt.date.today()
    return s.scalar(select(func.count(m.Dossier.id)).where(
        m.Dossier.location_id == location_id, m.Dossier.closed_on.is_(None),
        m.Dossier.deadline <= today + dt.timedelta(days=SOON_DAYS))) or 0
