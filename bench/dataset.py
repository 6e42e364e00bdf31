"""Synthetic benchmark data, written fast on SQLite and PostgreSQL.

One generator for the report, desk and regional benchmarks: locations, each
with clients (named from a mix of Latin, Arabic and Ge'ez names), contacts
with their topics, dossiers, trajectories, couplings, dwellings, volunteers,
typed year figures and report texts, spread over years; optionally one
*dense* location with many more contacts in one year (the largest office).

Rows go in through the driver's fastest path: `COPY … FROM STDIN` on
PostgreSQL, one `executemany` per chunk on SQLite. The secondary indexes of
the big tables are dropped before and rebuilt after the load (faster than
maintaining them row by row); the name search index follows the clients
(triggers on SQLite, a GIN index on PostgreSQL). The report's summary
tables (`vwdesk.core.rollups`) and the names' word tables
(`vwdesk.core.search_index`) are filled once after the load, their
triggers off during it.

Sizes are parameters (`Spec`): the regional database of issue 16 is
`Spec(locations=50, contacts_per_location_year=20_000, ...)`, 10,000,000
contacts; a smaller run shows the same per-location figures.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import time
from dataclasses import dataclass

from sqlalchemy import Index, select

FIRST = ["Omar", "Sara", "Yonas", "Amal", "Ahmad", "Lina", "Tesfay", "Huda", "Samir", "Meron",
         "Rahel", "Bilal", "Nour", "Dawit", "Fatima", "Karim", "Hassan", "Mariam", "Ali", "Aster",
         "حسن", "ሃብቶም", "Mohammed", "Zainab", "Filmon", "Ruta", "Abdullah", "Hiwet", "Jamal"]
LAST = ["Al-Hassan", "Tekle", "Haddad", "Mebrahtu", "Khalil", "Yousef", "Ghebre", "Nasser",
        "Berhane", "Darwish", "علي", "ተስፋይ", "Rahimi", "Okafor", "Haile", "Saleh", "Ahmadi",
        "Kidane", "Mansour", "Habte", "Al Amin", "Weldu", "Osman", "Tesfamariam", "Zaher"]
CONTACT_KINDS = ("spreekuur",) * 6 + ("juridisch",) * 2 + ("mb", "intake")
NATIONALITIES = ("SY", "SY", "SY", "ER", "ER", "AF", "IQ", "IR", "SO", "XX")
DENSE_LOCATION = "Locatie dicht"
DENSE_CLIENTS_PER_YEAR = 3_000
BIG_TABLES = ("clients", "contacts", "contact_topics")


@dataclass(frozen=True)
class Spec:
    locations: int = 10
    years: tuple[int, ...] = tuple(range(2010, 2020))
    contacts_per_location_year: int = 10_000
    clients_per_location_year: int = 1_000
    dossiers_per_location_year: int = 200
    trajectories_per_location_year: int = 300
    couplings_per_location_year: int = 100
    dwellings_per_location_year: int = 300
    volunteers_per_location: int = 150
    # One more location with this many contacts in `dense_year` (0: none),
    # by 3,000 clients housed each year.
    dense_contacts: int = 0
    dense_year: int = 2015

    @property
    def contacts(self) -> int:
        return (self.locations * len(self.years) * self.contacts_per_location_year
                + self.dense_contacts)


class Loader:
    """Bulk rows into tables: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, raw, postgres: bool):
        self.raw, self.postgres = raw, postgres

    def put(self, table: str, columns: tuple[str, ...], rows) -> None:
        columns = tuple(f'"{c}"' for c in columns)  # "end" and "start" are SQL words
        if self.postgres:
            self._copy(table, columns, rows)
        else:
            sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))})")
            self.raw.executemany(sql, rows)

    def _copy(self, table: str, columns: tuple[str, ...], rows) -> None:
        def text(v) -> str:
            if v is None:
                return r"\N"
            if isinstance(v, bool):
                return "t" if v else "f"
            return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

        with self.raw.cursor() as cur, cur.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            buf = io.StringIO()
            for n, row in enumerate(rows, 1):
                buf.write("\t".join(map(text, row)))
                buf.write("\n")
                if n % 20_000 == 0:
                    copy.write(buf.getvalue())
                    buf = io.StringIO()
            copy.write(buf.getvalue())


def _secondary_indexes(tables) -> list[Index]:
    from vwdesk.core import models as m

    return [ix for t in m.Base.metadata.sorted_tables if t.name in tables
            for ix in t.indexes]


