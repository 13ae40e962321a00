"""SQLite's search index (``entries_fts``) catches up with the entries in batches.

Tokenizing every word of every new text is the costliest thing a poll would do in the
database: bench/poll.py's cold poll stores 95 MB of article text, and indexing it inside the
poll's transactions took 6 of the database thread's 8.4 s of CPU, with the poll waiting. So
a poll only queues its new entries' ids in ``search_queue`` (one statement a batch,
``bot/store/upserts.py``; migration 0023's per-row trigger until 0024), and
``index_queued`` indexes the queue afterwards: a batch of entries a transaction, each batch
one ``INSERT ... SELECT`` (one FTS5 segment, not one per entry), oldest first. It runs before
every search (so a search finds every stored entry) and after each poll (so searches find
the index ready). A batch is indexed and taken off the queue in one transaction: an
interrupted catch-up loses nothing and indexes nothing twice.

Edits and deletes of indexed entries are still indexed by the triggers; those of queued
entries leave the index alone (their words are not in it yet).

PostgreSQL's GIN indexes follow the table by themselves: nothing to do there.
"""

from __future__ import annotations

import json

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.store.rows import racing_writers

# entries a transaction: big enough that FTS5 writes few segments, small enough that the
# write lock is held well under a second (about 150 µs an entry for real article texts)
BATCH = 2000

# the write comes first, so the transaction holds SQLite's write lock from its first
# statement: a second process catching up at the same time waits, and then takes the next
# batch, never the same one
_TAKE = text(
    "DELETE FROM search_queue WHERE entry_id IN "
    "(SELECT entry_id FROM search_queue ORDER BY entry_id LIMIT :n) RETURNING entry_id"
)
_INDEX = text(
    "INSERT INTO entries_fts(rowid, title, text) SELECT id, title, text FROM entries "
    "WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY id"
)

_ANY = text("SELECT 1 FROM search_queue LIMIT 1")
_COUNT = text("SELECT count(*) FROM search_queue")


async def _index_batch(conn: AsyncConnection, size: int) -> int:
    ids = sorted(int(r[0]) for r in (await conn.execute(_TAKE, {"n": size})).all())
    if ids:
        await conn.execute(_INDEX, {"ids": json.dumps(ids)})
    return len(ids)


async def index_queued(
    engine: AsyncEngine, *, batch: int = BATCH, batches: int | None = None
) -> int:
    """Index the queued entries, a batch a transaction, oldest first, until the queue is
    empty (or after ``batches`` batches); how many were indexed."""
    if engine.dialect.name != "sqlite":
        return 0
    async with engine.connect() as conn:  # most searches find it empty: a read, no write lock
        if (await conn.execute(_ANY)).first() is None:
            return 0
    done = rounds = 0
    while batches is None or rounds < batches:
        n = await racing_writers(engine, lambda conn: _index_batch(conn, batch))
        done, rounds = done + n, rounds + 1
        if n < batch:
            break
    return done


async def queued(engine: AsyncEngine) -> int:
    """Entries waiting for the search index."""
    if engine.dialect.name != "sqlite":
        return 0
    async with engine.connect() as conn:
        return int((await conn.execute(_COUNT)).scalar_one())
