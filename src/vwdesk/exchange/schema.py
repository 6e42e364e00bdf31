"""The sheets and columns of the exchange workbook (`spec/exchange.md`).

Built from the record kinds of `vwdesk.core.records`: a kind with a `sheet`
gives a sheet, each of its fields a column (name and hint from the field; how
a cell is read from the field's type). Declared here by hand is only what is
not a record field: the onderwerpen column of contacten (a contact's topics
are links) and the onderwerpen sheet (the location's own topics and topic
groups, see `core.services.topics`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vwdesk.core.records import KINDS, Field, RecordKind
from vwdesk.core.text import fold


@dataclass(frozen=True)
class Column:
    name: str  # as written in the workbook
    field: str  # model attribute
    # How a cell is read: str, text, date, date_or_bool, bool, int, float,
    # choice, nationality, ref (a `nummer` of `ref`), municipality, programme,
    # topics.
    parse: str
    required: bool = False
    ref: str | None = None  # sheet referred to, for parse == "ref"
    choices: tuple[str, ...] = ()
    hint: str = ""  # one line for the template and the guide
    # What an empty cell stores, for a field the database never leaves empty.
    default: Any = None


@dataclass(frozen=True)
class Sheet:
    name: str
    kind: str  # key in records.KINDS ("topics" for onderwerpen)
    columns: tuple[Column, ...]
    # How a row is matched to an existing record: "number" (on `nummer`),
    # a tuple of fields (a natural key; other fields are updated), or
    # "all" (on every column present; never updated, only added).
    match: str | tuple[str, ...]
    label: str  # Dutch plural for messages and the preview

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


DATE_HINT = "datum: dd-mm-jjjj of jjjj-mm-dd"
# References to kinds without a sheet name their record in words.
_NAMED_REFS = {"municipalities": "municipality", "programmes": "programme"}

# What is not a record field.
TOPICS_COLUMN = Column("onderwerpen", "topics", "topics", hint="onderwerpen gescheiden door |",
                       default=())
TOPICS_SHEET = Sheet("onderwerpen", "topics", (
    Column("naam", "name", "str", required=True, hint="onderwerp van de locatie"),
    Column("groepen", "groups", "topics", hint="onderwerpgroepen gescheiden door |"),
), ("name",), "onderwerpen")
# Extra columns of a kind's sheet: (after which field, column).
_EXTRA_COLUMNS = {"contacts": (("person_label", TOPICS_COLUMN),)}


def _parse(f: Field) -> str:
    if f.cell:
        return f.cell
    if f.type == "ref":
        return _NAMED_REFS.get(f.ref or "", "ref")
    return f.type


def _hint(f: Field, parse: str) -> str:
    if parse == "date":
        return f"{f.hint}; {DATE_HINT}" if f.hint else DATE_HINT
    if parse == "ref" and not f.hint:
        return f"nummer uit het blad {KINDS[f.ref].sheet}"
    return f.hint


def _default(kind: RecordKind, f: Field) -> Any:
    """The database column's scalar default, where it may not be empty."""
    col = kind.model.__table__.c[f.name]
    return None if col.nullable or col.default is None else col.default.arg


def column_of(kind: RecordKind, f: Field) -> Column:
    parse = _parse(f)
    return Column(f.column, f.name, parse, f.required or f.cell_required,
                  ref=KINDS[f.ref].sheet if parse == "ref" else None, choices=f.choices,
                  hint=_hint(f, parse), default=_default(kind, f))


def _sheet(kind: RecordKind) -> Sheet:
    extra = dict(_EXTRA_COLUMNS.get(kind.key, ()))
    columns: list[Column] = []
    for f in kind.fields:
        if f.column is not None:
            columns.append(column_of(kind, f))
        if f.name in extra:
            columns.append(extra[f.name])
    return Sheet(kind.sheet, kind.key, tuple(columns), kind.match, kind.plural)


def _import_order(sheets: tuple[Sheet, ...]) -> tuple[Sheet, ...]:
    """The sheets in an order in which each refers only to sheets above it
    (its references, and the topics for a topics column); otherwise as given."""
    needs = {s.name: {c.ref for c in s.columns if c.ref}
             | ({TOPICS_SHEET.name} if TOPICS_COLUMN in s.columns else set()) for s in sheets}
    order: list[Sheet] = []
    left = list(sheets)
    while left:
        done = {s.name for s in order}
        ready = next(s for s in left if needs[s.name] <= done)
        order.append(ready)
        left.remove(ready)
    return tuple(order)


_KIND_SHEETS = [_sheet(kind) for kind in KINDS.values() if kind.sheet]
_AFTER_MOVES = next(i for i, s in enumerate(_KIND_SHEETS) if s.kind == "moves") + 1
# The order of the specification, for the template and exports: that of the
# record kinds, with the topics after the moves.
EXPORT_ORDER: tuple[Sheet, ...] = (*_KIND_SHEETS[:_AFTER_MOVES], TOPICS_SHEET,
                                   *_KIND_SHEETS[_AFTER_MOVES:])
# The order of import.
SHEETS: tuple[Sheet, ...] = _import_order(EXPORT_ORDER)
BY_NAME = {s.name: s for s in SHEETS}
_BY_FOLDED = {fold(s.name): s for s in SHEETS}


def find_sheet(name: str) -> Sheet | None:
    """The sheet for a user-written name: case, accents and spaces ignored."""
    return _BY_FOLDED.get(fold(name))


def find_column(sheet: Sheet, name: str) -> Column | None:
    key = fold(name)
    for c in sheet.columns:
        if fold(c.name) == key:
            return c
    return None
