"""Checking report texts and templates: a Dutch message for the first thing
wrong in a placeholder (unknown figure with a suggestion, a parameter that
does not exist or does not fit, a format that cannot apply, words after | or
? that do not add up), and every message of a whole template."""

from __future__ import annotations

import difflib
from typing import Any

from vwdesk.report.formats import FORMATS, LIST_FORMATS, NUMBER_FORMATS
from vwdesk.report.params import PERIOD_PARAMS
from vwdesk.report.placeholders import Placeholder, Ref, Unreadable, conditions_of, parse, segments
from vwdesk.report.registry import (
    REGISTRY,
    SPECIAL_KEYS,
    all_param_names,
    allowed_params,
    is_known_key,
    is_typed,
    parts_of,
    spec_of,
    split_prefix,
    values_of,
)

TEMPLATE_VERSION = 1
ITEM_KINDS = ("prose", "sentence", "bullet", "chart")
RANKED_KEYS = tuple(s.key for s in REGISTRY.values() if s.kind == "lijst" and not s.derive)


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


def check_params(key: str, params: dict[str, str], municipalities: list[str] | None = None,
                 topics: list[str] | None = None) -> str | None:
    """A Dutch message for the first parameter of `{key ...}` that does not
    exist or does not fit, or None. With `municipalities` (or `topics`: names
    of topics and topic groups), `gemeente=` (`onderwerp=`) must name them."""
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
        known = {"gemeente": municipalities, "onderwerp": topics}.get(name)
        if known is not None:
            folded = {k.casefold() for k in known}
            if any(v.strip().casefold() not in folded for v in raw.lstrip("!").split(",")):
                listed = ", ".join(known) if known else "(nog geen)"
                what = ("deze locatie bedient de gemeenten" if name == "gemeente" else
                        "de onderwerpen en onderwerpgroepen van deze locatie zijn")
                return f"Parameter {name}={raw} past niet: {what} {listed}."
    periods = [p for p in PERIOD_PARAMS if p in params]
    if len(periods) > 1:
        return (f"In `{{{key}}}` staan {' en '.join(p + '=' for p in periods)} samen; kies één "
                "periode.")
    return None


def _kind_of(ref: Ref) -> str:
    """getal / lijst / tekst / reeks: what a figure's value is."""
    if ref.key in SPECIAL_KEYS:
        return "tekst" if ref.key == "locatie" else "getal"
    prefix, inner = split_prefix(ref.key)
    spec = spec_of(inner)
    if prefix or spec is None:
        return "getal"
    if spec.params is None and "per" in ref.params:
        return "lijst"
    return spec.kind


def _check_ref(ref: Ref, municipalities: list[str] | None,
               topics: list[str] | None) -> str | None:
    if not is_known_key(ref.key):
        guess = suggest_key(ref.key)
        if guess:
            return f"Onbekend cijfer `{{{ref.key}}}`; bedoelde u `{{{guess}}}`?"
        return (f"Onbekend cijfer `{{{ref.key}}}`; kies een cijfer uit de lijst, bijvoorbeeld "
                "`{spreekuur.contacten}`, of voer een eigen cijfer in met een sleutel die begint "
                "met eigen.")
    if ref.params and ref.key in SPECIAL_KEYS:
        return f"`{{{ref.key}}}` heeft geen parameters; schrijf alleen `{{{ref.key}}}`."
    return check_params(ref.key, ref.params, municipalities, topics)


def _check_formats(ph: Placeholder) -> str | None:
    kinds = {_kind_of(r) for r in ph.refs} if not ph.is_expression else {"getal"}
    kind = kinds.pop() if len(kinds) == 1 else "getal"
    listed = ", ".join(":" + f for f in FORMATS)
    for f in ph.formats:
        name, _, value = f.partition("=")
        if name not in FORMATS:
            return f"Opmaak \":{f}\" in {ph.text} bestaat niet; gebruik {listed}."
        if name == "decimalen" and not (value.isdigit() and int(value) <= 6):
            return (f"Opmaak :decimalen in {ph.text} heeft een aantal nodig van 0 tot en met 6, "
                    "bijvoorbeeld :decimalen=1.")
        if name != "decimalen" and value:
            return f"Opmaak :{name} in {ph.text} heeft geen waarde; schrijf alleen :{name}."
        if name in LIST_FORMATS and kind != "lijst":
            return f"Opmaak :{name} in {ph.text} past alleen bij een lijst, zoals een ranglijst."
        if name in NUMBER_FORMATS and kind == "tekst":
            return f"Opmaak :{name} in {ph.text} past alleen bij een getal."
        if name == "procent" and not _quotient(ph) and not (
                kind == "lijst" and ph.refs and ph.refs[0].key in RANKED_KEYS):
            return (f"Opmaak :procent in {ph.text} past alleen bij een deling (a / b) of een "
                    f"ranglijst: {', '.join('{' + k + '}' for k in RANKED_KEYS)}.")
    return None


def _quotient(ph: Placeholder) -> bool:
    return len(ph.terms) > 1 and ph.terms[-2] == "/"


def _check_choice(ph: Placeholder, allow_sign: bool) -> str | None:
    branches = ph.branches()
    if ph.op == "|" and len(branches) != 2:
        return (f"In {ph.text} horen na | precies twee woorden: enkelvoud|meervoud, "
                "bijvoorbeeld {juridisch.gh_nieuw|nieuw dossier|nieuwe dossiers}.")
    if ph.op == "?":
        conditional = conditions_of(branches)
        if any(conditional):
            if not all(conditional[:-1]):
                return (f"In {ph.text} heeft elke keuze na ? een voorwaarde, behalve de laatste: "
                        "bijvoorbeeld {huisvesting.saldo?<-10:een flinke achterstand|<0:een "
                        "kleine achterstand|een voorsprong}.")
        elif not allow_sign or len(branches) not in (2, 3):
            return (f"In {ph.text} horen na ? twee of drie woorden: positief|negatief(|nul), "
                    "bijvoorbeeld {huisvesting.saldo?voorsprong|achterstand}, of woorden met een "
                    "grens: {huisvesting.saldo?<-10:een flinke achterstand|een kleine}.")
    return None


def check_text(text: str, *, allow_sign: bool = True, municipalities: list[str] | None = None,
               topics: list[str] | None = None) -> str | None:
    """A Dutch message for the first wrong placeholder in `text`, or None.
    With `municipalities` (the location's), `gemeente=` must name one; with
    `topics` (its topics and topic groups), `onderwerp=` must."""
    try:
        pieces = segments(text)
        for seg in pieces:
            if not seg.inner:
                continue
            ph = parse(seg.text)
            for ref in ph.refs:
                if msg := _check_ref(ref, municipalities, topics):
                    return msg
            if msg := _check_formats(ph) or _check_choice(ph, allow_sign):
                return msg
            for branch in ph.branches() if ph.op else []:
                if msg := check_text(branch, allow_sign=allow_sign,
                                     municipalities=municipalities, topics=topics):
                    return msg
    except Unreadable as exc:
        return exc.message
    return None


def check_template(template: dict[str, Any], municipalities: list[str] | None = None,
                   topics: list[str] | None = None) -> dict[str, str]:
    """Messages per item id (or section key) for everything wrong in a template."""
    from vwdesk.report.charts import CHARTS

    def check(text: str) -> str | None:
        return check_text(text, municipalities=municipalities, topics=topics)

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
