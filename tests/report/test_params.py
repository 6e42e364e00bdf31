"""Placeholders with parameters: parsing, Dutch error messages with
suggestions, ranked lists with ties and percentages, number words, the
previous year, singular and plural by the number."""

from __future__ import annotations

import pytest

from vwdesk.report.dutch import number_word, ranked_text
from vwdesk.report.figures import Figures
from vwdesk.report.groups import Groups, first_places
from vwdesk.report.params import Request
from vwdesk.report.placeholders import parse
from vwdesk.report.standard import default_template
from vwdesk.report.template import (
    check_text,
    compare_keys,
    fill,
    render_sentence,
    requests_in,
)

NATS = Groups([["SY", 28], ["ER", 28], ["SO", 5], ["AF", 5], ["IQ", 2]], "nationaliteit").ordered()


def figs(year=2018, extra=None, **values):
    f = Figures(1, "Schiedam", year, {k.replace("__", "."): v for k, v in values.items()})
    f.extra.update(extra or {})
    return f


def test_placeholder_with_parameters_format_and_words_is_parsed():
    ph = parse('huisvesting.personen gemeente="Den Haag" geslacht=v:woord|vrouw|vrouwen')
    assert ph.key == "huisvesting.personen"
    assert ph.params == {"gemeente": "Den Haag", "geslacht": "v"}
    assert (ph.fmt, ph.op, ph.rest) == ("woord", "|", "vrouw|vrouwen")
    assert ph.request == Request("huisvesting.personen", (("gemeente", "Den Haag"),
                                                          ("geslacht", "v")))
    # top and jaar are not filters: the plain figure is enough
    assert parse("huisvesting.nationaliteiten top=3 jaar=vorig").request is None


@pytest.mark.parametrize("text, message", [
    ("{huisvesting.personn}", "Onbekend cijfer `{huisvesting.personn}`; bedoelde u "
                              "`{huisvesting.personen}`?"),
    ("{spreekuur.bezoekers}", "Onbekend cijfer `{spreekuur.bezoekers}`; bedoelde u "
                              "`{spreekuur.personen}`?"),
    ("{huisvesting.nationaliteiten top=abc}",
     "Parameter top=abc past niet: gebruik een heel getal vanaf 1."),
    ("{huisvesting.nationaliteiten top=0}",
     "Parameter top=0 past niet: gebruik een heel getal vanaf 1."),
    ("{huisvesting.personen geslacht=vrouw}", "Parameter geslacht=vrouw past niet: gebruik m, "
                                              "v of x (meerdere: m,v; alles behalve: !m)."),
    ("{huisvesting.personen half=3}", "Parameter half=3 past niet: gebruik half=1 (januari t/m "
                                      "juni) of half=2 (juli t/m december)."),
    ("{contacten.aantal soort=koffie}", "Parameter soort=koffie past niet: gebruik spreekuur, "
                                        "juridisch, mb of intake (meerdere: spreekuur,juridisch; "
                                        "alles behalve: !spreekuur)."),
    ("{huisvesting.personen kleur=rood}", "Parameter `kleur` bestaat niet; bij "
                                          "`{huisvesting.personen}` kunt u gebruiken: gemeente, "
                                          "geslacht, leeftijd, aow_leeftijd, instroom, amv, "
                                          "nationaliteit, type, status, complex, woonkern, adres, "
                                          "half, kwartaal, maand, per, jaar."),
    ("{spreekuur.onderwerpen_lijst geslacht=v}", "Parameter `geslacht` past niet bij "
                                                 "`{spreekuur.onderwerpen_lijst}`; daar kunt u "
                                                 "gebruiken: gemeente, binnen, na, geregistreerd, "
                                                 "onderwerp, half, kwartaal, maand, top, vanaf, "
                                                 "jaar."),
    ("{huisvesting.personen gemeente=Rotterdam}", "Parameter gemeente=Rotterdam past niet: deze "
                                                  "locatie bedient de gemeenten Schiedam, Vlaardingen."),
    ("{huisvesting.personen gemeente=}", "Parameter `gemeente` in "
                                         "{huisvesting.personen gemeente=} heeft geen waarde; "
                                         "zet de waarde na het =-teken."),
    ("{huisvesting.nationaliteiten top 3}", "In {huisvesting.nationaliteiten top 3} staat \"top\" "
                                            "zonder =; schrijf parameters als naam=waarde, "
                                            "bijvoorbeeld top=3."),
    ("{geslacht=v}", "In {geslacht=v} staat eerst een parameter; begin met de naam van het "
                     "cijfer, bijvoorbeeld {huisvesting.personen gemeente=Schiedam}."),
    ("{huisvesting.personen:procent}", "Opmaak :procent in {huisvesting.personen:procent} past "
                                       "alleen bij een deling (a / b) of een ranglijst: "
                                       "{huisvesting.nationaliteiten}, "
                                       "{contacten.onderwerpen_lijst}, "
                                       "{spreekuur.onderwerpen_lijst}, "
                                       "{juridisch.gh_herenigd_nationaliteiten}."),
    ("{huisvesting.woningen per=gemeente gemeente=Schiedam}",
     "In `{huisvesting.woningen}` staan gemeente= en per=gemeente samen; kies één: één "
     "gemeente, of een lijst per gemeente."),
    ("{huisvesting.nationaliteiten per=gemeente}", "Parameter `per` past niet bij "
                                                   "`{huisvesting.nationaliteiten}`; daar kunt u "
                                                   "gebruiken: gemeente, geslacht, leeftijd, "
                                                   "aow_leeftijd, instroom, amv, nationaliteit, "
                                                   "type, status, complex, woonkern, adres, "
                                                   "half, kwartaal, maand, top, vanaf, waarvan, "
                                                   "jaar."),
    ("{jaar top=2}", "`{jaar}` heeft geen parameters; schrijf alleen `{jaar}`."),
    ("{huisvesting.personen:romeins}", "Opmaak \":romeins\" in {huisvesting.personen:romeins} "
                                       "bestaat niet; gebruik :abs, :woord, :decimalen, "
                                       ":zonder_punt, :procent, :land, :inwoners, :bijvoeglijk, "
                                       ":komma, :haakjes, :zonder_haakjes."),
])
def test_wrong_placeholders_get_a_precise_dutch_message(text, message):
    assert check_text(text, municipalities=["Schiedam", "Vlaardingen"]) == message


