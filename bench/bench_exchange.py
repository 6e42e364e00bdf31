"""Benchmark of the exchange workbook: import and export of a workbook with
10,000 clients and 100,000 contacts (targets: import ≤ 20 s, export ≤ 10 s),
beside the floor (a raw driver executemany of the same rows), with the peak
memory of each step measured in a fresh process.

    PYTHONPATH=src .venv/bin/python bench/bench_exchange.py [--clients N] [--contacts N] \
        [--database URL]

Without `--database` each step gets its own SQLite file in a temporary folder;
with a PostgreSQL URL every table of that database is dropped before each
import and before the floor (use a database of its own).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path

from memory import peak_mb

SPAWN = multiprocessing.get_context("spawn")
KINDS = ("spreekuur", "juridisch", "mb", "intake")
TOPICS = ("financiën", "brieven", "huisvesting", "werk", "toeslagen")
NAMES = ("حسن", "ሃብቶም", "Amal", "Omar", "Semira", "Zoë", "Yonas", "Fatima")


def generate(path: Path, clients: int, contacts: int) -> None:
    """A synthetic workbook."""
    from vwdesk.exchange.xlsx import XlsxWriter

    rnd = random.Random(42)
    ws = XlsxWriter(path)
    ws.begin("vrijwilligers", ["nummer", "voornaam", "soort", "start"], [12] * 4)
    for i in range(50):
        ws.append([f"V{i}", rnd.choice(NAMES), "vrijwilliger", dt.date(2015, 1, 1)])
    ws.begin("clienten", ["nummer", "voornaam", "achternaam", "geboortedatum", "geslacht",
                          "nationaliteit", "gehuisvest_op", "instroom", "amv"], [12] * 9)
    for i in range(clients):
        ws.append([f"C{i:06d}", rnd.choice(NAMES), rnd.choice(NAMES),
                   dt.date(1950, 1, 1) + dt.timedelta(days=rnd.randrange(20000)),
                   rnd.choice("mvx"), rnd.choice(("Syrië", "Eritrea", "SY", "staatloos")),
                   dt.date(2016, 1, 1) + dt.timedelta(days=rnd.randrange(1000)),
                   "regulier", "nee"])
    ws.begin("contacten", ["datum", "soort", "client", "onderwerpen", "medewerker",
                           "duur_minuten"], [12] * 6)
    for _ in range(contacts):
        ws.append([dt.date(2018, 1, 1) + dt.timedelta(days=rnd.randrange(365)), rnd.choice(KINDS),
                   f"C{rnd.randrange(clients):06d}",
                   "|".join(rnd.sample(TOPICS, rnd.randrange(1, 3))), f"V{rnd.randrange(50)}",
                   rnd.choice((15, 30, 45))])
    ws.close()


def as_excel_saves_it(src: Path, dst: Path) -> None:
    """The same workbook the way Excel saves it: text in a shared-strings
    table instead of inline, and Excel's extra row attributes."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    inline = re.compile(r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t[^>]*>([^<]*)</t></is></c>')
    strings: dict[str, int] = {}

    def shared(m: re.Match) -> str:
        index = strings.setdefault(m.group(2), len(strings))
        return f'<c r="{m.group(1)}" t="s"><v>{index}</v></c>'

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name).decode()
            if name.startswith("xl/worksheets/"):
                data = inline.sub(shared, data)
                data = re.sub(r'<row r="(\d+)">', r'<row r="\1" spans="1:9" x14ac:dyDescent="0.25">',
                              data)
                data = data.replace('<worksheet xmlns="http://schemas.openxmlformats.org/'
                                    'spreadsheetml/2006/main"',
                                    '<worksheet xmlns="http://schemas.openxmlformats.org/'
                                    'spreadsheetml/2006/main" xmlns:x14ac="http://schemas.'
                                    'microsoft.com/office/spreadsheetml/2009/9/ac"', 1)
            elif name == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" '
                                    'ContentType="application/vnd.openxmlformats-officedocument.'
                                    'spreadsheetml.sharedStrings+xml"/></Types>')
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdSS" Type="http://'
                                    'schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                    'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            zout.writestr(name, data)
        items = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
        zout.writestr("xl/sharedStrings.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
            f'openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">{items}</sst>'))


