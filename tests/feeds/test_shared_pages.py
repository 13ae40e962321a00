"""Entries that share a page (or have no link) are distinct articles, never merged away."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.fetch import Fetcher
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.feeds.update import Poller
from bot.models import FeedSpec, PollStatus
from bot.store.store import Store

from .conftest import DATA

SHARED_PAGES = {p.stem: p.read_bytes() for p in sorted((DATA / "shared-pages").glob("*.xml"))}


@pytest.mark.parametrize("name", list(SHARED_PAGES))
async def test_every_entry_of_a_feed_sharing_pages_is_kept_once(
    name: str,
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
) -> None:
    body = SHARED_PAGES[name]
    articles = normalize_entries(parse_feed(body, url="x"), now=clock.now())
    guids = {a.guid for a in articles}
    assert len({a.canonical_url for a in articles}) < len(guids)  # pages are shared
    server.put("/feed.xml", body)
    await store.add_feed(FeedSpec(name="f", url=server.url("/feed.xml")), clock.now())
    poller = Poller(store, fetcher, settings, clock)

    (first,) = await poller.poll()
    assert first.status is PollStatus.NEW and first.new == len(guids)

    server.put("/feed.xml", body + b"\n")  # a new ETag, the same entries
    clock.advance(timedelta(hours=1))
    (second,) = await poller.poll()
    assert (second.status, second.new, second.updated) == (PollStatus.UNCHANGED, 0, 0)
    rows = await store.entry_rows()
    assert sorted(r["guid"] for r in rows) == sorted(guids)
    assert len({r["canonical_url"] for r in rows}) == len(rows)


async def test_a_changed_guid_with_the_same_page_and_title_is_the_same_entry(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    body = (DATA / "techcrunch.xml").read_bytes()
    server.put("/tc.xml", body)
    await store.add_feed(FeedSpec(name="tc", url=server.url("/tc.xml")), clock.now())
    poller = Poller(store, fetcher, settings, clock)
    (first,) = await poller.poll()
    assert first.new == 20
    # The publisher moves from ?p=123 guids to new ones; pages and titles stay.
    server.put("/tc.xml", re.sub(rb"\?p=(\d+)</guid>", rb"?post=\1</guid>", body))
    clock.advance(timedelta(hours=1))
    (second,) = await poller.poll()
    assert (second.new, second.updated) == (0, 0)
    assert await store.count_entries() == 20


def test_an_entry_without_a_link_is_reached_through_its_web_id(clock: FixedClock) -> None:
    body = SHARED_PAGES["1d58ba8460bcc2d0"]  # Atom, 30 entries, no <link> in any
    assert b"<entry>" in body and b"<link" not in body.split(b"<entry>", 1)[1]
    articles = normalize_entries(parse_feed(body, url="x"), now=clock.now())
    assert len(articles) == 30
    assert all(a.url == a.guid and a.url.startswith("https://wiki.xxiivv.com/") for a in articles)
