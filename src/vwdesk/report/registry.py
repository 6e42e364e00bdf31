"""The registry of report figures: one `FigureSpec` per figure key.

A spec says everything about a figure: its key, its Dutch definition (shown
in the app, the figures workbook and docs/templates.md), what it counts (a
subject of `vwdesk.report.subjects` with its fixed *base* filters and the
date role that puts a row in the period), how it aggregates, and so which
parameters a template may give it. Typed-in figures (`invoer`) and figures
derived from others (`afgeleid`) are specs too.

Adding a figure is adding a spec here (and its line in docs/templates.md and
its hand count in tests/report/test_registry.py, which tests check); a figure
on a kind of record not counted yet also needs a subject in `subjects.py`.
"All figures" (`compute_figures` without `keys`) are the specs not marked
`on_request`.

A key with `<P>` stands for every coupling programme of the location
(`koppelingen.wegwijs.gestart`). For every key there are also `doel.<key>`
(a target, typed in), `gehaald.<key>` (1 when the target was met, else 0) and
`officieel.<key>` (an official figure typed in beside the computed one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vwdesk.report.params import COMMON, Values
from vwdesk.report.subject_base import Subject
from vwdesk.report.subjects import PERSONS, SUBJECTS


@dataclass(frozen=True)
class FigureSpec:
    key: str
    definition: str
    section: str
    subject: str | None = None  # what it counts: a name in SUBJECTS
    aggregate: str = "aantal"  # an aggregate of the subject
    role: str | None = None  # the subject's date role (default: its first)
    base: tuple[tuple[str, str], ...] = ()  # fixed filters
    open: tuple[str, ...] = ()  # base filters a template may set otherwise (team=)
    source: str = "berekend"  # berekend / invoer / afgeleid
    kind: str = "getal"  # getal / lijst / tekst / reeks
    # afgeleid: the value from the values of `needs` (same filters), by key
    derive: Callable[[Callable[[str], Any]], Any] | None = None
    needs: tuple[str, ...] = ()
    like: str | None = None  # afgeleid: takes the parameters of this figure
    noun: tuple[str, str] | None = None  # singular, plural: "kind", "kinderen" (waarvan=)
    extra: tuple[str, ...] = ()  # parameters fixed filters would hide (aow_leeftijd)
    params: tuple[str, ...] | None = None  # afgeleid: the parameters it takes
    # Computed only when a template (or `keys=`) asks for it, not among "all
    # figures": a breakdown over every contact of the year (the largest
    # office's 183,000) that the standard template does not show.
    on_request: bool = False

    @property
    def counted(self) -> Subject | None:
        return SUBJECTS[self.subject] if self.subject else None

    @property
    def date_role(self) -> str | None:
        s = self.counted
        return (self.role or next(iter(s.roles))) if s else None


def _n(key, definition, section, subject, aggregate="aantal", role=None, base=(), **kw):
    return FigureSpec(key, definition, section, subject, aggregate, role, tuple(base), **kw)


def _typed(key: str, definition: str, section: str) -> FigureSpec:
    return FigureSpec(key, definition, section, source="invoer")


def _saldo(v: Callable[[str], Any]) -> Any:
    """saldo_begin + housed (the official count when one is typed in) − taakstelling."""
    target = v("huisvesting.taakstelling")
    if target is None:
        return None
    housed = v("officieel.huisvesting.personen")
    if housed is None:
        housed = v("huisvesting.personen") or 0
    return (v("huisvesting.saldo_begin") or 0) + housed - target


def _first_group(list_key: str, *, names_only: bool = False
                 ) -> Callable[[Callable[[str], Any]], Any]:
    """The first place of a ranked list (all groups tied there); `names_only`:
    their names as text ("financiën en werk")."""
    def derive(v: Callable[[str], Any]) -> Any:
        from vwdesk.report.dutch import join_dutch
        from vwdesk.report.groups import first_places, label

        groups = v(list_key)
        if not groups:
            return None
        first = first_places(groups, 1)
        return join_dutch([label(first, k) for k, *_ in first]) if names_only else first
    return derive


H, SP, J = "huisvesting", "spreekuur", "juridisch"
_ADULT, _CHILD = ("leeftijd", "volwassen"), ("leeftijd", "kind")
_NR = ("instroom", "nareiziger")
_GH = ("soort", "gezinshereniging")
_TEAM = ("team", "mb-juridisch")

SPECS: list[FigureSpec] = [
    # ---- housing: persons housed in the period
    _n("huisvesting.personen", "Cliënten van de locatie met een huisvestingsdatum in het jaar.",
       H, "personen", noun=("persoon", "personen")),
    _n("huisvesting.volwassenen", "Van de gehuisveste personen: 18 jaar of ouder op de "
       "huisvestingsdatum (wie die dag 18 wordt telt als volwassene).", H, "personen",
       base=[_ADULT], noun=("volwassene", "volwassenen")),
    _n("huisvesting.kinderen", "Van de gehuisveste personen: jonger dan 18 op de "
       "huisvestingsdatum.", H, "personen", base=[_CHILD], noun=("kind", "kinderen")),
    _n("huisvesting.mannen", "Van de gehuisveste personen: geslacht m.", H, "personen",
       base=[("geslacht", "m")], noun=("man", "mannen")),
    _n("huisvesting.vrouwen", "Van de gehuisveste personen: geslacht v.", H, "personen",
       base=[("geslacht", "v")], noun=("vrouw", "vrouwen")),
    _n("huisvesting.x", "Van de gehuisveste personen: geslacht x (apart geteld).", H,
       "personen", base=[("geslacht", "x")], noun=("persoon met geslacht x",
                                                   "personen met geslacht x")),
    _n("huisvesting.nareizigers", "Gehuisveste personen met instroom nareiziger "
       "(gezinshereniging).", H, "personen", base=[_NR], noun=("nareiziger", "nareizigers")),
    _n("huisvesting.nareizigers.volwassenen", "Nareizigers van 18 jaar of ouder op de "
       "huisvestingsdatum.", H, "personen", base=[_NR, _ADULT]),
    _n("huisvesting.nareizigers.kinderen", "Nareizigers jonger dan 18 op de "
       "huisvestingsdatum.", H, "personen", base=[_NR, _CHILD]),
    _n("huisvesting.hervestigers", "Gehuisveste personen met instroom hervestiger (UNHCR).", H,
       "personen", base=[("instroom", "hervestiger")], noun=("hervestiger", "hervestigers")),
    _n("huisvesting.amv", "Gehuisveste personen die als alleenstaande minderjarige "
       "vreemdeling (AMV) zijn geregistreerd.", H, "personen", base=[("amv", "ja")],
       noun=("AMV", "AMV's")),
    _n("huisvesting.aow", "Gehuisveste personen van de AOW-leeftijd (67, instelbaar met "
       "aow_leeftijd=) of ouder op de huisvestingsdatum.", H, "personen",
       base=[("leeftijd", "aow")], extra=("aow_leeftijd",)),
    _n("huisvesting.nationaliteiten", "Gehuisveste personen per nationaliteit (meervoud "
       "inwonersnaam), grootste groep eerst; bij gelijke aantallen op naam.", H, "personen",
       "nationaliteiten", kind="lijst"),
    FigureSpec("huisvesting.grootste_groep", "De nationaliteit die onder de gehuisveste "
               "personen het vaakst voorkomt, met het aantal, bijv. Syriërs (39); bij een "
               "gelijke stand allemaal: Syriërs en Eritreeërs (beide 28).", H,
               source="afgeleid", kind="lijst", derive=_first_group("huisvesting.nationaliteiten"),
               needs=("huisvesting.nationaliteiten",), like="huisvesting.nationaliteiten"),
    _n("huisvesting.aantal_nationaliteiten", "Het aantal verschillende nationaliteiten onder de "
       "gehuisveste personen (staatloos telt als één).", H, "personen", "verschillend"),
    _n("huisvesting.woningen", "Woningen van de locatie die in het jaar beschikbaar zijn "
       "gesteld (beschikbaar op).", H, "woningen", noun=("woning", "woningen")),
    _n("verhuizingen.aantal", "Verhuizingen van cliënten in het jaar, van de ene woning naar de "
       "andere (na de huisvesting).", H, "verhuizingen", noun=("verhuizing", "verhuizingen")),
    _n("verhuizingen.personen", "Verschillende cliënten die in het jaar zijn verhuisd "
       "(herhuisvesting).", H, "verhuizingen", "personen"),
    _n("verhuizingen.tijdelijk_naar_vast", "Verschillende cliënten die in het jaar van een "
       "tijdelijke woning naar een vaste woning (zonder status tijdelijk of sloop) zijn "
       "verhuisd.", H, "verhuizingen", "personen",
       base=[("van_status", "tijdelijk"), ("naar_status", "!sloop,tijdelijk")]),
    _typed("huisvesting.taakstelling", "Het aantal te huisvesten statushouders dat het Rijk "
           "voor het jaar heeft vastgesteld (ingevoerd; per halfjaar of gemeente opgeteld).", H),
    _typed("huisvesting.saldo_begin", "Voorsprong (+) of achterstand (−) op de taakstelling aan "
           "het begin van het jaar (ingevoerd).", H),
    FigureSpec("huisvesting.saldo", "saldo_begin + gehuisveste personen − taakstelling; "
               "positief is een voorsprong, negatief een achterstand. Is er een officieel "
               "aantal gehuisveste personen ingevoerd, dan telt dat.", H, source="afgeleid",
               derive=_saldo, needs=("huisvesting.taakstelling", "huisvesting.saldo_begin",
                                     "huisvesting.personen", "officieel.huisvesting.personen"),
               params=("gemeente", "per", "jaar")),
    # ---- households
    _n("huishoudens.nieuw", "Nieuwe huishoudens: woningen waarin in het jaar de eerste "
       "persoon is gehuisvest.", H, "huishoudens", base=[("stand", "nieuw")],
       noun=("huishouden", "huishoudens")),
    _n("huishoudens.eenpersoons", "Nieuwe huishoudens van één persoon (tot en met 31 december "
       "in die woning gehuisvest).", H, "huishoudens",
       base=[("stand", "nieuw"), ("grootte", "1")]),
    _n("huishoudens.meerpersoons", "Nieuwe huishoudens van twee of meer personen.", H,
       "huishoudens", base=[("stand", "nieuw"), ("grootte", "2+")]),
    _n("huishoudens.bijgevoegd", "Personen die in het jaar zijn gehuisvest in een woning waar "
       "al eerder iemand was gehuisvest (aangesloten bij een huishouden, bijv. "
       "gezinshereniging).", H, "huishoudens", "bijgevoegd"),
    _n("huishoudens.met_bijgevoegd", "Huishoudens waarbij in het jaar iemand is aangesloten "
       "die na de eerste bewoner in de woning is gehuisvest.", H, "huishoudens",
       base=[("stand", "bijgevoegd")], noun=("huishouden", "huishoudens")),
    _n("huishoudens.gehuisvest", "Huishoudens waarin in het jaar iemand is gehuisvest: nieuwe "
       "en aangevulde.", H, "huishoudens", noun=("huishouden", "huishoudens")),
    _n("huishoudens.personen_per_woning", "Gemiddeld aantal personen per woning: de in het jaar "
       "gehuisveste personen met een woning, gedeeld door het aantal woningen waarin zij zijn "
       "gehuisvest.", H, "huishoudens", "per_woning"),
    # ---- contacts of every kind
    _n("contacten.aantal", "Contacten in het jaar, van elke soort (met soort= één soort: "
       "spreekuur, juridisch, mb, intake).", SP, "contacten", noun=("contact", "contacten")),
    _n("contacten.personen", "Verschillende personen met een contact in het jaar: cliënten "
       "plus niet-geregistreerde personen.", SP, "contacten", "personen"),
    _n("contacten.clienten", "Verschillende geregistreerde cliënten met een contact in het jaar.",
       SP, "contacten", "clienten"),
    _n("contacten.onderwerpen", "Besproken onderwerpen, opgeteld over de contacten (met soort= "
       "van één soort contact).", SP, "onderwerpen", on_request=True),
    _n("contacten.onderwerpen_lijst", "Contacten per besproken onderwerp, meest besproken eerst.",
       SP, "onderwerpen", "lijst", kind="lijst", on_request=True),
    FigureSpec("contacten.top_onderwerp", "Het onderwerp dat bij de contacten het vaakst is "
               "besproken (bij een gelijke stand allemaal).", SP, source="afgeleid",
               kind="tekst", derive=_first_group("contacten.onderwerpen_lijst", names_only=True),
               needs=("contacten.onderwerpen_lijst",), like="contacten.onderwerpen_lijst",
               on_request=True),
    _n("contacten.per_maand", "Contacten per maand (januari t/m december).", SP, "contacten",
       "per_maand", kind="reeks", on_request=True),
    # ---- consultation desk
    _n("spreekuur.contacten", "Contacten van soort spreekuur in het jaar (bezoekers).", SP,
       "contacten", base=[("soort", "spreekuur")]),
    _n("spreekuur.onderwerpen", "Besproken onderwerpen, opgeteld over de spreekuurcontacten.",
       SP, "onderwerpen", base=[("soort", "spreekuur")]),
    _n("spreekuur.personen", "Verschillende personen met een spreekuurcontact: cliënten plus "
       "niet-geregistreerde personen.", SP, "contacten", "personen",
       base=[("soort", "spreekuur")]),
    FigureSpec("spreekuur.top_onderwerp", "Het onderwerp dat bij spreekuurcontacten het vaakst "
               "is besproken (bij een gelijke stand allemaal).", SP, source="afgeleid",
               kind="tekst", derive=_first_group("spreekuur.onderwerpen_lijst", names_only=True),
               needs=("spreekuur.onderwerpen_lijst",), like="spreekuur.onderwerpen_lijst"),
    _n("spreekuur.onderwerpen_lijst", "Spreekuurcontacten per onderwerp, meest besproken "
       "eerst.", SP, "onderwerpen", "lijst", base=[("soort", "spreekuur")], kind="lijst"),
    _n("spreekuur.per_maand", "Spreekuurcontacten per maand (januari t/m december).", SP,
       "contacten", "per_maand", base=[("soort", "spreekuur")], kind="reeks"),
    # ---- legal
    _n("juridisch.gh_nieuw", "Dossiers gezinshereniging geopend in het jaar.", J, "dossiers",
       role="geopend", base=[_GH]),
    _n("juridisch.gh_totaal", "Dossiers gezinshereniging die op enig moment in het jaar open "
       "waren (geopend uiterlijk 31 december, niet gesloten vóór 1 januari).", J, "dossiers",
       role="open", base=[_GH]),
    _n("juridisch.gh_afgerond", "Dossiers gezinshereniging gesloten in het jaar.", J,
       "dossiers", role="gesloten", base=[_GH]),
    _n("juridisch.gh_herenigd", "Dossiers gezinshereniging gesloten in het jaar met uitkomst "
       "herenigd (gezinnen herenigd).", J, "dossiers", role="gesloten",
       base=[_GH, ("uitkomst", "herenigd")]),
    _n("juridisch.gh_herenigd_nationaliteiten", "Herenigde gezinnen per nationaliteit van de "
       "referent (bijvoeglijk naamwoord), grootste groep eerst.", J, "dossiers",
       "nationaliteiten", role="gesloten", base=[_GH, ("uitkomst", "herenigd")], kind="lijst"),
    _n("juridisch.referenten", "Referenten: verschillende cliënten van wie een dossier "
       "gezinshereniging in het jaar is gesloten met uitkomst herenigd (hun gezin kwam over).",
       J, "dossiers", "clienten", role="gesloten", base=[_GH, ("uitkomst", "herenigd")]),
    _n("dossiers.nieuw", "Dossiers geopend in het jaar (met soort= van één soort: "
       "gezinshereniging, naturalisatie, verlenging, asiel, overig).", J, "dossiers",
       role="geopend", noun=("dossier", "dossiers")),
    _n("dossiers.open", "Dossiers die op enig moment in het jaar open waren (met op= op één "
       "dag).", J, "dossiers", role="open"),
    _n("dossiers.afgerond", "Dossiers gesloten in het jaar.", J, "dossiers", role="gesloten"),
    _n("juridisch.overig_contacten", "Juridische contacten in het jaar met een geregistreerde "
       "cliënt en zonder onderwerp gezinshereniging.", J, "contacten",
       base=[("soort", "juridisch"), ("geregistreerd", "ja"), ("onderwerp", "!gezinshereniging")]),
    _n("juridisch.overig_clienten", "Verschillende cliënten van die overige juridische "
       "contacten.", J, "contacten", "clienten",
       base=[("soort", "juridisch"), ("geregistreerd", "ja"), ("onderwerp", "!gezinshereniging")]),
    _n("juridisch.nr_contacten", "Juridische contacten in het jaar zonder geregistreerde "
       "cliënt.", J, "contacten", base=[("soort", "juridisch"), ("geregistreerd", "nee")]),
    _n("juridisch.nr_personen", "Verschillende personen van die contacten zonder "
       "geregistreerde cliënt.", J, "contacten", "personen",
       base=[("soort", "juridisch"), ("geregistreerd", "nee")]),
    _n("juridisch.clienten", "Verschillende geregistreerde cliënten met een juridisch contact in "
       "het jaar.", J, "contacten", "clienten", base=[("soort", "juridisch")]),
    # ---- social guidance
    _n("mb.jaar1", "Trajecten maatschappelijke begeleiding eerste jaar gestart in het jaar.",
       "mb", "trajecten", base=[("soort", "mb-jaar-1")]),
    _n("mb.zelfmelders", "Trajecten maatschappelijke begeleiding voor zelfmelders gestart in het "
       "jaar.", "mb", "trajecten", base=[("soort", "zelfmelder")]),
    _n("mb.jaar2", "Trajecten maatschappelijke begeleiding tweede jaar gestart in het jaar.",
       "mb", "trajecten", base=[("soort", "mb-jaar-2")]),
    _n("trajecten.gestart", "Trajecten maatschappelijke begeleiding gestart in het jaar (met "
       "soort= van één soort).", "mb", "trajecten"),
    _n("trajecten.lopend", "Trajecten die op enig moment in het jaar liepen (met op= op één "
       "dag).", "mb", "trajecten", role="lopend"),
    # ---- couplings per programme
    _n("koppelingen.<P>.afgerond_eerder", "Koppelingen gestart vóór het jaar en beëindigd in "
       "het jaar.", "koppelingen", "koppelingen", role="afgerond_eerder"),
    _n("koppelingen.<P>.gestart", "Koppelingen gestart in het jaar.", "koppelingen",
       "koppelingen", role="gestart"),
    _n("koppelingen.<P>.gestart_afgerond", "Van de gestarte koppelingen: in het jaar succesvol "
       "afgerond.", "koppelingen", "koppelingen", role="gestart_afgerond"),
    _n("koppelingen.<P>.gestart_verlengd", "Van de gestarte koppelingen: eind van het jaar nog "
       "lopend en verlengd na de evaluatie van 6 maanden.", "koppelingen", "koppelingen",
       role="gestart_verlengd"),
    _n("koppelingen.<P>.gestart_lopend", "Van de gestarte koppelingen: eind van het jaar nog "
       "lopend, niet verlengd.", "koppelingen", "koppelingen", role="gestart_lopend"),
    _n("koppelingen.<P>.gestart_gestopt", "Van de gestarte koppelingen: in het jaar voortijdig "
       "gestopt.", "koppelingen", "koppelingen", role="gestart_gestopt"),
    _n("koppelingen.<P>.wachtlijst", "Aangemeld uiterlijk 31 december, eind van het jaar nog "
       "niet gestart en niet ingetrokken.", "koppelingen", "koppelingen", role="wachtlijst"),
    _n("koppelingen.<P>.lopend", "Koppelingen die op enig moment in het jaar liepen (met op= "
       "op één dag).", "koppelingen", "koppelingen", role="lopend"),
    _n("koppelingen.<P>.coaches", "Verschillende coaches met een koppeling die op enig moment "
       "in het jaar liep.", "koppelingen", "koppelingen", "coaches", role="lopend"),
    # ---- organisation: staff of team mb-juridisch
    _n("organisatie.vrijwilligers", "Vrijwilligers (team mb-juridisch) die op enig moment in "
       "het jaar actief waren.", "organisatie", "medewerkers",
       base=[("soort", "vrijwilliger"), _TEAM], open=("team",)),
    _n("organisatie.stagiaires", "Stagiaires (team mb-juridisch) die op enig moment in het jaar "
       "actief waren.", "organisatie", "medewerkers", base=[("soort", "stagiair"), _TEAM],
       open=("team",)),
    _n("organisatie.vrijwillige_medewerkers", "Vrijwilligers plus stagiaires.", "organisatie",
       "medewerkers", base=[("soort", "stagiair,vrijwilliger"), _TEAM], open=("team",)),
    _n("organisatie.vrijwilligers_gestart", "Vrijwilligers begonnen in het jaar.",
       "organisatie", "medewerkers", role="gestart", base=[("soort", "vrijwilliger"), _TEAM],
       open=("team",)),
    _n("organisatie.vrijwilligers_gestopt", "Vrijwilligers gestopt in het jaar.",
       "organisatie", "medewerkers", role="gestopt", base=[("soort", "vrijwilliger"), _TEAM],
       open=("team",)),
    _n("organisatie.stagiaires_gestart", "Stagiaires begonnen in het jaar.", "organisatie",
       "medewerkers", role="gestart", base=[("soort", "stagiair"), _TEAM], open=("team",)),
    _n("organisatie.stagiaires_gestopt", "Stagiaires gestopt in het jaar.", "organisatie",
       "medewerkers", role="gestopt", base=[("soort", "stagiair"), _TEAM], open=("team",)),
    _n("organisatie.betaald", "Betaalde krachten (team mb-juridisch) actief in het jaar.",
       "organisatie", "medewerkers", base=[("soort", "betaald"), _TEAM], open=("team",)),
    _n("organisatie.betaald_uren", "Uren per week van de betaalde krachten die in het jaar "
       "actief waren, opgeteld.", "organisatie", "medewerkers", "uren",
       base=[("soort", "betaald"), _TEAM], open=("team",)),
    # ---- staff of any team and kind
    _n("medewerkers.actief", "Medewerkers die op enig moment in het jaar actief waren, van elk "
       "team en elke soort (met team= en soort=; met op= op één dag).", "organisatie",
       "medewerkers", noun=("medewerker", "medewerkers")),
    _n("medewerkers.gestart", "Medewerkers begonnen in het jaar.", "organisatie", "medewerkers",
       role="gestart"),
    _n("medewerkers.gestopt", "Medewerkers gestopt in het jaar.", "organisatie", "medewerkers",
       role="gestopt"),
    _n("medewerkers.gemiddeld", "Gemiddeld aantal actieve medewerkers over het jaar: de dagen "
       "dat ieder actief was opgeteld, gedeeld door de dagen van het jaar.", "organisatie",
       "medewerkers", "gemiddeld"),
    _n("medewerkers.uren", "Uren per week van de medewerkers die in het jaar actief waren, "
       "opgeteld.", "organisatie", "medewerkers", "uren"),
    # ---- course figures, typed in
    _typed("inburgering.cursisten", "Cursisten inburgering in het jaar (ingevoerd).",
           "inburgering"),
    _typed("inburgering.vrijwilligers", "Vrijwilligers bij inburgering (taalcoaches en "
           "klassenassistenten; ingevoerd).", "inburgering"),
    _typed("inburgering.actief_eind", "Cursisten actief aan het eind van het jaar (ingevoerd).",
           "inburgering"),
    _typed("inburgering.groepen", "Klassen aan het eind van het jaar (ingevoerd).",
           "inburgering"),
    _typed("inburgering.groepen_alfabetisering", "Waarvan alfabetiseringsgroepen (ingevoerd).",
           "inburgering"),
    _typed("inburgering.groepen_inburgering", "Waarvan inburgeringsgroepen (ingevoerd).",
           "inburgering"),
    _typed("taalcentrum.bijeenkomsten", "Taalbijeenkomsten van het Taalcentrum (ingevoerd).",
           "taalcentrum"),
    _typed("taalcentrum.groepen", "Taalgroepen (ingevoerd).", "taalcentrum"),
    _typed("taalcentrum.plaatsingen", "Plaatsingen in taalgroepen (ingevoerd).", "taalcentrum"),
    _typed("taalcentrum.cursisten", "Unieke cursisten (ingevoerd).", "taalcentrum"),
    _typed("taalcentrum.nieuw", "Nieuwe cursisten in het jaar (ingevoerd).", "taalcentrum"),
    _typed("computerlessen.bijeenkomsten", "Computerbijeenkomsten (ingevoerd).",
           "computerlessen"),
    _typed("computerlessen.deelnemers_gem", "Gemiddeld aantal deelnemers per computerles "
           "(ingevoerd).", "computerlessen"),
]

REGISTRY: dict[str, FigureSpec] = {s.key: s for s in SPECS}

# Words usable in any sentence besides figure keys.
SPECIAL_KEYS = {
    "jaar": "Het jaar van het verslag.",
    "vorig_jaar": "Het jaar ervoor.",
    "locatie": "De naam van de locatie.",
}
PREFIXES = {
    "doel.": "Doel (prestatieafspraak) voor: ",
    "gehaald.": "1 als het doel gehaald is, anders 0: ",
    "officieel.": "Officieel cijfer (ingevoerd, naast het berekende) voor: ",
}
# A figure of the office's own, typed in per year: `eigen.<name>`.
OWN_KEY = "Ingevoerd jaarcijfer met een eigen sleutel van de locatie."
_OWN_RE = re.compile(r"^eigen\.[\w.\-]+$")
_PROGRAMME_RE = re.compile(r"^koppelingen\.([\w-]+)\.(\w+)$")


def pattern_of(key: str) -> str:
    """The registry key a concrete key falls under (`koppelingen.wegwijs.gestart`
    → `koppelingen.<P>.gestart`)."""
    match = _PROGRAMME_RE.match(key)
    return f"koppelingen.<P>.{match.group(2)}" if match else key


def programme_of(key: str) -> str | None:
    match = _PROGRAMME_RE.match(key)
    return match.group(1) if match else None


def split_prefix(key: str) -> tuple[str, str]:
    """`doel.x` → ("doel.", "x"); a key without a prefix → ("", key)."""
    for prefix in PREFIXES:
        if key.startswith(prefix):
            return prefix, key[len(prefix):]
    return "", key


def spec_of(key: str) -> FigureSpec | None:
    """The spec of a concrete key (`koppelingen.wegwijs.gestart`), without prefix."""
    return REGISTRY.get(pattern_of(key))


@dataclass(frozen=True)
class Definition:
    key: str
    definition: str
    section: str
    source: str  # berekend / invoer / afgeleid


def find_definition(key: str) -> Definition | None:
    """The definition of `key`, also for `doel.<key>`, `gehaald.<key>`,
    `officieel.<key>` and the location's own `eigen.<name>` (named by its
    name). The definition of a coupling figure names its programme:
    `koppelingen.wegwijs.gestart` is "Koppelingen gestart in het jaar
    (programma wegwijs)."."""
    prefix, inner = split_prefix(key)
    if _OWN_RE.match(inner):
        return Definition(key, f"{OWN_KEY.rstrip('.')}: {inner.removeprefix('eigen.')}.", "eigen",
                          "afgeleid" if prefix == "gehaald." else "invoer")
    spec = spec_of(inner)
    if spec is None:
        return None
    definition = spec.definition
    programme = programme_of(inner)
    if programme is not None:
        definition = f"{definition.rstrip('.')} (programma {programme})."
    if prefix:
        return Definition(key, PREFIXES[prefix] + definition, spec.section,
                          "afgeleid" if prefix == "gehaald." else "invoer")
    return Definition(key, definition, spec.section, spec.source)


