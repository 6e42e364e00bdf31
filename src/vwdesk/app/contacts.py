"""Contacts at the desk: registering a visit with its topics, correcting or
removing one, the day's list, and what the visit form offers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from vwdesk.app.desk import Part, Saved
from vwdesk.core.services import contacts as service
from vwdesk.core.services import desk as desk_service
from vwdesk.core.services.contacts import ContactForEdit, ContactRow

__all__ = ["ContactForEdit", "ContactRow", "Contacts", "DayOf", "VisitChoices"]

KINDS = frozenset({"contacts"})


@dataclass(frozen=True)
class DayOf:
    """The contacts of `day` at the location, newest first."""

    day: dt.date
    rows: list[ContactRow]


@dataclass(frozen=True)
class VisitChoices:
    """What the visit form offers: the topics, the staff active today, and
    the logged-in user's own staff record (the default "Medewerker")."""

    topics: list[tuple[int, str]]
    volunteers: list[tuple[int, str]]
    own_volunteer_id: int | None


class Contacts(Part):
    def choices(self, today: dt.date | None = None) -> VisitChoices:
        def load(s) -> VisitChoices:
            return VisitChoices(
                service.topics(s),
                desk_service.volunteers(s, self.actor, self.location_id,
                                        active_on=today or dt.date.today()),
                desk_service.own_volunteer_id(s, self.actor))

        return self.read(load)

    def register(self, values: dict[str, Any], topic_ids: list[int]) -> Saved:
        """Save a new contact; `detail` is its day's list as it is now (see
        `_with_day`)."""
        def save(s) -> Saved:
            c = service.register(s, self.actor, self.location_id, values, topic_ids)
            return self._with_day(s, c)

        return self.write(save)

    def change(self, contact_id: int, version: int, values: dict[str, Any],
               topic_ids: list[int]) -> Saved:
        """Save a correction; `detail` is the contact's day list, as after
        `register`."""
        def save(s) -> Saved:
            c = service.change(s, self.actor, contact_id, version, values, topic_ids)
            return self._with_day(s, c)

        return self.write(save)

    def _with_day(self, s, contact) -> Saved:
        """The write's outcome with the list of the contact's day, read in
        its transaction: the visit form shows the saved visit in the same
        turn as it empties itself (one repaint, no second trip to the
        database)."""
        return Saved(KINDS, contact.id, contact.version,
                     DayOf(contact.date, service.day_list(s, self.actor, contact.location_id,
                                                          contact.date)))

    def remove(self, contact_id: int, version: int) -> Saved:
        self.write(lambda s: service.remove(s, self.actor, contact_id, version))
        return Saved(KINDS, contact_id)

    def day_list(self, day: dt.date) -> list[ContactRow]:
        return self.read(lambda s: service.day_list(s, self.actor, self.location_id, day))

    def for_edit(self, contact_id: int) -> ContactForEdit:
        return self.read(lambda s: service.for_edit(s, self.actor, contact_id))
