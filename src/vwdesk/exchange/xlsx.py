"""A streaming .xlsx reader and writer for the exchange workbook.

openpyxl (read-only and write-only modes) measured 50–85 µs per cell on the
target machines, mostly in building a Python object per cell: reading a
workbook of 100,000 contacts took over a minute, writing one as long (see
bench/bench_exchange.py). The workbook only needs rows of plain values.
ElementTree is faster but still builds an element per cell, row, value and
text: ≈ 4 s for the contacts sheet alone. So the reader cuts the sheet XML
into rows and cells with regular expressions, which run in C, for the form
in which Excel, LibreOffice, Google Sheets, openpyxl and vwdesk write them
(≈ 2.5 times faster); a row in any other form — attributes in another
order, rich text, comments — is handed to ElementTree, and so is a whole
sheet with an unusual encoding or namespace prefixes. Memory stays bounded:
the sheet is read in 1 MB pieces. openpyxl still writes the template, where
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
from typing import IO, Any
from xml.etree.ElementTree import fromstring, iterparse
from xml.sax.saxutils import escape

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW, _C, _V, _IS, _T, _R, _RPH, _SI = (MAIN + t for t in ("row", "c", "v", "is", "t", "r",
                                                           "rPh", "si"))
_SHEET_DATA = MAIN + "sheetData"
# Built-in number formats that show a date (ECMA-376 18.8.30).
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | {45, 46, 47}
_DATE_CODE = re.compile(r"(?<![\\_])[dmyhs]", re.IGNORECASE)
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# The fast reader (see the module docstring). Nothing is skipped silently:
# text between rows that is not a row, and a cell `_CELLS` does not match
# (its catch-all group), send the stretch or row to ElementTree.
_CHUNK = 1 << 20
_HEAD_LIMIT = 4 << 20  # sheet views, columns etc. before <sheetData>
_HEAD = re.compile(rb"(?:\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>)?.*?(<worksheet\b[^>]*>).*?"
                   rb"<sheetData\s*(/)?>", re.S)
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']+)""")
_ROW_START = re.compile(r'\s*<row(?: r="(\d+)")?((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>')
# A cell: r, s and t in this order, each optional, then other attributes
# (never r, s or t again); empty, or a formula and/or <v>, or an inline
# string of one <t>.
_CELLS = re.compile(
    r'<c(?: r="([A-Z]{1,3})\d+")?(?: s="(\d+)")?(?: t="(\w+)")?'
    r'(?:\s+(?![rst]=)[\w:.-]+="[^"]*")*\s*'
    r"(?:/>|>(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?(?:<v>([^<]*)</v>|<v\s*/>)?</c>"
    r"|><is><t(?:\s[^>]*)?>([^<]*)</t></is></c>)"
    r"|(\s+|.)", re.S)
_COLUMNS: dict[str, int] = {}  # column letters -> index, filled as met
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_BAD_AMPERSAND = re.compile(r"&(?!#\d+;|#x[0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);)")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class NotAWorkbook(Exception):
    """The file is not an .xlsx workbook (not a zip, or parts missing)."""


# Reading --------------------------------------------------------------------

