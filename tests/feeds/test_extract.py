"""Full article text through a real loopback server, with pages built from The Verge's real
article HTML (the Atom feed's <content>) wrapped in the chrome a real page has."""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.feeds.extract import HOST_PAUSE_S, MAX_ATTEMPTS, FullText, make_full_text
from bot.feeds.fetch import Fetcher, FetchResponse, make_client
from bot.feeds.normalize import content_hash, html_to_text
from bot.feeds.parse import parse_feed
from bot.feeds.update import Poller
from bot.models import FeedSpec, ParsedEntry, PollStatus
from bot.store.store import Store

from .conftest import DATA

VERGE = (DATA / "theverge-ai.xml").read_bytes()
CHROME = (
    "We use cookies",
    "Accept all",
    "Most Popular",
    "Vox Media",
    "Subscribe to our newsletter",
)
_CONTENT = re.compile(rb"<content\b.*?</content>", re.DOTALL)
_ENTRY_LINK = re.compile(
    rb'(<entry>.*?<link rel="alternate" type="text/html" href=")([^"]+)"', re.DOTALL
)


def verge_entries() -> list[ParsedEntry]:
    return list(parse_feed(VERGE, url="verge").entries)


def page(entry: ParsedEntry) -> bytes:
    """A realistic article page: cookie banner, nav, the real article body, sidebar, footer."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{entry.title} | The Verge</title></head><body>
<div id="cookie-banner" class="consent">We use cookies to personalize content and ads.
<button>Accept all</button><button>Manage preferences</button></div>
<header><nav><ul><li><a href="/tech">Tech</a></li><li><a href="/reviews">Reviews</a></li>
<li><a href="/science">Science</a></li><li><a href="/ai-artificial-intelligence">AI</a></li>
</ul></nav></header>
<main><article><h1>{entry.title}</h1><p class="byline">by {entry.author}</p>
<div class="article-body">{entry.content}</div></article>
<aside><h2>Most Popular</h2><ul><li><a href="/a">The best phones to buy right now</a></li>
<li><a href="/b">Our favorite wireless earbuds</a></li></ul></aside></main>
<footer><p>Subscribe to our newsletter for weekly updates.</p>
<p>&copy; 2026 Vox Media, LLC. All Rights Reserved. Terms of Use. Privacy Notice.</p></footer>
</body></html>""".encode()


def teaser_feed(links: list[str]) -> bytes:
    """The real Verge feed with its full <content> removed (only the 56-word summaries stay)
    and the entries' links pointing at ``links`` (one per entry: no test may reach the web)."""
    assert len(links) == VERGE.count(b"<entry>")
    body = _CONTENT.sub(b"", VERGE)
    it = iter(links)

    def swap(m: re.Match[bytes]) -> bytes:
        return m.group(1) + next(it).encode() + b'"'

    return _ENTRY_LINK.sub(swap, body, count=len(links))


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # All pages here are on one loopback host: a page timing out on a busy machine would
    # pause the host (as a host that is down) and with it every other page of the test.
    return settings.model_copy(update={"read_timeout": 30.0, "total_timeout": 60.0})


class PageFetcher(Fetcher):
    """The extractor's fetcher, remembering which pages it was asked for."""

    urls: list[str]

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResponse:
        self.urls.append(url)
        return await super().fetch(url, etag=etag, last_modified=last_modified)


@pytest.fixture
async def pages(settings: Settings) -> AsyncIterator[PageFetcher]:
    async with make_client(settings) as client:
        f = PageFetcher(client, settings)
        f.urls = []
        yield f
        assert all(u.startswith("http://127.0.0.1:") for u in f.urls), f.urls


def _poller(
    store: Store,
    fetcher: Fetcher,
    pages: Fetcher,
    settings: Settings,
    clock: FixedClock,
    **options: Any,
) -> Poller:
    full_text = FullText(store, pages, settings, clock, owner="test", **options)
    return Poller(store, fetcher, settings, clock, full_text)


