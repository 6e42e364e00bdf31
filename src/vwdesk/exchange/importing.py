"""Checking a read workbook against the database (`plan_import`) and writing
it in one transaction (`apply_import`).

Both run the same pass over the rows (`_Pass`): resolve references (numbers
of clients, dwellings and volunteers, municipality and programme names,
topics), validate every record with `records.validate_record`, and classify
each row as added, changed or unchanged. The plan does this without writing;
the import does it again inside its transaction (the database may have
changed in between) and writes.

Writing: changed records go through `services.base.update` (version check,
audit of old and new values). New records — typically tens of thousands of
contacts — are written in batches with `core.bulk.insert_rows`; each gets
`created_by`/`updated_by` and one audit entry with exactly the content
`services.base.create` would record. Creating them one by one through
`services.base.create` measured ≈ 6 ms a row on the (shared, loaded) test
machine — about 10 minutes for 10,000 clients and 100,000 contacts — against
≈ 0.1 ms a row here, checks included (bench/bench_exchange.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from hashlib import blake2b
from types import SimpleNamespace
from typing import Any

from sqlalchemy import String, cast, func, select, text
from sqlalchemy.orm import Session

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.bulk import insert_rows, large_cache
from vwdesk.core.db import Database
from vwdesk.core.errors import AccessDenied, ValidationError
from vwdesk.core.records import KINDS, RecordKind, Rule, validate_record
from vwdesk.core.services import base
from vwdesk.core.services.base import Actor
from vwdesk.core.services.locations import create_location, find_location
from vwdesk.core.services.topics import add_topic, set_topic_group, topics_of
from vwdesk.core.text import fold
from vwdesk.exchange.problems import ImportCancelled, ImportFailed, Problems
from vwdesk.exchange.reading import Progress, Row, SheetData, WorkbookData
from vwdesk.exchange.schema import BY_NAME, SHEETS, Sheet
from vwdesk.exchange.values import months_later

Cancel = Callable[[], bool]
BATCH_ROWS = 5000
TICK_ROWS = 500


# The preview lists this many new and changed rows per sheet; the rest it counts.
SHOWN_ROWS = 200


@dataclass(frozen=True)
class RowChange:
    """A row of the workbook that adds or changes a record: what the preview
    shows, so a teamleader sees which rows change and how. `fields` holds
    (column, value before, value after); a reference (a client, a
    municipality, …) changed shows as changed without its values."""

    row: int
    new: bool
    number: str | None  # the record's number, where the sheet has one
    fields: tuple[tuple[str, Any, Any], ...] = ()
    # A new record: who or what it is about (a name, a contact's client).
    label: str = ""


@dataclass
class SheetPlan:
    name: str  # sheet name, e.g. "clienten"
    source: str  # as the user named it (sheet title or file name)
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    # The first SHOWN_ROWS rows that add or change something (planning only).
    changes: list[RowChange] = field(default_factory=list)

    def note(self, change: RowChange) -> None:
        if len(self.changes) < SHOWN_ROWS:
            self.changes.append(change)


@dataclass
class ImportResult:
    """What an import did."""

    sheets: list[SheetPlan]
    new_location: bool
    new_municipalities: list[str]
    new_programmes: list[str]


@dataclass
class ImportPlan:
    """What an import would do, per sheet, and every problem found."""

    location_name: str
    new_location: bool
    data: WorkbookData
    sheets: list[SheetPlan]
    new_municipalities: list[str] = field(default_factory=list)
    new_programmes: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return (self.new_location or bool(self.new_municipalities or self.new_programmes)
                or any(p.added or p.changed for p in self.sheets))

    def summary_lines(self) -> list[str]:
        lines = []
        if self.new_location:
            lines.append(f"Nieuwe locatie: {self.location_name}")
        if self.new_municipalities:
            lines.append(f"Nieuwe gemeenten: {', '.join(self.new_municipalities)}")
        if self.new_programmes:
            lines.append(f"Nieuwe programma's: {', '.join(self.new_programmes)}")
        for p in self.sheets:
            lines.append(f"{p.name}: {p.added} nieuw, {p.changed} gewijzigd, "
                         f"{p.unchanged} ongewijzigd")
        return lines

    def close(self) -> None:
        self.data.close()


def plan_import(db: Database, location_name: str, data: WorkbookData,
                progress: Progress | None = None, cancel: Cancel | None = None,
                rules: Mapping[str, Rule] | None = None) -> ImportPlan:
    """Check `data` against the location's records without writing anything.
    `rules`: per record kind, a rule of a package above the core that its
    rows must also keep (`vwdesk.app.rules`)."""
    with db.session() as s:
        loc = find_location(s, location_name)
        run = _Pass(s, None, loc.id if loc else None, location_name, data, progress, cancel,
                    rules=rules)
        run.run()
    return ImportPlan(location_name.strip(), loc is None, data, run.plans, run.new_municipalities,
                      run.new_programmes, run.problems)


def apply_import(db: Database, actor: Actor, plan: ImportPlan, progress: Progress | None = None,
                 cancel: Cancel | None = None,
                 rules: Mapping[str, Rule] | None = None) -> ImportResult:
    """Import the planned workbook in one transaction: all or nothing. Returns
    what was done. `cancel()` returning True aborts and rolls back."""
    if not plan.ok:
        raise ImportFailed(plan.problems)
    return import_workbook(db, actor, plan.location_name, plan.data, progress, cancel, rules)


def import_workbook(db: Database, actor: Actor, location_name: str, data: WorkbookData,
                    progress: Progress | None = None, cancel: Cancel | None = None,
                    rules: Mapping[str, Rule] | None = None) -> ImportResult:
    """Check and import `data` in one pass and one transaction (the CLI's
    way: no preview needed). Raises `ImportFailed` with every problem, and
    then nothing is written."""
    if data.problems:  # report them together with what the database check finds
        raise ImportFailed(plan_import(db, location_name, data, rules=rules).problems)
    actor.require_teamleader()
    location_name = location_name.strip()
    with db.session() as s:
        loc = find_location(s, location_name)
        new_location = loc is None
        if loc is None:
            if not actor.is_admin:
                raise AccessDenied(f"Locatie \"{location_name}\" bestaat niet; alleen een "
                                   "beheerder kan bij een import een nieuwe locatie aanmaken.")
            # Its municipalities come from the workbook (a location named after
            # its region serves others); its own name only when none is named.
            loc = create_location(s, actor, location_name, municipalities=[])
        actor.check_location(loc.id)
        # The first write: it also takes SQLite's write lock for the whole import.
        base.audit(s, actor, "import", "locations", loc.id, location_id=loc.id,
                   reason=f"uitwisselingswerkmap {data.path.name}")
        s.flush()
        run = _Pass(s, actor, loc.id, location_name, data, progress, cancel, new_location, rules)
        with large_cache(s):
            run.run()
        if run.problems:
            raise ImportFailed(run.problems)
        if new_location and not run.named_municipalities:
            base.create(s, actor, "municipalities", loc.id, {"name": location_name})
    return ImportResult(run.plans, new_location, run.new_municipalities, run.new_programmes)


class _Pass:
    """One pass over every sheet; writes when `actor` is given."""

    def __init__(self, s: Session, actor: Actor | None, location_id: int | None,
                 location_name: str, data: WorkbookData, progress: Progress | None,
                 cancel: Cancel | None, new_location: bool = False,
                 rules: Mapping[str, Rule] | None = None):
        self.s, self.actor, self.location_id = s, actor, location_id
        self.rules = rules or {}
        self._write = actor is not None
        self.data = data
        self.progress, self.cancel = progress, cancel
        self.problems = Problems()
        self.problems.extend(data.problems)
        self.plans: list[SheetPlan] = []
        self.new_municipalities: list[str] = []
        self.named_municipalities = False  # whether the workbook names any
        # A new location's own name is no news in the plan (see municipality()).
        self._own_municipality = fold(location_name) if new_location or location_id is None \
            else None
        self.new_programmes: list[str] = []
        self._fake_id = 0
        self._done = 0
        self._total = data.row_count
        self._numbers: dict[str, dict[str, int]] = {}  # sheet -> nummer -> id
        self._client_names: dict[int, str] = {}  # for the preview's labels
        self._municipalities = self._load_names(m.Municipality, m.Municipality.name, fold)
        self._programmes = self._load_names(m.Programme, m.Programme.key, _programme_key)
        if location_id is None:  # what create_location will make
            self._municipalities[fold(location_name)] = self._new_id()
            for key, _label in vocab.DEFAULT_PROGRAMMES:
                self._programmes[key] = self._new_id()
        # The location's list of topics (a new location: the shared list).
        topics = topics_of(s, location_id, active_only=False)
        self._topics = {fold(name): tid for tid, name in topics}
        self._topic_names = {tid: name for tid, name in topics}
        self._topic_cells: dict[tuple[str, ...], tuple[int, ...]] = {}  # a cell's topics -> ids
        self._now = m.utcnow()

    @property
    def write(self) -> bool:
        """Writing stops at the first problem: the transaction will be rolled
        back, and the rest of the pass only collects problems."""
        return self._write and not self.problems

    # -- set-up ------------------------------------------------------------

    def _new_id(self) -> int:
        self._fake_id -= 1
        return self._fake_id

    def _load_names(self, model: type, col: Any, key: Callable[[str], str]) -> dict[str, int]:
        if self.location_id is None:
            return {}
        rows = self.s.execute(select(model.id, col).where(model.location_id == self.location_id))
        return {key(name): rid for rid, name in rows}

    def client_name(self, client_id: int | None) -> str:
        """A client's name for the preview: one of this workbook's new
        clients, or one in the database (read once)."""
        if client_id is None:
            return ""
        if client_id not in self._client_names:
            row = self.s.execute(select(m.Client.first_name, m.Client.last_name)
                                 .where(m.Client.id == client_id)).first()
            self._client_names[client_id] = _name(*row) if row else ""
        return self._client_names[client_id]

    def numbers(self, sheet_name: str) -> dict[str, int]:
        """nummer -> id of a sheet's records: in the database, plus the rows seen."""
        if sheet_name not in self._numbers:
            model = KINDS[BY_NAME[sheet_name].kind].model
            found: dict[str, int] = {}
            if self.location_id is not None:
                found = dict(self.s.execute(select(model.number, model.id).where(
                    model.location_id == self.location_id)).all())
            self._numbers[sheet_name] = found
        return self._numbers[sheet_name]

    # -- the pass ----------------------------------------------------------

    def run(self) -> None:
        for sheet in SHEETS:
            sd = self.data.sheets.get(sheet.name)
            if sd is None:
                continue
            if self._write and sheet.kind in KINDS:  # topics: the service checks
                base._check_write(self.actor, KINDS[sheet.kind], self.location_id)
            plan = SheetPlan(sheet.name, sd.source, sd.count)
            self.plans.append(plan)
            if sheet.name == "onderwerpen":
                self._topic_sheet(sd, plan)
            else:
                _SheetPass(self, sd, plan).run()
        order = {sd.source: i for i, sd in enumerate(self.data.sheets.values())}
        self.problems.items.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0))
        if self.progress:
            self.progress(self._total, self._total)

    def tick(self) -> None:
        self._done += 1
        if self._done % TICK_ROWS == 0:
            if self.cancel and self.cancel():
                raise ImportCancelled()
            if self.progress:
                self.progress(self._done, self._total)

    # -- names created on the fly ------------------------------------------

    def municipality(self, name: str) -> int:
        key = fold(name)
        self.named_municipalities = True
        if key not in self._municipalities:
            if self.write:
                obj = base.create(self.s, self.actor, "municipalities", self.location_id,
                                  {"name": name})
                self._municipalities[key] = obj.id
            else:
                self._municipalities[key] = self._new_id()
            if key != self._own_municipality:
                self.new_municipalities.append(name)
        return self._municipalities[key]

    def programme(self, name: str) -> int:
        key = _programme_key(name)
        if key not in self._programmes:
            if self.write:
                obj = base.create(self.s, self.actor, "programmes", self.location_id,
                                  {"key": key, "name": key[:1].upper() + key[1:]})
                self._programmes[key] = obj.id
            else:
                self._programmes[key] = self._new_id()
            self.new_programmes.append(key)
        return self._programmes[key]

    def topic_ids(self, names: tuple[str, ...]) -> tuple[int, ...] | str:
        """The ids of these topics, or the first unknown name."""
        found = self._topic_cells.get(names)
        if found is None:
            ids = set()
            for name in names:
                tid = self._topics.get(fold(name))
                if tid is None:
                    return name
                ids.add(tid)
            found = self._topic_cells[names] = tuple(sorted(ids))
        return found

    def known_topics(self) -> str:
        return ", ".join(sorted(self._topic_names.values(), key=fold))

    def _topic_sheet(self, sd: SheetData, plan: SheetPlan) -> None:
        """The location's own topics (added; only a beheerder may) and its
        topic groups (each group as the sheet lists it)."""
        groups: dict[str, list[str]] = {}
        for row in sd.rows():
            self.tick()
            name = row.values.get("name")
            if name is None:
                continue
            for group in row.values.get("groups") or ():
                groups.setdefault(group, []).append(name)
            if fold(name) in self._topics:
                plan.unchanged += 1
                continue
            plan.added += 1
            if not self.write:
                self._topics[fold(name)] = self._new_id()
                self._topic_names[self._topics[fold(name)]] = name
                continue
            if not self.actor.is_admin:
                self.problems.add(sd.source, row.number, "naam", name,
                                  "is een nieuw onderwerp; alleen een beheerder kan onderwerpen "
                                  "toevoegen (of laat deze regel weg).")
                continue
            try:
                tid = add_topic(self.s, self.actor, self.location_id, name)
            except ValidationError as exc:
                self.problems.add(sd.source, row.number, "naam", name,
                                  _lower_first(exc.message))
                continue
            self._topics[fold(name)], self._topic_names[tid] = tid, name
        if self.write and not self.problems:
            for group, names in groups.items():
                try:
                    set_topic_group(self.s, self.actor, self.location_id, group, names)
                except ValidationError as exc:
                    self.problems.add(sd.source, None, "groepen", group,
                                      _lower_first(exc.message))


