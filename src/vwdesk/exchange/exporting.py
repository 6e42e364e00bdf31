"""Writing a location's records as an exchange workbook: an .xlsx file or a
folder of .csv files (semicolon, UTF-8 with BOM, CRLF, dd-mm-jjjj dates: what
Dutch spreadsheet programs open directly). Rows are streamed from the
database to the file; nothing is held in memory as a whole.

With a year, the export holds what touches that year (see docs/exchange.md):
contacts in the year; trajectories, dossiers, couplings and volunteers active
during some part of it; its year figures and texts; and the clients and
dwellings those refer to, plus clients housed and dwellings made available in
the year.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.files import open_private, private_dir
from vwdesk.core.services.base import Actor, audit
from vwdesk.core.services.locations import get_location
from vwdesk.core.services.topics import own_topics, topic_groups
from vwdesk.exchange import values as v
from vwdesk.exchange.schema import EXPORT_ORDER, Sheet
from vwdesk.exchange.xlsx import XlsxWriter

STREAM_ROWS = 2000


def export_location(db: Database, actor: Actor, location_name: str, path: str | Path,
                    year: int | None = None) -> dict[str, int]:
    """Write the location's records to `path` (.xlsx, or a folder for .csv)
    and return the number of rows per sheet. Only a teamleader or beheerder
    may export; the export is recorded in the audit log."""
    path = Path(path)
    as_xlsx = path.suffix.lower() == ".xlsx"
    if not as_xlsx and path.suffix and not path.is_dir():
        raise VwdeskError(f"\"{path.name}\" is geen geldige bestemming; kies een bestandsnaam "
                          "die eindigt op .xlsx, of een map (dan volgt een .csv per blad).")
    counts: dict[str, int] = {}
    with db.session() as s:
        loc = get_location(s, location_name)
        actor.require_teamleader()
        actor.check_location(loc.id)
        query = _Queries(loc.id, year)
        try:
            writer: _Writer = _XlsxWriter(path) if as_xlsx else _CsvWriter(path)
        except OSError as exc:
            raise _write_error(path, exc) from exc
        try:
            for sheet in EXPORT_ORDER:
                writer.begin(sheet)
                n = 0
                for row in query.rows(s, sheet.name):
                    writer.row(row)
                    n += 1
                counts[sheet.name] = n
            writer.close()
        except BaseException as exc:
            writer.abort()
            if isinstance(exc, OSError):
                raise _write_error(path, exc) from exc
            raise
        audit(s, actor, "export", "locations", loc.id, location_id=loc.id,
              reason=f"uitwisselingswerkmap{f' {year}' if year else ''} "
                     f"({'xlsx' if as_xlsx else 'csv'})")
    return counts


def _write_error(path: Path, exc: OSError) -> VwdeskError:
    return VwdeskError(f"De export kan niet worden geschreven naar {path} "
                       f"({exc.strerror or exc.__class__.__name__}); kies een andere plek of "
                       "sluit het bestand in het rekenprogramma.")


# Queries --------------------------------------------------------------------

class _Queries:
    def __init__(self, location_id: int, year: int | None):
        self.loc = location_id
        self.year = year
        if year is not None:
            self.y0, self.y1 = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def _in_year(self, col: Any) -> Any:
        return and_(col >= self.y0, col <= self.y1)

    def _active(self, start: Any, end: Any) -> Any:
        return and_(start <= self.y1, or_(end.is_(None), end >= self.y0))

    # Filters on each table for the year (None: no filter).
    def contact_filter(self) -> Any:
        return None if self.year is None else self._in_year(m.Contact.date)

    def trajectory_filter(self) -> Any:
        return None if self.year is None else self._active(m.Trajectory.start, m.Trajectory.end)

    def dossier_filter(self) -> Any:
        return None if self.year is None else self._active(m.Dossier.opened_on, m.Dossier.closed_on)

    def coupling_filter(self) -> Any:
        return None if self.year is None else self._active(m.Coupling.signed_up_on,
                                                           m.Coupling.ended_on)

    def move_filter(self) -> Any:
        return None if self.year is None else self._in_year(m.Move.date)

    def _ids(self, col: Any, model: type, filt: Any) -> Select:
        return select(col).where(model.location_id == self.loc, filt, col.is_not(None))

    def client_filter(self) -> Any:
        if self.year is None:
            return None
        return or_(
            self._in_year(m.Client.housed_on),
            m.Client.id.in_(self._ids(m.Contact.client_id, m.Contact, self.contact_filter())),
            m.Client.id.in_(self._ids(m.Dossier.client_id, m.Dossier, self.dossier_filter())),
            m.Client.id.in_(self._ids(m.Trajectory.client_id, m.Trajectory,
                                      self.trajectory_filter())),
            m.Client.id.in_(self._ids(m.Coupling.client_id, m.Coupling, self.coupling_filter())),
            m.Client.id.in_(self._ids(m.Move.client_id, m.Move, self.move_filter())),
        )

    def dwelling_filter(self) -> Any:
        if self.year is None:
            return None
        clients = select(m.Client.dwelling_id).where(
            m.Client.location_id == self.loc, self.client_filter(), m.Client.dwelling_id.is_not(None))
        return or_(self._in_year(m.Dwelling.available_on), m.Dwelling.id.in_(clients),
                   m.Dwelling.id.in_(self._ids(m.Move.from_dwelling_id, m.Move,
                                               self.move_filter())),
                   m.Dwelling.id.in_(self._ids(m.Move.to_dwelling_id, m.Move,
                                               self.move_filter())))

    def volunteer_filter(self) -> Any:
        if self.year is None:
            return None
        return or_(
            self._active(m.Volunteer.start, m.Volunteer.end),
            m.Volunteer.id.in_(self._ids(m.Contact.volunteer_id, m.Contact,
                                         self.contact_filter())),
            m.Volunteer.id.in_(self._ids(m.Coupling.coach_id, m.Coupling, self.coupling_filter())),
        )

    def rows(self, s: Session, sheet: str) -> Iterator[list[Any]]:
        return getattr(self, f"_{sheet}")(s)

    def _run(self, s: Session, q: Select, model: type, filt: Any) -> Iterator[Any]:
        q = q.where(model.location_id == self.loc)
        if filt is not None:
            q = q.where(filt)
        return s.execute(q.execution_options(yield_per=STREAM_ROWS))

    def _clienten(self, s: Session) -> Iterator[list[Any]]:
        c = m.Client
        q = (select(c.number, c.first_name, c.last_name, c.birth_date, c.gender, c.nationality,
                    m.Dwelling.number, c.housed_on, m.Municipality.name, c.intake, c.amv,
                    c.phone, c.email, c.note)
             .outerjoin(m.Dwelling, m.Dwelling.id == c.dwelling_id)
             .outerjoin(m.Municipality, m.Municipality.id == c.municipality_id)
             .order_by(c.number))
        for r in self._run(s, q, c, self.client_filter()):
            row = list(r)
            row[5] = v.nationality_name(row[5])
            yield row

    def _woningen(self, s: Session) -> Iterator[list[Any]]:
        d = m.Dwelling
        q = (select(d.number, d.address, m.Municipality.name, d.type, d.available_on,
                    d.complex, d.status, d.village)
             .outerjoin(m.Municipality, m.Municipality.id == d.municipality_id)
             .order_by(d.number))
        for r in self._run(s, q, d, self.dwelling_filter()):
            yield list(r)

    def _verhuizingen(self, s: Session) -> Iterator[list[Any]]:
        mv = m.Move
        old, new = aliased(m.Dwelling), aliased(m.Dwelling)
        q = (select(m.Client.number, mv.date, old.number, new.number)
             .join(m.Client, m.Client.id == mv.client_id)
             .outerjoin(old, old.id == mv.from_dwelling_id)
             .outerjoin(new, new.id == mv.to_dwelling_id)
             .order_by(mv.date, mv.id))
        for r in self._run(s, q, mv, self.move_filter()):
            yield list(r)

    def _onderwerpen(self, s: Session) -> Iterator[list[Any]]:
        """The location's own topics and every topic in one of its groups."""
        groups = topic_groups(s, self.loc)
        in_groups: dict[str, list[str]] = {}
        for group, names in groups.items():
            for name in names:
                in_groups.setdefault(name, []).append(group)
        for name in sorted(set(own_topics(s, self.loc)) | set(in_groups), key=str.casefold):
            yield [name, v.LIST_SEPARATOR.join(in_groups.get(name, [])) or None]

    def _contacten(self, s: Session) -> Iterator[list[Any]]:
        c = m.Contact
        vol = aliased(m.Volunteer)
        q = (select(c.id, c.date, c.kind, m.Client.number, c.person_label, vol.number,
                    c.duration_minutes, c.note)
             .outerjoin(m.Client, m.Client.id == c.client_id)
             .outerjoin(vol, vol.id == c.volunteer_id)
             .order_by(c.date, c.id))
        tq = (select(m.ContactTopic.contact_id, m.Topic.name)
              .join(c, c.id == m.ContactTopic.contact_id)
              .join(m.Topic, m.Topic.id == m.ContactTopic.topic_id)
              .order_by(c.date, c.id, m.Topic.name))
        topics = iter(self._run(s, tq, c, self.contact_filter()))
        pending = next(topics, None)
        for cid, date, kind, client, person, volunteer, minutes, note in self._run(
                s, q, c, self.contact_filter()):
            names = []
            while pending is not None and pending[0] == cid:
                names.append(pending[1])
                pending = next(topics, None)
            yield [date, kind, client, person, v.LIST_SEPARATOR.join(names) or None, volunteer,
                   minutes, note]

    def _dossiers(self, s: Session) -> Iterator[list[Any]]:
        d = m.Dossier
        q = (select(d.number, m.Client.number, d.kind, d.opened_on, d.closed_on, d.outcome,
                    d.family_members, d.deadline, d.note)
             .join(m.Client, m.Client.id == d.client_id).order_by(d.number))
        for r in self._run(s, q, d, self.dossier_filter()):
            yield list(r)

    def _trajecten(self, s: Session) -> Iterator[list[Any]]:
        t = m.Trajectory
        q = (select(m.Client.number, t.kind, t.start, t.end)
             .join(m.Client, m.Client.id == t.client_id).order_by(t.start, t.id))
        for r in self._run(s, q, t, self.trajectory_filter()):
            yield list(r)

    def _koppelingen(self, s: Session) -> Iterator[list[Any]]:
        c = m.Coupling
        q = (select(c.number, m.Programme.key, m.Client.number, m.Volunteer.number,
                    c.signed_up_on, c.started_on, c.evaluation_3m_on, c.evaluation_6m_on,
                    c.extended_on, c.ended_on, c.result)
             .join(m.Programme, m.Programme.id == c.programme_id)
             .outerjoin(m.Client, m.Client.id == c.client_id)
             .outerjoin(m.Volunteer, m.Volunteer.id == c.coach_id)
             .order_by(c.number))
        for r in self._run(s, q, c, self.coupling_filter()):
            yield list(r)

    def _vrijwilligers(self, s: Session) -> Iterator[list[Any]]:
        vo = m.Volunteer
        q = (select(vo.number, vo.first_name, vo.last_name, vo.kind, vo.team, vo.start, vo.end,
                    vo.hours_per_week).order_by(vo.number))
        for r in self._run(s, q, vo, self.volunteer_filter()):
            yield list(r)

    def _jaarcijfers(self, s: Session) -> Iterator[list[Any]]:
        y = m.YearFigure
        q = (select(y.year, y.key, y.value, m.Municipality.name, y.half, y.mode, y.note)
             .outerjoin(m.Municipality, m.Municipality.id == y.municipality_id)
             .order_by(y.year, y.key, m.Municipality.name, y.half))
        filt = None if self.year is None else y.year == self.year
        for r in self._run(s, q, y, filt):
            yield list(r)

    def _teksten(self, s: Session) -> Iterator[list[Any]]:
        t = m.ReportText
        q = select(t.year, t.section, t.text).order_by(t.year, t.section)
        filt = None if self.year is None else t.year == self.year
        for r in self._run(s, q, t, filt):
            yield list(r)


