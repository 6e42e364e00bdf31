"""client names

The distinct folded names of each location's clients with their number of
clients (`client_names`), kept by triggers on `clients`, and the trigram
index over them (`vwdesk.core.search_index`) in place of the per-client one
of 0002: a search judges names, not every client of a common name. Filled
from the existing clients.

A downgrade leaves no trigram index: the search of 0004 then reads the
location's names (correct, only slower).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

from vwdesk.core import search_index

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search_index.drop_client_index(conn)
    op.create_table('client_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('search_name', sa.String(length=210), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('clients', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_names')),
    sa.UniqueConstraint('location_id', 'search_name', 'last_name',
                        name=op.f('uq_client_names_location_id_search_name_last_name'))
    )
    search_index.install(conn)
    search_index.forget(conn.engine)


def downgrade() -> None:
    conn = op.get_bind()
    search_index.uninstall(conn)
    search_index.forget(conn.engine)
    op.drop_table('client_names')
