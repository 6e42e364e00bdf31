"""The report template: wording, Dutch singular/plural, switches, checks of
placeholders, saving prose and templates through the write path."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, ValidationError
from vwdesk.report.figures import Figures
from vwdesk.report.groups import Groups
from vwdesk.report.store import load_template, load_texts, save_template, save_text
from vwdesk.report.standard import default_item, default_template
from vwdesk.report.template import (
    check_template,
    check_text,
    fill,
    render,
    render_sentence,
)


def figs(year=2018, **values):
    return Figures(1, "Vlaardingen", year, {k.replace("__", "."): v for k, v in values.items()})


def test_singular_and_plural():
    assert render_sentence(default_item("juridisch.gh_nieuw"), figs(juridisch__gh_nieuw=1)) \
        == "1 nieuw dossier gezinshereniging in 2018"
    assert render_sentence(default_item("juridisch.gh_nieuw"), figs(juridisch__gh_nieuw=27)) \
        == "27 nieuwe dossiers gezinshereniging in 2018"
    f = figs(**{"koppelingen.wegwijs.coaches": 1})
    assert render_sentence(default_item("koppelingen.wegwijs.coaches"), f) \
        == "Het traject is in 2018 uitgevoerd door 1 vrijwilliger."
    f = figs(**{"koppelingen.wegwijs.wachtlijst": 1})
    assert render_sentence(default_item("koppelingen.wegwijs.wachtlijst"), f) \
        == "Er staat 1 kandidaat op een wachtlijst."


def test_backlog_or_lead_by_the_sign_of_the_balance():
    item = default_item("huisvesting.saldo")
    assert "een achterstand (van 8)" in render_sentence(item, figs(huisvesting__saldo=-8))
    assert "een voorsprong (van 46)" in render_sentence(item, figs(huisvesting__saldo=46))


def test_lists_join_with_en_and_number_words():
    f = figs(juridisch__gh_herenigd=7,
             juridisch__gh_herenigd_nationaliteiten=Groups([["SY", 4], ["ER", 3]], "bijvoeglijk"))
    assert render_sentence(default_item("juridisch.herenigd"), f) == (
        "In 2018 heeft VluchtelingenWerk kunnen helpen bij het herenigen van 7 gezinnen: "
        "4 Syrische en 3 Eritrese.")
    three = figs(x=Groups([["a", 1], ["b", 2], ["c", 3]]))
    three.values["huisvesting.nationaliteiten"] = three.values.pop("x")
    assert fill("{huisvesting.nationaliteiten}", three) == "1 a, 2 b en 3 c"
    two = figs(**{"koppelingen.taalcoach.coaches": 2})
    assert render_sentence(default_item("taalcoach.coaches"), two) == (
        "In 2018 zijn twee medewerkers als taalcoaches werkzaam bij VluchtelingenWerk.")


def test_zero_and_unknown_figures_leave_a_sentence_out():
    assert render_sentence(default_item("mb.zelfmelders"), figs(mb__zelfmelders=0)) is None
    assert render_sentence(default_item("mb.zelfmelders"), figs(mb__zelfmelders=1)) \
        == "1 gestart traject mb, zelfmelders"
    # no target typed in: the target sentence is left out
    assert render_sentence(default_item("taalcentrum.doel"), figs()) is None


def test_comparison_is_a_parenthetical_after_the_sentence():
    f = figs(spreekuur__contacten=552)
    f.previous = figs(2017, spreekuur__contacten=316)
    assert render_sentence(default_item("spreekuur.bezoekers"), f) == \
        "552 bezoekers aan onze spreekuren (2017: 316)"


@pytest.mark.parametrize("text, fragment", [
    ("{spreekuur.bezoekers}", "Onbekend cijfer"),
    ("{spreekuur.contacten", "zonder bijbehorende"),
    ("spreekuur.contacten}", "niet in balans"),
    ("{juridisch.gh_nieuw|dossier}", "precies twee woorden"),
    ("{huisvesting.saldo?plus}", "twee of drie woorden"),
    ("{huisvesting.saldo:romeins}", "bestaat niet"),
])
def test_wrong_placeholders_are_explained_in_dutch(text, fragment):
    assert fragment in check_text(text)


def test_good_placeholders_pass():
    for text in ("{jaar} {locatie} {vorig_jaar}", "{koppelingen.buurtmaatje.gestart}",
                 "{doel.taalcentrum.bijeenkomsten}", "{gehaald.koppelingen.wegwijs.gestart?ja|nee}",
                 "{huisvesting.saldo:abs}", "{officieel.huisvesting.personen}"):
        assert check_text(text) is None, text
    assert check_template(default_template()) == {}


def test_doubled_braces_write_literal_braces():
    assert fill("{{jaar}} is {jaar}; {{{jaar}}} en }}", figs()) == "{jaar} is 2018; {2018} en }"
    assert check_text("Zo schrijft u een accolade: {{ en }}.") is None
    assert "niet in balans" in check_text("{{jaar}")
    # a doubled brace inside a placeholder breaks it: refused, never printed half-filled
    for text in ("{jaar{{}", "In {huisvesting.personen gemeente={{Schiedam}}} jaar", "{a {b} c}"):
        assert check_text(text) is not None, text


def test_render_switches_sections_and_sentences_off_and_leaves_empty_ones_out():
    t = default_template()
    for sec in t["sections"]:
        if sec["key"] == "juridisch":
            sec["enabled"] = False
        for item in sec["items"]:
            if item["id"] == "spreekuur.top":
                item["enabled"] = False
    f = figs(spreekuur__contacten=3, spreekuur__top_onderwerp="werk", juridisch__gh_nieuw=2)
    report = render(t, f, {"arbeid": "Over werk.\n• punt een\n• punt twee",
                           "intro": "In {jaar}: {spreekuur.contacten} contacten, {onbekend.x}."})
    keys = [s.key for s in report.sections]
    assert "juridisch" not in keys and "mb" not in keys  # switched off / nothing to show
    assert "spreekuur" in keys and "arbeid" in keys
    text = report.plain_text()
    assert "De meeste vragen" not in text
    assert "In 2018: 3 contacten, —." in text
    arbeid = next(s for s in report.sections if s.key == "arbeid")
    assert [b.kind for b in arbeid.blocks] == ["para", "bullets"]
    assert arbeid.blocks[1].items == ["punt een", "punt twee"]


def test_save_text_creates_updates_and_checks_placeholders(office):
    with office.db.session() as s:
        save_text(s, office.teamleader, office.location_id, 2018, "spreekuur", "Eerste {jaar}.")
    with office.db.session() as s:
        save_text(s, office.teamleader, office.location_id, 2018, "spreekuur", "Tweede.")
        assert load_texts(s, office.location_id, 2018) == {"spreekuur": "Tweede."}
        audits = s.scalars(select(m.AuditEntry.action).where(
            m.AuditEntry.table_name == "report_texts")).all()
        assert audits == ["create", "update"]
    with pytest.raises(ValidationError) as err, office.db.session() as s:
        save_text(s, office.teamleader, office.location_id, 2018, "spreekuur", "{fout.sleutel}")
    assert "text" in err.value.errors
    with pytest.raises(AccessDenied), office.db.session() as s:
        save_text(s, office.volunteer, office.location_id, 2018, "spreekuur", "Mag niet.")


def test_save_template_checks_every_sentence_and_needs_a_teamleader(office):
    with office.db.session() as s:
        t = load_template(s, office.location_id)
    assert t == default_template()
    item = t["sections"][2]["items"][1]
    item["text"] = "{spreekuur.contacten} mensen op het spreekuur"
    with office.db.session() as s:
        save_template(s, office.teamleader, office.location_id, t)
    with office.db.session() as s:
        assert load_template(s, office.location_id)["sections"][2]["items"][1]["text"] \
            == "{spreekuur.contacten} mensen op het spreekuur"
    item["text"] = "{spreekuur.mensen} op het spreekuur"
    with pytest.raises(ValidationError) as err, office.db.session() as s:
        save_template(s, office.teamleader, office.location_id, t)
    assert item["id"] in err.value.errors
    with pytest.raises(AccessDenied), office.db.session() as s:
        save_template(s, office.volunteer, office.location_id, default_template())
