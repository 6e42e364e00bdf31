"""Benchmark of the year report on a big database, SQLite or PostgreSQL.

Builds once (`bench/dataset.py`; cached: a SQLite file, or a PostgreSQL
database that already holds the data is used as it is) 1,000,000 contacts over
10 locations and 10 years, plus one dense location with 183,000 contacts in
2015 (the largest office), with proportionate clients, topics, dossiers,
trajectories, couplings, dwellings and volunteers. Then prints, for the dense
location-year and an ordinary one:

- all figures of the location-year (target <= 0.3 s) beside the floor: the
  very same statements run as raw SQL on the bare driver connection;
- the same figures without the report indexes of migration 0002 (dropped
  inside a transaction that is rolled back), and the disk those indexes take;
- the same figures counted from every contact instead of from migration
  0004's summary tables, and the disk those tables take;
- all figures plus 20 filtered figures and 5 expressions of a template,
  filled in (target <= 0.5 s), beside the same floor;
- the whole PDF, figures included (target <= 1 s), beside a bare ReportLab
  document of the same pages (same paragraphs, built-in font, no charts);
- peak memory of a fresh process making one report (target <= 250 MB).

Given two or more `--database`s (say SQLite and PostgreSQL with the same
data), it also prints the ratio of each database's figures time to the first.

Run:  PYTHONPATH=src python bench/bench_report.py [--database URL]... [--rebuild]
      the regional database: --locations 50 --contacts-per-location-year 20000
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import subprocess
import sys
import time

from dataset import DENSE_LOCATION, Spec, build, database_size_mb, index_sizes_mb
from memory import peak_mb

from sqlalchemy import event, text

DEFAULT_URL = "sqlite:////tmp/vwdesk-bench-report.sqlite"
ORDINARY = ("Locatie 05", 2015)
# Migration 0002's report indexes, and what stood in their place before.
NEW_INDEXES = ("ix_contacts_location_date", "ix_contacts_location_kind_date",
               "ix_contacts_client_date", "ix_clients_dwelling")
# Migration 0004's summary tables (on PostgreSQL each also has its key's index).
SUMMARIES = ("contact_persons", "pk_contact_persons", "topic_days", "pk_topic_days")
BEFORE = ("CREATE INDEX ix_contacts_location_date ON contacts (location_id, date)",
          "CREATE INDEX ix_contacts_location_kind_date ON contacts (location_id, kind, date)",
          "CREATE INDEX ix_contacts_client ON contacts (client_id)")


def _median(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _is_built(url: str) -> bool:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        with engine.connect() as c:
            if not inspect(c).has_table("locations"):
                return False
            return bool(c.execute(text("SELECT count(*) FROM locations WHERE name = :n"),
                                  {"n": DENSE_LOCATION}).scalar())
    except Exception:  # noqa: BLE001 - a missing file or database: not built
        return False
    finally:
        engine.dispose()


def _fresh(url: str) -> None:
    """Remove the old SQLite file, or every table of the PostgreSQL database."""
    from pathlib import Path

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    engine = create_engine(url)
    with engine.begin() as c:
        c.exec_driver_sql("DROP SCHEMA public CASCADE")
        c.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def _statements(db, fn) -> tuple[list[tuple[str, object]], object, object]:
    """The SQL statements `fn` runs (after a run that warms the caches), a
    raw driver connection, and a function running the very same statements
    on it (the floor)."""
    fn()
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    fn()
    event.remove(db.engine, "before_cursor_execute", record)
    raw = db.engine.raw_connection()

    def raw_sql():
        cur = raw.cursor()
        for statement, params in statements:
            cur.execute(statement, params)
            cur.fetchall()
        cur.close()

    return statements, raw, raw_sql


def figures_rows(db, loc: int, year: int, label: str) -> list[tuple[str, float, float, str]]:
    from vwdesk.report import compute_figures

    statements, raw, raw_sql = _statements(db, lambda: compute_figures(db, loc, year))
    ours = _median(lambda: compute_figures(db, loc, year))
    floor = _median(raw_sql)
    if EXPLAIN:
        _explain(raw, db.is_sqlite, statements, label)
    raw.close()

    without = _without_report_indexes(db, lambda conn: _median(
        lambda: compute_figures(conn, loc, year), 3))
    counted = _without_summaries(lambda: _median(lambda: compute_figures(db, loc, year), 3))
    return [(f"all figures, {label} ({len(statements)} statements)", ours, floor, "≤ 0.3 s"),
            ("  the same without migration 0002's indexes", without, float("nan"), ""),
            ("  the same counted from every contact, not migration 0004's summaries", counted,
             float("nan"), "")]


def _without_summaries(measure):
    """`measure()` with every figure counted from the contacts and topic links
    themselves (no request answered by a summary table)."""
    from vwdesk.report.subject_base import Summary

    serves = Summary.serves
    Summary.serves = lambda *_args: False
    try:
        return measure()
    finally:
        Summary.serves = serves


EXPLAIN = False
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


def template_rows(db, loc: int, year: int, label: str) -> list[tuple[str, float, float, str]]:
    """All figures and the 20 filtered figures and 5 expressions above,
    computed and filled in; beside the floor of the same statements."""
    from vwdesk.report import compute_figures
    from vwdesk.report.template import fill, placeholders_in

    sentences = [f"Cijfer: {p}." for p in FILTERED + EXPRESSIONS]
    requests = {p.request for text in sentences for p in placeholders_in(text)
                if p.request is not None}

    def run() -> None:
        figures = compute_figures(db, loc, year, requests=requests)
        filled = [fill(text, figures) for text in sentences]
        assert all(filled), [t for t, f in zip(sentences, filled, strict=True) if not f]

    statements, raw, raw_sql = _statements(db, run)
    ours, floor = _median(run), _median(raw_sql)
    raw.close()
    return [(f"+ 20 filtered figures, 5 expressions, {label} ({len(statements)} statements)",
             ours, floor, "≤ 0.5 s")]


def _explain(raw, sqlite: bool, statements, label: str, slowest: int = 6) -> None:
    """The plans of the slowest statements (PostgreSQL: EXPLAIN ANALYZE with
    its execution time; SQLite: EXPLAIN QUERY PLAN), for the bench notes."""
    timed = []
    cur = raw.cursor()
    for statement, params in statements:
        t = time.perf_counter()
        cur.execute(statement, params)
        cur.fetchall()
        timed.append((time.perf_counter() - t, statement, params))
    print(f"\nPlans of the {slowest} slowest statements, {label}:")
    for seconds, statement, params in sorted(timed, key=lambda x: -x[0])[:slowest]:
        print(f"-- {seconds * 1000:.1f} ms: {' '.join(statement.split())[:160]}")
        cur.execute(("EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN (ANALYZE, BUFFERS) ")
                    + statement, params)
        for row in cur.fetchall():
            print("   ", row[-1])
    cur.close()


def _without_report_indexes(db, measure):
    """`measure(conn)` with the contact indexes as they were before migration
    0002. PostgreSQL: inside a transaction that is rolled back. SQLite's
    driver commits DDL at once, so there the indexes are dropped and made
    again afterwards."""
    from vwdesk.core import models as m

    new = [ix for t in (m.Contact.__table__, m.Client.__table__) for ix in t.indexes
           if ix.name in NEW_INDEXES]
    with db.engine.connect() as conn:
        trans = conn.begin()
        for ix in new:
            ix.drop(conn)
        for ddl in BEFORE:
            conn.exec_driver_sql(ddl)
        conn.exec_driver_sql("ANALYZE" if db.is_sqlite else "ANALYZE contacts")
        try:
            return measure(conn)
        finally:
            if db.is_sqlite:
                for name in ("ix_contacts_location_date", "ix_contacts_location_kind_date",
                             "ix_contacts_client"):
                    conn.exec_driver_sql(f"DROP INDEX {name}")
                for ix in new:
                    ix.create(conn)
                conn.exec_driver_sql("ANALYZE")
                trans.commit()
            else:
                trans.rollback()


# The figures of the two statements the issue found slow, and what the report
# computes them from (`report_statements.py` writes them the way migration
# 0002's indexes serve best).
SLOW_STATEMENTS = {
    "consultation_topics": ("spreekuur.onderwerpen", "spreekuur.onderwerpen_lijst"),
    "legal_contacts": ("juridisch.overig_contacten", "juridisch.overig_clienten",
                       "juridisch.nr_contacten", "juridisch.nr_personen", "juridisch.clienten"),
}


class _Scope:
    """What `report_statements` needs: a connection, the location, the year."""

    def __init__(self, conn, location_id: int, year: int):
        self.conn, self.location_id, self.year = conn, location_id, year

    def in_year(self, column):
        return column.between(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))


def statement_rows(db, loc: int, year: int, label: str) -> list[tuple[str, float, float, str]]:
    """The figures of the two statements the issue found slow, as the report
    computes them (vwdesk: `compute_figures` for just those figures) beside
    the way `report_statements.py` writes them (floor column); the figures
    must be equal."""
    import report_statements as better

    from vwdesk.report import compute_figures

    out = []
    with db.engine.connect() as conn:
        sc = _Scope(conn, loc, year)
        for name, keys in SLOW_STATEMENTS.items():
            rewritten = getattr(better, name)

            def ours(keys=keys):
                return compute_figures(conn, loc, year, keys=set(keys))

            figures, expected = ours(), rewritten(sc)
            assert {k: _plain(figures.get(k)) for k in keys} == \
                {k: _plain(expected[k]) for k in keys}, name
            out.append((f"  {name} as the report has it / rewritten, {label}",
                        _median(ours), _median(lambda: rewritten(sc)), ""))
    return out


def _plain(value):
    """A ranked list as (name, count) pairs, in the order of the counts."""
    if isinstance(value, list):
        return sorted((str(label), n) for label, n, *_ in value)
    return value


def pdf_rows(db, loc: int, year: int, label: str) -> list[tuple[str, float, float, str]]:
    from vwdesk.report import build_report_pdf, make_report

    pdf = _median(lambda: build_report_pdf(db, loc, year, io.BytesIO()), 3)
    report = make_report(db, loc, year)
    bare = _median(lambda: _bare_pdf(report.rendered), 3)
    return [(f"whole PDF, figures included, {label}", pdf, bare, "≤ 1 s")]


def measure(url: str) -> tuple[list[tuple[str, float, float, str]], str, dict[str, float]]:
    from vwdesk.core.db import Database
    from vwdesk.core.services.locations import get_location

    db = Database(url)
    rows = []
    with db.session() as s:
        dense = get_location(s, DENSE_LOCATION).id
        ordinary = get_location(s, ORDINARY[0]).id
        dense_contacts = s.execute(
            text("SELECT count(*) FROM contacts WHERE location_id = :l AND date BETWEEN "
                "'2015-01-01' AND '2015-12-31'"), {"l": dense}).scalar()
    dense_label = f"dense location-year ({dense_contacts:,} contacts)"
    rows += figures_rows(db, dense, 2015, dense_label)
    rows += statement_rows(db, dense, 2015, "dense")
    rows += template_rows(db, dense, 2015, "dense")
    rows += figures_rows(db, ordinary, ORDINARY[1], f"{ORDINARY[0]}, {ORDINARY[1]}")
    rows += template_rows(db, ordinary, ORDINARY[1], f"{ORDINARY[0]}, {ORDINARY[1]}")
    rows += pdf_rows(db, dense, 2015, "dense location-year")
    rows += pdf_rows(db, ordinary, ORDINARY[1], f"{ORDINARY[0]}, {ORDINARY[1]}")
    sizes = index_sizes_mb(db, [*NEW_INDEXES, "ix_contact_topics_location_kind_date",
                                "contact_topics", *SUMMARIES])
    about = f"{db.display_url} ({database_size_mb(db):,.0f} MB)"
    db.close()
    mem = subprocess.run([sys.executable, __file__, "--database", url, "--memory-child"],
                         capture_output=True, text=True, check=True).stdout.strip()
    rows.append(("peak memory of a process making the dense PDF (MB)", float(mem),
                 float("nan"), "≤ 250 MB"))
    return rows, about, sizes


def _bare_pdf(rendered) -> None:
    """The same paragraphs and bullets with ReportLab's defaults: no embedded
    font, no charts, no page decorations."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = getSampleStyleSheet()
    flow = [Paragraph(escape(rendered.title), st["Title"])]
    for sec in rendered.sections:
        if sec.title:
            flow.append(Paragraph(escape(sec.title), st["Heading2"]))
        for block in sec.blocks:
            for line in ([block.text] if block.kind == "para" else block.items):
                flow.append(Paragraph(escape(line), st["BodyText"]))
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(flow)


