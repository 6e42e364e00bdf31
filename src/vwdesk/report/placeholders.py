"""Reading placeholders: `{key name=value ...:format:format|...}` in report texts.

A text is cut into literal text and placeholders (`segments`); `{{` and `}}`
write a literal brace. A placeholder is

- one or more *figures* with their parameters, joined by arithmetic:
  `{huisvesting.taakstelling - huisvesting.saldo_begin}`,
  `{huisvesting.personen gemeente=Aakerk / huisvesting.taakstelling gemeente=Aakerk:procent}`
  (operators `+ - * /` with a space on both sides; numbers allowed);
- then formats after `:` (`:abs:woord`, `:decimalen=1`, `:land`);
- then optionally words chosen by the value: `|enkelvoud|meervoud`, or after
  `?` by sign (`?voorsprong|achterstand`) or by size
  (`?<-10:een flinke achterstand|<0:een kleine achterstand|een voorsprong`).
  Those words may hold placeholders themselves: `{x?een voorsprong van {x:abs}|...}`.

`parse` gives a `Placeholder`, or raises `Unreadable` with a Dutch message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vwdesk.report.params import Request, filters_of

OPERATORS = ("+", "-", "*", "/")
_KEY = re.compile(r"^[\w.\-<>]+$")
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_PARAM = re.compile(r'^(\w+)=(.*)$', re.S)
_CONDITION = re.compile(r"^\s*(<=|>=|<|>|=)\s*(-?\d+(?:[.,]\d+)?)\s*:(.*)$", re.S)
# A placeholder, or a doubled brace: `{{` and `}}` write a literal { and }.
# (Placeholders without nested ones; `segments` reads nesting too.)
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


class Unreadable(Exception):
    """A placeholder or text that cannot be read; `message` says why, in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Segment:
    """Literal `text`, or a placeholder whose inner text is `text` (`inner`)."""

    text: str
    inner: bool
    start: int


