"""The optional embeddings signal, against a real loopback /v1/embeddings server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web
from support.articles import article

from bot.digest.cluster import cluster
from bot.digest.embed import Embedder
from bot.models import Article, FeedSpec
from bot.store.store import Store

NOW = datetime(2026, 8, 22, 12, tzinfo=UTC)
# A toy model that knows synonyms: each concept is one dimension of the vector.
CONCEPTS = [("chip", "semiconductor", "foundry"), ("fusion", "plasma", "reactor")]


def _embed(text: str) -> list[float]:
    low = text.lower()
    return [float(sum(low.count(w) for w in words)) + 0.01 for words in CONCEPTS]


class FakeEmbeddings:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail = False
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append({"body": body, "auth": request.headers.get("Authorization")})
        if self.fail:
            return web.json_response({"error": {"message": "overloaded"}}, status=503)
        data = [
            {"object": "embedding", "index": n, "embedding": _embed(text)}
            for n, text in enumerate(body["input"])
        ]
        return web.json_response({"object": "list", "data": data[::-1], "model": body["model"]})


@pytest.fixture
async def server() -> AsyncIterator[FakeEmbeddings]:
    fake = FakeEmbeddings()
    app = web.Application()
    app.router.add_post("/v1/embeddings", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.url = f"http://127.0.0.1:{port}/v1"
    try:
        yield fake
    finally:
        await runner.cleanup()


async def _stored(store: Store, arts: list[Article]) -> list[Article]:
    """The articles as rows of the store (the cache refers to stored entries)."""
    from bot.models import ArticleIn

    feeds: dict[str, int] = {}
    for a in arts:
        if a.feed_name not in feeds:
            feed = await store.add_feed(
                FeedSpec(a.feed_name, f"https://{a.feed_id}.example/f"), NOW
            )
            feeds[a.feed_name] = feed.id
        entry = ArticleIn(
            a.guid, a.url, a.canonical_url, a.title, None, a.published_at, a.text, a.content_hash
        )
        await store.upsert_entries(feeds[a.feed_name], [entry], NOW)
    return await store.articles_between(datetime(2026, 8, 1, tzinfo=UTC), NOW)


# One event in two vocabularies: the headlines and ledes share no rare word.
CHIPS = [
    article(
        1,
        "Tallis Foundry opens a plant in Ohio",
        "Tallis said the semiconductor plant will employ 900.",
        feed="TechCrunch",
    ),
    article(
        2,
        "A chipmaker bets on the Midwest",
        "The chip company picked Columbus for its factory.",
        feed="The Verge",
    ),
    article(
        3,
        "Helion fires up its plasma reactor",
        "The fusion startup reached a milestone.",
        feed="Ars Technica",
    ),
]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    s = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'e.db'}")
    try:
        yield s
    finally:
        await s.close()


async def test_embeddings_join_one_event_told_in_other_words_and_are_cached(
    server: FakeEmbeddings, store: Store
) -> None:
    arts = await _stored(store, CHIPS)
    by_title = {a.title: a.id for a in arts}
    assert all(len(s.articles) == 1 for s in cluster(arts))  # words alone: three stories
    async with httpx.AsyncClient() as client:
        embedder = Embedder(client, store, base_url=server.url, model="toy", api_key="k-123")
        vectors = await embedder.vectors(arts, NOW)
        stories = cluster(arts, embeddings=vectors)
        joined = [{a.id for a in s.articles} for s in stories if len(s.articles) > 1]
        assert joined == [
            {
                by_title["Tallis Foundry opens a plant in Ohio"],
                by_title["A chipmaker bets on the Midwest"],
            }
        ]
        assert server.requests[0]["auth"] == "Bearer k-123"
        assert len(server.requests) == 1
        # the second build reads the database, not the endpoint
        again = await embedder.vectors(arts, NOW)
        assert len(server.requests) == 1
        assert {k: list(v) for k, v in again.items()} == {k: list(v) for k, v in vectors.items()}
        # an edited article is embedded again, the others are not
        edited = [replace(arts[0], content_hash="edited"), *arts[1:]]
        await embedder.vectors(edited, NOW)
        assert len(server.requests) == 2 and len(server.requests[1]["body"]["input"]) == 1


async def test_a_failing_endpoint_leaves_grouping_to_the_words(
    server: FakeEmbeddings, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    arts = await _stored(store, CHIPS)
    server.fail = True
    async with httpx.AsyncClient() as client:
        embedder = Embedder(client, store, base_url=server.url, model="toy", api_key="k-123")
        with caplog.at_level(logging.WARNING):
            vectors = await embedder.vectors(arts, NOW)
    assert vectors == {}
    assert len(cluster(arts, embeddings=vectors)) == 3
    lines = [r.getMessage() for r in caplog.records if "embeddings" in r.getMessage()]
    assert len(lines) == 1 and "by words alone" in lines[0]
    assert "k-123" not in caplog.text


async def test_the_digest_uses_embeddings_only_when_the_setting_points_at_an_endpoint(
    server: FakeEmbeddings, store: Store
) -> None:
    from datetime import timedelta

    from bot.clock import FixedClock
    from bot.config import Settings
    from bot.digest.build import DigestBuilder
    from bot.digest.embed import make_embedder
    from bot.models import DigestWindow
    from bot.summarize.offline.summarizer import ExtractiveSummarizer

    await _stored(store, CHIPS)
    window = DigestWindow(NOW - timedelta(days=1), NOW + timedelta(seconds=1), "UTC", "today")

    async def multi(settings: Settings) -> int:
        embedder = make_embedder(settings, store)
        builder = DigestBuilder(store, ExtractiveSummarizer(), settings, FixedClock(NOW), embedder)
        _, stories = await builder.stories(window)
        return sum(len(s.articles) > 1 for s in stories)

    assert make_embedder(Settings(), store) is None  # off by default
    assert await multi(Settings()) == 0
    assert server.requests == []
    assert await multi(Settings(embeddings_base_url=server.url, embeddings_model="toy")) == 1
    assert len(server.requests) == 1


async def test_stories_explain_names_the_meaning_link(server: FakeEmbeddings, store: Store) -> None:
    from datetime import timedelta

    from bot.digest.explain import window_stories
    from bot.models import DigestWindow

    arts = await _stored(store, CHIPS)
    window = DigestWindow(NOW - timedelta(days=1), NOW + timedelta(seconds=1), "UTC", "today")
    async with httpx.AsyncClient() as client:
        embedder = Embedder(client, store, base_url=server.url, model="toy")
        vectors = await embedder.vectors(arts, NOW)
    report = window_stories(window, arts, explain=True, embeddings=vectors)
    joined = [s for s in report.stories if len(s.articles) > 1]
    assert len(joined) == 1
    assert [sig.split(":")[1].split()[0] for sig in joined[0].signals] == ["meaning"]
    assert {a.source for a in joined[0].articles} == {"TechCrunch", "The Verge"}
