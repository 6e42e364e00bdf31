"""Finding clients: search as you type, rows for the lazy list, likely
duplicates, and a client's whole history as one timeline.

Everything is scoped to one location the actor may see. The search
(`client_search`) returns ids ranked by fit; the list fetches the rows it
shows in pages.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from vwdesk.core import models as m
from vwdesk.core.dates import parse_date
from vwdesk.core.services import client_search
from vwdesk.core.services.base import Actor
from vwdesk.core.services.client_search import Fit, Match, SearchResult
from vwdesk.core.text import fold_words

__all__ = ["ClientRow", "Event", "Fit", "Found", "Match", "SearchResult", "find", "find_ranked",
           "label", "likely_duplicates", "parse_date", "row", "rows", "search", "search_ids",
           "timeline"]


def search(s: Session, actor: Actor, location_id: int, query: str,
           limit: int | None = None) -> SearchResult:
    """The clients of `location_id` matching `query`, best fit first, each
    with its fit, and whether the first is clearly the one meant (Enter may
    take it); see `client_search` for what a query may hold."""
    actor.check_location(location_id)
    return client_search.search(s.connection(), location_id, query, limit)


def search_ids(s: Session, actor: Actor, location_id: int, query: str = "",
               limit: int | None = None) -> list[int]:
    """Ids of the clients of `location_id` matching `query`, best fit first
    (`search`); at most `limit` of them. An empty query lists every client in
    name order."""
    actor.check_location(location_id)
    if not (query or "").strip():
        return _all_ids(s, location_id, limit)
    return search(s, actor, location_id, query, limit).ids


def _all_ids(s: Session, location_id: int, limit: int | None) -> list[int]:
    """Every client id of the location in name order. At 100,000 clients this
    is the one large result, read straight from the DBAPI cursor (SQLAlchemy's
    row objects would make it 2.5 times slower); the location id is an int
    from the actor check, written into the statement."""
    q = (select(m.Client.id).where(m.Client.location_id == int(location_id))
         .order_by(m.Client.search_name, m.Client.id))
    if limit is not None:
        q = q.limit(int(limit))
    sql = q.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True})
    cursor = s.connection().connection.cursor()
    try:
        cursor.execute(str(sql))
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


@dataclass(frozen=True)
class ClientRow:
    """What the client list shows for one client (no notes, no contact details)."""

    id: int
    number: str
    first_name: str
    last_name: str
    birth_date: dt.date | None
    nationality: str | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def rows(s: Session, actor: Actor, location_id: int, ids: list[int]) -> dict[int, ClientRow]:
    """The list rows of these clients (one query), keyed by id."""
    actor.check_location(location_id)
    if not ids:
        return {}
    result = s.execute(
        select(m.Client.id, m.Client.number, m.Client.first_name, m.Client.last_name,
               m.Client.birth_date, m.Client.nationality)
        .where(m.Client.location_id == location_id, m.Client.id.in_(ids)))
    return {r.id: ClientRow(r.id, r.number, r.first_name or "", r.last_name or "", r.birth_date,
                            r.nationality) for r in result}


def row(s: Session, actor: Actor, client_id: int) -> ClientRow | None:
    client = s.get(m.Client, client_id)
    if client is None:
        return None
    actor.check_location(client.location_id)
    return rows(s, actor, client.location_id, [client_id]).get(client_id)


def id_of_number(s: Session, actor: Actor, location_id: int, number: str) -> int | None:
    """The id of the client with this number at the location, if any."""
    actor.check_location(location_id)
    return s.scalar(select(m.Client.id).where(m.Client.location_id == location_id,
                                              m.Client.number == number.strip()))


def label(r: ClientRow) -> str:
    """How a client is named in pickers and lists: name, number, birth date."""
    birth = f", {r.birth_date:%d-%m-%Y}" if r.birth_date else ""
    return f"{r.name or '—'} ({r.number}{birth})"


def find(s: Session, actor: Actor, location_id: int, query: str, limit: int = 20) -> list[ClientRow]:
    """The first `limit` matches of a search, best fit first, as rows (for a
    completer)."""
    ids = search_ids(s, actor, location_id, query, limit)
    found = rows(s, actor, location_id, ids)
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class Found:
    """A completer's matches: rows best first with their fit, whether Enter
    may take the first (`SearchResult.clear`), and whether there are more."""

    rows: list[tuple[ClientRow, Fit]]
    clear: bool
    more: bool


def find_ranked(s: Session, actor: Actor, location_id: int, query: str,
                limit: int = 20) -> Found:
    """The first `limit` matches of a search as rows with their fit."""
    result = search(s, actor, location_id, query, limit)
    found = rows(s, actor, location_id, result.ids)
    return Found([(found[mt.client_id], mt.fit) for mt in result.matches
                  if mt.client_id in found], result.clear, result.more)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if set(a.split()) & set(b.split()):
        return True
    return difflib.SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")).ratio() >= 0.8


def likely_duplicates(s: Session, actor: Actor, location_id: int, first_name: str | None,
                      last_name: str | None, birth_date: dt.date | None,
                      exclude_id: int | None = None) -> list[ClientRow]:
    """Clients with the same birth date and a similar name (a shared name
    part, or folded names at least 80 % alike)."""
    actor.check_location(location_id)
    if birth_date is None:
        return []
    name = fold_words(f"{first_name or ''} {last_name or ''}")
    if not name:
        return []
    q = select(m.Client.id, m.Client.search_name).where(
        m.Client.location_id == location_id, m.Client.birth_date == birth_date)
    if exclude_id is not None:
        q = q.where(m.Client.id != exclude_id)
    ids = [r.id for r in s.execute(q) if _similar(name, r.search_name)]
    found = rows(s, actor, location_id, ids)
    return [found[i] for i in ids]


@dataclass(frozen=True)
class Event:
    """One line of a client's timeline."""

    date: dt.date
    kind: str  # contacts / dossiers / trajectories / couplings
    row_id: int
    title: str
    detail: str


