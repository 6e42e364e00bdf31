"""A location's report template as a readable TOML file (export and import),
with Dutch keys so a teamleader can read and edit it (docs/templates.md)::

    versie = 1
    titel = "{locatie}: {jaar} in cijfers"

    [[sectie]]
    sleutel = "spreekuur"
    titel = "Spreekuur/infopunt"
    aan = true

    [[sectie.onderdeel]]
    id = "spreekuur.bezoekers"
    soort = "opsomming"
    tekst = "{spreekuur.contacten} bezoekers aan onze spreekuren"
    vergelijk = true

Reading checks the TOML syntax (tomllib), the structure (known keys, types)
and every placeholder; each problem is reported as "regel N: ..." in Dutch,
the line found by locating the offending key in the source text. A file may
start with a BOM (Windows Notepad writes one). Limits keep a hostile file
from taking minutes to read or to print: at most `MAX_TEXT_CHARS` characters
in all, `MAX_PLACEHOLDERS` placeholders in one text, and nesting only as deep
as TOML lets tomllib parse (deeper is refused, not a crash).
Writing uses a small emitter for this simple structure (strings, integers,
booleans, arrays of tables), so no TOML-writing library is needed.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from vwdesk.core.errors import ValidationError
from vwdesk.report.template import TEMPLATE_VERSION, check_template

# item kind in the template ↔ in the file
KIND_NAMES = {"prose": "tekst", "sentence": "zin", "bullet": "opsomming", "chart": "grafiek"}
KINDS_BY_NAME = {v: k for k, v in KIND_NAMES.items()}

# (file key, template key, type, required) per level; the order is the file's.
TOP_FIELDS = (("versie", "version", int, True), ("titel", "title", str, False))
SECTION_FIELDS = (("sleutel", "key", str, True), ("titel", "title", str, False),
                  ("aan", "enabled", bool, False))
ITEM_FIELDS = {
    "common": (("id", "id", str, True), ("soort", "kind", str, True),
               ("aan", "enabled", bool, False)),
    "prose": (("tekstvak", "text", str, True), ("standaardtekst", "default", str, False)),
    "sentence": (("tekst", "text", str, True), ("nieuwe_alinea", "new_paragraph", bool, False),
                 ("verberg_nul", "hide_zero", bool, False), ("vergelijk", "compare", bool, False)),
    "bullet": (("tekst", "text", str, True), ("verberg_nul", "hide_zero", bool, False),
               ("vergelijk", "compare", bool, False)),
    "chart": (("grafiek", "chart", str, True),),
}
TYPE_NAMES = {str: "een tekst tussen aanhalingstekens", int: "een heel getal",
              bool: "true of false"}
MAX_TEXT_CHARS = 200_000  # a whole template file (the standard one is ≈ 6,000)
MAX_PLACEHOLDERS = 100  # in one text of an item (the standard template's most: 4)

HEADER = """\
# Rapportsjabloon van vwdesk{location}: welke secties het jaarverslag toont, in welke
# volgorde, en de tekst van elke zin. Uitleg en voorbeelden: docs/templates.md.
#
# [[sectie]]              een sectie: sleutel, titel, aan (true/false)
# [[sectie.onderdeel]]    een onderdeel van de sectie erboven, met soort:
#   tekst      het tekstvak van de teamleider (tekstvak = naam; standaardtekst = als
#              er voor het jaar niets is ingevuld)
#   zin        een zin (tekst; nieuwe_alinea, verberg_nul, vergelijk: true/false)
#   opsomming  een opsommingsteken (tekst; verberg_nul, vergelijk)
#   grafiek    een grafiek (grafiek = naam)
# Plaatshouders in teksten: {{spreekuur.contacten}}, {{huisvesting.personen gemeente=Schiedam}},
# {{huisvesting.nationaliteiten top=3}}, {{juridisch.gh_nieuw|dossier|dossiers}}, ...
"""


# ---------------------------------------------------------------- writing

def toml_string(text: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return toml_string(str(value))


def _pairs(obj: dict[str, Any], fields) -> list[str]:
    return [f"{file_key} = {_toml_value(obj[key])}" for file_key, key, _, _ in fields
            if key in obj and obj[key] is not None]


def template_to_toml(template: dict[str, Any], location: str | None = None) -> str:
    """The template as TOML text (see the module docstring)."""
    lines = [HEADER.format(location=f" ({location})" if location else "")]
    top = {"version": template.get("version", TEMPLATE_VERSION), "title": template.get("title", "")}
    lines += _pairs(top, TOP_FIELDS)
    for section in template["sections"]:
        lines += ["", "[[sectie]]"]
        lines += _pairs({"enabled": True, **section}, SECTION_FIELDS)
        for item in section.get("items", []):
            kind = item["kind"]
            lines += ["", "[[sectie.onderdeel]]"]
            lines += _pairs({**item, "kind": KIND_NAMES.get(kind, kind)}, ITEM_FIELDS["common"])
            lines += _pairs(item, ITEM_FIELDS.get(kind, ()))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- reading

class TemplateFileError(ValidationError):
    """A template file with problems; `lines` holds one Dutch message per
    problem, each starting with "regel N"."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__({str(i): line for i, line in enumerate(lines)})


