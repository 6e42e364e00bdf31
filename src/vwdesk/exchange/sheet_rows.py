"""The rows of one worksheet of an .xlsx file, streamed: (row number, values).

ElementTree builds an element for every row, cell, value and text: ≈ 4 s for
the sheet of 100,000 contacts, most of the reading time of an import. The
fast path (`SheetRows.fast_rows`) cuts the sheet XML into rows and cells with
regular expressions, which run in C, for the forms in which Excel,
LibreOffice, Google Sheets, openpyxl and vwdesk write them (≈ 2.5 times
faster). Everything else goes to ElementTree, so the result is always what
ElementTree alone would read (`SheetRows.tree_rows`; tests compare the two):

- a sheet whose XML has another encoding, a prefix on its elements, or a
  comment, DOCTYPE or processing instruction before the sheet data is read
  by ElementTree from the start;
- from the first comment, CDATA section or processing instruction inside
  the sheet data on, ElementTree reads the rest (a `</row>` inside one of
  them would otherwise cut a row in two);
- a row in any other form (attributes in another order or quoted with ',
  rich text, entities in a value, `xmlns` on a row or cell…), and anything
  between rows that is not a row, is parsed by ElementTree on its own,
  inside the sheet's root element;
- what comes before and after the sheet data is parsed too, so a damaged
  file is an error on either path.

Memory stays bounded and time linear: the XML is read in pieces of `CHUNK`
bytes, cut before the last row that starts in them, and no more than
`limits.MAX_ROW_BYTES` is ever held for one row (or between two rows) on
either path. Cells past `limits.MAX_COLUMNS`, a shared-string index that
does not exist and a value that cannot be read raise `SheetError` with the
row and column; a date serial no date can have is passed on as the number
(the column's parser then says what is wrong).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.etree.ElementTree import fromstring, iterparse

from vwdesk.exchange.limits import (
    MAX_COLUMNS,
    MAX_ROW_BYTES,
    SheetError,
    columns_message,
    row_message,
)

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _C, _V, _IS, _T, _R = (MAIN + t for t in ("row", "c", "v", "is", "t", "r"))
_SHEET_DATA = MAIN + "sheetData"

CHUNK = 1 << 20
_HEAD_LIMIT = 4 << 20  # sheet views, columns etc. before <sheetData>
_HEAD = re.compile(rb"(?:\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>)?(.*?)(<sheetData\s*(/)?>)", re.S)
_ROOT = re.compile(rb'\s*(<worksheet(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|\'[^\']*\'))*\s*>)')
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']+)""")
_SHEET_DATA_END = re.compile(rb"</sheetData\s*>")
_ROW_START = re.compile(r'\s*<row(?: r="(\d+)")?((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>')
_ROW_END = re.compile(r"</row\s*>")
_ROW_ATTRIBUTES_ELSEWHERE = re.compile(r"\s(?:r\s*=|xmlns)")  # r later on, or a namespace
# A cell: r, s and t in this order, each optional, then other attributes
# (never r, s, t or a namespace); empty, or a formula and/or a <v>, or an
# inline string of one <t> (marked by the <is> group). The last group
# catches anything else: the row then goes to ElementTree.
_CELLS = re.compile(
    r'<c(?: r="([A-Z]{1,3})\d+")?(?: s="(\d+)")?(?: t="(\w+)")?'
    r'(?:\s+(?![rst]=|xmlns)[\w:.-]+="[^"]*")*\s*'
    r"(?:/>|>(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?(?:<v>([^<]*)</v>|<v\s*/>)?</c>"
    r'|>(<is>)<t(?:\s+[\w:.-]+="[^"]*")*\s*>([^<]*)</t></is></c>)'
    r"|(\s+|.)", re.S)
# Characters XML does not allow, raw or as a reference (ElementTree refuses
# them); the writer leaves them out.
ILLEGAL_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r")
_NOT_XML = (b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"]]>")  # U+FFFE, U+FFFF and a CDATA end
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_BAD_AMPERSAND = re.compile(r"&(?!#\d+;|#x[0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);)")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_COLUMNS: dict[str, int] = {}  # column letters -> index, filled as met

Rows = Iterator[tuple[int, list[Any]]]


class Counting:
    """A file wrapper that reports how many bytes were read (at most once
    per byte: a sheet read again after its head reports from where the
    first reading got to)."""

    def __init__(self, f: IO[bytes], progress: Callable[[int], None] | None, shown: int = 0):
        self.f, self.progress, self.done, self.shown = f, progress, 0, shown

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.done += len(data)
        if self.progress and self.done > self.shown:
            self.shown = self.done
            self.progress(self.done)
        return data


