"""The figure keys of the year report with their Dutch definitions.

One entry per key of `spec/report.md`. A key with `<P>` stands for every
coupling programme of the location (`koppelingen.wegwijs.gestart`, ...).
`source` says where a value comes from: `berekend` (aggregated from the
registrations by a group in `vwdesk.report.figures`), `invoer` (typed in per
year as a `YearFigure`) or `afgeleid` (derived from other figures).
Targets (`doel.<key>`), whether they were met (`gehaald.<key>`) and official
figures typed in beside a computed one (`officieel.<key>`) exist for every
key; they are not listed one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FigureDef:
    key: str
    definition: str
    section: str
    source: str = "berekend"  # berekend / invoer / afgeleid


_DEFS = [
    # Housing
    FigureDef("huisvesting.personen", "Cliënten van de locatie met een huisvestingsdatum in het jaar.",
              "huisvesting"),
    FigureDef("huisvesting.volwassenen", "Van de gehuisveste personen: 18 jaar of ouder op de "
              "huisvestingsdatum (wie die dag 18 wordt telt als volwassene).", "huisvesting"),
    FigureDef("huisvesting.kinderen", "Van de gehuisveste personen: jonger dan 18 op de "
              "huisvestingsdatum.", "huisvesting"),
    FigureDef("huisvesting.mannen", "Van de gehuisveste personen: geslacht m.", "huisvesting"),
    FigureDef("huisvesting.vrouwen", "Van de gehuisveste personen: geslacht v.", "huisvesting"),
    FigureDef("huisvesting.x", "Van de gehuisveste personen: geslacht x (apart geteld).",
              "huisvesting"),
    FigureDef("huisvesting.nationaliteiten", "Gehuisveste personen per nationaliteit "
              "(meervoud inwonersnaam), grootste groep eerst.", "huisvesting"),
    FigureDef("huisvesting.grootste_groep", "De nationaliteit die onder de gehuisveste personen het "
              "vaakst voorkomt, met het aantal, bijv. Syriërs (39).", "huisvesting", "afgeleid"),
    FigureDef("huisvesting.woningen", "Woningen van de locatie die in het jaar beschikbaar zijn "
              "gesteld (beschikbaar op).", "huisvesting"),
    FigureDef("huisvesting.nareizigers", "Gehuisveste personen met instroom nareiziger "
              "(gezinshereniging).", "huisvesting"),
    FigureDef("huisvesting.nareizigers.volwassenen", "Nareizigers van 18 jaar of ouder op de "
              "huisvestingsdatum.", "huisvesting"),
    FigureDef("huisvesting.nareizigers.kinderen", "Nareizigers jonger dan 18 op de "
              "huisvestingsdatum.", "huisvesting"),
    FigureDef("huisvesting.hervestigers", "Gehuisveste personen met instroom hervestiger "
              "(UNHCR).", "huisvesting"),
    FigureDef("huisvesting.taakstelling", "Het aantal te huisvesten statushouders dat het Rijk "
              "voor het jaar heeft vastgesteld (ingevoerd; per halfjaar of gemeente opgeteld).",
              "huisvesting", "invoer"),
    FigureDef("huisvesting.saldo_begin", "Voorsprong (+) of achterstand (−) op de taakstelling aan "
              "het begin van het jaar (ingevoerd).", "huisvesting", "invoer"),
    FigureDef("huisvesting.saldo", "saldo_begin + gehuisveste personen − taakstelling; positief is "
              "een voorsprong, negatief een achterstand.", "huisvesting", "afgeleid"),
    FigureDef("huisvesting.amv", "Gehuisveste personen die als alleenstaande minderjarige "
              "vreemdeling (AMV) zijn geregistreerd.", "huisvesting"),
    FigureDef("huisvesting.aow", "Gehuisveste personen van de AOW-leeftijd (67, instelbaar met "
              "aow_leeftijd=) of ouder op de huisvestingsdatum.", "huisvesting"),
    FigureDef("huisvesting.aantal_nationaliteiten", "Het aantal verschillende nationaliteiten "
              "onder de gehuisveste personen (staatloos telt als één).", "huisvesting"),
    FigureDef("huishoudens.nieuw", "Nieuwe huishoudens: woningen waarin in het jaar de eerste "
              "persoon is gehuisvest.", "huisvesting"),
    FigureDef("huishoudens.eenpersoons", "Nieuwe huishoudens van één persoon (tot en met 31 "
              "december in die woning gehuisvest).", "huisvesting"),
    FigureDef("huishoudens.meerpersoons", "Nieuwe huishoudens van twee of meer personen.",
              "huisvesting"),
    FigureDef("huishoudens.bijgevoegd", "Personen die in het jaar zijn gehuisvest in een woning "
              "waar al eerder iemand was gehuisvest (aangesloten bij een huishouden, bijv. "
              "gezinshereniging).", "huisvesting"),
    FigureDef("huishoudens.personen_per_woning", "Gemiddeld aantal personen per woning: de in "
              "het jaar gehuisveste personen met een woning, gedeeld door het aantal woningen "
              "waarin zij zijn gehuisvest.", "huisvesting"),
    # Contacts of every kind
    FigureDef("contacten.aantal", "Contacten in het jaar, van elke soort (met soort= één "
              "soort: spreekuur, juridisch, mb, intake).", "spreekuur"),
    FigureDef("contacten.personen", "Verschillende personen met een contact in het jaar: "
              "cliënten plus niet-geregistreerde personen.", "spreekuur"),
    # Consultation desk
    FigureDef("spreekuur.contacten", "Contacten van soort spreekuur in het jaar (bezoekers).",
              "spreekuur"),
    FigureDef("spreekuur.onderwerpen", "Besproken onderwerpen, opgeteld over de spreekuurcontacten.",
              "spreekuur"),
    FigureDef("spreekuur.personen", "Verschillende personen met een spreekuurcontact: cliënten plus "
              "niet-geregistreerde personen.", "spreekuur"),
    FigureDef("spreekuur.top_onderwerp", "Het onderwerp dat bij spreekuurcontacten het vaakst is "
              "besproken.", "spreekuur"),
    FigureDef("spreekuur.onderwerpen_lijst", "Spreekuurcontacten per onderwerp, meest besproken "
              "eerst.", "spreekuur"),
    FigureDef("spreekuur.per_maand", "Spreekuurcontacten per maand (januari t/m december).",
              "spreekuur"),
    # Legal
    FigureDef("juridisch.gh_nieuw", "Dossiers gezinshereniging geopend in het jaar.", "juridisch"),
    FigureDef("juridisch.gh_totaal", "Dossiers gezinshereniging die op enig moment in het jaar open "
              "waren (geopend uiterlijk 31 december, niet gesloten vóór 1 januari).", "juridisch"),
    FigureDef("juridisch.gh_afgerond", "Dossiers gezinshereniging gesloten in het jaar.",
              "juridisch"),
    FigureDef("juridisch.gh_herenigd", "Dossiers gezinshereniging gesloten in het jaar met uitkomst "
              "herenigd (gezinnen herenigd).", "juridisch"),
    FigureDef("juridisch.gh_herenigd_nationaliteiten", "Herenigde gezinnen per nationaliteit van de "
              "referent (bijvoeglijk naamwoord), grootste groep eerst.", "juridisch"),
    FigureDef("juridisch.overig_contacten", "Juridische contacten in het jaar met een "
              "geregistreerde cliënt en zonder onderwerp gezinshereniging.", "juridisch"),
    FigureDef("juridisch.overig_clienten", "Verschillende cliënten van die overige juridische "
              "contacten.", "juridisch"),
    FigureDef("juridisch.nr_contacten", "Juridische contacten in het jaar zonder geregistreerde "
              "cliënt.", "juridisch"),
    FigureDef("juridisch.nr_personen", "Verschillende personen van die contacten zonder "
              "geregistreerde cliënt.", "juridisch"),
    FigureDef("juridisch.clienten", "Verschillende geregistreerde cliënten met een juridisch "
              "contact in het jaar.", "juridisch"),
    # Social guidance
    FigureDef("mb.jaar1", "Trajecten maatschappelijke begeleiding eerste jaar gestart in het jaar.",
              "mb"),
    FigureDef("mb.zelfmelders", "Trajecten maatschappelijke begeleiding voor zelfmelders gestart in "
              "het jaar.", "mb"),
    FigureDef("mb.jaar2", "Trajecten maatschappelijke begeleiding tweede jaar gestart in het jaar.",
              "mb"),
    # Couplings per programme
    FigureDef("koppelingen.<P>.afgerond_eerder", "Koppelingen gestart vóór het jaar en beëindigd in "
              "het jaar.", "koppelingen"),
    FigureDef("koppelingen.<P>.gestart", "Koppelingen gestart in het jaar.", "koppelingen"),
    FigureDef("koppelingen.<P>.gestart_afgerond", "Van de gestarte koppelingen: in het jaar "
              "succesvol afgerond.", "koppelingen"),
    FigureDef("koppelingen.<P>.gestart_verlengd", "Van de gestarte koppelingen: eind van het jaar nog "
              "lopend en verlengd na de evaluatie van 6 maanden.", "koppelingen"),
    FigureDef("koppelingen.<P>.gestart_lopend", "Van de gestarte koppelingen: eind van het jaar nog "
              "lopend, niet verlengd.", "koppelingen"),
    FigureDef("koppelingen.<P>.gestart_gestopt", "Van de gestarte koppelingen: in het jaar "
              "voortijdig gestopt.", "koppelingen"),
    FigureDef("koppelingen.<P>.wachtlijst", "Aangemeld uiterlijk 31 december, eind van het jaar nog "
              "niet gestart en niet ingetrokken.", "koppelingen"),
    FigureDef("koppelingen.<P>.coaches", "Verschillende coaches met een koppeling die op enig "
              "moment in het jaar liep.", "koppelingen"),
    # Organisation
    FigureDef("organisatie.vrijwilligers", "Vrijwilligers (team mb-juridisch) die op enig moment in "
              "het jaar actief waren.", "organisatie"),
    FigureDef("organisatie.stagiaires", "Stagiaires (team mb-juridisch) die op enig moment in het "
              "jaar actief waren.", "organisatie"),
    FigureDef("organisatie.vrijwillige_medewerkers", "Vrijwilligers plus stagiaires.",
              "organisatie", "afgeleid"),
    FigureDef("organisatie.vrijwilligers_gestart", "Vrijwilligers begonnen in het jaar.",
              "organisatie"),
    FigureDef("organisatie.vrijwilligers_gestopt", "Vrijwilligers gestopt in het jaar.",
              "organisatie"),
    FigureDef("organisatie.stagiaires_gestart", "Stagiaires begonnen in het jaar.", "organisatie"),
    FigureDef("organisatie.stagiaires_gestopt", "Stagiaires gestopt in het jaar.", "organisatie"),
    FigureDef("organisatie.betaald", "Betaalde krachten (team mb-juridisch) actief in het jaar.",
              "organisatie"),
    FigureDef("organisatie.betaald_uren", "Uren per week van de betaalde krachten die in het jaar "
              "actief waren, opgeteld.", "organisatie"),
    # Course figures, typed in
    FigureDef("inburgering.cursisten", "Cursisten inburgering in het jaar (ingevoerd).",
              "inburgering", "invoer"),
    FigureDef("inburgering.vrijwilligers", "Vrijwilligers bij inburgering (taalcoaches en "
              "klassenassistenten; ingevoerd).", "inburgering", "invoer"),
    FigureDef("inburgering.actief_eind", "Cursisten actief aan het eind van het jaar (ingevoerd).",
              "inburgering", "invoer"),
    FigureDef("inburgering.groepen", "Klassen aan het eind van het jaar (ingevoerd).", "inburgering",
              "invoer"),
    FigureDef("inburgering.groepen_alfabetisering", "Waarvan alfabetiseringsgroepen (ingevoerd).",
              "inburgering", "invoer"),
    FigureDef("inburgering.groepen_inburgering", "Waarvan inburgeringsgroepen (ingevoerd).",
              "inburgering", "invoer"),
    FigureDef("taalcentrum.bijeenkomsten", "Taalbijeenkomsten van het Taalcentrum (ingevoerd).",
              "taalcentrum", "invoer"),
    FigureDef("taalcentrum.groepen", "Taalgroepen (ingevoerd).", "taalcentrum", "invoer"),
    FigureDef("taalcentrum.plaatsingen", "Plaatsingen in taalgroepen (ingevoerd).", "taalcentrum",
              "invoer"),
    FigureDef("taalcentrum.cursisten", "Unieke cursisten (ingevoerd).", "taalcentrum", "invoer"),
    FigureDef("taalcentrum.nieuw", "Nieuwe cursisten in het jaar (ingevoerd).", "taalcentrum",
              "invoer"),
    FigureDef("computerlessen.bijeenkomsten", "Computerbijeenkomsten (ingevoerd).", "computerlessen",
              "invoer"),
    FigureDef("computerlessen.deelnemers_gem", "Gemiddeld aantal deelnemers per computerles "
              "(ingevoerd).", "computerlessen", "invoer"),
]

DEFINITIONS: dict[str, FigureDef] = {d.key: d for d in _DEFS}

# Keys that hold a list or text rather than a number.
LIST_KEYS = {"huisvesting.nationaliteiten", "juridisch.gh_herenigd_nationaliteiten",
             "spreekuur.onderwerpen_lijst", "spreekuur.per_maand"}
TEXT_KEYS = {"huisvesting.grootste_groep", "spreekuur.top_onderwerp"}

# Words usable in any sentence besides figure keys.
SPECIAL_KEYS = {
    "jaar": "Het jaar van het verslag.",
    "vorig_jaar": "Het jaar ervoor.",
    "locatie": "De naam van de locatie.",
}

_PROGRAMME_RE = re.compile(r"^koppelingen\.([\w-]+)\.(\w+)$")


def pattern_of(key: str) -> str:
    """The registry key a concrete key falls under (`koppelingen.wegwijs.gestart`
    → `koppelingen.<P>.gestart`)."""
    match = _PROGRAMME_RE.match(key)
    return f"koppelingen.<P>.{match.group(2)}" if match else key


def find_definition(key: str) -> FigureDef | None:
    """The definition of `key`, also for `doel.<key>` and `gehaald.<key>`."""
    for prefix, text in (("doel.", "Doel (prestatieafspraak) voor: "),
                         ("gehaald.", "1 als het doel gehaald is, anders 0: "),
                         ("officieel.", "Officieel cijfer (ingevoerd, naast het berekende) voor: ")):
        if key.startswith(prefix):
            inner = find_definition(key[len(prefix):])
            if inner is None:
                return None
            return FigureDef(key, text + inner.definition, inner.section,
                             "afgeleid" if prefix == "gehaald." else "invoer")
    found = DEFINITIONS.get(pattern_of(key))
    if found is None:
        return None
    return FigureDef(key, found.definition, found.section, found.source)


def is_known_key(key: str) -> bool:
    return key in SPECIAL_KEYS or find_definition(key) is not None
