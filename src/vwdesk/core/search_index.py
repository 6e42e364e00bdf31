"""The distinct folded names of each location's clients and a trigram index
over them, so that no search keystroke reads every name of a location, nor
every client of a common name.

`client_names` holds a row per location, search name and surname with the
number of clients that have it (`models.ClientName`). A client's fit in the
search depends on nothing else, so the search judges these rows — at
100,000 clients, a common name part such as "hassan" matches thousands of
clients but far fewer names — and reads client ids only for the names it
shows. Per location (not one row per name for all locations): the search
then needs nothing but the row to keep a location's names to itself, and a
teamleader's search never touches another location's clients.

Triggers on `clients` keep the table equal to the clients, whoever writes
(the services, the exchange import's bulk inserts, retention, erasure, a
bulk loader's executemany or COPY): insert, delete and a change of
location, search name or surname move one count; a row whose count drops
to 0 is deleted, so an erased or anonymised client's name leaves the table
(and, with `secure_delete`, the file). Clients without a search name (the
anonymised) have no row.

The indexed text is a row's `search_name` without its spaces ("al hassan
tekle" → "alhassantekle"), so a name typed with or without the spaces and
hyphens between its parts is found as a substring.

- SQLite: an FTS5 table with the `trigram` tokenizer
  (`client_name_trigrams`, rowid = `client_names.id`), kept by two triggers
  on `client_names`. FTS5 and its trigram tokenizer (SQLite ≥ 3.34) are in
  the SQLite of every supported CPython: the python.org Windows builds
  compile their bundled SQLite (3.39 and newer for 3.11) with
  `SQLITE_ENABLE_FTS5` (`PCbuild/sqlite3.vcxproj`, the same on the 3.10 to
  3.14 branches), and Debian's and Ubuntu's SQLite have it too; a test fails
  where it is missing, and the search falls back to reading the location's
  names (below). FTS5 keeps the trigrams of a deleted row in its index
  until it merges that segment; where SQLite has FTS5's `secure-delete`
  option (3.42 and newer) it is switched on, so they go at once.
- PostgreSQL: a GIN index with `pg_trgm`'s `gin_trgm_ops` on the same
  expression, which `LIKE '%…%'` uses. Creating the extension needs the
  database owner (it is a trusted extension) or a superuser; without it the
  index is left out and search reads the location's names from the
  table's (location, name) key instead — correct, only slower.

Neither index is part of the SQLAlchemy models (a virtual table and an
operator-class index are dialect-specific), nor PostgreSQL's index of the
clients in bytewise name order (`PG_BYTEWISE_INDEX`, on an expression);
`SEARCH_OBJECTS` names them so the schema comparison leaves them out.

`client_name_words` (migration 0006, `models.ClientNameWord`) holds, per
name row, each word of its search name, that word with al for el
("elhassan" → "alhassan"), and each word joined to an article before it
("al hassan" → "alhassan"), marked when it is the last word, with the
name's first word (`opening`; '' when that is an article): a superset of
the name parts the search's `name_fit` sees. Its key starts (location,
word), so a typed word finds the names with a word equal to it or starting
with it in one range of the index, and their best possible fit (the full
name or surname when it is the last word, a whole part, a start) without
reading a name row or the trigram index: a common name part such as
"hassan" no longer costs a look at every name holding it. Two triggers on
`client_names` keep it (a name row's key never changes; only its count
does). The words are split in SQL: `json_each` on SQLite (JSON is part of
SQLite since 3.38; the python.org Windows builds of 3.11 carry 3.39 or
newer, and Debian's SQLite had it before), `unnest ... WITH ORDINALITY` on
PostgreSQL; a folded name holds letters, digits and single spaces only
(`core.text.fold_words`), so the split is exact. On PostgreSQL its text
columns compare bytewise (collation "C"), as Python compares them: the
prefix range and the name order hold for any database locale.

`client_words` (`models.ClientWord`) holds each location's distinct words of
that table with the number of its rows that hold it, kept by two triggers on
`client_name_words`: a typed word one letter off ("habtm") is looked for
among these few thousand words, not among the names.
"""

from __future__ import annotations

import logging
import weakref

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

