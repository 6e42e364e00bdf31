"""The distinct names of each location's clients (`client_names`, the table
the search judges) stay equal to the clients, whoever writes and whatever
changes, on SQLite and PostgreSQL; a database saved before them gets them
filled and searchable."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import create_engine, delete, insert, select, text, update

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.migrate import upgrade
from vwdesk.core.services import base, client_search
from vwdesk.core.services.client_search import search
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM
from vwdesk.privacy.retention import erase_client

C, N, W, V = m.Client, m.ClientName, m.ClientNameWord, m.ClientWord


def _counted_by_hand(s) -> Counter:
    return Counter((loc, name, last or "") for loc, name, last in s.execute(
        select(C.location_id, C.search_name, C.last_name).where(C.search_name != "")))


def _kept(s) -> Counter:
    return Counter({(loc, name, last): n for loc, name, last, n in s.execute(
        select(N.location_id, N.search_name, N.last_name, N.clients))})


def _words_by_hand(location_id: int, name: str, last: str) -> set[tuple]:
    """The word rows of one name: each word, with al for el, and joined to
    an article before it; whether it is the last; the first word ('' for
    an article)."""
    raw = name.split()
    opening = "" if raw[0] in client_search.ARTICLES else raw[0]
    rows = set()
    for i, word in enumerate(raw):
        forms = {word, client_search._canonical(word)}
        if i and raw[i - 1] in client_search.ARTICLES:
            forms.add(client_search._canonical(raw[i - 1] + word))
        rows |= {(location_id, form, name, last, i == len(raw) - 1, opening) for form in forms}
    return rows


def _assert_kept(db) -> Counter:
    """The names, their words and the words' vocabulary equal what the
    clients hold."""
    with db.session() as s:
        kept = _kept(s)
        assert kept == _counted_by_hand(s)
        words = set(s.execute(select(W.location_id, W.word, W.search_name, W.last_name,
                                     W.is_last, W.opening)))
        assert words == set().union(*(_words_by_hand(*key) for key in kept))
        vocabulary = Counter({(loc, word): n for loc, word, n in s.execute(
            select(V.location_id, V.word, V.names))})
        assert vocabulary == Counter((loc, word) for loc, word, *_rest in words)
        return kept


def _client(s, office, number, first, last):
    return base.create(s, office.volunteer, "clients", office.location_id,
                       {"number": number, "first_name": first, "last_name": last}).id


def test_names_follow_every_write(office):
    loc = office.location_id
    with office.db.session() as s:
        omar = _client(s, office, "C1", "Omar", "Al-Hassan")
        _client(s, office, "C2", "Omar", "Al-Hassan")
        sara = _client(s, office, "C3", "Sara", "Elhassan")
        amal = _client(s, office, "C4", "Amal", None)
        _client(s, office, "C5", "Abu El Hassan", "Hassan")  # articles, a word twice
        other = create_location(s, SYSTEM, "Elders").id
    kept = _assert_kept(office.db)
    assert kept[(loc, "omar al hassan", "Al-Hassan")] == 2
    assert kept[(loc, "amal", "")] == 1

    with office.db.session() as s:  # renamed through the write path
        c = base.get(s, office.volunteer, "clients", sara)
        base.update(s, office.volunteer, "clients", sara, c.version, {"last_name": "Tekle"})
    kept = _assert_kept(office.db)
    assert (loc, "sara elhassan", "Elhassan") not in kept

    with office.db.session() as s:  # bulk writers: an insert of many, a move, a raw rename
        s.execute(insert(C), [{"location_id": loc, "number": f"B{i}", "search_name": "amal",
                               "amv": False} for i in range(3)])
        s.execute(update(C).where(C.id == omar).values(location_id=other))
        s.execute(update(C).where(C.id == amal).values(last_name="Khalil",
                                                       search_name="amal khalil"))
    kept = _assert_kept(office.db)
    assert kept[(loc, "omar al hassan", "Al-Hassan")] == 1
    assert kept[(other, "omar al hassan", "Al-Hassan")] == 1
    assert kept[(loc, "amal", "")] == 3

    erase_client(office.db, office.teamleader, sara, "verzoek per brief")  # anonymised
    kept = _assert_kept(office.db)
    assert not any(name.startswith("sara") for _loc, name, _last in kept)

    with office.db.session() as s:  # deleted, one by one and all at once
        c = base.get(s, office.volunteer, "clients", amal)
        base.delete(s, office.volunteer, "clients", amal, c.version)
        s.execute(delete(C).where(C.search_name == "amal"))
    kept = _assert_kept(office.db)
    assert set(kept) == {(loc, "omar al hassan", "Al-Hassan"),
                         (other, "omar al hassan", "Al-Hassan"),
                         (loc, "abu el hassan hassan", "Hassan")}


def test_a_database_saved_before_the_names_table_gets_it_filled(tmp_path):
    path = tmp_path / "at-0004.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0004")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO locations (id, name, created_at, updated_at, version) "
                          "VALUES (1, 'Oud', '2018-01-01', '2018-01-01', 1)"))
        for cid, first, last, name in ((1, "Omar", "Al-Hassan", "omar al hassan"),
                                       (2, "Omar", "Al-Hassan", "omar al hassan"),
                                       (3, "Hassan", "Tekle", "hassan tekle"),
                                       (4, None, None, "")):
            conn.execute(text("INSERT INTO clients (id, location_id, number, first_name, "
                              "last_name, search_name, amv, created_at, updated_at, version) "
                              "VALUES (:id, 1, :number, :first, :last, :name, 0, '2018-01-01', "
                              "'2018-01-01', 1)"),
                         {"id": cid, "number": f"C{cid}", "first": first, "last": last,
                          "name": name})
    engine.dispose()
    db = Database(f"sqlite:///{path}")  # opening migrates to the newest schema
    kept = _assert_kept(db)
    assert kept == Counter({(1, "omar al hassan", "Al-Hassan"): 2, (1, "hassan tekle", "Tekle"): 1})
    with db.engine.connect() as conn:
        assert search(conn, 1, "hassan").ids == [1, 2, 3]  # surname, then first name
    with db.session() as s:  # the triggers run from now on
        s.add(m.Client(location_id=1, number="C5", first_name="Hassan", last_name="Tekle",
                       search_name="hassan tekle", birth_date=dt.date(1990, 1, 1)))
    assert _assert_kept(db)[(1, "hassan tekle", "Tekle")] == 2
    db.close()


def test_the_words_filled_at_once_equal_those_kept_one_by_one(office):
    """Migration 0006 fills the word tables from the names a table at a
    time: the same rows the triggers write name by name."""
    from vwdesk.core import search_index

    with office.db.session() as s:
        for i, (first, last) in enumerate((("Omar", "Al-Hassan"), ("Abu El Hassan", "Hassan"),
                                           ("Sara", "Elhassan"), ("Ayşe", "Işık"),
                                           ("ሃብቶም", None), ("Piet", "van Dijk"))):
            _client(s, office, f"W{i}", first, last)
    kept = _assert_kept(office.db)
    with office.db.engine.begin() as conn:
        search_index.uninstall_words(conn)
        search_index.install_words(conn)
    assert _assert_kept(office.db) == kept
    with office.db.session() as s:  # and the triggers are back
        _client(s, office, "W9", "Tekle", "Hassan")
    assert _assert_kept(office.db)[(office.location_id, "tekle hassan", "Hassan")] == 1