def segments(text: str) -> list[Segment]:
    """`text` as literal pieces and placeholders; raises `Unreadable` for a
    brace without its partner."""
    out: list[Segment] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{" and text.startswith("{{", i):
            literal.append("{")
            i += 2
        elif ch == "}" and text.startswith("}}", i):
            literal.append("}")
            i += 2
        elif ch == "{":
            end = _closing(text, i)
            if end is None:
                raise Unreadable("Er staat een { zonder bijbehorende }; sluit de plaatshouder af "
                                 "met }.")
            if literal:
                out.append(Segment("".join(literal), False, i))
                literal = []
            out.append(Segment(text[i + 1:end], True, i))
            i = end + 1
        elif ch == "}":
            raise Unreadable("De accolades { } zijn niet in balans; elke { hoort bij één } (een "
                             "accolade als teken schrijft u dubbel: {{ of }}).")
        else:
            literal.append(ch)
            i += 1
    if literal:
        out.append(Segment("".join(literal), False, n))
    return out


def _scan(text: str, start: int = 0):
    """(index, character, depth) of the characters of `text` from `start` that
    are not inside quotes; depth counts the braces opened before them."""
    depth, in_quotes = 0, False
    for i in range(start, len(text)):
        ch = text[i]
        if ch == '"' and depth <= 1:
            in_quotes = not in_quotes
        elif in_quotes:
            continue
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        yield i, ch, depth


def _closing(text: str, start: int) -> int | None:
    """The index of the } closing the { at `start` (nested braces counted)."""
    return next((i for i, ch, depth in _scan(text, start) if ch == "}" and depth == 0), None)


@dataclass(frozen=True)
class Ref:
    """A figure in a placeholder, with its parameters."""

    key: str
    params: dict[str, str]

    @property
    def request(self) -> Request | None:
        """The filtered figure it needs, or None for a plain figure."""
        from vwdesk.report.registry import values_of

        filters = filters_of(self.params, lambda name: values_of(self.key, name))
        return Request(self.key, filters) if filters else None


@dataclass(frozen=True)
class Placeholder:
    """A parsed placeholder (see the module docstring). `terms` alternate
    operands (a `Ref` or a number) and operators."""

    terms: tuple[Any, ...]
    formats: tuple[str, ...]
    op: str | None
    rest: str | None
    text: str  # as written, with its braces

    @property
    def refs(self) -> list[Ref]:
        return [t for t in self.terms if isinstance(t, Ref)]

    @property
    def is_expression(self) -> bool:
        return len(self.terms) > 1 or not isinstance(self.terms[0], Ref)

    # The first figure, for a placeholder that is one figure.
    @property
    def key(self) -> str:
        refs = self.refs
        return refs[0].key if refs else ""

    @property
    def params(self) -> dict[str, str]:
        refs = self.refs
        return refs[0].params if refs else {}

    @property
    def fmt(self) -> str | None:
        return self.formats[0] if self.formats else None

    @property
    def request(self) -> Request | None:
        return None if self.is_expression else self.terms[0].request

    def format_value(self, name: str) -> str | None:
        """The value of format `name=value` (`decimalen=1` → "1"), or None."""
        for f in self.formats:
            if f.partition("=")[0] == name:
                return f.partition("=")[2] or ""
        return None

    def has_format(self, name: str) -> bool:
        return self.format_value(name) is not None

    def branches(self) -> list[str]:
        """The words after | or ? (each may hold placeholders)."""
        return split_top(self.rest or "", "|")


def split_top(text: str, sep: str) -> list[str]:
    """`text` split on `sep` outside nested braces and quotes."""
    cuts = [i for i, ch, depth in _scan(text) if ch == sep and depth == 0]
    return [text[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(text)], strict=True)]


def _split_head(inner: str) -> tuple[str, str | None, str | None]:
    """(figures and formats, the choice operator | or ?, the words after it)."""
    i = next((i for i, ch, depth in _scan(inner) if ch in "|?" and depth == 0), None)
    return (inner, None, None) if i is None else (inner[:i], inner[i], inner[i + 1:])


def _tokens(text: str) -> list[str]:
    """Words separated by spaces; a quoted value keeps its spaces (quotes dropped)."""
    out, word, in_quotes, quoted = [], [], False, False
    for ch in text:
        if ch == '"':
            in_quotes = not in_quotes
            quoted = True
        elif ch.isspace() and not in_quotes:
            if word or quoted:
                out.append("".join(word))
            word, quoted = [], False
        else:
            word.append(ch)
    if in_quotes:
        raise Unreadable(f"In {{{text}}} ontbreekt een afsluitend aanhalingsteken \".")
    if word or quoted:
        out.append("".join(word))
    return out


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse(inner: str) -> Placeholder:
    """The placeholder whose text between the braces is `inner`."""
    whole = "{" + inner + "}"
    head, op, rest = _split_head(inner)
    if "{" in head or "}" in head:
        raise Unreadable(f"In {whole} staat een plaatshouder binnen een plaatshouder; dat kan "
                         "alleen in de woorden na | of ?, bijvoorbeeld "
                         "{huisvesting.saldo?een voorsprong van {huisvesting.saldo:abs}|een "
                         "achterstand}.")
    expression, formats = _split_formats(head)
    words = _tokens(expression)
    if not words:
        raise Unreadable(f"Plaatshouder {whole} is leeg; schrijf bijvoorbeeld "
                         "{spreekuur.contacten}.")
    terms: list[Any] = []
    operand: list[str] = []
    for word in words + [None]:
        if word is None or word in OPERATORS:
            terms.append(_operand(operand, whole))
            if word is not None:
                terms.append(word)
            operand = []
        else:
            operand.append(word)
    return Placeholder(tuple(terms), formats, op, rest, whole)


def _split_formats(head: str) -> tuple[str, tuple[str, ...]]:
    i = next((i for i, ch, _ in _scan(head) if ch == ":"), None)
    if i is None:
        return head, ()
    return head[:i], tuple(f.strip() for f in head[i + 1:].split(":"))


def _operand(words: list[str], whole: str) -> Any:
    if not words:
        raise Unreadable(f"In {whole} mist een cijfer bij een rekenteken; schrijf bijvoorbeeld "
                         "{huisvesting.taakstelling - huisvesting.saldo_begin}.")
    first, params = words[0], words[1:]
    if "=" in first:
        raise Unreadable(f"In {whole} staat eerst een parameter; begin met de naam van het "
                         "cijfer, bijvoorbeeld {huisvesting.personen gemeente=Schiedam}.")
    if _NUMBER.match(first):
        if params:
            raise Unreadable(f"In {whole} heeft het getal {first} parameters; parameters horen "
                             "bij een cijfer.")
        return _number(first)
    if not _KEY.match(first):
        raise Unreadable(f"Plaatshouder {whole} is ongeldig; schrijf bijvoorbeeld "
                         "{spreekuur.contacten} of {huisvesting.personen gemeente=Schiedam}.")
    values: dict[str, str] = {}
    last: str | None = None
    for word in params:
        found = _PARAM.match(word)
        if found is None:
            if last is not None:  # a value with a space: gemeente=Den Haag
                raise Unreadable(f"In {whole} staat \"{word}\" los achter {last}={values[last]}; "
                                 f"zet een waarde met een spatie tussen aanhalingstekens: "
                                 f"{last}=\"{values[last]} {word}\".")
            raise Unreadable(f"In {whole} staat \"{word}\" zonder =; schrijf parameters als "
                             "naam=waarde, bijvoorbeeld top=3.")
        name, value = found.groups()
        if not value:
            raise Unreadable(f"Parameter `{name}` in {whole} heeft geen waarde; zet de waarde "
                             "na het =-teken.")
        values[name] = value
        last = name
    return Ref(first, values)


def choose(value: Any, branches: list[str]) -> str:
    """The words a `?` choice picks for a number: by size when the branches
    carry conditions (`<0:...`), else by sign (positive|negative|zero)."""
    if any(_CONDITION.match(b) for b in branches):
        for branch in branches:
            cond = _CONDITION.match(branch)
            if cond is None:
                return branch  # the words without a condition: otherwise
            op, limit, words = cond.group(1), _number(cond.group(2)), cond.group(3)
            if _holds(value, op, limit):
                return words
        return ""
    if value == 0 and len(branches) > 2:
        return branches[2]
    return branches[0] if value > 0 else branches[1]


def _holds(value: float, op: str, limit: float) -> bool:
    return {"<": value < limit, "<=": value <= limit, ">": value > limit,
            ">=": value >= limit, "=": value == limit}[op]


def conditions_of(branches: list[str]) -> list[bool]:
    """Per branch: whether it carries a condition (`<0:`)."""
    return [bool(_CONDITION.match(b)) for b in branches]
