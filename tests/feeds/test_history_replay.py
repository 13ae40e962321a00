"""Replaying 24 real TechCrunch snapshots stores each distinct article exactly once."""

from __future__ import annotations

from datetime import datetime

import feedparser
from conftest import shared_or_skip
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.fetch import Fetcher
from bot.feeds.update import Poller
from bot.models import FeedSpec
from bot.store.store import Store


async def test_replay_stores_every_distinct_article_once(
    store: Store, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    snaps = sorted(shared_or_skip("feeds", "history", "techcrunch").glob("*.xml"))
    assert len(snaps) == 24
    # The expected set, computed independently with feedparser straight from the files.
    distinct = {
        e.get("id") or e.link for s in snaps for e in feedparser.parse(s.read_bytes()).entries
    }
    times = [datetime.strptime(s.stem, "%Y%m%dT%H%M%S%z") for s in snaps]
    clock = FixedClock(times[0])
    await store.add_feed(FeedSpec(name="tc", url=server.url("/tc.xml")), clock.now())
    poller = Poller(store, fetcher, settings, clock)
    new_total = 0
    for snap, at in zip(snaps, times, strict=True):
        clock.set(at)
        server.put("/tc.xml", snap.read_bytes())
        (r,) = await poller.poll()
        assert r.error is None, r.error
        new_total += r.new
    rows = await store.entry_rows()
    assert {row["guid"] for row in rows} == distinct
    assert len(rows) == len(distinct) == new_total