def _name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _programme_key(name: str) -> str:
    return " ".join(name.split()).lower()


class _SheetPass:
    def __init__(self, run: _Pass, sd: SheetData, plan: SheetPlan):
        self.run_, self.sd, self.plan = run, sd, plan
        self.sheet: Sheet = sd.sheet
        self.kind: RecordKind = KINDS[self.sheet.kind]
        self.fields = [c.field for c in sd.columns]
        self.record_fields = [f for f in self.fields if f != "topics"]
        self.batch: list[tuple[dict[str, Any], tuple[int, ...]]] = []
        self.batch_numbers: list[str] = []
        present = {c.name for c in sd.columns}
        # The columns _resolve has work for: references, names, topics, defaults.
        self.to_resolve = [
            (c, c.field, c.parse, c.default) for c in sd.columns
            if c.parse in ("ref", "municipality", "programme", "topics", "date_or_bool")
            or c.default is not None]
        self.free_text = {f.name for f in self.kind.fields if f.free_text}
        self.column_of = {c.field: c for c in self.sheet.columns}
        self.missing = {c.field for c in self.sheet.columns if c.required and c.name not in present}

    # Existing records, keyed the way this sheet matches them.
    def _existing(self) -> Any:
        run, kind = self.run_, self.kind
        model = kind.model
        if run.location_id is None or run.s.scalar(
                select(model.id).where(model.location_id == run.location_id).limit(1)) is None:
            return Counter() if self.sheet.match == "all" else {}  # nothing to compare with
        cols = [getattr(model, f) for f in self.record_fields]
        q = select(model.id, model.version, *cols).where(model.location_id == run.location_id)
        if self.sheet.match == "all":
            span = self._span()
            if span is None:
                return Counter()
            span_col = getattr(model, kind.dated_by)
            q = q.where(span_col >= span[0], span_col <= span[1])
            with_topics = "topics" in self.fields
            fields = self.record_fields + (["topics"] if with_topics else [])
            if with_topics:  # a contact's topic ids, as "3,7"
                q = q.add_columns(
                    select(func.aggregate_strings(cast(m.ContactTopic.topic_id, String), ","))
                    .where(m.ContactTopic.contact_id == model.id).scalar_subquery())
            counter: Counter = Counter()
            for _rid, _version, *vals in run.s.execute(q.execution_options(yield_per=5000)):
                if with_topics:
                    ids = vals.pop()
                    vals.append(tuple(sorted(int(t) for t in ids.split(","))) if ids else ())
                row = dict(zip(fields, vals))
                counter[_signature(tuple(map(row.get, self.fields)))] += 1
            return counter
        key_fields = ("number",) if self.sheet.match == "number" else self.sheet.match
        extra = [getattr(model, f) for f in key_fields if f not in self.record_fields]
        q = q.add_columns(*extra)
        all_fields = self.record_fields + [f for f in key_fields if f not in self.record_fields]
        found = {}
        for rid, version, *vals in run.s.execute(q):
            row = dict(zip(all_fields, vals))
            found[tuple(row[f] for f in key_fields)] = (rid, version, row)
        return found

    def _span(self) -> tuple[dt.date, dt.date] | None:
        name = self.kind.dated_by
        first = last = None
        for row in self.sd.rows():
            date = row.values.get(name)
            if date is not None:
                first = date if first is None or date < first else first
                last = date if last is None or date > last else last
        return None if first is None else (first, last)

    def run(self) -> None:
        existing = self._existing()
        seen: dict[Any, int] = {}
        run = self.run_
        for row in self.sd.rows():
            run.tick()
            values = self._resolve(row)
            key = self._key(row, values)
            if self.sheet.match != "all" and key is not None:
                if key in seen:
                    self._duplicate(row, key, seen[key])
                    continue
                seen[key] = row.number
            if values is None:
                continue
            number = key[0] if self.sheet.match == "number" and key else None
            if self.sheet.match == "all":
                if existing:
                    sig = _signature(tuple(map(values.get, self.fields)))
                    if existing[sig] > 0:
                        existing[sig] -= 1
                        self.plan.unchanged += 1
                        continue
                if self._valid(row, values, {}):
                    self._note(row, None, None, values)
                    self._add(values)
                continue
            old = existing.get(key)
            if old is None:
                if self._valid(row, values, {}):
                    self._note(row, number, None, values)
                    self._add(values, number)
                continue
            rid, version, old_values = old
            if not self._valid(row, values, old_values):
                continue
            if all(values.get(f) == old_values.get(f) for f in self.record_fields):
                self.plan.unchanged += 1
                continue
            self.plan.changed += 1
            self._note(row, number, old_values, values)
            if run.write:
                update = {f: values.get(f) for f in self.record_fields}
                base.update(run.s, run.actor, self.kind.key, rid, version, update)
        self._flush()

    def _note(self, row: Row, number: str | None, old: dict[str, Any] | None,
              new: dict[str, Any]) -> None:
        """Remember what this row adds or changes, for the preview (planning
        only: an import that writes keeps no list)."""
        if self.run_.write:
            return
        if self.kind.key == "clients" and number is not None:  # as the workbook names them
            self.run_._client_names[self.run_.numbers(self.sheet.name)[number]] = _name(
                new.get("first_name"), new.get("last_name"))
        if len(self.plan.changes) >= SHOWN_ROWS:
            return
        fields = []
        if old is not None:
            for f in self.record_fields:
                before, after = old.get(f), new.get(f)
                if before == after or f not in self.column_of:
                    continue
                col = self.column_of[f]
                if col.parse in ("ref", "municipality", "programme") or f in self.free_text:
                    before = after = None  # said to have changed, not what it holds
                fields.append((col.name, before, after))
        self.plan.note(RowChange(row.number, old is None, number, tuple(fields),
                                 "" if old is not None else self._label(new)))

    def _label(self, new: dict[str, Any]) -> str:
        """Who or what a new record is about, as the preview names it."""
        if "last_name" in self.record_fields:  # clients and volunteers
            return _name(new.get("first_name"), new.get("last_name"))
        if "client_id" in self.record_fields:
            return self.run_.client_name(new.get("client_id"))
        if isinstance(self.sheet.match, tuple):  # a year figure: year, key, municipality, half
            names = {i: name for name, i in self.run_._municipalities.items()}
            return " ".join(str(names.get(new[f], "") if f == "municipality_id" else new[f])
                            for f in self.sheet.match if new.get(f) is not None)
        return str(new.get("address") or new.get("name") or "")

    def _key(self, row: Row, values: dict[str, Any] | None) -> tuple | None:
        if self.sheet.match == "number":
            number = row.values.get("number")
            return None if number is None else (number,)
        if self.sheet.match == "all" or values is None:
            return None
        return tuple(values.get(f) for f in self.sheet.match)

    def _duplicate(self, row: Row, key: tuple, first: int) -> None:
        if self.sheet.match == "number":
            self.run_.problems.add(self.sd.source, row.number, "nummer", key[0],
                                   f"komt ook voor in rij {first}; elk nummer mag maar één keer "
                                   "in het blad staan.")
        else:
            cols = ", ".join(c.name for c in self.sheet.columns if c.field in self.sheet.match)
            self.run_.problems.add(self.sd.source, row.number, None, None,
                                   f"dezelfde {cols} staan ook in rij {first}; elke combinatie "
                                   "mag maar één keer voorkomen.")

    def _resolve(self, row: Row) -> dict[str, Any] | None:
        """The row's values (its own dict, changed in place) with names and
        numbers replaced by ids; None (after recording the problems) when
        something does not resolve."""
        run = self.run_
        values = row.values
        ok = not row.bad
        if self.sheet.match == "number" and values.get("number") is not None:
            # Known for references even if this row has problems, so one bad
            # cell does not cascade into errors in other sheets.
            run.numbers(self.sheet.name).setdefault(values["number"], run._new_id())
        for col, name, parse, default in self.to_resolve:
            value = values.get(name)
            if value is None:  # an empty cell: the default, where the field has one
                if default is not None and name not in row.bad:
                    values[name] = default
                continue
            if parse == "ref":
                rid = run.numbers(col.ref).get(value)
                if rid is None:
                    target = KINDS[BY_NAME[col.ref].kind].label
                    run.problems.add(self.sd.source, row.number, col.name, value,
                                     f"bestaat niet in het blad {col.ref} en ook niet bij deze "
                                     f"locatie; gebruik het nummer van een bestaande {target}.")
                    ok = False
                values[name] = rid
            elif parse == "municipality":
                values[name] = run.municipality(value)
            elif parse == "programme":
                values[name] = run.programme(value)
            elif parse == "date_or_bool" and isinstance(value, bool):
                values[name] = self._extended(values) if value else None
                if value and values[name] is None:
                    run.problems.add(self.sd.source, row.number, col.name, "ja",
                                     "zonder datum van verlenging, start of evaluatie_6m; vul "
                                     "de datum van verlenging of de startdatum in.")
                    ok = False
            elif parse == "topics":
                ids = run.topic_ids(value)
                if isinstance(ids, str):
                    run.problems.add(self.sd.source, row.number, col.name, ids,
                                     f"is geen bekend onderwerp; kies uit: {run.known_topics()}.")
                    ok = False
                values[name] = ids
        return values if ok else None

    @staticmethod
    def _extended(values: dict[str, Any]) -> dt.date | None:
        """`verlengd` = ja: extended at the 6-month evaluation, or six months
        after the start."""
        if isinstance(values.get("evaluation_6m_on"), dt.date):
            return values["evaluation_6m_on"]
        start = values.get("started_on")
        return months_later(start, 6) if isinstance(start, dt.date) else None

    def _valid(self, row: Row, values: dict[str, Any], old: dict[str, Any]) -> bool:
        if old:
            full = {f.name: old.get(f.name) for f in self.kind.fields}
            full.update({f: values.get(f) for f in self.record_fields})
        else:  # a new record: what the row does not fill stays empty
            full = values
        # The rules from above the core judge what the workbook adds or changes:
        # a record it leaves as it is (re-importing one's own export) stays.
        unchanged = old and all(full.get(f) == old.get(f) for f in self.record_fields)
        more = None if unchanged else self.run_.rules.get(self.kind.key)
        try:
            validate_record(self.kind, full, more)
        except ValidationError as exc:
            for fname, message in exc.errors.items():
                if fname in self.missing:
                    continue  # the missing column was reported once, in the header
                col = next((c for c in self.sheet.columns if c.field == fname), None)
                self.run_.problems.add(self.sd.source, row.number, col.name if col else None,
                                       None, _lower_first(message))
            return False
        return True

    # -- writing new records in batches -------------------------------------

    def _add(self, values: dict[str, Any], number: str | None = None) -> None:
        self.plan.added += 1
        if not self.run_.write:
            return
        record = dict(zip(self.record_fields, map(values.get, self.record_fields)))
        self.batch.append((record, values.get("topics") or ()))
        if number is not None:
            self.batch_numbers.append(number)
        if len(self.batch) >= BATCH_ROWS:
            self._flush()

    def _create_changes(self, record: dict[str, Any]) -> dict[str, Any]:
        """What `services.base` audits for a new record (`_audit_changes(kind,
        {}, values)`; a test keeps the two equal), without its per-field
        comparisons: every filled field as [None, value], dates as ISO text,
        free text only as "<tekst>"."""
        free = self.free_text
        return {name: [None, "<tekst>" if name in free else
                       value.isoformat() if isinstance(value, dt.date) else value]
                for name, value in record.items() if value is not None}

    def _flush(self) -> None:
        if not self.run_.write:  # a problem was found: everything will be rolled back
            self.batch, self.batch_numbers = [], []
        if not self.batch:
            return
        run, kind = self.run_, self.kind
        table = kind.model.__table__
        actor = run.actor
        rows = []
        for record, _topics in self.batch:
            row = {**record, "location_id": run.location_id, "created_by_id": actor.user_id,
                   "updated_by_id": actor.user_id, "created_at": run._now,
                   "updated_at": run._now, "version": 1}
            if kind.key == "clients":
                derived = SimpleNamespace(first_name=record.get("first_name"),
                                          last_name=record.get("last_name"))
                base._derived(kind, derived)
                row["search_name"] = derived.search_name
            rows.append(row)
        ids = _allocate_ids(run.s, table, len(rows))
        for rid, row in zip(ids, rows):
            row["id"] = rid
        insert_rows(run.s, table, rows)
        audits = []
        links = []
        for rid, (record, topics) in zip(ids, self.batch):
            changes = self._create_changes(record)
            if topics:
                changes["topics"] = [None, [run._topic_names[t] for t in topics]]
                links.extend({"contact_id": rid, "topic_id": t} for t in topics)
            audits.append({"at": run._now, "user_id": actor.user_id,
                           "location_id": run.location_id, "action": "create",
                           "table_name": kind.key, "row_id": rid, "changes": changes or None,
                           "reason": None})
        insert_rows(run.s, m.AuditEntry.__table__, audits)
        if links:
            insert_rows(run.s, m.ContactTopic.__table__, links)
        if self.batch_numbers:
            numbers = run.numbers(self.sheet.name)
            numbers.update(zip(self.batch_numbers, ids))
        self.batch = []
        self.batch_numbers = []


def _allocate_ids(s: Session, table: Any, n: int) -> list[int]:
    """Ids for `n` new rows, so they can be inserted with a plain executemany
    (an INSERT … RETURNING ran row by row on SQLite). PostgreSQL hands them
    out from the table's sequence; on SQLite the import already holds the
    database's only write lock (see `apply_import`), so max(id) is stable."""
    if s.get_bind().dialect.name == "postgresql":
        return list(s.scalars(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": n}))
    start = (s.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(start, start + n))


def _signature(values: tuple) -> bytes:
    """What stands for a record when a sheet is matched on all its columns
    (contacts, trajectories): a 128-bit digest of its values, so comparing a
    workbook with the records already there holds 16 bytes per record, not
    the records (1,400,000 contacts: ≈ 0.1 GB instead of 1.3 GB). Whole
    floats count as integers, as they compare equal."""
    canonical = tuple(int(v) if v.__class__ is float and v.is_integer() else v for v in values)
    return blake2b(repr(canonical).encode(), digest_size=16).digest()


def _lower_first(message: str) -> str:
    """Record messages start with the field's label; after "kolom x:" the
    sentence reads better starting in lower case."""
    return message[:1].lower() + message[1:] if message[1:2].islower() else message
