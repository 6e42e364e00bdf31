"""What a figure counts: the record kinds of the report and their natural fields.

A `Subject` is one kind of row counted by figures: housed persons (clients
by housing date), dwellings, households, contacts, topic mentions, dossiers,
trajectories, couplings, moves and staff. Each declares

- its *filters*: the fields a template may narrow on (`geslacht=v`,
  `soort=mb`, `onderwerp=werk`), each turned into a SQL condition; filters
  without `values` are internal, set only by the registry;
- its *date roles*: which date puts a row in the report's period (housed on,
  opened on, open at some moment, ...); a role for what is open, running or
  active (`stock`) also takes a single day, `op=31-12`;
- its *aggregates*: count, distinct persons, a sum, a ranked list, ...

and builds the statement for a group of requests (`vwdesk.report.sql`).
Names (municipalities, topics and topic groups, programmes) are looked up
once per computation (`Lookups`), so no statement joins them per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    and_,
    case,
    column,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import aliased
from sqlalchemy.orm import join as orm_join

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.rollups import ALL_KINDS
from vwdesk.report.params import (
    Period,
    Selection,
    Values,
    bounds,
    choice,
    int_range,
    names,
    nationalities,
    selection,
    size_range,
)
from vwdesk.report.subject_base import (
    Aggregate,
    Filter,
    Role,
    Scope,
    Subject,
    Summary,
    chosen,
    choice_filter,
    event,
    in_ids,
    months_filter,
    municipality_filter,
    span,
    text_filter,
    yes_no_filter,
)
from vwdesk.report.sql import (
    Condition,
    age_at_least,
    count_if,
    day_number,
    earlier_of,
    in_period,
    later_of,
    overlaps,
    younger_than,
)

DEFAULT_AOW_AGE = 67


SUBJECTS: dict[str, Subject] = {}


def _subject(s: Subject) -> Subject:
    SUBJECTS[s.name] = s
    return s


def _address(col: Any, sel: Selection) -> Any:
    """The address contains one of the texts (without regard to case)."""
    found = or_(*(func.lower(col).contains(v.lower(), autoescape=True) for v in sel.members))
    return or_(col.is_(None), not_(found)) if sel.negated else found


def dwelling_filters(d: Any, what: str, joins: frozenset[str] = frozenset()) -> dict[str, Filter]:
    """Filters on a dwelling's fields; `what` says whose dwelling (docs)."""
    return {
        "type": choice_filter("type", d.type, vocab.DWELLING_TYPES, f"type van {what}", joins),
        "status": choice_filter("status", d.status, vocab.DWELLING_STATUSES,
                                 f"status van {what} (leeg: een gewone woning)", joins),
        "complex": text_filter("complex", d.complex, "gebruik de naam van een complex of "
                                "project", f"complex of project van {what}", joins),
        "woonkern": text_filter("woonkern", d.village, "gebruik de naam van een woonkern",
                                 f"woonkern van {what}", joins),
        "adres": Filter("adres", names("gebruik (een deel van) een adres, bijvoorbeeld "
                                       "adres=Rotterdamseweg"),
                        lambda sc, v: Condition(_address(d.address, selection(v))), joins,
                        f"adres van {what} (bevat de tekst)"),
    }


# ---------------------------------------------------------------- housed persons

C, D = m.Client, m.Dwelling
_DWELLING = frozenset({"dwelling"})


def _age(sc: Scope, v: str) -> Condition:
    sel = selection(v)
    aow = int(sc.filters.get("aow_leeftijd", DEFAULT_AOW_AGE))
    tests = {"volwassen": age_at_least(18, C.birth_date, C.housed_on),
             "kind": younger_than(18, C.birth_date, C.housed_on),
             "aow": age_at_least(aow, C.birth_date, C.housed_on)}
    any_of = or_(*(tests[x] for x in sel.members))
    return Condition(not_(any_of) if sel.negated else any_of)


def _nationality_filter(col: Any, doc: str, joins: frozenset[str] = frozenset()) -> Filter:
    return Filter("nationaliteit", nationalities(),
                  lambda sc, v: Condition(chosen(col, selection(v))), joins, doc)