def test_good_parameterised_placeholders_pass():
    for text in ("{huisvesting.personen geslacht=m leeftijd=kind}",
                 "{huisvesting.personen gemeente=schiedam half=2}",
                 "{huisvesting.taakstelling gemeente=Schiedam half=1}",
                 "{contacten.aantal soort=mb binnen=18}", "{contacten.personen na=18}",
                 "{huisvesting.nationaliteiten top=3:procent}",
                 "{huisvesting.aow aow_leeftijd=65}", "{huisvesting.saldo jaar=vorig:abs}",
                 "{officieel.huisvesting.personen gemeente=Schiedam}",
                 "{huisvesting.woningen type=kamer}", "{huishoudens.nieuw gemeente=Schiedam}"):
        assert check_text(text, municipalities=["Schiedam"]) is None, text


def test_top_n_keeps_ties_with_the_last_place():
    assert NATS[:2] == [["ER", 28], ["SY", 28]]  # ties by the Dutch name
    assert first_places(NATS, 1) == NATS[:2]
    assert first_places(NATS, 2) == NATS[:2]  # no second place: two share the first
    assert first_places(NATS, 3) == NATS[:4]
    assert first_places(NATS, 9) == NATS


def test_ranked_lists_in_dutch_with_ties_and_percentages():
    assert ranked_text([["Syriërs", 38], ["Eritreeërs", 16]]) == "Syriërs (38) en Eritreeërs (16)"
    assert ranked_text([["Syriërs", 28], ["Eritreeërs", 28], ["Somaliërs", 5], ["Afghanen", 5]]) \
        == "Syriërs en Eritreeërs (beide 28) en Somaliërs en Afghanen (beide 5)"
    assert ranked_text([["a", 3], ["b", 3], ["c", 3]]) == "a, b en c (elk 3)"
    assert ranked_text([["werk", 30], ["geld", 20]], total=200) == "werk (15%) en geld (10%)"


