"""The figures in words: the picker's list, a sentence's figures explained,
the typed-in figures a template asks for, and which year-figure keys the
report can use."""

from __future__ import annotations

from vwdesk.report.figure_words import (
    figure_choices,
    placeholder_meanings,
    typed_figures_used,
    year_figure_key_problem,
)
from vwdesk.report.standard import default_template


def test_a_year_figure_key_the_report_cannot_use_is_refused_with_a_suggestion():
    problem = year_figure_key_problem("taakstelling", "invoer")
    assert "Bedoelde u \"huisvesting.taakstelling\"?" in problem and "eigen.taakstelling" in problem
    assert year_figure_key_problem("huisvesting.taakstelling", "invoer") is None
    assert year_figure_key_problem("doel.koppelingen.taalcoach.gestart", "invoer") is None
    assert year_figure_key_problem("eigen.cursisten", "invoer") is None
    # A computed figure is typed in only to replace it or beside it.
    assert "berekent vwdesk zelf" in year_figure_key_problem("huisvesting.personen", "invoer")
    assert year_figure_key_problem("huisvesting.personen", "vervangt") is None


def test_the_typed_figures_a_template_uses_include_what_derived_figures_rest_on():
    keys = [w.key for w in typed_figures_used(default_template(), {})]
    assert "huisvesting.taakstelling" in keys  # behind huisvesting.saldo
    assert "doel.koppelingen.wegwijs.gestart" in keys  # behind gehaald.*
    assert "spreekuur.contacten" not in keys  # computed, never typed in
    assert all(w.definition for w in typed_figures_used(default_template(), {}))


def test_a_sentence_explained_and_every_figure_offered_in_words():
    meanings = placeholder_meanings("{spreekuur.contacten} bezoekers, {huisvesting.personen "
                                    "gemeente=Schiedam} gehuisvest")
    assert [w.key for w in meanings] == ["{spreekuur.contacten}",
                                        "{huisvesting.personen gemeente=Schiedam}"]
    assert all(w.definition.endswith(".") for w in meanings)
    choices = figure_choices(["wegwijs"])
    assert {"koppelingen.wegwijs.gestart", "spreekuur.contacten"} <= {w.key for w in choices}
    assert not any("<P>" in w.key for w in choices)


def test_a_sentence_in_words_names_its_figures_without_their_codes():
    from vwdesk.report.figure_words import sentence_in_words

    pieces = sentence_in_words("{spreekuur.contacten} {spreekuur.contacten|bezoeker|bezoekers} "
                               "({vorig_jaar}: {vorig.spreekuur.contacten}) "
                               "{huisvesting.saldo?<-10:een flinke achterstand|een voorsprong} "
                               "{doel.taalcentrum.bijeenkomsten} {{letterlijk}}")
    named = [p.text for p in pieces if p.code]
    assert named == ["contacten van soort spreekuur in het jaar", "bezoeker/bezoekers",
                     "het vorige jaar", "contacten van soort spreekuur in het jaar (vorig jaar)",
                     "een flinke achterstand/een voorsprong",
                     "doel: taalbijeenkomsten van het Taalcentrum"]
    assert pieces[0].code == "{spreekuur.contacten}"
    assert "".join(p.text for p in pieces if not p.code).endswith("{letterlijk}")
    assert not any("{" in name for name in named)


def test_a_sentence_that_cannot_be_read_is_shown_as_written():
    from vwdesk.report.figure_words import sentence_in_words

    assert [(p.text, p.code) for p in sentence_in_words("Er zijn {spreekuur.contacten")] == \
        [("Er zijn {spreekuur.contacten", None)]


def test_the_own_key_suggested_for_words_is_one_the_report_accepts():
    problem = year_figure_key_problem("aantal vrijwilligers", "invoer")
    assert "eigen.aantal_vrijwilligers." in problem
    assert year_figure_key_problem("eigen.aantal_vrijwilligers", "invoer") is None


def test_the_words_of_a_coupling_figure_name_its_programme():
    from vwdesk.report.figure_words import in_words, sentence_in_words

    wegwijs, taalcoach = (in_words(f"doel.koppelingen.{p}.gestart")
                          for p in ("wegwijs", "taalcoach"))
    assert wegwijs != taalcoach
    assert wegwijs.startswith("Doel (prestatieafspraak) voor: Koppelingen gestart in het jaar")
    assert "programma wegwijs" in wegwijs and "programma taalcoach" in taalcoach
    named = [p.text for p in sentence_in_words("{koppelingen.taalcoach.gestart} trajecten")
             if p.code]
    assert named == ["koppelingen gestart in het jaar (programma taalcoach)"]
    choices = {w.key: w.definition for w in figure_choices(["taalcoach", "wegwijs"])}
    assert choices["koppelingen.taalcoach.lopend"] != choices["koppelingen.wegwijs.lopend"]


def test_the_words_of_the_locations_own_figures_name_them():
    from vwdesk.report.figure_words import in_words

    cafe, visits = in_words("eigen.taalcafe.bezoekers"), in_words("eigen.huisbezoeken")
    assert cafe != visits and cafe.endswith(": taalcafe.bezoekers")
