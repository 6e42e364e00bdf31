"""Small hostile workbooks, built byte by byte (issue 13, findings 4 and 5
and the reader's Low findings)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
       'package/2006/content-types"/>')
_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
              'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_REL = ('<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/{type}" Target="{target}"/>')
# Style 1 shows a date (built-in format 14), as Excel writes date cells.
STYLES = (f'<styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/>'
          '</cellXfs></styleSheet>')


def sheet_xml(rows: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{rows}</sheetData></worksheet>'


def row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def s(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def n(ref: str, value: str, style: int | None = None) -> str:
    st = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{st}><v>{value}</v></c>'


def header(*names: str) -> str:
    return row(1, *(s(f"{chr(65 + i)}1", name) for i, name in enumerate(names)))


def workbook_bytes(sheets: dict[str, str | bytes], shared: str | None = None,
                   sheet_target: str | None = None, styles: bool = True) -> bytes:
    """An .xlsx with these sheets (title -> sheet XML)."""
    buf = io.BytesIO()
    rels = [_REL.format(id=f"rId{i}", type="worksheet",
                        target=sheet_target or f"worksheets/sheet{i}.xml")
            for i in range(1, len(sheets) + 1)]
    if shared is not None:
        rels.append(_REL.format(id="rIdS", type="sharedStrings", target="sharedStrings.xml"))
    if styles:
        rels.append(_REL.format(id="rIdT", type="styles", target="styles.xml"))
    book = "".join(f'<sheet name="{t}" sheetId="{i}" r:id="rId{i}"/>'
                   for i, t in enumerate(sheets, start=1))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.'
                                      f'org/officeDocument/2006/relationships"><sheets>{book}'
                                      "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships">' + "".join(rels)
                   + "</Relationships>")
        for i, xml in enumerate(sheets.values(), start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", f"<sst {NS}>{shared}</sst>")
        if styles:
            z.writestr("xl/styles.xml", STYLES)
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def with_entry_flag(data: bytes, name: str, *, encrypted: bool = False,
                    method: int | None = None) -> bytes:
    """The zip with one entry marked encrypted, or with another compression
    method number, in its local header and the central directory."""
    out = bytearray(data)
    encoded = name.encode()
    for signature, flag_at, method_at, name_at in ((b"PK\x03\x04", 6, 8, 30),
                                                   (b"PK\x01\x02", 8, 10, 46)):
        start = 0
        while (at := out.find(signature, start)) >= 0:
            start = at + 4
            if out[at + name_at: at + name_at + len(encoded)] != encoded:
                continue
            if encrypted:
                out[at + flag_at] |= 0x01
            if method is not None:
                out[at + method_at: at + method_at + 2] = method.to_bytes(2, "little")
    return bytes(out)
