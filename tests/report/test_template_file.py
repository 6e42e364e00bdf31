"""Template files: TOML export and import with line-accurate Dutch errors,
the shipped examples, and `vwdesk template export|import`."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from vwdesk.cli import main
from vwdesk.core import models as m
from vwdesk.report.standard import default_template
from vwdesk.report.template_file import (
    TemplateFileError,
    template_to_toml,
    toml_string,
    toml_to_template,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "report-templates"


@pytest.mark.parametrize("text", ["", "gewoon", 'aan "hal" en \\ backslash', "regel\nnieuw\ttab",
                                  "bel\x07", "ë ü 🙂 {x|a|b}", '"""', "\\n letterlijk"])
def test_strings_survive_the_emitter(text):
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


def test_default_template_round_trips():
    template = default_template()
    template["sections"][0]["items"][0]["default"] = "Welkom.\nTweede regel met \"citaat\"."
    template["sections"][2]["enabled"] = False
    assert toml_to_template(template_to_toml(template, "Testdorp")) == template


@pytest.mark.parametrize("name", ["vlaardingen", "maassluis", "standaard"])
def test_shipped_examples_are_valid(name):
    template = toml_to_template((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))
    assert len(template["sections"]) > 5


def test_shipped_seed_examples_equal_the_demo_templates():
    from vwdesk.demo.templates import TEMPLATES

    for name in ("Vlaardingen", "Maassluis"):
        text = (EXAMPLES / f"{name.lower()}.toml").read_text(encoding="utf-8")
        assert toml_to_template(text) == TEMPLATES[name]()


SMALL = '''\
versie = 1
titel = "{locatie} in {jaar}"

[[sectie]]
sleutel = "huisvesting"

[[sectie.onderdeel]]
id = "h.personen"
soort = "opsomming"
tekst = "{huisvesting.personen gemeente=Schiedam} in Schiedam"
vergelijk = true

[[sectie.onderdeel]]
id = "h.tekst"
soort = "tekst"
tekstvak = "huisvesting"
standaardtekst = "Nog geen tekst."
'''


def test_a_hand_written_file_is_read_with_defaults():
    template = toml_to_template(SMALL, ["Schiedam"])
    section = template["sections"][0]
    assert (section["key"], section["title"], section["enabled"]) == ("huisvesting", "", True)
    assert section["items"][0] == {"id": "h.personen", "kind": "bullet", "enabled": True,
                                   "text": "{huisvesting.personen gemeente=Schiedam} in Schiedam",
                                   "compare": True}
    assert section["items"][1]["default"] == "Nog geen tekst."


@pytest.mark.parametrize("change, messages", [
    (("vergelijk = true", "vergelijk = ja"),
     "regel 11, kolom 13: ongeldige waarde; schrijf tekst tussen aanhalingstekens, een getal, "
     "true of false."),
    (("in Schiedam\"", "in Schiedam"),
     "regel 10, kolom 62: de tekst loopt door tot het eind van de regel: het afsluitende "
     "aanhalingsteken \" ontbreekt (een regeleinde in een tekst schrijft u als \\n)."),
    (("sleutel = \"huisvesting\"", "sleutel = \"huisvesting\"\nsleutel = \"x\""),
     "regel 6, kolom 14: deze sleutel staat hier al; elke sleutel mag één keer voorkomen."),
    (("vergelijk = true", "vergelijk = \"true\""), "regel 11: `vergelijk` moet true of false zijn."),
    (("soort = \"tekst\"", "soort = \"proza\""),
     "regel 15: soort \"proza\" bestaat niet; kies uit: tekst, zin, opsomming, grafiek."),
    (("tekstvak", "tekstveld"),
     ["regel 13: in onderdeel 2 van sectie 1 ontbreekt `tekstvak`.",
      "regel 16: onbekende sleutel `tekstveld` in onderdeel 2 van sectie 1; toegestaan: aan, id, "
      "soort, standaardtekst, tekstvak."]),
    (("gemeente=Schiedam", "gemeente=Rotterdam"),
     "regel 10, kolom 10: parameter gemeente=Rotterdam past niet: deze locatie bedient de "
     "gemeenten Schiedam."),
    (("{huisvesting.personen gemeente", "{huisvesting.persoon gemeente"),
     "regel 10, kolom 10: onbekend cijfer `{huisvesting.persoon}`; bedoelde u "
     "`{huisvesting.personen}`?"),
    (("versie = 1", "versie = 2"), "regel 1: versie 2 ken ik niet; dit vwdesk leest versie 1."),
    (("id = \"h.tekst\"", "id = \"h.personen\""),
     "regel 14: onderdeel \"h.personen\" komt twee keer voor; geef elk een eigen naam."),
])
def test_errors_name_the_line_in_dutch(change, messages):
    messages = [messages] if isinstance(messages, str) else messages
    with pytest.raises(TemplateFileError) as exc:
        toml_to_template(SMALL.replace(*change), ["Schiedam"])
    assert exc.value.lines == list(messages)


