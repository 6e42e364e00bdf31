"""clients in bytewise name order on PostgreSQL

The search ranks names bytewise (as Python compares them), whatever the
database's collation; short typing ("ab") reads a location's first clients
with a word so starting in that order and stops at the view's limit. On
PostgreSQL with a locale collation the index on (location_id, search_name)
has the locale's order, so every such client was read and sorted (40 ms at
100,000 clients). This index has the bytewise order. SQLite's own order is
bytewise: nothing to do there.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from alembic import op

from vwdesk.core.search_index import PG_BYTEWISE_INDEX as INDEX

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f'CREATE INDEX {INDEX} ON clients (location_id, (search_name COLLATE "C"))')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX {INDEX}")
