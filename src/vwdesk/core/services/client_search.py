"""Searching clients as you type: ranked by how well each client fits.

What a query may hold, in any order and combination:

- name parts, in any order ("zabal nadir" finds Nadir Zabal), folded
  (`core.text.fold`: case, accents, script and punctuation ignored); the
  article particles al, el, abu, ben, van, de may be written apart or joined
  ("el hassan", "alhassan" and "Al-Hassan" are one name; al and el are the
  same article), and may be left out ("hassan" finds Al-Hassan);
- a client number, with or without its prefix and leading zeros ("41",
  "00041" and "C00041" find C00041), or its first digits;
- a birth date (dd-mm-jjjj, also d-m-jjjj with - / or ., or ddmmjjjj) or birth year.

Each match carries its *fit*, best first (`Fit`): the exact number; the
full name (every part typed); the whole surname; whole name parts; the start
of name parts; the start of the number; a part inside the name; a part one
edit (a letter more, less or different) away; the birth date or year alone.
Within a fit, matches are in name order.

`SearchResult.clear` says whether the top match is *clearly* the one meant,
so that Enter may take it without the user looking at the list. It never
guesses between clients the typing names equally well; it is clear when:

- the top is the only match of its fit and that fit is the exact number or
  the full name (with any number of weaker matches below it);
- the top is the only client whose surname, or a whole name part, is what
  was typed, and every other match is only one edit away or weaker
  (`Fit.FUZZY`, a birth date alone): "mesom" takes Fitay Mesom over Hagu
  Tesom. A start of a name or a part inside one below it (`PREFIX`,
  `CONTAINS`: "mesom" in Almesom, written joined) may be the one meant, so
  the list is shown; so it is for two surname matches, or a surname and
  another's first name ("zabal");
- it is the only match at all and not a one-edit guess.

Otherwise the list must be shown and a client chosen.

How it stays fast (≤ 30 ms per keystroke at 100,000 clients): a fit
depends only on the name, so the search judges the location's distinct
names (`client_names`, with their number of clients) — never every client
of a common name part, which matches thousands of clients but fewer names —
and with a limit, only the names that can be shown, a few dozen past the
limit, taken best possible fit first. One typed name part (the common case,
and the costly one: "hassan" is in 4 % of an office's names) is looked up
in the word table (`search_index.WORDS`): one range of its key gives the
names with a word equal to it or starting with it, ordered by the best fit
each can have (from the word's place in the name) and name, without
reading the names themselves (`_by_words`); only when those hold too few
clients do the names holding it inside a word follow, from the trigram
index. Several typed parts are looked up in the trigram index, the names
holding them all, ordered by the best fit each can have (`_fit_bound`,
LIKE over the name's spaced words). Client ids are read (from the clients'
(location, name) index) only for the names whose clients are shown.
Numbers and birth dates come from their B-tree indexes; with a birth date
or year, or with only one- or two-letter words, the clients are judged one
by one (few are born then; short typing shows the first names in name
order). Names one edit away are looked for only when fewer than
`FUZZY_BELOW` clients match as typed (they would rank below those anyway):
for one typed part, among the location's distinct words
(`search_index.VOCABULARY`), every word one edit away (`_near_words`); for
several, among the names holding the first or last three letters of each
typed part, so an edit within both of those (the middle of a four- or
five-letter part) is not found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from heapq import heappop, heappush
from itertools import repeat
from typing import NamedTuple

from sqlalchemy import Connection, and_, func, or_, select

from vwdesk.core import models as m
from vwdesk.core import search_index
from vwdesk.core.dates import parse_date
from vwdesk.core.text import fold, fold_words

ARTICLES = search_index.ARTICLES
FUZZY_BELOW = 100
_MARGIN = 64  # names judged past the limit before the database is asked for all
_IN_CHUNK = 500  # names per IN list (SQLite allows 32,766 parameters, old builds 999)
MIN_TRIGRAM = 3
_NUMBERISH = re.compile(r"^[A-Za-z]{0,3}-?\d+$")


class Fit(IntEnum):
    """How a client matches the query; lower is better."""

    NUMBER = 0        # the client number exactly (prefix and leading zeros optional)
    FULL_NAME = 1     # every part of the name typed, in any order
    SURNAME = 2       # the whole surname typed (and any other parts whole)
    NAME = 3          # whole name parts typed (say, the first name)
    PREFIX = 4        # the start of name parts
    NUMBER_START = 5  # the first digits of the number
    CONTAINS = 6      # a typed part inside the name ("hassan" in "Alhassan")
    FUZZY = 7         # a typed part one edit away ("hasan" for Hassan)
    BIRTH = 8         # the birth date or year, and nothing else typed


class Match(NamedTuple):
    client_id: int
    fit: Fit


@dataclass(frozen=True)
class SearchResult:
    """Matches best first (at most the limit asked for); `more` when there
    were more; `clear` when Enter may take the first (see the module)."""

    matches: list[Match]
    clear: bool
    more: bool = False

    @property
    def ids(self) -> list[int]:
        return [mt.client_id for mt in self.matches]


@dataclass
class Query:
    """A typed query taken apart."""

    words: list[Word] = field(default_factory=list)   # folded name parts
    numbers: list[str] = field(default_factory=list)  # as typed, folded
    birth: dt.date | None = None
    year: int | None = None


def parse(query: str) -> Query:
    q = Query()
    plain: list[str] = []
    this_year = dt.date.today().year
    for token in query.replace(",", " ").split():
        date = parse_date(token)
        if date is not None:
            q.birth = date
        elif token.isdigit() and len(token) == 4 and 1900 <= int(token) <= this_year:
            q.year = int(token)
        elif _NUMBERISH.match(token) or token.isdigit():
            q.numbers.append(fold(token))
        else:
            plain.extend(fold_words(token).split())
    q.words = _join_articles(plain)
    return q


def _canonical(word: str) -> str:
    """al and el are one article: "elhassan" is "alhassan"."""
    return "al" + word[2:] if word.startswith("el") and len(word) > 4 else word


class Word(NamedTuple):
    """A name part: `joined` with the article written before it, if any
    (al for el), and `bare` without that article ("al hassan" →
    ("alhassan", "hassan"); "alhassan" → ("alhassan", "alhassan")). A
    tuple: a keystroke judges a thousand names, each split into these."""

    joined: str
    bare: str


def _join_articles(words: list[str]) -> list[Word]:
    """Each article joined to the word after it; a lone article stays a word."""
    out: list[Word] = []
    pending = ""
    for w in words:
        if w in ARTICLES and not pending:
            pending = w
            continue
        out.append(Word(_canonical(pending + w), w))
        pending = ""
    if pending:
        out.append(Word(pending, pending))
    return out


@lru_cache(maxsize=65536)
def _name_words(search_name: str) -> tuple[Word, ...]:
    return tuple(_join_articles(search_name.split()))


@lru_cache(maxsize=65536)
def _surname_words(last_name: str | None) -> tuple[Word, ...]:
    return _name_words(fold_words(last_name))


def _one_edit(a: str, b: str) -> bool:
    """Exactly one insertion, deletion or substitution turns a into b."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if la == lb else a[i:] == b[i + 1:]


