"""A streaming .xlsx reader and writer for the exchange workbook.

openpyxl (read-only and write-only modes) measured 50–85 µs per cell on the
target machines, mostly in building a Python object per cell: reading a
workbook of 100,000 contacts took over a minute, writing one as long (see
bench/bench_exchange.py). The workbook only needs rows of plain values, so
this module reads the workbook's parts with ElementTree and each sheet's
rows with `sheet_rows` (regular expressions where the XML has the usual
form, ElementTree otherwise), and writes sheets as text. Memory stays
bounded: each sheet is streamed. openpyxl still writes the template, where
comments and drop-down lists matter and size does not.

Reading handles what spreadsheet programs write: shared and inline strings,
rich text, numbers, booleans, ISO dates (`t="d"`), date cells recognised by
their number format (1900 and 1904 date systems), formulas (their cached
value), and rows or cells without a position (`r`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse
from xml.sax.saxutils import escape

from vwdesk.core.files import open_private
from vwdesk.exchange.limits import (
    MAX_CELL_CHARS,
    MAX_PART,
    MAX_ROW_BYTES,
    MAX_SHARED_PART,
    MAX_SHARED_STRINGS,
    MAX_UNCOMPRESSED,
    SheetError,
    dutch_int,
)
from vwdesk.exchange.sheet_rows import (
    ILLEGAL_XML_CHARS,
    MAIN,
    Counting,
    SheetHead,
    SheetRows,
    shared_text,
)

REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SI = MAIN + "si"
# Built-in number formats that show a date (ECMA-376 18.8.30).
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}
_DATE_CODE = re.compile(r"(?<![\\_])[dmyhs]", re.IGNORECASE)
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


class NotAWorkbook(Exception):
    """The file is not an .xlsx workbook (not a zip, or parts missing).
    `message`, when set, says in Dutch what is wrong (after the file name)."""

    def __init__(self, message: str | None = None):
        super().__init__(message or "not a workbook")
        self.message = message


ENCRYPTED_ENTRY = ("is versleuteld of met een wachtwoord beveiligd; sla de werkmap op zonder "
                   "wachtwoord en probeer het opnieuw.")
UNKNOWN_COMPRESSION = ("is gecomprimeerd op een manier die vwdesk niet kent; sla de werkmap "
                       "opnieuw op als Excel-werkmap (.xlsx) en probeer het opnieuw.")


def zip_problem(exc: Exception) -> str | None:
    """The Dutch message for zipfile's errors about an entry it cannot open."""
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return ENCRYPTED_ENTRY
    if isinstance(exc, NotImplementedError):
        return UNKNOWN_COMPRESSION
    return None


# Reading --------------------------------------------------------------------