def test_every_problem_is_reported_in_line_order():
    text = SMALL.replace("soort = \"tekst\"", "soort = \"proza\"").replace(
        "vergelijk = true", "vergelijk = 1")
    with pytest.raises(TemplateFileError) as exc:
        toml_to_template(text)
    assert [line.split(":")[0] for line in exc.value.lines] == ["regel 11", "regel 15"]


@pytest.fixture
def demo_file(demo_db, tmp_path):
    with demo_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_db.engine.url.database, path)
    return str(path)


def test_cli_export_edit_import(demo_file, tmp_path, capsys):
    out = tmp_path / "maassluis.toml"
    assert main(["template", "export", "--database", demo_file, "--location", "Maassluis",
                 str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "[[sectie]]" in text and "sleutel = \"spreekuur\"" in text
    edited = text.replace("aan onze spreekuren", "op het spreekuur")
    assert edited != text
    out.write_text(edited, encoding="utf-8")
    assert main(["template", "import", "--database", demo_file, "--location", "Maassluis",
                 str(out)]) == 0
    from vwdesk.core.db import Database

    db = Database(f"sqlite:///{demo_file}")
    with db.session() as s:
        from sqlalchemy import select

        template = s.scalar(select(m.Location.report_template).where(m.Location.name == "Maassluis"))
    db.close()
    texts = [i.get("text") for sec in template["sections"] for i in sec["items"]]
    assert any("op het spreekuur" in (t or "") for t in texts)


def test_cli_import_reports_errors_with_lines_and_changes_nothing(demo_file, tmp_path, capsys):
    bad = tmp_path / "fout.toml"
    bad.write_text(SMALL.replace("{huisvesting.personen gemeente=Schiedam}",
                                 "{huisvesting.personen top=abc}"), encoding="utf-8")
    assert main(["template", "import", "--database", demo_file, "--location", "Vlaardingen",
                 str(bad)]) == 2
    err = capsys.readouterr().err
    assert "regel 10, kolom 10: parameter `top` past niet bij `{huisvesting.personen}`" in err
    assert main(["template", "import", "--database", demo_file, "--location", "Vlaardingen",
                 str(tmp_path / "weg.toml")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_shipped_default_is_the_template_of_a_new_location(office):
    from vwdesk.core.services.base import create
    from vwdesk.report import make_report

    text = (EXAMPLES / "standaard.toml").read_text(encoding="utf-8")
    assert toml_to_template(text) == default_template()
    with office.db.session() as s:
        w = create(s, office.teamleader, "dwellings", office.location_id,
                   {"number": "W1", "available_on": dt.date(2018, 1, 1)}).id
        for i, amv in enumerate((True, False)):
            create(s, office.teamleader, "clients", office.location_id,
                   {"number": f"N{i}", "housed_on": dt.date(2018, 3, 1),
                    "dwelling_id": w, "amv": amv})
    text = make_report(office.db, office.location_id, 2018).rendered.plain_text()
    assert " • 1 alleenstaande minderjarige (AMV)" in text
    assert " • 1 nieuw huishouden: 0 van één persoon, 1 van meer personen" in text
    assert "Computerlessen" not in text  # a section without data is left out