def _word_fit(q: Word, names: tuple[Word, ...], compact: str) -> Fit | None:
    # Plain loops: this runs for every name judged.
    joined, bare = q
    for n_joined, n_bare in names:
        if n_joined == joined or n_bare == bare:
            return Fit.NAME
    for n_joined, n_bare in names:
        if n_joined.startswith(joined) or n_bare.startswith(bare):
            return Fit.PREFIX
    if len(bare) >= MIN_TRIGRAM and (bare in compact or joined in compact or (
            joined.startswith("al") and "el" + joined[2:] in compact)):
        return Fit.CONTAINS
    if len(bare) >= 4:
        for n_joined, n_bare in names:
            if _one_edit(bare, n_bare) or _one_edit(joined, n_joined):
                return Fit.FUZZY
    return None


def _covers(typed: list[Word], names: Iterable[Word]) -> bool:
    """Every name part is one of the typed parts."""
    joined = {q.joined for q in typed}
    bare = {q.bare for q in typed}
    return all(n_joined in joined or n_bare in bare for n_joined, n_bare in names)


def name_fit(words: list[Word], search_name: str, last_name: str | None) -> Fit | None:
    """How a name fits the typed parts; None when it does not match."""
    names = _name_words(search_name)
    compact = search_name.replace(" ", "")
    worst = Fit.NAME
    for q in words:
        fit = _word_fit(q, names, compact)
        if fit is None:
            return None
        if fit > worst:
            worst = fit
    if worst > Fit.NAME:
        return worst
    if _covers(words, names):
        return Fit.FULL_NAME
    surname = _surname_words(last_name)
    if surname and _covers(words, surname):
        return Fit.SURNAME
    return Fit.NAME


