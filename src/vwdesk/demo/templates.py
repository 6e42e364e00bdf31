"""The report templates of the two demo locations, shaped like their seeds:
the seeds' section order, the sections each shows, and the few sentences a
teamleader reworded ("een kleine achterstand", "10 afgeronde dossiers").
Built from the default template's items, so they show how a location
reorders, switches off and rewords."""

from __future__ import annotations

from typing import Any

from vwdesk.report.standard import default_item
from vwdesk.report.template import TEMPLATE_VERSION
from vwdesk.report.template import chart_item as _c
from vwdesk.report.template import prose_item as _p


def _i(item_id: str, **changes: Any) -> dict[str, Any]:
    item = default_item(item_id)
    item.update(changes)
    return item


def _sec(key: str, title: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"key": key, "title": title, "enabled": True, "items": items}


def _bullets(*ids: str) -> list[dict[str, Any]]:
    return [_i(i) for i in ids]


HOUSING_BULLETS = ("huisvesting.personen", "huisvesting.leeftijd", "huisvesting.geslacht",
                   "huisvesting.x", "huisvesting.grootste_groep", "huisvesting.woningen")
WEGWIJS = ("stand", "afgerond_eerder", "gestart", "gestopt", "wachtlijst", "doel", "coaches")


def vlaardingen() -> dict[str, Any]:
    return {"version": TEMPLATE_VERSION, "title": "{locatie}: {jaar} in cijfers", "sections": [
        _sec("intro", "", [_p("intro")]),
        _sec("huisvesting", "", [
            _i("huisvesting.gehuisvest"),
            _i("huisvesting.saldo", text="Daarmee heeft de gemeente een kleine "
               "{huisvesting.saldo?voorsprong|achterstand} (van {huisvesting.saldo:abs}) op de "
               "door het Rijk vastgestelde taakstelling."),
            *_bullets(*HOUSING_BULLETS),
            _p("huisvesting.na"),
            _i("huisvesting.nareizigers"), _i("huisvesting.nareizigers_leeftijd"),
            _i("huisvesting.hervestigers"), _c("huisvesting.grafiek", "nationaliteiten"),
        ]),
        _sec("spreekuur", "Spreekuur/infopunt", [
            _p("spreekuur"), _i("spreekuur.bezoekers"),
            _i("spreekuur.onderwerpen", enabled=False),
            _i("spreekuur.top"), _p("spreekuur.na"),
            _c("spreekuur.grafiek_maand", "contacten_per_maand"),
            _c("spreekuur.grafiek_onderwerpen", "onderwerpen"),
        ]),
        _sec("juridisch", "Juridische begeleiding/gezinshereniging", [
            _p("juridisch"),
            *_bullets("juridisch.gh_nieuw", "juridisch.gh_totaal", "juridisch.gh_afgerond"),
            _p("juridisch.na"),
            _i("juridisch.herenigd", enabled=False),
            _i("juridisch.overig", text="Overige juridische begeleiding: Er waren "
               "{juridisch.overig_contacten} contacten met {juridisch.overig_clienten} unieke "
               "cliënten die overige juridische vragen hebben gesteld."),
            _p("juridisch.overig"), _i("juridisch.zonder_dossier"),
            _i("juridisch.clienten", enabled=False),
        ]),
        _sec("samenwerking", "Samenwerking, voorlichting en belangenbehartiging",
             [_p("samenwerking")]),
        _sec("mb", "Maatschappelijke begeleiding (MB)", [
            _p("mb"), *_bullets("mb.jaar1", "mb.zelfmelders", "mb.jaar2"), _p("mb.na")]),
        _sec("wegwijs", "", [
            _p("wegwijs"), *[_i(f"koppelingen.wegwijs.{k}") for k in WEGWIJS],
            _p("wegwijs.na")]),
        _sec("inburgering", "Inburgering", [
            _p("inburgering"),
            *_bullets("inburgering.cursisten", "inburgering.vrijwilligers"),
            _i("inburgering.totaal"),
            _i("inburgering.eind", text="We hebben te maken gehad met een grote krimp. Aan het "
               "eind van het jaar waren {inburgering.actief_eind} cursisten actief, verspreid over "
               "{inburgering.groepen} klassen: {inburgering.groepen_alfabetisering} "
               "alfabetiseringsgroepen en {inburgering.groepen_inburgering} "
               "inburgeringsgroepen."),
            _p("inburgering.na"),
        ]),
        _sec("taalcentrum", "Taalcentrum {locatie}", [
            _i("taalcentrum.doel"), _p("taalcentrum"), _i("taalcentrum.bijeenkomsten"),
            _i("taalcentrum.overzicht", text="– Overzicht van aantal groepen en cursisten:"),
            _i("taalcentrum.groepen", text="Aantal taalgroepen: {taalcentrum.groepen} (vanaf "
               "september 24) waarvan 7 avondgroepen"),
            _i("taalcentrum.plaatsingen"), _i("taalcentrum.cursisten"),
            _p("taalcentrum.lijst"), _i("taalcentrum.nieuw"), _p("taalcentrum.na"),
        ]),
        _sec("computerlessen", "Computerlessen", [
            _i("computerlessen.doel"), _p("computerlessen"), _i("computerlessen.bijeenkomsten")]),
        _sec("taalcoach", "Taalcoachtrajecten", [
            _i("taalcoach.doel"), _p("taalcoach"), _i("taalcoach.gestart"),
            _i("taalcoach.coaches", enabled=False), _p("taalcoach.na")]),
        _sec("organisatie", "Organisatie", [
            _p("organisatie"), _i("organisatie.medewerkers", compare=False),
            _i("organisatie.vrijwilligers_wissel"), _i("organisatie.stagiaires_wissel"),
            _i("organisatie.betaald", enabled=False), _p("organisatie.na")]),
        _sec("resultaten", "Resultaten en prestatieafspraken", [
            _p("resultaten"), _c("resultaten.grafiek", "doelen")]),
    ]}


