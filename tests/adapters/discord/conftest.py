"""A real discord.py client wired to real Services on a temp SQLite store, against the
loopback fake of Discord (tests/support/fake_discord.py). Articles come from the real feed
snapshots in tests/data/feeds, served by the loopback feed server and polled for real."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from support.fake_discord import GUILD_ID, NEWS_ROLE, FakeDiscord
from support.feed_server import FeedServer

from adapters.conftest import FEEDS as FEEDS
from bot.adapters.discord import runner
from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.feeds.fetch import Fetcher, make_client
from bot.feeds.update import Poller
from bot.models import FeedSpec
from bot.posting import Poster
from bot.services import Services
from bot.store.store import Store
from bot.summarize.offline.summarizer import ExtractiveSummarizer


@dataclass
class World:
    fake: FakeDiscord
    feeds: FeedServer
    adapter: runner.DiscordAdapter
    services: Services
    poster: Poster
    store: Store
    clock: FixedClock
    settings: Settings


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as f:
        yield f


@pytest.fixture
def settings(tmp_path: Path, fake: FakeDiscord) -> Settings:
    return Settings(
        discord_token="fake-discord-token",
        discord_api_url=fake.api_url,
        discord_dev_guild_id=GUILD_ID,
        allow_private_networks=True,
        data_dir=tmp_path,
        timezone="UTC",
        read_timeout=2.0,
        total_timeout=5.0,
    )


async def poll_sources(
    store: Store, poller: Poller, server: FeedServer, clock: FixedClock, *names: str
) -> None:
    for name in names or ("techcrunch.xml", "theverge-ai.xml"):
        await store.add_feed(
            FeedSpec(name=name.removesuffix(".xml"), url=server.url("/" + name)), clock.now()
        )
    results = await poller.poll()
    assert all(r.status != "error" for r in results), results


@pytest.fixture
async def world(
    fake: FakeDiscord,
    feed_server: FeedServer,
    settings: Settings,
    store: Store,
    clock: FixedClock,
) -> AsyncIterator[World]:
    async with make_client(settings) as http:
        poller = Poller(store, Fetcher(http, settings), settings, clock)
        await poll_sources(store, poller, feed_server, clock)
        builder = DigestBuilder(store, ExtractiveSummarizer(), settings, clock)
        poster = Poster(store, builder, settings, clock, owner="test")
        services = Services(store, poller, builder, settings, clock, poster=poster)
        adapter = await runner.start(services, settings, clock, guild_ready_timeout=0.05)
        poster.attach("discord", adapter.publisher)
        try:
            await fake.wait_identified()
            await asyncio.wait_for(adapter.client.wait_until_ready(), 10)
            yield World(fake, feed_server, adapter, services, poster, store, clock, settings)
        finally:
            await adapter.close()
    # Whatever the test did: every message the bot sent, by any route, pinged no one (but the
    # one role an admin chose, on the daily post's headline).
    chosen = {"parse": [], "roles": [str(NEWS_ROLE)]}
    unsafe = [
        r.path
        for r, payload in fake.sent_messages()
        if payload.get("allowed_mentions") != {"parse": []}
        and not (
            payload.get("allowed_mentions") == chosen
            and payload.get("content") == f"<@&{NEWS_ROLE}>"
        )
    ]
    assert not unsafe, f"sent without allowed_mentions none: {unsafe}"
