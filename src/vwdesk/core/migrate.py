"""Alembic, driven from code: the migrations ship inside the package and are
applied whenever a database is opened (`Database(url)`).

Importing Alembic costs about 0.4 s at start-up, so an up-to-date database
is recognised without it: `HEAD` names the newest migration (a test keeps it
equal to the scripts' head) and is compared with `alembic_version` directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions; update with every new migration.
HEAD = "0007"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "vwdesk.core:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Schema comparison (autogenerate, the schema test): leave out the search
    index, which the migrations make outside the models."""
    from vwdesk.core.search_index import is_search_object

    return not is_search_object(name)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


# Whether the version table exists, asked of the catalogue directly: SQLAlchemy's
# inspector compiles its catalogue query first, 50 ms of every PostgreSQL start.
_HAS_VERSION_TABLE = {
    "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
              "AND name = 'alembic_version'",
    "postgresql": "SELECT to_regclass('alembic_version') IS NOT NULL",
}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        probe = _HAS_VERSION_TABLE.get(conn.dialect.name)
        if not (conn.exec_driver_sql(probe).scalar() if probe
                else inspect(conn).has_table("alembic_version")):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and current_revision(engine) == HEAD:
        return
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