def _number_fit(typed: str, number: str) -> Fit | None:
    folded = fold(number)
    if folded == typed or _digits(folded) == _digits(typed) != "":
        return Fit.NUMBER
    if folded.startswith(typed):
        return Fit.NUMBER_START
    return None


def _digits(folded_number: str) -> str:
    """The number without its letters and leading zeros ("c00041" → "41")."""
    return "".join(ch for ch in folded_number if ch.isdigit()).lstrip("0")


def search(conn: Connection, location_id: int, query: str, limit: int | None = None
           ) -> SearchResult:
    """Ranked matches of `query` among the clients of `location_id` (the
    caller checks access). Empty query: no matches."""
    q = parse(query)
    if not (q.words or q.numbers or q.birth or q.year):
        return SearchResult([], False)
    found = _Found(conn, location_id)
    if q.numbers or (q.year and not q.words):
        _by_number(conn, location_id, q, found.clients)
    if q.words:
        _by_name(conn, location_id, q, found, limit, fuzzy=False)
        fuzzy_left = not (q.birth or q.year)  # else every name born then was judged
        if fuzzy_left and not found.at_least(FUZZY_BELOW) and any(len(w.bare) >= 4
                                                                for w in q.words):
            _by_name(conn, location_id, q, found, limit, fuzzy=True)
    elif q.birth or q.year:
        _by_birth(conn, location_id, q, found.clients, limit)
    ranked = found.ranked(limit)
    more = limit is not None and len(ranked) > limit
    matches = [Match(cid, fit) for fit, cid in ranked[:limit]]
    return SearchResult(matches, _is_clear(ranked), more)


