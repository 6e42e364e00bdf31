"""What each kind of record holds: fields, Dutch labels, types, rules.

One description per record kind, used by the services (validation), the
forms in the GUI (labels, widgets, which fields to show), the exchange
workbook (its sheet, columns, hints and the export query: `exchange/schema.py`
builds them from here) and privacy (which fields are personal and are removed
on anonymisation). Rules across fields sit with their kind (`rules`);
`validate_record` runs them after the per-field checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
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
    # The exchange workbook (docs/exchange.md): the field's column in its
    # kind's sheet, and one line for the template and the guide (a date's
    # column adds how to write a date; a reference to another sheet says so
    # when the field has no hint). A field of a kind with a sheet has a
    # column, or says `exported=False` and why.
    column: str | None = None
    hint: str = ""
    exported: bool = True
    # How the workbook reads the cell where the type does not say it:
    # "date_or_bool" (a date, or ja/nee).
    cell: str | None = None
    # The cell must be filled though the record may be empty (the spec's
    # required column of a field that a form may leave empty).
    cell_required: bool = False

    def choice_label(self, value: str) -> str:
        """How a stored choice reads ("v" → "vrouw"); the word itself if it is one."""
        return dict(self.choice_labels).get(value, value)


Errors = dict[str, str]  # field -> message


@dataclass(frozen=True)
class RecordKind:
    key: str  # e.g. "clients"
    model: type
    label: str  # Dutch singular
    fields: tuple[Field, ...]
    number_field: str | None = "number"  # the location-unique `nummer`, if any
    # Rules across fields, adding to `errors` (see `validate_record`).
    rules: Callable[[RecordKind, dict[str, Any], Errors], None] | None = None
    # The exchange workbook: the kind's sheet (None: it has none), its Dutch
    # plural for messages and the preview, and how a row is matched to an
    # existing record: "number" (on `nummer`), a tuple of fields (a natural
    # key; the other fields are updated) or "all" (on every column present;
    # never updated, only added).
    sheet: str | None = None
    plural: str = ""
    match: str | tuple[str, ...] = "number"
    # For match "all": the date that orders the sheet's rows and narrows the
    # comparison with the records already there.
    dated_by: str | None = None
    # The date a new record starts with today, and whose year its number
    # takes where the location's numbers carry a year ("GH2019-12").
    numbered_by: str | None = None
    # A field whose value may have numbers of its own style (a dossier's kind:
    # "AS2026-003" beside "GH2026-005"); see `services.desk.next_number`.
    numbered_within: str | None = None

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


def _date_order(values: dict[str, Any], first: str, later: str, kind: RecordKind,
                errors: Errors) -> None:
    a, b = values.get(first), values.get(later)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a:
        errors[later] = (
            f"{kind.field(later).label} ({b:%d-%m-%Y}) ligt vóór "
            f"{kind.field(first).label.lower()} ({a:%d-%m-%Y}); kies een datum op of na "
            f"{a:%d-%m-%Y}."
        )


def _starts_before_end(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    _date_order(values, "start", "end", kind, errors)


def _client_rules(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    bd = values.get("birth_date")
    if isinstance(bd, dt.date) and bd > dt.date.today():
        errors["birth_date"] = "Geboortedatum ligt in de toekomst; vul een datum tot en met vandaag in."
    _date_order(values, "birth_date", "housed_on", kind, errors)


CLIENTS = _kind(RecordKind("clients", m.Client, "cliënt", (
    F("number", "Nummer", "str", required=True, max_len=32,
      column="nummer", hint="uniek cliëntnummer"),
    F("first_name", "Voornaam", "str", max_len=100, personal=True, column="voornaam"),
    F("last_name", "Achternaam", "str", max_len=100, personal=True, column="achternaam"),
    F("birth_date", "Geboortedatum", "date", column="geboortedatum"),
    F("gender", "Geslacht", "choice", choices=vocab.GENDERS,
      choice_labels=tuple(vocab.GENDER_LABELS.items()), column="geslacht"),
    F("nationality", "Nationaliteit", "nationality", column="nationaliteit",
      hint="landnaam (Syrië), ISO-code (SY) of staatloos"),
    F("dwelling_id", "Woning", "ref", ref="dwellings", column="woning"),
    F("housed_on", "Gehuisvest op", "date", column="gehuisvest_op"),
    F("municipality_id", "Gemeente", "ref", ref="municipalities", column="gemeente",
      hint="gemeente waar gehuisvest"),
    F("intake", "Instroom", "choice", choices=vocab.INTAKES, column="instroom"),
    F("amv", "AMV (alleenstaande minderjarige)", "bool", column="amv",
      hint="ja of nee: alleenstaande minderjarige"),
    F("phone", "Telefoon", "str", max_len=40, personal=True, column="telefoon"),
    F("email", "E-mail", "str", max_len=120, personal=True, column="email"),
    F("note", "Notitie", "text", personal=True, free_text=True, column="notitie"),
), rules=_client_rules, sheet="clienten", plural="cliënten"))

DWELLINGS = _kind(RecordKind("dwellings", m.Dwelling, "woning", (
    F("number", "Nummer", "str", required=True, max_len=32,
      column="nummer", hint="uniek nummer van de woning"),
    F("address", "Adres", "str", max_len=200, column="adres"),
    F("municipality_id", "Gemeente", "ref", ref="municipalities", column="gemeente",
      hint="naam van de gemeente"),
    F("type", "Type", "choice", choices=vocab.DWELLING_TYPES, column="type"),
    F("available_on", "Beschikbaar op", "date", required=True, column="beschikbaar_op"),
    F("complex", "Complex of project", "str", max_len=100, column="complex",
      hint="naam van het complex of project"),
    F("status", "Status", "choice", choices=vocab.DWELLING_STATUSES, column="status",
      hint="leeg voor een gewone woning"),
    F("village", "Woonkern", "str", max_len=100, column="woonkern",
      hint="kern of dorp binnen de gemeente"),
), sheet="woningen", plural="woningen"))


def _move_rules(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    if values.get("from_dwelling_id") is not None \
            and values.get("from_dwelling_id") == values.get("to_dwelling_id"):
        errors["to_dwelling_id"] = ("Naar woning is dezelfde als van woning; kies de woning "
                                    "waar de cliënt naartoe verhuisde.")


MOVES = _kind(RecordKind("moves", m.Move, "verhuizing", (
    F("client_id", "Cliënt", "ref", required=True, ref="clients", column="client"),
    F("date", "Datum", "date", required=True, column="datum"),
    F("from_dwelling_id", "Van woning", "ref", ref="dwellings", column="van_woning"),
    F("to_dwelling_id", "Naar woning", "ref", required=True, ref="dwellings",
      column="naar_woning"),
), number_field=None, rules=_move_rules, sheet="verhuizingen", plural="verhuizingen",
    match="all", dated_by="date"))


def _contact_rules(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    has_client = values.get("client_id") is not None
    has_person = bool((values.get("person_label") or "").strip())
    if has_client == has_person:
        errors["client_id"] = "Een contact hoort bij een cliënt óf bij een persoon zonder " + (
            "dossier: kies een cliënt óf vul een persoon in, niet allebei." if has_client else
            "dossier: kies eerst een cliënt, of vul een persoon zonder dossier in.")


# The workbook's contacten sheet also has the column onderwerpen: a contact's
# topics are links, not a field (exchange/schema.py).
CONTACTS = _kind(RecordKind("contacts", m.Contact, "contact", (
    F("date", "Datum", "date", required=True, column="datum"),
    F("kind", "Soort", "choice", required=True, choices=vocab.CONTACT_KINDS, column="soort"),
    F("client_id", "Cliënt", "ref", ref="clients", column="client",
      hint="nummer uit het blad clienten (of vul persoon in)"),
    F("person_label", "Persoon (zonder dossier)", "str", max_len=100, personal=True,
      column="persoon", hint="persoon zonder dossier (of vul client in)"),
    F("volunteer_id", "Medewerker", "ref", ref="volunteers", column="medewerker"),
    F("duration_minutes", "Duur (minuten)", "int", column="duur_minuten", hint="geheel getal"),
    F("note", "Notitie", "text", personal=True, free_text=True, column="notitie"),
), number_field=None, rules=_contact_rules, sheet="contacten", plural="contacten",
    match="all", dated_by="date"))


def _dossier_rules(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    _date_order(values, "opened_on", "closed_on", kind, errors)
    if values.get("outcome") and not values.get("closed_on"):
        errors["closed_on"] = "Een uitkomst hoort bij een gesloten dossier; vul ook de sluitdatum in."


DOSSIERS = _kind(RecordKind("dossiers", m.Dossier, "dossier", (
    F("number", "Nummer", "str", required=True, max_len=32,
      column="nummer", hint="uniek dossiernummer"),
    F("client_id", "Cliënt", "ref", required=True, ref="clients", column="client"),
    F("kind", "Soort", "choice", required=True, choices=vocab.DOSSIER_KINDS, column="soort"),
    F("opened_on", "Geopend", "date", required=True, column="geopend"),
    F("closed_on", "Gesloten", "date", column="gesloten"),
    F("outcome", "Uitkomst", "choice", choices=vocab.DOSSIER_OUTCOMES, column="uitkomst"),
    F("family_members", "Nareizigers (aantal)", "int", column="nareizigers",
      hint="aantal gezinsleden (geheel getal)"),
    F("deadline", "Termijn", "date", column="termijn",
      hint="eerstvolgende termijn"),
    F("note", "Notitie", "text", personal=True, free_text=True, column="notitie"),
), rules=_dossier_rules, sheet="dossiers", plural="dossiers", numbered_by="opened_on",
   numbered_within="kind"))

TRAJECTORIES = _kind(RecordKind("trajectories", m.Trajectory, "traject", (
    F("client_id", "Cliënt", "ref", required=True, ref="clients", column="client"),
    F("kind", "Soort", "choice", required=True, choices=vocab.TRAJECTORY_KINDS,
      column="soort"),
    F("start", "Start", "date", required=True, column="start"),
    F("end", "Einde", "date", column="einde"),
), number_field=None, rules=_starts_before_end, sheet="trajecten", plural="trajecten",
    match="all", dated_by="start"))

# No sheet of their own: a coupling names its programme by key, and a new
# key makes a programme (named after it) on import.
PROGRAMMES = _kind(RecordKind("programmes", m.Programme, "programma", (
    F("key", "Korte naam", "str", required=True, max_len=32),
    F("name", "Naam", "str", required=True, max_len=100),
), number_field="key"))


def _coupling_rules(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    _date_order(values, "signed_up_on", "started_on", kind, errors)
    for later in ("evaluation_3m_on", "evaluation_6m_on", "extended_on", "ended_on"):
        _date_order(values, "started_on", later, kind, errors)
    if values.get("result") and not values.get("ended_on"):
        errors["ended_on"] = "Een resultaat hoort bij een beëindigde koppeling; vul ook de einddatum in."
    if values.get("ended_on") and not values.get("result"):
        errors["result"] = "Een beëindigde koppeling heeft een resultaat; kies afgerond, gestopt of ingetrokken."
    if values.get("result") in ("afgerond", "gestopt") and not values.get("started_on"):
        errors["started_on"] = "Een koppeling die is afgerond of gestopt is ook gestart; vul de startdatum in."


COUPLINGS = _kind(RecordKind("couplings", m.Coupling, "koppeling", (
    F("number", "Nummer", "str", required=True, max_len=32,
      column="nummer", hint="uniek koppelingsnummer"),
    F("programme_id", "Programma", "ref", required=True, ref="programmes", column="programma",
      hint="bijv. wegwijs of taalcoach (nieuw programma wordt aangemaakt)"),
    F("client_id", "Cliënt", "ref", ref="clients", column="client"),
    F("coach_id", "Coach", "ref", ref="volunteers", column="coach"),
    F("signed_up_on", "Aangemeld", "date", required=True, column="aangemeld"),
    F("started_on", "Start", "date", column="start"),
    F("evaluation_3m_on", "Evaluatie na 3 maanden", "date", column="evaluatie_3m"),
    F("evaluation_6m_on", "Evaluatie na 6 maanden", "date", column="evaluatie_6m"),
    F("extended_on", "Verlengd op", "date", column="verlengd", cell="date_or_bool",
      hint="datum van verlenging, of ja/nee (ja: verlengd bij de evaluatie na 6 maanden)"),
    F("ended_on", "Einde", "date", column="einde"),
    F("result", "Resultaat", "choice", choices=vocab.COUPLING_RESULTS, column="resultaat"),
), rules=_coupling_rules, sheet="koppelingen", plural="koppelingen"))

VOLUNTEERS = _kind(RecordKind("volunteers", m.Volunteer, "medewerker", (
    F("number", "Nummer", "str", required=True, max_len=32,
      column="nummer", hint="uniek medewerkernummer"),
    F("first_name", "Voornaam", "str", max_len=100, personal=True, column="voornaam"),
    F("last_name", "Achternaam", "str", max_len=100, personal=True, column="achternaam"),
    F("kind", "Soort", "choice", required=True, choices=vocab.VOLUNTEER_KINDS, column="soort"),
    F("team", "Team", "str", max_len=64, column="team",
      hint="bijv. mb-juridisch, taalcoach, wegwijs"),
    F("start", "Start", "date", required=True, column="start"),
    F("end", "Einde", "date", column="einde"),
    F("hours_per_week", "Uren per week", "float", column="uren_per_week",
      hint="getal, bijv. 12,5"),
), rules=_starts_before_end, sheet="vrijwilligers", plural="vrijwilligers"))


def _year_figure_rules(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    half = values.get("half")
    if half is not None and half not in (1, 2):
        errors["half"] = "Halfjaar is 1 of 2 (of leeg voor het hele jaar)."
    if values.get("mode") == "vervangt" and not (values.get("note") or "").strip():
        errors["note"] = "Geef een toelichting waarom het berekende cijfer wordt vervangen."


YEAR_FIGURES = _kind(RecordKind("year_figures", m.YearFigure, "jaarcijfer", (
    F("year", "Jaar", "int", required=True, column="jaar", hint="bijv. 2018"),
    F("key", "Sleutel", "str", required=True, max_len=100, column="sleutel",
      hint="bijv. huisvesting.taakstelling"),
    F("value", "Waarde", "float", required=True, column="waarde", hint="getal"),
    F("municipality_id", "Gemeente", "ref", ref="municipalities", column="gemeente",
      hint="voor cijfers per gemeente"),
    F("half", "Halfjaar", "int", column="halfjaar", hint="1 of 2; leeg voor het hele jaar"),
    F("mode", "Soort", "choice", choices=vocab.YEAR_FIGURE_MODES, column="soort",
      hint="invoer (standaard), vervangt of naast"),
    F("note", "Toelichting", "text", column="toelichting"),
), number_field=None, rules=_year_figure_rules, sheet="jaarcijfers", plural="jaarcijfers",
    match=("year", "key", "municipality_id", "half")))

REPORT_TEXTS = _kind(RecordKind("report_texts", m.ReportText, "rapporttekst", (
    F("year", "Jaar", "int", required=True, column="jaar", hint="bijv. 2018"),
    F("section", "Sectie", "str", required=True, max_len=32, column="sectie",
      hint="bijv. spreekuur, juridisch, mb"),
    # A section's text may be emptied in the report screen; the workbook
    # leaves such a text out (an empty text says nothing).
    F("text", "Tekst", "text", column="tekst", cell_required=True),
), number_field=None, sheet="teksten", plural="teksten", match=("year", "section")))

# No sheet of its own: records name their municipality, and a new name makes
# one on import.
MUNICIPALITIES = _kind(RecordKind("municipalities", m.Municipality, "gemeente", (
    F("name", "Naam", "str", required=True, max_len=100),
), number_field="name"))


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


Rule = Callable[[RecordKind, dict[str, Any], Errors], None]


def validate_record(kind: RecordKind, values: dict[str, Any], more: Rule | None = None) -> None:
    """Check a complete set of values of one record; raise with every problem.
    `more`: a rule of a package above the core (the report's year-figure
    keys, given by `vwdesk.app.rules`)."""
    errors: dict[str, str] = {}
    for name, f, accepts in _field_checks(kind):
        value = values.get(name)
        if not accepts(value):
            msg = check_field(f, value)
            if msg:
                errors[name] = msg
    if kind.rules is not None:
        kind.rules(kind, values, errors)
    if more is not None:
        more(kind, values, errors)
    if errors:
        raise ValidationError(errors)