async def test_short_entries_get_the_article_body_without_the_page_chrome(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    pages: PageFetcher,
    settings: Settings,
) -> None:
    entries = verge_entries()
    for i, e in enumerate(entries):
        server.put(f"/article/{i}", page(e), content_type="text/html; charset=utf-8")
    feed_body = teaser_feed([server.url(f"/article/{i}") for i in range(len(entries))])
    server.put("/verge.xml", feed_body, content_type="application/atom+xml")
    await store.add_feed(FeedSpec(name="verge", url=server.url("/verge.xml")), clock.now())
    poller = _poller(store, fetcher, pages, settings, clock)

    (result,) = await poller.poll()

    assert result.status is PollStatus.NEW and result.new == len(entries)
    rows = {r["guid"]: r for r in await store.entry_rows()}
    for i, e in enumerate(entries):
        row = rows[e.guid]
        text = row["text"]
        teaser_words = len(html_to_text(e.summary).split())
        assert teaser_words < settings.full_text_min_words
        assert len(text.split()) > teaser_words + 30, (i, text)
        # the end of the real article, which the teaser cuts off, is there
        body = html_to_text(e.content).removesuffix("Read the full story at The Verge.")
        last_words = " ".join(body.split()[-6:-1])
        assert last_words in " ".join(text.split()), (i, last_words, text)
        assert not [c for c in CHROME if c in text], (i, text)
        # the hash stays the feed's, so edits are still detected against the feed
        assert row["content_hash"] == content_hash(row["title"], html_to_text(e.summary))
        assert server.hits[f"/article/{i}"] == 1

    # The feed answers 200 again with the same entries: no page is fetched twice.
    server.put("/verge.xml", feed_body + b"\n", content_type="application/atom+xml")
    clock.advance(timedelta(hours=1))
    (again,) = await poller.poll()
    assert again.status is PollStatus.UNCHANGED and again.http_status == 200
    assert all(server.hits[f"/article/{i}"] == 1 for i in range(len(entries)))