def timeline(s: Session, actor: Actor, client_id: int) -> list[Event]:
    """Everything that happened with a client, newest first."""
    client = s.get(m.Client, client_id)
    if client is None:
        return []
    actor.check_location(client.location_id)
    events: list[Event] = []
    contacts = s.scalars(select(m.Contact).options(selectinload(m.Contact.topics))
                         .where(m.Contact.client_id == client_id))
    for c in contacts:
        topics = ", ".join(t.name for t in c.topics)
        events.append(Event(c.date, "contacts", c.id, c.kind, topics))
    for d in s.scalars(select(m.Dossier).where(m.Dossier.client_id == client_id)):
        state = f"gesloten {d.closed_on:%d-%m-%Y}" + (f", {d.outcome}" if d.outcome else "") \
            if d.closed_on else "open" + (f", termijn {d.deadline:%d-%m-%Y}" if d.deadline else "")
        events.append(Event(d.opened_on, "dossiers", d.id, f"dossier {d.kind} ({d.number})", state))
    for t in s.scalars(select(m.Trajectory).where(m.Trajectory.client_id == client_id)):
        end = f"tot {t.end:%d-%m-%Y}" if t.end else "loopt"
        events.append(Event(t.start, "trajectories", t.id, f"traject {t.kind}", end))
    q = (select(m.Coupling, m.Programme.name).join(m.Programme)
         .where(m.Coupling.client_id == client_id))
    for cp, programme in s.execute(q):
        if cp.ended_on:
            state = f"beëindigd {cp.ended_on:%d-%m-%Y}, {cp.result or ''}".rstrip(", ")
        elif cp.started_on:
            state = f"gestart {cp.started_on:%d-%m-%Y}"
        else:
            state = "wachtlijst"
        events.append(Event(cp.signed_up_on, "couplings", cp.id, f"koppeling {programme}", state))
    events.sort(key=lambda e: (e.date, e.row_id), reverse=True)
    return events
