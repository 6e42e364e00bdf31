"""Couplings per programme: overview, waiting list, coaches to match, and
the 3- and 6-month evaluations that are due."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.services.base import Actor
from vwdesk.core.services.desk import volunteers

WAITING, RUNNING, ENDED = "wachtend", "lopend", "beëindigd"
STATES = (WAITING, RUNNING, ENDED)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def evaluation_dates(started_on: dt.date) -> tuple[dt.date, dt.date]:
    """When the 3- and 6-month evaluations are due for a coupling started then."""
    return add_months(started_on, 3), add_months(started_on, 6)


def _state():
    return case((m.Coupling.ended_on.is_not(None), ENDED),
                (m.Coupling.started_on.is_not(None), RUNNING), else_=WAITING)


@dataclass(frozen=True)
class ProgrammeOverview:
    id: int
    key: str
    name: str
    waiting: int
    running: int
    ended: int


def overview(s: Session, actor: Actor, location_id: int) -> list[ProgrammeOverview]:
    """Per programme of the location: how many couplings wait, run, ended."""
    actor.check_location(location_id)
    c = m.Coupling

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    # Three sums rather than GROUP BY the state expression: PostgreSQL cannot
    # match a grouped CASE whose literals are bound parameters.
    counts = (select(c.programme_id,
                     count(c.ended_on.is_(None) & c.started_on.is_(None)),
                     count(c.ended_on.is_(None) & c.started_on.is_not(None)),
                     count(c.ended_on.is_not(None)))
              .where(c.location_id == location_id).group_by(c.programme_id))
    per: dict[int, dict[str, int]] = {
        pid: {WAITING: waiting or 0, RUNNING: running or 0, ENDED: ended or 0}
        for pid, waiting, running, ended in s.execute(counts)}
    q = select(m.Programme).where(m.Programme.location_id == location_id).order_by(m.Programme.name)
    return [ProgrammeOverview(p.id, p.key, p.name, per.get(p.id, {}).get(WAITING, 0),
                              per.get(p.id, {}).get(RUNNING, 0), per.get(p.id, {}).get(ENDED, 0))
            for p in s.scalars(q)]


@dataclass(frozen=True)
class CouplingRow:
    id: int
    number: str
    programme: str
    client: str
    coach: str
    signed_up_on: dt.date
    started_on: dt.date | None
    evaluation_3m_on: dt.date | None
    evaluation_6m_on: dt.date | None
    ended_on: dt.date | None
    result: str | None
    state: str

    @property
    def next_evaluation(self) -> tuple[str, dt.date] | None:
        """The evaluation still to hold ('3m' or '6m') and when it is due."""
        if self.state != RUNNING or self.started_on is None:
            return None
        due3, due6 = evaluation_dates(self.started_on)
        if self.evaluation_3m_on is None:
            return "3m", due3
        if self.evaluation_6m_on is None:
            return "6m", due6
        return None


def _rows(s: Session, q) -> list[CouplingRow]:
    coach = m.Volunteer
    q = (q.add_columns(m.Programme.name.label("programme"), m.Client.first_name, m.Client.last_name,
                       m.Client.number.label("cn"), coach.first_name.label("vf"),
                       coach.last_name.label("vl"), _state().label("state"))
         .join(m.Programme, m.Programme.id == m.Coupling.programme_id)
         .outerjoin(m.Client, m.Client.id == m.Coupling.client_id)
         .outerjoin(coach, coach.id == m.Coupling.coach_id))
    out = []
    for r in s.execute(q):
        cp = r[0]
        client = (f"{r.first_name or ''} {r.last_name or ''}".strip() + f" ({r.cn})") if r.cn else ""
        out.append(CouplingRow(cp.id, cp.number, r.programme, client,
                               f"{r.vf or ''} {r.vl or ''}".strip(), cp.signed_up_on,
                               cp.started_on, cp.evaluation_3m_on, cp.evaluation_6m_on,
                               cp.ended_on, cp.result, r.state))
    return out


def couplings(s: Session, actor: Actor, location_id: int, programme_id: int,
              state: str) -> list[CouplingRow]:
    """The programme's couplings in one state; the waiting list oldest first."""
    actor.check_location(location_id)
    q = select(m.Coupling).where(m.Coupling.location_id == location_id,
                                 m.Coupling.programme_id == programme_id, _state() == state)
    if state == WAITING:
        q = q.order_by(m.Coupling.signed_up_on, m.Coupling.id)
    elif state == RUNNING:
        q = q.order_by(m.Coupling.started_on, m.Coupling.id)
    else:
        q = q.order_by(m.Coupling.ended_on.desc(), m.Coupling.id.desc()).limit(500)
    return _rows(s, q)


def coaches(s: Session, actor: Actor, location_id: int, programme_id: int,
            today: dt.date | None = None) -> list[tuple[int, str]]:
    """Active volunteers of the programme's team (team = programme key)."""
    key = s.scalar(select(m.Programme.key).where(m.Programme.id == programme_id,
                                                 m.Programme.location_id == location_id))
    if key is None:
        return []
    return volunteers(s, actor, location_id, team=key, active_on=today or dt.date.today())


@dataclass(frozen=True)
class Reminder:
    coupling_id: int
    number: str
    programme: str
    client: str
    coach: str
    evaluation: str  # 3m / 6m
    due: dt.date


def reminders(s: Session, actor: Actor, location_id: int) -> list[Reminder]:
    """Running couplings with an evaluation still to hold, the earliest due first."""
    actor.check_location(location_id)
    q = select(m.Coupling).where(m.Coupling.location_id == location_id, _state() == RUNNING,
                                 (m.Coupling.evaluation_3m_on.is_(None))
                                 | (m.Coupling.evaluation_6m_on.is_(None)))
    out = []
    for r in _rows(s, q):
        nxt = r.next_evaluation
        if nxt:
            out.append(Reminder(r.id, r.number, r.programme, r.client, r.coach, nxt[0], nxt[1]))
    out.sort(key=lambda x: (x.due, x.coupling_id))
    return out


def due_count(s: Session, actor: Actor, location_id: int, today: dt.date | None = None,
              days: int = 14) -> int:
    today = today or dt.date.today()
    return sum(1 for r in reminders(s, actor, location_id) if r.due <= today + dt.timedelta(days=days))