@dataclass
class _Found:
    """The matches so far. Found in the names table, every client of one
    name (search name and surname) fits alike: `names` holds each name's fit
    and number of clients, so thousands of matches cost a few dozen or
    hundred names to judge and sort, and only the ids that are shown are
    read. Found by number, by birth date or among the clients directly, a
    fit is the client's own: `clients` holds (fit, search name) per id."""

    conn: Connection
    location_id: int
    clients: dict[int, tuple[Fit, str]] = field(default_factory=dict)
    names: dict[tuple[str, str], tuple[Fit, int]] = field(default_factory=dict)
    cut: bool = False  # names were left unjudged: they rank below the limit

    def at_least(self, n: int) -> bool:
        """Whether `n` or more clients were found (or more than the limit
        asked for, when names were left unjudged)."""
        if self.cut:
            return True
        named = sum(count for _fit, count in self.names.values())
        if max(named, len(self.clients)) >= n:
            return True
        if not (self.names and self.clients):
            return False
        return len(set(self.clients).union(*self._ids(list(self.names)).values())) >= n

    def ranked(self, limit: int | None) -> list[tuple[Fit, int]]:
        """The first `limit` + 1 (fit, id) by fit, then name, then id (all
        of them without a limit); a client found twice counts at its best fit."""
        groups: dict[tuple[Fit, str], tuple[list[int], list[tuple[str, str]]]] = {}
        for cid, key in self.clients.items():
            groups.setdefault(key, ([], []))[0].append(cid)
        for name, (fit, _count) in self.names.items():
            groups.setdefault((fit, name[0]), ([], []))[1].append(name)
        order = sorted(groups)
        # The names whose clients may be shown: in rank order until their
        # clients pass the limit, also when some were found by number too.
        twice = len(self.clients) if self.names else 0
        wanted: list[tuple[str, str]] = []
        total = 0
        for key in order:
            cids, names = groups[key]
            wanted += names
            total += len(cids) + sum(self.names[name][1] for name in names)
            if limit is not None and total > limit + twice:
                break
        ids_of = self._ids(wanted)
        seen: set[int] | None = set() if self.clients and self.names else None
        ranked: list[tuple[Fit, int]] = []
        for key in order:
            cids, names = groups[key]
            ids = cids.copy()
            for name in names:
                ids += ids_of[name]
            ids.sort()
            if seen is not None:
                ids = [cid for cid in ids if cid not in seen]
                seen.update(ids)
            ranked += zip(repeat(key[0]), ids)
            if limit is not None and len(ranked) > limit:
                break
        return ranked

    def _ids(self, names: list[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
        """The ids of the clients of these names, from the clients' (location,
        search name) index alone where one surname goes with the search name
        (every surname of a matching search name is in `names`); where
        several do, each client's surname is read too."""
        out: dict[tuple[str, str], list[int]] = {name: [] for name in names}
        surnames = Counter(name for name, _last in self.names)
        only = {name: (name, last) for name, last in names if surnames[name] == 1}
        several = sorted({name for name, _last in names if surnames[name] > 1})
        # The database joins each name's ids into one text ("17,4,260").
        # Plain SQL: compiling the statement would cost more than running it.
        joined = ("string_agg(CAST(id AS VARCHAR), ',')" if self.conn.dialect.name
                  == "postgresql" else "group_concat(id)")
        postgresql = self.conn.dialect.name == "postgresql"
        for key, searched in (("search_name", sorted(only)),
                              ("search_name, coalesce(last_name, '')", several)):
            for at in range(0, len(searched), _IN_CHUNK):
                chunk = searched[at:at + _IN_CHUNK]
                # On PostgreSQL one array: the statement's text stays the same,
                # and psycopg parses it once (a list of 200 parameters: 4 ms).
                among = "= ANY(?)" if postgresql else f"IN ({', '.join('?' * len(chunk))})"
                sql = (f"SELECT {key}, {joined} FROM clients WHERE location_id = ? AND "
                       f"search_name {among} GROUP BY {key}")
                params = [self.location_id, *([chunk] if postgresql else chunk)]
                for *name, ids_text in _run(self.conn, sql, params):
                    ids = out.get(only.get(name[0]) or tuple(name))
                    if ids is not None:
                        ids.extend(map(int, ids_text.split(",")))
        return out


def _is_clear(ranked: list[tuple[Fit, int]]) -> bool:
    if not ranked:
        return False
    top = ranked[0][0]
    if len(ranked) == 1:
        return top != Fit.FUZZY
    below = ranked[1][0]
    if top in (Fit.NUMBER, Fit.FULL_NAME):
        return below > top
    return top in (Fit.SURNAME, Fit.NAME) and below >= Fit.FUZZY


def _fetch(conn: Connection, stmt) -> list[tuple]:
    """The rows of `stmt` as plain tuples from the driver's cursor: a common
    word matches thousands of names, and SQLAlchemy's row objects would cost
    more than the search itself. Parameters stay parameters."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup)
    return _execute(conn, str(compiled), params)


def _execute(conn: Connection, sql: str, params) -> list[tuple]:
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _keep(fits: dict[int, tuple[Fit, str]], cid: int, fit: Fit, name: str) -> None:
    old = fits.get(cid)
    if old is None or fit < old[0]:
        fits[cid] = (fit, name)


def _birth_conditions(q: Query) -> list:
    c = m.Client
    conds = []
    if q.birth is not None:
        conds.append(c.birth_date == q.birth)
    if q.year is not None:
        conds.append(c.birth_date.between(dt.date(q.year, 1, 1), dt.date(q.year, 12, 31)))
    return conds


def _by_birth(conn: Connection, location_id: int, q: Query, fits,
              limit: int | None) -> None:
    """The clients born then, each a `Fit.BIRTH`, the worst fit: with a
    limit, only the first in name order past it (and past those found by
    number, which may be among them) are needed, not all of a year (a
    sixtieth of an office)."""
    c = m.Client
    stmt = select(c.id, c.search_name).where(c.location_id == location_id,
                                             *_birth_conditions(q))
    if limit is not None:
        stmt = stmt.order_by(_bytewise_order(conn, c.search_name), c.id) \
            .limit(limit + 1 + len(fits))
    for cid, name in _fetch(conn, stmt):
        _keep(fits, cid, Fit.BIRTH, name)


def _bytewise_order(conn: Connection, column):
    """`column` ordered as Python orders text (`_in_order`, for Core)."""
    return column.collate("C") if _in_order(conn) else column


def _number_shapes(conn: Connection, location_id: int) -> set[tuple[str, int]]:
    """(prefix, width) of the location's numbers, from its lowest, highest and
    newest number: "C00041" is ("C", 5). Three index seeks."""
    c = m.Client
    samples = [conn.scalar(select(c.number).where(c.location_id == location_id)
                           .order_by(order).limit(1))
               for order in (c.number, c.number.desc(), c.id.desc())]
    shapes = set()
    for number in filter(None, samples):
        found = re.match(r"^(.*?)(\d+)$", number)
        if found:
            shapes.add((found.group(1), len(found.group(2))))
    return shapes


def _by_number(conn: Connection, location_id: int, q: Query, fits) -> None:
    c = m.Client
    typed = q.numbers or [str(q.year)]
    for t in typed:
        digits = _digits(t)
        exact = {t, t.upper(), digits}
        exact |= {prefix + digits.zfill(width) for prefix, width in
                  _number_shapes(conn, location_id) if digits and len(digits) <= width}
        # One index seek or range per form (an OR of them would read every
        # number of the location).
        forms = [c.number.in_(sorted(exact))]
        forms += [and_(c.number >= start, c.number < _after_all_starting(start))
                  for start in {t, t.upper()}]
        rows = [row for form in forms for row in _fetch(
            conn, select(c.id, c.number, c.search_name, c.last_name)
            .where(c.location_id == location_id, form,
                   *_birth_conditions(q) if q.words else ()))]
        for cid, number, name, last in rows:
            fit = _number_fit(t, number)
            if fit is None:
                continue
            if q.words:
                named = name_fit(q.words, name, last)
                if named is None:
                    continue
                fit = min(fit, named)
            _keep(fits, cid, fit, name)


def _terms(q: Query, fuzzy: bool) -> list[list[str]]:
    """What the trigram index is asked for: per typed part, the substrings of
    which the name must hold one (the part without a separate article; al
    and el both; for the one-edit pass its first or last three letters).
    Parts too short for trigrams are left to the check in Python."""
    out = []
    for w in q.words:
        if len(w.bare) < MIN_TRIGRAM:
            continue
        if fuzzy and len(w.bare) >= 4:
            out.append(sorted({w.bare[:3], w.bare[-3:]}))
        elif _canonical(w.bare) == w.joined and w.joined.startswith("al"):
            out.append([w.joined, "el" + w.joined[2:]])
        else:
            out.append([w.bare])
    return out


def _by_name(conn: Connection, location_id: int, q: Query, found: _Found,
             limit: int | None, *, fuzzy: bool) -> None:
    """The names holding the typed parts, judged best first (by the best fit
    each can have, then name) until those that will be shown are known: the
    names whose (fit, name) come before the bound of every name not judged
    yet, once they hold more clients than the limit (plus those found by
    number too, which may be counted twice). One typed part is looked up in
    the word tables (`_by_words`, `_near_words`); several, in the trigram
    index, ordered by `_fit_bound`."""
    terms = _terms(q, fuzzy)
    birth = _birth_conditions(q)
    if not terms or birth:
        _among_clients(conn, location_id, q, found, limit, birth, first_only=not terms)
        return
    judge = _Judge(q, found, None if limit is None else limit + 1 + len(found.clients))
    single = q.words[0] if len(q.words) == 1 else None
    if single and fuzzy:
        _by_near_words(conn, location_id, single, judge)
        return
    if single and limit is not None and _by_words(conn, location_id, single, judge):
        return
    # Plain SQL: SQLAlchemy would spend longer compiling the fit bound of
    # a few words than the database spends on it. Typed text only in
    # parameters.
    if conn.dialect.name == "sqlite" and search_index.available(conn):
        # CROSS JOIN: SQLite takes the index's ids first, then their rows (by
        # its own choice it may read the location's names and ask the index
        # for each).
        fts = search_index.FTS_TABLE
        source = (f"{fts} CROSS JOIN {search_index.NAMES} n ON n.id = {fts}.rowid "
                  f"WHERE {fts} MATCH ? AND n.location_id = ?")
        where = [" AND ".join("(" + " OR ".join(f'"{t}"' for t in alts) + ")"
                              for alts in terms), location_id]
    else:  # pg_trgm's index serves this LIKE; without it, the location's names are read
        source = f"{search_index.NAMES} n WHERE n.location_id = ?" + "".join(
            " AND (" + " OR ".join(["replace(n.search_name, ' ', '') LIKE ?"] * len(alts)) + ")"
            for alts in terms)
        where = [location_id, *(f"%{t}%" for alts in terms for t in alts)]
    columns = "n.search_name, n.last_name, n.clients"
    if limit is None:
        judge.take(_run(conn, f"SELECT {columns} FROM {source}", where))
        return
    if fuzzy:  # every new name of the one-edit pass is a guess: they come in name order
        bound, bound_params = str(int(Fit.FUZZY)), []
    elif single:
        # The names with a word starting so hold too few clients: next come
        # those holding the part inside a word, each a `Fit.CONTAINS`.
        bound, bound_params = str(int(Fit.CONTAINS)), []
    else:
        bound, bound_params = _fit_bound(q.words)
    stmt = (f"SELECT {columns}, {bound} AS bound FROM {source} "
            f"ORDER BY bound, n.search_name{_in_order(conn)}, n.last_name")
    params = [*bound_params, *where]
    _judge_pages(judge, lambda page: _run(conn, stmt + " LIMIT ?", [*params, page])
                 if page else _run(conn, stmt, params))


def _in_order(conn: Connection) -> str:
    """Names ordered as Python orders them (the judge compares them so):
    bytewise, whatever PostgreSQL's locale; SQLite's default is so."""
    return ' COLLATE "C"' if conn.dialect.name == "postgresql" else ""


def _judge_pages(judge: _Judge, rows: Callable[[int | None], list[tuple]],
                 per_name: int = 1) -> bool:
    """Judge names in bound order (`rows(n)`: the first n, or all for None)
    a page at a time: the first page holds a few dozen names more than the
    limit (`per_name` rows each), which is nearly always enough; else the
    rest. Without a limit, all at once. Whether the names shown are known."""
    if judge.enough is None:
        return judge.take(rows(None))
    page = (judge.enough + _MARGIN) * per_name
    first = rows(page)
    if judge.take(first):
        return True
    return len(first) == page and judge.take(rows(None)[page:])


def _judge_words(conn: Connection, location_id: int, judge: _Judge, inner: str,
                 params: list, per_name: int) -> bool:
    """Judge the names of `inner` (search name, surname and bound from the
    word table, in bound and name order), each with its number of clients:
    ordered (and cut) from the word table alone, only the rows judged are
    looked up in the names table, one index seek each (as a join,
    PostgreSQL would read the location's every name). A name may come once
    per word it holds, first at its best (the judge passes over it after):
    cheaper than grouping every row."""
    outer = (f"SELECT k.search_name, k.last_name, (SELECT n.clients FROM {search_index.NAMES} n "
             f"WHERE n.location_id = ? AND n.search_name = k.search_name "
             f"AND n.last_name = k.last_name), k.bound FROM ({{inner}}) k "
             f"ORDER BY k.bound, k.search_name{_in_order(conn)}, k.last_name")
    return _judge_pages(judge, lambda page: _run(
        conn, outer.format(inner=inner + " LIMIT ?"), [location_id, *params, page])
        if page else _run(conn, outer.format(inner=inner), [location_id, *params]),
        per_name)


def _by_words(conn: Connection, location_id: int, w: Word, judge: _Judge) -> bool:
    """The names with a word equal to the typed part or starting with it
    (`search_index`'s word table: one range of its key per form typed),
    judged in the order of the best fit each can have, then name: the full
    name when it is the name's last word and the first is typed too (or is
    an article), the surname when it is the last word, a whole part, the
    start of one. Every name whose fit is the start of a part or better is
    among them (the table holds each part as `name_fit` splits it, and
    more), and no name fits better than its bound. Whether the names shown
    are known."""
    forms = sorted({w.joined, w.bare})
    # The first words that, with the last, make the full name: one the typed
    # part covers (as `_word_fit` does: itself, or el for al), or an article
    # (the table's '').
    openings = {"", *forms}
    if w.joined.startswith("al") and len(w.joined) > 4:
        openings.add("el" + w.joined[2:])
    openings = sorted(openings)
    exact, opened = ", ".join("?" * len(forms)), ", ".join("?" * len(openings))
    # One range of the key per form, each read from the index alone (as an
    # OR, SQLite may read the location's every word and PostgreSQL the rows).
    ranges = " UNION ALL ".join(
        [f"SELECT search_name, last_name, word, is_last, opening FROM {search_index.WORDS} "
         f"WHERE location_id = ? AND word >= ? AND word < ?"] * len(forms))
    best = (f"CASE WHEN word NOT IN ({exact}) THEN {int(Fit.PREFIX)} "
            f"WHEN NOT is_last THEN {int(Fit.NAME)} "
            f"WHEN opening IN ({opened}) THEN {int(Fit.FULL_NAME)} ELSE {int(Fit.SURNAME)} END")
    inner = (f"SELECT search_name, last_name, {best} AS bound FROM ({ranges}) w "
             f"ORDER BY bound, search_name{_in_order(conn)}, last_name")
    params = [*forms, *openings,
              *(x for f in forms for x in (location_id, f, _after_all_starting(f)))]
    return _judge_words(conn, location_id, judge, inner, params, per_name=len(forms))


def _near_words(conn: Connection, location_id: int, w: Word) -> list[str]:
    """The location's words (`search_index.VOCABULARY`) one edit away from
    the typed part, either form: among those one letter longer or shorter
    at most that start with its first two letters (an edit after them) or
    end with the rest (an edit within them) — every such word."""
    typed = sorted({w.bare, w.joined})
    starts, ends = sorted({t[:2] for t in typed}), sorted({t[2:] for t in typed})
    sql = (f"SELECT word FROM {search_index.VOCABULARY} WHERE location_id = ? "
           f"AND length(word) BETWEEN ? AND ? AND (substr(word, 1, 2) IN "
           f"({', '.join('?' * len(starts))}) OR "
           + " OR ".join(["word LIKE ?"] * len(ends)) + ")")
    rows = _run(conn, sql, [location_id, min(map(len, typed)) - 1, max(map(len, typed)) + 1,
                            *starts, *(f"%{end}" for end in ends)])
    return [word for (word,) in rows if any(_one_edit(t, word) for t in typed)]


def _by_near_words(conn: Connection, location_id: int, w: Word, judge: _Judge) -> None:
    """The names holding a word one edit away from the typed part, in name
    order: each new one is a guess (`Fit.FUZZY`)."""
    near = _near_words(conn, location_id, w)
    if near:
        inner = (f"SELECT search_name, last_name, {int(Fit.FUZZY)} AS bound "
                 f"FROM {search_index.WORDS} WHERE location_id = ? AND word IN "
                 f"({', '.join('?' * len(near))}) "
                 f"ORDER BY search_name{_in_order(conn)}, last_name")
        _judge_words(conn, location_id, judge, inner, [location_id, *near], per_name=1)


def _after_all_starting(prefix: str) -> str:
    """The least text after every text starting with `prefix` (bytewise)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _run(conn: Connection, sql: str, params: list) -> list[tuple]:
    """The rows of `sql` (with ? for each parameter) from the driver's cursor."""
    if conn.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    return _execute(conn, sql, tuple(params))


@dataclass
class _Judge:
    """Judges names arriving in bound order (the best fit each can have:
    `_by_words`' or `_fit_bound`, then name) into `found` until the names
    that rank before every name still to come hold `enough` clients (None:
    all of them); then `found.cut`."""

    q: Query
    found: _Found
    enough: int | None
    ahead: int = 0  # clients of judged names that rank before the names to come
    waiting: list[tuple[Fit, str, int]] = field(default_factory=list)  # a heap

    def take(self, rows: list[tuple]) -> bool:
        """Whether the names that will be shown are known."""
        names, waiting = self.found.names, self.waiting
        for row in rows:
            name, last, count = row[:3]
            if self.enough is not None:
                coming = (row[3], name)
                while waiting and waiting[0][:2] < coming:
                    self.ahead += heappop(waiting)[2]
                if self.ahead >= self.enough:
                    self.found.cut = True
                    return True
            key = (name, last)
            if key in names:
                continue
            fit = name_fit(self.q.words, name, last)
            if fit is not None:
                names[key] = (fit, count)
                if self.enough is not None:
                    heappush(waiting, (fit, name, count))
        return False


def _forms(w: Word) -> list[str]:
    """How a typed name part may stand in a search name as whole words: without
    its article, with it joined (al or el), or with the article apart
    ("alhassan": alhassan, elhassan, "al hassan", "el hassan"; for "al
    hassan" the word hassan holds the last two). "a", the start of al, may
    stand as el ("a" starts "El Hassan"'s part "alhassan")."""
    joined = {w.joined, "el" + w.joined[2:]} if w.joined[:2] in ("a", "al") else {w.joined}
    out = {w.bare} | joined
    for form in joined:
        out |= {f"{a} {form[len(a):]}" for a in ARTICLES
                if form.startswith(a) and len(form) > len(a) and form[len(a):] not in out}
    return [w.bare] + sorted(out - {w.bare})  # the likeliest first: the database stops there


def _fit_bound(words: list[Word]) -> tuple[str, list[str]]:
    """The best fit `name_fit` may give a name (SQL over `n.search_name`, and
    its parameters), computed by the database from the name's words and
    never worse than the true fit, so that the names can be judged in this
    order: a part inside the name when a typed part starts no word of it;
    the start of a name part when one is no whole word; the full name when
    its first and last words were typed (or the first is an article); the
    surname when its last word was; else whole name parts."""
    forms = [_forms(w) for w in words]
    every = list(dict.fromkeys(f for fs in forms for f in fs))
    params: list[str] = []

    def like(expr: str, patterns: list[str]) -> str:
        params.extend(patterns)
        return "(" + " OR ".join([f"{expr} LIKE ?"] * len(patterns)) + ")"

    spaced, closed, opened = "(' ' || n.search_name)", "(' ' || n.search_name || ' ')", \
        "(n.search_name || ' ')"
    starts = " AND ".join(like(spaced, [f"% {f}%" for f in fs]) for fs in forms)
    whole = " AND ".join(like(closed, [f"% {f} %" for f in fs]) for fs in forms)
    last = like(spaced, [f"% {f}" for f in every])
    first = like(opened, [f"{f} %" for f in every + sorted(ARTICLES)])
    params.extend(every)
    first = f"({first} OR n.search_name IN ({', '.join('?' * len(every))}))"
    last_again = like(spaced, [f"% {f}" for f in every])
    return (f"CASE WHEN NOT ({starts}) THEN {int(Fit.CONTAINS)} "
            f"WHEN NOT ({whole}) THEN {int(Fit.PREFIX)} "
            f"WHEN {last} AND {first} THEN {int(Fit.FULL_NAME)} "
            f"WHEN {last_again} THEN {int(Fit.SURNAME)} ELSE {int(Fit.NAME)} END", params)


def _may_fit(conn: Connection, location_id: int, w: Word):
    """What a client's name has when the typed part fits it at all (SQL; the
    judge decides how well): the part inside it, spaces left out, as
    `_word_fit` looks for it — which a whole part or a start also is, but
    for a part the name writes with el where the typed one has al (or "a",
    the start of al: "a" starts "El Bomb"'s part "albomb", and "elbomb"
    holds "el") — or, for a part long enough, a word one edit away
    (`_near_words`)."""
    c, words = m.Client, m.ClientNameWord
    compact = func.replace(c.search_name, " ", "")
    inside = {w.bare, w.joined}
    if w.joined[:2] in ("a", "al"):
        inside.add("el" + w.joined[2:])
    held = [compact.contains(part) for part in sorted(inside)]
    if len(w.bare) >= 4:
        near = _near_words(conn, location_id, w)
        if near:
            held.append(select(words.word).where(
                words.location_id == c.location_id, words.search_name == c.search_name,
                words.last_name == func.coalesce(c.last_name, ""), words.word.in_(near)).exists())
    return or_(*held)


def _among_clients(conn: Connection, location_id: int, q: Query, found: _Found,
                   limit: int | None, birth: list, *, first_only: bool) -> None:
    """Names judged client by client: with a birth date or year, which
    narrows more than a name (its index; the database passes on only the
    clients whose name may fit, `_may_fit`), or with only one- or two-letter
    words, too short for trigrams (`first_only`): then the first names (in
    name order, up to the caller's limit) with a word starting so; short
    typing matches most of the list."""
    c = m.Client
    stmt = select(c.id, c.search_name, c.last_name).where(c.location_id == location_id, *birth)
    if first_only:
        start = q.words[0].bare
        stmt = stmt.where(or_(c.search_name.like(f"{start}%"),
                              c.search_name.like(f"% {start}%"))) \
            .order_by(_bytewise_order(conn, c.search_name), c.id) \
            .limit(limit + 1 if limit else None)
    else:
        stmt = stmt.where(*(_may_fit(conn, location_id, w) for w in q.words))
    judged: dict[tuple[str, str | None], Fit | None] = {}
    for cid, name, last in _fetch(conn, stmt):
        key = (name, last)
        if key not in judged:
            judged[key] = name_fit(q.words, name, last)
        if judged[key] is not None:
            _keep(found.clients, cid, judged[key], name)