NAMES = "client_names"
WORDS = "client_name_words"
VOCABULARY = "client_words"
# The articles a name part may carry, written apart or joined ("al hassan",
# "alhassan"); al and el are one (`client_search`).
ARTICLES = frozenset({"al", "el", "abu", "ben", "van", "de"})
FTS_TABLE = "client_name_trigrams"
PG_INDEX = "ix_client_names_trgm"
# PostgreSQL: the clients of a location in bytewise name order (migration
# 0007), as the search ranks them whatever the database's collation; short
# typing reads the first of them. SQLite's own order is bytewise.
PG_BYTEWISE_INDEX = "ix_clients_location_search_bytes"
# Tables and indexes the migrations make outside the models (the FTS5 table
# and its shadow tables, the trigram index, the bytewise index on an
# expression, which the schema comparison cannot reflect).
SEARCH_OBJECTS = (FTS_TABLE, PG_INDEX, PG_BYTEWISE_INDEX)

COMPACT = "replace({0}.search_name, ' ', '')"
_KEY = ("location_id", "search_name", "last_name")


def _key_of(row: str) -> tuple[str, str, str]:
    return f"{row}.location_id", f"{row}.search_name", f"coalesce({row}.last_name, '')"


def _more(row: str) -> str:
    """The statement counting `row`'s client in (both databases)."""
    return (f"INSERT INTO {NAMES} ({', '.join(_KEY)}, clients) "
            f"VALUES ({', '.join(_key_of(row))}, 1) ON CONFLICT ({', '.join(_KEY)}) "
            f"DO UPDATE SET clients = {NAMES}.clients + 1;")


def _less(row: str) -> str:
    """The statements counting `row`'s client out, and its name's row out with
    the last client."""
    where = " AND ".join(f"{k} = {v}" for k, v in zip(_KEY, _key_of(row), strict=True))
    return (f"UPDATE {NAMES} SET clients = clients - 1 WHERE {where};\n"
            f"DELETE FROM {NAMES} WHERE {where} AND clients <= 0;")


_SQLITE_CHANGED = ("old.location_id IS NOT new.location_id OR old.search_name IS NOT "
                   "new.search_name OR old.last_name IS NOT new.last_name")

_SQLITE_NAMES = [
    f"""CREATE TRIGGER {NAMES}_insert AFTER INSERT ON clients
        WHEN new.search_name <> '' BEGIN
          {_more("new")}
        END""",
    f"""CREATE TRIGGER {NAMES}_delete AFTER DELETE ON clients
        WHEN old.search_name <> '' BEGIN
          {_less("old")}
        END""",
    # Two triggers for a change: either side may have no name.
    f"""CREATE TRIGGER {NAMES}_update_old AFTER UPDATE OF location_id, search_name, last_name
        ON clients WHEN old.search_name <> '' AND ({_SQLITE_CHANGED}) BEGIN
          {_less("old")}
        END""",
    f"""CREATE TRIGGER {NAMES}_update_new AFTER UPDATE OF location_id, search_name, last_name
        ON clients WHEN new.search_name <> '' AND ({_SQLITE_CHANGED}) BEGIN
          {_more("new")}
        END""",
]
_SQLITE_NAME_TRIGGERS = ("insert", "delete", "update_old", "update_new")

# A name's row is only ever inserted or deleted (its count is no part of the index).
_SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, tokenize = 'trigram')",
    f"""CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {NAMES} BEGIN
        INSERT INTO {FTS_TABLE} (rowid, name) VALUES (new.id, {COMPACT.format('new')});
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {NAMES} BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
    END""",
]

_POSTGRESQL_NAMES = [
    f"""CREATE FUNCTION {NAMES}_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.search_name <> '' THEN
            {_less("OLD")}
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.search_name <> '' THEN
            {_more("NEW")}
          END IF;
          RETURN NULL;
        END $$""",
    f"""CREATE TRIGGER {NAMES}_count AFTER INSERT OR DELETE ON clients
        FOR EACH ROW EXECUTE FUNCTION {NAMES}_count()""",
    f"""CREATE TRIGGER {NAMES}_update AFTER UPDATE OF location_id, search_name, last_name
        ON clients FOR EACH ROW WHEN (OLD.location_id IS DISTINCT FROM NEW.location_id
                                      OR OLD.search_name IS DISTINCT FROM NEW.search_name
                                      OR OLD.last_name IS DISTINCT FROM NEW.last_name)
        EXECUTE FUNCTION {NAMES}_count()""",
]


