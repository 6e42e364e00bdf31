"""Tests for the shipped nationality table (vwdesk.core.nationalities)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest

from vwdesk.core.nationalities import (
    STATELESS,
    Nationality,
    all_nationalities,
    by_code,
    parse_nationality,
)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- the table ---------------------------------------------------------------


def test_codes_are_two_uppercase_letters_and_unique() -> None:
    codes = [n.code for n in all_nationalities()]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert len(codes) == len(set(codes))


def test_covers_iso_3166_1_plus_stateless() -> None:
    codes = {n.code for n in all_nationalities()}
    # The 249 ISO 3166-1 entries (as of 2024) plus XX for stateless people.
    assert len(codes) == 251
    assert {"NL", "SY", "ER", "AF", "CD", "SS", "PS", "BQ", "SX"} <= codes
    assert STATELESS in codes


def test_no_empty_fields() -> None:
    for n in all_nationalities():
        assert n.country and n.demonym and n.adjective, n


def test_all_nationalities_is_sorted_by_folded_country_name() -> None:
    keys = [_folded(n.country) for n in all_nationalities()]
    assert keys == sorted(keys)
    # Locale-independent: accented initials sort with their base letter.
    countries = [n.country for n in all_nationalities()]
    assert countries.index("Ålandeilanden") < countries.index("Albanië")


def test_nationality_is_frozen() -> None:
    nl = by_code("NL")
    assert isinstance(nl, Nationality)
    with pytest.raises(dataclasses.FrozenInstanceError):
        nl.country = "Holland"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("code", "country", "demonym", "singular", "adjective"),
    [
        ("SY", "Syrië", "Syriërs", "Syriër", "Syrische"),
        ("ER", "Eritrea", "Eritreeërs", "Eritreeër", "Eritrese"),
        ("AF", "Afghanistan", "Afghanen", "Afghaan", "Afghaanse"),
        ("IQ", "Irak", "Irakezen", "Irakees", "Iraakse"),
        ("IR", "Iran", "Iraniërs", "Iraniër", "Iraanse"),
        ("SO", "Somalië", "Somaliërs", "Somaliër", "Somalische"),
        ("ET", "Ethiopië", "Ethiopiërs", "Ethiopiër", "Ethiopische"),
        ("YE", "Jemen", "Jemenieten", "Jemeniet", "Jemenitische"),
        ("SD", "Soedan", "Soedanezen", "Soedanees", "Soedanese"),
        ("TR", "Turkije", "Turken", "Turk", "Turkse"),
        ("NL", "Nederland", "Nederlanders", "Nederlander", "Nederlandse"),
        ("MA", "Marokko", "Marokkanen", "Marokkaan", "Marokkaanse"),
        ("PL", "Polen", "Polen", "Pool", "Poolse"),
        ("PT", "Portugal", "Portugezen", "Portugees", "Portugese"),
        ("UA", "Oekraïne", "Oekraïners", "Oekraïner", "Oekraïense"),
        ("PS", "Palestina", "Palestijnen", "Palestijn", "Palestijnse"),
        ("SS", "Zuid-Soedan", "Zuid-Soedanezen", "Zuid-Soedanees", "Zuid-Soedanese"),
        ("CD", "Congo-Kinshasa", "Congolezen", "Congolees", "Congolese"),
        ("XX", "staatloos", "staatlozen", "staatloze", "staatloze"),
    ],
)
def test_known_rows(code: str, country: str, demonym: str, singular: str,
                    adjective: str) -> None:
    assert by_code(code) == Nationality(code, country, demonym, singular, adjective)


def test_fields_with_commas_are_read_whole() -> None:
    bq = by_code("BQ")
    assert bq is not None
    assert bq.country == "Bonaire, Sint Eustatius en Saba"


# --- lookups -----------------------------------------------------------------


def test_by_code_is_case_insensitive() -> None:
    assert by_code("sy") == by_code("SY")
    assert by_code("sy") is not None
    assert by_code("QQ") is None
    assert by_code("") is None


def test_stateless_constant() -> None:
    assert STATELESS == "XX"
    stateless = by_code(STATELESS)
    assert stateless is not None and stateless.country == "staatloos"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO code, any case, surrounding spaces.
        ("SY", "SY"),
        ("sy", "SY"),
        (" SY ", "SY"),
        ("xx", "XX"),
        # Country name, with and without accents.
        ("Syrië", "SY"),
        ("syrie", "SY"),
        ("SYRIË", "SY"),
        ("  Oekraine ", "UA"),
        ("oekraïne", "UA"),
        ("Congo-Kinshasa", "CD"),
        ("zuid soedan", "SS"),
        ("Ålandeilanden", "AX"),
        ("alandeilanden", "AX"),
        # Demonym.
        ("Syriërs", "SY"),
        ("eritreeers", "ER"),
        ("Afghanen", "AF"),
        ("Polen", "PL"),
        # Adjective.
        ("Syrische", "SY"),
        ("eritrese", "ER"),
        ("Iraakse", "IQ"),
        ("Oekraiense", "UA"),
        # Stateless.
        ("staatloos", "XX"),
        ("Staatlozen", "XX"),
        ("staatloze", "XX"),
    ],
)
def test_parse_nationality_known(text: str, expected: str) -> None:
    assert parse_nationality(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "QQ",  # not an assigned code
        "Atlantis",
        "Syr",  # no prefix matching
        "Syrië Irak",
        # Shared by two countries: ambiguous, so not guessed.
        "Congolezen",
        "Dominicaanse",
    ],
)
def test_parse_nationality_unknown(text: str) -> None:
    assert parse_nationality(text) is None


def test_every_row_parses_back_to_its_code() -> None:
    for n in all_nationalities():
        assert parse_nationality(n.code) == n.code
        assert parse_nationality(n.country) == n.code