def is_known_key(key: str) -> bool:
    return key in SPECIAL_KEYS or find_definition(key) is not None


def is_typed(key: str) -> bool:
    """Whether `key` is typed in per year rather than computed."""
    prefix, inner = split_prefix(key)
    if prefix in ("doel.", "officieel."):
        return True
    if prefix == "gehaald.":
        return False
    spec = spec_of(inner)
    return spec is None or spec.source == "invoer"  # an own key is typed in


def _with_period(out: list[str], spec: FigureSpec) -> None:
    s = spec.counted
    out += ["half", "kwartaal", "maand"]
    if s.roles[spec.date_role].stock:
        out.append("op")


def allowed_params(key: str) -> tuple[str, ...]:
    """The parameters `{key ...}` accepts, in the order the docs list them."""
    prefix, inner = split_prefix(key)
    spec = spec_of(inner)
    if prefix in ("doel.", "gehaald."):
        return ("jaar",)
    if prefix == "officieel." or spec is None or spec.source == "invoer":
        return ("gemeente", "half", "per", "jaar")
    if spec.params is not None:
        return spec.params
    if spec.like:
        return tuple(p for p in allowed_params(spec.like) if p not in ("top", "vanaf", "waarvan"))
    s = spec.counted
    fixed = {name for name, _ in spec.base if name not in spec.open}
    out = [f for f in s.public_filters() if f not in fixed
           and (f != "aow_leeftijd" or "aow_leeftijd" in spec.extra
                or "leeftijd" not in fixed)]
    _with_period(out, spec)
    if "gemeente" in out and spec.kind == "getal":
        out.append("per")
    if spec.kind == "lijst":
        out += ["top", "vanaf"]
        if parts_of(spec):
            out.append("waarvan")
    out.append("jaar")
    return tuple(out)