def memory_child(url: str) -> None:
    from vwdesk.core.db import Database
    from vwdesk.core.services.locations import get_location
    from vwdesk.report import build_report_pdf

    db = Database(url)
    with db.session() as s:
        loc = get_location(s, DENSE_LOCATION).id
    build_report_pdf(db, loc, 2015, io.BytesIO())
    print(peak_mb())


def print_table(rows, about: str, sizes: dict[str, float]) -> None:
    print(f"\nDatabase: {about}; median of 5 runs (PDF and 'without' of 3)")
    print(f"| {'measure':<62} | {'vwdesk':>8} | {'floor':>8} | {'ratio':>5} | target   |")
    print(f"|{'-' * 64}|{'-' * 10}|{'-' * 10}|{'-' * 7}|----------|")
    for name, value, floor, target in rows:
        mb = "MB" in name
        unit = "" if mb else " s"
        floor_text = "—" if floor != floor else f"{floor:.3f}{unit}"
        ratio = "" if floor != floor else f"{value / floor:.2f}×"
        value_text = f"{value:.0f}" if mb else f"{value:.3f}{unit}"
        print(f"| {name:<62} | {value_text:>8} | {floor_text:>8} | {ratio:>5} | {target:<8} |")
    print("floor: the same SQL statements on the bare driver connection; for the PDF a bare "
          "ReportLab document of the same paragraphs (built-in font, no charts); for a "
          "statement 'rewritten', the same figures as bench/report_statements.py asks them.")
    print("disk of migration 0002's report indexes (and of the topic links, which now carry "
          "their contact's location, kind and date) and of migration 0004's summary tables: "
          + ", ".join(f"{name} {mb:.1f} MB" for name, mb in sizes.items() if mb))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--database", action="append", help="SQLAlchemy URL (repeatable)")
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--locations", type=int, default=10)
    p.add_argument("--contacts-per-location-year", type=int, default=10_000)
    p.add_argument("--dense", type=int, default=183_000,
                   help="contacts of the dense location in 2015")
    p.add_argument("--explain", action="store_true",
                   help="print the plans of the slowest statements")
    p.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    global EXPLAIN
    EXPLAIN = args.explain
    urls = args.database or [DEFAULT_URL]
    if args.memory_child:
        memory_child(urls[0])
        return
    spec = Spec(locations=args.locations, contacts_per_location_year=args.contacts_per_location_year,
                clients_per_location_year=max(1000, args.contacts_per_location_year // 10),
                dense_contacts=args.dense)
    figures_time = []
    for url in urls:
        if args.rebuild or not _is_built(url):
            _fresh(url)
            build(url, spec)
        rows, about, sizes = measure(url)
        print_table(rows, about, sizes)
        figures_time.append((url, rows[0][1]))
    for url, seconds in figures_time[1:]:
        print(f"dense figures on {url.split(':')[0]}: {seconds / figures_time[0][1]:.2f}× "
              f"{figures_time[0][0].split(':')[0]} (target ≤ 1.2×)")


if __name__ == "__main__":
    main()