class SheetHead:
    """The start of a sheet's XML, up to and including `<sheetData>`, when
    the fast path can read the sheet: UTF-8, a `worksheet` root in the main
    namespace without prefix, nothing but elements before the sheet data."""

    def __init__(self, before: bytes, root: str, rest: bytes, empty: bool):
        self.before = before  # everything before <sheetData>
        self.root = root  # the worksheet start tag, with its namespace declarations
        self.rest = rest  # what was read after <sheetData>
        self.empty = empty  # <sheetData/>

    @classmethod
    def read(cls, f: Counting) -> SheetHead | None:
        buf = b""
        while len(buf) < _HEAD_LIMIT:
            data = f.read(CHUNK)
            buf += data
            m = _HEAD.match(buf)
            if m:
                return cls._check(buf, m)
            if not data:
                break
        return None

    @classmethod
    def _check(cls, buf: bytes, m: re.Match) -> SheetHead | None:
        encoding = _ENCODING.search(m.group(1) or b"")
        if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            return None
        between = m.group(2)
        root = _ROOT.match(between)
        if root is None or b"<!" in between or b"<?" in between:
            return None
        root_tag = root.group(1).decode("utf-8")
        if f'xmlns="{MAIN[1:-1]}"' not in root_tag:
            return None  # another default namespace: ElementTree decides
        return cls(buf[:m.start(3)], root_tag, buf[m.end():], bool(m.group(4)))