def maassluis() -> dict[str, Any]:
    plural = "{n} {n|gestart traject|gestarte trajecten} mb {what}"

    def mb(key: str, what: str) -> dict[str, Any]:
        return _i(f"mb.{key}", text=plural.replace("{n", "{mb." + key).replace("{what}", what))

    return {"version": TEMPLATE_VERSION, "title": "{locatie}: {jaar} in cijfers", "sections": [
        _sec("intro", "", [_p("intro")]),
        _sec("huisvesting", "", [
            _i("huisvesting.gehuisvest"),
            _i("huisvesting.saldo", text="Daarmee behoudt de gemeente een grote "
               "{huisvesting.saldo?voorsprong|achterstand} (van {huisvesting.saldo:abs}) op de "
               "door het Rijk vastgestelde taakstelling."),
            *_bullets(*HOUSING_BULLETS),
            _i("huisvesting.nareizigers", enabled=False),
            _i("huisvesting.nareizigers_leeftijd", enabled=False),
            _c("huisvesting.grafiek", "nationaliteiten"),
        ]),
        _sec("spreekuur", "Spreekuur/infopunt", [
            _p("spreekuur"), _i("spreekuur.bezoekers"), _i("spreekuur.onderwerpen"),
            _p("spreekuur.na"),
            _i("spreekuur.top", text="Er is een toename te zien in het aantal contacten. De "
               "meeste vragen gaan over {spreekuur.top_onderwerp}."),
            _p("spreekuur.slot"),
            _c("spreekuur.grafiek_maand", "contacten_per_maand"),
        ]),
        _sec("juridisch", "Juridische begeleiding/gezinshereniging", [
            _p("juridisch"),
            _i("juridisch.gh_nieuw"), _i("juridisch.gh_totaal"),
            _i("juridisch.gh_afgerond", text="{juridisch.gh_afgerond} "
               "{juridisch.gh_afgerond|afgerond dossier|afgeronde dossiers}"),
            _p("juridisch.na"), _i("juridisch.herenigd"),
            _i("juridisch.overig", enabled=False), _i("juridisch.zonder_dossier", enabled=False),
            _p("juridisch.slot"),
            _i("juridisch.clienten", text="In {jaar} hebben {juridisch.clienten} cliënten één of "
               "meerdere keren gebruik gemaakt van het juridisch spreekuur met deze hulpvragen."),
        ]),
        _sec("mb", "Maatschappelijke begeleiding (MB)", [
            _p("mb"), mb("jaar1", "eerste jaar"), mb("zelfmelders", "zelfmelders"),
            mb("jaar2", "tweede jaar"), _p("mb.na")]),
        _sec("arbeid", "Arbeidsparticipatie", [_p("arbeid")]),
        _sec("taalcoach", "Taalcoach", [
            _i("taalcoach.doel"), _i("taalcoach.gestart", enabled=False), _i("taalcoach.coaches"),
            _p("taalcoach.na")]),
        _sec("organisatie", "Organisatie", [_p("organisatie"), _p("organisatie.na")]),
    ]}


TEMPLATES = {"Vlaardingen": vlaardingen, "Maassluis": maassluis}
