"""Queries that grow with the window, not the archive: per-feed counts kept as entries
arrive, the day query and /why's lookup on their indexes, statistics gathered for SQLite."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Connection, event, text

from bot.clock import FixedClock
from bot.models import ArticleIn, FeedSpec
from bot.store import db
from bot.store.store import Store


def _article(n: int, at: datetime, url: str | None = None) -> ArticleIn:
    link = url or f"https://example.org/{n}"
    return ArticleIn(
        guid=f"g{n}",
        url=link + "?utm_source=x",
        canonical_url=link,
        title=f"Title {n}",
        author=None,
        published_at=at,
        text="text",
        content_hash=f"hash-{n}",
    )


async def test_source_counts_follow_new_entries_and_ignore_edits(
    store: Store, clock: FixedClock
) -> None:
    a = await store.add_feed(FeedSpec("A", "https://a.example/feed"), clock.now())
    b = await store.add_feed(FeedSpec("B", "https://b.example/feed"), clock.now())
    now = clock.now()
    await store.upsert_entries(a.id, [_article(i, now) for i in range(3)], now)
    await store.upsert_entries(b.id, [_article(9, now)], now)
    # one edit, one repeat, one new: the count grows by one
    edited = replace(_article(0, now), text="edited", content_hash="h2")
    await store.upsert_entries(a.id, [edited, _article(1, now), _article(5, now)], now)
    counts = {f.name: f.entries_count for f in await store.list_feeds()}
    assert counts == {"A": 4, "B": 1}
    assert counts["A"] == await store.count_entries(a.id)


async def test_upgrading_an_old_database_fills_in_the_counts(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    engine = db.create_engine(url)

    def to_0001(conn: Connection) -> None:
        command.upgrade(db._alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO feeds (id, name, url, tags, weight, enabled, scope, "
                "consecutive_failures, created_at) VALUES "
                "(1, 'A', 'https://a.example/feed', '[]', 1.0, 1, '', 0, '2026-08-01 00:00:00')"
            )
        )
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO entries (feed_id, guid, url, canonical_url, title, "
                    "published_at, fetched_at, text, content_hash, first_seen_at, updated_at, "
                    f"revision) VALUES (1, 'g{i}', 'u{i}', 'u{i}', 't', '2026-08-01 00:00:00', "
                    "'2026-08-01 00:00:00', 'x', 'h', '2026-08-01 00:00:00', "
                    "'2026-08-01 00:00:00', 1)"
                )
            )

    async with engine.begin() as conn:
        await conn.run_sync(to_0001)
    await engine.dispose()
    store = await Store.open(url)
    try:
        assert [(f.name, f.entries_count) for f in await store.list_feeds()] == [("A", 3)]
    finally:
        await store.close()


class _Plans:
    """The SQLite query plan of every SELECT on entries the store runs."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, params: Any, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM entries" in statement:
            self.statements.append((statement, params))

    async def explain(self, store: Store) -> list[str]:
        out = []
        async with store.engine.connect() as conn:
            for statement, params in self.statements:
                rows = (await conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)).all()
                out.append(" / ".join(r[-1] for r in rows))
        return out


async def test_day_query_and_url_lookup_read_by_index_not_the_archive(tmp_path: Path) -> None:
    # a fresh file with no statistics is the case where SQLite used to walk every entry
    store = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'w.db'}")
    try:
        now = datetime(2026, 8, 22, 12, tzinfo=UTC)
        feed = await store.add_feed(FeedSpec("A", "https://a.example/feed"), now)
        await store.upsert_entries(
            feed.id, [_article(i, now - timedelta(hours=i)) for i in range(200)], now
        )
        plans = _Plans()
        event.listen(store.engine.sync_engine, "before_cursor_execute", plans)
        day = await store.articles_between(now - timedelta(hours=10), now)
        why = await store.find_articles_by_url("https://example.org/7?utm_source=x")
        event.remove(store.engine.sync_engine, "before_cursor_execute", plans)
        day_plan, why_plan = await plans.explain(store)
    finally:
        await store.close()
    assert len(day) == 10 and [a.guid for a in why] == ["g7"]
    assert "USING INDEX ix_entries_published_at (published_at>? AND published_at<?)" in day_plan
    assert "SCAN entries" not in why_plan and "ix_entries_url" in why_plan


