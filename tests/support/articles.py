"""Stored-article objects for unit tests of the digest and summarizers."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from bot.models import Article

END = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
_FEEDS = {"TechCrunch": 1, "The Verge": 2, "Ars Technica": 3, "Hacker News": 4, "Lab blog": 5}


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
        guid=url,
        url=url,
        canonical_url=url,
        title=title,
        author=None,
        published_at=published,
        text=text,
        content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
        first_seen_at=published,
        updated_at=published,
        feed_weight=weight,
        feed_tags=tags,
    )
