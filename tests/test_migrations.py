"""The migrated schema equals the models, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core import vocab
from vwdesk.core.db import Database
from vwdesk.core.migrate import current_revision, head_revision


def test_migrated_schema_equals_models(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
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
