"""Inzageverzoek: everything stored about one client, as a readable PDF and a
machine-readable JSON file.

What is in it: the client record, its contacts (with topics and notes),
dossiers, trajectories, couplings and moves between dwellings, the change history of those records and
who opened the client's page, when and why. Other people's personal data is
left out: volunteers and coaches are not named (only the users who changed or
opened the record, because the client has a right to know who did).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import NotFound, VwdeskError, local_time
from vwdesk.core.files import open_private, private_dir
from vwdesk.core.models import utcnow
from vwdesk.core.nationalities import by_code
from vwdesk.core.records import KINDS
from vwdesk.core.services.base import Actor, audit
from vwdesk.core.services.locations import get_location

log = logging.getLogger(__name__)
FORMAT = "vwdesk-inzage-1"
ACTIONS = {"create": "aangemaakt", "update": "gewijzigd", "delete": "verwijderd",
           "view": "pagina geopend", "anonymise": "geanonimiseerd", "export": "inzage gemaakt"}
# Links to other people (volunteers, coaches) are left out; see the docstring.
OMIT = {"volunteer_id", "coach_id", "client_id"}


def find_client(s: Session, actor: Actor, location_name: str, number: str) -> int:
    loc = get_location(s, location_name)
    actor.check_location(loc.id)
    cid = s.scalar(select(m.Client.id).where(m.Client.location_id == loc.id,
                                             m.Client.number == number.strip()))
    if cid is None:
        raise NotFound(f"Bij {loc.name} is geen cliënt met dit nummer; controleer het nummer.")
    return cid


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _record(s: Session, kind_key: str, obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in KINDS[kind_key].fields:
        if f.name in OMIT:
            continue
        value = getattr(obj, f.name)
        if f.type == "ref" and value is not None:
            target = s.get(KINDS[f.ref].model, value)
            value = " ".join(filter(None, (getattr(target, a, None) for a in ("number", "name",
                                                                           "address"))))
        out[f.name] = _plain(value)
    return out


def collect(s: Session, actor: Actor, client_id: int) -> dict[str, Any]:
    """Everything stored about one client, as plain JSON-ready values."""
    actor.require_teamleader()
    client = s.get(m.Client, client_id)
    if client is None:
        raise NotFound("Deze cliënt bestaat niet (meer).")
    actor.check_location(client.location_id)
    loc = s.get(m.Location, client.location_id)
    data: dict[str, Any] = {
        "format": FORMAT, "made_at": _plain(utcnow().replace(microsecond=0)),
        "location": loc.name, "client": _record(s, "clients", client),
    }
    data["client"]["anonymised_at"] = _plain(client.anonymised_at)
    children: dict[str, list[int]] = {}
    for kind_key, order in (("contacts", m.Contact.date), ("dossiers", m.Dossier.opened_on),
                            ("trajectories", m.Trajectory.start),
                            ("couplings", m.Coupling.signed_up_on), ("moves", m.Move.date)):
        model = KINDS[kind_key].model
        rows = list(s.scalars(select(model).where(model.client_id == client_id)
                              .order_by(order, model.id)))
        children[kind_key] = [r.id for r in rows]
        items = []
        for r in rows:
            item = _record(s, kind_key, r)
            if kind_key == "contacts":
                item["topics"] = [t.name for t in r.topics]
            if kind_key == "couplings":
                item["programme_id"] = s.get(m.Programme, r.programme_id).name
            items.append(item)
        data[kind_key] = items
    conds = [(m.AuditEntry.table_name == "clients") & (m.AuditEntry.row_id == client_id)]
    conds += [(m.AuditEntry.table_name == k) & m.AuditEntry.row_id.in_(ids)
              for k, ids in children.items() if ids]
    history = s.execute(
        select(m.AuditEntry, m.User.display_name, m.User.username)
        .outerjoin(m.User, m.User.id == m.AuditEntry.user_id)
        .where(m.AuditEntry.location_id == client.location_id, or_(*conds))
        .order_by(m.AuditEntry.at, m.AuditEntry.id)).all()
    data["history"] = [
        {"at": _plain(e.at.replace(microsecond=0)), "action": e.action, "table": e.table_name,
         "by": name or username or "systeem", "fields": sorted(e.changes or {}),
         "reason": e.reason}
        for e, name, username in history if e.action != "view"]
    data["access"] = [
        {"at": _plain(e.at.replace(microsecond=0)), "by": name or username or "systeem",
         "reason": e.reason}
        for e, name, username in history if e.action == "view"]
    return data


def write_inzage(db: Database, actor: Actor, client_id: int, path: Path) -> Path:
    """Write the inzage file for one client: `.pdf` (readable) or `.json`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise VwdeskError(f"Het bestand \"{path.name}\" moet eindigen op .pdf of .json.")
    with db.session() as s:
        data = collect(s, actor, client_id)
        audit(s, actor, "export", "clients", client_id, reason=f"inzage ({suffix[1:]})")
    try:
        private_dir(path.parent)
        if suffix == ".json":
            with open_private(path, "w", encoding="utf-8") as f:
                f.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            with open_private(path) as f:
                _write_pdf(data, f)
    except OSError as exc:
        raise VwdeskError(f"Het bestand {path} kan niet worden geschreven ({exc.strerror}); "
                          "kies een andere map.") from exc
    log.info("privacy.inzage client_id=%d format=%s", client_id, suffix[1:])
    return path


