"""Alembic environment: runs on the connection the Store hands over (see bot.store.db)."""

from alembic import context

from bot.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through the alembic CLI without a URL
    raise RuntimeError("run migrations through bot.store.db.migrate() or `newsbot doctor`")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
