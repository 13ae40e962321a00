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


# The search index's own tables (entries_fts_data, _idx, _docsize, _config) get no
# statistics. ANALYZE after a first poll finds them empty (the poll only queues entries for
# the index), and FTS5's lookups into them, planned from "a table of 2 rows", then cost more
# the bigger the index grows: bench/search_catchup.py's 120,000 entries took 54 s of CPU
# after such an ANALYZE, each 20,000 costlier than the last (4 s, then up to 15 s), and 22 s,
# flat, with no statistics on them (bench/search.py's 300,000: 878 s, then 51 s). Without
# statistics the planner uses their primary keys, as FTS5 means it to; PRAGMA optimize
# (SQLite 3.40) only refreshes tables that have them. So ANALYZE names every other table,
# and a database analyzed by an earlier version loses those statistics when the store opens.
_SEARCH_INDEX_TABLE = "LIKE 'entries\\_fts\\_%' ESCAPE '\\'"


async def _have_stats(conn: AsyncConnection) -> bool:
    found = await conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    return found.first() is not None


async def _forget_search_index_stats(conn: AsyncConnection) -> bool:
    """Delete the statistics an earlier version's ANALYZE took of the search index's tables
    (the caller knows sqlite_stat1 exists); True when there were some (connections opened
    before still plan with them)."""
    found = await conn.exec_driver_sql(
        f"SELECT 1 FROM sqlite_stat1 WHERE tbl {_SEARCH_INDEX_TABLE} LIMIT 1"
    )
    if found.first() is None:
        return False
    await conn.exec_driver_sql(f"DELETE FROM sqlite_stat1 WHERE tbl {_SEARCH_INDEX_TABLE}")
    return True


async def _analyze(conn: AsyncConnection) -> None:
    """ANALYZE every table but the search index's own."""
    names = await conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        f"ESCAPE '\\' AND name NOT {_SEARCH_INDEX_TABLE} AND sql NOT LIKE 'CREATE VIRTUAL%'"
    )
    for (name,) in names.all():
        await conn.exec_driver_sql(f'ANALYZE "{name}"')


async def _sqlite_never_analyzed(conn: AsyncConnection, have_stats: bool | None = None) -> bool:
    """Entries never analyzed, and some to analyze: ANALYZE records nothing for an empty
    table, so on a new database it ran again at every start and close (a tenth of a quiet
    `digest today`'s CPU time); the first poll's refresh analyzes them. ``have_stats``:
    whether sqlite_stat1 exists, when the caller has looked already."""
    if have_stats is None:
        have_stats = await _have_stats(conn)
    if have_stats:
        analyzed = await conn.exec_driver_sql("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'entries'")
        if analyzed.first() is not None:
            return False
    return (await conn.exec_driver_sql("SELECT 1 FROM entries LIMIT 1")).first() is not None


async def refresh_statistics(conn: AsyncConnection) -> None:
    """Analyze what needs it: all of it on PostgreSQL, what changed on SQLite."""
    if conn.dialect.name == "sqlite":
        await conn.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        if await _sqlite_never_analyzed(conn):
            await _analyze(conn)
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
            had_stats = await _have_stats(conn)  # read once: both checks below need it
            if await _sqlite_never_analyzed(conn, had_stats):
                await conn.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
                await _analyze(conn)
            # an ANALYZE just now took no statistics of the search index's tables, and
            # without sqlite_stat1 before it no earlier version's are left to forget
            forgot = had_stats and await _forget_search_index_stats(conn)
        if forgot:
            # a connection plans with the statistics it loaded when it opened (migrations
            # opened this one): new ones load them without the search index's
            await self.engine.dispose()

    async def refresh_statistics(self, now: datetime, *, force: bool = False) -> bool:
        """Refresh the planner's statistics at most once per REFRESH_EVERY (polls call this
        after recording; a long-running bot keeps them current). True when it ran."""
        if not force and self._stats_at is not None and now - self._stats_at < REFRESH_EVERY:
            return False
        self._stats_at = now
        async with self.engine.begin() as conn:
            await refresh_statistics(conn)
        return True
