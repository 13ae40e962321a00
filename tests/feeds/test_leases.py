"""Several pollers on one database: each due feed is claimed (leased) by exactly one of them,
and a crashed poller's claims run out so another takes its feeds over.

Runs on SQLite, and on PostgreSQL (FOR UPDATE SKIP LOCKED) with NEWSBOT_TEST_DATABASE_URL.
The two-process test against a real server is tests/test_scale_out.py."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from support.feed_server import FeedServer
from support.tiny_feed import one_item_rss

from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.fetch import Fetcher
from bot.feeds.update import Poller, poll_lease, poll_tick_seconds, success_delay
from bot.models import FeedSpec
from bot.store.store import PollOutcome, Store


async def _feeds(store: Store, clock: FixedClock, n: int, server: FeedServer | None = None) -> None:
    for i in range(n):
        url = f"https://f{i}.example/feed"
        if server is not None:
            server.put(f"/f{i}.xml", one_item_rss(i))
            url = server.url(f"/f{i}.xml")
        await store.add_feed(FeedSpec(f"feed {i}", url), clock.now(), added_by="test")


@pytest.fixture
async def other(db_url: str, store: Store) -> AsyncIterator[Store]:
    """A second connection to the test's database, as a second process would have."""
    second = await Store.open(db_url)
    try:
        yield second
    finally:
        await second.close()


async def test_claims_are_disjoint_and_end_when_recorded_or_run_out(
    store: Store, clock: FixedClock
) -> None:
    await _feeds(store, clock, 5)
    now, lease = clock.now(), timedelta(minutes=10)
    a = await store.claim_due_feeds(now, owner="a", lease=lease, limit=3)
    b = await store.claim_due_feeds(now, owner="b", lease=lease, limit=3)
    assert len(a) == 3 and len(b) == 2
    assert not {f.id for f in a} & {f.id for f in b}
    assert await store.claim_due_feeds(now, owner="c", lease=lease, limit=3) == []
    # a records its polls: those feeds are no longer leased, and not due until next time
    await store.record_polls(
        [
            PollOutcome(f.id, now, ok=True, next_poll_at=now + timedelta(minutes=30), status="ok")
            for f in a
        ]
    )
    # b "crashed": once its lease runs out its feeds are claimable again, a's are not due
    later = now + lease
    taken = await store.claim_due_feeds(later, owner="c", lease=lease, limit=10)
    assert sorted(f.id for f in taken) == sorted(f.id for f in b)


async def test_many_claimers_at_once_never_share_a_feed(
    store: Store, other: Store, clock: FixedClock
) -> None:
    await _feeds(store, clock, 60)
    claims = await asyncio.gather(
        *(
            s.claim_due_feeds(clock.now(), owner=f"p{i}", lease=timedelta(minutes=5), limit=7)
            for i, s in enumerate([store, other] * 6)
        )
    )
    ids = [f.id for claim in claims for f in claim]
    assert len(ids) == len(set(ids)) == 60


async def test_two_pollers_poll_each_due_feed_once_between_them(
    store: Store,
    other: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
) -> None:
    await _feeds(store, clock, 40, server)
    settings = replace_settings(settings, max_concurrency=4)
    one = Poller(store, fetcher, settings, clock, owner="one")
    two = Poller(other, fetcher, settings, clock, owner="two")
    first, second = await asyncio.gather(one.poll(due_only=True), two.poll(due_only=True))
    # nothing is due any more: a second tick polls nothing
    assert await one.poll(due_only=True) == []
    polled = [r.feed_id for r in first + second]
    assert len(polled) == len(set(polled)) == 40
    assert all(server.hits[f"/f{i}.xml"] == 1 for i in range(40))
    assert first and second  # both took a share


