"""Reading a workbook: an .xlsx file (streamed by `xlsx.XlsxReader`) or a
folder of .csv files as Dutch spreadsheet programs save them.

Reading checks everything that needs no database: sheet and column names,
required columns, and every cell against its column's type. The parsed rows
go to a temporary spool; `plan_import` checks them against each other and
the database.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import logging
import zipfile
from xml.etree.ElementTree import ParseError
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vwdesk.exchange import values as v
from vwdesk.exchange.limits import (
    MAX_COLUMNS,
    MAX_ROW_BYTES,
    SheetError,
    columns_message,
    row_message,
)
from vwdesk.exchange.problems import ImportFailed, Problems
from vwdesk.exchange.schema import Column, Sheet, find_column, find_sheet
from vwdesk.exchange.spool import Spool
from vwdesk.exchange.xlsx import NotAWorkbook, XlsxReader, column_letters, zip_problem

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
_NONE_BAD: frozenset[str] = frozenset()

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIX = ".csv"
_CHUNK = 1 << 20
# Bytes that never occur in a text file saved as Windows-1252: NUL and other
# control characters, and the five code points cp1252 leaves undefined.
_CP1252_BAD = bytes([b for b in range(32) if b not in (9, 10, 13)] + [0x7F, 0x81, 0x8D, 0x8F,
                                                                        0x90, 0x9D])
_CP1252_OK = bytes(b for b in range(256) if b not in _CP1252_BAD)


@dataclass
class Row:
    number: int  # the row number the user sees (header = 1)
    values: dict[str, Any]  # field -> parsed value; absent when the cell was wrong
    bad: frozenset[str]  # fields whose cell could not be read


@dataclass
class SheetData:
    sheet: Sheet
    source: str  # the sheet's title or the .csv file name, as the user named it
    columns: list[Column]  # the known columns present, in workbook order
    count: int = 0  # data rows read
    _spool: Spool | None = field(default=None, repr=False)

    def rows(self) -> Iterator[Row]:
        fields = [c.field for c in self.columns]
        for number, parsed, bad in self._spool.rows(self.sheet.name):
            if bad:
                yield Row(number, {f: p for f, p in zip(fields, parsed) if f not in bad},
                          frozenset(bad))
            else:
                yield Row(number, dict(zip(fields, parsed)), _NONE_BAD)


@dataclass
class WorkbookData:
    """What was read from one workbook: per sheet its columns and rows, and
    every problem found without looking at the database."""

    path: Path
    sheets: dict[str, SheetData]
    problems: Problems
    _spool: Spool = field(repr=False)

    @property
    def row_count(self) -> int:
        return sum(s.count for s in self.sheets.values())

    def close(self) -> None:
        self._spool.close()


def read_workbook(path: str | Path, progress: Progress | None = None) -> WorkbookData:
    """Read and check an .xlsx file, a folder of .csv files or one .csv file
    named after its sheet. Raises `ImportFailed` when the file cannot be read
    at all; problems in sheets, columns and cells are collected in the result."""
    path = Path(path)
    problems = Problems()
    spool = Spool()
    data = WorkbookData(path, {}, problems, spool)
    try:
        if path.is_dir():
            _read_folder(path, data, progress)
        elif not path.exists():
            _fail(path.name, "bestaat niet; kies een .xlsx-bestand of een map met .csv-bestanden.")
        elif path.suffix.lower() in XLSX_SUFFIXES:
            _read_xlsx(path, data, progress)
        elif path.suffix.lower() == CSV_SUFFIX:
            _read_csv_files([path], data, progress)
        else:
            _fail(path.name, "is geen werkmap; kies een .xlsx-bestand of een map met "
                             ".csv-bestanden (clienten.csv, contacten.csv, …).")
        if not data.sheets and not problems:
            _fail(path.name, "bevat geen gegevens; vul ten minste één blad (bijv. clienten) "
                             "met een kopregel en gegevens.")
    except BaseException:
        spool.close()
        raise
    return data


def _fail(source: str, message: str) -> None:
    problems = Problems()
    problems.add(source, None, None, None, message)
    raise ImportFailed(problems)


# .xlsx -------------------------------------------------------------------

def _read_xlsx(path: Path, data: WorkbookData, progress: Progress | None) -> None:
    if path.stat().st_size == 0:
        _fail(path.name, "is leeg; kies een werkmap met gegevens.")
    try:
        book = XlsxReader(path)
    except NotAWorkbook as exc:
        _fail(path.name, exc.message or "is geen geldige Excel-werkmap (.xlsx); sla het bestand "
                                        "op als Excel-werkmap of als CSV en probeer het opnieuw.")
    try:
        total = sum(book.sheet_size(part) for _title, part in book.sheets)
        done = 0
        for title, part in book.sheets:
            def tick(n: int, base: int = done) -> None:
                if progress:
                    progress(min(base + n, total), total)

            try:
                _read_sheet(title, book.rows(part, _throttled(tick)), data)
            except SheetError as exc:
                data.problems.add(title, exc.row, exc.column, None, exc.message)
            except Exception as exc:  # noqa: BLE001 - a damaged sheet is a problem, not a crash
                if not isinstance(exc, DAMAGED_SHEET):
                    log.warning("exchange.sheet_unreadable error=%s", exc.__class__.__name__)
                data.problems.add(title, None, None, None, zip_problem(exc) or (
                    "kan niet worden gelezen (het bestand is beschadigd); sla de werkmap "
                    "opnieuw op in Excel of LibreOffice en probeer het opnieuw."))
            done += book.sheet_size(part)
    finally:
        book.close()
    if progress:
        progress(total, total)


# What a damaged sheet raises on its way through zipfile and ElementTree.
DAMAGED_SHEET = (ParseError, ValueError, IndexError, AttributeError, TypeError, EOFError,
                 zipfile.BadZipFile, RuntimeError, NotImplementedError)


def _throttled(tick: Callable[[int], None], every: int = 1 << 18) -> Callable[[int], None]:
    """Calls `tick` at most once per `every` bytes read."""
    last = [0]

    def inner(n: int) -> None:
        if n - last[0] >= every:
            last[0] = n
            tick(n)

    return inner


# .csv --------------------------------------------------------------------

def _read_folder(path: Path, data: WorkbookData, progress: Progress | None) -> None:
    files = sorted(p for p in path.iterdir()
                   if p.is_file() and p.suffix.lower() == CSV_SUFFIX and not p.name.startswith("."))
    if not files:
        _fail(path.name, "bevat geen .csv-bestanden; sla elk blad op als CSV met de naam van het "
                         "blad (clienten.csv, contacten.csv, …).")
    _read_csv_files(files, data, progress)


def _read_csv_files(files: list[Path], data: WorkbookData, progress: Progress | None) -> None:
    total = sum(p.stat().st_size for p in files)
    done = 0
    for p in files:
        size = p.stat().st_size
        if size == 0:
            data.problems.add(p.name, None, None, None,
                              "is leeg; verwijder het bestand of vul een kopregel en gegevens in.")
            continue
        encoding = _detect_encoding(p)
        if encoding is None:
            data.problems.add(p.name, None, None, None,
                              "heeft een onbekende tekenset (bijv. UTF-16); sla het op als "
                              "\"CSV UTF-8\" of als \"CSV (gescheiden door lijstscheidingsteken)\".")
            done += size
            continue
        with open(p, "rb") as raw:
            text = io.TextIOWrapper(raw, encoding=encoding, newline="")

            def tick(base: int = done, f: Any = raw) -> None:
                if progress:
                    progress(min(base + f.tell(), total), total)

            try:
                _read_sheet(p.stem, _csv_rows(text, tick), data, source=p.name)
            except SheetError as exc:
                data.problems.add(p.name, exc.row, exc.column, None, exc.message)
        done += size
    if progress:
        progress(total, total)


def _csv_rows(text: io.TextIOWrapper, tick: Callable[[], None]
              ) -> Iterator[tuple[int, list[str]]]:
    """Numbered rows of a .csv (a cell with line breaks stays one row, as in
    the spreadsheet); the separator (; or ,) is the one the header uses most.
    No line may be longer than MAX_ROW_BYTES characters, nor a row wider than
    MAX_COLUMNS (`SheetError`)."""
    lines = _bounded_lines(text)
    first = next(lines, "")
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    csv.field_size_limit(MAX_ROW_BYTES)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if number % 500 == 0:
                tick()
            if len(row) > MAX_COLUMNS:
                raise SheetError(columns_message(), number)
            yield number, [v.csv_cell(c) if c[:1] == "'" else c for c in row]
    except csv.Error:
        raise SheetError("is geen geldige CSV-regel (bijvoorbeeld een aanhalingsteken \" dat "
                         "niet goed is afgesloten); sla het bestand opnieuw op als CSV.",
                         number + 1) from None


def _bounded_lines(text: io.TextIOWrapper) -> Iterator[str]:
    number = 0
    while line := text.readline(MAX_ROW_BYTES + 1):
        number += 1
        if len(line) > MAX_ROW_BYTES:
            raise SheetError(row_message(), number)
        yield line


def _detect_encoding(path: Path) -> str | None:
    """utf-8-sig, utf-8 or cp1252; None for anything else (UTF-16, binary)."""
    with open(path, "rb") as f:
        head = f.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        utf8 = True
        cp1252 = True
        while chunk := f.read(_CHUNK):
            if b"\x00" in chunk:
                return None
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            if cp1252 and chunk.translate(None, _CP1252_OK):
                cp1252 = False
        if utf8:
            try:
                decoder.decode(b"", final=True)
                return "utf-8"
            except UnicodeDecodeError:
                pass
        return "cp1252" if cp1252 else None


# One sheet ----------------------------------------------------------------

def _read_sheet(title: str, rows: Iterable[tuple[int, list[Any]]], data: WorkbookData,
                source: str | None = None) -> None:
    source = source or title
    problems = data.problems
    sheet = find_sheet(title)
    iterator = iter(rows)
    first = next(iterator, None)
    while first is not None and not _has_value(first[1]):
        first = next(iterator, None)  # leading empty rows are not expected, but harmless
    header = None if first is None else first[1]
    if sheet is None:
        if header is not None:  # an empty extra sheet (e.g. "Blad1") is ignored
            from vwdesk.exchange.schema import SHEETS

            problems.add(source, None, None, None,
                         "is geen bekend blad; gebruik de bladnamen "
                         f"{', '.join(s.name for s in SHEETS)} (of verwijder dit blad).")
        return
    if sheet.name in data.sheets:
        problems.add(source, None, None, None,
                     f"komt twee keer voor (ook als {data.sheets[sheet.name].source}); "
                     "voeg de gegevens samen in één blad.")
        return
    if header is None:
        return
    columns = _header(sheet, source, first[0], header, problems)
    present = [c for c in columns if c is not None]
    sd = SheetData(sheet, source, present, 0, data._spool)
    data.sheets[sheet.name] = sd
    data._spool.begin(sheet.name)
    nameless: set[int] = set()
    # Columns with a name that is wrong were reported once, in the header.
    named = {i for i, cell in enumerate(header) if not v.is_empty(cell)}
    parsers = [(i, col, _parser(col)) for i, col in enumerate(columns) if col is not None]
    unnamed = [i for i, col in enumerate(columns) if col is None and i not in named]
    width = len(columns)
    for row_number, cells in iterator:
        if not _has_value(cells):
            continue
        parsed: list[Any] = []
        bad: list[str] = []
        n = len(cells)
        for i, col, parse in parsers:
            cell = cells[i] if i < n else None
            try:
                if cell is None or (cell.__class__ is str and not cell.strip()):
                    if col.required:
                        raise v.BadValue("is leeg; deze kolom is verplicht, vul een waarde in.")
                    parsed.append(None)
                else:
                    parsed.append(parse(cell))
            except v.BadValue as exc:
                parsed.append(None)
                bad.append(col.field)
                problems.add(source, row_number, col.name, None if v.is_empty(cell) else cell,
                             exc.message)
        for i in range(width, n):
            if not v.is_empty(cells[i]) and i not in nameless:
                nameless.add(i)
                problems.add(source, row_number, column_letters(i), cells[i],
                             "staat in een kolom zonder naam; geef de kolom een naam in rij 1 of "
                             "maak de cel leeg.")
        for i in unnamed:
            if i < n and not v.is_empty(cells[i]) and i not in nameless:
                nameless.add(i)
                problems.add(source, row_number, column_letters(i), cells[i],
                             "staat in een kolom zonder naam; geef de kolom een naam in rij 1 of "
                             "maak de cel leeg.")
        sd.count += 1
        data._spool.append((row_number, tuple(parsed), tuple(bad)))
    data._spool.end()


def _header(sheet: Sheet, source: str, row: int, header: tuple | list, problems: Problems
            ) -> list[Column | None]:
    columns: list[Column | None] = []
    seen: set[str] = set()
    for i, cell in enumerate(header):
        try:
            name = "" if v.is_empty(cell) else v.parse_str(cell)
        except v.BadValue as exc:  # a column name of more than 32,767 characters
            problems.add(source, row, column_letters(i), None, exc.message)
            columns.append(None)
            continue
        col = find_column(sheet, name) if name else None
        if name and col is None:
            problems.add(source, row, name, None,
                         "is geen bekende kolom van dit blad; gebruik: "
                         f"{', '.join(c.name for c in sheet.columns)}.")
        elif col is not None and col.name in seen:
            problems.add(source, row, name, None,
                         "komt twee keer voor; laat één van beide kolommen weg.")
            col = None
        if col is not None:
            seen.add(col.name)
        columns.append(col)
    for name in sheet.required:
        if name not in seen:
            problems.add(source, row, name, None,
                         "ontbreekt; deze kolom is verplicht in dit blad (verplicht: "
                         f"{', '.join(sheet.required)}).")
    return columns


def _has_value(cells: list[Any]) -> bool:
    for c in cells:
        if c is not None and (c.__class__ is not str or c.strip()):
            return True
    return False


def _parser(col: Column) -> Callable[[Any], Any]:
    """How a non-empty cell of this column is read."""
    p = col.parse
    if p == "choice":
        return lambda cell: v.parse_choice(cell, col.choices)
    if p == "topics":
        return lambda cell: tuple(v.parse_list(cell))
    return {"date": v.parse_date, "date_or_bool": v.parse_date_or_bool,
            "bool": v.parse_bool, "int": v.parse_int,
            "float": v.parse_float, "nationality": v.parse_nationality_cell,
            "text": v.parse_text}.get(p, v.parse_str)  # str, ref, municipality, programme
