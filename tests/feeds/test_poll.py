from __future__ import annotations

from datetime import timedelta

import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import FeedError, FeedErrorKind, UnsafeURLError
from bot.feeds.fetch import Fetcher, FetchResponse, make_client
from bot.feeds.parsepool import ParsePool
from bot.feeds.update import Poller
from bot.models import FeedSpec, PollStatus
from bot.store.store import Store


async def _add(store: Store, clock: FixedClock, name: str, url: str) -> None:
    await store.add_feed(FeedSpec(name=name, url=url), clock.now())


async def test_faulty_feeds_fail_clearly_and_good_ones_still_land(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    for mode in ("500", "429", "loop", "private", "wrong-type", "challenge", "gzip-bomb", "huge"):
        await _add(store, clock, mode, server.url(f"/fault/{mode}"))
    results = {r.feed_name: r for r in await Poller(store, fetcher, settings, clock).poll()}
    assert results["tc"].status is PollStatus.NEW and results["tc"].new == 20
    expected = {
        "500": "http",
        "429": "rate_limited",
        "loop": "too_many_redirects",
        "private": "unsafe_url",
        "wrong-type": "not_a_feed",
        "challenge": "not_a_feed",
        "gzip-bomb": "too_large",
        "huge": "too_large",
    }
    assert {n: results[n].error_kind for n in expected} == expected
    assert "169.254.169.254" in (results["private"].error or "")
    # 429 waits at least its Retry-After (120 s) even though backoff alone says 5 minutes
    assert results["429"].next_poll_at == clock.now() + timedelta(minutes=5)
    feeds = {f.name: f for f in await store.list_feeds(all_scopes=True)}
    assert feeds["500"].consecutive_failures == 1 and feeds["500"].last_error_kind == "http"
    assert feeds["500"].enabled


async def test_second_poll_is_not_modified_and_keeps_validators(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    poller = Poller(store, fetcher, settings, clock)
    first = await poller.poll()
    assert first[0].status is PollStatus.NEW
    clock.advance(timedelta(hours=1))
    second = await poller.poll()
    assert second[0].status is PollStatus.NOT_MODIFIED
    (feed,) = await store.list_feeds(all_scopes=True)
    assert feed.etag and feed.last_modified
    assert await store.count_entries() == 20


@pytest.fixture
def poller(store: Store, fetcher: Fetcher, settings: Settings, clock: FixedClock) -> Poller:
    return Poller(store, fetcher, settings, clock)


async def test_parse_workers_start_with_the_requests_when_a_feed_is_new(
    poller: Poller, server: FeedServer, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a feed never fetched (no validators) answers with a body: the workers are started
    # before any request is made, not once the first body is in; a poll whose feeds may all
    # answer 304 starts none of its own accord (a 304 needs no parse)
    starts: list[str] = []
    monkeypatch.setattr(ParsePool, "start", lambda self: starts.append("start"))
    fetch = poller.fetcher.fetch

    async def watched(url: str, **kw: str | None) -> FetchResponse:
        starts.append("fetch")
        return await fetch(url, **kw)

    monkeypatch.setattr(poller.fetcher, "fetch", watched)
    await _add(poller.store, clock, "tc", server.url("/techcrunch.xml"))
    assert (await poller.poll())[0].new == 20
    assert starts == ["start", "fetch"]
    starts.clear()
    clock.advance(timedelta(hours=1))
    assert (await poller.poll())[0].status is PollStatus.NOT_MODIFIED
    assert starts == ["fetch"]


async def test_backoff_doubles_per_failure(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    await _add(store, clock, "bad", server.url("/fault/500"))
    poller = Poller(store, fetcher, settings, clock)
    gaps = []
    for _ in range(3):
        (r,) = await poller.poll()
        assert r.next_poll_at is not None
        gaps.append(r.next_poll_at - clock.now())
    base = timedelta(minutes=settings.backoff_base_minutes)
    assert gaps == [base, 2 * base, 4 * base]


async def test_slow_body_times_out(server: FeedServer) -> None:
    settings = Settings(allow_private_networks=True, read_timeout=0.2, total_timeout=5.0)
    async with make_client(settings) as client:
        with pytest.raises(FeedError) as err:
            await Fetcher(client, settings).fetch(server.url("/fault/slow"))
    assert err.value.kind is FeedErrorKind.TIMEOUT


async def test_loopback_refused_when_private_networks_not_allowed(server: FeedServer) -> None:
    settings = Settings(allow_private_networks=False)
    async with make_client(settings) as client:
        with pytest.raises(UnsafeURLError, match=r"127\.0\.0\.1"):
            await Fetcher(client, settings).fetch(server.url("/techcrunch.xml"))
    assert server.hits["/techcrunch.xml"] == 0


async def test_preview_of_html_page_is_a_clear_error(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    with pytest.raises(FeedError, match="HTML page, not a feed"):
        await Poller(store, fetcher, settings, clock).preview(server.url("/fault/challenge"))


async def test_cache_control_max_age_delays_the_next_poll_but_never_shortens_it(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    assert server.directory is not None
    body = (server.directory / "techcrunch.xml").read_bytes()
    server.put("/long.xml", body, headers={"Cache-Control": "public, max-age=7200"})
    server.put("/short.xml", body, headers={"Cache-Control": "max-age=60"})
    await _add(store, clock, "long", server.url("/long.xml"))
    await _add(store, clock, "short", server.url("/short.xml"))
    results = {r.feed_name: r for r in await Poller(store, fetcher, settings, clock).poll()}
    assert results["long"].next_poll_at == clock.now() + timedelta(hours=2)
    # a publisher asking for a poll every minute still gets our interval, not a hammering
    interval = timedelta(minutes=settings.poll_interval_minutes)
    assert results["short"].next_poll_at == clock.now() + interval
    stored = {f.name: f for f in await store.list_feeds()}
    assert stored["long"].next_poll_at == clock.now() + timedelta(hours=2)


async def test_requests_say_who_we_are_and_ask_for_compression(
    store: Store, clock: FixedClock, server: FeedServer, fetcher: Fetcher, settings: Settings
) -> None:
    await _add(store, clock, "tc", server.url("/techcrunch.xml"))
    await Poller(store, fetcher, settings, clock).poll()
    sent = server.request_headers["/techcrunch.xml"]
    assert sent["User-Agent"] == settings.user_agent
    assert sent["User-Agent"].startswith("newsbot/") and "+https://" in sent["User-Agent"]
    assert {"gzip", "br"} <= {e.strip() for e in sent["Accept-Encoding"].split(",")}
