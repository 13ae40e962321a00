"""search_index_batched: new entries are indexed for search a transaction at a time (issue 12)

0015's insert trigger indexed each new entry alone, and FTS5 wrote each one out as a segment
of its own (a savepoint per row of an executemany), then spent more merging them than
indexing. The store now indexes a transaction's new entries in one statement
(``bot/store/search_index.py``), so the trigger goes. The index itself, and the edit and
delete triggers, are unchanged. PostgreSQL has no trigger: nothing to do there.
"""

from alembic import op

revision = "0022_search_index_batched"
down_revision = "0021_search_titles"

# exactly 0015's trigger, for the downgrade
_INSERT_TRIGGER = (
    "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS entries_fts_insert")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_INSERT_TRIGGER)
