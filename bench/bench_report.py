"""Benchmark of the year report on a big SQLite database.

Builds once (cached at --path, default /tmp/vwdesk-bench-report.sqlite) a
database with 1,000,000 contacts over 10 locations and 10 years, plus
proportionate clients, topics, dossiers, trajectories, couplings, dwellings
and volunteers (Core executemany inserts), then prints a table:

- all figures of one location-year (target <= 0.3 s) beside the floor: the
  very same aggregate statements run as raw SQL on a plain sqlite3 cursor;
- all figures plus 20 filtered figures and 5 expressions of a template,
  filled in (target <= 0.5 s), beside the same floor;
- the whole PDF, figures included (target <= 1.5 s), beside a bare ReportLab
  document of the same pages (same paragraphs, built-in font, no charts);
- peak memory of a fresh process making one report (target <= 250 MB).

Run:  PYTHONPATH=src python bench/bench_report.py [--path FILE] [--rebuild]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from memory import peak_mb

from sqlalchemy import event, insert, select

LOCATIONS = 10
YEARS = range(2010, 2020)
CONTACTS_PER_LOCATION_YEAR = 10_000
CLIENTS_PER_LOCATION_YEAR = 1_000
DOSSIERS_PER_LOCATION_YEAR = 200
TRAJECTORIES_PER_LOCATION_YEAR = 300
COUPLINGS_PER_LOCATION_YEAR = 100
DWELLINGS_PER_LOCATION_YEAR = 300
VOLUNTEERS_PER_LOCATION = 150
CONTACT_KINDS = ("spreekuur",) * 6 + ("juridisch",) * 2 + ("mb", "intake")
NATIONALITIES = ("SY", "SY", "SY", "ER", "ER", "AF", "IQ", "IR", "SO", "XX")
MEASURED = ("Locatie 05", 2015)
CHUNK = 50_000
# A template's sentences with 20 filtered figures and 5 expressions.
FILTERED = [
    "{huisvesting.personen geslacht=v leeftijd=kind}", "{huisvesting.personen kwartaal=2}",
    "{huisvesting.personen instroom=nareiziger,hervestiger}", "{huisvesting.mannen maand=1-3}",
    "{huisvesting.personen instroom=!regulier leeftijd=volwassen}",
    "{huisvesting.nationaliteiten top=3 waarvan=huisvesting.kinderen}",
    "{huisvesting.personen nationaliteit=SY half=2}", "{contacten.aantal soort=mb}",
    "{contacten.personen soort=juridisch geregistreerd=nee}",
    "{contacten.aantal soort=spreekuur onderwerp=financiën}",
    "{contacten.aantal soort=spreekuur binnen=18}", "{contacten.aantal onderwerp=!werk}",
    "{contacten.onderwerpen_lijst soort=juridisch top=3}", "{spreekuur.contacten maand=3}",
    "{juridisch.gh_totaal op=31-12}", "{dossiers.nieuw soort=naturalisatie}",
    "{juridisch.referenten}", "{organisatie.vrijwilligers team=wegwijs}",
    "{medewerkers.gemiddeld soort=vrijwilliger}", "{koppelingen.wegwijs.lopend op=30-6}",
]
EXPRESSIONS = [
    "{huisvesting.taakstelling - huisvesting.personen}",
    "{huisvesting.personen / huisvesting.taakstelling:procent}",
    "{spreekuur.contacten / spreekuur.personen:decimalen=1}",
    "{contacten.aantal soort=mb + contacten.aantal soort=juridisch}",
    "{huisvesting.personen geslacht=v leeftijd=kind * 100 / huisvesting.kinderen:decimalen=1}",
]


def _day(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def build(path: Path) -> None:
    from vwdesk.core import models as m
    from vwdesk.core.db import Database
    from vwdesk.core.services.locations import create_location
    from vwdesk.core.services.users import SYSTEM
    from vwdesk.demo.texts import VLAARDINGEN

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database(f"sqlite:///{path}")
    rng = random.Random(2018)
    start = time.perf_counter()
    with db.session() as s:
        topics = list(s.scalars(select(m.Topic.id)))
        locations = [create_location(s, SYSTEM, f"Locatie {i:02d}").id for i in range(1, LOCATIONS + 1)]
        programmes = {loc: list(s.scalars(select(m.Programme.id).where(m.Programme.location_id == loc)))
                      for loc in locations}
        conn = s.connection()

        def put(model, rows):
            for i in range(0, len(rows), CHUNK):
                conn.execute(insert(model.__table__), rows[i:i + CHUNK])

        client_id = contact_id = 0
        for loc in locations:
            clients, contacts, links, dossiers, trajectories, couplings = [], [], [], [], [], []
            put(m.Dwelling, [{"location_id": loc, "number": f"W{loc}-{y}-{i}",
                              "available_on": _day(rng, y)}
                             for y in YEARS for i in range(DWELLINGS_PER_LOCATION_YEAR)])
            put(m.Volunteer, [{"location_id": loc, "number": f"V{loc}-{i}",
                               "kind": rng.choice(("vrijwilliger", "vrijwilliger", "stagiair", "betaald")),
                               "team": rng.choice(("mb-juridisch", "wegwijs", "taalcoach")),
                               "start": _day(rng, rng.choice(YEARS)),
                               "end": rng.choice((None, _day(rng, 2019)))}
                              for i in range(VOLUNTEERS_PER_LOCATION)])
            own_clients = []
            for y in YEARS:
                for _ in range(CLIENTS_PER_LOCATION_YEAR):
                    client_id += 1
                    housed = _day(rng, y)
                    own_clients.append(client_id)
                    clients.append({"id": client_id, "location_id": loc, "number": f"C{client_id}",
                                    "search_name": f"client {client_id}",
                                    "birth_date": housed - dt.timedelta(days=rng.randrange(1, 70 * 365)),
                                    "gender": "x" if rng.random() < 0.01 else rng.choice("mv"),
                                    "nationality": rng.choice(NATIONALITIES), "housed_on": housed,
                                    "intake": rng.choice(("regulier", "regulier", "nareiziger", "hervestiger"))})
                for _ in range(CONTACTS_PER_LOCATION_YEAR):
                    contact_id += 1
                    registered = rng.random() < 0.85
                    contacts.append({"id": contact_id, "location_id": loc, "date": _day(rng, y),
                                     "kind": rng.choice(CONTACT_KINDS),
                                     "client_id": rng.choice(own_clients) if registered else None,
                                     "person_label": None if registered else f"persoon {rng.randrange(5000)}"})
                    for t in rng.sample(topics, rng.choice((1, 1, 1, 2, 2, 3))):
                        links.append({"contact_id": contact_id, "topic_id": t})
                for i in range(DOSSIERS_PER_LOCATION_YEAR):
                    opened = _day(rng, y)
                    closed = opened + dt.timedelta(days=rng.randrange(30, 900)) if rng.random() < 0.8 else None
                    dossiers.append({"location_id": loc, "number": f"D{loc}-{y}-{i}",
                                     "client_id": rng.choice(own_clients),
                                     "kind": rng.choice(("gezinshereniging", "gezinshereniging", "naturalisatie")),
                                     "opened_on": opened, "closed_on": closed,
                                     "outcome": rng.choice(("herenigd", "afgewezen")) if closed else None})
                for _ in range(TRAJECTORIES_PER_LOCATION_YEAR):
                    begin = _day(rng, y)
                    trajectories.append({"location_id": loc, "client_id": rng.choice(own_clients),
                                         "kind": rng.choice(("mb-jaar-1", "mb-jaar-2", "zelfmelder")),
                                         "start": begin, "end": begin + dt.timedelta(days=365)})
                for i in range(COUPLINGS_PER_LOCATION_YEAR):
                    signed = _day(rng, y)
                    started = signed + dt.timedelta(days=rng.randrange(10, 90))
                    ended = started + dt.timedelta(days=rng.randrange(60, 300)) if rng.random() < 0.7 else None
                    couplings.append({"location_id": loc, "number": f"K{loc}-{y}-{i}",
                                      "programme_id": rng.choice(programmes[loc]),
                                      "client_id": rng.choice(own_clients), "signed_up_on": signed,
                                      "started_on": started, "ended_on": ended,
                                      "result": rng.choice(("afgerond", "gestopt")) if ended else None})
            for model, rows in ((m.Client, clients), (m.Contact, contacts), (m.ContactTopic, links),
                                (m.Dossier, dossiers), (m.Trajectory, trajectories),
                                (m.Coupling, couplings)):
                put(model, rows)
            put(m.YearFigure, [{"location_id": loc, "year": y, "key": key, "value": value}
                               for y in YEARS for key, value in (
                                   ("huisvesting.taakstelling", 900), ("doel.taalcentrum.bijeenkomsten", 900),
                                   ("taalcentrum.bijeenkomsten", 920))])
            put(m.ReportText, [{"location_id": loc, "year": y, "section": k, "text": t}
                               for y in YEARS for k, t in VLAARDINGEN.items()])
    with db.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print(f"built {path} in {time.perf_counter() - start:.0f} s "
          f"({contact_id:,} contacts, {client_id:,} clients)", file=sys.stderr)


def _median(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(path: Path) -> list[tuple[str, float, float, str]]:
    from vwdesk.core.db import Database
    from vwdesk.core.services.locations import get_location
    from vwdesk.report import build_report_pdf, compute_figures, make_report

    db = Database(f"sqlite:///{path}")
    with db.session() as s:
        loc = get_location(s, MEASURED[0]).id
    year = MEASURED[1]
    compute_figures(db, loc, year)  # warm the page cache

    statements, raw_sql = _floor(db, path, lambda: compute_figures(db, loc, year))
    figures_s = _median(lambda: compute_figures(db, loc, year))
    floor_s = _median(raw_sql)
    template_s, template_floor_s, n_template = _template_case(db, path, loc, year)
    pdf_s = _median(lambda: build_report_pdf(db, loc, year, io.BytesIO()), 3)
    report = make_report(db, loc, year)
    bare_s = _median(lambda: _bare_pdf(report.rendered), 3)
    db.close()
    mem = subprocess.run([sys.executable, __file__, "--path", str(path), "--memory-child"],
                         capture_output=True, text=True, check=True).stdout.strip()
    return [
        (f"all figures of one location-year ({len(statements)} statements)", figures_s, floor_s,
         "≤ 0.3 s"),
        (f"+ 20 filtered figures, 5 expressions ({n_template} statements)",
         template_s, template_floor_s, "≤ 0.5 s"),
        ("whole PDF, figures included", pdf_s, bare_s, "≤ 1.5 s"),
        ("peak memory of a process making one PDF (MB)", float(mem), float("nan"), "≤ 250 MB"),
    ]


def _template_case(db, path: Path, loc: int, year: int) -> tuple[float, float, int]:
    """All figures and the 20 filtered figures and 5 expressions of FILTERED
    and EXPRESSIONS, computed and filled in; and the floor of its statements."""
    from vwdesk.report import compute_figures
    from vwdesk.report.template import fill, placeholders_in

    sentences = [f"Cijfer: {p}." for p in FILTERED + EXPRESSIONS]
    requests = {p.request for text in sentences for p in placeholders_in(text)
                if p.request is not None}
    assert len({r for r in requests}) >= 19, requests  # the 20, one of them plain

    def run() -> None:
        figures = compute_figures(db, loc, year, requests=requests)
        filled = [fill(text, figures) for text in sentences]
        assert all(filled), [t for t, f in zip(sentences, filled, strict=True) if not f]

    statements, raw_sql = _floor(db, path, run)
    return _median(run), _median(raw_sql), len(statements)


def _floor(db, path: Path, fn) -> tuple[list[tuple[str, tuple]], object]:
    """The SQL statements `fn` runs, and a function running the very same
    statements on a plain sqlite3 cursor (the floor)."""
    statements: list[tuple[str, tuple]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    fn()
    event.remove(db.engine, "before_cursor_execute", record)
    raw = sqlite3.connect(path)

    def raw_sql():
        cur = raw.cursor()
        for statement, params in statements:
            cur.execute(statement, params).fetchall()

    return statements, raw_sql


def _bare_pdf(rendered) -> None:
    """The same paragraphs and bullets with ReportLab's defaults: no embedded
    font, no charts, no page decorations."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from xml.sax.saxutils import escape

    st = getSampleStyleSheet()
    flow = [Paragraph(escape(rendered.title), st["Title"])]
    for sec in rendered.sections:
        if sec.title:
            flow.append(Paragraph(escape(sec.title), st["Heading2"]))
        for block in sec.blocks:
            for text in ([block.text] if block.kind == "para" else block.items):
                flow.append(Paragraph(escape(text), st["BodyText"]))
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(flow)


