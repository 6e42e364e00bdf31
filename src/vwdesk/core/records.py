"""What each kind of record holds: fields, Dutch labels, types, rules.

One description per record kind, used by the services (validation), the
forms in the GUI (labels, widgets, which fields to show), the exchange
workbook (columns) and privacy (which fields are personal and are removed on
anonymisation). Cross-field rules live in `validate_record`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.errors import ValidationError


@dataclass(frozen=True)
class Field:
    name: str  # model attribute
    label: str  # Dutch label for forms and messages
    type: str  # str, text, date, bool, int, float, choice, ref, nationality
    required: bool = False
    choices: tuple[str, ...] = ()
    # How a choice reads in a form or on a page, where the stored word is a code.
    choice_labels: tuple[tuple[str, str], ...] = ()
    ref: str | None = None  # kind of the referenced record, for type "ref"
    max_len: int | None = None
    personal: bool = False  # identifying; removed on anonymisation
    free_text: bool = False  # content never copied into the audit log

    def choice_label(self, value: str) -> str:
        """How a stored choice reads ("v" → "vrouw"); the word itself if it is one."""
        return dict(self.choice_labels).get(value, value)


@dataclass(frozen=True)
class RecordKind:
    key: str  # e.g. "clients"
    model: type
    label: str  # Dutch singular
    fields: tuple[Field, ...]
    number_field: str | None = "number"  # the location-unique `nummer`, if any
    extra: dict[str, Any] = field(default_factory=dict)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


F = Field
KINDS: dict[str, RecordKind] = {}


def _kind(kind: RecordKind) -> RecordKind:
    KINDS[kind.key] = kind
    return kind


CLIENTS = _kind(RecordKind("clients", m.Client, "cliënt", (
    F("number", "Nummer", "str", required=True, max_len=32),
    F("first_name", "Voornaam", "str", max_len=100, personal=True),
    F("last_name", "Achternaam", "str", max_len=100, personal=True),
    F("birth_date", "Geboortedatum", "date"),
    F("gender", "Geslacht", "choice", choices=vocab.GENDERS, choice_labels=tuple(vocab.GENDER_LABELS.items())),
    F("nationality", "Nationaliteit", "nationality"),
    F("dwelling_id", "Woning", "ref", ref="dwellings"),
    F("housed_on", "Gehuisvest op", "date"),
    F("municipality_id", "Gemeente", "ref", ref="municipalities"),
    F("intake", "Instroom", "choice", choices=vocab.INTAKES),
    F("amv", "AMV (alleenstaande minderjarige)", "bool"),
    F("phone", "Telefoon", "str", max_len=40, personal=True),
    F("email", "E-mail", "str", max_len=120, personal=True),
    F("note", "Notitie", "text", personal=True, free_text=True),
)))

DWELLINGS = _kind(RecordKind("dwellings", m.Dwelling, "woning", (
    F("number", "Nummer", "str", required=True, max_len=32),
    F("address", "Adres", "str", max_len=200),
    F("municipality_id", "Gemeente", "ref", ref="municipalities"),
    F("type", "Type", "choice", choices=vocab.DWELLING_TYPES),
    F("available_on", "Beschikbaar op", "date", required=True),
    F("complex", "Complex of project", "str", max_len=100),
    F("status", "Status", "choice", choices=vocab.DWELLING_STATUSES),
    F("village", "Woonkern", "str", max_len=100),
)))

MOVES = _kind(RecordKind("moves", m.Move, "verhuizing", (
    F("client_id", "Cliënt", "ref", required=True, ref="clients"),
    F("date", "Datum", "date", required=True),
    F("from_dwelling_id", "Van woning", "ref", ref="dwellings"),
    F("to_dwelling_id", "Naar woning", "ref", required=True, ref="dwellings"),
), number_field=None))

CONTACTS = _kind(RecordKind("contacts", m.Contact, "contact", (
    F("date", "Datum", "date", required=True),
    F("kind", "Soort", "choice", required=True, choices=vocab.CONTACT_KINDS),
    F("client_id", "Cliënt", "ref", ref="clients"),
    F("person_label", "Persoon (zonder dossier)", "str", max_len=100, personal=True),
    F("volunteer_id", "Medewerker", "ref", ref="volunteers"),
    F("duration_minutes", "Duur (minuten)", "int"),
    F("note", "Notitie", "text", personal=True, free_text=True),
), number_field=None))

DOSSIERS = _kind(RecordKind("dossiers", m.Dossier, "dossier", (
    F("number", "Nummer", "str", required=True, max_len=32),
    F("client_id", "Cliënt", "ref", required=True, ref="clients"),
    F("kind", "Soort", "choice", required=True, choices=vocab.DOSSIER_KINDS),
    F("opened_on", "Geopend", "date", required=True),
    F("closed_on", "Gesloten", "date"),
    F("outcome", "Uitkomst", "choice", choices=vocab.DOSSIER_OUTCOMES),
    F("family_members", "Nareizigers (aantal)", "int"),
    F("deadline", "Termijn", "date"),
    F("note", "Notitie", "text", personal=True, free_text=True),
)))

TRAJECTORIES = _kind(RecordKind("trajectories", m.Trajectory, "traject", (
    F("client_id", "Cliënt", "ref", required=True, ref="clients"),
    F("kind", "Soort", "choice", required=True, choices=vocab.TRAJECTORY_KINDS),
    F("start", "Start", "date", required=True),
    F("end", "Einde", "date"),
), number_field=None))

PROGRAMMES = _kind(RecordKind("programmes", m.Programme, "programma", (
    F("key", "Korte naam", "str", required=True, max_len=32),
    F("name", "Naam", "str", required=True, max_len=100),
), number_field="key"))

COUPLINGS = _kind(RecordKind("couplings", m.Coupling, "koppeling", (
    F("number", "Nummer", "str", required=True, max_len=32),
    F("programme_id", "Programma", "ref", required=True, ref="programmes"),
    F("client_id", "Cliënt", "ref", ref="clients"),
    F("coach_id", "Coach", "ref", ref="volunteers"),
    F("signed_up_on", "Aangemeld", "date", required=True),
    F("started_on", "Start", "date"),
    F("evaluation_3m_on", "Evaluatie na 3 maanden", "date"),
    F("evaluation_6m_on", "Evaluatie na 6 maanden", "date"),
    F("extended_on", "Verlengd op", "date"),
    F("ended_on", "Einde", "date"),
    F("result", "Resultaat", "choice", choices=vocab.COUPLING_RESULTS),
)))

VOLUNTEERS = _kind(RecordKind("volunteers", m.Volunteer, "medewerker", (
    F("number", "Nummer", "str", required=True, max_len=32),
    F("first_name", "Voornaam", "str", max_len=100, personal=True),
    F("last_name", "Achternaam", "str", max_len=100, personal=True),
    F("kind", "Soort", "choice", required=True, choices=vocab.VOLUNTEER_KINDS),
    F("team", "Team", "str", max_len=64),
    F("start", "Start", "date", required=True),
    F("end", "Einde", "date"),
    F("hours_per_week", "Uren per week", "float"),
)))

YEAR_FIGURES = _kind(RecordKind("year_figures", m.YearFigure, "jaarcijfer", (
    F("year", "Jaar", "int", required=True),
    F("key", "Sleutel", "str", required=True, max_len=100),
    F("value", "Waarde", "float", required=True),
    F("municipality_id", "Gemeente", "ref", ref="municipalities"),
    F("half", "Halfjaar", "int"),
    F("mode", "Soort", "choice", choices=vocab.YEAR_FIGURE_MODES),
    F("note", "Toelichting", "text"),
), number_field=None))

REPORT_TEXTS = _kind(RecordKind("report_texts", m.ReportText, "rapporttekst", (
    F("year", "Jaar", "int", required=True),
    F("section", "Sectie", "str", required=True, max_len=32),
    F("text", "Tekst", "text"),
), number_field=None))

MUNICIPALITIES = _kind(RecordKind("municipalities", m.Municipality, "gemeente", (
    F("name", "Naam", "str", required=True, max_len=100),
), number_field="name"))


def _date_order(values: dict[str, Any], first: str, later: str, kind: RecordKind,
                errors: dict[str, str]) -> None:
    a, b = values.get(first), values.get(later)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a:
        errors[later] = (
            f"{kind.field(later).label} ({b:%d-%m-%Y}) ligt vóór "
            f"{kind.field(first).label.lower()} ({a:%d-%m-%Y}); kies een datum op of na "
            f"{a:%d-%m-%Y}."
        )


def check_field(f: Field, value: Any) -> str | None:
    """The message for one value that does not fit its field, or None."""
    if value is None or value == "":
        return f"{f.label} is verplicht; vul dit veld in." if f.required else None
    if f.type == "choice" and value not in f.choices:
        return f"{f.label} \"{value}\" bestaat niet; kies uit: {', '.join(f.choices)}."
    if f.type == "date" and not isinstance(value, dt.date):
        return f"{f.label} moet een datum zijn (dd-mm-jjjj)."
    if f.type in ("int", "ref") and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{f.label} moet een geheel getal zijn."
    if f.type == "float" and (isinstance(value, bool) or not isinstance(value, int | float)):
        return f"{f.label} moet een getal zijn."
    if f.type in ("int", "float") and value < 0 and f.name not in ("value",):
        return f"{f.label} kan niet negatief zijn; vul 0 of meer in."
    if f.type == "bool" and not isinstance(value, bool):
        return f"{f.label} moet ja of nee zijn."
    if f.type in ("str", "text") and not isinstance(value, str):
        return f"{f.label} moet tekst zijn."
    if f.max_len and isinstance(value, str) and len(value) > f.max_len:
        return f"{f.label} is te lang ({len(value)} tekens); het mag hoogstens {f.max_len} tekens zijn."
    if f.type == "nationality":
        from vwdesk.core.nationalities import by_code

        if not isinstance(value, str) or by_code(value) is None:
            return (f"Nationaliteit \"{value}\" is onbekend; gebruik een landnaam (bijv. Syrië), "
                    "een ISO-code (bijv. SY) of staatloos.")
    return None


def _accepts(f: Field) -> Callable[[Any], bool]:
    """A quick test per field: True only for values `check_field` accepts.
    False means "ask `check_field`", which has the message; so this test may
    be stricter, never more lenient (a test keeps the two in step). It saves
    most of the checking time of a bulk import."""
    if f.type == "date":
        def test(v: Any) -> bool:
            return v.__class__ is dt.date
    elif f.type == "choice":
        choices = frozenset(f.choices)

        def test(v: Any) -> bool:
            return v.__class__ is str and v in choices
    elif f.type == "ref":
        def test(v: Any) -> bool:
            return v.__class__ is int
    elif f.type in ("int", "float"):
        kinds = (int,) if f.type == "int" else (int, float)

        def test(v: Any) -> bool:
            return v.__class__ in kinds and v >= 0
    elif f.type == "bool":
        def test(v: Any) -> bool:
            return v.__class__ is bool
    elif f.type in ("str", "text"):
        shortest, longest = (1 if f.required else 0), f.max_len or float("inf")

        def test(v: Any) -> bool:
            return v.__class__ is str and shortest <= len(v) <= longest
    elif f.type == "nationality":
        from vwdesk.core.nationalities import all_nationalities

        codes = frozenset(n.code for n in all_nationalities())

        def test(v: Any) -> bool:
            return v.__class__ is str and v in codes
    else:
        return lambda v: False
    if f.required:
        return test
    return lambda v: v is None or test(v)


_FIELD_CHECKS: dict[str, tuple[tuple[str, Field, Callable[[Any], bool]], ...]] = {}


def _field_checks(kind: RecordKind) -> tuple[tuple[str, Field, Callable[[Any], bool]], ...]:
    checks = _FIELD_CHECKS.get(kind.key)
    if checks is None:
        checks = _FIELD_CHECKS[kind.key] = tuple((f.name, f, _accepts(f)) for f in kind.fields)
    return checks


def validate_record(kind: RecordKind, values: dict[str, Any]) -> None:
    """Check a complete set of values of one record; raise with every problem."""
    errors: dict[str, str] = {}
    for name, f, accepts in _field_checks(kind):
        value = values.get(name)
        if not accepts(value):
            msg = check_field(f, value)
            if msg:
                errors[name] = msg
    if kind is CLIENTS:
        bd = values.get("birth_date")
        if isinstance(bd, dt.date) and bd > dt.date.today():
            errors["birth_date"] = "Geboortedatum ligt in de toekomst; vul een datum tot en met vandaag in."
        _date_order(values, "birth_date", "housed_on", kind, errors)
    elif kind is CONTACTS:
        has_client = values.get("client_id") is not None
        has_person = bool((values.get("person_label") or "").strip())
        if has_client == has_person:
            errors["client_id"] = "Een contact hoort bij een cliënt óf bij een persoon zonder " + (
                "dossier: kies een cliënt óf vul een persoon in, niet allebei." if has_client else
                "dossier: kies eerst een cliënt, of vul een persoon zonder dossier in.")
    elif kind is DOSSIERS:
        _date_order(values, "opened_on", "closed_on", kind, errors)
        if values.get("outcome") and not values.get("closed_on"):
            errors["closed_on"] = "Een uitkomst hoort bij een gesloten dossier; vul ook de sluitdatum in."
    elif kind is MOVES:
        if values.get("from_dwelling_id") is not None \
                and values.get("from_dwelling_id") == values.get("to_dwelling_id"):
            errors["to_dwelling_id"] = ("Naar woning is dezelfde als van woning; kies de woning "
                                        "waar de cliënt naartoe verhuisde.")
    elif kind is TRAJECTORIES or kind is VOLUNTEERS:
        _date_order(values, "start", "end", kind, errors)
    elif kind is COUPLINGS:
        _date_order(values, "signed_up_on", "started_on", kind, errors)
        for later in ("evaluation_3m_on", "evaluation_6m_on", "extended_on", "ended_on"):
            _date_order(values, "started_on", later, kind, errors)
        if values.get("result") and not values.get("ended_on"):
            errors["ended_on"] = "Een resultaat hoort bij een beëindigde koppeling; vul ook de einddatum in."
        if values.get("ended_on") and not values.get("result"):
            errors["result"] = "Een beëindigde koppeling heeft een resultaat; kies afgerond, gestopt of ingetrokken."
        if values.get("result") in ("afgerond", "gestopt") and not values.get("started_on"):
            errors["started_on"] = "Een koppeling die is afgerond of gestopt is ook gestart; vul de startdatum in."
    elif kind is YEAR_FIGURES:
        half = values.get("half")
        if half is not None and half not in (1, 2):
            errors["half"] = "Halfjaar is 1 of 2 (of leeg voor het hele jaar)."
        if values.get("mode") == "vervangt" and not (values.get("note") or "").strip():
            errors["note"] = "Geef een toelichting waarom het berekende cijfer wordt vervangen."
    if errors:
        raise ValidationError(errors)