class XlsxReader:
    def __init__(self, path: Any):
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise NotAWorkbook() from exc
        try:
            self._check_sizes()
            self._load()
        except NotAWorkbook:
            self.zip.close()
            raise
        except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError, OSError, EOFError,
                RuntimeError, NotImplementedError, RecursionError) as exc:
            self.zip.close()
            raise NotAWorkbook(zip_problem(exc)) from exc

    def close(self) -> None:
        self.zip.close()

    def _check_sizes(self) -> None:
        total = sum(info.file_size for info in self.zip.infolist())
        if total > MAX_UNCOMPRESSED:
            raise NotAWorkbook(
                f"is uitgepakt groter dan {MAX_UNCOMPRESSED >> 30} GB, meer dan vwdesk leest; "
                "splits de gegevens over meer werkmappen of importeer per jaar.")

    def _check_part(self, name: str, limit: int = MAX_PART) -> None:
        if self.zip.getinfo(name).file_size > limit:
            raise NotAWorkbook(f"heeft een onderdeel ({name}) van meer dan {limit >> 20} MB; "
                               "het bestand is beschadigd of niet door een rekenprogramma "
                               "gemaakt. Sla de werkmap opnieuw op.")

    def _xml(self, name: str) -> Iterator[tuple[str, Any]]:
        self._check_part(name)
        with self.zip.open(name) as f:
            yield from iterparse(f, events=("end",))

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        out = {}
        if rels_name not in self.zip.namelist():
            return out
        for _ev, el in self._xml(rels_name):
            if el.tag == PKG_REL + "Relationship":
                target = el.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(folder, target))
                out[el.get("Id")] = (el.get("Type", ""), target)
        return out

    def _load(self) -> None:
        root_rels = self._rels("")
        book = next((t for typ, t in root_rels.values() if typ.endswith("/officeDocument")),
                    None)
        if book is None or book not in self.zip.namelist():
            raise NotAWorkbook("bevat geen werkmap (het is wel een zip-bestand); kies een "
                               ".xlsx-bestand dat in Excel of LibreOffice is opgeslagen.")
        rels = self._rels(book)
        self.sheets: list[tuple[str, str]] = []  # (title, part)
        self.date1904 = False
        for _ev, el in self._xml(book):
            if el.tag == MAIN + "sheet":
                rel = rels.get(el.get(REL + "id"))
                if rel and rel[0].endswith("/worksheet"):
                    self.sheets.append((el.get("name", ""), rel[1]))
            elif el.tag == MAIN + "workbookPr":
                self.date1904 = el.get("date1904") in ("1", "true")
        self.epoch = _EPOCH_1904 if self.date1904 else _EPOCH_1900
        self.strings: list[str] = []
        self.date_styles: set[int] = set()
        for typ, target in rels.values():
            if typ.endswith("/sharedStrings"):
                self._load_strings(target)
            elif typ.endswith("/styles"):
                self._load_styles(target)

    def _load_strings(self, part: str) -> None:
        """The shared strings, each element dropped once read (ElementTree
        would keep them all under the root); at most MAX_SHARED_STRINGS,
        none longer than MAX_ROW_BYTES."""
        strings = self.strings
        self._check_part(part, MAX_SHARED_PART)
        with self.zip.open(part) as raw:
            f = _LimitedPart(raw)
            root = None
            for ev, el in iterparse(f, events=("start", "end")):
                if root is None:
                    root = el
                elif ev == "end" and el.tag == _SI:
                    if len(strings) >= MAX_SHARED_STRINGS:
                        raise NotAWorkbook(
                            f"heeft meer dan {dutch_int(MAX_SHARED_STRINGS)} verschillende "
                            "teksten, meer dan vwdesk leest; splits de gegevens over meer "
                            "werkmappen.")
                    strings.append(shared_text(el))
                    root.clear()
                    f.done_item()

    def _load_styles(self, part: str) -> None:
        formats: dict[int, str] = {}
        xf_formats: list[int] = []
        in_cell_xfs = False
        self._check_part(part)
        with self.zip.open(part) as f:
            for ev, el in iterparse(f, events=("start", "end")):
                if el.tag == MAIN + "cellXfs":
                    in_cell_xfs = ev == "start"
                elif ev == "end" and el.tag == MAIN + "numFmt":
                    formats[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
                elif ev == "end" and el.tag == MAIN + "xf" and in_cell_xfs:
                    xf_formats.append(int(el.get("numFmtId", "0")))
        for index, fmt_id in enumerate(xf_formats):
            code = formats.get(fmt_id)
            if (fmt_id in _BUILTIN_DATE_FORMATS if code is None else _is_date_code(code)):
                self.date_styles.add(index)

    def rows(self, part: str, progress: Callable[[int], None] | None = None
             ) -> Iterator[tuple[int, list[Any]]]:
        """(row number, values) for every row in the sheet, in order;
        `progress` gets the number of bytes of the sheet's XML read so far.
        Raises `SheetError` for what cannot be read."""
        reader = SheetRows(self.strings, self.date_styles, self.epoch)
        if part not in self.zip.namelist():
            raise SheetError(f"ontbreekt in het bestand (het onderdeel {part} bestaat niet); "
                             "het bestand is beschadigd. Sla de werkmap opnieuw op.")
        with self.zip.open(part) as raw:
            f = Counting(raw, progress)
            head = SheetHead.read(f)
            if head is not None:
                yield from reader.fast_rows(f, head)
                return
            shown = f.done
        with self.zip.open(part) as raw:  # read by ElementTree from the start
            yield from reader.tree_rows(Counting(raw, progress, shown))

    def sheet_size(self, part: str) -> int:
        try:
            return self.zip.getinfo(part).file_size
        except KeyError:
            return 0


class _LimitedPart:
    """The shared-strings part, read with at most MAX_ROW_BYTES for one text."""

    def __init__(self, f: Any):
        self.f, self.done, self.start = f, 0, 0

    def done_item(self) -> None:
        self.start = self.done

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n if 0 <= n <= 1 << 16 else 1 << 16)
        self.done += len(data)
        if self.done - self.start > MAX_ROW_BYTES:
            raise NotAWorkbook(f"heeft een tekst van meer dan {MAX_ROW_BYTES >> 20} MB; een cel "
                               f"mag hoogstens {dutch_int(MAX_CELL_CHARS)} tekens bevatten.")
        return data


