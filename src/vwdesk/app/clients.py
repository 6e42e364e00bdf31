"""Clients at the desk: search, the list's rows, likely duplicates, a
client's page (details and timeline) and the access log entry opening it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from vwdesk.app.desk import Part
from vwdesk.core.records import KINDS
from vwdesk.core.services import base
from vwdesk.core.services import clients as service
from vwdesk.core.services.client_search import Fit
from vwdesk.core.services.clients import ClientRow, Event, Found, label

__all__ = ["ClientDetails", "ClientRow", "Clients", "Event", "Fit", "Found", "Listing", "label"]


@dataclass(frozen=True)
class Listing:
    """What the client list shows for a search: the ids in list order, how
    each matches (nothing for the empty search: every client, by name),
    whether the first is clearly the one meant, and the rows of the first."""

    ids: list[int]
    fits: dict[int, Fit]
    clear: bool
    rows: dict[int, ClientRow]


@dataclass(frozen=True)
class ClientDetails:
    """Everything a client's page shows besides the timeline: the stored
    values, and the names of what they refer to."""

    id: int
    version: int
    values: dict[str, Any]
    dwelling: str | None  # number and address
    municipality: str | None
    anonymised: bool = False  # erased on request or by the retention run

    @property
    def name(self) -> str:
        return f"{self.values['first_name'] or ''} {self.values['last_name'] or ''}".strip()


class Clients(Part):
    def rows(self, ids: list[int]) -> dict[int, ClientRow]:
        return self.read(lambda s: service.rows(s, self.actor, self.location_id, ids))

    def row(self, client_id: int) -> ClientRow | None:
        return self.read(lambda s: service.row(s, self.actor, client_id))

    def listing(self, query: str, limit: int | None, first: int) -> Listing:
        """The matches (every client for an empty query) with the rows of
        the `first` of them, in one transaction: a keystroke is one trip."""
        def read(s) -> Listing:
            if not query.strip():
                ids = service.search_ids(s, self.actor, self.location_id, "")
                fits, clear = {}, False
            else:
                result = service.search(s, self.actor, self.location_id, query, limit)
                ids, clear = result.ids, result.clear
                fits = {m.client_id: m.fit for m in result.matches}
            return Listing(ids, fits, clear,
                           service.rows(s, self.actor, self.location_id, ids[:first]))

        return self.read(read)

    def find(self, query: str, limit: int = 20) -> Found:
        """The best matches as rows with their fit (the client picker)."""
        return self.read(lambda s: service.find_ranked(s, self.actor, self.location_id, query,
                                                       limit))

    def likely_duplicates(self, first_name: str | None, last_name: str | None,
                          birth_date: dt.date | None,
                          exclude_id: int | None = None) -> list[ClientRow]:
        return self.read(lambda s: service.likely_duplicates(
            s, self.actor, self.location_id, first_name, last_name, birth_date, exclude_id))

    def details(self, client_id: int) -> ClientDetails:
        def load(s) -> ClientDetails:
            client = base.get(s, self.actor, "clients", client_id)
            values = {f.name: getattr(client, f.name) for f in KINDS["clients"].fields}
            dwelling = municipality = None
            if client.dwelling_id is not None:
                d = s.get(KINDS["dwellings"].model, client.dwelling_id)
                dwelling = d.number + (f", {d.address}" if d.address else "")
            if client.municipality_id is not None:
                municipality = s.get(KINDS["municipalities"].model, client.municipality_id).name
            return ClientDetails(client.id, client.version, values, dwelling, municipality,
                                 client.anonymised_at is not None)

        return self.read(load)

    def timeline(self, client_id: int) -> list[Event]:
        return self.read(lambda s: service.timeline(s, self.actor, client_id))

    def record_page_open(self, client_id: int, reason: str) -> None:
        """The access log entry for opening a client's full page."""
        from vwdesk.privacy.access import record_page_open

        self.with_db(lambda db: record_page_open(db, self.actor, client_id, reason))
