"""SQLite records a poll batch in one call on its driver's thread (``bot/store/sqlite_polls.py``);
PostgreSQL, statement by statement through SQLAlchemy (``bot/store/polls.py``). Both must
leave the same rows: the same polls are recorded both ways on SQLite and every table compared."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.clock import FixedClock
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import ArticleIn, FeedSpec
from bot.store import sqlite_polls
from bot.store.schema import entries, feeds, fetch_log, full_text_queue, search_queue
from bot.store.store import PollOutcome, Store

DATA = Path(__file__).parent / "data" / "feeds"
FILES = sorted(DATA.glob("*.xml")) + sorted((DATA / "shared-pages").glob("*.xml"))


def _articles(path: Path, clock: FixedClock) -> list[ArticleIn]:
    return normalize_entries(parse_feed(path.read_bytes(), url=path.name), now=clock.now())


def _polled(
    feed_id: int, clock: FixedClock, articles: list[ArticleIn] | None, **kw: Any
) -> PollOutcome:
    """A success with these articles, or (None) a failure."""
    said: dict[str, Any] = (
        dict(status="ok", http_status=200, etag=f'"{feed_id}-{clock.now().hour}"')
        if articles is not None
        else dict(status="error", http_status=503, error_kind="http", error="HTTP 503")
    )
    return PollOutcome(
        feed_id,
        clock.now(),
        ok=articles is not None,
        next_poll_at=clock.now() + timedelta(minutes=30 if articles is not None else 120),
        duration_ms=12.5,
        articles=articles or (),
        **said,
        **kw,
    )


def _edited(a: ArticleIn, n: int) -> ArticleIn:
    return replace(a, text=f"{a.text} (edit {n})", content_hash=f"{a.content_hash[:-2]}{n:02d}")


async def _run_polls(store: Store, clock: FixedClock) -> list[Any]:
    """Batches with every case: new entries, a feed twice in one batch, edits, a publisher's
    new guids for the same pages, duplicates in one document, failures after successes,
    entries wanting their page (new and edited), a log trimmed to its newest rows."""
    ids = [
        (await store.add_feed(FeedSpec(f"feed {i}", f"https://example.org/{i}"), clock.now())).id
        for i in range(len(FILES))
    ]
    docs = [_articles(path, clock) for path in FILES]
    assert all(len(d) >= 3 for d in docs)
    counts = []
    want = frozenset(a.guid for d in docs for a in d[::3])
    first = [
        _polled(f, clock, d[: len(d) // 2], full_text=want) for f, d in zip(ids, docs, strict=True)
    ]
    again = _polled(ids[0], clock, [*docs[0], docs[0][0], _edited(docs[0][1], 1)], full_text=want)
    counts.append(
        await store.record_polls([*first, again, _polled(ids[-1], clock, None)], keep_log=3)
    )
    for n in range(2, 6):
        clock.advance(timedelta(hours=1))
        batch = []
        for f, d in zip(ids, docs, strict=True):
            new_guids = [replace(a, guid=f"{a.guid}#moved") for a in d[:2]]
            edits = [_edited(a, n) for a in d[2 : 2 + n]]
            batch.append(_polled(f, clock, [*edits, *d[2 + n :], *new_guids], full_text=want))
        batch[n % len(batch)] = _polled(ids[n % len(ids)], clock, None)
        counts.append(await store.record_polls(batch, keep_log=3))
    return counts


async def _tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    async with store.engine.connect() as conn:
        for table in (feeds, entries, fetch_log, full_text_queue, search_queue):
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in await conn.execute(select(table).order_by(*order))]
    return out


async def test_sqlite_and_the_generic_path_store_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = {}
    for name in ("one call", "generic"):
        if name == "generic":

            async def generic(*_args: object) -> None:
                return None  # as for a driver that is not aiosqlite

            monkeypatch.setattr(sqlite_polls, "record_polls_sqlite", generic)
        clock = _clock()
        store = await Store.open(f"sqlite+aiosqlite:///{tmp_path / name}.db")
        try:
            counts = await _run_polls(store, clock)
            results[name] = (counts, await _tables(store))
        finally:
            await store.close()
    fast, generic_ = results["one call"], results["generic"]
    assert fast[0] == generic_[0]
    for table, rows in generic_[1].items():
        assert fast[1][table] == rows, table
    got = fast[1]
    # the cases happened: edits, moved guids, queued pages, a trimmed log, a failure
    assert any(c.updated for batch in fast[0] for c in batch)
    assert len(got["full_text_queue"]) > 0
    revision = [c.name for c in entries.columns].index("revision")
    assert max(r[revision] for r in got["entries"]) > 1
    assert len(got["fetch_log"]) == 3 * len(FILES)
    assert len(got["search_queue"]) == len(got["entries"])


def _clock() -> FixedClock:
    return FixedClock(datetime(2026, 8, 22, 12, 0, tzinfo=UTC))


async def test_a_batch_that_fails_stores_none_of_it_and_says_so_as_sqlalchemy_does(
    store: Store, clock: FixedClock
) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    articles = _articles(FILES[0], clock)
    gone = feed.id + 1000  # no such feed: its entries break the foreign key
    with pytest.raises(IntegrityError):
        await store.record_polls(
            [_polled(feed.id, clock, articles), _polled(gone, clock, articles)]
        )
    assert await store.count_entries() == 0
    assert await store.fetch_log_for(feed.id) == []
    assert (await store.get_feed(feed.id)).etag is None


def test_only_feeds_with_entries_stored_are_looked_up_entry_by_entry() -> None:
    # a feed polled for the first time has nothing stored to match: its entries are not
    # probed one by one (every feed of a cold poll); a feed with entries is, as before
    import sqlite3

    from bot.store.upserts import SQLITE_LOOKUP_SQL, FeedEntries

    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE entries (id INTEGER PRIMARY KEY, feed_id INTEGER, guid TEXT, "
        "canonical_url TEXT, content_hash TEXT, title TEXT, UNIQUE (feed_id, guid))"
    )
    db.execute("INSERT INTO entries VALUES (7, 1, 'g1', 'https://a.example/1', 'h1', 'One')")
    ran: list[str] = []
    db.set_trace_callback(ran.append)
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def article(guid: str) -> ArticleIn:
        url = f"https://a.example/{guid}"
        return ArticleIn(guid, url, url, guid, None, now, "text", "hash")

    new = [FeedEntries(2, [article("g1"), article("g2")], now), FeedEntries(3, [article("x")], now)]
    assert [stored for _, stored in sqlite_polls._stored(db, new)] == [[], []]
    assert not any("CROSS JOIN" in sql for sql in ran)
    mixed = [FeedEntries(1, [article("g1")], now), *new]
    found = [stored for _, stored in sqlite_polls._stored(db, mixed)]
    assert [[e.id for e in stored] for stored in found] == [[7], [], []]
    lookups = [sql for sql in ran if "CROSS JOIN" in sql]
    assert len(lookups) == 1 and "[[1, " in lookups[0] and "[2, " not in lookups[0]
    assert SQLITE_LOOKUP_SQL.split(" FROM ")[0] in lookups[0]
