"""dwelling history, dwelling kinds, topics per location

Dwellings get a complex/project, a status (tijdelijk, sloop, woningdeling) and a
woonkern; a client's moves between dwellings are kept (`moves`); a location
can have topics of its own (`location_topics`) and topic groups
(`topic_groups`). Only new tables and new nullable columns: existing data is
kept as it is. The users table exists, so the foreign keys to it are created
with the table on every database.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('location_topics',
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_location_topics_location_id_locations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_location_topics_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('location_id', 'topic_id', name=op.f('pk_location_topics'))
    )
    op.create_table('topic_groups',
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_topic_groups_location_id_locations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_topic_groups_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('location_id', 'name', 'topic_id', name=op.f('pk_topic_groups'))
    )
    op.create_table('moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('from_dwelling_id', sa.Integer(), nullable=True),
    sa.Column('to_dwelling_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_moves_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_moves_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['from_dwelling_id'], ['dwellings.id'], name=op.f('fk_moves_from_dwelling_id_dwellings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['location_id'], ['locations.id'], name=op.f('fk_moves_location_id_locations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_dwelling_id'], ['dwellings.id'], name=op.f('fk_moves_to_dwelling_id_dwellings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_moves_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moves'))
    )
    with op.batch_alter_table('moves', schema=None) as batch_op:
        batch_op.create_index('ix_moves_client', ['client_id'], unique=False)
        batch_op.create_index('ix_moves_location_date', ['location_id', 'date'], unique=False)

    with op.batch_alter_table('dwellings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('complex', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('village', sa.String(length=100), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('dwellings', schema=None) as batch_op:
        batch_op.drop_column('village')
        batch_op.drop_column('status')
        batch_op.drop_column('complex')

    with op.batch_alter_table('moves', schema=None) as batch_op:
        batch_op.drop_index('ix_moves_location_date')
        batch_op.drop_index('ix_moves_client')

    op.drop_table('moves')
    op.drop_table('topic_groups')
    op.drop_table('location_topics')
