"""report indexes and name search

Indexes that cover the year report's statements and retention's, a
contact's location, kind and date copied onto its topic links
(`vwdesk.core.topic_copies`), and the stored search names recomputed with
the transliterating `fold` (anyascii). (This migration also made a trigram
index over the clients' names; 0005 replaces it by one over the distinct
names, `vwdesk.core.search_index`, and removes it where it exists.)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa

from vwdesk.core import search_index, topic_copies
from vwdesk.core.text import fold_words

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    conn = op.get_bind()
    for name, columns in (('ix_contacts_location_date', ['location_id', 'date']),
                          ('ix_contacts_location_kind_date', ['location_id', 'kind', 'date'])):
        op.drop_index(name, table_name='contacts')
        op.create_index(name, 'contacts', [*columns, 'client_id', 'person_label'],
                        unique=False, postgresql_include=['id'])
    op.drop_index('ix_contacts_client', table_name='contacts')
    op.create_index('ix_contacts_client_date', 'contacts', ['client_id', 'date'], unique=False)
    op.create_index('ix_clients_dwelling', 'clients', ['dwelling_id'], unique=False)
    op.add_column('contact_topics', sa.Column('location_id', sa.Integer(), nullable=True))
    op.add_column('contact_topics', sa.Column('kind', sa.String(length=16), nullable=True))
    op.add_column('contact_topics', sa.Column('date', sa.Date(), nullable=True))
    topic_copies.install(conn)
    op.create_index('ix_contact_topics_location_kind_date', 'contact_topics',
                    ['location_id', 'kind', 'date', 'topic_id'], unique=False)
    _recompute_search_names(conn)


def _recompute_search_names(conn) -> None:
    clients = sa.table('clients', sa.column('id', sa.Integer), sa.column('first_name', sa.String),
                       sa.column('last_name', sa.String), sa.column('search_name', sa.String))
    last = 0
    while True:
        rows = conn.execute(sa.select(clients.c.id, clients.c.first_name, clients.c.last_name,
                                      clients.c.search_name)
                            .where(clients.c.id > last).order_by(clients.c.id)
                            .limit(BATCH)).all()
        if not rows:
            return
        changed = []
        for cid, first, last_name, old in rows:
            new = fold_words(f"{first or ''} {last_name or ''}")
            if new != old:
                changed.append({"cid": cid, "name": new})
        if changed:
            conn.execute(clients.update().where(clients.c.id == sa.bindparam("cid"))
                         .values(search_name=sa.bindparam("name")), changed)
        last = rows[-1][0]


def downgrade() -> None:
    conn = op.get_bind()
    search_index.drop_client_index(conn)
    topic_copies.uninstall(conn)
    op.drop_index('ix_contact_topics_location_kind_date', table_name='contact_topics')
    with op.batch_alter_table('contact_topics') as batch_op:
        batch_op.drop_column('date')
        batch_op.drop_column('kind')
        batch_op.drop_column('location_id')
    op.drop_index('ix_clients_dwelling', table_name='clients')
    op.drop_index('ix_contacts_client_date', table_name='contacts')
    op.create_index('ix_contacts_client', 'contacts', ['client_id'], unique=False)
    for name, columns in (('ix_contacts_location_date', ['location_id', 'date']),
                          ('ix_contacts_location_kind_date', ['location_id', 'kind', 'date'])):
        op.drop_index(name, table_name='contacts')
        op.create_index(name, 'contacts', columns, unique=False)
