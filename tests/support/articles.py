"""Article objects for unit tests of the digest and summarizers: stored ones (`article`) and
entries as a poll brings them in (`incoming`)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.models import Article, ArticleIn
from bot.store.store import Store

END = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
_FEEDS = {"TechCrunch": 1, "The Verge": 2, "Ars Technica": 3, "Hacker News": 4, "Lab blog": 5}


def incoming(url: str, title: str, text: str, published: datetime) -> ArticleIn:
    """An entry as a poll brings it in, its URL also its guid and canonical URL."""
    return ArticleIn(
        guid=url,
        url=url,
        canonical_url=url,
        title=title,
        author=None,
        published_at=published,
        text=text,
        content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
    )


def article(
    id: int,
    title: str,
    text: str = "",
    *,
    feed: str = "TechCrunch",
    url: str | None = None,
    hours_ago: float = 1.0,
    weight: float = 1.0,
    tags: tuple[str, ...] = (),
) -> Article:
    url = url or f"https://{feed.lower().replace(' ', '')}.example/{id}"
    published = END - timedelta(hours=hours_ago)
    return Article(
        id=id,
        feed_id=_FEEDS.setdefault(feed, len(_FEEDS) + 1),
        feed_name=feed,
        **vars(incoming(url, title, text, published)),
        first_seen_at=published,
        updated_at=published,
        feed_weight=weight,
        feed_tags=tags,
    )


async def continue_story(store: Store, old: Article, url: str, now: datetime) -> None:
    """Another outlet's take on ``old``'s event two hours before ``now``, in the same words
    mostly (what a follow-up is made of), stored as a poll of another feed would."""
    feed = next(f for f in await store.list_feeds() if f.id != old.feed_id)
    new = replace(
        old,
        guid=url,
        url=url,
        canonical_url=url,
        published_at=now - timedelta(hours=2),
        content_hash=hashlib.sha256(url.encode()).hexdigest(),
    )
    await store.upsert_entries(feed.id, [new], now)