DATABASE: str | None = None  # a PostgreSQL URL, or None for SQLite files


def _fresh_db(folder: str, name: str):
    """The step's database: a new SQLite file, or the PostgreSQL database emptied."""
    from sqlalchemy import create_engine

    from vwdesk.core.db import Database

    if DATABASE is None:
        return Database(f"sqlite:///{folder}/{name}.sqlite")
    engine = create_engine(DATABASE)
    with engine.begin() as c:
        c.exec_driver_sql("DROP SCHEMA public CASCADE")
        c.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return Database(DATABASE)


def _imported_db(folder: str, name: str):
    from vwdesk.core.db import Database

    return Database(DATABASE or f"sqlite:///{folder}/{name}.sqlite")


def _setup_location(db):
    from vwdesk.core import models as m
    from vwdesk.core.services.locations import create_location
    from vwdesk.core.services.users import SYSTEM, actor_for

    with db.session() as s:
        loc = create_location(s, SYSTEM, "Bench")
        user = m.User(username="tl", role="teamleider", location_id=loc.id, password_hash="-")
        s.add(user)
        s.flush()
        return actor_for(user)




def phase_import(folder: str, workbook: str, db_name: str = "import",
                 database: str | None = None) -> dict:
    """What `vwdesk import` does: read, then check and write in one pass."""
    from vwdesk.exchange import import_workbook, plan_import, read_workbook

    global DATABASE
    DATABASE = database

    db = _fresh_db(folder, db_name)
    actor = _setup_location(db)
    base_mb = peak_mb()
    t0 = time.perf_counter()
    data = read_workbook(workbook)
    t1 = time.perf_counter()
    import_workbook(db, actor, "Bench", data)
    t2 = time.perf_counter()
    data.close()
    import_mb = peak_mb()
    # The app's preview of the same workbook again: everything is compared, nothing written.
    data = read_workbook(workbook)
    t3 = time.perf_counter()
    plan = plan_import(db, "Bench", data)
    assert plan.ok and not plan.has_changes
    t4 = time.perf_counter()
    data.close()
    return {"read": t1 - t0, "apply": t2 - t1, "total": t2 - t0, "plan_again": t4 - t3,
            "peak_mb": import_mb, "plan_mb": peak_mb(), "base_mb": base_mb}


def phase_floor(folder: str, clients: int, contacts: int, database: str | None = None) -> dict:
    """The same rows (clients, contacts, topic links, one audit row each),
    already in the form SQLite stores (dates as text, JSON as text), written
    with one `executemany` of the sqlite3 driver per table, in one
    transaction: the floor. The import's own cost is reading, checking and
    converting on top of this."""
    import json

    global DATABASE
    DATABASE = database
    db = _fresh_db(folder, "floor")
    sqlite = db.is_sqlite
    mark = "?" if sqlite else "%s"
    _setup_location(db)
    rnd = random.Random(42)
    now = "2020-01-01 00:00:00.000000"
    common = (1, now, now, 1, 1, 1)  # location, created/updated at, version, created/updated by
    head = "location_id, created_at, updated_at, version, created_by_id, updated_by_id"
    client_rows = [(*common, f"C{i:06d}", "A", "B", "a b", "1980-01-01", "m", "SY", "2017-01-01",
                    "regulier", 0 if sqlite else False) for i in range(clients)]
    contact_rows = [(*common, (dt.date(2018, 1, 1) + dt.timedelta(days=rnd.randrange(365)))
                     .isoformat(), "spreekuur", 1 + rnd.randrange(clients), None, 30)
                    for _ in range(contacts)]
    audit_rows = [(now, 1, 1, "create", "contacts", i + 1, json.dumps({"kind": [None, "x"]}), None)
                  for i in range(clients + contacts)]
    link_rows = [(i + 1, 1) for i in range(contacts)]
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        if sqlite:
            cur.execute("PRAGMA cache_size=-65536")  # as the import has it
        t0 = time.perf_counter()
        cur.executemany(f"INSERT INTO clients ({head}, number, first_name, last_name, search_name, "
                        "birth_date, gender, nationality, housed_on, intake, amv) VALUES "
                        f"({', '.join([mark] * 16)})", client_rows)
        cur.executemany(f"INSERT INTO contacts ({head}, date, kind, client_id, volunteer_id, "
                        f"duration_minutes) VALUES ({', '.join([mark] * 11)})", contact_rows)
        cur.executemany(f"INSERT INTO contact_topics (contact_id, topic_id) VALUES ({mark}, {mark})",
                        link_rows)
        cur.executemany("INSERT INTO audit_log (at, user_id, location_id, action, table_name, "
                        f"row_id, changes, reason) VALUES ({', '.join([mark] * 8)})", audit_rows)
        raw.commit()
        return {"total": time.perf_counter() - t0}
    finally:
        raw.close()