_TOML_MESSAGES = (  # tomllib's messages (prefixes) in Dutch
    ("Expected '=' after a key", "na een sleutel hoort een = met een waarde"),
    ("Invalid value", "ongeldige waarde; schrijf tekst tussen aanhalingstekens, een getal, "
                      "true of false"),
    ("Unterminated string", "een tekst zonder afsluitend aanhalingsteken \""),
    ("Illegal character '\\n'", "de tekst loopt door tot het eind van de regel: het "
                                  "afsluitende aanhalingsteken \" ontbreekt (een regeleinde "
                                  "in een tekst schrijft u als \\n)"),
    ("Illegal character", "een teken dat hier niet mag staan (een tekst met een regeleinde "
                          "schrijft u als \\n)"),
    ("Cannot overwrite a value", "deze sleutel staat hier al; elke sleutel mag één keer "
                                 "voorkomen"),
    ("Cannot declare", "deze tabel staat hier al; gebruik [[sectie]] en [[sectie.onderdeel]]"),
    ("Cannot mutate", "deze sleutel of tabel staat hier al"),
    ("Expected newline or end of document", "na een waarde hoort een nieuwe regel"),
    ("Invalid initial character for a key part", "ongeldige sleutel; een sleutel bestaat uit "
                                                 "letters, cijfers en _"),
    ("Unescaped '\\' in a string", "een losse \\ in een tekst; schrijf \\\\"),
    ("Unclosed array", "een lijst zonder afsluitende ]"),
    ("Expected ']]' at the end of an array declaration", "een tabelkop zonder afsluitende ]]"),
    ("Expected ']' at the end of a table declaration", "een tabelkop zonder afsluitende ]"),
)
_AT = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def _syntax_message(exc: tomllib.TOMLDecodeError, text: str) -> str:
    message = str(exc)
    where = _AT.search(message)
    dutch = next((nl for en, nl in _TOML_MESSAGES if message.startswith(en)),
                 "de opmaak klopt hier niet (zie de voorbeelden in docs/templates.md)")
    if where and where.group(1):
        return f"regel {where.group(1)}, kolom {where.group(2)}: {dutch}."
    return f"regel {text.count(chr(10)) + 1}: {dutch} (aan het eind van het bestand)."


_HEADER_LINE = re.compile(r"^\s*\[\[\s*(sectie|sectie\s*\.\s*onderdeel)\s*\]\]")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