PERSONS = _subject(Subject(
    "personen", "gehuisveste personen",
    filters={
        "gemeente": municipality_filter(C.municipality_id, "de gemeente waar gehuisvest"),
        "geslacht": choice_filter("geslacht", C.gender, vocab.GENDERS, "geslacht"),
        "leeftijd": Filter("leeftijd", choice("volwassen", "kind", "aow"), _age,
                           doc="volwassen (18+), kind of AOW-leeftijd op de huisvestingsdatum",
                           depends=("aow_leeftijd",)),
        "aow_leeftijd": Filter("aow_leeftijd", int_range(50, 100, "gebruik een leeftijd in "
                                                                   "jaren, bijvoorbeeld 67"),
                               lambda sc, v: None, doc="de AOW-leeftijd bij leeftijd=aow "
                                                       "(standaard 67)"),
        "instroom": choice_filter("instroom", C.intake, vocab.INTAKES, "instroom"),
        "amv": yes_no_filter("amv", C.amv.is_(True), C.amv.is_not(True),
                              "alleenstaande minderjarige"),
        "nationaliteit": _nationality_filter(C.nationality, "nationaliteit"),
        **dwelling_filters(D, "de woning waarin gehuisvest", _DWELLING),
    },
    roles={"gehuisvest": event(C.housed_on)},
    aggregates={
        "aantal": Aggregate("count"),
        "nationaliteiten": Aggregate("groups", C.nationality, labels="nationaliteit"),
        "verschillend": Aggregate("distinct", C.nationality),
    },
    table=C, joins={"dwelling": (D, D.id == C.dwelling_id)},
))


# ---------------------------------------------------------------- dwellings

DWELLINGS = _subject(Subject(
    "woningen", "woningen",
    filters={
        "gemeente": municipality_filter(D.municipality_id, "de gemeente van de woning"),
        **dwelling_filters(D, "de woning"),
    },
    roles={"beschikbaar": event(D.available_on)},
    aggregates={"aantal": Aggregate("count")},
    table=D,
))


# ---------------------------------------------------------------- households

def _households(source: Any, where: list[Any], scopes: list[Scope]) -> tuple[Any, list[Any]]:
    """Households from dwellings: the clients housed in one dwelling form a
    household. Per dwelling someone moved into in the period: when its first
    person was housed, its size up to the end of the period, how many were
    housed in the period and how many of them joined someone housed before,
    and the intake of its first person."""
    p = scopes[0].period
    loc = scopes[0].location_id
    moved_into = select(C.dwelling_id).where(C.location_id == loc, in_period(C.housed_on, p))
    first = func.min(C.housed_on).over(partition_by=C.dwelling_id)
    order = func.row_number().over(partition_by=C.dwelling_id, order_by=(C.housed_on, C.id))
    members = (select(C.dwelling_id.label("dwelling_id"), C.housed_on.label("housed_on"),
                      C.intake.label("intake"), first.label("first"), order.label("nr"))
               .where(C.location_id == loc, C.housed_on <= p.end,
                      C.dwelling_id.in_(moved_into)).subquery("members"))
    mb = members.c
    in_p = in_period(mb.housed_on, p)
    households = (select(mb.dwelling_id.label("h_dwelling_id"),
                         func.min(mb.first).label("h_first"), func.count().label("h_size"),
                         count_if(in_p).label("h_housed"),
                         count_if(and_(in_p, mb.housed_on > mb.first)).label("h_joined"),
                         func.max(case((mb.nr == 1, mb.intake), else_=None)).label("h_intake"))
                  .group_by(mb.dwelling_id).subquery("households"))
    return orm_join(households, D, D.id == households.c.h_dwelling_id), where


def _household_col(name: str) -> Any:
    """A column of the per-dwelling rows of `_households`, by its label."""
    return column(f"h_{name}")


def _household_state(sc: Scope, v: str) -> Condition:
    first, joined = _household_col("first"), _household_col("joined")
    return Condition({"nieuw": in_period(first, sc.period), "bijgevoegd": joined > 0}[v])


def _household_size(sc: Scope, v: str) -> Condition:
    low, high = bounds(v)
    size = _household_col("size")
    return Condition(size >= low if high is None else size.between(low, high))


HOUSEHOLDS = _subject(Subject(
    "huishoudens", "huishoudens",
    filters={
        "gemeente": municipality_filter(D.municipality_id, "de gemeente van de woning"),
        **dwelling_filters(D, "de woning"),
        "instroom": Filter("instroom", choice(*vocab.INTAKES),
                           lambda sc, v: Condition(chosen(_household_col("intake"), selection(v))),
                           doc="instroom van de eerste gehuisveste persoon"),
        "grootte": Filter("grootte", Values("gebruik een aantal personen: grootte=1, grootte=2-4 "
                                            "of grootte=5+", size_range), _household_size,
                          doc="personen in de woning tot het eind van de periode"),
        "stand": Filter("stand", None, _household_state),
    },
    roles={"huishouden": Role(lambda p: true())},
    aggregates={
        "aantal": Aggregate("count"),
        "bijgevoegd": Aggregate("sum", _household_col("joined")),
        "per_woning": Aggregate("ratio", _household_col("housed")),
    },
    table=D, source_of=_households,
))