class XlsxReader:
    def __init__(self, path: Any):
        try:
            self.zip = zipfile.ZipFile(path)
            self._load()
        except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError, OSError) as exc:
            raise NotAWorkbook(str(exc)) from exc

    def close(self) -> None:
        self.zip.close()

    def _xml(self, name: str) -> Iterator[tuple[str, Any]]:
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
        book = next(t for typ, t in root_rels.values() if typ.endswith("/officeDocument"))
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
        for _ev, el in self._xml(part):
            if el.tag == _SI:
                self.strings.append(_text(el))
                el.clear()

    def _load_styles(self, part: str) -> None:
        formats: dict[int, str] = {}
        xf_formats: list[int] = []
        in_cell_xfs = False
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
        """(row number, values) for every row in the sheet, in order."""
        with self.zip.open(part) as raw:
            f = _Counting(raw, progress)
            head = _SheetHead.read(f)
            if head is not None:
                yield from self._fast_rows(f, head)
                return
        with self.zip.open(part) as raw:
            yield from self._tree_rows(_Counting(raw, progress))

    def _fast_rows(self, f: _Counting, head: _SheetHead) -> Iterator[tuple[int, list[Any]]]:
        """The rows of a sheet in the usual layout, cut from the text with
        regular expressions (see `_ROW_START` and `_CELLS`); a row (or stretch
        between rows) in any other form is parsed by ElementTree."""
        buf, done = head.rest, head.empty
        row_number = 0
        while not done:
            data = f.read(_CHUNK)
            buf += data
            end = buf.find(b"</sheetData>")
            if end >= 0:
                done = True
            elif not data:
                raise ValueError("sheetData is not closed")
            else:
                end = buf.rfind(b"</row>")
                if end < 0:
                    continue
                end += len(b"</row>")
            text = buf[:end].decode("utf-8")
            buf = buf[end:]
            rows = _split_rows(text)
            if rows is None:
                # something other than rows (a comment, say): ElementTree reads the stretch
                for row in _parse_fragment(head.root, text):
                    if row.tag == _ROW:
                        row_number = _row_number(row, row_number)
                        yield row_number, self._values(row)
                continue
            for r, attrs, body in rows:
                if r:
                    row_number = int(r)
                elif ' r=' in attrs or '\tr=' in attrs or '\nr=' in attrs:
                    # r not in first place: let ElementTree read the row
                    [row] = _parse_fragment(head.root, f"<row{attrs}>{body}</row>")
                    row_number = _row_number(row, row_number)
                    yield row_number, self._values(row)
                    continue
                else:
                    row_number += 1
                values = self._fast_values(body) if body else []
                if values is None:
                    [row] = _parse_fragment(head.root, f"<row{attrs}>{body}</row>")
                    values = self._values(row)
                yield row_number, values

    def _fast_values(self, body: str) -> list[Any] | None:
        """The values of one row's cells, or None when a cell is not in a
        form `_CELLS` reads (then ElementTree reads the row)."""
        values: list[Any] = []
        columns = _COLUMNS
        for ref, style, t, v, inline, other in _CELLS.findall(body):
            if other:
                if other.isspace():
                    continue
                return None
            if ref:
                col = columns.get(ref)
                if col is None:
                    col = columns[ref] = _column_index(ref)
                if col > len(values):
                    values.extend([None] * (col - len(values)))
            if not t or t == "n":
                if not v:
                    values.append(None)
                elif style and int(style) in self.date_styles:
                    values.append(self.epoch + dt.timedelta(days=float(v)))
                else:
                    values.append(_number(v))
            elif t == "s":
                values.append(self.strings[int(v)])
            elif t == "inlineStr":
                values.append(_unescape(inline))
            elif not v:
                values.append(None)
            elif t == "b":
                values.append(v.strip() in ("1", "true"))
            elif t == "d":
                values.append(dt.datetime.fromisoformat(v.rstrip("Z")))
            else:  # "str" (a formula's cached text) or "e" (#N/A and the like)
                values.append(_unescape(v))
        return values

    def _tree_rows(self, f: _Counting) -> Iterator[tuple[int, list[Any]]]:
        """Every row through ElementTree's `iterparse`: any valid sheet XML.

        Only "start" events are asked for (half the events of start+end): a
        row is complete when the next row (or the end of the sheet) starts,
        so each row is handled one event late and then dropped."""
        row_number = 0
        sheet_data = None
        pending = None
        for _ev, el in iterparse(f, events=("start",)):
            tag = el.tag
            if tag == _ROW:
                if pending is not None:
                    row_number = _row_number(pending, row_number)
                    yield row_number, self._values(pending)
                pending = el
                if sheet_data is not None:
                    del sheet_data[:]  # the builder keeps the row it is filling
            elif tag == _SHEET_DATA:
                sheet_data = el
        if pending is not None:
            row_number = _row_number(pending, row_number)
            yield row_number, self._values(pending)

    def _values(self, row: Any) -> list[Any]:
        strings, date_styles, epoch = self.strings, self.date_styles, self.epoch
        values: list[Any] = []
        for c in row:
            if c.tag != _C:
                continue
            ref = c.get("r")
            if ref:
                col = _column_index(ref)
                if col > len(values):
                    values.extend([None] * (col - len(values)))
            t = c.get("t")
            if t == "s":  # the common cases inline: shared strings and numbers
                values.append(strings[int(c.find(_V).text)])
            elif t is None and c.get("s") is None:
                v = c.find(_V)
                values.append(None if v is None or v.text is None else _number(v.text))
            else:
                values.append(_cell_value(c, strings, date_styles, epoch))
        return values

    def sheet_size(self, part: str) -> int:
        return self.zip.getinfo(part).file_size


