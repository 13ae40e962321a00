"""search_queue: new entries wait in a queue for the search index (issue 12)

Indexing a poll's new entries inside its transactions (0022) was most of a cold poll's
database time: FTS5 tokenizes every word of every text (bench/poll.py: 95 MB of text, 6 s of
the database thread's 8.4 s). So SQLite's insert trigger now only queues the new entry's id,
and ``bot/store/search_index.py`` indexes the queue afterwards, in batches, before any search
and after each poll. The edit and delete triggers leave a queued entry's words alone (they
are not in the index yet: taking them out would corrupt it); the delete trigger takes the
entry out of the queue instead.

PostgreSQL's GIN index follows the table by itself: the table is made there too (one schema
on both engines) and stays empty.
"""

from alembic import op

from bot.store.ddl import create_table, drop_table, integer

revision = "0023_search_queue"
down_revision = "0022_search_index_batched"

_QUEUED = "EXISTS (SELECT 1 FROM search_queue WHERE entry_id = old.id)"
_UNINDEX_OLD = (
    "INSERT INTO entries_fts(entries_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
)
_INDEX_NEW = "INSERT INTO entries_fts(rowid, title, text) VALUES (new.id, new.title, new.text); "
_ON_DELETE = "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries"
_ON_EDIT = "CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, text ON entries"
_DROP_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in ("search_queue_insert", "entries_fts_delete", "entries_fts_update")
]

SQLITE_UP = [
    *_DROP_TRIGGERS,
    "CREATE TRIGGER search_queue_insert AFTER INSERT ON entries BEGIN "
    "INSERT OR IGNORE INTO search_queue(entry_id) VALUES (new.id); END",
    # one trigger, so the queue is read before the row leaves it
    f"{_ON_DELETE} BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, text) "
    f"SELECT 'delete', old.id, old.title, old.text WHERE NOT {_QUEUED}; "
    "DELETE FROM search_queue WHERE entry_id = old.id; END",
    f"{_ON_EDIT} WHEN NOT {_QUEUED} BEGIN {_UNINDEX_OLD}{_INDEX_NEW}END",
]

# back to 0022: what is queued goes into the index now, and 0015's triggers come back
SQLITE_DOWN = [
    "INSERT INTO entries_fts(rowid, title, text) "
    "SELECT e.id, e.title, e.text FROM search_queue q JOIN entries e ON e.id = q.entry_id",
    *_DROP_TRIGGERS,
    f"{_ON_DELETE} BEGIN {_UNINDEX_OLD}END",
    f"{_ON_EDIT} BEGIN {_UNINDEX_OLD}{_INDEX_NEW}END",
]


def upgrade() -> None:
    # no foreign key: the delete trigger must still see the row when it reads the queue
    create_table("search_queue", integer("entry_id"), key=["entry_id"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    drop_table("search_queue")