async def test_sqlite_statistics_are_gathered_once_there_are_entries(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 's.db'}"
    now = datetime(2026, 8, 22, 12, tzinfo=UTC)
    store = await Store.open(url)
    feed = await store.add_feed(FeedSpec("A", "https://a.example/feed"), now)
    await store.upsert_entries(feed.id, [_article(i, now) for i in range(50)], now)
    async with store.engine.begin() as conn:  # as if an older version had written them
        await conn.exec_driver_sql("DELETE FROM sqlite_stat1")
    await store.engine.dispose()  # closed without the store's own upkeep
    store = await Store.open(url)
    try:
        async with store.engine.connect() as conn:
            stats = (
                await conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'entries'")
            ).all()
        # ANALYZE ran on opening: it knows there are 50 entries
        assert stats and all(row[0].split()[0] == "50" for row in stats)
        # and a poll refreshes them at most hourly
        assert await store.refresh_statistics(now)
        assert not await store.refresh_statistics(now + timedelta(minutes=30))
        assert await store.refresh_statistics(now + timedelta(hours=1))
    finally:
        await store.close()


async def _stats_of(store: Store) -> dict[str, str]:
    async with store.engine.connect() as conn:
        rows = (await conn.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1")).all()
    return {str(r[0]): str(r[1]) for r in rows}


async def test_statistics_never_describe_the_search_index_tables(tmp_path: Path) -> None:
    # A first poll's ANALYZE found the search index empty (entries only queued for it), and
    # FTS5's own lookups, planned for "2 rows", grew slower with every batch indexed after
    # (bench/search_catchup.py: 120,000 entries, 54 s of CPU instead of 22; 300,000: 15 minutes)
    url = f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
    now = datetime(2026, 8, 22, 12, tzinfo=UTC)
    store = await Store.open(url)
    try:
        feed = await store.add_feed(FeedSpec("A", "https://a.example/feed"), now)
        await store.upsert_entries(feed.id, [_article(i, now) for i in range(50)], now)
        assert await store.refresh_statistics(now)  # the first poll's: ANALYZE
        first = await _stats_of(store)
        assert await store.index_for_search() == 50
        assert await store.refresh_statistics(now + timedelta(hours=1))  # PRAGMA optimize
        later = await _stats_of(store)
        found = await store.search_matches(["Title"], None, cap=5)
    finally:
        await store.close()
    for stats in (first, later):
        assert stats.get("entries", "").split()[0] == "50"  # the tables queries plan on
        assert not [t for t in stats if t.startswith("entries_fts")], stats
    assert len(found) == 5  # the index works without them


async def test_an_older_versions_statistics_of_the_search_index_are_dropped(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'o.db'}"
    now = datetime(2026, 8, 22, 12, tzinfo=UTC)
    store = await Store.open(url)
    feed = await store.add_feed(FeedSpec("A", "https://a.example/feed"), now)
    await store.upsert_entries(feed.id, [_article(i, now) for i in range(50)], now)
    async with store.engine.begin() as conn:  # what a plain ANALYZE wrote before
        await conn.exec_driver_sql("ANALYZE")
    assert [t for t in await _stats_of(store) if t.startswith("entries_fts")]
    await store.engine.dispose()
    store = await Store.open(url)
    try:
        stats = await _stats_of(store)
        assert await store.index_for_search() == 50
    finally:
        await store.close()
    assert not [t for t in stats if t.startswith("entries_fts")], stats
    assert stats.get("entries", "").split()[0] == "50"  # the rest are kept
