"""contact persons and topic days

Two summary tables of the contacts for the year report, kept by triggers
(`vwdesk.core.rollups`): a row per location, year, kind and person with its
number of contacts, and a row per location, kind, day and topic with its
number of mentions. Filled from the existing contacts and topic links.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

from vwdesk.core import rollups

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('contact_persons',
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('person_label', sa.String(length=100), nullable=False),
    sa.Column('contacts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('location_id', 'year', 'kind', 'client_id', 'person_label',
                            name=op.f('pk_contact_persons'), postgresql_include=['contacts']),
    sqlite_with_rowid=False
    )
    op.create_table('topic_days',
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('location_id', 'kind', 'date', 'topic_id',
                            name=op.f('pk_topic_days'), postgresql_include=['mentions']),
    sqlite_with_rowid=False
    )
    rollups.install(op.get_bind())


def downgrade() -> None:
    rollups.uninstall(op.get_bind())
    op.drop_table('topic_days')
    op.drop_table('contact_persons')
