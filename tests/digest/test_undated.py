"""An entry with no date is dated when first seen, not "now" at every poll or build: a
feed of undated entries must not land in every day's digest."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.clock import parse_iso
from bot.digest.select import window_for
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import FeedSpec
from bot.store.store import Store

UNDATED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lab notes</title>
<link>https://lab.example/</link>
<item><title>Our new eval harness</title><link>https://lab.example/a</link>
<description>We built a harness for evals.</description></item>
<item><title>A note with no link</title><description>Just text.</description></item>
</channel></rss>"""


async def test_undated_entries_keep_their_first_seen_date_across_polls(tmp_path: Path) -> None:
    store = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'u.db'}")
    try:
        t0 = parse_iso("2026-08-20T10:00:00Z")
        feed = await store.add_feed(FeedSpec(name="Lab", url="https://lab.example/feed"), t0)
        for day in range(3):  # the same feed polled on three days
            now = t0 + timedelta(days=day)
            parsed = parse_feed(UNDATED, url=feed.url)
            await store.upsert_entries(feed.id, normalize_entries(parsed, now=now), now)
        first = window_for("today", t0 + timedelta(hours=1), "UTC")
        later = window_for("today", t0 + timedelta(days=2, hours=1), "UTC")
        seen_first = await store.articles_between(first.start, first.end)
        assert {a.title for a in seen_first} == {"Our new eval harness", "A note with no link"}
        assert all(a.published_at == t0 for a in seen_first)
        assert await store.articles_between(later.start, later.end) == []
    finally:
        await store.close()
