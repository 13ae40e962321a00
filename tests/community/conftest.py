from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

# tests/ is not a package and a dependency ships a top-level `tests`; import `support.*`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 8, 22, 18, 0, tzinfo=UTC)

import hashlib  # noqa: E402
from datetime import timedelta  # noqa: E402

from bot.models import ArticleIn, FeedSpec  # noqa: E402
from bot.store.store import Store  # noqa: E402

# One distinct story a day, the newest on NOW's day: what a range digest covers is countable.
DAY_TITLES = (
    "Nvidia books record chip sales",
    "Anthropic raises a new funding round",
    "EU regulators open an AI Act inquiry",
    "Meta releases an open-weight vision model",
    "Apple buys a small speech startup",
)


def day_articles(n: int = len(DAY_TITLES)) -> list[ArticleIn]:
    out = []
    for i, title in enumerate(DAY_TITLES[:n]):
        url = f"https://news.example/{i}"
        text = f"{title}. The company said so on its blog; details are thin for now."
        out.append(
            ArticleIn(
                guid=url,
                url=url,
                canonical_url=url,
                title=title,
                author=None,
                published_at=NOW - timedelta(days=i, hours=2),
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    return out


async def seed(store: Store) -> None:
    feed = await store.add_feed(FeedSpec("Example News", "https://news.example/feed"), NOW)
    await store.upsert_entries(feed.id, day_articles(), NOW)