class SheetRows:
    """Reads sheets' rows with a workbook's shared strings and date styles."""

    def __init__(self, strings: list[str], date_styles: set[int], epoch: dt.datetime):
        self.strings, self.date_styles, self.epoch = strings, date_styles, epoch

    # The fast path ---------------------------------------------------------

    def fast_rows(self, f: Counting, head: SheetHead) -> Rows:
        buf = head.rest
        row_number = 0
        if head.empty:
            _parse_outside(head, buf + _read_limited(f, _TAIL_LIMIT))
            return
        while True:
            data = f.read(CHUNK)
            buf += data
            if b"<!" in buf or b"<?" in buf:  # comment, CDATA or processing instruction
                start = f"{head.root}<sheetData>".encode() + buf
                yield from self.tree_rows(_Prefixed(start, f), row_number)
                return
            end = buf.find(b"</sheetData")
            end = _SHEET_DATA_END.match(buf, end) if end >= 0 else None
            if end is not None:
                cut = end.start()
            elif not data:
                raise ValueError("the sheet data is not closed")
            else:
                cut = buf.rfind(b"<row")  # rows before the last one that starts here are whole
                if cut <= 0:
                    cut = _after_last_row(buf, cut)
                if cut <= 0:
                    if not buf.strip():
                        buf = b""  # white space between rows
                    elif len(buf) > MAX_ROW_BYTES:
                        raise SheetError(row_message(), row_number + 1)
                    continue
            stretch = buf[:cut]
            if stretch.translate(None, _XML_BYTES) or any(b in stretch for b in _NOT_XML):
                raise ValueError("a character XML does not allow")
            text = stretch.decode("utf-8")
            rows = self._stretch(text, head.root, row_number)
            if rows:
                row_number = rows[-1][0]
                yield from rows
            if end is not None:
                _parse_outside(head, buf[end.end():] + _read_limited(f, _TAIL_LIMIT))
                return
            buf = buf[cut:]

    def _stretch(self, text: str, root: str, row_number: int) -> list[tuple[int, list[Any]]]:
        """The rows of a stretch of whole rows (a list: one piece of the file
        holds a few thousand)."""
        rows = _split_rows(text)
        if rows is None:  # something other than rows: ElementTree reads the stretch
            return self._fragment_rows(root, text, row_number)
        out = []
        for r, attrs, body, whole in rows:
            if attrs and _ROW_ATTRIBUTES_ELSEWHERE.search(attrs):
                values = None
            else:
                try:
                    values = self._fast_values(body) if body else []
                except SheetError as exc:
                    exc.row = int(r) if r else row_number + 1
                    raise
            if values is None:
                for row in self._fragment_rows(root, whole, row_number):
                    row_number = row[0]
                    out.append(row)
                continue
            row_number = int(r) if r else row_number + 1
            out.append((row_number, values))
        return out

    def _fragment_rows(self, root: str, text: str, row_number: int
                       ) -> list[tuple[int, list[Any]]]:
        """Rows cut out of a sheet, parsed by ElementTree inside the sheet's
        own root element (whose namespace declarations they may use)."""
        out = []
        for row in fromstring(f"{root}{text}</worksheet>").iter(_ROW):
            row_number = _row_number(row, row_number)
            out.append((row_number, self._row_values(row, row_number)))
        return out

    def _fast_values(self, body: str) -> list[Any] | None:
        """The values of one row's cells, or None when a cell is not in a
        form `_CELLS` reads."""
        values: list[Any] = []
        columns = _COLUMNS
        strings = self.strings
        try:
            for ref, style, t, v, is_, inline, other in _CELLS.findall(body):
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
                if t == "inlineStr":
                    values.append(_unescape(inline) if is_ else None)
                elif "&" in v:  # a reference in a value: text is unescaped, anything else is odd
                    if t not in ("str", "e"):
                        return None
                    values.append(_unescape(v))
                elif not t or t == "n":
                    if not v:
                        values.append(None)
                    elif style and int(style) in self.date_styles:
                        try:  # inline: one call less per date cell
                            values.append(self.epoch + dt.timedelta(days=float(v)))
                        except (OverflowError, ValueError):
                            values.append(_number(v))  # no date: the column's parser says so
                    else:
                        values.append(_number(v))
                elif t == "s":
                    index = int(v)
                    if index < 0:
                        raise IndexError(index)
                    values.append(strings[index])
                elif not v:
                    values.append(None)
                elif t == "b":
                    values.append(v.strip() in ("1", "true"))
                elif t == "d":
                    values.append(_iso_date(v))
                else:  # "str" (a formula's cached text) or "e" (#N/A and the like)
                    values.append(v.replace("\r\n", "\n").replace("\r", "\n"))
        except SheetError:
            raise
        except (ValueError, IndexError) as exc:
            raise _cell_error(exc, len(values)) from None
        return values

    # ElementTree -------------------------------------------------------------

    def tree_rows(self, f: Any, row_number: int = 0) -> Rows:
        """Every row through ElementTree's `iterparse`: any valid sheet XML.

        Only "start" events are asked for (half the events of start+end): a
        row is complete when the next row (or the end of the sheet) starts,
        so each row is handled one event late and then dropped."""
        sheet_data = None
        pending = None
        f = _Bounded(f, row_number)
        for _ev, el in iterparse(f, events=("start",)):
            tag = el.tag
            if tag == _ROW:
                if pending is not None:
                    row_number = _row_number(pending, row_number)
                    yield row_number, self._row_values(pending, row_number)
                f.mark(row_number + 1)
                pending = el
                if sheet_data is not None:
                    del sheet_data[:]  # the builder keeps the row it is filling
            elif tag == _SHEET_DATA:
                sheet_data = el
        if pending is not None:
            row_number = _row_number(pending, row_number)
            yield row_number, self._row_values(pending, row_number)

    def _row_values(self, row: Any, row_number: int) -> list[Any]:
        try:
            return self._values(row)
        except SheetError as exc:
            exc.row = row_number
            raise

    def _values(self, row: Any) -> list[Any]:
        strings, date_styles, epoch = self.strings, self.date_styles, self.epoch
        values: list[Any] = []
        try:
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
                    values.append(_shared(strings, c.find(_V).text))
                elif t is None and c.get("s") is None:
                    v = c.find(_V)
                    values.append(None if v is None or v.text is None else _number(v.text))
                else:
                    values.append(_cell_value(c, strings, date_styles, epoch))
        except SheetError:
            raise
        except (ValueError, IndexError, TypeError, AttributeError) as exc:
            raise _cell_error(exc, len(values)) from None
        return values


class _Bounded:
    """A file for `iterparse` that refuses to read more than MAX_ROW_BYTES
    past the start of the row being read (ElementTree would hold it all)."""

    def __init__(self, f: Any, row_number: int):
        self.f, self.done, self.start, self.row = f, 0, 0, row_number + 1

    def mark(self, row: int) -> None:
        self.start, self.row = self.done, row

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n if 0 <= n <= CHUNK else CHUNK)
        self.done += len(data)
        if self.done - self.start > MAX_ROW_BYTES + CHUNK:
            raise SheetError(row_message(), self.row)
        return data


class _Prefixed:
    """A file that reads `start` first, then the rest of `f`."""

    def __init__(self, start: bytes, f: Counting):
        self.start, self.f = start, f

    def read(self, n: int = -1) -> bytes:
        if self.start:
            data, self.start = self.start, b""
            return data
        return self.f.read(n)


