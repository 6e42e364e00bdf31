"""The shipped nationality table: ISO 3166-1 alpha-2 codes with Dutch names.

The data lives in ``data/nationalities.csv`` (columns ``code``, ``land``,
``inwoners``, ``inwoner``, ``bijvoeglijk``): one row per ISO 3166-1 country or territory,
plus ``XX`` for stateless people. This module is free of Qt.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = [
    "STATELESS",
    "Nationality",
    "all_nationalities",
    "by_code",
    "parse_nationality",
]

#: Code used for stateless people (a user-assigned ISO 3166-1 code).
STATELESS = "XX"

_COLUMNS = ("code", "land", "inwoners", "inwoner", "bijvoeglijk")


@dataclass(frozen=True, slots=True)
class Nationality:
    """One row of the nationality table.

    ``country`` is the Dutch country name ("Syrië"), ``demonym`` the Dutch
    plural name of its inhabitants ("Syriërs"), ``singular`` one of them
    ("Syriër") and ``adjective`` the Dutch adjective in its inflected form
    ("Syrische").
    """

    code: str
    country: str
    demonym: str
    singular: str
    adjective: str


def _fold(text: str) -> str:
    """Casefold ``text`` and strip accents ("Oekraïne" -> "oekraine")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _match_key(text: str) -> str:
    """Key for lenient matching: folded, hyphens as spaces, spaces collapsed."""
    return " ".join(_fold(text).replace("-", " ").split())


def _sort_key(nationality: Nationality) -> tuple[str, str]:
    return (_fold(nationality.country), nationality.code)


@cache
def all_nationalities() -> list[Nationality]:
    """All nationalities, sorted by Dutch country name (locale-independent).

    The list is cached; callers must not modify it.
    """
    resource = files("vwdesk.core") / "data" / "nationalities.csv"
    reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8")))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(
            f"nationalities.csv: expected header {','.join(_COLUMNS)}, "
            f"got {reader.fieldnames!r}"
        )
    result = [
        Nationality(
            code=row["code"].strip().upper(),
            country=row["land"].strip(),
            demonym=row["inwoners"].strip(),
            singular=row["inwoner"].strip(),
            adjective=row["bijvoeglijk"].strip(),
        )
        for row in reader
    ]
    result.sort(key=_sort_key)
    return result


@cache
def _by_code_index() -> dict[str, Nationality]:
    return {n.code: n for n in all_nationalities()}


@cache
def _name_indexes() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Match-key -> code, for country names and for demonyms/adjectives.

    A key shared by several codes (e.g. "Congolezen" for both Congos) maps to
    None, so that an ambiguous input is never silently resolved to one of them.
    """
    countries: dict[str, str | None] = {}
    people: dict[str, str | None] = {}

    def add(index: dict[str, str | None], text: str, code: str) -> None:
        key = _match_key(text)
        if key in index and index[key] != code:
            index[key] = None
        else:
            index[key] = code

    for n in all_nationalities():
        add(countries, n.country, n.code)
        add(people, n.demonym, n.code)
        add(people, n.singular, n.code)
        add(people, n.adjective, n.code)
    return countries, people


def by_code(code: str) -> Nationality | None:
    """The nationality with ISO alpha-2 ``code`` (case-insensitive), or None."""
    return _by_code_index().get(code.strip().upper())


def parse_nationality(text: str) -> str | None:
    """Interpret user input as a nationality and return its code, or None.

    Accepts an ISO alpha-2 code ("SY", "sy"), a Dutch country name ("Syrië"),
    demonym ("Syriërs") or adjective ("Syrische"), compared without regard to
    case, accents, hyphens and surrounding or repeated spaces ("syrie",
    " SY ", "zuid soedan", "staatloos"). A country name wins over a demonym or
    adjective; a demonym or adjective shared by several countries (such as
    "Congolese") is ambiguous and gives None.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if len(stripped) == 2 and stripped.isascii() and stripped.isalpha():
        found = by_code(stripped)
        if found is not None:
            return found.code
    key = _match_key(stripped)
    countries, people = _name_indexes()
    if key in countries:
        return countries[key]
    return people.get(key)