def memory_child(path: Path) -> None:
    from vwdesk.core.db import Database
    from vwdesk.core.services.locations import get_location
    from vwdesk.report import build_report_pdf

    db = Database(f"sqlite:///{path}")
    with db.session() as s:
        loc = get_location(s, MEASURED[0]).id
    build_report_pdf(db, loc, MEASURED[1], io.BytesIO())
    print(peak_mb())




def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--path", type=Path, default=Path("/tmp/vwdesk-bench-report.sqlite"))
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.memory_child:
        memory_child(args.path)
        return
    if args.rebuild or not args.path.exists():
        build(args.path)
    rows = measure(args.path)
    print(f"Database: {args.path} ({args.path.stat().st_size / 1e6:.0f} MB); measured: "
          f"{MEASURED[0]}, {MEASURED[1]} (median of 5 runs, PDF of 3)")
    print(f"| {'measure':<56} | {'vwdesk':>8} | {'floor':>8} | target   |")
    print(f"|{'-' * 58}|{'-' * 10}|{'-' * 10}|----------|")
    for name, value, floor, target in rows:
        unit = "" if "MB" in name else " s"
        floor_text = "—" if floor != floor else f"{floor:.3f}{unit}"
        value_text = f"{value:.0f}" if "MB" in name else f"{value:.3f}{unit}"
        print(f"| {name:<56} | {value_text:>8} | {floor_text:>8} | {target:<8} |")
    print("floor: the same SQL statements on a raw sqlite3 cursor; for the PDF a bare "
          "ReportLab document of the same paragraphs (built-in font, no charts).")


if __name__ == "__main__":
    main()
