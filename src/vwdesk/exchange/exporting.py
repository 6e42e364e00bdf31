"""Writing a location's records as an exchange workbook: an .xlsx file or a
folder of .csv files (semicolon, UTF-8 with BOM, CRLF, dd-mm-jjjj dates: what
Dutch spreadsheet programs open directly). Rows are streamed from the
database to the file; nothing is held in memory as a whole.

With a year, the export holds what touches that year (see docs/exchange.md):
contacts in the year; trajectories, dossiers, couplings and volunteers active
during some part of it; its year figures and texts; and the clients and
dwellings those refer to, plus clients housed and dwellings made available in
the year.

A sheet's SELECT follows from its columns (`_SheetQuery`); a report text
left empty is not exported (the workbook's tekst cell is required, and an
empty text says nothing).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.files import open_private, private_dir
from vwdesk.core.records import KINDS
from vwdesk.core.services.base import Actor, audit
from vwdesk.core.services.locations import get_location
from vwdesk.core.services.topics import own_topics, topic_groups
from vwdesk.exchange import values as v
from vwdesk.exchange.schema import EXPORT_ORDER, TOPICS_COLUMN, TOPICS_SHEET, Sheet
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
        try:
            writer: _Writer = _XlsxWriter(path) if as_xlsx else _CsvWriter(path)
        except OSError as exc:
            raise _write_error(path, exc) from exc
        try:
            for sheet in EXPORT_ORDER:
                writer.begin(sheet)
                n = 0
                for row in _sheet_rows(s, sheet, loc.id, year):
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

class _YearFilters:
    """What touches the year, per record kind (docs/exchange.md): a
    condition on the kind's table."""

    def __init__(self, location_id: int, year: int):
        self.loc, self.year = location_id, year
        self.y0, self.y1 = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def of(self, kind_key: str) -> Any:
        return getattr(self, kind_key)()

    def _in_year(self, col: Any) -> Any:
        return and_(col >= self.y0, col <= self.y1)

    def _active(self, start: Any, end: Any) -> Any:
        return and_(start <= self.y1, or_(end.is_(None), end >= self.y0))

    def _ids(self, col: Any, model: type, filt: Any) -> Select:
        return select(col).where(model.location_id == self.loc, filt, col.is_not(None))

    def contacts(self) -> Any:
        return self._in_year(m.Contact.date)

    def moves(self) -> Any:
        return self._in_year(m.Move.date)

    def trajectories(self) -> Any:
        return self._active(m.Trajectory.start, m.Trajectory.end)

    def dossiers(self) -> Any:
        return self._active(m.Dossier.opened_on, m.Dossier.closed_on)

    def couplings(self) -> Any:
        return self._active(m.Coupling.signed_up_on, m.Coupling.ended_on)

    def clients(self) -> Any:
        return or_(
            self._in_year(m.Client.housed_on),
            m.Client.id.in_(self._ids(m.Contact.client_id, m.Contact, self.contacts())),
            m.Client.id.in_(self._ids(m.Dossier.client_id, m.Dossier, self.dossiers())),
            m.Client.id.in_(self._ids(m.Trajectory.client_id, m.Trajectory,
                                      self.trajectories())),
            m.Client.id.in_(self._ids(m.Coupling.client_id, m.Coupling, self.couplings())),
            m.Client.id.in_(self._ids(m.Move.client_id, m.Move, self.moves())),
        )

    def dwellings(self) -> Any:
        clients = select(m.Client.dwelling_id).where(
            m.Client.location_id == self.loc, self.clients(), m.Client.dwelling_id.is_not(None))
        return or_(self._in_year(m.Dwelling.available_on), m.Dwelling.id.in_(clients),
                   m.Dwelling.id.in_(self._ids(m.Move.from_dwelling_id, m.Move, self.moves())),
                   m.Dwelling.id.in_(self._ids(m.Move.to_dwelling_id, m.Move, self.moves())))

    def volunteers(self) -> Any:
        return or_(
            self._active(m.Volunteer.start, m.Volunteer.end),
            m.Volunteer.id.in_(self._ids(m.Contact.volunteer_id, m.Contact, self.contacts())),
            m.Volunteer.id.in_(self._ids(m.Coupling.coach_id, m.Coupling, self.couplings())),
        )

    def year_figures(self) -> Any:
        return m.YearFigure.year == self.year

    def report_texts(self) -> Any:
        return m.ReportText.year == self.year


