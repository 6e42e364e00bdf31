"""Small look-ups the desk's forms need: choices for reference fields,
the next free record number, the logged-in user's volunteer record."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import Integer, func, or_, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.records import KINDS
from vwdesk.core.services.base import Actor


def volunteer_name(v: m.Volunteer) -> str:
    return f"{v.first_name or ''} {v.last_name or ''}".strip() or v.number


def volunteers(s: Session, actor: Actor, location_id: int, team: str | None = None,
               active_on: dt.date | None = None) -> list[tuple[int, str]]:
    """(id, name) of the location's volunteers, optionally of one team and
    active on a date."""
    actor.check_location(location_id)
    q = select(m.Volunteer).where(m.Volunteer.location_id == location_id)
    if team is not None:
        q = q.where(m.Volunteer.team == team)
    if active_on is not None:
        q = q.where(m.Volunteer.start <= active_on,
                    or_(m.Volunteer.end.is_(None), m.Volunteer.end >= active_on))
    q = q.order_by(m.Volunteer.first_name, m.Volunteer.last_name, m.Volunteer.id)
    return [(v.id, volunteer_name(v)) for v in s.scalars(q)]


def ref_options(s: Session, actor: Actor, ref_kind: str, location_id: int) -> list[tuple[int, str]]:
    """(id, label) choices for a reference field to a small kind (not clients)."""
    actor.check_location(location_id)
    if ref_kind == "volunteers":
        return volunteers(s, actor, location_id)
    model = KINDS[ref_kind].model
    if ref_kind == "municipalities":
        q = select(model.id, model.name).order_by(model.name)
    elif ref_kind == "programmes":
        q = select(model.id, model.name).order_by(model.name)
    elif ref_kind == "dwellings":
        q = select(model.id, func.coalesce(model.number + " " + func.coalesce(model.address, ""),
                                           model.number)).order_by(model.number)
    else:
        raise KeyError(ref_kind)
    q = q.where(model.location_id == location_id)
    return [(i, str(label).strip()) for i, label in s.execute(q)]


_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _style(number: str | None, year: int | None) -> tuple[str, int] | None:
    """(prefix, width) of a number, a year in the prefix made `year` (unless
    None): "GH2025-031" → ("GH2026-", 3) for 2026. None when it ends in no digits."""
    match = _NUMBERED.match(number or "")
    if match is None:
        return None
    prefix, width = match.group(1), len(match.group(2))
    years = list(_YEAR.finditer(prefix)) if year is not None else []
    if years:  # the last year in the prefix is the numbering year
        found = years[-1]
        prefix = f"{prefix[:found.start()]}{year}{prefix[found.end():]}"
    return prefix, width


def _last_by(s: Session, model, col, location_id: int, field: str) -> dict[Any, str]:
    """The number of the last record made per value of `field`."""
    value = getattr(model, field)
    last_ids = select(func.max(model.id)).where(model.location_id == location_id) \
        .group_by(value).scalar_subquery()
    return dict(s.execute(select(value, col).where(model.id.in_(last_ids))).all())


def next_number(s: Session, actor: Actor, kind_key: str, location_id: int,
                on: dt.date | None = None, within: Any = None) -> str:
    """A free number for a new record, in the location's own style: the
    prefix and width of the last record made ("C00041" → "C00042", "2019-7" →
    "2019-8"), one more than the highest number in that style (the highest
    is found in SQL). A year in the prefix becomes the year of `on` (default
    today): the first dossier of 2026 after "GH2025-031" is "GH2026-001".
    "1" when the location numbers nothing yet.

    Where numbers may differ by a field (`RecordKind.numbered_within`: a
    dossier's kind) and `within` is its value, the style is that of the last record
    with that value: an asiel dossier after "GH2026-004" (gezinshereniging)
    and "AS2026-002" (asiel) is "AS2026-003". A value without records of its
    own takes the style the others share when that style cannot be theirs
    alone: shared by two values or more, or without letters ("2026-004").
    Otherwise nothing is proposed (""): "GH…" for a first asiel dossier would
    be wrong, and the user types its first number."""
    actor.check_location(location_id)
    model = KINDS[kind_key].model
    col = getattr(model, KINDS[kind_key].number_field)
    # Only a kind whose records open on a date (a dossier) numbers by its year;
    # a client numbered "2019-7" is followed by "2019-8".
    year = (on or dt.date.today()).year if KINDS[kind_key].numbered_by else None
    field = KINDS[kind_key].numbered_within
    if field is not None and within is not None:
        last_by = _last_by(s, model, col, location_id, field)
        if within in last_by:
            style = _style(last_by[within], year)
        elif not last_by:
            style = None
        else:
            styles = {_style(number, year) for number in last_by.values()}
            shared = styles.pop() if len(styles) == 1 else None
            if shared is None or (len(last_by) < 2 and any(ch.isalpha() for ch in shared[0])):
                return ""
            style = shared
    else:
        last = s.scalar(select(col).where(model.location_id == location_id)
                        .order_by(model.id.desc()).limit(1))
        style = _style(last, year)
    prefix, width = style or ("", 1)
    sqlite = s.bind.dialect.name == "sqlite"
    tail = func.substr(col, len(prefix) + 1)
    only_digits = tail.op("NOT GLOB")("*[^0-9]*") if sqlite else tail.op("~")("^[0-9]+$")
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    highest = s.scalar(select(func.max(func.cast(tail, Integer))).where(
        model.location_id == location_id, col.like(like, escape="\\"), tail != "",
        func.length(tail) <= 9, only_digits))
    return f"{prefix}{(highest or 0) + 1:0{width}d}"


def new_values(s: Session, actor: Actor, kind_key: str, location_id: int,
               on: dt.date | None = None, within: Any = None) -> dict[str, Any]:
    """What a new record's form starts with: the model's own defaults (e.g.
    year figure mode "invoer"), `on` (default today) in the kind's opening
    date (a dossier's "Geopend") and a free number of that date's year (and
    of `within`, the dossier's kind chosen, see `next_number`)."""
    kind = KINDS[kind_key]
    on = on or dt.date.today()
    values: dict[str, Any] = {}
    for f in kind.fields:
        column = kind.model.__table__.c.get(f.name)
        if column is not None and column.default is not None and column.default.is_scalar:
            values[f.name] = column.default.arg
    if kind.numbered_by:
        values[kind.numbered_by] = on
    if kind.number_field == "number":
        values["number"] = next_number(s, actor, kind_key, location_id, on, within)
    return values


def own_volunteer_id(s: Session, actor: Actor) -> int | None:
    """The volunteer record of the logged-in user, if it has one."""
    if actor.user_id is None:
        return None
    return s.scalar(select(m.User.volunteer_id).where(m.User.id == actor.user_id))


# How each plain list is ordered (newest first where a date leads).
_LIST_ORDER = {
    "volunteers": ("first_name", "last_name"),
    "dwellings": ("-available_on", "number"),
    "year_figures": ("-year", "key"),
    "programmes": ("name",),
    "municipalities": ("name",),
}


def list_records(s: Session, actor: Actor, kind_key: str, location_id: int,
                 limit: int = 2000) -> list[tuple[int, int, dict]]:
    """(id, version, values) of a small kind's records at the location."""
    actor.check_location(location_id)
    kind = KINDS[kind_key]
    model = kind.model
    order = [getattr(model, o.lstrip("-")).desc() if o.startswith("-") else getattr(model, o)
             for o in _LIST_ORDER[kind_key]]
    q = select(model).where(model.location_id == location_id).order_by(*order, model.id).limit(limit)
    return [(obj.id, obj.version, {f.name: getattr(obj, f.name) for f in kind.fields})
            for obj in s.scalars(q)]
