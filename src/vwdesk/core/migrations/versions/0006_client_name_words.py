"""client name words

The words of each client name (`client_name_words`, kept by triggers on
`client_names`; `vwdesk.core.search_index`): a typed word finds the names
with a word equal to it or starting with it, best possible fit first, in one
range of an index; and each location's distinct words (`client_words`),
among which a word one letter off is looked for. Filled from the existing
names.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

from vwdesk.core import search_index

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _bytewise(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table('client_name_words',
    sa.Column('location_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('word', _bytewise(210), nullable=False),
    sa.Column('search_name', sa.String(length=210), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('is_last', sa.Boolean(), nullable=False),
    sa.Column('opening', sa.String(length=210), nullable=False),
    sa.PrimaryKeyConstraint('location_id', 'word', 'search_name', 'last_name', 'is_last',
                            name=op.f('pk_client_name_words'), postgresql_include=['opening']),
    sqlite_with_rowid=False
    )
    op.create_table('client_words',
    sa.Column('location_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('word', _bytewise(210), nullable=False),
    sa.Column('names', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('location_id', 'word', name=op.f('pk_client_words')),
    sqlite_with_rowid=False
    )
    search_index.install_words(op.get_bind())


def downgrade() -> None:
    search_index.uninstall_words(op.get_bind())
    op.drop_table('client_words')
    op.drop_table('client_name_words')
