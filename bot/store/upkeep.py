"""Planner statistics, so queries keep using the indexes as the archive grows.

SQLite gathers no statistics unless asked, and ``PRAGMA optimize`` (its cheap refresh)
does nothing for a table that was never analyzed; without them it may walk a feed's whole
history to answer a one-day question. PostgreSQL's autovacuum analyzes on its own, but
only a minute or more after a big first poll; an explicit ANALYZE samples a fixed number
of rows, so it stays cheap at any size.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.rows import StoreBase

REFRESH_EVERY = timedelta(hours=1)
# rows SQLite's ANALYZE reads per index: approximate statistics, in milliseconds at any size
SQLITE_ANALYSIS_LIMIT = 1000
# The entries columns PostgreSQL's planner needs statistics of (the ones queries filter, join
# and sort on). Naming them keeps ANALYZE off the search index's expression: a plain ANALYZE
# runs to_tsvector over every sampled row (up to 30,000): 10-15 s at 10k entries, 19 ms
# with this list (measured under load); search finds its matches through that GIN index
# whatever the estimate. Autovacuum's own ANALYZE still covers everything now and then.
PG_ENTRY_COLUMNS = (
    "id",
    "feed_id",
    "guid",
    "url",
    "canonical_url",
    "published_at",
    "fetched_at",
    "content_hash",
    "first_seen_at",
    "updated_at",
    "full_text_at",
)


async def _sqlite_never_analyzed(conn: AsyncConnection) -> bool:
    """Entries never analyzed, and some to analyze: ANALYZE records nothing for an empty
    table, so on a new database it ran again at every start and close (a tenth of a quiet
    `digest today`'s CPU time); the first poll's refresh analyzes them."""
    have_table = (
        await conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    ).first()
    if have_table is not None:
        analyzed = await conn.exec_driver_sql("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'entries'")
        if analyzed.first() is not None:
            return False
    return (await conn.exec_driver_sql("SELECT 1 FROM entries LIMIT 1")).first() is not None


async def refresh_statistics(conn: AsyncConnection) -> None:
    """Analyze what needs it: all of it on PostgreSQL, what changed on SQLite."""
    if conn.dialect.name == "sqlite":
        await conn.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        if await _sqlite_never_analyzed(conn):
            await conn.exec_driver_sql("ANALYZE")
        else:
            await conn.exec_driver_sql("PRAGMA optimize")
    elif conn.dialect.name == "postgresql":
        await conn.exec_driver_sql(f"ANALYZE feeds, entries ({', '.join(PG_ENTRY_COLUMNS)})")


class UpkeepMixin(StoreBase):
    _stats_at: datetime | None = None

    async def analyze_if_never(self) -> None:
        """On opening: a SQLite database whose entries were never analyzed gets analyzed."""
        if self.engine.dialect.name != "sqlite":
            return
        async with self.engine.begin() as conn:
            if await _sqlite_never_analyzed(conn):
                await conn.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
                await conn.exec_driver_sql("ANALYZE")

    async def refresh_statistics(self, now: datetime, *, force: bool = False) -> bool:
        """Refresh the planner's statistics at most once per REFRESH_EVERY (polls call this
        after recording; a long-running bot keeps them current). True when it ran."""
        if not force and self._stats_at is not None and now - self._stats_at < REFRESH_EVERY:
            return False
        self._stats_at = now
        async with self.engine.begin() as conn:
            await refresh_statistics(conn)
        return True
