"""What the demo data must add up to, per location and year.

The 2018 plans hold the seeds' figures (spec/report.md); the generator makes
registrations that produce exactly these. 2017 and 2019 are variations so that
comparisons and charts have something to show. 2017's own rows all end within
2017 (`open_end=False`) and 2019's all start in 2019, so neither changes a
2018 figure; the rows 2018 needs from before (dossiers, couplings and
volunteers running into 2018) are made by the 2018 plan itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class CouplingPlan:
    ended_from_before: int = 0  # started in Y-1, ended in Y
    started: int = 0
    started_done: int = 0
    started_extended: int = 0
    started_running: int = 0
    started_stopped: int = 0
    waiting: int = 0
    withdrawn: int = 0
    coaches: int = 1


@dataclass(frozen=True)
class StaffPlan:
    carried: int = 0  # started before Y, active in Y
    started: int = 0
    stopped_carried: int = 0
    stopped_new: int = 0


@dataclass(frozen=True)
class YearPlan:
    year: int
    housed: int
    adults: int
    men: int
    nationalities: dict[str, int]
    nareizigers_adults: int
    nareizigers_kids: int
    resettled: int
    dwellings: int
    sp_contacts: int
    sp_topics: int
    sp_clients: int
    sp_unregistered: int
    gh_new: int
    gh_carried: int
    gh_closed_carried: int
    gh_closed_new: int
    reunited: dict[str, int]
    jur_other_contacts: int
    jur_other_clients: int
    jur_gh_contacts: int
    jur_gh_clients: int
    jur_nr_contacts: int
    jur_nr_persons: int
    mb1: int
    mbz: int
    mb2: int
    couplings: dict[str, CouplingPlan]
    volunteers: StaffPlan
    interns: StaffPlan
    paid: tuple[tuple[float, str, str | None], ...]  # hours, start, end (ISO dates)
    typed: dict[str, float] = field(default_factory=dict)
    open_end: bool = True


VLAARDINGEN_2018 = YearPlan(
    year=2018, housed=90, adults=50, men=47,
    nationalities={"SY": 39, "ER": 20, "AF": 12, "IQ": 8, "IR": 6, "SO": 5},
    nareizigers_adults=20, nareizigers_kids=23, resettled=6, dwellings=27,
    sp_contacts=552, sp_topics=781, sp_clients=140, sp_unregistered=41,
    gh_new=27, gh_carried=38, gh_closed_carried=14, gh_closed_new=5,
    reunited={"ER": 8, "SY": 4},
    jur_other_contacts=82, jur_other_clients=35, jur_gh_contacts=61, jur_gh_clients=30,
    jur_nr_contacts=88, jur_nr_persons=68,
    mb1=50, mbz=6, mb2=42,
    couplings={
        "wegwijs": CouplingPlan(ended_from_before=9, started=15, started_done=3,
                                started_extended=2, started_running=10, waiting=2, withdrawn=1,
                                coaches=10),
        "taalcoach": CouplingPlan(ended_from_before=1, started=5, started_done=2,
                                  started_running=3, coaches=4),
    },
    volunteers=StaffPlan(carried=16, started=6, stopped_carried=6, stopped_new=2),
    interns=StaffPlan(carried=7, started=7, stopped_carried=5, stopped_new=2),
    paid=((34, "2015-03-01", None), (12, "2016-09-01", "2018-11-01"), (11, "2014-01-01", None)),
    typed={
        "huisvesting.taakstelling": 102, "huisvesting.saldo_begin": 4,
        "doel.koppelingen.wegwijs.gestart": 15, "doel.koppelingen.taalcoach.gestart": 5,
        "doel.taalcentrum.bijeenkomsten": 920, "doel.computerlessen.bijeenkomsten": 40,
        "inburgering.cursisten": 153, "inburgering.vrijwilligers": 60,
        "inburgering.actief_eind": 62, "inburgering.groepen": 5,
        "inburgering.groepen_alfabetisering": 3, "inburgering.groepen_inburgering": 2,
        "taalcentrum.bijeenkomsten": 920, "taalcentrum.groepen": 23,
        "taalcentrum.plaatsingen": 239, "taalcentrum.cursisten": 180, "taalcentrum.nieuw": 81,
        "computerlessen.bijeenkomsten": 42, "computerlessen.deelnemers_gem": 12,
    },
)

MAASSLUIS_2018 = YearPlan(
    year=2018, housed=21, adults=11, men=12, nationalities={"SY": 16, "ER": 3, "AF": 2},
    nareizigers_adults=4, nareizigers_kids=5, resettled=0, dwellings=2,
    sp_contacts=368, sp_topics=520, sp_clients=50, sp_unregistered=16,
    gh_new=1, gh_carried=16, gh_closed_carried=10, gh_closed_new=0,
    reunited={"SY": 4, "ER": 3},
    jur_other_contacts=18, jur_other_clients=10, jur_gh_contacts=30, jur_gh_clients=12,
    jur_nr_contacts=9, jur_nr_persons=7,
    mb1=11, mbz=0, mb2=27,
    couplings={"taalcoach": CouplingPlan(ended_from_before=1, started=2, started_running=2,
                                         coaches=2)},
    volunteers=StaffPlan(carried=14, started=3, stopped_carried=2, stopped_new=0),
    interns=StaffPlan(carried=1, started=1, stopped_carried=1, stopped_new=0),
    paid=((32, "2014-05-01", None), (24, "2016-02-01", "2018-09-01"), (12, "2015-01-01", None)),
    typed={"huisvesting.taakstelling": 15, "huisvesting.saldo_begin": 40},
)


def _scaled(n: int, f: float) -> int:
    return max(0, round(n * f))


def variation(base: YearPlan, year: int, f: float, *, sp_contacts: int | None = None) -> YearPlan:
    """A plausible other year: counts scaled by `f`, kept consistent. Before
    2018 everything ends within the year; from 2019 nothing is carried in."""
    housed = max(4, _scaled(base.housed, f))
    nats = {code: _scaled(n, f) for code, n in base.nationalities.items()}
    top = next(iter(nats))
    nats[top] += housed - sum(nats.values())
    adults = min(housed - 1, max(1, _scaled(base.adults, f)))
    na = min(adults // 2, _scaled(base.nareizigers_adults, f))
    nk = min((housed - adults) // 2, _scaled(base.nareizigers_kids, f))
    before = year < base.year
    contacts = sp_contacts or _scaled(base.sp_contacts, f)
    carried = 0 if year > base.year else _scaled(base.gh_carried, f) // 2
    new = max(1, _scaled(base.gh_new, f))
    closed_new = new if before else min(new, _scaled(base.gh_closed_new, f))
    closed_carried = carried if before else 0
    reunited_total = min(closed_new + closed_carried, sum(base.reunited.values()))
    codes = list(base.reunited)
    reunited = {c: reunited_total // len(codes) + (1 if i < reunited_total % len(codes) else 0)
                for i, c in enumerate(codes)}

    def couplings(p: CouplingPlan) -> CouplingPlan:
        started = _scaled(p.started, f)
        done = min(started, _scaled(p.started_done, f))
        if before:
            return CouplingPlan(ended_from_before=_scaled(p.ended_from_before, f),
                                started=started, started_done=started - done // 3,
                                started_stopped=done // 3, coaches=max(1, _scaled(p.coaches, f)))
        ext = min(started - done, _scaled(p.started_extended, f))
        return CouplingPlan(started=started, started_done=done, started_extended=ext,
                            started_running=started - done - ext, waiting=_scaled(p.waiting, f),
                            coaches=max(1, _scaled(p.coaches, f)))

    def staff(p: StaffPlan) -> StaffPlan:
        started = _scaled(p.started, f)
        if before:
            return StaffPlan(carried=0, started=started, stopped_new=started)
        return StaffPlan(carried=0, started=started, stopped_new=_scaled(p.stopped_new, f))

    typed = {k: (round(v * f) if not k.startswith("doel.") else v) for k, v in base.typed.items()
             if k != "huisvesting.saldo_begin"}
    return replace(
        base, year=year, housed=housed, adults=adults, men=min(housed, _scaled(base.men, f)),
        nationalities=nats, nareizigers_adults=na, nareizigers_kids=nk,
        resettled=min(housed - na - nk, _scaled(base.resettled, f)),
        dwellings=max(1, _scaled(base.dwellings, f)), sp_contacts=contacts,
        sp_topics=round(contacts * base.sp_topics / base.sp_contacts),
        sp_clients=min(_scaled(base.sp_clients, f), contacts // 2),
        sp_unregistered=min(_scaled(base.sp_unregistered, f), contacts // 4),
        gh_new=new, gh_carried=carried, gh_closed_carried=closed_carried,
        gh_closed_new=closed_new, reunited=reunited,
        jur_other_contacts=_scaled(base.jur_other_contacts, f),
        jur_other_clients=min(_scaled(base.jur_other_clients, f),
                              _scaled(base.jur_other_contacts, f)),
        jur_gh_contacts=_scaled(base.jur_gh_contacts, f),
        jur_gh_clients=min(_scaled(base.jur_gh_clients, f), _scaled(base.jur_gh_contacts, f)),
        jur_nr_contacts=_scaled(base.jur_nr_contacts, f),
        jur_nr_persons=min(_scaled(base.jur_nr_persons, f), _scaled(base.jur_nr_contacts, f)),
        mb1=_scaled(base.mb1, f), mbz=_scaled(base.mbz, f), mb2=_scaled(base.mb2, f),
        couplings={k: couplings(p) for k, p in base.couplings.items()},
        volunteers=staff(base.volunteers), interns=staff(base.interns), paid=(),
        typed=typed, open_end=not before,
    )


PLANS = {
    "Vlaardingen": [variation(VLAARDINGEN_2018, 2017, 0.62, sp_contacts=316), VLAARDINGEN_2018,
                    variation(VLAARDINGEN_2018, 2019, 0.8)],
    "Maassluis": [variation(MAASSLUIS_2018, 2017, 1.3), MAASSLUIS_2018,
                  variation(MAASSLUIS_2018, 2019, 0.7)],
}