def parts_of(spec: FigureSpec) -> list[str]:
    """The figures a list of `spec` can split each group by (`waarvan=`): counts
    of the same records with a noun to name them."""
    return [s.key for s in SPECS if s.subject == spec.subject and s.noun
            and s.aggregate == "aantal" and s.base]


def values_of(key: str, name: str) -> Values | None:
    """How parameter `name` of `{key ...}` is written (None: not a parameter of it)."""
    if name in COMMON:
        return COMMON[name]
    _, inner = split_prefix(key)
    spec = spec_of(inner)
    if spec and spec.like:
        spec = spec_of(spec.like)
    if spec is None or spec.counted is None:  # typed in: per municipality or half-year
        return PERSONS.filters["gemeente"].values if name == "gemeente" else None
    f = spec.counted.filters.get(name)
    return f.values if f else None


def all_param_names() -> set[str]:
    """Every parameter any figure takes."""
    out = set(COMMON)
    for s in SUBJECTS.values():
        out |= set(s.public_filters())
    return out


def concrete_keys(programmes: list[str], *, on_request: bool = False) -> list[str]:
    """Every registry key (with `on_request`, also those computed only on
    request), `<P>` keys once per programme."""
    out = []
    for spec in SPECS:
        if spec.on_request and not on_request:
            continue
        if "<P>" in spec.key:
            out += [spec.key.replace("<P>", p) for p in programmes]
        else:
            out.append(spec.key)
    return out