def phase_export(folder: str, target: str, database: str | None = None) -> dict:
    from vwdesk.exchange import export_location
    from vwdesk.core.services.users import SYSTEM

    global DATABASE
    DATABASE = database
    db = _imported_db(folder, "import")
    t0 = time.perf_counter()
    counts = export_location(db, SYSTEM, "Bench", target)
    return {"total": time.perf_counter() - t0, "peak_mb": peak_mb(), "rows": sum(counts.values())}


def _in_child(func, *args) -> dict:
    with SPAWN.Pool(1) as pool:
        return pool.apply(func, args)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--database", help="a PostgreSQL URL (default: SQLite files)")
    args = ap.parse_args()
    url = args.database
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "bench.xlsx"
        t0 = time.perf_counter()
        generate(workbook, args.clients, args.contacts)
        gen = time.perf_counter() - t0
        size_mb = workbook.stat().st_size / 1e6
        excel = Path(folder) / "excel.xlsx"
        as_excel_saves_it(workbook, excel)
        imp = _in_child(phase_import, folder, str(workbook), "import", url)
        exp_x = _in_child(phase_export, folder, str(Path(folder) / "uit.xlsx"), url)
        exp_c = _in_child(phase_export, folder, str(Path(folder) / "uitmap"), url)
        imp_excel = _in_child(phase_import, folder, str(excel), "import-excel", url)
        floor = _in_child(phase_floor, folder, args.clients, args.contacts, url)
    standard = (args.clients, args.contacts) == (10_000, 100_000)  # the targets
    target_import, target_export = ("≤ 20 s", "≤ 10 s") if standard else ("", "")
    print(f"Workbook: {args.clients:,} clients, {args.contacts:,} contacts, 50 volunteers; "
          f"{size_mb:.1f} MB .xlsx as vwdesk writes it (generated in {gen:.1f} s); "
          f"{'PostgreSQL' if url else 'SQLite'}; "
          f"Python {sys.version.split()[0]}")
    print()
    print("| step | time | target | peak RSS |")
    print("|---|---|---|---|")
    print(f"| import: read + check cells (.xlsx) | {imp['read']:.1f} s | | |")
    print(f"| import: check refs, validate, compare and write (one transaction, audited) | "
          f"{imp['apply']:.1f} s | | |")
    print(f"| **import total** | **{imp['total']:.1f} s** | {target_import} | "
          f"{imp['peak_mb']:.0f} MB (process at start {imp['base_mb']:.0f} MB) |")
    print(f"| **import total, the workbook as Excel saves it** (shared strings) | "
          f"**{imp_excel['total']:.1f} s** (read {imp_excel['read']:.1f} s) | {target_import} | "
          f"{imp_excel['peak_mb']:.0f} MB |")
    print(f"| floor: the same rows + audit, ready-made, one driver executemany per table | "
          f"{floor['total']:.1f} s | | |")
    print(f"| **import ÷ floor** | **{imp['total'] / floor['total']:.1f}×** | ≤ 3× | |")
    print(f"| preview of the same workbook again (plan only; all unchanged) | "
          f"{imp['plan_again']:.1f} s | | {imp['plan_mb']:.0f} MB |")
    print(f"| **export .xlsx** ({exp_x['rows']:,} rows) | **{exp_x['total']:.1f} s** | "
          f"{target_export} | {exp_x['peak_mb']:.0f} MB |")
    print(f"| export .csv folder | {exp_c['total']:.1f} s | {target_export} | "
          f"{exp_c['peak_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