class _SheetQuery:
    """The SELECT of a record kind's sheet, built from its columns: a field as
    stored, a reference as the referenced record's number (a municipality's
    name, a programme's key) through a join; rows in the order the sheet is
    matched on (number, natural key, or date)."""

    def __init__(self, sheet: Sheet):
        kind = KINDS[sheet.kind]
        model = self.model = kind.model
        table = model.__table__
        exprs: dict[str, Any] = {}
        joins = []
        filled = []  # a required cell the record may leave empty: such a row is left out
        for col in sheet.columns:
            if col is TOPICS_COLUMN:
                continue
            f = kind.field(col.field)
            if f.type == "ref":
                target = KINDS[f.ref]
                alias = aliased(target.model)
                joins.append((alias, alias.id == getattr(model, f.name), table.c[f.name].nullable))
                exprs[f.name] = getattr(alias, target.number_field)
            else:
                exprs[f.name] = getattr(model, f.name)
            if f.cell_required:
                filled.append(and_(exprs[f.name].is_not(None), exprs[f.name] != ""))
        # A contact's topics come from a second query in the same order, merged by id.
        self.topics_at = next((i for i, c in enumerate(sheet.columns) if c is TOPICS_COLUMN),
                              None)
        q = select(*((model.id,) if self.topics_at is not None else ()), *exprs.values())
        q = q.select_from(model).where(*filled)
        for alias, on, nullable in joins:
            q = q.outerjoin(alias, on) if nullable else q.join(alias, on)
        if kind.match == "number":
            self.order = [exprs[kind.number_field]]
        elif kind.match == "all":
            self.order = [getattr(model, kind.dated_by), model.id]
        else:
            self.order = [exprs[name] for name in kind.match]
        self.query = q.order_by(*self.order)
        self.nationalities = [i for i, name in enumerate(exprs)
                              if kind.field(name).type == "nationality"]

    def rows(self, s: Session, location_id: int, filt: Any) -> Iterator[list[Any]]:
        result = _run(s, self.query, self.model, location_id, filt)
        rows = (map(list, result) if self.topics_at is None
                else self._with_topics(s, result, location_id, filt))
        return self._countries(rows) if self.nationalities else rows

    def _countries(self, rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
        """Nationalities as the country's Dutch name (the import reads both)."""
        for row in rows:
            for i in self.nationalities:
                row[i] = v.nationality_name(row[i])
            yield row

    def _with_topics(self, s: Session, rows: Iterator[Any], location_id: int, filt: Any
                     ) -> Iterator[list[Any]]:
        c = self.model
        tq = (select(m.ContactTopic.contact_id, m.Topic.name)
              .join(c, c.id == m.ContactTopic.contact_id)
              .join(m.Topic, m.Topic.id == m.ContactTopic.topic_id)
              .order_by(*self.order, m.Topic.name))
        topics = iter(_run(s, tq, c, location_id, filt))
        pending = next(topics, None)
        at = self.topics_at
        for cid, *row in rows:
            names = []
            while pending is not None and pending[0] == cid:
                names.append(pending[1])
                pending = next(topics, None)
            row.insert(at, v.LIST_SEPARATOR.join(names) or None)
            yield row


def _run(s: Session, q: Select, model: type, location_id: int, filt: Any) -> Iterator[Any]:
    q = q.where(model.location_id == location_id)
    if filt is not None:
        q = q.where(filt)
    return s.execute(q.execution_options(yield_per=STREAM_ROWS))


@cache
def _query(sheet: Sheet) -> _SheetQuery:
    return _SheetQuery(sheet)


def _sheet_rows(s: Session, sheet: Sheet, location_id: int, year: int | None
                ) -> Iterator[list[Any]]:
    if sheet is TOPICS_SHEET:
        return _topic_rows(s, location_id)
    filt = None if year is None else _YearFilters(location_id, year).of(sheet.kind)
    return _query(sheet).rows(s, location_id, filt)


def _topic_rows(s: Session, location_id: int) -> Iterator[list[Any]]:
    """The location's own topics and every topic in one of its groups."""
    groups = topic_groups(s, location_id)
    in_groups: dict[str, list[str]] = {}
    for group, names in groups.items():
        for name in names:
            in_groups.setdefault(name, []).append(group)
    for name in sorted(set(own_topics(s, location_id)) | set(in_groups), key=str.casefold):
        yield [name, v.LIST_SEPARATOR.join(in_groups.get(name, [])) or None]


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
