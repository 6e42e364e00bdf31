"""Parameters of figure placeholders: `{huisvesting.personen geslacht=v leeftijd=kind}`.

A placeholder is `{key name=value name=value:format|...}`. Parameters come in
three sorts:

- *filters* narrow what is counted and need a query of their own
  (`gemeente`, `per=gemeente` (a list: the figure in each municipality), `half`, `geslacht`, `leeftijd`, `instroom`, `amv`,
  `aow_leeftijd`, `type`, `soort`, `binnen`, `na`);
- `top=N` shows the N largest groups of a ranked list (ties included);
- `jaar=vorig` takes the value of the year before.

`PARAMS` says which value each parameter takes (and the Dutch hint shown
when it does not fit); `allowed_params(key)` which ones a figure accepts.
Qt-free and without SQL: the queries are in `vwdesk.report.filtered`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vwdesk.core import vocab


@dataclass(frozen=True)
class ParamSpec:
    name: str
    hint: str  # "gebruik ..." - how a fitting value looks
    parse: Callable[[str], str | None]  # the normalised value, or None when it does not fit


def _choice(*options: str) -> Callable[[str], str | None]:
    return lambda text: text.lower() if text.lower() in options else None


def _int_range(low: int, high: int) -> Callable[[str], str | None]:
    def parse(text: str) -> str | None:
        return str(int(text)) if text.isdigit() and low <= int(text) <= high else None
    return parse


def _any(text: str) -> str | None:
    return text.strip() or None


def _spec(name: str, hint: str, parse: Callable[[str], str | None]) -> ParamSpec:
    return ParamSpec(name, hint, parse)


PARAMS: dict[str, ParamSpec] = {p.name: p for p in (
    _spec("top", "gebruik een heel getal vanaf 1", _int_range(1, 999)),
    _spec("jaar", "gebruik jaar=vorig", _choice("vorig")),
    _spec("gemeente", "gebruik de naam van een gemeente van de locatie", _any),
    _spec("per", "gebruik per=gemeente", _choice("gemeente")),
    _spec("half", "gebruik half=1 (januari t/m juni) of half=2 (juli t/m december)",
          _choice("1", "2")),
    _spec("geslacht", "gebruik m, v of x", _choice("m", "v", "x")),
    _spec("leeftijd", "gebruik volwassen, kind of aow", _choice("volwassen", "kind", "aow")),
    _spec("aow_leeftijd", "gebruik een leeftijd in jaren, bijvoorbeeld 67", _int_range(50, 100)),
    _spec("instroom", "gebruik " + ", ".join(vocab.INTAKES), _choice(*vocab.INTAKES)),
    _spec("amv", "gebruik ja of nee", _choice("ja", "nee")),
    _spec("type", "gebruik " + ", ".join(vocab.DWELLING_TYPES), _choice(*vocab.DWELLING_TYPES)),
    _spec("soort", "gebruik " + ", ".join(vocab.CONTACT_KINDS), _choice(*vocab.CONTACT_KINDS)),
    _spec("binnen", "gebruik een aantal maanden vanaf 1, bijvoorbeeld binnen=18",
          _int_range(1, 1200)),
    _spec("na", "gebruik een aantal maanden vanaf 1, bijvoorbeeld na=18", _int_range(1, 1200)),
)}

PRESENTATION = {"top", "jaar"}  # not filters: no query of their own
DEFAULT_AOW_AGE = 67

# Figure families and the filters they take.
PERSON_FILTERS = ("gemeente", "half", "geslacht", "leeftijd", "aow_leeftijd", "instroom", "amv")
CONTACT_FILTERS = ("soort", "gemeente", "half", "binnen", "na")

# Housed-person figures: the filters each one stands for.
PERSON_KEYS: dict[str, dict[str, str]] = {
    "huisvesting.personen": {},
    "huisvesting.volwassenen": {"leeftijd": "volwassen"},
    "huisvesting.kinderen": {"leeftijd": "kind"},
    "huisvesting.mannen": {"geslacht": "m"},
    "huisvesting.vrouwen": {"geslacht": "v"},
    "huisvesting.x": {"geslacht": "x"},
    "huisvesting.nareizigers": {"instroom": "nareiziger"},
    "huisvesting.nareizigers.volwassenen": {"instroom": "nareiziger", "leeftijd": "volwassen"},
    "huisvesting.nareizigers.kinderen": {"instroom": "nareiziger", "leeftijd": "kind"},
    "huisvesting.hervestigers": {"instroom": "hervestiger"},
    "huisvesting.amv": {"amv": "ja"},
    "huisvesting.aow": {"leeftijd": "aow"},
}
# Contact figures: the filters each one stands for.
CONTACT_KEYS: dict[str, dict[str, str]] = {
    "contacten.aantal": {},
    "contacten.personen": {},
    "spreekuur.contacten": {"soort": "spreekuur"},
    "spreekuur.personen": {"soort": "spreekuur"},
}
NATIONALITY_KEYS = ("huisvesting.nationaliteiten", "huisvesting.aantal_nationaliteiten")
HOUSEHOLD_KEYS = ("huishoudens.nieuw", "huishoudens.eenpersoons", "huishoudens.meerpersoons",
                  "huishoudens.bijgevoegd", "huishoudens.personen_per_woning")
RANKED_KEYS = ("huisvesting.nationaliteiten", "juridisch.gh_herenigd_nationaliteiten",
               "spreekuur.onderwerpen_lijst")
TYPED_BY_MUNICIPALITY = ("huisvesting.taakstelling", "huisvesting.saldo_begin")


def allowed_params(key: str) -> tuple[str, ...]:
    """The parameters figure `key` accepts (`jaar` always; `per` wherever
    `gemeente` is)."""
    out = _allowed(key)
    if "gemeente" in out and key not in RANKED_KEYS:  # not a list of lists
        return out[:-1] + ("per", "jaar")
    return out


def _allowed(key: str) -> tuple[str, ...]:
    base = key[len("officieel."):] if key.startswith("officieel.") else key
    out: tuple[str, ...] = ()
    if key.startswith("officieel."):
        out = ("gemeente", "half")
    elif base in PERSON_KEYS or base == "huisvesting.aantal_nationaliteiten":
        out = PERSON_FILTERS
    elif base == "huisvesting.nationaliteiten":
        out = PERSON_FILTERS + ("top",)
    elif base in CONTACT_KEYS:
        out = CONTACT_FILTERS if base.startswith("contacten.") else ("gemeente", "half", "binnen",
                                                                     "na")
    elif base in HOUSEHOLD_KEYS:
        out = ("gemeente",)
    elif base == "huisvesting.woningen":
        out = ("gemeente", "half", "type")
    elif base == "huisvesting.taakstelling":
        out = ("gemeente", "half")
    elif base in ("huisvesting.saldo_begin", "huisvesting.saldo"):
        out = ("gemeente",)
    elif base in RANKED_KEYS:
        out = ("top",)
    return out + ("jaar",)


def check_params(key: str, params: dict[str, str],
                 municipalities: list[str] | None = None) -> str | None:
    """A Dutch message for the first parameter of `{key ...}` that does not
    exist or does not fit, or None. With `municipalities`, `gemeente` must be
    one of them."""
    allowed = allowed_params(key)
    for name, raw in params.items():
        if name not in PARAMS:
            return (f"Parameter `{name}` bestaat niet; bij `{{{key}}}` kunt u gebruiken: "
                    f"{', '.join(allowed)}.")
        if name not in allowed:
            return (f"Parameter `{name}` past niet bij `{{{key}}}`; daar kunt u gebruiken: "
                    f"{', '.join(allowed)}.")
        spec = PARAMS[name]
        if name == "per" and "gemeente" in params:
            return (f"In `{{{key}}}` staan gemeente= en per=gemeente samen; kies één: één "
                    "gemeente, of een lijst per gemeente.")
        if spec.parse(raw) is None:
            return f"Parameter {name}={raw} past niet: {spec.hint}."
        if name == "gemeente" and municipalities is not None and \
                raw.casefold() not in {g.casefold() for g in municipalities}:
            known = ", ".join(municipalities) if municipalities else "(nog geen)"
            return (f"Parameter gemeente={raw} past niet: deze locatie bedient de gemeenten "
                    f"{known}.")
    return None


def normalise(params: dict[str, str]) -> dict[str, str]:
    """Parameters with their normalised values (after `check_params`)."""
    return {name: PARAMS[name].parse(raw) or raw for name, raw in params.items()
            if name in PARAMS}


def filters_of(params: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The filters among `params`, sorted: part of a request's identity."""
    return tuple(sorted((k, v) for k, v in normalise(params).items() if k not in PRESENTATION))


@dataclass(frozen=True)
class Request:
    """A filtered figure a template asks for: `key` with `filters`."""

    key: str
    filters: tuple[tuple[str, str], ...]

    def label(self) -> str:
        return "{" + " ".join([self.key] + [f"{k}={v}" for k, v in self.filters]) + "}"