def _canonical(word: str) -> str:
    """SQL of `client_search._canonical`: al for a leading el."""
    return f"CASE WHEN substr({word}, 1, 2) = 'el' AND length({word}) > 4 " \
           f"THEN 'al' || substr({word}, 3) ELSE {word} END"


_ARTICLE_LIST = ", ".join(f"'{a}'" for a in sorted(ARTICLES))


def _sqlite_word_parts(row: str) -> list[tuple[str, str]]:
    """(word, FROM … WHERE …) of the three kinds of word of `row`'s search
    name (see the module), SQLite; each FROM names the word's place `w`."""
    each = f"""json_each('["' || replace({row}.search_name, ' ', '","') || '"]')"""
    return [("w.value", f"{each} w"),
            (_canonical("w.value"), f"{each} w"),
            (_canonical("a.value || w.value"),
             f"{each} w JOIN {each} a ON a.key = w.key - 1 WHERE a.value IN ({_ARTICLE_LIST})")]


def _sqlite_is_last(row: str) -> str:
    return (f"""w.key = json_array_length('["' || replace({row}.search_name, ' ', '","') """
            f"""|| '"]') - 1""")


def _sqlite_words(row: str) -> str:
    """(word, is_last) of `row`'s search name (see the module), SQLite."""
    return " UNION ".join(f"SELECT {word} AS word, {_sqlite_is_last(row)} AS is_last FROM {src}"
                          for word, src in _sqlite_word_parts(row))


def _sqlite_first(row: str) -> str:
    return f"substr({row}.search_name, 1, instr({row}.search_name || ' ', ' ') - 1)"


def _postgresql_words(row: str) -> str:
    """(word, is_last) of `row`'s search name (see the module), PostgreSQL."""
    before = "p.a[w.i - 1]"  # NULL for the first word
    return (f"SELECT DISTINCT k.word, w.i = cardinality(p.a) AS is_last "
            f"FROM (SELECT string_to_array({row}.search_name, ' ') AS a) p "
            f"CROSS JOIN LATERAL unnest(p.a) WITH ORDINALITY AS w(v, i) "
            f"CROSS JOIN LATERAL (VALUES (w.v), ({_canonical('w.v')}), "
            f"(CASE WHEN {before} IN ({_ARTICLE_LIST}) THEN {_canonical(before + ' || w.v')} "
            f"END)) AS k(word) WHERE k.word IS NOT NULL")


_WORD_COLUMNS = "location_id, word, search_name, last_name, is_last, opening"


def _opening(first_word: str) -> str:
    return f"CASE WHEN {first_word} IN ({_ARTICLE_LIST}) THEN '' ELSE {first_word} END"


def _words_in(row: str, words: str, first_word: str) -> str:
    """The rows of `row`'s words, in word order: each counts its word in the
    vocabulary, and on PostgreSQL two transactions that add names sharing
    words then lock those counts in the same order (no deadlock between them)."""
    return (f"INSERT INTO {WORDS} ({_WORD_COLUMNS}) SELECT {row}.location_id, k.word, "
            f"{row}.search_name, {row}.last_name, k.is_last, {_opening(first_word)} "
            f"FROM ({words}) k ORDER BY k.word, k.is_last")


def _words_out(row: str, words: str) -> str:
    return (f"DELETE FROM {WORDS} WHERE location_id = {row}.location_id AND word IN "
            f"(SELECT word FROM ({words}) k) AND search_name = {row}.search_name "
            f"AND last_name = {row}.last_name")


# A name row is only ever inserted or deleted (its count is no part of the key);
# its (word, is_last) are distinct, so its rows are new.
_SQLITE_WORDS = [
    f"""CREATE TRIGGER {WORDS}_insert AFTER INSERT ON {NAMES} BEGIN
        {_words_in("new", _sqlite_words("new"), _sqlite_first("new"))};
    END""",
    f"""CREATE TRIGGER {WORDS}_delete AFTER DELETE ON {NAMES} BEGIN
        {_words_out("old", _sqlite_words("old"))};
    END""",
]