def _is_date_code(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", code)  # quoted text and [colours]
    return bool(_DATE_CODE.search(code.split(";")[0]))


# Writing --------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>")
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
    'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    '<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"
_DATE_STYLE, _BOLD_STYLE = 1, 2


class XlsxWriter:
    """Writes sheets of plain values row by row; only one sheet is open at a time."""

    def __init__(self, path: Any):
        # A file named by path is private to the account (`core.files`).
        self._file = open_private(path) if isinstance(path, str | Path) else None
        self.zip = zipfile.ZipFile(self._file or path, "w", zipfile.ZIP_DEFLATED,
                                   compresslevel=5)
        self.titles: list[str] = []
        self._out: Any = None
        self._row = 0
        self._buffer: list[str] = []

    def begin(self, title: str, header: list[str], widths: list[int]) -> None:
        self._end_sheet()
        self.titles.append(title)
        self._out = self.zip.open(f"xl/worksheets/sheet{len(self.titles)}.xml", "w",
                                  force_zip64=True)
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(widths, start=1))
        self._out.write(_SHEET_HEAD.format(cols=cols).encode())
        self._row = 0
        self._append(header, style=_BOLD_STYLE)

    def append(self, values: list[Any]) -> None:
        self._append(values)

    def _append(self, values: list[Any], style: int = 0) -> None:
        self._row += 1
        cells = []
        row = self._row
        for i, value in enumerate(values):
            if value is None:
                continue
            ref = f"{column_letters(i)}{row}"
            if isinstance(value, bool):
                cells.append(_inline(ref, "ja" if value else "nee", style))
            elif isinstance(value, dt.date):
                if isinstance(value, dt.datetime):
                    serial = (value - _EPOCH_1900).total_seconds() / 86400
                else:
                    serial = (value - _EPOCH_1900.date()).days
                cells.append(f'<c r="{ref}" s="{_DATE_STYLE}"><v>{serial}</v></c>')
            elif isinstance(value, int | float):
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
            else:
                cells.append(_inline(ref, str(value), style))
        self._buffer.append(f'<row r="{self._row}">{"".join(cells)}</row>')
        if len(self._buffer) >= 500:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            self._out.write("".join(self._buffer).encode())
            self._buffer = []

    def _end_sheet(self) -> None:
        if self._out is not None:
            self._flush()
            self._out.write(_SHEET_TAIL.encode())
            self._out.close()
            self._out = None

    def close(self) -> None:
        self._end_sheet()
        n = len(self.titles)
        self.zip.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            sheets="".join(_SHEET_TYPE.format(n=i) for i in range(1, n + 1))))
        self.zip.writestr("_rels/.rels", _ROOT_RELS)
        sheets = "".join(f'<sheet name="{escape(t, {chr(34): "&quot;"})}" sheetId="{i}" '
                         f'r:id="rId{i}"/>' for i, t in enumerate(self.titles, start=1))
        self.zip.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{sheets}</sheets></workbook>"))
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1))
        rels += (f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/styles" Target="styles.xml"/>')
        self.zip.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>"))
        self.zip.writestr("xl/styles.xml", _STYLES)
        self.zip.close()
        self._close_file()

    def _close_file(self) -> None:
        if self._file is not None:
            self._file.close()

    def abort(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        self.zip.close()
        self._close_file()


def _inline(ref: str, text: str, style: int) -> str:
    text = ILLEGAL_XML_CHARS.sub("", text)
    # Spreadsheet programs trim white space at either end unless told not to.
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    text = escape(text).replace("\r", "&#13;")
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def column_letters(index: int) -> str:
    """Column letters of a 0-based index: 0 -> A, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