# --- PDF -----------------------------------------------------------------------

SECTION_TITLES = {"contacts": "Contacten", "dossiers": "Dossiers", "trajectories": "Trajecten",
                  "couplings": "Koppelingen", "moves": "Verhuizingen"}
EXTRA_LABELS = {"topics": "Onderwerpen", "anonymised_at": "Geanonimiseerd op"}
TABLE_LABELS = {"clients": "cliënt", "contacts": "contact", "dossiers": "dossier",
                "trajectories": "traject", "couplings": "koppeling", "moves": "verhuizing"}


def _label(kind_key: str, name: str) -> str:
    if name in EXTRA_LABELS:
        return EXTRA_LABELS[name]
    return KINDS[kind_key].field(name).label


def _show(kind_key: str, name: str, value: Any) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if name == "nationality":
        nat = by_code(value)
        return nat.country if nat else value
    if name == "anonymised_at":
        return _when(value)
    field = KINDS[kind_key].field(name) if kind_key in KINDS and name not in EXTRA_LABELS \
        else None
    if field is not None and field.type == "choice":  # "v" reads "vrouw"
        return field.choice_label(value)
    if isinstance(value, str) and len(value) in (10, 19) and value[4:5] == "-" and value[7:8] == "-":
        try:
            d = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        return d.strftime("%d-%m-%Y %H:%M" if len(value) == 19 else "%d-%m-%Y")
    return str(value)


def _when(stored: str) -> str:
    """A time as stored (UTC, see `models.utcnow`) in the computer's own time,
    as the reader of the PDF reads clocks."""
    return f"{local_time(dt.datetime.fromisoformat(stored)):%d-%m-%Y %H:%M}"


def _write_pdf(data: dict[str, Any], out: BinaryIO) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    from vwdesk.report.pdf import register_fonts

    register_fonts()  # the report's embedded DejaVu fonts
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=9, leading=12)
    h1 = ParagraphStyle("h1", fontName="DejaVuSans-Bold", fontSize=16, leading=20, spaceAfter=6)
    h2 = ParagraphStyle("h2", fontName="DejaVuSans-Bold", fontSize=12, leading=16,
                        spaceBefore=10, spaceAfter=4)

    def p(text: str, style=body) -> Paragraph:
        return Paragraph(escape(text), style)

    def grid(rows: list[list[str]], widths: list[float]) -> Table:
        t = Table([[p(c) for c in r] for r in rows], colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    story = [p("Inzage persoonsgegevens", h1),
             p(f"Locatie {data['location']}, gemaakt op {_when(data['made_at'])}. "
               "Dit overzicht bevat alles wat VluchtelingenWerk in vwdesk over deze persoon "
               "heeft vastgelegd."),
             p("Gegevens van de cliënt", h2)]
    client = data["client"]
    story.append(grid([["Gegeven", "Waarde"]] + [
        [_label("clients", k), _show("clients", k, v)] for k, v in client.items()],
        [6 * cm, 11 * cm]))
    for kind_key, title in SECTION_TITLES.items():
        items = data[kind_key]
        story.append(p(f"{title} ({len(items)})", h2))
        if not items:
            story.append(p("Geen."))
            continue
        for i, item in enumerate(items, 1):
            story.append(grid([[f"{TABLE_LABELS[kind_key].capitalize()} {i}", ""]] + [
                [_label(kind_key, k), _show(kind_key, k, v)] for k, v in item.items()],
                [6 * cm, 11 * cm]))
            story.append(Spacer(1, 4))
    story.append(p("Wie heeft de gegevens vastgelegd of gewijzigd", h2))
    story.append(grid([["Wanneer", "Wat", "Door", "Reden"]] + [
        [_when(h["at"]), f"{TABLE_LABELS.get(h['table'], h['table'])} "
         f"{ACTIONS.get(h['action'], h['action'])}", h["by"], h["reason"] or ""]
        for h in data["history"]], [3.5 * cm, 5 * cm, 3.5 * cm, 5 * cm]))
    story.append(p("Wie heeft de pagina van de cliënt geopend", h2))
    if data["access"]:
        story.append(grid([["Wanneer", "Door", "Reden"]] + [
            [_when(a["at"]), a["by"], a["reason"] or ""] for a in data["access"]],
            [3.5 * cm, 4.5 * cm, 9 * cm]))
    else:
        story.append(p("Niemand."))
    SimpleDocTemplate(out, pagesize=A4, title="Inzage persoonsgegevens",
                      leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm).build(story)
