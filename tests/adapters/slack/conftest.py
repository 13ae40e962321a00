"""Fixtures for the Slack adapter: a loopback fake of Slack, a loopback feed server with the
real feed snapshots of tests/data/feeds, a temp SQLite store, real Services, and the adapter
itself started in HTTP mode on 127.0.0.1."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import aiohttp
import pytest

# tests/ is not a package and a dependency ships a top-level `tests`; import `support.*`.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from support.fake_slack import FakeSlack
from support.feed_server import FeedServer

from adapters.conftest import FEEDS
from bot.adapters.slack import runner
from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.feeds.fetch import Fetcher, make_client
from bot.feeds.update import Poller
from bot.models import Destination, DestinationSpec, DigestWindow, FeedSpec, Story
from bot.posting import Poster
from bot.services import Services
from bot.store.store import Store
from bot.summarize.base import DigestText
from bot.summarize.offline.summarizer import ExtractiveSummarizer

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SCOPE = "slack:T0NEWSBOT"  # the fake workspace

EVIL = "<!channel> <!here> @everyone <@U123> "


class GatedSummarizer:
    """The offline voice, held back until the test opens the gate: a digest build as slow
    as the test wants, with no sleeping."""

    name = "extractive"

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.gate.set()
        self.started = asyncio.Event()
        self._inner = ExtractiveSummarizer()

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        self.started.set()
        await self.gate.wait()
        return await self._inner.write(stories, window)


def evil_feed() -> bytes:
    """The TechCrunch snapshot with pings and a user mention put in front of its newest title,
    once escaped for XML and once more (titles are HTML: a single-escaped ``<!channel>`` is
    eaten as a markup declaration, a double-escaped one reaches the digest as text)."""
    xml = (FEEDS / "techcrunch.xml").read_text(encoding="utf-8")
    item = xml.index("<item>")
    once = EVIL.replace("<", "&lt;").replace(">", "&gt;")
    escaped = once + once.replace("&", "&amp;")
    head, tail = xml[:item], xml[item:]
    tail = re.sub(r"<title>(<!\[CDATA\[)?", lambda m: m.group(0) + escaped, tail, count=1)
    return (head + tail).encode("utf-8")


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        fake.users["U0ADMIN"] = {"is_admin": True}
        fake.users["U0MEMBER"] = {}
        yield fake


@pytest.fixture
def settings(tmp_path: Path, slack_api: FakeSlack) -> Settings:
    return Settings(
        data_dir=tmp_path,
        allow_private_networks=True,  # the feeds are on 127.0.0.1
        full_text_min_words=0,  # no article pages: nothing may leave the machine
        read_timeout=2.0,
        total_timeout=5.0,
        timezone="UTC",
        slack_bot_token=slack_api.token,
        slack_signing_secret=SECRET,
        slack_api_url=slack_api.api_url,
    )


@pytest.fixture
def summarizer() -> GatedSummarizer:
    return GatedSummarizer()


@pytest.fixture
def poster(
    store: Store, settings: Settings, clock: FixedClock, summarizer: GatedSummarizer
) -> Poster:
    """Posting for ``/digest now``; a test attaches the adapter's publisher when it posts."""
    return Poster(store, DigestBuilder(store, summarizer, settings, clock), settings, clock)


@pytest.fixture
async def services(
    store: Store,
    settings: Settings,
    clock: FixedClock,
    feed_server: FeedServer,
    poster: Poster,
) -> AsyncIterator[Services]:
    """Real Services over a temp SQLite store holding the polled TechCrunch and Verge feeds."""
    feed_server.put("/techcrunch-evil.xml", evil_feed())
    async with make_client(settings) as client:
        poller = Poller(store, Fetcher(client, settings), settings, clock)
        svc = Services(store, poller, poster.builder, settings, clock, poster=poster)
        for name, path in (
            ("TechCrunch", "/techcrunch-evil.xml"),
            ("The Verge AI", "/theverge-ai.xml"),
        ):
            await store.add_feed(FeedSpec(name=name, url=feed_server.url(path)), clock.now())
        results = await poller.poll()
        assert [r.status for r in results] == ["new", "new"], results
        yield svc


@pytest.fixture
async def adapter(
    services: Services, settings: Settings, clock: FixedClock
) -> AsyncIterator[runner.SlackAdapter]:
    started = await runner.start(services, settings, clock, http_port=0, host="127.0.0.1")
    try:
        yield started
    finally:
        await started.close()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def set_up_daily(services: Services, channel: str) -> Destination:
    """The workspace admin sets up a daily post in ``channel``, 08:00 UTC, no topic."""
    spec = DestinationSpec("slack", channel, SCOPE, "08:00", "UTC", None, "U0ADMIN")
    return await services.setup_daily(spec)


@pytest.fixture
async def daily(services: Services) -> Destination:
    """The daily post of #daily (C0DAILY)."""
    return await set_up_daily(services, "C0DAILY")


@pytest.fixture
def posting(poster: Poster, adapter: runner.SlackAdapter) -> Poster:
    """The poster with this adapter's publisher attached: its posts reach the fake Slack."""
    poster.attach("slack", adapter.publisher)
    return poster