class _SheetHead:
    """The start of a sheet's XML, up to and including `<sheetData>`, when
    the sheet has the layout the fast reader expects: UTF-8, no namespace
    prefix on the worksheet and its sheetData."""

    def __init__(self, root: str, rest: bytes, empty: bool):
        self.root = root  # the worksheet start tag, with its namespace declarations
        self.rest = rest  # what was read after <sheetData>
        self.empty = empty  # <sheetData/>

    @classmethod
    def read(cls, f: _Counting) -> _SheetHead | None:
        buf = b""
        while len(buf) < _HEAD_LIMIT:
            data = f.read(_CHUNK)
            buf += data
            m = _HEAD.match(buf)
            if m:
                declaration = m.group(1) or b""
                encoding = _ENCODING.search(declaration)
                if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
                    return None
                root = m.group(2).decode("utf-8")
                if f'xmlns="{MAIN[1:-1]}"' not in root:
                    return None  # another default namespace: ElementTree decides
                return cls(root, buf[m.end():], bool(m.group(3)))
            if not data:
                break
        return None


def _split_rows(text: str) -> list[tuple[str, str, str]] | None:
    """(r, other attributes, cells) of each row in a stretch of sheet XML
    that ends with a row's end tag or with the sheet data; None when the
    stretch holds anything but rows and white space."""
    rows = []
    pieces = text.split("</row>")
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        pos = 0
        while True:
            m = _ROW_START.match(piece, pos)
            if m is None:
                if piece[pos:].strip():
                    return None
                break
            if m.group(3):  # <row .../>
                rows.append((m.group(1), m.group(2), ""))
                pos = m.end()
                continue
            if i == last:  # a row that is not closed
                return None
            rows.append((m.group(1), m.group(2), piece[m.end():]))
            break
    return rows


def _parse_fragment(root: str, text: str) -> Any:
    """Rows cut out of a sheet, parsed inside the sheet's own root element
    (whose namespace declarations their tags and attributes may use)."""
    return fromstring(f"{root}{text}</worksheet>")


def _unescape(text: str) -> str:
    """Character data as an XML parser returns it: entities resolved and
    line ends normalised."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" not in text:
        return text
    if _BAD_AMPERSAND.search(text):
        raise ValueError("undefined entity")
    return _ENTITY.sub(_entity, text)


def _entity(m: re.Match) -> str:
    if m.group(1):
        return chr(int(m.group(1)))
    if m.group(2):
        return chr(int(m.group(2), 16))
    return _NAMED_ENTITIES[m.group(3)]


class _Counting:
    """A file wrapper that reports how many bytes were read."""

    def __init__(self, f: IO[bytes], progress: Callable[[int], None] | None):
        self.f, self.progress, self.done = f, progress, 0

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.done += len(data)
        if self.progress:
            self.progress(self.done)
        return data


def _row_number(row: Any, previous: int) -> int:
    r = row.get("r")
    return int(r) if r else previous + 1


def _is_date_code(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", code)  # quoted text and [colours]
    return bool(_DATE_CODE.search(code.split(";")[0]))


def _column_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        elif "a" <= ch <= "z":
            n = n * 26 + ord(ch) - 96
        else:
            break
    return n - 1


def _text(el: Any) -> str:
    """The text of a shared or inline string, rich-text runs joined,
    phonetic hints left out."""
    parts = []
    for child in el:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            for t in child:
                if t.tag == _T:
                    parts.append(t.text or "")
    return "".join(parts)


def _number(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() and "E" not in text.upper() else number


def _cell_value(c: Any, strings: list[str], date_styles: set[int], epoch: dt.datetime) -> Any:
    t = c.get("t", "n")
    if t == "inlineStr":
        is_ = c.find(_IS)
        return _text(is_) if is_ is not None else None
    v = c.find(_V)
    if v is None or v.text is None:
        return None
    text = v.text
    if t == "s":
        return strings[int(text)]
    if t == "n":
        s = c.get("s")
        if s is not None and int(s) in date_styles:
            return epoch + dt.timedelta(days=float(text))
        return _number(text)
    if t == "b":
        return text.strip() in ("1", "true")
    if t == "d":
        return dt.datetime.fromisoformat(text.rstrip("Z"))
    if t == "e":
        return text  # #N/A and the like: reported as a wrong value
    return text  # "str": the cached result of a formula


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
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=5)
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

    def abort(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        self.zip.close()


def _inline(ref: str, text: str, style: int) -> str:
    text = _ILLEGAL_XML.sub("", text)
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