_POSTGRESQL_WORDS = [
    f"""CREATE FUNCTION {WORDS}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            {_words_out("OLD", _postgresql_words("OLD"))};
          ELSE
            {_words_in("NEW", _postgresql_words("NEW"), "split_part(NEW.search_name, ' ', 1)")};
          END IF;
          RETURN NULL;
        END $$""",
    f"""CREATE TRIGGER {WORDS}_keep AFTER INSERT OR DELETE ON {NAMES}
        FOR EACH ROW EXECUTE FUNCTION {WORDS}_keep()""",
]


_VOCABULARY_KEY = "location_id = {0}.location_id AND word = {0}.word"
_WORD_MORE = (f"INSERT INTO {VOCABULARY} (location_id, word, names) "
              "VALUES ({0}.location_id, {0}.word, 1) ON CONFLICT (location_id, word) "
              f"DO UPDATE SET names = {VOCABULARY}.names + 1;")
_WORD_LESS = (f"UPDATE {VOCABULARY} SET names = names - 1 WHERE {_VOCABULARY_KEY};\n"
              f"DELETE FROM {VOCABULARY} WHERE {_VOCABULARY_KEY} AND names <= 0;")

_SQLITE_VOCABULARY = [
    f"""CREATE TRIGGER {VOCABULARY}_insert AFTER INSERT ON {WORDS} BEGIN
        {_WORD_MORE.format("new")}
    END""",
    f"""CREATE TRIGGER {VOCABULARY}_delete AFTER DELETE ON {WORDS} BEGIN
        {_WORD_LESS.format("old")}
    END""",
]

_POSTGRESQL_VOCABULARY = [
    f"""CREATE FUNCTION {VOCABULARY}_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            {_WORD_LESS.format("OLD")}
          ELSE
            {_WORD_MORE.format("NEW")}
          END IF;
          RETURN NULL;
        END $$""",
    f"""CREATE TRIGGER {VOCABULARY}_count AFTER INSERT OR DELETE ON {WORDS}
        FOR EACH ROW EXECUTE FUNCTION {VOCABULARY}_count()""",
]


# The index and triggers of the per-client name index of migrations 0002 to
# 0004, which this one replaces.
_OLD_TRIGGERS = ("client_names_insert", "client_names_update", "client_names_delete")
_OLD_PG_INDEX = "ix_clients_search_trgm"


def is_search_object(name: str | None) -> bool:
    return bool(name) and name.startswith(SEARCH_OBJECTS)


def drop_client_index(conn: Connection) -> None:
    """Remove the per-client name index of migrations 0002 to 0004 (its FTS5
    table had the name `client_names`, which the names table takes)."""
    if conn.dialect.name == "sqlite":
        for trigger in _OLD_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {NAMES}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {_OLD_PG_INDEX}")


def install(conn: Connection) -> bool:
    """Add the triggers that keep `client_names` and the trigram index over
    it, and fill both from the clients. False when the database cannot have
    the trigram index (no FTS5 trigram tokenizer, no pg_trgm); the names
    are kept all the same."""
    indexed = False
    if conn.dialect.name == "sqlite":
        for ddl in _SQLITE_NAMES:
            conn.exec_driver_sql(ddl)
        indexed = _sqlite_has_trigram(conn)
        if indexed:
            for ddl in _SQLITE_FTS:
                conn.exec_driver_sql(ddl)
            _sqlite_secure_delete(conn)
        else:
            log.warning("search_index.unavailable reason=no-fts5-trigram")
    elif conn.dialect.name == "postgresql":
        for ddl in _POSTGRESQL_NAMES:
            conn.exec_driver_sql(ddl)
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                conn.exec_driver_sql(
                    f"CREATE INDEX {PG_INDEX} ON {NAMES} USING gin "
                    f"(({COMPACT.format(NAMES)}) gin_trgm_ops)")
            indexed = True
        except Exception as exc:  # noqa: BLE001 - missing extension or privilege
            log.warning("search_index.unavailable reason=%s", exc.__class__.__name__)
    fill(conn)
    return indexed


