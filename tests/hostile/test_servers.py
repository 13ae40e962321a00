"""Hostile servers and entries, through the real poller beside a healthy feed (issue 10's
probes, session 29): compression bombs, absurd Retry-After, keys too long to index.

Each poll must finish with one clear line for the bad feed, and the good feed stored.
"""

from __future__ import annotations

import functools
import gzip
import os
import tracemalloc
import zlib
from datetime import timedelta

import brotli
import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import FeedError, FeedErrorKind
from bot.feeds.fetch import Fetcher
from bot.feeds.normalize import MAX_KEY_BYTES
from bot.feeds.update import Poller
from bot.models import FeedSpec, PollStatus
from bot.store.store import Store

from .conftest import DATA

INFLATED = 64 * 1024 * 1024


@functools.cache
def _bombs() -> dict[str, tuple[bytes, str]]:
    """Bodies of a few KiB that inflate to 64 MiB: two layers of gzip, and brotli."""
    zeros = b"\0" * INFLATED
    return {
        "gzip-gzip": (gzip.compress(gzip.compress(zeros, 9), 9), "gzip, gzip"),
        "br": (brotli.compress(zeros, quality=5), "br"),
    }


async def _add(store: Store, clock: FixedClock, name: str, url: str) -> None:
    await store.add_feed(FeedSpec(name=name, url=url), clock.now())


@pytest.fixture
def poller(store: Store, fetcher: Fetcher, settings: Settings, clock: FixedClock) -> Poller:
    return Poller(store, fetcher, settings, clock)


@pytest.mark.parametrize("bomb", ["gzip-gzip", "br"])
async def test_a_compression_bomb_is_refused_without_inflating_it_in_memory(
    bomb: str, poller: Poller, server: FeedServer
) -> None:
    store, clock, settings = poller.store, poller.clock, poller.settings
    body, encoding = _bombs()[bomb]
    assert len(body) < 100_000
    server.put("/bomb.xml", body, headers={"Content-Encoding": encoding})
    await _add(store, clock, "bomb", server.url("/bomb.xml"))
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    tracemalloc.start()
    try:
        results = {r.feed_name: r for r in await poller.poll()}
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert results["bomb"].error_kind == "too_large"
    assert "\n" not in (results["bomb"].error or "")
    assert results["tc"].new == 20
    # httpx inflated each read whole: the 64 MiB were in memory before the 2 MiB cap saw them
    assert peak < 8 * settings.max_body_bytes


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


ENCODED = {
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,  # gzip's old name (RFC 9110): httpx passed it over, undecoded
    "deflate": zlib.compress,  # zlib-wrapped, as the standard says
    "DEFLATE ": _raw_deflate,  # raw, as some servers send it
    "br": brotli.compress,
    "gzip, br": lambda b: brotli.compress(gzip.compress(b)),
    "identity": lambda b: b,
    "compress": lambda b: b,  # not one httpx knows: passed over, as httpx passed it
}


@pytest.mark.parametrize("encoding", ENCODED)
async def test_every_content_encoding_a_server_uses_decodes(
    encoding: str, server: FeedServer, fetcher: Fetcher
) -> None:
    feed = (DATA / "techcrunch.xml").read_bytes()
    server.put("/z.xml", ENCODED[encoding](feed), headers={"Content-Encoding": encoding})
    assert (await fetcher.fetch(server.url("/z.xml"))).body == feed


async def test_a_body_that_is_not_what_its_encoding_says_is_one_clear_error(
    server: FeedServer, fetcher: Fetcher
) -> None:
    server.put("/bad.xml", b"<rss>not gzip at all</rss>", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FeedError) as err:
        await fetcher.fetch(server.url("/bad.xml"))
    assert err.value.kind is FeedErrorKind.DECODE and "\n" not in str(err.value)


async def test_a_retry_after_of_years_waits_the_longest_backoff_and_is_recorded(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    server.put("/digits", b"", status=429, headers={"Retry-After": "9" * 30})
    server.put(
        "/year-9999", b"", status=503, headers={"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"}
    )
    for name in ("digits", "year-9999"):
        await _add(store, clock, name, server.url(f"/{name}"))
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    results = {r.feed_name: r for r in await Poller(store, fetcher, settings, clock).poll()}
    assert results["tc"].new == 20
    # 1e29 s overflowed timedelta: an internal error, and the failure was never recorded
    assert results["digits"].error_kind == "rate_limited"
    assert results["year-9999"].error_kind == "http"
    longest = clock.now() + timedelta(minutes=settings.backoff_max_minutes)
    assert results["digits"].next_poll_at == longest
    assert results["year-9999"].next_poll_at == longest  # not the year 9999
    feeds = {f.name: f for f in await store.list_feeds(all_scopes=True)}
    assert feeds["digits"].consecutive_failures == 1


def _entry(guid: bytes, link: bytes) -> bytes:
    return (
        b"<item><title>Model shipped</title><link>" + link + b"</link><guid>" + guid + b"</guid>"
        b"<pubDate>Sat, 22 Aug 2026 10:00:00 GMT</pubDate><description>A lab shipped a model."
        b"</description></item>"
    )


async def test_a_guid_and_link_too_long_to_index_keep_their_entry(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    # random hex: PostgreSQL compresses a run of one letter under its index-row limit
    long_guid = os.urandom(15_000).hex().encode()
    long_link = b"https://news.example/" + os.urandom(15_000).hex().encode()
    items = _entry(long_guid, long_link) + _entry(b"short", b"https://news.example/short")
    server.put(
        "/long.xml", b"<rss version='2.0'><channel><title>t</title>" + items + b"</channel></rss>"
    )
    await _add(store, clock, "long", server.url("/long.xml"))
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    poller = Poller(store, fetcher, settings, clock)
    results = {r.feed_name: r for r in await poller.poll()}
    # on PostgreSQL (make test-postgres) the 30 KB keys failed the insert: both entries lost
    assert results["long"].new == 2 and results["tc"].new == 20
    rows = [r for r in await store.entry_rows() if "techcrunch" not in (r["url"] or "")]
    assert all(len(r["guid"].encode()) <= MAX_KEY_BYTES for r in rows)
    assert sorted(r["url"] for r in rows) == ["", "https://news.example/short"]
    # the long guid stays one stable id: the next poll of the same entries adds none
    server.put(
        "/long.xml", b"<rss version='2.0'><channel><title>t2</title>" + items + b"</channel></rss>"
    )
    clock.advance(timedelta(hours=1))
    (again,) = [r for r in await poller.poll() if r.feed_name == "long"]
    assert again.status is PollStatus.UNCHANGED


async def test_an_internal_error_is_one_line(
    poller: Poller, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, clock = poller.store, poller.clock

    async def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index row too big\n[SQL: INSERT INTO entries ...]\n[parameters: ...]")

    monkeypatch.setattr(store, "record_polls", failing)
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    (result,) = await poller.poll()
    assert result.error_kind == "internal"
    assert result.error == "internal error: RuntimeError: index row too big"
