"""What a run of polls leaves on a feed's row and in its fetch log, and how stored rows become
models (``bot.store.polls``, ``bot.store.rows``)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import insert

from bot.clock import FixedClock
from bot.models import ArticleIn, Destination, FeedSpec
from bot.store.rows import destination_row, model_of
from bot.store.schema import entries
from bot.store.store import PollOutcome, Store
from bot.store.upserts import _lookup


def _outcome(feed_id: int, clock: FixedClock, ok: bool, n: int) -> PollOutcome:
    said: dict[str, Any] = (
        dict(etag=f'"v{n}"', last_modified=f"day {n}")
        if ok
        else dict(error_kind="http", error=f"HTTP 500 number {n}")
    )
    return PollOutcome(
        feed_id,
        clock.now(),
        ok=ok,
        next_poll_at=clock.now() + timedelta(minutes=30),
        status="ok" if ok else "error",
        http_status=200 if ok else 500,
        **said,
    )


# each poll's result, then (failures in a row, failing since the poll number, last success
# at the poll number, etag, last error) on the feed after the whole run
RUNS = [
    ([True], (0, None, 0, '"v0"', None)),
    ([False], (1, 0, None, None, "HTTP 500 number 0")),
    ([False, False, False], (3, 0, None, None, "HTTP 500 number 2")),
    ([True, False, False], (2, 1, 0, '"v0"', "HTTP 500 number 2")),
    ([False, False, True], (0, None, 2, '"v2"', "HTTP 500 number 1")),
    ([False, True, False], (1, 2, 1, '"v1"', "HTTP 500 number 2")),
]


@pytest.mark.parametrize(("run", "after"), RUNS)
async def test_a_run_of_polls_counts_failures_and_keeps_validators_of_the_last_success(
    store: Store, clock: FixedClock, run: list[bool], after: tuple[object, ...]
) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    start = clock.now()
    for n, ok in enumerate(run):
        await store.record_polls([_outcome(feed.id, clock, ok, n)])
        clock.advance(timedelta(hours=1))
    got = await store.get_feed(feed.id)
    assert got is not None

    def poll(at: object) -> int | None:
        return None if at is None else int((at - start) / timedelta(hours=1))  # type: ignore[operator]

    assert (
        got.consecutive_failures,
        poll(got.failing_since),
        poll(got.last_success_at),
        got.etag,
        got.last_error,
    ) == after
    assert got.next_poll_at == start + timedelta(hours=len(run) - 1, minutes=30)
    log = await store.fetch_log_for(feed.id)  # newest first
    assert [e.status for e in reversed(log)] == ["ok" if ok else "error" for ok in run]
    assert [e.error for e in reversed(log)] == [
        None if ok else f"http: HTTP 500 number {n}" for n, ok in enumerate(run)
    ]


async def test_polls_of_several_feeds_in_one_call_each_land_on_their_own_feed(
    store: Store, clock: FixedClock
) -> None:
    a = await store.add_feed(FeedSpec("a", "https://a.example/feed"), clock.now())
    b = await store.add_feed(FeedSpec("b", "https://b.example/feed"), clock.now())
    await store.record_polls([_outcome(a.id, clock, True, 7), _outcome(b.id, clock, False, 8)])
    got_a, got_b = await store.get_feed(a.id), await store.get_feed(b.id)
    assert got_a is not None and got_b is not None
    assert (got_a.etag, got_a.consecutive_failures, got_a.last_error) == ('"v7"', 0, None)
    assert (got_b.etag, got_b.consecutive_failures, got_b.last_error) == (
        None,
        1,
        "HTTP 500 number 8",
    )


def test_a_row_becomes_its_model_with_the_odd_columns_converted() -> None:
    row = SimpleNamespace(
        id=3,
        platform="slack",
        channel_id="C1",
        scope="",  # global rows store the empty scope
        post_time="08:30",
        tz="Europe/Berlin",
        enabled=True,
        topic=None,
        last_window_end=None,
        created_by="slack:U1",
    )
    assert destination_row(row) == Destination(
        id=3,
        platform="slack",
        channel_id="C1",
        scope=None,
        post_time="08:30",
        tz="Europe/Berlin",
        topic=None,
        created_by="slack:U1",
    )


def test_a_row_missing_a_column_is_an_error_not_a_default() -> None:
    row = SimpleNamespace(id=3, platform="slack", channel_id="C1", scope=None, post_time="08:30")
    with pytest.raises(AttributeError, match="tz"):
        model_of(Destination, row)


def _article(n: int, *, edit: str = "") -> ArticleIn:
    url = f"https://news.example/{n}"
    return ArticleIn(
        guid=url,
        url=url,
        canonical_url=url,
        title=f"Story {n}{edit}",
        author=None,
        published_at=datetime(2026, 8, 22, n % 24, tzinfo=UTC),
        text=f"Story {n}{edit}: what happened.",
        content_hash=f"{n}{edit}",
    )


def _polled(clock: FixedClock, feed_id: int, articles: list[ArticleIn]) -> PollOutcome:
    now = clock.now()
    return PollOutcome(feed_id, now, ok=True, next_poll_at=now, status="ok", articles=articles)


async def _sqlite_only(store: Store, why: str) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip(why)


async def test_a_batch_stores_each_feeds_entries_as_its_own_and_a_repoll_finds_them(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Feeds of one batch are looked up and inserted together (bot/store/upserts.py): the same
    # article in two feeds is an entry of each, each feed counts its own, and a second poll
    # (its lookup split in chunks of 3 here, as a big batch's is) finds what is stored.
    a = await store.add_feed(FeedSpec("a", "https://a.example/feed"), clock.now())
    b = await store.add_feed(FeedSpec("b", "https://b.example/feed"), clock.now())

    first = await store.record_polls(
        [
            _polled(clock, a.id, [_article(n) for n in range(5)]),
            _polled(clock, b.id, [_article(n) for n in (3, 4)]),
        ]
    )
    assert [(c.new, c.updated) for c in first] == [(5, 0), (2, 0)]
    monkeypatch.setattr("bot.store.upserts.LOOKUP_PAIRS", 3)
    clock.advance(timedelta(hours=1))
    again = [_article(n) for n in range(4)] + [_article(4, edit=" (updated)"), _article(5)]
    second = await store.record_polls(
        [_polled(clock, a.id, again), _polled(clock, b.id, [_article(n) for n in (3, 4, 6)])]
    )
    assert [(c.new, c.updated, c.unchanged) for c in second] == [(1, 1, 4), (1, 0, 2)]
    for feed, urls in ((a, range(6)), (b, (3, 4, 6))):
        got = await store.get_feed(feed.id)
        assert got is not None and got.entries_count == len(urls)
        rows = await store.entry_rows(feed.id)
        assert [r["url"] for r in rows] == [f"https://news.example/{n}" for n in urls]
    (edited,) = [r for r in await store.entry_rows(a.id) if r["revision"] == 2]
    assert edited["title"] == "Story 4 (updated)"


async def test_every_new_entry_and_only_new_ones_wait_for_the_search_index(
    store: Store, clock: FixedClock
) -> None:
    # SQLite queues a batch's new entries with one statement after its INSERT (migration
    # 0024 dropped the per-row trigger): each new id once, no stored or edited one again,
    # and the catch-up indexes them so the index matches the rows.
    await _sqlite_only(store, "SQLite's search queue")
    a = await store.add_feed(FeedSpec("a", "https://a.example/feed"), clock.now())
    b = await store.add_feed(FeedSpec("b", "https://b.example/feed"), clock.now())

    async def queued() -> list[int]:
        async with store.engine.connect() as conn:
            rows = await conn.exec_driver_sql("SELECT entry_id FROM search_queue ORDER BY 1")
            return [r[0] for r in rows]

    async def ids() -> list[int]:
        return sorted(r["id"] for r in await store.entry_rows())

    await store.record_polls(
        [
            _polled(clock, a.id, [_article(n) for n in range(5)]),
            _polled(clock, b.id, [_article(n) for n in (3, 4)]),
        ]
    )
    assert await queued() == await ids() and len(await ids()) == 7
    assert await store.index_for_search() == 7
    assert await queued() == []
    stored = set(await ids())
    clock.advance(timedelta(hours=1))
    again = [_article(n) for n in range(4)] + [_article(4, edit=" (updated)"), _article(5)]
    await store.record_polls(
        [_polled(clock, a.id, again), _polled(clock, b.id, [_article(6), _article(7)])]
    )
    new = sorted(set(await ids()) - stored)
    assert len(new) == 3 and await queued() == new
    assert await store.index_for_search() == 3
    async with store.engine.begin() as conn:  # FTS5's own check: the index matches the rows
        await conn.exec_driver_sql(
            "INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)"
        )


async def test_a_batchs_lookup_probes_the_unique_indexes_whatever_the_statistics(
    store: Store, clock: FixedClock
) -> None:
    # With the statistics of a small table (a new database is analyzed after the first batch
    # of its first poll), a lookup by feed ids then guids or URLs made SQLite scan the whole
    # table for every later batch of that poll: the lookup is by (feed, guid) and (feed, URL)
    # pairs, each one probe of a unique index, so no plan reads the table through.
    await _sqlite_only(store, "the plan is SQLite's")
    feed = await store.add_feed(FeedSpec("a", "https://a.example/feed"), clock.now())
    now = clock.now()
    articles = [_article(n) for n in range(5)]
    await store.record_polls([_polled(clock, feed.id, articles)])
    assert await store.refresh_statistics(now, force=True)
    lookup = _lookup("sqlite", [(feed.id, a) for a in articles]).compile(
        dialect=store.engine.dialect, compile_kwargs={"render_postcompile": True}
    )
    async with store.engine.connect() as conn:
        plan = [
            row[-1]
            for row in await conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {lookup}", tuple(lookup.params.values())
            )
        ]
    # the pairs are scanned (they are the list), the entries only searched, by both columns
    assert [s for s in plan if s.startswith("SCAN") and "VIRTUAL TABLE" not in s] == [], plan
    probes = [s for s in plan if s.startswith("SEARCH") and "USING INDEX" in s]
    assert len(probes) == 2, plan
    assert any("(feed_id=? AND guid=?)" in s for s in probes), plan
    assert any("(feed_id=? AND canonical_url=?)" in s for s in probes), plan


async def test_a_polled_entry_is_stored_as_sqlalchemy_would_store_it(
    store: Store, clock: FixedClock
) -> None:
    # On SQLite a batch's new entries go in through the driver's own executemany, with the
    # times converted once per feed (bot/store/upserts.py): the stored values, times to the
    # microsecond included, are those SQLAlchemy's own INSERT stores for the same entry.
    polled = await store.add_feed(FeedSpec("polled", "https://a.example/feed"), clock.now())
    by_core = await store.add_feed(FeedSpec("core", "https://b.example/feed"), clock.now())
    now = clock.now() + timedelta(microseconds=42)  # and the date to the second
    article = replace(
        _article(7), author="Ann", published_at=datetime(2026, 8, 22, 9, 30, 5, tzinfo=UTC)
    )
    await store.record_polls(
        [PollOutcome(polled.id, now, ok=True, next_poll_at=now, status="ok", articles=[article])]
    )
    async with store.engine.begin() as conn:
        await conn.execute(
            insert(entries).values(
                {f.name: getattr(article, f.name) for f in fields(ArticleIn)}
                | dict.fromkeys(("fetched_at", "first_seen_at", "updated_at"), now)
                | {"feed_id": by_core.id, "revision": 1}
            )
        )
    columns = [c.name for c in entries.columns if c.name not in ("id", "feed_id")]
    typed = ", ".join(
        f"{c}, typeof({c})" if store.engine.dialect.name == "sqlite" else c for c in columns
    )
    async with store.engine.connect() as conn:
        rows = (await conn.exec_driver_sql(f"SELECT {typed} FROM entries ORDER BY feed_id")).all()
    first, second = rows
    assert tuple(first) == tuple(second)


def test_the_sqlite_inserts_times_are_the_text_sqlalchemy_binds() -> None:
    # sqlite_insert's conversion takes a shortcut for aware UTC times (every time a poll
    # stores): the text must be SQLAlchemy's own, or stored times would stop comparing in
    # order with those written through Core (and a later poll's lookups by time).
    from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

    from bot.store.upserts import sqlite_insert

    dialect = sqlite_dialect()
    _sql, convert = sqlite_insert(dialect)
    core = entries.c.published_at.type.dialect_impl(dialect).bind_processor(dialect)
    assert core is not None
    east = timezone(timedelta(hours=5, minutes=30))
    times = [
        datetime(2026, 8, 22, 9, 30, 5, tzinfo=UTC),  # no microseconds: still written
        datetime(2026, 8, 22, 9, 30, 5, 7, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=UTC),  # years below 1000 are padded to four digits
        datetime(999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2026, 8, 22, 9, 30, 5, 7, tzinfo=east),  # not UTC: SQLAlchemy's way
        datetime(2026, 8, 22, 9, 30, 5, 7, tzinfo=UTC).replace(tzinfo=None),  # naive: UTC
        datetime(2026, 8, 22, 9, 30, 5, 7, tzinfo=UTC).astimezone(UTC),
    ]
    for t in times:
        assert convert(t) == core(t), t
    assert convert(times[1]) == "2026-08-22 09:30:05.000007"


async def test_a_batch_is_written_with_a_larger_page_cache_given_back_after(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite's default 2 MiB cache made a cold poll's batches read back and spill the pages
    # of its six indexes; the batch gets 8 MiB while it is written, and the connection
    # (the pool keeps it) goes back to the default after, its memory with it
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's page cache")
    from bot.store import sqlite_polls

    feed = await store.add_feed(FeedSpec("cached", "https://c.example/feed"), clock.now())
    seen: list[int] = []
    upsert = sqlite_polls.upsert

    def watching(db: Any, *args: Any) -> Any:
        seen.append(db.execute("PRAGMA cache_size").fetchone()[0])
        return upsert(db, *args)

    monkeypatch.setattr(sqlite_polls, "upsert", watching)
    outcome = PollOutcome(
        feed.id, clock.now(), ok=True, next_poll_at=clock.now(), status="ok",
        articles=[_article(1), _article(2)],
    )  # fmt: skip
    async with store.engine.begin() as conn:
        before = (await conn.exec_driver_sql("PRAGMA cache_size")).scalar_one()
        await sqlite_polls.record_polls_sqlite(conn, [outcome], keep_log=20)
        after = (await conn.exec_driver_sql("PRAGMA cache_size")).scalar_one()
    assert seen == [-sqlite_polls.RECORD_CACHE_KIB]
    assert before == after == -2000
    assert await store.count_entries() == 2
