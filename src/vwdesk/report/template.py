"""The report template: which sections a location shows, in which order, and
the wording of every figure sentence; and filling it in with the figures.

Format (JSON-serialisable, stored in `Location.report_template`)::

    {"version": 1,
     "title": "{locatie}: {jaar} in cijfers",
     "sections": [
       {"key": "spreekuur", "title": "Spreekuur/infopunt", "enabled": true,
        "items": [
          {"id": "spreekuur.tekst", "kind": "prose", "text": "spreekuur"},
          {"id": "spreekuur.bezoekers", "kind": "bullet", "enabled": true,
           "text": "{spreekuur.contacten} bezoekers aan onze spreekuren",
           "compare": true},
          {"id": "spreekuur.top", "kind": "sentence", "new_paragraph": true,
           "text": "De meeste vragen gaan over {spreekuur.top_onderwerp}."},
          {"id": "spreekuur.grafiek_maand", "kind": "chart", "chart": "contacten_per_maand"}]}]}

Item kinds: `prose` (the teamleader's text for this year: the `ReportText`
whose section is `text`; placeholders filled in), `sentence` (joins the
paragraph before it unless `new_paragraph`), `bullet`, and `chart` (one of
`vwdesk.report.charts.CHARTS`). Every item may be switched off
(`"enabled": false`); so may a section.

Placeholders in sentences and prose:
`{key}` the value of a figure (or `jaar`, `vorig_jaar`, `locatie`);
`{key name=value ...}` with parameters: filters such as `gemeente=Schiedam
half=1 geslacht=v leeftijd=kind` (which a figure takes: `vwdesk.report.registry`),
`top=3` / `vanaf=2` for places of a ranked list (ties kept), `waarvan=` a
nested split, `jaar=vorig` for the year before, `jaar=volgend` for a typed-in
figure of the year after;
`{key:abs}` its absolute value; `{key:woord}` as Dutch words ("tien",
"tweeëntwintig", up to 9999); `{key:procent}` a ranked list in percent;
`{key|enkelvoud|meervoud}` the first word when the value is 1 (a list: when it
has one group), else the second;
`{key?positief|negatief}` or `{key?positief|negatief|nul}` by the sign.
A prose item may carry a `default` text, shown when nothing was written for
the year. The file form of a template (TOML) is in `template_file`; the standard
template in `standard`.
A sentence is left out when one of its figures is unknown, or, with
`"hide_zero": true`, when its first figure is 0. `"compare": true` appends the
previous year's value of its first figure, e.g. "552 bezoekers aan onze
spreekuren (2017: 316)" - a parenthetical after the sentence, so the wording
itself stays as written. A section without prose and without any shown
sentence or chart is left out.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from vwdesk.report.groups import Groups, first_places, label
from vwdesk.report.registry import (
    REGISTRY,
    SPECIAL_KEYS,
    allowed_params,
    find_definition,
    is_known_key,
    is_typed,
    parts_of,
    spec_of,
    values_of,
)
from vwdesk.report.dutch import (
    WORD_LIMIT,
    format_number,
    join_dutch,
    number_word,
    ranked_text,
)
from vwdesk.report.figures import Figures, Value
from vwdesk.report.params import PERIOD_PARAMS, Request, filters_of

RANKED_KEYS = tuple(s.key for s in REGISTRY.values() if s.kind == "lijst" and not s.derive)

TEMPLATE_VERSION = 1
# A placeholder, or a doubled brace: `{{` and `}}` write a literal { and }.
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_VALUE = r'(?:"[^"]*"|[^\s:|?"{}=]+)'
_INNER = re.compile(r"^\s*([\w.\-]+)((?:\s+\w+\s*=\s*" + _VALUE + r")*)\s*"
                    r"(?::\s*(\w+)\s*)?(?:([|?])(.*))?$", re.S)
_PARAM = re.compile(r"(\w+)\s*=\s*(" + _VALUE + ")")
FORMATS = ("abs", "woord", "procent")
ITEM_KINDS = ("prose", "sentence", "bullet", "chart")


@dataclass(frozen=True)
class Placeholder:
    """A parsed `{key name=value:format|...}`."""

    key: str
    params: dict[str, str]
    fmt: str | None
    op: str | None
    rest: str | None

    @property
    def request(self) -> Request | None:
        """The filtered figure it needs, or None for a plain figure."""
        filters = filters_of(self.params, lambda name: values_of(self.key, name))
        return Request(self.key, filters) if filters else None


def parse_placeholder(inner: str) -> Placeholder | None:
    parsed = _INNER.match(inner)
    if not parsed:
        return None
    key, params, fmt, op, rest = parsed.groups()
    values = {name: value.strip('"') for name, value in _PARAM.findall(params or "")}
    return Placeholder(key, values, fmt, op, rest)


# ---------------------------------------------------------------- template items

def prose_item(text_key: str) -> dict[str, Any]:
    return {"id": f"{text_key}.tekst", "kind": "prose", "text": text_key, "enabled": True}


def chart_item(id_: str, chart: str) -> dict[str, Any]:
    return {"id": id_, "kind": "chart", "chart": chart, "enabled": True}


def placeholders_in(text: str) -> list[Placeholder]:
    """The well-formed placeholders of `text`, in order."""
    out = []
    for match in PLACEHOLDER.finditer(text):
        if match.group(1) is None:  # {{ or }}
            continue
        parsed = parse_placeholder(match.group(1))
        if parsed:
            out.append(parsed)
    return out


def _figure_placeholders(text: str) -> list[Placeholder]:
    return [p for p in placeholders_in(text) if find_definition(p.key) is not None]


def _texts_of(template: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """(item, text) of every sentence and bullet that is switched on."""
    out = []
    for section in template["sections"]:
        if not section.get("enabled", True):
            continue
        out.append(({}, section.get("title", "")))
        for item in section.get("items", []):
            if item.get("enabled", True) and item.get("kind") in ("sentence", "bullet"):
                out.append((item, item.get("text", "")))
            elif item.get("enabled", True) and item.get("kind") == "prose":
                out.append(({}, item.get("default", "")))
    out.append(({}, template.get("title", "")))
    return out


def compare_keys(template: dict[str, Any], texts: dict[str, str] | None = None) -> set[str]:
    """The plain figures whose previous-year value the template shows (the
    first figure of a sentence with `compare`, and every `jaar=vorig`)."""
    out = set()
    sources = _texts_of(template) + [({}, t) for t in (texts or {}).values()]
    for item, text in sources:
        found = _figure_placeholders(text)
        if item.get("compare") and found:
            out.add(found[0].key)
        out.update(p.key for p in found if p.params.get("jaar") == "vorig")
    return {k[len("officieel."):] if k.startswith("officieel.") else k for k in out}


def requests_in(template: dict[str, Any], texts: dict[str, str] | None = None) -> set[Request]:
    """The filtered figures the template and prose ask for."""
    sources = _texts_of(template) + [({}, t) for t in (texts or {}).values()]
    return {p.request for _, text in sources for p in _figure_placeholders(text)
            if p.request is not None}


# ---------------------------------------------------------------- checking

def _known_keys() -> list[str]:
    keys = [k for k in REGISTRY if "<P>" not in k] + list(SPECIAL_KEYS)
    keys += [k.replace("<P>", p) for k in REGISTRY if "<P>" in k
             for p in ("wegwijs", "taalcoach", "buurtmaatje")]
    return keys


def suggest_key(key: str) -> str | None:
    """The known figure key closest to a mistyped `key`."""
    close = difflib.get_close_matches(key, _known_keys(), n=1, cutoff=0.6)
    if not close and "." in key:  # right figure, wrong section, e.g. {spreekuur.mannen}
        tail = key.rsplit(".", 1)[1]
        close = [k for k in _known_keys() if k.endswith("." + tail)][:1]
    return close[0] if close else None


def check_params(key: str, params: dict[str, str],
                 municipalities: list[str] | None = None) -> str | None:
    """A Dutch message for the first parameter of `{key ...}` that does not
    exist or does not fit, or None. With `municipalities`, `gemeente` must be
    one of them."""
    from vwdesk.report.registry import all_param_names

    allowed = allowed_params(key)
    for name, raw in params.items():
        if name not in all_param_names():
            return (f"Parameter `{name}` bestaat niet; bij `{{{key}}}` kunt u gebruiken: "
                    f"{', '.join(allowed)}.")
        if name not in allowed:
            return (f"Parameter `{name}` past niet bij `{{{key}}}`; daar kunt u gebruiken: "
                    f"{', '.join(allowed)}.")
        if name == "per" and "gemeente" in params:
            return (f"In `{{{key}}}` staan gemeente= en per=gemeente samen; kies één: één "
                    "gemeente, of een lijst per gemeente.")
        values = values_of(key, name)
        if values.parse(raw) is None:
            return f"Parameter {name}={raw} past niet: {values.hint}."
        if name == "jaar" and raw.lower() == "volgend" and not is_typed(key):
            return (f"Parameter jaar=volgend past alleen bij een ingevoerd cijfer (het jaar erna "
                    f"is nog niet geregistreerd); bij `{{{key}}}` kunt u jaar=vorig gebruiken.")
        if name == "waarvan" and raw not in (parts := parts_of(spec_of(key))):
            return (f"Parameter waarvan={raw} past niet bij `{{{key}}}`; kies uit: "
                    f"{', '.join(parts)}.")
        if name == "gemeente" and municipalities is not None:
            known = {g.casefold() for g in municipalities}
            unknown = [g for g in raw.lstrip("!").split(",") if g.strip().casefold() not in known]
            if unknown:
                listed = ", ".join(municipalities) if municipalities else "(nog geen)"
                return (f"Parameter gemeente={raw} past niet: deze locatie bedient de gemeenten "
                        f"{listed}.")
    periods = [p for p in PERIOD_PARAMS if p in params]
    if len(periods) > 1:
        return (f"In `{{{key}}}` staan {' en '.join(p + '=' for p in periods)} samen; kies één "
                "periode.")
    return None


def check_text(text: str, *, allow_sign: bool = True,
               municipalities: list[str] | None = None) -> str | None:
    """A Dutch message for the first wrong placeholder in `text`, or None.
    With `municipalities` (the location's), `gemeente=` must name one."""
    # Read as `fill` reads it; a brace left over belongs to no placeholder.
    leftover = PLACEHOLDER.sub(" ", text)
    if "{" in leftover and "}" not in leftover[leftover.index("{"):]:
        return "Er staat een { zonder bijbehorende }; sluit de plaatshouder af met }."
    if "{" in leftover or "}" in leftover:
        return ("De accolades { } zijn niet in balans; elke { hoort bij één } (een accolade "
                "als teken schrijft u dubbel: {{ of }}).")
    for match in PLACEHOLDER.finditer(text):
        if match.group(1) is None:  # {{ or }}
            continue
        ph = parse_placeholder(match.group(1))
        if ph is None:
            return _malformed(match.group(0))
        if not is_known_key(ph.key):
            guess = suggest_key(ph.key)
            if guess:
                return f"Onbekend cijfer `{{{ph.key}}}`; bedoelde u `{{{guess}}}`?"
            return (f"Onbekend cijfer `{{{ph.key}}}`; kies een cijfer uit de lijst, "
                    "bijvoorbeeld `{spreekuur.contacten}`.")
        if ph.params and ph.key in SPECIAL_KEYS:
            return f"`{{{ph.key}}}` heeft geen parameters; schrijf alleen `{{{ph.key}}}`."
        if msg := check_params(ph.key, ph.params, municipalities):
            return msg
        if ph.fmt and ph.fmt not in FORMATS:
            return (f"Opmaak \":{ph.fmt}\" in {match.group(0)} bestaat niet; gebruik :abs, "
                    ":woord of :procent.")
        if ph.fmt == "procent" and ph.key not in RANKED_KEYS:
            return (f"Opmaak :procent in {match.group(0)} past alleen bij een ranglijst: "
                    f"{', '.join('{' + k + '}' for k in RANKED_KEYS)}.")
        if ph.op == "|" and len(ph.rest.split("|")) != 2:
            return (f"In {match.group(0)} horen na | precies twee woorden: enkelvoud|meervoud, "
                    "bijvoorbeeld {juridisch.gh_nieuw|nieuw dossier|nieuwe dossiers}.")
        if ph.op == "?" and (not allow_sign or len(ph.rest.split("|")) not in (2, 3)):
            return (f"In {match.group(0)} horen na ? twee of drie woorden: positief|negatief(|nul), "
                    "bijvoorbeeld {huisvesting.saldo?voorsprong|achterstand}.")
    return None


def _malformed(placeholder: str) -> str:
    """Why a placeholder cannot be read, as precisely as can be told."""
    inner = placeholder[1:-1].split(":")[0].split("|")[0].split("?")[0]
    words = inner.split()
    if words and "=" in words[0]:
        return (f"In {placeholder} staat eerst een parameter; begin met de naam van het "
                "cijfer, bijvoorbeeld {huisvesting.personen gemeente=Schiedam}.")
    for word in words[1:]:
        if word.endswith("="):
            return (f"Parameter `{word[:-1]}` in {placeholder} heeft geen waarde; zet de "
                    "waarde na het =-teken.")
        if "=" not in word:
            return (f"In {placeholder} staat \"{word}\" zonder =; schrijf parameters als "
                    "naam=waarde, bijvoorbeeld top=3.")
    return (f"Plaatshouder {placeholder} is ongeldig; schrijf bijvoorbeeld "
            "{spreekuur.contacten} of {huisvesting.personen gemeente=Schiedam}.")


def check_template(template: dict[str, Any],
                   municipalities: list[str] | None = None) -> dict[str, str]:
    """Messages per item id (or section key) for everything wrong in a template."""
    from vwdesk.report.charts import CHARTS

    def check(text: str) -> str | None:
        return check_text(text, municipalities=municipalities)

    errors: dict[str, str] = {}
    if not isinstance(template.get("sections"), list):
        return {"": "Het sjabloon heeft geen lijst met secties."}
    if template.get("title") and (msg := check(template["title"])):
        errors["title"] = msg
    seen: set[str] = set()
    for section in template["sections"]:
        if section.get("title") and (msg := check(section["title"])):
            errors[section.get("key", "")] = msg
        for item in section.get("items", []):
            item_id = item.get("id", "")
            if item_id in seen:
                errors[item_id] = f"Onderdeel \"{item_id}\" komt twee keer voor; geef elk een eigen naam."
            seen.add(item_id)
            kind = item.get("kind")
            if kind not in ITEM_KINDS:
                errors[item_id] = f"Soort \"{kind}\" bestaat niet; kies uit: {', '.join(ITEM_KINDS)}."
            elif kind == "chart" and item.get("chart") not in CHARTS:
                errors[item_id] = (f"Grafiek \"{item.get('chart')}\" bestaat niet; kies uit: "
                                   f"{', '.join(CHARTS)}.")
            elif kind in ("sentence", "bullet") and (msg := check(item.get("text", ""))):
                errors[item_id] = msg
            elif kind == "prose" and (msg := check(item.get("default", ""))):
                errors[item_id] = msg
    return errors


# ---------------------------------------------------------------- filling in

class _Unknown(Exception):
    """A placeholder's figure has no value."""


def format_value(value: Value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, Groups):
        return _groups_text(value)
    if isinstance(value, list):  # a series, e.g. per month
        return ", ".join(format_number(v) for v in value)
    return str(value)


def _groups_text(groups: Groups) -> str:
    """A ranked list in Dutch: "38 Syriërs en 16 Eritreeërs", cut to its first
    places "Syriërs (38) en Eritreeërs (16)", in percent, or with a nested
    split "Syriërs (12, waarvan 5 kinderen)"."""
    def part(item: list[Any]) -> str:
        if groups.part is None or len(item) < 3 or not item[2]:
            return ""
        one, many = groups.part
        return f"waarvan {format_number(item[2])} {one if item[2] == 1 else many}"

    if groups.ranked or groups.total:
        return ranked_text([[label(groups, k), n] for k, n, *_ in groups], total=groups.total,
                           extra=[part(item) for item in groups])
    return join_dutch([f"{format_number(n)} {label(groups, k, count=n)}"
                       + (f" ({p})" if (p := part([k, n, *rest])) else "")
                       for k, n, *rest in groups])


def value_of(ph: Placeholder, figures: Figures) -> Value:
    """The value a placeholder stands for: plain or filtered, this year, the
    year before (`jaar=vorig`) or after (`jaar=volgend`), a ranked list cut
    to its places (`top=`, `vanaf=`) with its nested split (`waarvan=`)."""
    source: Figures | None = {"vorig": figures.previous, "volgend": figures.next}.get(
        ph.params.get("jaar"), figures)
    if source is None:
        return None
    request = ph.request
    value = source.extra.get(request) if request else source.get(ph.key)
    if isinstance(value, Groups) and value:
        total = sum(value.counts()) if ph.fmt == "procent" else None
        if ph.params.get("top") or ph.params.get("vanaf"):
            value = first_places(value, int(ph.params.get("top") or len(value)),
                                 int(ph.params.get("vanaf") or 1))
        if total is not None:
            value = value.like(list(value), total=total)
        if ph.params.get("waarvan"):
            value = value.like(list(value), part=REGISTRY[ph.params["waarvan"]].noun)
    return value


def _fill_one(inner: str, figures: Figures) -> str:
    ph = parse_placeholder(inner)
    if ph is None:
        raise _Unknown(inner)
    value = value_of(ph, figures)
    if value is None or value == []:
        raise _Unknown(ph.key)
    if ph.key in SPECIAL_KEYS:  # a year is written without a thousands separator
        return str(value)
    if ph.op == "|":
        one, many = (ph.rest.split("|") + [""])[:2]
        count = len(value) if isinstance(value, list) else value
        return one if isinstance(count, int | float) and abs(count) == 1 else many
    if ph.op == "?":
        options = ph.rest.split("|")
        if not isinstance(value, int | float):
            return options[0]
        if value == 0 and len(options) > 2:
            return options[2]
        return options[0] if value > 0 else options[1]
    if ph.fmt == "abs" and isinstance(value, int | float):
        value = abs(value)
    if ph.fmt == "woord" and isinstance(value, int | float) and float(value).is_integer() \
            and 0 <= value <= WORD_LIMIT:
        return number_word(int(value))
    return format_value(value)


def fill(text: str, figures: Figures, *, unknown: str | None = None) -> str | None:
    """`text` with its placeholders filled in. An unknown figure gives None, or
    `unknown` in its place when that is given (prose)."""
    def one(match: re.Match) -> str:
        if match.group(1) is None:  # {{ or }}
            return match.group(0)[0]
        try:
            return _fill_one(match.group(1), figures)
        except _Unknown:
            if unknown is None:
                raise
            return unknown
    try:
        return PLACEHOLDER.sub(one, text)
    except _Unknown:
        return None


def render_sentence(item: dict[str, Any], figures: Figures) -> str | None:
    """A sentence or bullet filled in, or None when it is left out."""
    text = item.get("text", "")
    if not text.strip():  # a sentence not written yet
        return None
    found = _figure_placeholders(text)
    if item.get("hide_zero") and found and value_of(found[0], figures) == 0:
        return None
    out = fill(text, figures)
    if out is None:
        return None
    if item.get("compare") and found and figures.previous is not None:
        first = found[0]
        before = value_of(Placeholder(first.key, {**first.params, "jaar": "vorig"}, None, None,
                                      None), figures)
        if isinstance(before, int | float):
            out += f" ({figures.year - 1}: {format_number(before)})"
    return out


@dataclass(frozen=True)
class TypedMark:
    """A figure in a sentence that was typed in rather than registered:
    `kind` "vervangt" (replaces the computed value) or "naast" (an official
    figure beside it)."""

    label: str  # the placeholder, e.g. {huisvesting.personen gemeente=Schiedam}
    kind: str
    value: Value
    computed: Value
    note: str | None


def typed_marks(text: str, figures: Figures) -> list[TypedMark]:
    """The overridden and official figures a sentence shows (for marking them
    in the app)."""
    out: list[TypedMark] = []
    for ph in _figure_placeholders(text):
        source = figures.previous if ph.params.get("jaar") == "vorig" else figures
        if source is None:
            continue
        request = ph.request
        label = request.label() if request else "{" + ph.key + "}"
        if ph.key.startswith("officieel."):
            base = ph.key[len("officieel."):]
            official = source.official.get(base) if request is None else None
            value = official.value if official else source.extra.get(request) if request else None
            if value is not None:
                computed = source.get(base) if request is None else \
                    source.extra.get(Request(base, request.filters))
                out.append(TypedMark(label, "naast", value, computed,
                                     official.note if official else None))
            continue
        override = (source.extra_overrides.get(request) if request
                    else source.overrides.get(ph.key))
        if override is not None:
            out.append(TypedMark(label, "vervangt", override.value, override.computed,
                                 override.note))
    return out


def shows_data(text: str, figures: Figures) -> bool:
    """Whether a sentence has a figure that is not zero or empty."""
    for ph in _figure_placeholders(text):
        value = value_of(ph, figures)
        if isinstance(value, int | float | str | list) and value not in (0, "", []):
            return True
    return False


@dataclass
class Block:
    kind: str  # para / bullets / chart
    text: str = ""
    items: list[str] = field(default_factory=list)
    chart: str = ""


@dataclass
class RenderedSection:
    key: str
    title: str
    blocks: list[Block]


@dataclass
class RenderedReport:
    title: str
    location: str
    year: int
    sections: list[RenderedSection]

    def plain_text(self) -> str:
        """The report as text (the preview without QtPdf, tests)."""
        lines = [self.title, ""]
        for sec in self.sections:
            if sec.title:
                lines += [sec.title, ""]
            for block in sec.blocks:
                if block.kind == "para":
                    lines += [block.text, ""]
                elif block.kind == "bullets":
                    lines += [f" • {b}" for b in block.items] + [""]
                else:
                    lines += [f"[grafiek: {block.chart}]", ""]
        return "\n".join(lines)


def prose_blocks(text: str) -> list[Block]:
    """Prose as paragraphs; lines starting with •, - or * become bullets."""
    blocks: list[Block] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        bullet = re.match(r"^[•*\-–]\s+(.*)$", line)
        if bullet:
            if blocks and blocks[-1].kind == "bullets":
                blocks[-1].items.append(bullet.group(1))
            else:
                blocks.append(Block("bullets", items=[bullet.group(1)]))
        else:
            blocks.append(Block("para", text=line))
    return blocks


def render(template: dict[str, Any], figures: Figures, texts: dict[str, str],
           chart_available=None) -> RenderedReport:
    """Fill in the template: the blocks of every section that is switched on and
    has something to show. `chart_available(name, figures)` says whether a
    chart has data (default: always)."""
    sections = []
    for section in template["sections"]:
        if not section.get("enabled", True):
            continue
        blocks: list[Block] = []
        shown = False
        joinable = False  # may the next sentence join the last paragraph?
        for item in section.get("items", []):
            if not item.get("enabled", True):
                continue
            kind = item["kind"]
            if kind == "prose":
                text = texts.get(item["text"], "") or item.get("default", "")
                text = fill(text, figures, unknown="—") or ""
                new = prose_blocks(text)
                blocks += new
                shown = shown or bool(new)
                joinable = False
            elif kind == "chart":
                if chart_available is None or chart_available(item["chart"], figures):
                    blocks.append(Block("chart", chart=item["chart"]))
                    shown = True
                joinable = False
            else:
                out = render_sentence(item, figures)
                if out is None:
                    continue
                shown = shown or shows_data(item.get("text", ""), figures)
                if kind == "bullet":
                    if blocks and blocks[-1].kind == "bullets" and joinable == "bullets":
                        blocks[-1].items.append(out)
                    else:
                        blocks.append(Block("bullets", items=[out]))
                    joinable = "bullets"
                elif joinable == "para" and not item.get("new_paragraph"):
                    blocks[-1].text += " " + out
                else:
                    blocks.append(Block("para", text=out))
                    joinable = "para"
        if shown:
            title = fill(section.get("title", ""), figures, unknown="") or ""
            sections.append(RenderedSection(section["key"], title, blocks))
    title = fill(template.get("title") or "{locatie}: {jaar} in cijfers", figures, unknown="") or ""
    return RenderedReport(title, figures.location_name, figures.year, sections)
