"""Turning a `YearPlan` into registrations, with Core bulk inserts.

Every random choice comes from one seeded `random.Random` per location, so a
demo database is the same on every machine. Rows get `created_by_id` of the
location's demo teamleader; there are no audit entries (a bulk demo load, not
user work).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from vwdesk.core import models as m
from vwdesk.core.text import fold_words
from vwdesk.demo.names import invented_name
from vwdesk.demo.plans import YearPlan


def _next_deadline(number: str) -> dt.date:
    """An open dossier's next deadline, around today so that Termijnen shows
    what a desk sees: a few overdue, some within two weeks, most later. The
    offset is fixed per dossier (its own seed: the demo's other values do
    not move); only today moves it."""
    return dt.date.today() + dt.timedelta(days=random.Random(number).randint(-10, 90))


POOL_YEARS = (2014, 2015, 2016)
POOL_NATIONALITIES = {"SY": 40, "ER": 25, "AF": 12, "IQ": 8, "IR": 6, "SO": 5, "ET": 2, "YE": 2}
MONTH_WEIGHTS = (9, 10, 11, 9, 8, 7, 5, 6, 9, 10, 9, 7)
SPREEKUUR_TOPICS = {"financiën": 30, "brieven": 14, "toeslagen": 10, "huisvesting": 9,
                    "gezondheid": 8, "schulden": 8, "werk": 6, "onderwijs": 5, "inburgering": 5,
                    "belastingen": 4, "overig": 3}
OTHER_LEGAL_TOPICS = ("naturalisatie", "verblijfsvergunning", "reisdocumenten", "asielprocedure",
                      "terugkeer")
TEAM = "mb-juridisch"


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _month_date(rng: random.Random, year: int) -> dt.date:
    month = rng.choices(range(1, 13), weights=MONTH_WEIGHTS)[0]
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, rng.randint(1, last))


class LocationGenerator:
    def __init__(self, conn: Connection, location_id: int, user_id: int, seed: int,
                 municipality_id: int | None):
        self.conn = conn
        self.loc = location_id
        self.user = user_id
        self.rng = random.Random(seed)
        self.mun = municipality_id
        self.programmes = dict(conn.execute(
            select(m.Programme.key, m.Programme.id).where(m.Programme.location_id == location_id)).all())
        self.topics = dict(conn.execute(select(m.Topic.name, m.Topic.id)).all())
        self.counter: dict[str, int] = {}
        # (id, housed_on, nationality, adult) of every client made so far
        self.clients: list[tuple[int, dt.date, str, bool]] = []
        self.dwellings: list[tuple[int, dt.date]] = []

    # ------------------------------------------------------------ helpers
    def _number(self, prefix: str) -> str:
        self.counter[prefix] = self.counter.get(prefix, 0) + 1
        return f"{prefix}{self.counter[prefix]:05d}"

    def _stamp(self, row: dict[str, Any]) -> dict[str, Any]:
        row.update(location_id=self.loc, created_by_id=self.user, updated_by_id=self.user)
        return row

    def _insert(self, model, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        table = model.__table__
        keys = {k for r in rows for k in r}
        rows = [self._stamp({k: r.get(k) for k in keys}) for r in rows]  # executemany: same keys
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(self.conn.execute(stmt, rows).scalars())

    def _topic_rows(self, contact_ids: list[int], topic_lists: list[list[str]]) -> None:
        rows = [{"contact_id": cid, "topic_id": self.topics[name]}
                for cid, names in zip(contact_ids, topic_lists, strict=True) for name in names]
        if rows:
            self.conn.execute(insert(m.ContactTopic.__table__), rows)

    def _before(self, year: int, adult: bool | None = None, nationality: str | None = None):
        return [c for c in self.clients if c[1].year < year
                and (adult is None or c[3] == adult)
                and (nationality is None or c[2] == nationality)]

    def _label(self, used: set[str]) -> str:
        while True:
            first, last = invented_name(self.rng, self.rng.choice(list(POOL_NATIONALITIES)))
            label = f"{first} {last}"
            if label not in used:
                used.add(label)
                return label

    # ------------------------------------------------------------ clients
    def _client_rows(self, specs: list[dict[str, Any]]) -> None:
        rows = []
        for spec in specs:
            first, last = invented_name(self.rng, spec["nationality"])
            housed = spec["housed_on"]
            age = self.rng.randint(19, 62) if spec["adult"] else self.rng.randint(0, 16)
            birth = _years_before(housed, age) - dt.timedelta(days=self.rng.randint(0, 300))
            rows.append({
                "number": self._number("C"), "first_name": first, "last_name": last,
                "search_name": fold_words(f"{first} {last}"), "birth_date": birth,
                "gender": spec["gender"], "nationality": spec["nationality"],
                "dwelling_id": spec["dwelling_id"], "housed_on": housed,
                "municipality_id": self.mun, "intake": spec["intake"], "amv": False,
            })
        ids = self._insert(m.Client, rows)
        for cid, spec in zip(ids, specs, strict=True):
            self.clients.append((cid, spec["housed_on"], spec["nationality"], spec["adult"]))

    def _dwelling_rows(self, dates: list[dt.date]) -> list[int]:
        ids = self._insert(m.Dwelling, [{
            "number": self._number("W"), "address": f"Demostraat {self.rng.randint(1, 240)}",
            "municipality_id": self.mun, "type": self.rng.choice(("eengezins", "alleenstaande")),
            "available_on": d} for d in dates])
        self.dwellings += list(zip(ids, dates, strict=True))
        return ids

    def pool(self, size: int) -> None:
        """Clients housed before the demo years: the people later contacts,
        dossiers and couplings are about."""
        codes = self.rng.choices(list(POOL_NATIONALITIES), weights=POOL_NATIONALITIES.values(),
                                 k=size)
        dates = sorted(_date(self.rng, dt.date(POOL_YEARS[0], 1, 1), dt.date(POOL_YEARS[-1], 12, 31))
                       for _ in range(max(1, size // 3)))
        dwellings = self._dwelling_rows(dates)
        specs = []
        for i, code in enumerate(codes):
            d_id, avail = dwellings[i % len(dwellings)], dates[i % len(dates)]
            specs.append({"nationality": code, "adult": self.rng.random() < 0.6,
                          "gender": self.rng.choice("mv"), "intake": "regulier",
                          "dwelling_id": d_id,
                          "housed_on": min(avail + dt.timedelta(days=self.rng.randint(0, 20)),
                                           dt.date(avail.year, 12, 31))})
        self._client_rows(specs)

    # ------------------------------------------------------------ one year
    def year(self, p: YearPlan) -> None:
        self.housing(p)
        self.consultations(p)
        self.legal(p)
        self.trajectories(p)
        for key, cp in p.couplings.items():
            self.couplings(p, key, cp)
        self.staff(p)
        self.typed(p)

    def housing(self, p: YearPlan) -> None:
        rng, y = self.rng, p.year
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        dates = sorted(_date(rng, start, end) for _ in range(p.dwellings))
        earlier = list(self.dwellings)
        dwellings = self._dwelling_rows(dates)
        n = p.housed
        adult = [True] * p.adults + [False] * (n - p.adults)
        intake = ["regulier"] * n
        for i in rng.sample(range(p.adults), p.nareizigers_adults):
            intake[i] = "nareiziger"
        for i in rng.sample(range(p.adults, n), p.nareizigers_kids):
            intake[i] = "nareiziger"
        for i in rng.sample([i for i in range(n) if intake[i] == "regulier"], p.resettled):
            intake[i] = "hervestiger"
        genders = ["m"] * p.men + ["v"] * (n - p.men)
        rng.shuffle(genders)
        nats = [code for code, k in p.nationalities.items() for _ in range(k)]
        rng.shuffle(nats)
        specs, slot = [], 0
        for i in range(n):
            if intake[i] == "nareiziger" and earlier:
                d_id = rng.choice(earlier)[0]
                housed = _date(rng, start, end)
            else:
                d_id, avail = dwellings[slot % len(dwellings)], dates[slot % len(dates)]
                slot += 1
                housed = min(avail + dt.timedelta(days=rng.randint(0, 20)), end)
            specs.append({"nationality": nats[i], "adult": adult[i], "gender": genders[i],
                          "intake": intake[i], "dwelling_id": d_id, "housed_on": housed})
        self._client_rows(specs)

    def consultations(self, p: YearPlan) -> None:
        rng, y = self.rng, p.year
        clients = [c[0] for c in rng.sample(self._before(y), p.sp_clients)]
        labels: set[str] = set()
        persons = [("c", cid) for cid in clients] + [("p", self._label(labels))
                                                      for _ in range(p.sp_unregistered)]
        who = persons + [rng.choice(persons) for _ in range(p.sp_contacts - len(persons))]
        topics = [[rng.choices(list(SPREEKUUR_TOPICS), weights=SPREEKUUR_TOPICS.values())[0]]
                  for _ in who]
        extra = p.sp_topics - len(who)
        while extra > 0:
            lst = rng.choice(topics)
            name = rng.choices(list(SPREEKUUR_TOPICS), weights=SPREEKUUR_TOPICS.values())[0]
            if name not in lst:
                lst.append(name)
                extra -= 1
        self._contacts(y, "spreekuur", who, topics)

    def _contacts(self, year: int, kind: str, who: list[tuple[str, Any]],
                  topics: list[list[str]]) -> None:
        rows = [{"date": _month_date(self.rng, year), "kind": kind,
                 "client_id": ref if tag == "c" else None,
                 "person_label": ref if tag == "p" else None,
                 "duration_minutes": self.rng.choice((15, 20, 30, 45))} for tag, ref in who]
        self._topic_rows(self._insert(m.Contact, rows), topics)

    def legal(self, p: YearPlan) -> None:
        rng, y = self.rng, p.year
        chosen = rng.sample(self._before(y, adult=True), p.jur_gh_clients + p.jur_other_clients)
        gh = [("c", c[0]) for c in chosen[:p.jur_gh_clients]]
        other = [("c", c[0]) for c in chosen[p.jur_gh_clients:]]
        labels: set[str] = set()
        nr = [("p", self._label(labels)) for _ in range(p.jur_nr_persons)]
        for persons, count, pick in (
            (gh, p.jur_gh_contacts, lambda: ["gezinshereniging"]),
            (other, p.jur_other_contacts, lambda: rng.sample(OTHER_LEGAL_TOPICS, rng.randint(1, 2))),
            (nr, p.jur_nr_contacts, lambda: [rng.choice(("gezinshereniging",) + OTHER_LEGAL_TOPICS)]),
        ):
            if not persons:
                continue
            who = persons + [rng.choice(persons) for _ in range(count - len(persons))]
            self._contacts(y, "juridisch", who, [pick() for _ in who])
        self.dossiers(p)

    def dossiers(self, p: YearPlan) -> None:
        rng, y = self.rng, p.year
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        specs = []  # (opened, closed)
        for i in range(p.gh_carried):
            opened = _date(rng, dt.date(y - 2, 1, 1), dt.date(y - 1, 12, 31))
            closed = _date(rng, start, end) if i < p.gh_closed_carried else self._later(y)
            specs.append((opened, closed))
        for i in range(p.gh_new):
            if i < p.gh_closed_new:
                opened = _date(rng, start, dt.date(y, 6, 30))
                specs.append((opened, _date(rng, opened + dt.timedelta(days=30), end)))
            else:
                specs.append((_date(rng, start, end), None if p.open_end else end))
        closed_in_year = [i for i, (_, c) in enumerate(specs) if c and c.year == y]
        reunited = [code for code, k in p.reunited.items() for _ in range(k)]
        outcome_nat: dict[int, str] = dict(zip(closed_in_year, reunited, strict=False))
        adults = self._before(y, adult=True)
        rows = []
        for i, (opened, closed) in enumerate(specs):
            if i in outcome_nat:
                candidates = self._before(y, adult=True, nationality=outcome_nat[i]) or adults
                outcome = "herenigd"
            else:
                candidates = adults
                outcome = rng.choice(("ingewilligd", "afgewezen", "ingetrokken")) if closed else None
            number = self._number(f"GH{y}-")
            rows.append({"number": number, "client_id": rng.choice(candidates)[0],
                         "kind": "gezinshereniging", "opened_on": opened, "closed_on": closed,
                         "outcome": outcome, "family_members": rng.randint(1, 5),
                         "deadline": None if closed else _next_deadline(number)})
        self._insert(m.Dossier, rows)

    def _later(self, year: int) -> dt.date | None:
        """An end date after `year` (half the time), or still open."""
        if self.rng.random() < 0.5:
            return None
        return _date(self.rng, dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31))

    def trajectories(self, p: YearPlan) -> None:
        rng, y = self.rng, p.year
        housed = [c for c in self.clients if c[1].year == y] or self._before(y)
        last_year = [c for c in self.clients if c[1].year == y - 1] or self._before(y)
        rows = []
        for kind, count, source in (("mb-jaar-1", p.mb1, housed), ("mb-jaar-2", p.mb2, last_year),
                                    ("zelfmelder", p.mbz, self._before(y - 1) or housed)):
            for i in range(count):
                cid, housed_on = source[i % len(source)][:2]
                first = max(dt.date(y, 1, 1), housed_on)
                begin = _date(rng, first, min(first + dt.timedelta(days=30), dt.date(y, 12, 31)))
                rows.append({"client_id": cid, "kind": kind, "start": begin,
                             "end": begin + dt.timedelta(days=365)})
        self._insert(m.Trajectory, rows)

    def couplings(self, p: YearPlan, key: str, cp) -> None:
        rng, y = self.rng, p.year
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        running = (cp.ended_from_before + cp.started_done + cp.started_stopped
                   + cp.started_extended + cp.started_running)
        n_coaches = max(1, min(cp.coaches, running))
        coaches = self._insert(m.Volunteer, [self._person_row("vrijwilliger", key, _date(
            rng, dt.date(y - 2, 1, 1), dt.date(y - 1, 6, 30)), None) for _ in range(n_coaches)])
        specs = []  # (started, ext, ended, result)
        for _ in range(cp.ended_from_before):
            s = _date(rng, dt.date(y - 1, 7, 1), dt.date(y - 1, 12, 31))
            specs.append((s, None, _date(rng, start, dt.date(y, 6, 30)), "afgerond"))
        for _ in range(cp.started_done):
            s = _date(rng, start, dt.date(y, 4, 30))
            specs.append((s, None, s + dt.timedelta(days=rng.randint(150, 200)), "afgerond"))
        for _ in range(cp.started_stopped):
            s = _date(rng, start, dt.date(y, 9, 30))
            specs.append((s, None, s + dt.timedelta(days=rng.randint(30, 90)), "gestopt"))
        for _ in range(cp.started_extended):
            s = _date(rng, start, dt.date(y, 6, 15))
            later = self._later(y)
            specs.append((s, s + dt.timedelta(days=182), later, "afgerond" if later else None))
        for _ in range(cp.started_running):
            s = _date(rng, dt.date(y, 7, 1), end)
            later = self._later(y) if p.open_end else None
            specs.append((s, None, later, "afgerond" if later else None))
        clients = self._before(y)
        rows = []
        for i, (s, ext, ended, result) in enumerate(specs):
            rows.append({"number": self._number("K"), "programme_id": self.programmes[key],
                         "client_id": rng.choice(clients)[0], "coach_id": coaches[i % n_coaches],
                         "signed_up_on": s - dt.timedelta(days=rng.randint(10, 40)),
                         "started_on": s,
                         "evaluation_3m_on": (s + dt.timedelta(days=91)
                                              if ended is None or ended >= s + dt.timedelta(days=91)
                                              else None),
                         "evaluation_6m_on": ext, "extended_on": ext, "ended_on": ended,
                         "result": result})
        for _ in range(cp.waiting):
            rows.append({"number": self._number("K"), "programme_id": self.programmes[key],
                         "client_id": rng.choice(clients)[0],
                         "signed_up_on": _date(rng, dt.date(y, 10, 1), end)})
        for _ in range(cp.withdrawn):
            signed = _date(rng, start, dt.date(y, 9, 30))
            rows.append({"number": self._number("K"), "programme_id": self.programmes[key],
                         "client_id": rng.choice(clients)[0], "signed_up_on": signed,
                         "ended_on": signed + dt.timedelta(days=rng.randint(10, 60)),
                         "result": "ingetrokken"})
        self._insert(m.Coupling, rows)

    def _person_row(self, kind: str, team: str, begin: dt.date, stop: dt.date | None,
                    hours: float | None = None) -> dict[str, Any]:
        first, last = invented_name(self.rng, self.rng.choice(("SY", "ER", "AF", "NL")))
        return {"number": self._number("M"), "first_name": first, "last_name": last,
                "kind": kind, "team": team, "start": begin, "end": stop, "hours_per_week": hours}

    def staff(self, p: YearPlan) -> None:
        rng, y = self.rng, p.year
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        rows = []
        for kind, sp in (("vrijwilliger", p.volunteers), ("stagiair", p.interns)):
            for i in range(sp.carried):
                begin = _date(rng, dt.date(y - 4, 1, 1), dt.date(y - 1, 12, 31))
                stop = _date(rng, start, end) if i < sp.stopped_carried else self._later(y)
                rows.append(self._person_row(kind, TEAM, begin, stop))
            for i in range(sp.started):
                begin = _date(rng, start, dt.date(y, 9, 30))
                stop = (_date(rng, begin + dt.timedelta(days=30), end) if i < sp.stopped_new
                        else self._later(y))
                rows.append(self._person_row(kind, TEAM, begin, stop))
        for hours, begin, stop in p.paid:
            rows.append(self._person_row("betaald", TEAM, dt.date.fromisoformat(begin),
                                         dt.date.fromisoformat(stop) if stop else None, hours))
        self._insert(m.Volunteer, rows)

    def typed(self, p: YearPlan) -> None:
        self._insert(m.YearFigure, [{"year": p.year, "key": key, "value": float(value),
                                     "mode": "invoer"} for key, value in p.typed.items()])
