"""Hostile template files: refused with a Dutch line, never a traceback, and
never minutes of work (issue 13, Low findings)."""

from __future__ import annotations

import pytest

from vwdesk.report.standard import default_template
from vwdesk.report.template_file import (
    TemplateFileError,
    template_to_toml,
    toml_to_template,
)


def _problems(text: str) -> list[str]:
    with pytest.raises(TemplateFileError) as err:
        toml_to_template(text)
    return err.value.lines


def test_a_template_starting_with_a_bom_is_read():
    text = template_to_toml(default_template())
    assert toml_to_template("\ufeff" + text) == toml_to_template(text)


def test_deep_nesting_is_refused():
    lines = _problems("versie = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert len(lines) == 1 and lines[0].startswith("regel 1: ")


def test_deep_nesting_within_the_size_limit_is_refused():
    lines = _problems("versie = 1\nx = " + "[" * 5_000 + "]" * 5_000 + "\n")
    assert lines == ["regel 1: lijsten of tabellen zijn te diep in elkaar genest; een sjabloon "
                     "heeft alleen [[sectie]] en [[sectie.onderdeel]]."]


def test_an_item_that_is_not_a_table():
    lines = _problems('versie = 1\n\n[[sectie]]\nsleutel = "spreekuur"\nonderdeel = 5\n')
    assert lines == ["regel 5: `onderdeel` moet een lijst van [[sectie.onderdeel]]-tabellen "
                     "zijn, geen losse waarde."]


def test_sections_that_are_not_tables():
    lines = _problems('versie = 1\nsectie = [1, 2]\n')
    assert lines and all("`sectie` moet een lijst van [[sectie]]-tabellen" in x for x in lines)


def test_a_sentence_with_too_many_placeholders():
    text = ('versie = 1\n\n[[sectie]]\nsleutel = "spreekuur"\n\n[[sectie.onderdeel]]\n'
            'id = "spreekuur.x"\nsoort = "zin"\ntekst = "' + "{spreekuur.contacten}" * 101
            + '"\n')
    assert _problems(text) == ["regel 9: `tekst` heeft meer dan 100 plaatshouders; verdeel de "
                               "tekst over meer zinnen."]


def test_a_huge_file_is_refused_before_parsing():
    lines = _problems('versie = 1\ntitel = "' + "{jaar}" * 200_000 + '"\n')
    assert lines == ["regel 1: het sjabloon is langer dan 200.000 tekens; dat is geen "
                     "rapportsjabloon (het standaardsjabloon is een paar duizend tekens)."]