# ---------------------------------------------------------------- contacts and topics

K, CT = m.Contact, m.ContactTopic
_CLIENT = frozenset({"client"})


def _topic_ids(sc: Scope, sel: Selection) -> list[int]:
    return sc.lookups.topic_ids(sel.members)


def _contact_topic(sc: Scope, v: str) -> Condition:
    """Contacts with one of the topics: the contacts carrying them are found
    once, as a set, from the topic links' own location, kind and date
    (migration 0002's index); each contact is then only looked up in it."""
    sel = selection(v)
    linked = select(CT.contact_id).where(
        CT.location_id == sc.location_id, in_period(CT.date, sc.period),
        in_ids(CT.topic_id, _topic_ids(sc, sel)))
    kinds = selection(sc.filters["soort"]) if "soort" in sc.filters else None
    # Naming the kinds (all of them when none is chosen) lets the index on
    # (location, kind, date, topic) be walked by equality.
    kinds = kinds.members if kinds is not None and not kinds.negated else vocab.CONTACT_KINDS
    linked = linked.where(CT.kind.in_(kinds))
    has = K.id.in_(linked)
    return Condition(not_(has) if sel.negated else has)


def _mention_topic(col: Any) -> Callable[[Scope, str], Condition]:
    """Mentions of one of the topics (or groups), by the topic column `col`."""
    def build(sc: Scope, v: str) -> Condition:
        sel = selection(v)
        return Condition(chosen(col, sel, _topic_ids(sc, sel)))
    return build


def _contact_filters(kind: Any, date: Any, topic: Filter,
                     joins: frozenset[str] = frozenset()) -> dict[str, Filter]:
    """The filters of contacts; `kind` and `date` are the contact's (or the
    copies on its topic links), `joins` what reaching the contact takes."""
    client = joins | _CLIENT
    return {
        "soort": choice_filter("soort", kind, vocab.CONTACT_KINDS, "soort contact"),
        "gemeente": municipality_filter(C.municipality_id, "de gemeente van de cliënt", client),
        "binnen": months_filter("binnen", C.housed_on, date, True,
                                 "minder dan zoveel maanden na de huisvesting van de cliënt",
                                 client),
        "na": months_filter("na", C.housed_on, date, False,
                             "zoveel maanden of later na de huisvesting van de cliënt", client),
        "geregistreerd": yes_no_filter("geregistreerd", K.client_id.is_not(None),
                                        K.client_id.is_(None), _REGISTERED_DOC, joins),
        "onderwerp": topic,
    }


_TOPICS_HINT = "gebruik een onderwerp of een onderwerpgroep van de locatie"
_REGISTERED_DOC = "met een geregistreerde cliënt (ja) of een persoon zonder dossier (nee)"

# The persons of a location-year (`m.ContactPerson`): a row per person and
# kind, and per person for all kinds together; a missing client is 0.
CP = m.ContactPerson


def _persons_of_the_year(source: Any, where: list[Any],
                         scopes: list[Scope]) -> tuple[Any, list[Any]]:
    """The rows of the report's year; without soort= those of all kinds together."""
    where = [*where, CP.year == scopes[0].year]
    if all("soort" not in sc.filters for sc in scopes):
        where.append(CP.kind == ALL_KINDS)
    return source, where


CONTACT_PERSONS = Summary(Subject(
    "contactpersonen", "personen met contacten",
    filters={
        "soort": Filter("soort", None, lambda sc, v: Condition(CP.kind == v)),
        "geregistreerd": yes_no_filter("geregistreerd", CP.client_id != 0, CP.client_id == 0,
                                        _REGISTERED_DOC),
    },
    roles={"datum": Role(lambda p: true())},
    aggregates={
        "aantal": Aggregate("count", weight=CP.contacts),
        "personen": Aggregate("count", weight=case(
            (or_(CP.client_id != 0, CP.person_label != ""), 1), else_=0)),
        "clienten": Aggregate("count", weight=case((CP.client_id != 0, 1), else_=0)),
    },
    table=CP, narrow=("soort", CP.kind), split_by_kind=True, source_of=_persons_of_the_year,
), whole_year=True, per_kind=True)