def build(url: str, spec: Spec, seed: int = 2018) -> None:
    """Fill an empty database at `url` (migrated here) with `spec`'s data."""
    from vwdesk.core import models as m
    from vwdesk.core import rollups, search_index
    from vwdesk.core.db import Database
    from vwdesk.core.services.locations import create_location
    from vwdesk.core.services.users import SYSTEM
    from vwdesk.core.text import fold_words
    from vwdesk.demo.texts import VLAARDINGEN

    started = time.perf_counter()
    db = Database(url)
    postgres = not db.is_sqlite
    rng = random.Random(seed)
    names = [f"Locatie {i:02d}" for i in range(1, spec.locations + 1)]
    if spec.dense_contacts:
        names.append(DENSE_LOCATION)
    with db.session() as s:
        topics = list(s.scalars(select(m.Topic.id)))
        locations = [create_location(s, SYSTEM, name).id for name in names]
        programmes = {loc: list(s.scalars(select(m.Programme.id)
                                          .where(m.Programme.location_id == loc)))
                      for loc in locations}
    indexes = _secondary_indexes(BIG_TABLES)
    with db.engine.begin() as conn:
        for ix in indexes:
            ix.drop(conn)
        rollups.uninstall(conn)
        search_index.uninstall_words(conn)
    stamp = dt.datetime(2020, 1, 1).isoformat(sep=" ")
    tracked = (stamp, stamp, 1)
    tracked_cols = ("created_at", "updated_at", "version")
    days = {y: [dt.date(y, 1, 1) + dt.timedelta(days=d) for d in range(365)] for y in spec.years}
    folded = {(f, la): fold_words(f"{f} {la}") for f in FIRST for la in LAST}

    raw = db.engine.raw_connection()
    try:
        driver = raw.driver_connection
        load = Loader(driver, postgres)
        client_id = contact_id = 0
        for loc in locations:
            dense = names[locations.index(loc)] == DENSE_LOCATION
            # The dense location: its contacts all in one year, made by the
            # clients housed over all the years (as an office that grew).
            per_year = {y: (spec.dense_contacts if y == spec.dense_year else 0) if dense
                        else spec.contacts_per_location_year for y in spec.years}
            client_years = dict.fromkeys(spec.years, DENSE_CLIENTS_PER_YEAR if dense
                                         else spec.clients_per_location_year)
            load.put("dwellings", ("location_id", "number", "available_on", *tracked_cols),
                     [(loc, f"W{loc}-{y}-{i}", rng.choice(days[y]), *tracked)
                      for y in per_year for i in range(spec.dwellings_per_location_year)])
            load.put("volunteers", ("location_id", "number", "kind", "team", "start", "end",
                                    *tracked_cols),
                     [(loc, f"V{loc}-{i}",
                       rng.choice(("vrijwilliger", "vrijwilliger", "stagiair", "betaald")),
                       rng.choice(("mb-juridisch", "wegwijs", "taalcoach")),
                       rng.choice(days[rng.choice(list(per_year))]),
                       rng.choice((None, rng.choice(days[max(per_year)]))), *tracked)
                      for i in range(spec.volunteers_per_location)])
            own: list[int] = []
            for y, n_contacts in per_year.items():
                clients, contacts, links = [], [], []
                first_new = client_id + 1
                for _ in range(client_years[y]):
                    client_id += 1
                    first, last = rng.choice(FIRST), rng.choice(LAST)
                    housed = rng.choice(days[y])
                    clients.append((
                        client_id, loc, f"C{client_id:06d}", first, last, folded[first, last],
                        housed - dt.timedelta(days=rng.randrange(1, 70 * 365)),
                        "x" if rng.random() < 0.01 else rng.choice("mv"),
                        rng.choice(NATIONALITIES), housed,
                        rng.choice(("regulier", "regulier", "nareiziger", "hervestiger")),
                        False, *tracked))
                own.extend(range(first_new, client_id + 1))
                load.put("clients", ("id", "location_id", "number", "first_name", "last_name",
                                     "search_name", "birth_date", "gender", "nationality",
                                     "housed_on", "intake", "amv", *tracked_cols), clients)
                pick, n_own, day = rng.random, len(own), days[y]
                for _ in range(n_contacts):
                    contact_id += 1
                    registered = pick() < 0.85
                    date, kind = day[int(pick() * 365)], CONTACT_KINDS[int(pick() * 10)]
                    contacts.append((
                        contact_id, loc, date, kind,
                        own[int(pick() * n_own)] if registered else None,
                        None if registered else f"persoon {int(pick() * 5000)}", *tracked))
                    for t in rng.sample(topics, (1, 1, 1, 2, 2, 3)[int(pick() * 6)]):
                        links.append((contact_id, t, loc, kind, date))
                load.put("contacts", ("id", "location_id", "date", "kind", "client_id",
                                      "person_label", *tracked_cols), contacts)
                # The contact's copies written here: the trigger leaves them be.
                load.put("contact_topics", ("contact_id", "topic_id", "location_id", "kind",
                                            "date"), links)
                _put_files(load, rng, loc, y, day, own, programmes[loc], spec, tracked)
            load.put("year_figures", ("location_id", "year", "key", "value", "mode",
                                      *tracked_cols),
                     [(loc, y, key, value, "invoer", *tracked) for y in per_year
                      for key, value in (("huisvesting.taakstelling", 900),
                                         ("doel.taalcentrum.bijeenkomsten", 900),
                                         ("taalcentrum.bijeenkomsten", 920))])
            load.put("report_texts", ("location_id", "year", "section", "text", *tracked_cols),
                     [(loc, y, k, t, *tracked) for y in per_year for k, t in VLAARDINGEN.items()])
            print(f"  {names[locations.index(loc)]}: {contact_id:,} contacts so far "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        driver.commit()
    finally:
        raw.close()
    with db.engine.begin() as conn:
        for ix in indexes:
            ix.create(conn)
        rollups.install(conn)
        search_index.install_words(conn)
    _analyze(db)
    db.close()
    print(f"built {db.display_url} in {time.perf_counter() - started:.0f} s "
          f"({contact_id:,} contacts, {client_id:,} clients)", file=sys.stderr)


def _put_files(load: Loader, rng: random.Random, loc: int, y: int, day: list, own: list[int],
               programmes: list[int], spec: Spec, tracked: tuple) -> None:
    """Dossiers, trajectories and couplings of one location-year."""
    cols = ("created_at", "updated_at", "version")
    rows = []
    for i in range(spec.dossiers_per_location_year):
        opened = rng.choice(day)
        closed = opened + dt.timedelta(days=rng.randrange(30, 900)) if rng.random() < 0.8 else None
        rows.append((loc, f"D{loc}-{y}-{i}", rng.choice(own),
                     rng.choice(("gezinshereniging", "gezinshereniging", "naturalisatie")),
                     opened, closed, rng.choice(("herenigd", "afgewezen")) if closed else None,
                     *tracked))
    load.put("dossiers", ("location_id", "number", "client_id", "kind", "opened_on", "closed_on",
                          "outcome", *cols), rows)
    rows = []
    for _ in range(spec.trajectories_per_location_year):
        begin = rng.choice(day)
        rows.append((loc, rng.choice(own), rng.choice(("mb-jaar-1", "mb-jaar-2", "zelfmelder")),
                     begin, begin + dt.timedelta(days=365), *tracked))
    load.put("trajectories", ("location_id", "client_id", "kind", "start", "end", *cols), rows)
    rows = []
    for i in range(spec.couplings_per_location_year):
        signed = rng.choice(day)
        started = signed + dt.timedelta(days=rng.randrange(10, 90))
        ended = started + dt.timedelta(days=rng.randrange(60, 300)) if rng.random() < 0.7 else None
        rows.append((loc, f"K{loc}-{y}-{i}", rng.choice(programmes), rng.choice(own), signed,
                     started, ended, rng.choice(("afgerond", "gestopt")) if ended else None,
                     *tracked))
    load.put("couplings", ("location_id", "number", "programme_id", "client_id", "signed_up_on",
                           "started_on", "ended_on", "result", *cols), rows)


def _analyze(db) -> None:
    if db.is_sqlite:
        with db.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("VACUUM ANALYZE")


def database_size_mb(db) -> float:
    """The size of the database on disk (file, or PostgreSQL database)."""
    with db.engine.connect() as c:
        if db.is_sqlite:
            pages = c.exec_driver_sql("PRAGMA page_count").scalar()
            return pages * c.exec_driver_sql("PRAGMA page_size").scalar() / 1e6
        return c.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() / 1e6


def index_sizes_mb(db, names: list[str]) -> dict[str, float]:
    """The disk size of each named index (SQLite: dbstat, where compiled in)."""
    out: dict[str, float] = {}
    with db.engine.connect() as c:
        for name in names:
            if db.is_sqlite:
                try:
                    size = c.exec_driver_sql(
                        "SELECT sum(pgsize) FROM dbstat WHERE name = ?", (name,)).scalar()
                except Exception:  # noqa: BLE001 - dbstat not compiled in
                    size = None
            else:
                size = c.exec_driver_sql("SELECT pg_relation_size(to_regclass(%s))",
                                         (name,)).scalar()
            out[name] = (size or 0) / 1e6
    return out
