"""A client's moves between dwellings: the dwelling history.

A client is housed in `Client.dwelling_id` on `housed_on`; every later move
(`Move`) takes them from one dwelling to another on a date. The report counts
moves (rehousing, from a temporary dwelling to a permanent one); the client
page shows the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.errors import ValidationError
from vwdesk.core.services import base
from vwdesk.core.services.base import Actor


@dataclass(frozen=True)
class Residence:
    """Where a client lived from `since` on (None: housing date unknown)."""

    since: dt.date | None
    dwelling_id: int | None
    number: str | None
    address: str | None
    status: str | None  # tijdelijk / sloop / woningdeling; None: a regular dwelling
    move_id: int | None  # None for the dwelling the client was housed in
    move_version: int | None


def _moves(s: Session, client_id: int) -> list[m.Move]:
    return list(s.scalars(select(m.Move).where(m.Move.client_id == client_id)
                          .order_by(m.Move.date, m.Move.id)))


def dwelling_history(s: Session, actor: Actor, client_id: int) -> list[Residence]:
    """The client's dwellings in order: the one they were housed in, then one
    per move."""
    client = base.get(s, actor, "clients", client_id)

    def residence(since, dwelling_id, move: m.Move | None) -> Residence:
        d = s.get(m.Dwelling, dwelling_id) if dwelling_id else None
        return Residence(since, dwelling_id, d.number if d else None, d.address if d else None,
                         d.status if d else None, move.id if move else None,
                         move.version if move else None)

    out = [residence(client.housed_on, client.dwelling_id, None)] \
        if client.dwelling_id or client.housed_on else []
    out += [residence(mv.date, mv.to_dwelling_id, mv) for mv in _moves(s, client_id)]
    return out


def register_move(s: Session, actor: Actor, client_id: int, date: dt.date,
                  to_dwelling_id: int, from_dwelling_id: int | None = None) -> m.Move:
    """Record that the client moved on `date` to another dwelling (by default
    from the dwelling they live in now), through the audited write path."""
    client = base.get(s, actor, "clients", client_id)
    history = dwelling_history(s, actor, client_id)
    if from_dwelling_id is None and history:
        from_dwelling_id = history[-1].dwelling_id
    last = max((r.since for r in history if r.since), default=None)
    if isinstance(date, dt.date) and last and date < last:
        raise ValidationError(
            {"date": f"Datum ({date:%d-%m-%Y}) ligt vóór {last:%d-%m-%Y}, toen de cliënt in de "
                     f"vorige woning kwam; kies een datum op of na {last:%d-%m-%Y}."})
    return base.create(s, actor, "moves", client.location_id,
                       {"client_id": client_id, "date": date, "to_dwelling_id": to_dwelling_id,
                        "from_dwelling_id": from_dwelling_id})
