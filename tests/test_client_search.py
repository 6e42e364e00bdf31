"""Searching clients: ranked by fit, spelling variants, and when the top
match is clearly the one meant (Enter may take it). On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from vwdesk.core import search_index
from vwdesk.core.services import base, client_search, clients
from vwdesk.core.services.client_search import Fit

PEOPLE = {
    # key: (number, first, last, birth)
    "nadir": ("C00041", "Nadir", "Zabal", dt.date(1985, 3, 12)),
    "zabal_first": ("C00042", "Zabal", "Haddad", dt.date(1990, 1, 1)),
    "hassan": ("C00043", "Omar", "Al-Hassan", dt.date(1979, 6, 30)),
    "elhassan": ("C00044", "Sara", "Elhassan", None),
    "hassan_first": ("C00045", "Hassan", "Tekle", dt.date(1985, 8, 1)),
    "hassan_first2": ("C00046", "Hassan", "Yilmaz", None),
    "vandijk": ("C00047", "Piet", "van Dijk", None),
    "geez": ("C00048", "ሃብቶም", "Tesfay", dt.date(2001, 2, 3)),
    "isik": ("C00410", "Ayşe", "Işık", None),
    "amal": ("C00049", "Amal", "Khalil", None),
}


@pytest.fixture
def people(office):
    with office.db.session() as s:
        return {key: base.create(s, office.volunteer, "clients", office.location_id, {
            "number": n, "first_name": f, "last_name": la, "birth_date": b}).id
            for key, (n, f, la, b) in PEOPLE.items()}


def found(office, query, limit=None):
    with office.db.session() as s:
        return clients.search(s, office.volunteer, office.location_id, query, limit)


def keys(people, result):
    by_id = {v: k for k, v in people.items()}
    return [by_id[i] for i in result.ids]


def test_full_surname_ranks_above_a_first_name_of_that_word(office, people):
    result = found(office, "zabal")
    assert keys(people, result)[:2] == ["nadir", "zabal_first"]
    assert [m.fit for m in result.matches[:2]] == [Fit.SURNAME, Fit.NAME]
    assert not result.clear


def test_word_order_and_a_full_name_is_clear(office, people):
    for query in ("zabal nadir", "Nadir Zabal", "NADIR, zabal"):
        result = found(office, query)
        assert keys(people, result) == ["nadir"], query
        assert result.matches[0].fit == Fit.FULL_NAME and result.clear


def test_a_first_name_shared_by_two_is_not_clear(office, people):
    result = found(office, "hassan")
    ranked = keys(people, result)
    # Al-Hassan (surname, article left out) first; the two first names
    # "Hassan"; "Elhassan" written joined holds it inside.
    assert ranked[0] == "hassan" and result.matches[0].fit == Fit.SURNAME
    assert set(ranked[1:3]) == {"hassan_first", "hassan_first2"}
    assert ranked[3] == "elhassan" and result.matches[3].fit == Fit.CONTAINS
    assert not result.clear


def test_articles_apart_or_joined_al_and_el_alike(office, people):
    for query in ("al hassan", "alhassan", "al-hassan", "el hassan", "elhassan"):
        ranked = keys(people, found(office, query))
        assert ranked[:2] == ["hassan", "elhassan"] or ranked[:2] == ["elhassan", "hassan"], query
    assert keys(people, found(office, "vandijk")) == ["vandijk"]
    assert keys(people, found(office, "van dijk piet")) == ["vandijk"]
    assert found(office, "piet van dijk").clear


def test_one_edit_away(office, people):
    result = found(office, "hasan tekle")
    assert keys(people, result) == ["hassan_first"]
    assert result.matches[0].fit == Fit.FUZZY
    assert not result.clear  # a guess is never taken by Enter
    assert keys(people, found(office, "nadr zabal")) == ["nadir"]
    assert "amal" in keys(people, found(office, "amaal"))


def test_numbers_without_prefix_or_leading_zeros(office, people):
    for query in ("41", "00041", "C00041", "c00041"):
        result = found(office, query)
        assert keys(people, result)[0] == "nadir", query
        assert result.matches[0].fit == Fit.NUMBER and result.clear, query
    # "C0004" is the start of ten numbers: none is clear.
    result = found(office, "C0004")
    assert len(result.ids) == 9 and not result.clear
    assert {m.fit for m in result.matches} == {Fit.NUMBER_START}


def test_birth_year_and_date(office, people):
    assert set(keys(people, found(office, "1985"))) == {"nadir", "hassan_first"}
    assert keys(people, found(office, "hassan 1985")) == ["hassan_first"]
    result = found(office, "12-03-1985")
    assert keys(people, result) == ["nadir"] and result.matches[0].fit == Fit.BIRTH
    assert result.clear  # the only client born that day
    assert keys(people, found(office, "3-2-2001")) == ["geez"]


def test_other_scripts_through_transliteration(office, people):
    assert keys(people, found(office, "ሃብቶም")) == ["geez"]
    assert keys(people, found(office, "habtom")) == ["geez"]
    assert keys(people, found(office, "isik")) == ["isik"]
    assert keys(people, found(office, "ayse işık")) == ["isik"]


def test_limit_more_and_nothing(office, people):
    result = found(office, "hassan", limit=2)
    assert len(result.ids) == 2 and result.more
    assert found(office, "qqqqq").ids == [] and not found(office, "qqqqq").clear
    assert found(office, "%").ids == []
    assert found(office, "   ").ids == []


def test_short_typing_matches_the_start_of_a_name_part(office, people):
    assert set(keys(people, found(office, "ha"))) == {"hassan", "hassan_first", "hassan_first2",
                                                     "geez", "zabal_first"}


def test_short_typing_reads_the_first_names_in_order_from_an_index(office, people,
                                                                   monkeypatch):
    """Short typing reads a location's first clients in bytewise name order
    and stops at the limit: an index has them in that order (PostgreSQL,
    whatever the database's collation: migration 0007), so no client beyond
    the limit is read and sorted. Checked on the statement the search runs,
    with the planner kept off plain table scans and sorts where it can do
    without (a few test rows would otherwise be read whole and sorted)."""
    if office.db.is_sqlite:
        pytest.skip("SQLite's own order is bytewise; its index serves it")
    ran = []
    monkeypatch.setattr(client_search, "_execute",
                        lambda _conn, sql, params: ran.append((sql, params)) or [])
    found(office, "ab", limit=5)
    [(sql, params)] = [r for r in ran if "LIKE" in r[0] and "LIMIT" in r[0]]
    with office.db.engine.connect() as conn:
        cursor = conn.connection.cursor()
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")  # taken where the order allows
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    nodes = [line.strip().removeprefix("->").strip() for line in plan.splitlines()]
    assert search_index.PG_BYTEWISE_INDEX in plan, plan
    # At most equal names ordered by id (an incremental sort on the names'
    # order); a sort of the names themselves would read them all.
    sorts = [n for n in nodes if n.startswith(("Sort  (", "Incremental Sort  ("))]
    assert not sorts or "Presorted Key: search_name" in nodes, plan


def test_renamed_and_deleted_clients_leave_the_index(office, people):
    with office.db.session() as s:
        c = base.get(s, office.volunteer, "clients", people["amal"])
        base.update(s, office.volunteer, "clients", c.id, c.version, {"last_name": "Qureshi"})
    assert keys(people, found(office, "khalil")) == []
    assert keys(people, found(office, "qureshi")) == ["amal"]
    with office.db.session() as s:
        c = base.get(s, office.volunteer, "clients", people["amal"])
        base.delete(s, office.volunteer, "clients", c.id, c.version)
    assert found(office, "qureshi").ids == []


def test_without_the_trigram_index_the_same_matches(office, people, monkeypatch):
    queries = ("hassan", "zabal nadir", "hasan tekle", "el hassan", "41", "ha", "1985")
    indexed = {q: found(office, q).matches for q in queries}
    monkeypatch.setattr(search_index, "available", lambda conn: False)
    assert {q: found(office, q).matches for q in queries} == indexed


def test_search_ids_and_find_keep_the_ranking(office, people):
    with office.db.session() as s:
        ids = clients.search_ids(s, office.volunteer, office.location_id, "zabal")
        rows = clients.find(s, office.volunteer, office.location_id, "zabal", 5)
    assert ids[:2] == [people["nadir"], people["zabal_first"]]
    assert [r.id for r in rows] == ids


def test_find_ranked_gives_rows_with_their_fit(office, people):
    with office.db.session() as s:
        found = clients.find_ranked(s, office.volunteer, office.location_id, "nadir zabal")
    assert found.clear and not found.more
    assert [(r.number, fit) for r, fit in found.rows] == [("C00041", Fit.FULL_NAME)]


def test_sqlite_has_fts5_with_the_trigram_tokenizer(sqlite_db):
    """The SQLite this Python ships (also the Windows build) can hold the index."""
    with sqlite_db.engine.connect() as conn:
        assert search_index.available(conn)


def test_a_unique_surname_above_only_guesses_is_clear(office, people):
    """"mesom": Fitay Mesom by surname, Hagu Tesom one edit away — the
    surname is clearly the one meant. A whole name part above a start of a
    name or a part inside one is not: that one may be meant."""
    with office.db.session() as s:
        for n, f, la in (("C00501", "Fitay", "Mesom"), ("C00502", "Hagu", "Tesom"),
                         ("C00505", "Fitaj", "Berhe")):
            base.create(s, office.volunteer, "clients", office.location_id,
                        {"number": n, "first_name": f, "last_name": la})
    result = found(office, "mesom")
    assert [m.fit for m in result.matches] == [Fit.SURNAME, Fit.FUZZY]
    assert result.clear
    # A unique first name above a guess only: clear too.
    result = found(office, "fitay")
    assert [m.fit for m in result.matches] == [Fit.NAME, Fit.FUZZY] and result.clear
    with office.db.session() as s:
        base.create(s, office.volunteer, "clients", office.location_id,
                    {"number": "C00503", "first_name": "Dawit", "last_name": "Almesom"})
    result = found(office, "mesom")
    assert [m.fit for m in result.matches] == [Fit.SURNAME, Fit.CONTAINS, Fit.FUZZY]
    assert not result.clear
    with office.db.session() as s:
        base.create(s, office.volunteer, "clients", office.location_id,
                    {"number": "C00504", "first_name": "Selam", "last_name": "Mesom"})
    result = found(office, "mesom")
    assert [m.fit for m in result.matches[:2]] == [Fit.SURNAME, Fit.SURNAME]
    assert not result.clear


def test_many_clients_of_one_name_rank_by_id_and_the_cut_falls_inside_a_name(office, people):
    """Clients of one name share its fit: they come in id order, a limit may
    cut between them, and a client found both by number and by name counts
    once, at its best fit."""
    with office.db.session() as s:
        made = [base.create(s, office.volunteer, "clients", office.location_id,
                            {"number": f"C{700 + i:05d}", "first_name": "Hassan",
                             "last_name": "Tekle"}).id for i in range(5)]
    everyone = found(office, "hassan")
    assert everyone.ids[0] == people["hassan"]  # Al-Hassan: the surname
    tekle = [i for i in everyone.ids if i in made or i == people["hassan_first"]]
    assert tekle == sorted(tekle) and len(tekle) == 6
    first_four = found(office, "hassan", limit=4)
    assert first_four.ids == everyone.ids[:4] and first_four.more
    assert not found(office, "hassan", limit=len(everyone.ids)).more
    both = found(office, "hassan 704")
    assert both.ids[0] == made[4] and both.matches[0].fit == Fit.NUMBER
    assert both.ids.count(made[4]) == 1


def test_one_search_name_with_different_surnames_fits_each_by_its_own(office, people):
    """"Abdi Mohamed" Ali and Abdi "Mohamed Ali" share the search name "abdi
    mohamed ali": typed "ali" is the whole surname of the first only."""
    with office.db.session() as s:
        made = [base.create(s, office.volunteer, "clients", office.location_id,
                            {"number": n, "first_name": f, "last_name": la}).id
                for n, f, la in (("C00801", "Abdi", "Mohamed Ali"),
                                 ("C00802", "Abdi Mohamed", "Ali"),
                                 ("C00803", "Abdi Mohamed", "Ali"))]
    result = found(office, "ali")
    assert [(m.client_id, m.fit) for m in result.matches[:3]] == [
        (made[1], Fit.SURNAME), (made[2], Fit.SURNAME), (made[0], Fit.NAME)]
    assert found(office, "ali", limit=1).ids == [made[1]]


def _crowd(office, n=240):
    """`n` synthetic clients whose names share parts in every way a name can
    (whole, start, inside, articles apart or joined, one edit away)."""
    # With names that hold a word twice or an article chain, where a full
    # name is easy to miss ("Hassan Hassan", "Abu Al Hassan", "Deniz Aldeniz").
    given = ["Hassan", "Hasan", "Omar", "Alhassan", "Hassanein", "Sara", "Tekle", "Elias",
             "Hassan Hassan", "Abu", "Deniz", "El"]
    family = ["Al-Hassan", "El Hassan", "Tekle", "Hassan", "Khalil", "Elhassan", "Tekleab",
              "Abu Omar", "de Hassan", "Abu Al Hassan", "Aldeniz", "Hassan Hassan"]
    with office.db.session() as s:
        for i in range(n):
            first = given[i % len(given)]
            if i % 3:
                first += " " + given[(i * 7 // 3) % len(given)]
            base.create(s, office.volunteer, "clients", office.location_id, {
                "number": f"C{900 + i:05d}", "first_name": first,
                "last_name": family[(i * 5 // 2) % len(family)],
                "birth_date": dt.date(1980 + i % 7, 1 + i % 12, 1 + i % 28)})


CROWD_QUERIES = ("hassan", "al hassan", "elhassan", "hassan omar", "omar al hassan", "tekle",
                 "hasan", "assan", "teklea", "abu omar", "hassan tekle", "has om", "elias",
                 "hassanein hassan", "khalil hassan", "hassan 903", "omar 1983", "hasaan",
                 "hassa", "alhas", "el hassan", "abu", "abual", "deniz", "al deniz", "aldeniz",
                 "sara", "om", "alh", "alha", "alde", "elh", "a hassan", "hassan a", "a tekle",
                 "al omar", "ald omar")


def test_a_limit_cuts_the_full_ranking_at_that_place(office, people):
    """Whatever the limit, the matches are the first of the unlimited ranking,
    with the same `more` and `clear`."""
    _crowd(office)
    for query in CROWD_QUERIES:
        everything = found(office, query)
        for limit in (1, 2, 5, 17, 60, 200):
            cut = found(office, query, limit)
            assert cut.matches == everything.matches[:limit], (query, limit)
            assert cut.more == (len(everything.matches) > limit), (query, limit)
            assert cut.clear == everything.clear, (query, limit)


def test_a_keystroke_judges_only_the_names_it_can_show(office, people, monkeypatch):
    """With a limit, names that rank below it are left to the database's
    order: a common name part judges a few more names than are shown, not
    every name that holds it."""
    _crowd(office, 400)
    judged = []
    real = client_search.name_fit
    monkeypatch.setattr(client_search, "name_fit",
                        lambda words, name, last: judged.append(name) or real(words, name, last))
    result = found(office, "hassan", limit=5)
    assert len(result.ids) == 5 and result.more
    assert 0 < len(judged) < 5 + 1 + client_search._MARGIN + 5


def test_elhassan_typed_joined_finds_al_hassan_among_many(office, people):
    """"elhassan" is "Al-Hassan" too, also when so many others hold
    "elhassan" that no one-edit guesses are looked for."""
    with office.db.session() as s:
        for i in range(client_search.FUZZY_BELOW):
            base.create(s, office.volunteer, "clients", office.location_id,
                        {"number": f"C{2000 + i:05d}", "first_name": "Sara",
                         "last_name": "Elhassan"})
    result = found(office, "elhassan")
    assert people["hassan"] in result.ids
    assert result.matches[result.ids.index(people["hassan"])].fit == Fit.SURNAME


def test_with_a_birth_year_the_database_passes_on_every_name_that_may_fit(office, people,
                                                                        monkeypatch):
    """With a birth date or year the clients born then are judged one by
    one; the database leaves out only names the typing cannot fit (not
    inside them, no word one edit away): the same matches as judging all."""
    from sqlalchemy import true

    _crowd(office)
    queries = ("omar 1983", "omr 1983", "hasan 1984", "al hassan 1985", "1986 teklea",
               "elhasan 1981", "sara omar 1982", "abu 1980", "hassan 12-3-1985", "zzz 1984",
               "alhassan 1983", "alhassan 1984", "alhasan 1985", "deniz 1986")
    filtered = {query: found(office, query) for query in queries}
    assert any(len(result.ids) > 1 for result in filtered.values())
    monkeypatch.setattr(client_search, "_may_fit", lambda conn, location_id, w: true())
    for query in queries:
        assert found(office, query) == filtered[query], query


def test_a_birth_year_alone_cuts_at_the_limit_as_the_full_ranking(office, people):
    """A year or date alone: the clients born then (and numbers starting so),
    cut at the limit where the full ranking would be."""
    _crowd(office)
    with office.db.session() as s:  # a number that starts with the year
        base.create(s, office.volunteer, "clients", office.location_id,
                    {"number": "1983-7", "first_name": "Nummer", "last_name": "Jaar",
                     "birth_date": dt.date(1983, 5, 5)})
    for query in ("1983", "1-1-1980", "1985"):
        everything = found(office, query)
        assert len(everything.ids) > 2, query
        for limit in (1, 2, 5, 17):
            cut = found(office, query, limit)
            assert cut.matches == everything.matches[:limit], (query, limit)
            assert cut.more == (len(everything.matches) > limit)
            assert cut.clear == everything.clear


def test_a_typed_part_is_looked_for_with_el_only_when_it_starts_with_al(office):
    """"omar" is not "elar": Maria Velarde, born that year, is no match for
    "omar 1985", and Enter must not take her; "alhas" does find "El Hassan"."""
    with office.db.session() as s:
        velarde = _client_born(s, office, "V1", "Maria", "Velarde", dt.date(1985, 4, 4))
        omar = _client_born(s, office, "V2", "Omar", "Tekle", dt.date(1986, 4, 4))
        el_hassan = _client_born(s, office, "V3", "Sara", "El Hassan", dt.date(1985, 5, 5))
    result = found(office, "omar 1985")
    assert velarde not in result.ids and not (result.clear and result.ids[0] != omar)
    assert found(office, "hassan 1985").ids == [el_hassan]
    assert found(office, "alhas 1985").ids == [el_hassan]
    assert found(office, "alhas").ids == [el_hassan]


def _client_born(s, office, number, first, last, birth):
    return base.create(s, office.volunteer, "clients", office.location_id,
                       {"number": number, "first_name": first, "last_name": last,
                        "birth_date": birth}).id


def test_random_names_cut_where_the_full_ranking_would(office):
    """Names put together at random from articles, el/al forms, repeated and
    one-letter words: whatever is typed (but one- or two-letter typing
    alone, which shows the first names in name order), a search with a
    limit is the head of the full ranking, and as clear."""
    import random

    parts = ["hassan", "Hassan", "al", "El", "Abu", "de", "van", "ben", "Omar", "Elias",
             "Alhassan", "Elhassan", "Ali", "Alaa", "Tekle", "Teklu", "Sara", "Deniz", "Aldeniz",
             "Bakr", "A", "Habtom", "ሃብቶም", "Hasan", "Hassanein", "Ela", "Alia"]
    typed = ["hassan", "al", "el", "a", "alh", "alha", "elh", "has", "hasan", "hassa", "abu",
             "abual", "de", "deniz", "alde", "aldeniz", "omar", "omr", "teklu", "tekle", "habtm",
             "ela", "alia", "ali", "elhassan", "alhassan", "bakr", "abubakr", "ben", "hassanein",
             "sara", "a hassan", "al hassan", "el hassan"]
    rnd = random.Random(7)
    with office.db.session() as s:
        for i in range(400):
            first = " ".join(rnd.choice(parts) for _ in range(rnd.randint(1, 3)))
            last = " ".join(rnd.choice(parts) for _ in range(rnd.randint(0, 2))) or None
            base.create(s, office.volunteer, "clients", office.location_id, {
                "number": f"R{i:04d}", "first_name": first, "last_name": last,
                "birth_date": dt.date(1980 + i % 5, 1 + i % 12, 1 + i % 27)})
    asked = 0
    while asked < 150:
        query = " ".join(rnd.choice(typed) for _ in range(rnd.randint(1, 2)))
        if all(len(w.bare) < 3 for w in client_search.parse(query).words):
            continue
        if rnd.random() < 0.15:
            query += f" {rnd.choice([1980, 1981, 1982])}"
        asked += 1
        everything = found(office, query)
        for limit in (1, 3, 10, 40):
            cut = found(office, query, limit)
            assert cut.matches == everything.matches[:limit], (query, limit)
            assert cut.clear == everything.clear, (query, limit)
