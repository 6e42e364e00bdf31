"""Reading and saving what a report is made of besides the figures: the
teamleader's prose per section and year (`ReportText`, through the write path
of `services.base`) and the location's template (`Location.report_template`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.errors import NotFound, ValidationError
from vwdesk.core.services.base import Actor, audit, create, update
from vwdesk.core.services.topics import topic_groups, topics_of
from vwdesk.report.standard import template_of
from vwdesk.report.template import check_template, check_text


def load_texts(s: Session, location_id: int, year: int) -> dict[str, str]:
    rows = s.execute(select(m.ReportText.section, m.ReportText.text)
                     .where(m.ReportText.location_id == location_id, m.ReportText.year == year))
    return {section: text or "" for section, text in rows}


def save_text(s: Session, actor: Actor, location_id: int, year: int, section: str,
              text: str) -> m.ReportText:
    """Create or update the prose of one section and year (teamleader only).
    Placeholders are checked first; a wrong one raises a ValidationError on
    field `text`."""
    if msg := check_text(text, municipalities=municipality_names(s, location_id),
                         topics=topic_names(s, location_id)):
        raise ValidationError(msg, field="text")
    row = s.scalar(select(m.ReportText).where(
        m.ReportText.location_id == location_id, m.ReportText.year == year,
        m.ReportText.section == section))
    if row is None:
        return create(s, actor, "report_texts", location_id,
                      {"year": year, "section": section, "text": text})
    if (row.text or "") == text:
        return row
    return update(s, actor, "report_texts", row.id, row.version, {"text": text})


def municipality_names(s: Session, location_id: int) -> list[str]:
    return list(s.scalars(select(m.Municipality.name)
                          .where(m.Municipality.location_id == location_id)
                          .order_by(m.Municipality.name)))


def topic_names(s: Session, location_id: int) -> list[str]:
    """The topics and topic groups a template may name in `onderwerp=`."""
    return [name for _, name in topics_of(s, location_id, active_only=False)] + \
        sorted(topic_groups(s, location_id))


def kept_at(s: Session, location_id: int) -> frozenset[str]:
    """What the location keeps of the figures only some locations keep
    (`missing.kept_by`): what it typed in a figure of in any year, and the
    programmes it registered a coupling of."""
    from vwdesk.report.missing import kept_by

    typed = s.scalars(select(m.YearFigure.key).distinct()
                      .where(m.YearFigure.location_id == location_id))
    coupled = s.scalars(select(m.Programme.key).distinct()
                        .join(m.Coupling, m.Coupling.programme_id == m.Programme.id)
                        .where(m.Programme.location_id == location_id))
    return frozenset({kept_by(key) for key in typed} - {None}
                     | {f"koppelingen.{key}" for key in coupled})


def load_template(s: Session, location_id: int) -> dict[str, Any]:
    loc = s.get(m.Location, location_id)
    if loc is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    return template_of(loc.report_template)


def save_template(s: Session, actor: Actor, location_id: int, template: dict[str, Any]) -> None:
    """Store a location's template after checking every placeholder (teamleader
    of that location, or beheerder)."""
    actor.check_location(location_id)
    actor.require_teamleader()
    errors = check_template(template, municipality_names(s, location_id),
                            topic_names(s, location_id))
    if errors:
        raise ValidationError(errors)
    loc = s.get(m.Location, location_id)
    if loc is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    loc.report_template = template
    loc.updated_by_id = actor.user_id
    s.flush()
    audit(s, actor, "update", "locations", location_id, location_id=location_id,
          changes={"report_template": ["<sjabloon>", "<sjabloon>"]})