def _split_rows(text: str) -> list[tuple[str, str, str, str]] | None:
    """(r, other attributes, cells, the row's whole text) of each row in a
    stretch of whole rows; None when the stretch holds anything but rows and
    white space."""
    rows = []
    pieces = text.split("</row>") if text.count("</row") == text.count("</row>") \
        else _ROW_END.split(text)
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        pos = 0
        while True:
            m = _ROW_START.match(piece, pos)
            if m is None:  # only the stretch after the last </row> may end without a row
                if i < last or piece[pos:].strip():
                    return None
                break
            if m.group(3):  # <row .../>
                rows.append((m.group(1), m.group(2), "", m.group(0)))
                pos = m.end()
                continue
            if i == last:  # a row that is not closed
                return None
            rows.append((m.group(1), m.group(2), piece[m.end():], piece[m.start():] + "</row>"))
            break
    return rows


_TAIL_LIMIT = 4 << 20  # what may follow the sheet data (page setup, drawings' references…)


def _read_limited(f: Counting, limit: int) -> bytes:
    data = f.read(limit + 1)
    if len(data) > limit:
        raise SheetError("heeft na de laatste rij meer dan 4 MB aan andere gegevens; het "
                         "bestand is beschadigd of niet door een rekenprogramma gemaakt.")
    return data


def _after_last_row(buf: bytes, cut: int) -> int:
    """With one row at the start of `buf` (cut 0) or none (cut -1): the end
    of the last complete row when only white space follows it, so trailing
    white space is dropped rather than gathered (which made reading it
    quadratic); else `cut`."""
    close = buf.rfind(b"</row>")
    if close >= 0 and not buf[close + 6:].strip():
        return close + 6
    return cut


def _parse_outside(head: SheetHead, after: bytes) -> None:
    """Parse what surrounds the sheet data, so a damaged file is refused on
    the fast path as it is by ElementTree."""
    fromstring(head.before + b"<sheetData/>" + after)


def _unescape(text: str) -> str:
    """Character data as an XML parser returns it: references resolved,
    line ends normalised; ValueError for what XML does not allow."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" not in text:
        return text
    if _BAD_AMPERSAND.search(text):
        raise ValueError("undefined entity")
    text = _ENTITY.sub(_entity, text)
    if ILLEGAL_XML_CHARS.search(text):
        raise ValueError("a character XML does not allow")
    return text


def _entity(m: re.Match) -> str:
    if m.group(3):
        return _NAMED_ENTITIES[m.group(3)]
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    if code > 0x10FFFF:
        raise ValueError("a character XML does not allow")
    return chr(code)


def _row_number(row: Any, previous: int) -> int:
    r = row.get("r")
    return int(r) if r else previous + 1


def _column_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        elif "a" <= ch <= "z":
            n = n * 26 + ord(ch) - 96
        else:
            break
        if n > MAX_COLUMNS:
            raise SheetError(columns_message())
    return n - 1


def _shared(strings: list[str], text: str | None) -> str:
    index = int(text)  # TypeError for a missing <v>
    if index < 0:
        raise IndexError(index)
    return strings[index]


def _serial_date(epoch: dt.datetime, text: str) -> dt.datetime | int | float:
    """A date cell's serial as a date; a number no date can have (1e308,
    inf) stays a number, which the column's parser reports."""
    number = float(text)
    try:
        return epoch + dt.timedelta(days=number)
    except (OverflowError, ValueError):
        return _number(text)


def _iso_date(text: str) -> dt.datetime | str:
    try:
        return dt.datetime.fromisoformat(text.rstrip("Z"))
    except ValueError:
        return text  # the column's parser says it is no date


def _cell_error(exc: Exception, index: int) -> SheetError:
    from vwdesk.exchange.xlsx import column_letters

    if isinstance(exc, IndexError):
        message = ("verwijst naar een gedeelde tekst die niet in de werkmap staat; het bestand "
                   "is beschadigd. Sla de werkmap opnieuw op.")
    else:
        message = ("bevat een waarde die niet kan worden gelezen; het bestand is beschadigd. "
                   "Sla de werkmap opnieuw op.")
    return SheetError(message, column=column_letters(index))


def shared_text(el: Any) -> str:
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
        return shared_text(is_) if is_ is not None else None
    v = c.find(_V)
    if v is None or v.text is None:
        return None
    text = v.text
    if t == "s":
        return _shared(strings, text)
    if t == "n":
        s = c.get("s")
        if s is not None and int(s) in date_styles:
            return _serial_date(epoch, text)
        return _number(text)
    if t == "b":
        return text.strip() in ("1", "true")
    if t == "d":
        return _iso_date(text)
    if t == "e":
        return text  # #N/A and the like: reported as a wrong value
    return text  # "str": the cached result of a formula