async def test_failed_pages_keep_the_feed_text_and_the_poll_succeeds(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    pages: PageFetcher,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.feeds.extract")
    entries = verge_entries()
    server.put("/doc.pdf", b"%PDF-1.7\n" + b"0" * 4000, content_type="application/pdf")
    server.put(
        "/data.json", b'{"story": "' + b"word " * 300 + b'"}', content_type="application/json"
    )
    chrome_only = page(entries[0]).replace(entries[0].content.encode(), b"")  # type: ignore[union-attr]
    server.put("/empty", chrome_only, content_type="text/html")
    server.put("/good", page(entries[5]), content_type="text/html")
    links = [
        server.url("/fault/500"),
        server.url("/doc.pdf"),
        server.url("/fault/private"),  # redirects to the cloud metadata address
        server.url("/data.json"),
        server.url("/empty"),
        server.url("/good"),
        server.url("/fault/loop"),
        *[server.url(f"/gone/{i}") for i in range(3)],  # 404
    ]
    server.put("/verge.xml", teaser_feed(links), content_type="application/atom+xml")
    await store.add_feed(FeedSpec(name="verge", url=server.url("/verge.xml")), clock.now())

    (result,) = await _poller(store, fetcher, pages, settings, clock).poll()

    assert result.status is PollStatus.NEW and result.new == len(entries)
    assert result.error is None
    rows = {r["guid"]: r for r in await store.entry_rows()}
    for i in (0, 1, 2, 3, 4, 6, 7, 8, 9):
        assert rows[entries[i].guid]["text"] == html_to_text(entries[i].summary), i
    assert len(rows[entries[5].guid]["text"].split()) > 80
    for path in ("/doc.pdf", "/fault/private", "/data.json", "/empty", "/good"):
        assert server.hits[path] == 1, path
    assert server.hits["/fault/500"] == 1
    assert await store.full_text_pending() == 1  # a server error: tried again later
    (feed,) = await store.list_feeds(all_scopes=True)
    assert feed.healthy and feed.etag
    # each failure says why, naming the page
    said = "\n".join(r.getMessage() for r in caplog.records)
    assert "/fault/500: HTTP 500" in said
    assert "application/pdf is not an HTML page" in said
    assert "169.254.169.254" in said
    assert "no main text longer than the feed's found at " + server.url("/empty") in said


async def test_full_text_false_never_fetches_and_true_always_does(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    pages: PageFetcher,
    settings: Settings,
) -> None:
    entries = verge_entries()
    for i, e in enumerate(entries):
        server.put(f"/article/{i}", page(e), content_type="text/html")
    links = [server.url(f"/article/{i}") for i in range(len(entries))]
    server.put("/teasers.xml", teaser_feed(links), content_type="application/atom+xml")
    await store.add_feed(
        FeedSpec(name="never", url=server.url("/teasers.xml"), full_text=False), clock.now()
    )
    # the untouched feed carries 97-157 words per entry: over the threshold
    server.put("/full.xml", VERGE, content_type="application/atom+xml")
    await store.add_feed(FeedSpec(name="by-length", url=server.url("/full.xml")), clock.now())
    results = {r.feed_name: r for r in await _poller(store, fetcher, pages, settings, clock).poll()}
    assert results["never"].new == len(entries) and results["by-length"].new == len(entries)
    assert sum(server.hits[f"/article/{i}"] for i in range(len(entries))) == 0
    assert pages.urls == []  # only the two feeds were fetched

    server.put(
        "/always.xml",
        VERGE.replace(b"https://www.theverge.com/", server.url("/").encode()),
        content_type="application/atom+xml",
    )
    await store.add_feed(
        FeedSpec(name="always", url=server.url("/always.xml"), full_text=True), clock.now()
    )
    (always,) = [
        r
        for r in await _poller(store, fetcher, pages, settings, clock).poll()
        if r.feed_name == "always"
    ]
    assert always.new == len(entries)
    # every entry is long enough, yet each page was fetched once
    assert len(pages.urls) == len(entries)
    assert all(server.hits[urlsplit(u).path] == 1 for u in pages.urls)


def test_min_words_zero_is_the_offline_switch(
    store: Store, fetcher: Fetcher, settings: Settings, clock: FixedClock
) -> None:
    off = settings.model_copy(update={"full_text_min_words": 0})
    assert make_full_text(store, fetcher, off, clock, owner="x") is None
    assert isinstance(make_full_text(store, fetcher, settings, clock, owner="x"), FullText)


async def test_the_app_wires_full_text_into_its_poller(
    tmp_path: Path, clock: FixedClock, server: FeedServer
) -> None:
    from bot.app import build_app

    entries = verge_entries()
    for i, e in enumerate(entries):
        server.put(f"/article/{i}", page(e), content_type="text/html")
    links = [server.url(f"/article/{i}") for i in range(len(entries))]
    server.put("/verge.xml", teaser_feed(links), content_type="application/atom+xml")
    (tmp_path / "config").mkdir()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        config_dir=tmp_path / "config",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        data_dir=tmp_path / "data",
        allow_private_networks=True,
    )
    assert settings.full_text_min_words == 80
    app = await build_app(settings, clock)
    try:
        await app.store.add_feed(FeedSpec(name="verge", url=server.url("/verge.xml")), clock.now())
        (result,) = await app.poller.poll()
        assert result.new == len(entries)
        assert all(server.hits[f"/article/{i}"] == 1 for i in range(len(entries)))
        texts = [r["text"] for r in await app.store.entry_rows()]
        assert all(len(t.split()) > 80 for t in texts)
    finally:
        await app.close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again on return: connections are refused


async def test_an_unreachable_article_host_is_asked_once_a_pause_then_given_up(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    pages: PageFetcher,
    settings: Settings,
) -> None:
    port = _closed_port()
    entries = verge_entries()
    links = [f"http://127.0.0.1:{port}/story/{i}" for i in range(len(entries))]
    server.put("/verge.xml", teaser_feed(links), content_type="application/atom+xml")
    await store.add_feed(FeedSpec(name="verge", url=server.url("/verge.xml")), clock.now())
    now = [1000.0]
    poller = _poller(store, fetcher, pages, settings, clock, monotonic=lambda: now[0])

    for probe in range(1, MAX_ATTEMPTS + 1):
        (result,) = await poller.poll()
        assert result.status in (PollStatus.NEW, PollStatus.NOT_MODIFIED)
        # one refused connection per pause, not one per page
        assert len(pages.urls) == probe
        # every entry is there with the feed's own text all along
        texts = {r["guid"]: r["text"] for r in await store.entry_rows()}
        assert texts == {e.guid: html_to_text(e.summary) for e in entries}
        left = MAX_ATTEMPTS - probe
        assert await store.full_text_pending() == (len(entries) if left else 0)
        await poller.poll()  # paused: not asked again within the pause
        assert len(pages.urls) == probe
        clock.advance(timedelta(seconds=HOST_PAUSE_S))
        now[0] += HOST_PAUSE_S
