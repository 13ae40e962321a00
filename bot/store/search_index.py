"""New entries into SQLite's search index (``entries_fts``), one statement per transaction.

Migration 0015 indexed each new entry with a trigger. SQLite runs each row of an executemany
as a statement of its own, with a savepoint, and FTS5 writes its pending terms out as a new
segment at every savepoint: each entry became a segment, and merging them cost more than
the indexing itself (half the search index's write cost, a third of a cold poll's database
CPU in bench/poll.py). So migration 0022 dropped the insert trigger, and whoever inserts
entries indexes them here, all of a transaction's new rows in one ``INSERT ... SELECT``: the
same index, the same search. Edits and deletes are still indexed by 0015's triggers.

PostgreSQL's GIN indexes follow the table by themselves: nothing to do there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

# rowids are never reused downwards: a new entry's id is above every id there was
_LAST_ID = text("SELECT coalesce(max(id), 0) FROM entries")
_INDEX_SINCE = text(
    "INSERT INTO entries_fts(rowid, title, text) SELECT id, title, text FROM entries WHERE id > :mark"
)


class NewEntries:
    """The search index's view of one transaction's inserts: ``inserting`` before each
    INSERT into entries, ``index`` before the transaction commits (and before an edit of an
    entry that may be new: the edit trigger takes the old words out of the index)."""

    def __init__(self) -> None:
        self._mark: int | None = None  # the last id before the rows not indexed yet

    async def inserting(self, conn: AsyncConnection) -> None:
        if self._mark is None and conn.dialect.name == "sqlite":
            self._mark = int((await conn.execute(_LAST_ID)).scalar_one())

    async def index(self, conn: AsyncConnection) -> None:
        if self._mark is None:
            return
        await conn.execute(_INDEX_SINCE, {"mark": self._mark})
        self._mark = None


@asynccontextmanager
async def new_entries_indexed(conn: AsyncConnection) -> AsyncIterator[NewEntries]:
    """Indexes, at the end of the block, the entries inserted in it (after ``inserting``)."""
    new = NewEntries()
    yield new
    await new.index(conn)
