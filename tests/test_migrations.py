"""The migrated schema equals the models, on SQLite and PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.db import Database
from vwdesk.core.migrate import current_revision, head_revision, include_object


def test_migrated_schema_equals_models(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "include_object": include_object})
        diff = compare_metadata(ctx, m.Base.metadata)
    assert diff == []


def test_empty_database_is_created_at_head_with_topics(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert current_revision(db.engine) == head_revision()
    with db.session() as s:
        assert set(s.scalars(select(m.Topic.name))) == set(vocab.DEFAULT_TOPICS)
    db.close()


def test_reopening_a_migrated_database_keeps_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'keep.sqlite'}"
    db = Database(url)
    with db.session() as s:
        s.add(m.Topic(name="extra"))
    db.close()
    db = Database(url)
    with db.session() as s:
        assert s.scalar(select(m.Topic.id).where(m.Topic.name == "extra")) is not None
    db.close()


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def _earlier_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from vwdesk.core.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in script.walk_revisions() if r.revision != script.get_current_head()]


@pytest.mark.parametrize("revision", _earlier_revisions() or [pytest.param(None, marks=pytest.mark.skip(
    reason="only one schema version so far: nothing to upgrade from"))])
def test_saved_database_of_each_earlier_schema_upgrades_with_its_data(tmp_path, revision):
    """A database saved at an earlier schema (made here by migrating to that
    revision and storing a location with a client) opens at head, data intact."""
    from sqlalchemy import create_engine, text

    from vwdesk.core.migrate import upgrade

    path = tmp_path / f"at-{revision}.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, revision)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO locations (id, name, created_at, updated_at, version) "
                          "VALUES (1, 'Oud', '2018-01-01', '2018-01-01', 1)"))
        conn.execute(text("INSERT INTO clients (id, location_id, number, search_name, amv, "
                          "created_at, updated_at, version) "
                          "VALUES (1, 1, 'C-1', '', 0, '2018-01-01', '2018-01-01', 1)"))
    engine.dispose()
    db = Database(f"sqlite:///{path}")
    assert current_revision(db.engine) == head_revision()
    with db.session() as s:
        assert s.get(m.Client, 1).number == "C-1"
    db.close()


def test_head_constant_names_the_newest_migration():
    from vwdesk.core.migrate import HEAD

    assert HEAD == head_revision()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "fast.sqlite"
    Database(f"sqlite:///{path}").close()
    code = ("import sys; from vwdesk.core.db import Database; "
            f"Database('sqlite:///{path}').close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_postgresql_connections_run_without_parallel_workers_or_jit(db):
    if db.is_sqlite:
        pytest.skip("a PostgreSQL setting")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW max_parallel_workers_per_gather").scalar() == "0"
        assert conn.exec_driver_sql("SHOW jit").scalar() == "off"


def test_migration_0002_recomputes_search_names_and_fills_the_name_index(tmp_path):
    """A database saved at 0001 holds names folded without transliteration
    and topic links without their contact's kind and date; after the upgrade
    the names are folded anew and found through the index, the links carry
    the copies."""
    from sqlalchemy import create_engine, text

    from vwdesk.core.migrate import upgrade
    from vwdesk.core.services.client_search import search

    path = tmp_path / "at-0001.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO locations (id, name, created_at, updated_at, version) "
                          "VALUES (1, 'Oud', '2018-01-01', '2018-01-01', 1)"))
        conn.execute(text("INSERT INTO clients (id, location_id, number, first_name, last_name, "
                          "search_name, amv, created_at, updated_at, version) VALUES (7, 1, "
                          "'C7', 'ሃብቶም', 'Işık', 'ሃብቶም ışık', 0, '2018-01-01', '2018-01-01', 1)"))
        conn.execute(text("INSERT INTO contacts (id, location_id, date, kind, client_id, "
                          "created_at, updated_at, version) VALUES (3, 1, '2018-02-03', "
                          "'spreekuur', 7, '2018-01-01', '2018-01-01', 1)"))
        conn.execute(text("INSERT INTO contact_topics (contact_id, topic_id) VALUES (3, 1)"))
    engine.dispose()
    db = Database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT search_name FROM clients").scalar() == "habtom isik"
        assert conn.exec_driver_sql(
            "SELECT n.search_name FROM client_name_trigrams t JOIN client_names n "
            "ON n.id = t.rowid WHERE client_name_trigrams MATCH 'tomis'").scalar() == "habtom isik"
        assert search(conn, 1, "habtom isik").ids == [7]
        assert conn.exec_driver_sql("SELECT location_id, kind, date FROM contact_topics").one() \
            == (1, "spreekuur", "2018-02-03")
    db.close()
