"""Outages and slow servers: one bad server never marks healthy feeds as failing.

Issue 10 item 6: waiting for a per-host slot counted toward the fetch time limit, so feeds
queued behind a trickling server on the same host were marked timed out.
"""

from __future__ import annotations

from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.fetch import Fetcher, make_client
from bot.feeds.update import Poller
from bot.models import FeedSpec, PollStatus
from bot.store.store import Store


async def test_feeds_queued_behind_trickling_servers_do_not_time_out(
    store: Store, clock: FixedClock, server: FeedServer, settings: Settings
) -> None:
    # One slot for the host, three trickling feeds ahead of five healthy ones: the healthy
    # ones wait three time limits for the slot, then answer at once. (Feeds are polled in
    # name order.)
    tight = settings.model_copy(update={"per_host_concurrency": 1, "total_timeout": 1.5})
    for i in range(3):
        await store.add_feed(
            FeedSpec(name=f"a-trickle{i}", url=server.url(f"/fault/trickle?{i}")), clock.now()
        )
    for i in range(5):
        await store.add_feed(
            FeedSpec(name=f"b-ok{i}", url=server.url(f"/techcrunch.xml?{i}")), clock.now()
        )
    async with make_client(tight) as client:
        results = {
            r.feed_name: r for r in await Poller(store, Fetcher(client, tight), tight, clock).poll()
        }
    assert {results[f"a-trickle{i}"].error_kind for i in range(3)} == {"timeout"}
    assert [results[f"b-ok{i}"].status for i in range(5)] == [PollStatus.NEW] * 5
