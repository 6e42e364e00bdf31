"""The sheets and columns of the exchange workbook (`spec/exchange.md`).

Each sheet maps to one record kind of `vwdesk.core.records` (but
`onderwerpen`: the location's own topics and topic groups, see
`core.services.topics`); each column to one field, with how a cell is read
(`parse`). Sheets are listed in the order
they are imported, so a sheet only refers to sheets above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from vwdesk.core import vocab
from vwdesk.core.text import fold


@dataclass(frozen=True)
class Column:
    name: str  # as written in the workbook
    field: str  # model attribute
    # How a cell is read: str, text, date, date_or_bool, bool, int, float,
    # choice, nationality, ref (a `nummer` of `ref`), municipality, programme,
    # topics.
    parse: str
    required: bool = False
    ref: str | None = None  # sheet referred to, for parse == "ref"
    choices: tuple[str, ...] = ()
    hint: str = ""  # one line for the template and the guide


@dataclass(frozen=True)
class Sheet:
    name: str
    kind: str  # key in records.KINDS
    columns: tuple[Column, ...]
    # How a row is matched to an existing record: "number" (on `nummer`),
    # a tuple of fields (a natural key; other fields are updated), or
    # "all" (on every column present; never updated, only added).
    match: str | tuple[str, ...]
    label: str  # Dutch plural for messages and the preview

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


C = Column
DATE_HINT = "datum: dd-mm-jjjj of jjjj-mm-dd"

SHEETS: tuple[Sheet, ...] = (
    Sheet("woningen", "dwellings", (
        C("nummer", "number", "str", required=True, hint="uniek nummer van de woning"),
        C("adres", "address", "str"),
        C("gemeente", "municipality_id", "municipality", hint="naam van de gemeente"),
        C("type", "type", "choice", choices=vocab.DWELLING_TYPES),
        C("beschikbaar_op", "available_on", "date", required=True, hint=DATE_HINT),
        C("complex", "complex", "str", hint="naam van het complex of project"),
        C("status", "status", "choice", choices=vocab.DWELLING_STATUSES,
          hint="leeg voor een gewone woning"),
        C("woonkern", "village", "str", hint="kern of dorp binnen de gemeente"),
    ), "number", "woningen"),
    Sheet("clienten", "clients", (
        C("nummer", "number", "str", required=True, hint="uniek cliëntnummer"),
        C("voornaam", "first_name", "str"),
        C("achternaam", "last_name", "str"),
        C("geboortedatum", "birth_date", "date", hint=DATE_HINT),
        C("geslacht", "gender", "choice", choices=vocab.GENDERS),
        C("nationaliteit", "nationality", "nationality",
          hint="landnaam (Syrië), ISO-code (SY) of staatloos"),
        C("woning", "dwelling_id", "ref", ref="woningen", hint="nummer uit het blad woningen"),
        C("gehuisvest_op", "housed_on", "date", hint=DATE_HINT),
        C("gemeente", "municipality_id", "municipality", hint="gemeente waar gehuisvest"),
        C("instroom", "intake", "choice", choices=vocab.INTAKES),
        C("amv", "amv", "bool", hint="ja of nee: alleenstaande minderjarige"),
        C("telefoon", "phone", "str"),
        C("email", "email", "str"),
        C("notitie", "note", "text"),
    ), "number", "cliënten"),
    Sheet("verhuizingen", "moves", (
        C("client", "client_id", "ref", required=True, ref="clienten",
          hint="nummer uit het blad clienten"),
        C("datum", "date", "date", required=True, hint=DATE_HINT),
        C("van_woning", "from_dwelling_id", "ref", ref="woningen",
          hint="nummer uit het blad woningen"),
        C("naar_woning", "to_dwelling_id", "ref", required=True, ref="woningen",
          hint="nummer uit het blad woningen"),
    ), "all", "verhuizingen"),
    Sheet("onderwerpen", "topics", (
        C("naam", "name", "str", required=True, hint="onderwerp van de locatie"),
        C("groepen", "groups", "topics", hint="onderwerpgroepen gescheiden door |"),
    ), ("name",), "onderwerpen"),
    Sheet("vrijwilligers", "volunteers", (
        C("nummer", "number", "str", required=True, hint="uniek medewerkernummer"),
        C("voornaam", "first_name", "str"),
        C("achternaam", "last_name", "str"),
        C("soort", "kind", "choice", required=True, choices=vocab.VOLUNTEER_KINDS),
        C("team", "team", "str", hint="bijv. mb-juridisch, taalcoach, wegwijs"),
        C("start", "start", "date", required=True, hint=DATE_HINT),
        C("einde", "end", "date", hint=DATE_HINT),
        C("uren_per_week", "hours_per_week", "float", hint="getal, bijv. 12,5"),
    ), "number", "vrijwilligers"),
    Sheet("dossiers", "dossiers", (
        C("nummer", "number", "str", required=True, hint="uniek dossiernummer"),
        C("client", "client_id", "ref", required=True, ref="clienten",
          hint="nummer uit het blad clienten"),
        C("soort", "kind", "choice", required=True, choices=vocab.DOSSIER_KINDS),
        C("geopend", "opened_on", "date", required=True, hint=DATE_HINT),
        C("gesloten", "closed_on", "date", hint=DATE_HINT),
        C("uitkomst", "outcome", "choice", choices=vocab.DOSSIER_OUTCOMES),
        C("nareizigers", "family_members", "int", hint="aantal gezinsleden (geheel getal)"),
        C("termijn", "deadline", "date", hint="eerstvolgende termijn; " + DATE_HINT),
        C("notitie", "note", "text"),
    ), "number", "dossiers"),
    Sheet("trajecten", "trajectories", (
        C("client", "client_id", "ref", required=True, ref="clienten",
          hint="nummer uit het blad clienten"),
        C("soort", "kind", "choice", required=True, choices=vocab.TRAJECTORY_KINDS),
        C("start", "start", "date", required=True, hint=DATE_HINT),
        C("einde", "end", "date", hint=DATE_HINT),
    ), "all", "trajecten"),
    Sheet("koppelingen", "couplings", (
        C("nummer", "number", "str", required=True, hint="uniek koppelingsnummer"),
        C("programma", "programme_id", "programme", required=True,
          hint="bijv. wegwijs of taalcoach (nieuw programma wordt aangemaakt)"),
        C("client", "client_id", "ref", ref="clienten", hint="nummer uit het blad clienten"),
        C("coach", "coach_id", "ref", ref="vrijwilligers", hint="nummer uit het blad vrijwilligers"),
        C("aangemeld", "signed_up_on", "date", required=True, hint=DATE_HINT),
        C("start", "started_on", "date", hint=DATE_HINT),
        C("evaluatie_3m", "evaluation_3m_on", "date", hint=DATE_HINT),
        C("evaluatie_6m", "evaluation_6m_on", "date", hint=DATE_HINT),
        C("verlengd", "extended_on", "date_or_bool",
          hint="datum van verlenging, of ja/nee (ja: verlengd bij de evaluatie na 6 maanden)"),
        C("einde", "ended_on", "date", hint=DATE_HINT),
        C("resultaat", "result", "choice", choices=vocab.COUPLING_RESULTS),
    ), "number", "koppelingen"),
    Sheet("contacten", "contacts", (
        C("datum", "date", "date", required=True, hint=DATE_HINT),
        C("soort", "kind", "choice", required=True, choices=vocab.CONTACT_KINDS),
        C("client", "client_id", "ref", ref="clienten",
          hint="nummer uit het blad clienten (of vul persoon in)"),
        C("persoon", "person_label", "str", hint="persoon zonder dossier (of vul client in)"),
        C("onderwerpen", "topics", "topics", hint="onderwerpen gescheiden door |"),
        C("medewerker", "volunteer_id", "ref", ref="vrijwilligers",
          hint="nummer uit het blad vrijwilligers"),
        C("duur_minuten", "duration_minutes", "int", hint="geheel getal"),
        C("notitie", "note", "text"),
    ), "all", "contacten"),
    Sheet("jaarcijfers", "year_figures", (
        C("jaar", "year", "int", required=True, hint="bijv. 2018"),
        C("sleutel", "key", "str", required=True, hint="bijv. huisvesting.taakstelling"),
        C("waarde", "value", "float", required=True, hint="getal"),
        C("gemeente", "municipality_id", "municipality", hint="voor cijfers per gemeente"),
        C("halfjaar", "half", "int", hint="1 of 2; leeg voor het hele jaar"),
        C("soort", "mode", "choice", choices=vocab.YEAR_FIGURE_MODES,
          hint="invoer (standaard), vervangt of naast"),
        C("toelichting", "note", "text"),
    ), ("year", "key", "municipality_id", "half"), "jaarcijfers"),
    Sheet("teksten", "report_texts", (
        C("jaar", "year", "int", required=True, hint="bijv. 2018"),
        C("sectie", "section", "str", required=True, hint="bijv. spreekuur, juridisch, mb"),
        C("tekst", "text", "text", required=True),
    ), ("year", "section"), "teksten"),
)

BY_NAME = {s.name: s for s in SHEETS}
# The order of the specification, for the template and exports.
EXPORT_ORDER: tuple[Sheet, ...] = tuple(BY_NAME[n] for n in (
    "clienten", "woningen", "verhuizingen", "onderwerpen", "contacten", "dossiers",
    "trajecten", "koppelingen", "vrijwilligers", "jaarcijfers", "teksten"))
_BY_FOLDED = {fold(s.name): s for s in SHEETS}


def find_sheet(name: str) -> Sheet | None:
    """The sheet for a user-written name: case, accents and spaces ignored."""
    return _BY_FOLDED.get(fold(name))


def find_column(sheet: Sheet, name: str) -> Column | None:
    key = fold(name)
    for c in sheet.columns:
        if fold(c.name) == key:
            return c
    return None
