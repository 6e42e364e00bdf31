"""Two summary tables of the contacts, kept by triggers, for the year report.

The largest office has 183,000 contacts in a year. Its report asks how many
different persons came (in all, per kind, registered or not) and which
topics were discussed. Counted from the contacts, every distinct count walks
all of them and builds a temporary index of the persons: 0.55 s of SQL on
SQLite for the location-year, against a target of 0.3 s for all figures.
Two tables answer those questions from far fewer rows:

- `contact_persons`: one row per location, year, kind and person with the
  number of contacts, plus a row of kind `ALL_KINDS` per location, year and
  person for all kinds together (66,000 + 23,000 rows for those 183,000
  contacts). Persons of a year are then a count of rows, contacts a sum.
- `topic_days`: one row per location, kind, day and topic with the number of
  mentions (24,750 rows for the office's 304,851 topic links of a year).
  Topic counts of any period are a sum over it.

Triggers keep both equal to the contacts and their topic links, whoever
writes (the desk's forms, the exchange import's bulk inserts, retention,
erasure and the cascades of a deleted client): a row whose count drops to 0
is deleted, so erased persons leave nothing behind. The cost: two small
writes per contact and one per topic link; on PostgreSQL, saves of the same
person or day and topic wait for each other's commit (row locks), a few
milliseconds at a desk.

A contact has a client or a person label, never both; in the key a missing
client is 0 and a missing label '' (key columns cannot be NULL and unique).
A bulk loader may drop the triggers (`uninstall`), load, and `install` again,
which fills the tables from scratch.
"""

from __future__ import annotations

from sqlalchemy import Connection

ALL_KINDS = "*"  # the kind of contact_persons' rows that count every kind together

_PERSON_KEY = ("location_id", "year", "kind", "client_id", "person_label")
_TOPIC_KEY = ("location_id", "kind", "date", "topic_id")


def _sqlite_year(row: str) -> str:
    return f"CAST(substr({row}.date, 1, 4) AS INTEGER)"


def _sqlite_person_less(row: str) -> str:
    """SQLite statements taking `row`'s contact off its two person rows."""
    where = (f"location_id = {row}.location_id AND year = {_sqlite_year(row)} "
             f"AND kind IN ({row}.kind, '{ALL_KINDS}') "
             f"AND client_id = coalesce({row}.client_id, 0) "
             f"AND person_label = coalesce({row}.person_label, '')")
    return (f"UPDATE contact_persons SET contacts = contacts - 1 WHERE {where};\n"
            f"DELETE FROM contact_persons WHERE {where} AND contacts <= 0;")


def _person_more(row: str, year: str) -> str:
    """Statements (both databases) adding `row`'s contact to its two person
    rows (two statements: cheaper in a SQLite trigger than one of two rows)."""
    return "\n".join(
        f"INSERT INTO contact_persons ({', '.join(_PERSON_KEY)}, contacts) "
        f"VALUES ({row}.location_id, {year}, {kind}, coalesce({row}.client_id, 0), "
        f"coalesce({row}.person_label, ''), 1) ON CONFLICT ({', '.join(_PERSON_KEY)}) "
        f"DO UPDATE SET contacts = contact_persons.contacts + 1;"
        for kind in (f"{row}.kind", repr(ALL_KINDS)))


def _topic_where(row: str) -> str:
    return " AND ".join(f"{c} = {row}.{c}" for c in _TOPIC_KEY)


def _topic_less(row: str) -> str:
    return (f"UPDATE topic_days SET mentions = mentions - 1 WHERE {_topic_where(row)};\n"
            f"DELETE FROM topic_days WHERE {_topic_where(row)} AND mentions <= 0;")


def _topic_more(row: str) -> str:
    return (f"INSERT INTO topic_days ({', '.join(_TOPIC_KEY)}, mentions) "
            f"SELECT {', '.join(f'{row}.{c}' for c in _TOPIC_KEY)}, 1 "
            f"WHERE {row}.location_id IS NOT NULL "
            f"ON CONFLICT ({', '.join(_TOPIC_KEY)}) "
            f"DO UPDATE SET mentions = topic_days.mentions + 1;")


_PERSON_CHANGED = ("old.location_id IS NOT new.location_id OR old.kind IS NOT new.kind "
                   "OR substr(old.date, 1, 4) IS NOT substr(new.date, 1, 4) "
                   "OR old.client_id IS NOT new.client_id "
                   "OR old.person_label IS NOT new.person_label")

_SQLITE = [
    f"""CREATE TRIGGER contact_persons_insert AFTER INSERT ON contacts BEGIN
          {_person_more("new", _sqlite_year("new"))}
        END""",
    f"""CREATE TRIGGER contact_persons_delete AFTER DELETE ON contacts BEGIN
          {_sqlite_person_less("old")}
        END""",
    f"""CREATE TRIGGER contact_persons_update
        AFTER UPDATE OF location_id, kind, date, client_id, person_label ON contacts
        WHEN {_PERSON_CHANGED} BEGIN
          {_sqlite_person_less("old")}
          {_person_more("new", _sqlite_year("new"))}
        END""",
    # A link inserted without its contact's copies gets them from the copy
    # trigger (vwdesk.core.topic_copies), an UPDATE that the update trigger counts.
    f"""CREATE TRIGGER topic_days_insert AFTER INSERT ON contact_topics
        WHEN new.location_id IS NOT NULL BEGIN
          {_topic_more("new")}
        END""",
    f"""CREATE TRIGGER topic_days_delete AFTER DELETE ON contact_topics
        WHEN old.location_id IS NOT NULL BEGIN
          {_topic_less("old")}
        END""",
    f"""CREATE TRIGGER topic_days_copied
        AFTER UPDATE OF location_id, kind, date, topic_id ON contact_topics
        WHEN old.location_id IS NULL BEGIN
          {_topic_more("new")}
        END""",
    f"""CREATE TRIGGER topic_days_update
        AFTER UPDATE OF location_id, kind, date, topic_id ON contact_topics
        WHEN old.location_id IS NOT NULL BEGIN
          {_topic_less("old")}
          {_topic_more("new")}
        END""",
]