def test_top_placeholder_fills_a_ranked_list_and_counts_its_groups():
    f = figs(huisvesting__nationaliteiten=NATS)
    assert fill("{huisvesting.nationaliteiten top=2|grootste groep|grootste groepen}: "
                "{huisvesting.nationaliteiten top=2}", f) == \
        "grootste groepen: Eritreeërs en Syriërs (beide 28)"  # a tie: by the Dutch name
    assert fill("{huisvesting.nationaliteiten top=1:procent}", f) == \
        "Eritreeërs en Syriërs (beide 41%)"
    one = figs(huisvesting__nationaliteiten=Groups([["SY", 9], ["ER", 2]], "nationaliteit"))
    assert fill("{huisvesting.nationaliteiten top=1|groep|groepen}", one) == "groep"
    # without top the list keeps the seeds' wording
    assert fill("{huisvesting.nationaliteiten}", one) == "9 Syriërs en 2 Eritreeërs"


@pytest.mark.parametrize("n, word", [(0, "nul"), (1, "één"), (10, "tien"), (13, "dertien"),
                                     (21, "eenentwintig"), (22, "tweeëntwintig"),
                                     (38, "achtendertig"), (100, "honderd"),
                                     (143, "honderddrieënveertig"), (1000, "duizend"),
                                     (2018, "tweeduizendachttien")])
def test_dutch_number_words(n, word):
    assert number_word(n) == word


def test_number_words_and_plural_follow_the_number():
    text = "{huisvesting.aantal_nationaliteiten:woord} verschillende " \
           "{huisvesting.aantal_nationaliteiten|nationaliteit|nationaliteiten}"
    assert fill("Er zijn " + text, figs(huisvesting__aantal_nationaliteiten=10)) == \
        "Er zijn tien verschillende nationaliteiten"
    assert fill("Er is " + text, figs(huisvesting__aantal_nationaliteiten=1)) == \
        "Er is één verschillende nationaliteit"
    # at the start of a sentence, a number in words begins with a capital
    assert fill(text + ". " + text + ".", figs(huisvesting__aantal_nationaliteiten=2)) == \
        "Twee verschillende nationaliteiten. Twee verschillende nationaliteiten."
    assert fill("{huisvesting.personen:woord}", figs(huisvesting__personen=12345)) == "12.345"


def test_filtered_figures_come_from_the_requests():
    req = Request("huisvesting.personen", (("geslacht", "v"), ("leeftijd", "kind")))
    f = figs(extra={req: 1})
    assert fill("{huisvesting.personen geslacht=v leeftijd=kind} "
                "{huisvesting.personen leeftijd=kind geslacht=v|meisje|meisjes}", f) == "1 meisje"
    # not computed: the sentence is left out
    assert fill("{huisvesting.personen geslacht=m leeftijd=kind}", f) is None


def test_previous_year_of_any_figure_and_comparisons_of_filtered_figures():
    req = Request("huisvesting.saldo", (("gemeente", "Schiedam"),))
    f = figs(huisvesting__saldo=5, extra={req: -3})
    f.previous = figs(2017, huisvesting__saldo=-2, extra={req: 4})
    assert fill("{huisvesting.saldo} (vorig jaar {huisvesting.saldo jaar=vorig})", f) == "5 (vorig jaar −2)"
    item = {"id": "x", "kind": "bullet", "compare": True,
            "text": "saldo Schiedam: {huisvesting.saldo gemeente=Schiedam}"}
    assert render_sentence(item, f) == "saldo Schiedam: −3 (2017: 4)"
    f.previous = None
    assert fill("{huisvesting.saldo jaar=vorig}", f) is None


def test_template_asks_for_its_filtered_figures_and_previous_years():
    template = default_template()
    template["sections"][1]["items"].append(
        {"id": "extra", "kind": "sentence", "enabled": True,
         "text": "{huisvesting.personen gemeente=Schiedam} en {huisvesting.saldo jaar=vorig}"})
    assert requests_in(template) == {Request("huisvesting.personen", (("gemeente", "Schiedam"),))}
    assert "huisvesting.saldo" in compare_keys(template)
    texts = {"intro": "Vorig jaar {contacten.aantal soort=mb jaar=vorig} contacten."}
    assert Request("contacten.aantal", (("soort", "mb"),)) in requests_in(template, texts)
    assert "contacten.aantal" in compare_keys(template, texts)
