"""The full-text step is a queue of its own: a feed's entries are stored the moment it is
parsed, article pages fill them in afterwards, and an interrupted step resumes where it was.

Real Verge entries (tests/data/feeds/theverge-ai.xml) with their <content> removed, pages
served from a loopback server; a gate in front of the page fetcher holds the pages back.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.extract import LEASE, FullText
from bot.feeds.fetch import Fetcher, FetchResponse, make_client
from bot.feeds.normalize import html_to_text
from bot.feeds.update import Poller
from bot.models import FeedSpec, PollStatus
from bot.store.store import Store

from .conftest import DATA
from .test_extract import page, teaser_feed, verge_entries

ENTRIES = verge_entries()
TECHCRUNCH_ENTRIES = (DATA / "techcrunch.xml").read_bytes().count(b"<item>")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # All pages here are on one loopback host: a page timing out on a busy machine would
    # pause the host (as a host that is down) and with it every other page of the test.
    return settings.model_copy(update={"read_timeout": 30.0, "total_timeout": 60.0})


class GatedPages(Fetcher):
    """Page fetches wait at ``gate``; ``asked`` is set by the first one."""

    gate: asyncio.Event
    asked: asyncio.Event

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResponse:
        self.asked.set()
        await self.gate.wait()
        return await super().fetch(url, etag=etag, last_modified=last_modified)


@pytest.fixture
async def pages(settings: Settings) -> AsyncIterator[GatedPages]:
    async with make_client(settings) as client:
        f = GatedPages(client, settings)
        f.gate, f.asked = asyncio.Event(), asyncio.Event()
        yield f


@pytest.fixture
async def verge(server: FeedServer, store: Store, clock: FixedClock) -> FeedServer:
    for i, e in enumerate(ENTRIES):
        server.put(f"/article/{i}", page(e), content_type="text/html")
    links = [server.url(f"/article/{i}") for i in range(len(ENTRIES))]
    server.put("/verge.xml", teaser_feed(links), content_type="application/atom+xml")
    await store.add_feed(FeedSpec(name="verge", url=server.url("/verge.xml")), clock.now())
    return server


def _poller(
    store: Store, fetcher: Fetcher, pages: Fetcher, settings: Settings, clock: FixedClock, who: str
) -> Poller:
    return Poller(
        store, fetcher, settings, clock, FullText(store, pages, settings, clock, owner=who)
    )


async def _texts(store: Store) -> dict[str, str]:
    return {r["guid"]: r["text"] for r in await store.entry_rows()}


TEASERS = {e.guid: html_to_text(e.summary) for e in ENTRIES}


def _all_full(texts: dict[str, str]) -> bool:
    return all(len(texts[g].split()) > len(t.split()) + 30 for g, t in TEASERS.items())


async def test_entries_are_stored_before_their_full_text_arrives(
    store: Store,
    clock: FixedClock,
    verge: FeedServer,
    fetcher: Fetcher,
    pages: GatedPages,
    settings: Settings,
) -> None:
    poll = asyncio.create_task(_poller(store, fetcher, pages, settings, clock, "a").poll())
    await asyncio.wait_for(pages.asked.wait(), 60)

    # a page is being asked for and none has arrived: every entry is already stored,
    # with the feed's text, and queued for its page
    assert await _texts(store) == TEASERS
    assert await store.full_text_pending() == len(ENTRIES)
    assert not poll.done()

    pages.gate.set()
    (result,) = await asyncio.wait_for(poll, 60)
    assert result.status is PollStatus.NEW and result.new == len(ENTRIES)
    assert _all_full(await _texts(store))
    assert await store.full_text_pending() == 0
    # the digest sees the longer text under a hash of its own (summaries made again)
    stored = {r["guid"]: r["content_hash"] for r in await store.entry_rows()}
    window = await store.articles_between(
        clock.now() - timedelta(days=3650), clock.now() + timedelta(days=1), all_scopes=True
    )
    assert {a.guid for a in window} == set(TEASERS)
    assert all(a.content_hash != stored[a.guid] for a in window)


async def test_an_interrupted_full_text_step_resumes_with_the_next_poll(
    store: Store,
    clock: FixedClock,
    verge: FeedServer,
    fetcher: Fetcher,
    pages: GatedPages,
    settings: Settings,
) -> None:
    poll = asyncio.create_task(_poller(store, fetcher, pages, settings, clock, "a").poll())
    await asyncio.wait_for(pages.asked.wait(), 60)
    poll.cancel()  # Ctrl-C while pages are being fetched
    with pytest.raises(asyncio.CancelledError):
        await poll
    assert await _texts(store) == TEASERS  # nothing lost
    assert await store.full_text_pending() == len(ENTRIES)
    assert sum(verge.hits[f"/article/{i}"] for i in range(len(ENTRIES))) == 0

    # Another process (or the next run) polls: the feed has not changed, the queue has.
    async with make_client(settings) as client:
        open_pages = Fetcher(client, settings)
        (again,) = await _poller(store, fetcher, open_pages, settings, clock, "b").poll()
    assert again.status is PollStatus.NOT_MODIFIED
    assert _all_full(await _texts(store))
    assert await store.full_text_pending() == 0
    assert all(verge.hits[f"/article/{i}"] == 1 for i in range(len(ENTRIES)))


async def test_a_crashed_workers_rows_are_taken_once_its_lease_runs_out(
    store: Store,
    clock: FixedClock,
    verge: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
) -> None:
    async with make_client(settings) as client:
        open_pages = Fetcher(client, settings)
        no_pages = settings.model_copy(update={"full_text_min_words": 0})
        await Poller(store, fetcher, no_pages, clock).poll()  # stores, queues nothing
        assert await store.full_text_pending() == 0
        # entries already stored unchanged are not queued by a later poll
        full = _poller(store, fetcher, open_pages, settings, clock, "b")
        verge.put("/verge.xml", verge.docs["/verge.xml"][0] + b"\n", content_type="text/xml")
        await full.poll()  # same entries, unchanged: not queued again
        assert await store.full_text_pending() == 0

    # rows claimed by a worker that then died (SIGKILL: nothing given back)
    await _queue_all(store, clock)
    crashed = await store.claim_full_text(clock.now(), owner="dead", lease=LEASE, limit=100)
    assert len(crashed) == len(ENTRIES)
    async with make_client(settings) as client:
        worker = FullText(store, Fetcher(client, settings), settings, clock, owner="b")
        counts = await worker.drain()
        assert counts.filled == 0 and await store.full_text_pending() == len(ENTRIES)
        clock.advance(LEASE)
        counts = await worker.drain()
    assert counts.filled == len(ENTRIES)
    assert _all_full(await _texts(store))


async def _queue_all(store: Store, clock: FixedClock) -> None:
    from bot.store.fulltext import enqueue_full_text_in

    (feed,) = await store.list_feeds(all_scopes=True)
    async with store.engine.begin() as conn:
        await enqueue_full_text_in(conn, feed.id, set(TEASERS), (), clock.now())


async def test_a_feed_is_stored_while_article_host_lookups_hang(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Article hosts whose DNS lookups hang (a resolver that does not answer: 5 s each on a
    real machine) hold the event loop's lookup threads; a feed that responds meanwhile is
    still parsed and stored, not kept waiting for a free thread."""
    threads = 4  # the loop's default executor: it runs every getaddrinfo
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(threads))
    answer = threading.Event()  # the resolver answers (with "no such host") once set
    hung: list[str] = []
    all_threads_held = asyncio.Event()
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kw: Any) -> Any:
        if not str(host).endswith(".example"):
            return real_getaddrinfo(host, *args, **kw)
        hung.append(host)
        if len(hung) == threads:
            loop.call_soon_threadsafe(all_threads_held.set)
        answer.wait()
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    # feed "a": teasers whose pages are on hosts the resolver never answers for
    links = [f"http://down{i}.example/story" for i in range(len(ENTRIES))]
    server.put("/a.xml", teaser_feed(links), content_type="application/atom+xml")
    server.put("/b.xml", (DATA / "techcrunch.xml").read_bytes(), content_type="text/xml")
    a = await store.add_feed(FeedSpec(name="a", url=server.url("/a.xml")), clock.now())
    # b's own pages are on the real web, which no test may reach
    b = await store.add_feed(
        FeedSpec(name="b", url=server.url("/b.xml"), full_text=False), clock.now()
    )

    class LateB(Fetcher):
        """Feed "b" responds once every lookup thread is held by a page of feed "a"."""

        async def fetch(
            self, url: str, *, etag: str | None = None, last_modified: str | None = None
        ) -> FetchResponse:
            if url.endswith("/b.xml"):
                await all_threads_held.wait()
            return await super().fetch(url, etag=etag, last_modified=last_modified)

    b_stored = asyncio.Event()
    async with make_client(settings) as client:
        poller = _poller(store, LateB(client, settings), fetcher, settings, clock, "a")
        poll = asyncio.create_task(
            poller.poll(progress=lambda r: b_stored.set() if r.feed_name == "b" else None)
        )
        try:
            await asyncio.wait_for(b_stored.wait(), 60)
            # b is stored with every lookup still hanging
            assert not answer.is_set() and len(hung) >= threads
            assert await store.count_entries(b.id) == TECHCRUNCH_ENTRIES
            assert await store.count_entries(a.id) == len(ENTRIES)
        finally:
            answer.set()
            results = await asyncio.wait_for(poll, 60)
    assert {r.feed_name: r.status for r in results} == {"a": PollStatus.NEW, "b": PollStatus.NEW}
    # a's pages could not be fetched: its entries keep the feed's text
    assert {r["guid"]: r["text"] for r in await store.entry_rows(a.id)} == TEASERS
