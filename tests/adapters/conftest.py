"""What the Discord and Slack adapter tests share: the feed snapshots in tests/data/feeds,
served by the loopback feed server, and the evening they are polled on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
# The TechCrunch snapshot's newest entry is 2026-08-22 16:30 UTC; the bot's day ends after it.
NOW = datetime(2026, 8, 22, 18, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    async with FeedServer(FEEDS) as srv:
        yield srv
