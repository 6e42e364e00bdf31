"""Alembic environment: always run on a connection handed in by vwdesk."""

from alembic import context

from vwdesk.core.migrate import include_object
from vwdesk.core.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