class _Lines:
    """Where each table and key of the file is (1-based lines): tables are
    numbered in order, as tomllib builds the arrays of tables."""

    def __init__(self, text: str):
        self.text = text.splitlines()
        self.at: dict[tuple, int] = {}
        path: tuple = ()
        sections = -1
        items = -1
        in_multiline = False
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                in_multiline = line.count('"""') % 2 == 0 and line.count("'''") % 2 == 0
                continue
            header = _HEADER_LINE.match(line)
            if header:
                if "onderdeel" in header.group(1):
                    items += 1
                    path = (sections, items)
                else:
                    sections, items = sections + 1, -1
                    path = (sections,)
                self.at[path] = number
            elif key := _KEY_LINE.match(line):
                self.at.setdefault((*path, key.group(1).strip('"')), number)
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = True

    def of(self, *path) -> int:
        """The line of `path` (a key, or else its table, or else line 1)."""
        while path:
            if path in self.at:
                return self.at[path]
            path = path[:-1]
        return 1


def _check_fields(obj: dict[str, Any], fields, allowed: set[str], path: tuple, lines: _Lines,
                  what: str, errors: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in obj:
        if key not in allowed:
            names = ", ".join(sorted(allowed))
            errors.append(f"regel {lines.of(*path, key)}: onbekende sleutel `{key}` in {what}; "
                          f"toegestaan: {names}.")
    for file_key, key, typ, required in fields:
        if file_key not in obj:
            if required:
                errors.append(f"regel {lines.of(*path)}: in {what} ontbreekt `{file_key}`.")
            continue
        value = obj[file_key]
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            errors.append(f"regel {lines.of(*path, file_key)}: `{file_key}` moet "
                          f"{TYPE_NAMES[typ]} zijn.")
            continue
        out[key] = value
    return out


def toml_to_template(text: str, municipalities: list[str] | None = None) -> dict[str, Any]:
    """The template in a TOML text, checked; raises `TemplateFileError` with
    every problem on its line."""
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_TEXT_CHARS:
        limit = f"{MAX_TEXT_CHARS:,}".replace(",", ".")
        raise TemplateFileError([f"regel 1: het sjabloon is langer dan {limit} tekens; dat is "
                                 "geen rapportsjabloon (het standaardsjabloon is een paar "
                                 "duizend tekens)."])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateFileError([_syntax_message(exc, text)]) from None
    except RecursionError:
        raise TemplateFileError(["regel 1: lijsten of tabellen zijn te diep in elkaar "
                                 "genest; een sjabloon heeft alleen [[sectie]] en "
                                 "[[sectie.onderdeel]]."]) from None
    lines = _Lines(text)
    errors: list[str] = []
    top_allowed = {f for f, *_ in TOP_FIELDS} | {"sectie"}
    template = _check_fields(data, TOP_FIELDS, top_allowed, (), lines, "het sjabloon", errors)
    if str(template.get("title", "")).count("{") > MAX_PLACEHOLDERS:
        errors.append(f"regel {lines.of('titel')}: `titel` heeft meer dan {MAX_PLACEHOLDERS} "
                      "plaatshouders.")
        template.pop("title")
    if template.get("version", TEMPLATE_VERSION) != TEMPLATE_VERSION:
        errors.append(f"regel {lines.of('versie')}: versie {template['version']} ken ik niet; "
                      f"dit vwdesk leest versie {TEMPLATE_VERSION}.")
    raw_sections = data.get("sectie", [])
    if not isinstance(raw_sections, list) or not raw_sections:
        errors.append(f"regel {lines.of('sectie')}: het sjabloon heeft geen secties; begin een "
                      "sectie met [[sectie]].")
        raw_sections = []
    template["sections"] = []
    where: dict[str, tuple] = {}  # item id or section key → path, for the template check
    for s_i, raw in enumerate(raw_sections):
        if not isinstance(raw, dict):
            errors.append(f"regel {lines.of('sectie')}: `sectie` moet een lijst van "
                          "[[sectie]]-tabellen zijn.")
            continue
        allowed = {f for f, *_ in SECTION_FIELDS} | {"onderdeel"}
        name = f"sectie \"{raw['sleutel']}\"" if isinstance(raw.get("sleutel"), str) \
            else f"sectie {s_i + 1}"
        section = _check_fields(raw, SECTION_FIELDS, allowed, (s_i,), lines, name, errors)
        section.setdefault("enabled", True)
        section.setdefault("title", "")
        where.setdefault(section.get("key", ""), (s_i, "titel"))
        section["items"] = []
        raw_items = raw.get("onderdeel", [])
        if not isinstance(raw_items, list):
            errors.append(f"regel {lines.of(s_i, 'onderdeel')}: `onderdeel` moet een lijst van "
                          "[[sectie.onderdeel]]-tabellen zijn, geen losse waarde.")
            raw_items = []
        for i_i, raw_item in enumerate(raw_items):
            item = _read_item(raw_item, (s_i, i_i), lines, errors)
            if item is not None:
                where[item["id"]] = (s_i, i_i, "grafiek" if item["kind"] == "chart" else
                                     "standaardtekst" if item["kind"] == "prose" else "tekst")
                section["items"].append(item)
        template["sections"].append(section)
    template.setdefault("version", TEMPLATE_VERSION)
    template.setdefault("title", "{locatie}: {jaar} in cijfers")
    for item_id, message in check_template(template, municipalities).items():
        path = (item_id and where.get(item_id)) or ("titel",)
        if message.startswith("Onderdeel") and len(path) == 3:  # a duplicate id
            path = (*path[:2], "id")
        errors.append(f"{_position(lines, lines.of(*path), message)}: {_lower_first(message)}")
    if errors:
        raise TemplateFileError(sorted(errors, key=lambda e: int(re.findall(r"\d+", e)[0])))
    return template


def _read_item(raw: Any, path: tuple, lines: _Lines, errors: list[str]) -> dict[str, Any] | None:
    what = f"onderdeel {path[1] + 1} van sectie {path[0] + 1}"
    if not isinstance(raw, dict):
        errors.append(f"regel {lines.of(*path[:1], 'onderdeel')}: `onderdeel` moet een lijst "
                      "van [[sectie.onderdeel]]-tabellen zijn.")
        return None
    kind_name = raw.get("soort")
    kind = KINDS_BY_NAME.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None and "soort" in raw:
        errors.append(f"regel {lines.of(*path, 'soort')}: soort \"{kind_name}\" bestaat niet; "
                      f"kies uit: {', '.join(KINDS_BY_NAME)}.")
        return None
    fields = ITEM_FIELDS["common"] + ITEM_FIELDS.get(kind or "", ())
    allowed = {f for f, *_ in fields}
    item = _check_fields(raw, fields, allowed, path, lines, what, errors)
    if kind is None or "id" not in item:
        return None
    item["kind"] = kind
    item.setdefault("enabled", True)
    if kind == "prose" and len(item.get("text", "")) > 32:
        errors.append(f"regel {lines.of(*path, 'tekstvak')}: de naam van een tekstvak is "
                      "hoogstens 32 tekens lang.")
    for file_key, key, typ, _required in fields:
        if typ is str and str(item.get(key, "")).count("{") > MAX_PLACEHOLDERS:
            errors.append(f"regel {lines.of(*path, file_key)}: `{file_key}` heeft meer dan "
                          f"{MAX_PLACEHOLDERS} plaatshouders; verdeel de tekst over meer "
                          "zinnen.")
            return None
    return item


_KEY_IN_MESSAGE = re.compile(r"\{([\w.\-]+)")
_PARAM_IN_MESSAGE = re.compile(r"(?<=^Parameter )\w+=\S+(?= past niet)")


def _position(lines: _Lines, number: int, message: str) -> str:
    """"regel N", with ", kolom M" when the placeholder the message names is
    on that line."""
    found = _KEY_IN_MESSAGE.search(message) or _PARAM_IN_MESSAGE.search(message)
    if found and 0 < number <= len(lines.text):
        line = lines.text[number - 1]
        column = line.find(found.group(0))
        if found.re is _PARAM_IN_MESSAGE:  # the placeholder holding the parameter
            column = line.rfind("{", 0, column)
        if column >= 0:
            return f"regel {number}, kolom {column + 1}"
    return f"regel {number}"


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]
