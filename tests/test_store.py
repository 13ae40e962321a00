from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.errors import SourceError
from bot.models import ArticleIn, DestinationSpec, FeedSpec, PostState
from bot.store.store import Store

CONSOLE = DestinationSpec("console", "c1", None, "08:00", "UTC")


def _article(n: int, clock: FixedClock, body: str = "text") -> ArticleIn:
    return ArticleIn(
        guid=f"g{n}",
        url=f"https://example.org/{n}?utm_source=x",
        canonical_url=f"https://example.org/{n}",
        title=f"Title {n}",
        author=None,
        published_at=clock.now() - timedelta(hours=n),
        text=body,
        content_hash=f"hash-{n}-{body}",
    )


async def test_edit_updates_in_place_and_never_duplicates(store: Store, clock: FixedClock) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    first = await store.upsert_entries(
        feed.id, [_article(1, clock), _article(2, clock)], clock.now()
    )
    assert (first.new, first.updated) == (2, 0)
    edited = replace(_article(1, clock, "fixed typo"), guid="g1")
    again = await store.upsert_entries(feed.id, [edited, _article(2, clock)], clock.now())
    assert (again.new, again.updated, again.unchanged) == (0, 1, 1)
    rows = await store.entry_rows(feed.id)
    assert len(rows) == 2
    assert {r["text"] for r in rows} == {"fixed typo", "text"}
    assert max(r["revision"] for r in rows) == 2


async def test_same_article_under_a_new_guid_matches_by_canonical_url(
    store: Store, clock: FixedClock
) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    await store.upsert_entries(feed.id, [_article(1, clock)], clock.now())
    moved = replace(_article(1, clock), guid="another-guid")
    counts = await store.upsert_entries(feed.id, [moved], clock.now())
    assert counts.new == 0
    assert await store.count_entries(feed.id) == 1


async def test_duplicate_source_is_refused_with_a_clear_error(
    store: Store, clock: FixedClock
) -> None:
    await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    with pytest.raises(SourceError, match="already exists"):
        await store.add_feed(FeedSpec("example", "https://other.org/feed"), clock.now())


async def test_times_come_back_as_aware_utc(store: Store, clock: FixedClock) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    await store.upsert_entries(feed.id, [_article(3, clock)], clock.now())
    got = await store.articles_between(clock.now() - timedelta(days=1), clock.now())
    assert got[0].published_at == clock.now() - timedelta(hours=3)
    assert got[0].published_at.utcoffset() == timedelta(0)


async def test_a_post_is_claimed_once(store: Store, clock: FixedClock) -> None:
    dest = await store.upsert_destination(CONSOLE, clock.now())
    start, end = clock.now() - timedelta(days=1), clock.now()
    mine = await store.claim_post(dest.id, "2026-08-22", start, end, clock.now(), owner="a")
    assert mine is not None
    assert await store.claim_post(dest.id, "2026-08-22", start, end, clock.now(), owner="b") is None
    await store.update_post(mine.id, clock.now(), state=PostState.DONE, message_ref="m1")
    clock.advance(timedelta(hours=2))
    assert await store.claim_post(dest.id, "2026-08-22", start, end, clock.now(), owner="b") is None
    [record] = await store.posts_for(dest.id)
    assert record.state is PostState.DONE
    [d] = await store.list_destinations()
    assert d.last_window_end == end


async def test_a_stale_pending_post_can_be_taken_over(store: Store, clock: FixedClock) -> None:
    dest = await store.upsert_destination(CONSOLE, clock.now())
    start, end = clock.now() - timedelta(days=1), clock.now()
    assert await store.claim_post(dest.id, "k", start, end, clock.now(), owner="dead") is not None
    clock.advance(timedelta(minutes=30))
    taken = await store.claim_post(dest.id, "k", start, end, clock.now(), owner="alive")
    assert taken is not None and taken.attempts == 2


async def test_fetch_log_is_kept_short(store: Store, clock: FixedClock) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    for _ in range(30):
        await store.record_failure(
            feed.id,
            clock.now(),
            kind="timeout",
            message="read timed out",
            next_poll_at=clock.now(),
            http_status=None,
            duration_ms=1.0,
            keep_log=5,
        )
    assert len(await store.fetch_log_for(feed.id)) == 5
    got = await store.get_feed(feed.id)
    assert got is not None and got.consecutive_failures == 30 and got.last_error_kind == "timeout"


async def test_two_processes_starting_together_both_register_the_channel_and_feeds(
    db_url: str, store: Store, clock: FixedClock
) -> None:
    # Two `newsbot run` processes on one database do the same start-up writes at once:
    # the console channel and config/feeds.toml. Both find the rows missing and both insert;
    # the loser used to die of the unique constraint (a CI scale-out run lost its second
    # process that way). Now both come up, with one row each.
    import asyncio

    other = await Store.open(db_url)
    specs = [FeedSpec(f"Lab {i}", f"https://lab{i}.example/rss") for i in range(5)]
    try:
        for round_ in range(5):
            channel = f"ch-{round_}"

            async def start(s: Store, channel: str = channel) -> str:
                await s.sync_feeds(specs, clock.now())
                spec = replace(CONSOLE, channel_id=channel, created_by="newsbot run")
                dest = await s.upsert_destination(spec, clock.now())
                return dest.channel_id

            assert await asyncio.gather(start(store), start(other)) == [channel, channel]
        dests = await store.list_destinations(platform="console")
        assert sorted(d.channel_id for d in dests) == [f"ch-{r}" for r in range(5)]
        assert len(await store.list_feeds()) == 5
    finally:
        await other.close()


async def test_a_database_made_with_small_pages_keeps_working(
    tmp_path: Path, clock: FixedClock
) -> None:
    """New databases get 16 KiB pages; one an earlier version made (4 KiB pages, WAL) opens,
    stores long texts and reads them back as before, its page size unchanged."""
    import sqlite3

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as raw:
        raw.execute("PRAGMA page_size=4096")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("CREATE TABLE made_before (x)")
    for path in (old, tmp_path / "new.db"):
        store = await Store.open(f"sqlite+aiosqlite:///{path}")
        try:
            feed = await store.add_feed(
                FeedSpec("Example", "https://example.org/feed"), clock.now()
            )
            long = [_article(n, clock, f"word{n} " * 3000) for n in range(3)]
            assert (await store.upsert_entries(feed.id, long, clock.now())).new == 3
            rows = await store.entry_rows(feed.id)
            assert sorted(r["text"] for r in rows) == sorted(a.text for a in long)
        finally:
            await store.close()
    sizes = [
        sqlite3.connect(p).execute("PRAGMA page_size").fetchone()[0]
        for p in (old, tmp_path / "new.db")
    ]
    assert sizes == [4096, 16384]