_PG_YEAR = "CAST(EXTRACT(YEAR FROM {}.date) AS INTEGER)"
_POSTGRESQL = [
    f"""CREATE FUNCTION contact_persons_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE contact_persons SET contacts = contacts - 1
             WHERE location_id = OLD.location_id AND year = {_PG_YEAR.format("OLD")}
               AND kind IN (OLD.kind, '{ALL_KINDS}') AND client_id = coalesce(OLD.client_id, 0)
               AND person_label = coalesce(OLD.person_label, '');
            DELETE FROM contact_persons
             WHERE location_id = OLD.location_id AND year = {_PG_YEAR.format("OLD")}
               AND kind IN (OLD.kind, '{ALL_KINDS}') AND client_id = coalesce(OLD.client_id, 0)
               AND person_label = coalesce(OLD.person_label, '') AND contacts <= 0;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            {_person_more("NEW", _PG_YEAR.format("NEW"))}
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE TRIGGER contact_persons_count AFTER INSERT OR DELETE ON contacts
       FOR EACH ROW EXECUTE FUNCTION contact_persons_count()""",
    """CREATE TRIGGER contact_persons_update
       AFTER UPDATE OF location_id, kind, date, client_id, person_label ON contacts
       FOR EACH ROW WHEN (OLD.location_id IS DISTINCT FROM NEW.location_id
                          OR OLD.kind IS DISTINCT FROM NEW.kind
                          OR date_part('year', OLD.date) IS DISTINCT FROM date_part('year', NEW.date)
                          OR OLD.client_id IS DISTINCT FROM NEW.client_id
                          OR OLD.person_label IS DISTINCT FROM NEW.person_label)
       EXECUTE FUNCTION contact_persons_count()""",
    f"""CREATE FUNCTION topic_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.location_id IS NOT NULL THEN
            {_topic_less("OLD")}
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            {_topic_more("NEW")}
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE TRIGGER topic_days_count AFTER INSERT OR DELETE ON contact_topics
       FOR EACH ROW EXECUTE FUNCTION topic_days_count()""",
    """CREATE TRIGGER topic_days_update
       AFTER UPDATE OF location_id, kind, date, topic_id ON contact_topics
       FOR EACH ROW EXECUTE FUNCTION topic_days_count()""",
]

_FILL = {
    "sqlite": _sqlite_year("contacts"),
    "postgresql": _PG_YEAR.format("contacts"),
}


def fill(conn: Connection) -> None:
    """Both tables computed from scratch from the contacts and their links."""
    year = _FILL[conn.dialect.name]
    conn.exec_driver_sql("DELETE FROM contact_persons")
    conn.exec_driver_sql("DELETE FROM topic_days")
    # In key order, so a location-year's rows lie together in the table too.
    for kind in ("kind", f"'{ALL_KINDS}'"):
        conn.exec_driver_sql(
            f"INSERT INTO contact_persons ({', '.join(_PERSON_KEY)}, contacts) "
            f"SELECT location_id, {year}, {kind}, coalesce(client_id, 0), "
            f"coalesce(person_label, ''), count(*) FROM contacts GROUP BY 1, 2, 3, 4, 5 "
            f"ORDER BY 1, 2, 3, 4, 5")
    conn.exec_driver_sql(
        f"INSERT INTO topic_days ({', '.join(_TOPIC_KEY)}, mentions) "
        f"SELECT {', '.join(_TOPIC_KEY)}, count(*) FROM contact_topics "
        f"WHERE location_id IS NOT NULL GROUP BY {', '.join(_TOPIC_KEY)} "
        f"ORDER BY {', '.join(_TOPIC_KEY)}")


def install(conn: Connection) -> None:
    """Fill the tables and add the triggers that keep them."""
    fill(conn)
    for ddl in _SQLITE if conn.dialect.name == "sqlite" else _POSTGRESQL:
        conn.exec_driver_sql(ddl)


_TRIGGERS = {
    "sqlite": [("contact_persons_insert", ""), ("contact_persons_delete", ""),
               ("contact_persons_update", ""), ("topic_days_insert", ""),
               ("topic_days_delete", ""), ("topic_days_copied", ""),
               ("topic_days_update", "")],
    "postgresql": [("contact_persons_count", " ON contacts"),
                   ("contact_persons_update", " ON contacts"),
                   ("topic_days_count", " ON contact_topics"),
                   ("topic_days_update", " ON contact_topics")],
}


def uninstall(conn: Connection) -> None:
    """Drop the triggers (the tables stay, no longer kept)."""
    dialect = conn.dialect.name
    for name, table in _TRIGGERS[dialect]:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}{table}")
    if dialect == "postgresql":
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS contact_persons_count()")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS topic_days_count()")