# Writers --------------------------------------------------------------------

class _Writer:
    def begin(self, sheet: Sheet) -> None: ...
    def row(self, values: list[Any]) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


class _XlsxWriter(_Writer):
    def __init__(self, path: Path):
        private_dir(path.parent)
        self.path = path
        self.out = XlsxWriter(path)

    def begin(self, sheet: Sheet) -> None:
        self.out.begin(sheet.name, [c.name for c in sheet.columns],
                       [max(12, len(c.name) + 3) for c in sheet.columns])

    def row(self, values: list[Any]) -> None:
        self.out.append(values)

    def close(self) -> None:
        self.out.close()

    def abort(self) -> None:
        self.out.abort()
        self.path.unlink(missing_ok=True)  # never leave half a workbook behind


class _CsvWriter(_Writer):
    def __init__(self, folder: Path):
        self.folder = folder
        self.file: Any = None
        self.writer: Any = None
        self.written: list[Path] = []

    def begin(self, sheet: Sheet) -> None:
        self._close_file()
        private_dir(self.folder)
        path = self.folder / f"{sheet.name}.csv"
        self.written.append(path)
        self.file = open_private(path, "w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.file, delimiter=";", lineterminator="\r\n")
        self.writer.writerow([c.name for c in sheet.columns])

    def row(self, values: list[Any]) -> None:
        self.writer.writerow([v.csv_text(x) for x in values])

    def _close_file(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def close(self) -> None:
        self._close_file()

    def abort(self) -> None:
        self._close_file()