async def test_a_crashed_pollers_feeds_are_taken_over_when_its_lease_runs_out(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    await _feeds(store, clock, 6, server)
    lease = poll_lease(settings)
    dead = await store.claim_due_feeds(clock.now(), owner="dead", lease=lease, limit=2)
    poller = Poller(store, fetcher, settings, clock, owner="alive")
    now_results = await poller.poll(due_only=True)
    assert {r.feed_id for r in now_results}.isdisjoint(f.id for f in dead)
    assert len(now_results) == 4
    clock.advance(lease)
    later = await poller.poll(due_only=True)
    assert sorted(r.feed_id for r in later) == sorted(f.id for f in dead)
    # within one interval of the crash, as the lease is half of it
    assert lease * 2 <= timedelta(minutes=settings.poll_interval_minutes)


def replace_settings(settings: Settings, **changes: object) -> Settings:
    return settings.model_copy(update=changes)


async def _ticks(
    clock: FixedClock, pollers: list[Poller], settings: Settings, intervals: int
) -> dict[str, int]:
    """Every poller looks for due feeds at every tick, always in the same order (the first
    one always ticks first: the worst case for first come, first served); polls per owner."""
    tick = timedelta(seconds=poll_tick_seconds(settings))
    polls = {p.owner: 0 for p in pollers}
    for _ in range(int(intervals * success_delay(settings, None) / tick) + 1):
        for p in pollers:
            polls[p.owner] += len(await p.poll(due_only=True))
        clock.advance(tick)
    return polls


@pytest.fixture
async def pair(
    store: Store,
    other: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
) -> tuple[Poller, Poller]:
    """Forty feeds on the loopback server, due now, and two pollers, each on its own
    connection as two processes would be."""
    await _feeds(store, clock, 40, server)
    return (
        Poller(store, fetcher, settings, clock, owner="one"),
        Poller(other, fetcher, settings, clock, owner="two"),
    )


async def test_two_pollers_split_the_feeds_evenly_even_when_one_always_ticks_first(
    pair: tuple[Poller, Poller], clock: FixedClock, server: FeedServer, settings: Settings
) -> None:
    one, two = pair
    await two.poll(due_only=True)  # two is up first and takes everything: it is alone
    assert all(server.hits[f"/f{i}.xml"] == 1 for i in range(40))
    polls = await _ticks(clock, [one, two], settings, intervals=3)
    # three more rounds of 40 polls, each feed once per round, about half each
    assert sum(polls.values()) == 120
    assert all(server.hits[f"/f{i}.xml"] == 4 for i in range(40))
    assert min(polls.values()) >= 0.4 * 120, polls


async def test_feeds_a_silent_peer_leaves_are_polled_after_a_grace_then_it_drops_out(
    pair: tuple[Poller, Poller], clock: FixedClock, server: FeedServer, settings: Settings
) -> None:
    tick = timedelta(seconds=poll_tick_seconds(settings))
    one, hung = pair
    await asyncio.gather(one.poll(due_only=True), hung.poll(due_only=True))
    clock.advance(success_delay(settings, None) - tick)
    await hung.poll(due_only=True)  # its last look: nothing due yet; then it hangs
    clock.advance(tick)
    # one takes only its share while `hung` still counts as live...
    assert len(await one.poll(due_only=True)) == 21  # 40 / 2, and 5% over
    clock.advance(tick)
    assert await one.poll(due_only=True) == []
    # ...but a feed nobody took for two ticks is overdue: anyone takes it
    clock.advance(tick)
    assert len(await one.poll(due_only=True)) == 19
    assert all(server.hits[f"/f{i}.xml"] == 2 for i in range(40))


async def test_a_poller_that_stops_leaves_its_share_to_the_others_at_once(
    pair: tuple[Poller, Poller], clock: FixedClock, server: FeedServer, settings: Settings
) -> None:
    one, stopping = pair
    await asyncio.gather(one.poll(due_only=True), stopping.poll(due_only=True))
    await stopping.leave()
    clock.advance(success_delay(settings, None))
    assert len(await one.poll(due_only=True)) == 40