CONTACTS = _subject(Subject(
    "contacten", "contacten",
    filters=_contact_filters(K.kind, K.date, Filter(
        "onderwerp", names(_TOPICS_HINT), _contact_topic, doc="met een van deze onderwerpen "
        "(of groepen)", depends=("soort",))),
    roles={"datum": event(K.date)},
    aggregates={
        "aantal": Aggregate("count"),
        "personen": Aggregate("persons", K.client_id, K.person_label),
        "clienten": Aggregate("distinct", K.client_id),
        # Grouped by day (the index hands the rows over in that order, so
        # nothing is sorted) and summed into months afterwards.
        "per_maand": Aggregate("groups", K.date, labels="maand"),
    },
    table=K, joins={"client": (C, C.id == K.client_id)}, narrow=("soort", K.kind),
    split_by_kind=True, summary=CONTACT_PERSONS,
))

# Topic mentions per location, kind, day and topic (`m.TopicDay`).
TD = m.TopicDay
TOPIC_DAYS = Summary(Subject(
    "onderwerpdagen", "besproken onderwerpen",
    filters={
        "soort": choice_filter("soort", TD.kind, vocab.CONTACT_KINDS, "soort contact"),
        "onderwerp": Filter("onderwerp", names(_TOPICS_HINT), _mention_topic(TD.topic_id)),
    },
    roles={"datum": event(TD.date)},
    aggregates={
        "aantal": Aggregate("count", weight=TD.mentions),
        "lijst": Aggregate("groups", TD.topic_id, labels="onderwerp", weight=TD.mentions),
    },
    table=TD, narrow=("soort", TD.kind), split_by_kind=True,
))

# Topics are counted from the topic links alone: the contact's location, kind
# and date are copied onto them (`vwdesk.core.topic_copies`); the contact and
# its client are joined only for a filter on them.
_CONTACT = frozenset({"contact"})
MENTIONS = _subject(Subject(
    "onderwerpen", "besproken onderwerpen",
    filters=_contact_filters(CT.kind, CT.date, Filter(
        "onderwerp", names(_TOPICS_HINT), _mention_topic(CT.topic_id),
        doc="alleen deze onderwerpen (of groepen)"), _CONTACT),
    roles={"datum": event(CT.date)},
    aggregates={
        "aantal": Aggregate("count"),
        # Per kind and day first, in the order of the index on the links'
        # location, kind, date and topic: no sort of every mention.
        "lijst": Aggregate("groups", CT.topic_id, labels="onderwerp",
                           group_after=(CT.kind, CT.date)),
    },
    table=CT, joins={"contact": (K, K.id == CT.contact_id), "client": (C, C.id == K.client_id)},
    narrow=("soort", CT.kind), split_by_kind=True, summary=TOPIC_DAYS,
))


# ---------------------------------------------------------------- dossiers

DO = m.Dossier
DOSSIERS = _subject(Subject(
    "dossiers", "dossiers",
    filters={
        "soort": choice_filter("soort", DO.kind, vocab.DOSSIER_KINDS, "soort dossier"),
        "uitkomst": choice_filter("uitkomst", DO.outcome, vocab.DOSSIER_OUTCOMES, "uitkomst"),
        "nationaliteit": _nationality_filter(C.nationality, "nationaliteit van de cliënt",
                                             _CLIENT),
        "gemeente": municipality_filter(C.municipality_id, "de gemeente van de cliënt", _CLIENT),
    },
    roles={"geopend": event(DO.opened_on), "gesloten": event(DO.closed_on),
           "open": span(DO.opened_on, DO.closed_on)},
    aggregates={
        "aantal": Aggregate("count"),
        "clienten": Aggregate("distinct", DO.client_id),
        "nationaliteiten": Aggregate("groups", C.nationality, labels="bijvoeglijk",
                                     skip_null=False, joins=_CLIENT),
    },
    table=DO, joins={"client": (C, C.id == DO.client_id)}, narrow=("soort", DO.kind),
))


# ---------------------------------------------------------------- trajectories

T = m.Trajectory
TRAJECTORIES = _subject(Subject(
    "trajecten", "trajecten",
    filters={"soort": choice_filter("soort", T.kind, vocab.TRAJECTORY_KINDS, "soort traject")},
    roles={"gestart": event(T.start), "lopend": span(T.start, T.end)},
    aggregates={"aantal": Aggregate("count")},
    table=T, narrow=("soort", T.kind),
))


# ---------------------------------------------------------------- couplings

KP = m.Coupling


def _running_at_end(p: Period) -> Any:
    return or_(KP.ended_on.is_(None), KP.ended_on > p.end)


