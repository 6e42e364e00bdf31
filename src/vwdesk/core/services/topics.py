"""A location's list of topics (onderwerpen) and its topic groups.

Every location has the shared list (the topics linked to no location) plus
its own topics, which a beheerder adds (`add_topic`). A teamleader groups
topics for the report (`set_topic_group`: "juridisch" = gezinshereniging,
naturalisatie, ...), so `{contacten.aantal onderwerp=juridisch}` counts the
group. Every change is audited.
"""

from __future__ import annotations

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.errors import ValidationError
from vwdesk.core.services.base import Actor, audit
from vwdesk.core.text import fold

NAME_MAX = 64


def _visible(location_id: int | None):
    """SQL: the topic is on the location's list (shared, or its own)."""
    linked = select(m.LocationTopic.topic_id)
    own = select(m.LocationTopic.topic_id).where(m.LocationTopic.location_id == location_id)
    return or_(m.Topic.id.not_in(linked), m.Topic.id.in_(own))


def topics_of(s: Session, location_id: int | None, *,
              active_only: bool = True) -> list[tuple[int, str]]:
    """(id, name) of the topics on the location's list (no location: the
    shared list), by name."""
    q = select(m.Topic.id, m.Topic.name).where(_visible(location_id)).order_by(m.Topic.name)
    if active_only:
        q = q.where(m.Topic.active.is_(True))
    return [(i, n) for i, n in s.execute(q)]


def own_topics(s: Session, location_id: int) -> list[str]:
    """The names of the location's own topics, by name."""
    return list(s.scalars(select(m.Topic.name).join(
        m.LocationTopic, m.LocationTopic.topic_id == m.Topic.id)
        .where(m.LocationTopic.location_id == location_id).order_by(m.Topic.name)))


def topic_groups(s: Session, location_id: int) -> dict[str, list[str]]:
    """The location's topic groups: group name → topic names, by name."""
    rows = s.execute(select(m.TopicGroup.name, m.Topic.name)
                     .join(m.Topic, m.Topic.id == m.TopicGroup.topic_id)
                     .where(m.TopicGroup.location_id == location_id)
                     .order_by(m.TopicGroup.name, m.Topic.name))
    out: dict[str, list[str]] = {}
    for group, topic in rows:
        out.setdefault(group, []).append(topic)
    return out


def _name(text: str, what: str) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise ValidationError(f"De naam van {what} is verplicht; vul een naam in.", field="name")
    if len(name) > NAME_MAX:
        raise ValidationError(f"De naam van {what} is te lang ({len(name)} tekens); hoogstens "
                              f"{NAME_MAX} tekens.", field="name")
    return name


def add_topic(s: Session, actor: Actor, location_id: int, name: str) -> int:
    """Add a topic to the location's list (beheerder only); returns its id. A
    topic another location already has is shared with this one."""
    actor.require_admin()
    name = _name(name, "het onderwerp")
    if fold(name) in {fold(n) for _, n in topics_of(s, location_id, active_only=False)}:
        raise ValidationError(f"Onderwerp \"{name}\" staat al in de lijst van deze locatie.",
                              field="name")
    topic = s.scalar(select(m.Topic).where(m.Topic.name == name))
    if topic is None:
        topic = m.Topic(name=name)
        s.add(topic)
        s.flush()
    s.add(m.LocationTopic(location_id=location_id, topic_id=topic.id))
    s.flush()
    audit(s, actor, "create", "location_topics", topic.id, location_id=location_id,
          changes={"name": [None, name]})
    return topic.id


def set_topic_group(s: Session, actor: Actor, location_id: int, group: str,
                    names: list[str]) -> None:
    """Make `group` the topics `names` (teamleader or beheerder); no names:
    the group is removed."""
    actor.check_location(location_id)
    actor.require_teamleader()
    group = _name(group, "de onderwerpgroep")
    known = {fold(n): (i, n) for i, n in topics_of(s, location_id, active_only=False)}
    if fold(group) in known:
        raise ValidationError(f"Onderwerpgroep \"{group}\" heet als een onderwerp; kies een "
                              "andere naam, zodat onderwerp= niet twijfelt.", field="name")
    unknown = [n for n in names if fold(n) not in known]
    if unknown:
        raise ValidationError(f"Onderwerp \"{unknown[0]}\" staat niet in de lijst van deze "
                              "locatie; kies een onderwerp uit de lijst.", field="topics")
    groups = topic_groups(s, location_id)
    group = next((g for g in groups if fold(g) == fold(group)), group)  # its own spelling
    old = groups.get(group, [])
    new = sorted({known[fold(n)][1] for n in names})
    if old == new:
        return
    s.execute(delete(m.TopicGroup).where(m.TopicGroup.location_id == location_id,
                                         m.TopicGroup.name == group))
    s.add_all(m.TopicGroup(location_id=location_id, name=group, topic_id=known[fold(n)][0])
              for n in new)
    s.flush()
    audit(s, actor, "update", "topic_groups", None, location_id=location_id,
          changes={group: [old or None, new or None]})
