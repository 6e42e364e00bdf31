"""A bounded fuzz of the .xlsx sheet reader and the .csv reader: mutated
workbooks and CSV files give a result or Dutch problems, never another
exception, in bounded memory (issue 13). Deterministic: a fixed seed and a
fixed number of cases, so a failure can be replayed."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from tests.exchange import hostile as h
from vwdesk.exchange.problems import ImportFailed
from vwdesk.exchange.reading import read_workbook

CASES = 250
PEAK = 48 << 20  # far above what these small files need when read as they should be
ENGLISH = ("Error", "Exception", "Traceback", " the ", "invalid", "line ", "column ")

TOKENS = [b"<row>", b"</row>", b"<row r=\"0\">", b"<c r=\"XFE7\">", b"<c r=\"A1\" t=\"s\"><v>-1</v></c>",
          b"<c t=\"s\"><v>99</v></c>", b"<c s=\"1\"><v>1e308</v></c>", b"<c><v>nan</v></c>",
          b"<c t=\"d\"><v>2020-13-45</v></c>", b"<c t=\"b\"><v>x</v></c>", b"&#0;", b"&amp;",
          b"&bogus;", b"<!-- x -->", b"<![CDATA[</row>]]>", b"<?pi x?>", b" " * 5000,
          b"<is><t>", b"</t></is>", b"\xff\xfe", b"\x00", b"<sheetData>", b"</sheetData>",
          b"xmlns:x=\"y\"", b"<x:row>", b"1" * 400, b"\"", b"'", b">", b"<"]
CSV_TOKENS = [b";", b",", b"\"", b"\"\"", b"\r\n", b"\n", b"\r", b"'=1+2", b"1e308", b"NaN",
              b"inf", b"31-02-2019", b"\xef\xbb\xbf", b"\xff", b"\x00", b"x" * 3000,
              b";" * 500, b"nummer", b"clienten", b"ja", b"-0", b"9" * 40, b"y" * 140_000]


def _seed_workbook() -> tuple[bytes, bytes]:
    """The sheet XML and shared strings of a small valid workbook."""
    rows = h.header("nummer", "voornaam", "geboortedatum", "amv", "notitie") + "".join(
        h.row(i, h.s(f"A{i}", f"K{i}"), f'<c r="B{i}" t="s"><v>{i % 3}</v></c>',
              h.n(f"C{i}", str(30000 + i), style=1), f'<c r="D{i}" t="b"><v>1</v></c>',
              h.s(f"E{i}", "regel &amp; nog een"))
        for i in range(2, 12))
    return h.sheet_xml(rows).encode(), b"<si><t>Amal</t></si><si><r><t>No</t></r><r><t>ur</t></r></si><si><t/></si>"


def _mutate(rng: random.Random, data: bytes, tokens: list[bytes]) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        at = rng.randrange(len(data) + 1)
        if op < 0.35:
            data[at:at] = rng.choice(tokens)
        elif op < 0.55 and data:
            del data[at:at + rng.randint(1, 40)]
        elif op < 0.75 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        else:
            start = rng.randrange(len(data) or 1)
            data[at:at] = data[start:start + rng.randint(1, 200)]
    return bytes(data)


def _told(path) -> list[str]:
    """Read `path` as the import does; what the user is told (nothing when
    the file was read without problems)."""
    tracemalloc.start()
    try:
        try:
            data = read_workbook(path)
        except ImportFailed as exc:
            lines = exc.lines
        else:
            lines = data.problems.lines()
            data.close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK, f"{path.name}: {peak >> 20} MB"
    for line in lines:
        assert isinstance(line, str) and line.strip()
        assert not any(word in line for word in ENGLISH), line
    return lines


@pytest.mark.slow
def test_mutated_workbooks_give_a_result_or_dutch_problems(tmp_path):
    rng = random.Random(1313)
    sheet, shared = _seed_workbook()
    outcomes = {"read": 0, "problems": 0}
    for case in range(CASES):
        if case % 5 == 4:  # the zip itself damaged
            data = _mutate(rng, h.workbook_bytes({"clienten": sheet.decode()},
                                                 shared=shared.decode()), [b"PK", b"\x00" * 8])
        else:
            part = rng.choice(("sheet", "shared"))
            mutated_sheet = _mutate(rng, sheet, TOKENS) if part == "sheet" else sheet
            mutated_shared = _mutate(rng, shared, TOKENS) if part == "shared" else shared
            data = h.workbook_bytes({"clienten": mutated_sheet},
                                    shared=mutated_shared.decode("utf-8", "replace"))
        path = h.write(tmp_path / f"fuzz{case}.xlsx", data)
        outcomes["problems" if _told(path) else "read"] += 1
        path.unlink()
    assert outcomes["read"] and outcomes["problems"]  # the fuzz reached both outcomes


@pytest.mark.slow
def test_mutated_csv_files_give_a_result_or_dutch_problems(tmp_path):
    rng = random.Random(1314)
    seed = ("nummer;voornaam;geboortedatum;amv;notitie\r\n" + "".join(
        f"K{i};Amal;{i % 28 + 1:02d}-03-1990;ja;\"regel\r\nmet ; erin\"\r\n" for i in range(10))
    ).encode("utf-8")
    outcomes = {"read": 0, "problems": 0}
    for case in range(CASES):
        folder = tmp_path / f"case{case}"
        folder.mkdir()
        (folder / "clienten.csv").write_bytes(_mutate(rng, seed, CSV_TOKENS))
        outcomes["problems" if _told(folder) else "read"] += 1
    assert outcomes["read"] and outcomes["problems"]
