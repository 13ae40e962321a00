"""Group commit of poll outcomes: many feeds per transaction, and one bad outcome never
costs the others theirs."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.clock import FixedClock
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.feeds.recorder import BatchRecorder
from bot.models import FeedSpec
from bot.store.store import PollOutcome, Store

from .conftest import DATA


def _ok(feed_id: int, clock: FixedClock, **kw: object) -> PollOutcome:
    return PollOutcome(
        feed_id,
        clock.now(),
        ok=True,
        next_poll_at=clock.now() + timedelta(minutes=30),
        status="ok",
        http_status=200,
        **kw,  # type: ignore[arg-type]
    )


async def test_outcomes_finishing_together_share_a_transaction_and_all_land(
    store: Store, clock: FixedClock
) -> None:
    articles = normalize_entries(
        parse_feed((DATA / "techcrunch.xml").read_bytes(), url="tc"), now=clock.now()
    )
    ids = []
    for i in range(40):
        f = await store.add_feed(FeedSpec(name=f"f{i}", url=f"http://127.0.0.1/{i}"), clock.now())
        ids.append(f.id)
    recorder = BatchRecorder(store, keep_log=5, max_batch=16)
    calls: list[int] = []
    real = store.record_polls

    async def spy(outcomes, *, keep_log=20):  # type: ignore[no-untyped-def]
        calls.append(len(outcomes))
        return await real(outcomes, keep_log=keep_log)

    store.record_polls = spy  # type: ignore[method-assign]
    try:
        counts = await asyncio.gather(
            *(recorder.record(_ok(i, clock, articles=articles, etag=f'"{i}"')) for i in ids)
        )
    finally:
        await recorder.close()
    assert [c.new for c in counts] == [20] * 40
    assert sum(calls) == 40 and len(calls) < 40 and max(calls) <= 16
    feeds = {f.id: f for f in await store.list_feeds(all_scopes=True)}
    assert all(feeds[i].etag == f'"{i}"' for i in ids)
    assert await store.count_entries() == 800


async def test_one_bad_outcome_fails_alone(store: Store, clock: FixedClock) -> None:
    articles = normalize_entries(
        parse_feed((DATA / "theverge-ai.xml").read_bytes(), url="v"), now=clock.now()
    )
    good = await store.add_feed(FeedSpec(name="good", url="http://127.0.0.1/g"), clock.now())
    recorder = BatchRecorder(store, keep_log=5)
    try:
        results = await asyncio.gather(
            recorder.record(_ok(good.id, clock, articles=articles, etag='"g"')),
            recorder.record(_ok(987654, clock, articles=articles)),  # no such feed
            return_exceptions=True,
        )
    finally:
        await recorder.close()
    assert results[0].new == 10  # type: ignore[union-attr]
    assert isinstance(results[1], Exception)
    assert await store.count_entries(good.id) == 10
    assert await store.count_entries() == 10
    (feed,) = await store.list_feeds(all_scopes=True)
    assert feed.etag == '"g"'


@pytest.mark.parametrize("keep", [1, 3])
async def test_the_fetch_log_stays_short_per_feed(
    store: Store, clock: FixedClock, keep: int
) -> None:
    a = await store.add_feed(FeedSpec(name="a", url="http://127.0.0.1/a"), clock.now())
    b = await store.add_feed(FeedSpec(name="b", url="http://127.0.0.1/b"), clock.now())
    for _ in range(4):
        await store.record_polls([_ok(a.id, clock), _ok(b.id, clock)], keep_log=keep)
    assert len(await store.fetch_log_for(a.id)) == keep
    assert len(await store.fetch_log_for(b.id)) == keep
