from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

# tests/ is not a package and a dependency ships a top-level `tests`; import `support.*`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.feed_server import FeedServer

from bot.config import Settings
from bot.feeds.fetch import Fetcher, make_client

DATA = Path(__file__).resolve().parent.parent / "data" / "feeds"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        allow_private_networks=True,
        read_timeout=1.0,
        total_timeout=5.0,
        max_body_bytes=2 * 1024 * 1024,
        data_dir=tmp_path,
    )


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer(DATA) as srv:
        yield srv


@pytest.fixture
async def fetcher(settings: Settings) -> AsyncIterator[Fetcher]:
    async with make_client(settings) as client:
        yield Fetcher(client, settings)


@pytest.fixture(autouse=True)
def _fresh_trafilatura() -> None:
    """trafilatura's ``deduplicate`` keeps a process-wide cache and drops text it has seen a
    few times: a page that earlier tests in this worker extracted would come out empty."""
    if "trafilatura" in sys.modules:
        from trafilatura.meta import reset_caches

        reset_caches()