def install_words(conn: Connection) -> None:
    """Fill `client_name_words` and `client_words` from the names and add the
    triggers that keep them (migration 0006). Filled a table at a time, not
    through the triggers: the largest office's 92,000 names in 5 s instead of 18.
    A name's rows are deleted by splitting it again: a change to the split
    (`ARTICLES`, `_canonical`) needs a migration that drops the triggers
    (`uninstall_words`) and runs this again, or rows of erased names stay."""
    sqlite = conn.dialect.name == "sqlite"
    conn.exec_driver_sql(f"DELETE FROM {WORDS}")
    conn.exec_driver_sql(f"DELETE FROM {VOCABULARY}")
    head = f"INTO {WORDS} ({_WORD_COLUMNS}) SELECT n.location_id"
    if sqlite:  # a name's kinds of word may coincide: the key keeps one
        for word, src in _sqlite_word_parts("n"):
            conn.exec_driver_sql(
                f"INSERT OR IGNORE {head}, {word}, n.search_name, n.last_name, "
                f"{_sqlite_is_last('n')}, {_opening(_sqlite_first('n'))} FROM {NAMES} n, {src}")
    else:
        opening = _opening("split_part(n.search_name, ' ', 1)")
        conn.exec_driver_sql(
            f"INSERT {head}, k.word, n.search_name, n.last_name, k.is_last, {opening} "
            f"FROM {NAMES} n CROSS JOIN LATERAL ({_postgresql_words('n')}) k")
    conn.exec_driver_sql(f"INSERT INTO {VOCABULARY} (location_id, word, names) "
                         f"SELECT location_id, word, count(*) FROM {WORDS} GROUP BY 1, 2")
    for ddl in (_SQLITE_WORDS + _SQLITE_VOCABULARY if sqlite
                else _POSTGRESQL_WORDS + _POSTGRESQL_VOCABULARY):
        conn.exec_driver_sql(ddl)


def uninstall_words(conn: Connection) -> None:
    """Drop the triggers of `client_name_words` and `client_words` (the
    tables stay, no longer kept)."""
    if conn.dialect.name == "sqlite":
        for table in (WORDS, VOCABULARY):
            for suffix in ("insert", "delete"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {WORDS}_keep ON {NAMES}")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {WORDS}_keep()")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {VOCABULARY}_count ON {WORDS}")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {VOCABULARY}_count()")


def uninstall(conn: Connection) -> None:
    """Drop the triggers and the trigram index (the names table stays, no
    longer kept)."""
    if conn.dialect.name == "sqlite":
        for suffix in _SQLITE_NAME_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {NAMES}_{suffix}")
        for suffix in ("insert", "delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{suffix}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {NAMES}_count ON clients")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {NAMES}_update ON clients")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {NAMES}_count()")
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")


def fill(conn: Connection) -> None:
    """The names counted anew from the clients (the trigram index follows):
    for bulk loads that bypassed the triggers."""
    conn.exec_driver_sql(f"DELETE FROM {NAMES}")
    conn.exec_driver_sql(
        f"INSERT INTO {NAMES} ({', '.join(_KEY)}, clients) "
        f"SELECT {', '.join(_key_of('clients'))}, count(*) FROM clients "
        f"WHERE search_name <> '' GROUP BY 1, 2, 3")


_AVAILABLE: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def available(conn: Connection) -> bool:
    """Whether this database has the trigram index (asked once per engine)."""
    engine = conn.engine
    if engine not in _AVAILABLE:
        if conn.dialect.name == "sqlite":
            sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"
            found = conn.execute(text(sql), {"n": FTS_TABLE}).scalar()
        elif conn.dialect.name == "postgresql":
            found = conn.execute(text("SELECT to_regclass(:n) IS NOT NULL"),
                                 {"n": PG_INDEX}).scalar()
        else:
            found = False
        _AVAILABLE[engine] = bool(found)
    return _AVAILABLE[engine]


def forget(engine: Engine) -> None:
    """Ask again next time (after a migration created or dropped the index)."""
    _AVAILABLE.pop(engine, None)


def _sqlite_has_trigram(conn: Connection) -> bool:
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.vwdesk_probe USING fts5(x, "
                             "tokenize = 'trigram')")
        conn.exec_driver_sql("DROP TABLE temp.vwdesk_probe")
        return True
    except Exception:  # noqa: BLE001 - sqlite3.OperationalError: no such module / tokenizer
        return False


def _sqlite_secure_delete(conn: Connection) -> None:
    """FTS5's `secure-delete` (SQLite ≥ 3.42): a deleted name's trigrams
    leave the index at once. Older SQLite lacks the option; there they go
    when FTS5 merges the segment that holds them."""
    version = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    if tuple(map(int, version.split(".")[:2])) >= (3, 42):
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) "
                             "VALUES ('secure-delete', 1)")
