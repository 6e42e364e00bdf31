"""Locations, the municipalities they serve and their coupling programmes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.errors import NotFound, ValidationError
from vwdesk.core.services.base import Actor, audit


def find_location(s: Session, name: str) -> m.Location | None:
    return s.scalar(select(m.Location).where(m.Location.name == name.strip()))


def location(s: Session, actor: Actor, location_id: int) -> m.Location:
    """The location by id, if `actor` may see it."""
    actor.check_location(location_id)
    loc = s.get(m.Location, location_id)
    if loc is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    return loc


def programme_keys(s: Session, actor: Actor, location_id: int) -> list[str]:
    """The short names of the location's coupling programmes."""
    actor.check_location(location_id)
    return list(s.scalars(select(m.Programme.key).where(m.Programme.location_id == location_id)
                          .order_by(m.Programme.key)))


def get_location(s: Session, name: str) -> m.Location:
    loc = find_location(s, name)
    if loc is None:
        known = ", ".join(s.scalars(select(m.Location.name).order_by(m.Location.name))) or "geen"
        raise NotFound(f"Locatie \"{name}\" bestaat niet; bekende locaties: {known}.")
    return loc


def create_location(s: Session, actor: Actor, name: str,
                    municipalities: list[str] | None = None) -> m.Location:
    """A new location serving `municipalities` (default: one of the same name;
    an empty list: none yet), with the default coupling programmes."""
    name = name.strip()
    if not name:
        raise ValidationError("De naam van de locatie is verplicht.", field="name")
    if len(name) > 100:
        raise ValidationError("De naam van de locatie mag hoogstens 100 tekens zijn.", field="name")
    if find_location(s, name) is not None:
        raise ValidationError(f"Locatie \"{name}\" bestaat al; kies een andere naam.", field="name")
    loc = m.Location(name=name, created_by_id=actor.user_id, updated_by_id=actor.user_id)
    s.add(loc)
    s.flush()
    for mun in [name] if municipalities is None else municipalities:
        s.add(m.Municipality(location_id=loc.id, name=mun, created_by_id=actor.user_id,
                             updated_by_id=actor.user_id))
    for key, label in vocab.DEFAULT_PROGRAMMES:
        s.add(m.Programme(location_id=loc.id, key=key, name=label, created_by_id=actor.user_id,
                          updated_by_id=actor.user_id))
    s.flush()
    audit(s, actor, "create", "locations", loc.id, location_id=loc.id, changes={"name": [None, name]})
    return loc


def get_or_create_location(s: Session, actor: Actor, name: str) -> m.Location:
    return find_location(s, name) or create_location(s, actor, name)


def locations(s: Session, actor: Actor) -> list[tuple[int, str]]:
    """(id, name) of the locations `actor` may work at, by name: all of them
    for a beheerder, else the user's own."""
    q = select(m.Location.id, m.Location.name).order_by(m.Location.name)
    if not actor.is_admin:
        q = q.where(m.Location.id == actor.location_id)
    return [(i, n) for i, n in s.execute(q)]
