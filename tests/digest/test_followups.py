"""Follow-ups: a story that continues one from earlier days is marked "Day N", links the
earlier coverage (the channel's earlier post when there is one), and keeps only the new
articles, so its summary tells what they add."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from support.articles import incoming

from bot.clock import FixedClock
from bot.community.post_links import post_link
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.digest.select import window_for
from bot.models import Destination, FeedSpec
from bot.render.discord import render_discord
from bot.render.markdown import render_markdown
from bot.store.store import Store
from bot.summarize.offline.summarizer import ExtractiveSummarizer

NOW = datetime(2026, 8, 22, 18, 0, tzinfo=UTC)


EARLIER = (
    "https://verge.example/eu-inquiry",
    "EU regulators open an AI Act inquiry into OpenAI's GPT-5 training data",
    "The European Commission opened an AI Act inquiry into OpenAI's GPT-5 training data on "
    "Thursday, asking the company which copyrighted books it used.",
    NOW - timedelta(days=2, hours=3),
)
TODAY = (
    "https://ars.example/eu-inquiry-widens",
    "EU widens its AI Act inquiry into OpenAI's GPT-5 training data",
    "The European Commission widened its AI Act inquiry into OpenAI's GPT-5 training data on "
    "Saturday, now asking for the licences of every copyrighted book it used.",
    NOW - timedelta(hours=3),
)
OTHER = (
    "https://ars.example/chips",
    "Samsung shows a memory chip for AI servers",
    "Samsung showed a new high-bandwidth memory chip for AI servers at an event in Seoul.",
    NOW - timedelta(hours=5),
)


async def seeded(store: Store) -> DigestBuilder:
    verge = await store.add_feed(FeedSpec("The Verge", "https://verge.example/feed"), NOW)
    ars = await store.add_feed(FeedSpec("Ars Technica", "https://ars.example/feed"), NOW)
    await store.upsert_entries(verge.id, [incoming(*EARLIER)], NOW - timedelta(days=2))
    await store.upsert_entries(ars.id, [incoming(*TODAY), incoming(*OTHER)], NOW)
    return DigestBuilder(store, ExtractiveSummarizer(), Settings(), FixedClock(NOW))


async def test_a_continuing_story_is_day_3_with_only_the_new_article(store: Store) -> None:
    builder = await seeded(store)
    digest = await builder.build(window_for("today", NOW, "UTC"))
    (story,) = [s for s in digest.all_stories if "inquiry" in s.headline]
    assert story.followup is not None and story.followup.day == 3
    assert story.followup.earlier_url == EARLIER[0]
    assert [a.url for a in story.articles] == [TODAY[0]]  # what is new, told from new articles
    assert "licences" in story.summary or "widened" in story.summary
    (other,) = [s for s in digest.all_stories if "Samsung" in s.headline]
    assert other.followup is None
    text = render_markdown(digest)
    assert "Day 3 of this story: new since [EU regulators open an AI Act inquiry" in text
    thread = " ".join(m["content"] for m in render_discord(digest).thread_messages)
    assert "· Day 3)" in thread and f"(<{EARLIER[0]}>)" in thread


def test_links_to_earlier_posts_from_the_ledger_refs() -> None:
    d = Destination("discord", "11", "discord:10", "08:00", "UTC", id=1)
    assert post_link(d, "discord:11/12") == "https://discord.com/channels/10/11/12"
    s = Destination("slack", "C1", "slack:T1", "08:00", "UTC", id=2)
    ref = json.dumps({"channel": "C1", "ts": "1724300000.000100", "sent": 3})
    assert post_link(s, ref) == "https://slack.com/archives/C1/p1724300000000100"
    assert post_link(s, "not json") is None and post_link(d, None) is None