def _extended_by(p: Period) -> Any:
    return and_(KP.extended_on.is_not(None), KP.extended_on <= p.end)


def _started(p: Period) -> Any:
    return in_period(KP.started_on, p)


def _waiting(p: Period) -> Any:
    withdrawn = and_(KP.result == "ingetrokken", KP.ended_on.is_not(None), KP.ended_on <= p.end)
    return and_(KP.signed_up_on <= p.end,
                or_(KP.started_on.is_(None), KP.started_on > p.end), not_(withdrawn))


def _programme(sc: Scope, v: str) -> Condition:
    sel = selection(v)
    ids = [sc.lookups.programmes()[k] for k in sel.members if k in sc.lookups.programmes()]
    return Condition(chosen(KP.programme_id, sel, ids))


COUPLINGS = _subject(Subject(
    "koppelingen", "koppelingen",
    filters={"programma": Filter("programma", None, _programme)},  # from the key: <P>
    roles={
        "gestart": Role(_started, event=KP.started_on),
        "afgerond_eerder": Role(lambda p: and_(KP.started_on < p.start,
                                               in_period(KP.ended_on, p))),
        "gestart_afgerond": Role(lambda p: and_(_started(p), in_period(KP.ended_on, p),
                                                KP.result == "afgerond")),
        "gestart_verlengd": Role(lambda p: and_(_started(p), _running_at_end(p), _extended_by(p))),
        "gestart_lopend": Role(lambda p: and_(_started(p), _running_at_end(p),
                                              not_(_extended_by(p)))),
        "gestart_gestopt": Role(lambda p: and_(_started(p), in_period(KP.ended_on, p),
                                               KP.result == "gestopt")),
        "wachtlijst": Role(_waiting, stock=True),
        "lopend": Role(lambda p: overlaps(KP.started_on, KP.ended_on, p), stock=True),
    },
    aggregates={"aantal": Aggregate("count"), "coaches": Aggregate("distinct", KP.coach_id)},
    table=KP,
))


# ---------------------------------------------------------------- moves

MV = m.Move
_FROM, _TO = aliased(m.Dwelling, name="from_dwelling"), aliased(m.Dwelling, name="to_dwelling")
MOVES = _subject(Subject(
    "verhuizingen", "verhuizingen",
    filters={
        "gemeente": municipality_filter(_TO.municipality_id, "de gemeente van de nieuwe woning",
                                         frozenset({"to"})),
        "van_status": choice_filter("van_status", _FROM.status, vocab.DWELLING_STATUSES,
                                     "status van de oude woning", frozenset({"from"})),
        "naar_status": choice_filter("naar_status", _TO.status, vocab.DWELLING_STATUSES,
                                      "status van de nieuwe woning", frozenset({"to"})),
        "van_type": choice_filter("van_type", _FROM.type, vocab.DWELLING_TYPES,
                                   "type van de oude woning", frozenset({"from"})),
        "naar_type": choice_filter("naar_type", _TO.type, vocab.DWELLING_TYPES,
                                    "type van de nieuwe woning", frozenset({"to"})),
    },
    roles={"verhuisd": event(MV.date)},
    aggregates={"aantal": Aggregate("count"), "personen": Aggregate("distinct", MV.client_id)},
    table=MV, joins={"from": (_FROM, _FROM.id == MV.from_dwelling_id),
                     "to": (_TO, _TO.id == MV.to_dwelling_id)},
))


# ---------------------------------------------------------------- staff

V = m.Volunteer


def _active_days(p: Period) -> Any:
    """Days of the period a staff member was active (0 when not at all)."""
    first, last = later_of(V.start, p.start), earlier_of(V.end, p.end)
    return case((overlaps(V.start, V.end, p), day_number(last) - day_number(first) + 1), else_=0)


STAFF = _subject(Subject(
    "medewerkers", "medewerkers",
    filters={
        "soort": choice_filter("soort", V.kind, vocab.VOLUNTEER_KINDS,
                                "vrijwilliger, stagiair of betaald"),
        "team": text_filter("team", V.team, "gebruik de naam van een team, bijvoorbeeld "
                                             "mb-juridisch", "team"),
    },
    roles={"actief": span(V.start, V.end), "gestart": event(V.start), "gestopt": event(V.end)},
    aggregates={"aantal": Aggregate("count"), "uren": Aggregate("sum", V.hours_per_week),
                "gemiddeld": Aggregate("average", _active_days)},
    table=V,
))


def period_days(p: Period) -> int:
    return (p.end - p.start).days + 1
