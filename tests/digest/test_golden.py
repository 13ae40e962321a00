"""Golden days: real feeds of one week in August 2026 (demo/snapshots), grouped the way a
person reading them would group them."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

from support.days import DEMO_NOW

from bot.clock import FixedClock, parse_iso
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.digest.cluster import cluster
from bot.digest.rank import rank
from bot.digest.select import window_for
from bot.models import Article, Story
from bot.render.markdown import render_markdown
from bot.store.store import Store
from bot.summarize.offline.summarizer import ExtractiveSummarizer


def _find(stories: list[Story], words: str) -> Story:
    hits = [s for s in stories if any(words in a.title for a in s.articles)]
    assert len(hits) == 1, f"{words!r} is in {len(hits)} stories"
    return hits[0]


async def _day(store: Store, end_iso: str, hours: float) -> list[Story]:
    end = parse_iso(end_iso)
    articles = await store.articles_between(end - timedelta(hours=hours), end)
    stories = rank(cluster(articles), now=end)
    # every article of the window is in exactly one story
    placed = sorted(a.id for s in stories for a in s.articles)
    assert placed == sorted(a.id for a in articles)
    return stories


async def test_demo_day_leads_with_the_story_two_outlets_carried(demo_store: Store) -> None:
    stories = await _day(demo_store, "2026-08-14T22:00:00Z", 24)
    lead = stories[0]
    assert set(lead.sources) == {"TechCrunch AI", "The Verge AI"}
    assert {a.title for a in lead.articles} == {
        "Google will now allow users to remove visible watermark from its AI generations",
        "You can now turn off Google Gemini’s visible watermarks",
    }
    # a podcast page and a video page with one blurb about Meta's open model: one story
    meta = _find(stories, "Meta’s ‘open’ AI")
    assert any("really believe AI is ‘for everyone’" in a.title for a in meta.articles)
    # Zuckerberg in two unrelated headlines is not enough to merge them
    assert _find(stories, "Instagzam") is not meta
    assert all(len(s.sources) == 1 for s in stories[1:])


async def test_three_outlets_over_three_days_make_one_story_and_lead(demo_store: Store) -> None:
    stories = await _day(demo_store, "2026-08-17T23:00:00Z", 96)
    lead = stories[0]
    assert set(lead.sources) == {"TechCrunch AI", "The Verge AI", "Anthropic News"}
    # Google's watermark news that week is a different story, not glued on by the word
    google = _find(stories, "remove visible watermark")
    assert google is not lead
    assert set(google.sources) == {"TechCrunch AI", "The Verge AI"}
    # the company's own post and the press report of the deal
    cursor = _find(stories, "Cursor is now a part of SpaceX")
    assert {a.title for a in cursor.articles} == {
        "SpaceX officially closes its Cursor acquisition",
        "Cursor is now a part of SpaceX",
    }
    # stories more outlets carried come first
    assert {s.key for s in stories[1:3]} == {google.key, cursor.key}
    assert all(len(s.sources) == 1 for s in stories[3:])


async def test_the_digest_links_every_outlet_of_every_story(demo_store: Store) -> None:
    clock = FixedClock(DEMO_NOW)
    builder = DigestBuilder(demo_store, ExtractiveSummarizer(), Settings(), clock)
    window = window_for("week", DEMO_NOW, "America/New_York")
    digest = await builder.build(window)
    articles = await demo_store.articles_between(window.start, window.end)
    by_url = {a.url: a for a in articles}
    text = render_markdown(digest)
    assert digest.lead is not None and len(digest.stories) == Settings().max_stories
    for story in digest.all_stories:
        assert story.articles, story.headline
        for a in story.articles:
            assert a.url in by_url
            assert f"(<{a.url}>)" in text
    assert digest.stats.articles == len(articles)
    assert digest.stats.sources == len({a.feed_name for a in articles})
    # the demo's challenge page is reported, not hidden
    assert [f.name for f in digest.stats.failed_sources] == ["Simon Willison's Newsletter"]
    assert "1 source skipped: Simon Willison's Newsletter" in text


# The hand-labelled AI-news set (tests/data/cluster/README.md): 199 real entries of
# 2026-08-12..22 from 25 feeds, grouped as one window.
LABELLED = Path(__file__).resolve().parents[1] / "data" / "cluster" / "ai-news.jsonl"


def _labelled() -> tuple[list[Story], dict[int, str], dict[int, Article]]:
    arts: list[Article] = []
    gold: dict[int, str] = {}
    feeds: dict[str, int] = {}
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        when = parse_iso(item["published"])
        n = len(arts) + 1
        arts.append(
            Article(
                id=n,
                feed_id=feeds.setdefault(item["source"], len(feeds) + 1),
                feed_name=item["source"],
                guid=item["url"],
                url=item["url"],
                canonical_url=item["url"],
                title=item["title"],
                author=None,
                published_at=when,
                text=item["text"],
                content_hash=hashlib.sha256(
                    f"{item['title']}\n{item['text']}".encode()
                ).hexdigest(),
                first_seen_at=when,
                updated_at=when,
            )
        )
        gold[n] = item["story"]
    return cluster(arts), gold, {a.id: a for a in arts}


def test_no_story_of_the_labelled_set_mixes_two_events() -> None:
    stories, gold, _ = _labelled()
    mixed = [
        [a.title for a in s.articles] for s in stories if len({gold[a.id] for a in s.articles}) > 1
    ]
    assert mixed == []


def test_independent_reports_of_one_event_in_the_labelled_set_are_one_story() -> None:
    stories, _, _ = _labelled()

    def story_of(words: str) -> set[str]:
        return {a.title for a in _find(stories, words).articles}

    # the company's own post, the press report next day, an explainer two days later
    assert story_of("How Claude’s text watermark works") == {
        "How Claude’s text watermark works",
        "Anthropic shares more details about how Claude’s new watermarks will work",
        "Anthropic explains how Claude’s invisible text watermarks will work",
    }
    # a headline that shares one rare word ("watermark") with its pair, in other words
    assert story_of("remove visible watermark") == {
        "Google will now allow users to remove visible watermark from its AI generations",
        "You can now turn off Google Gemini’s visible watermarks",
    }
    assert story_of("Cursor is now a part of SpaceX") == {
        "Cursor is now a part of SpaceX",
        "SpaceX officially closes its Cursor acquisition",
    }


def test_look_alike_events_in_the_labelled_set_stay_apart() -> None:
    stories, _, _ = _labelled()
    # two funding rounds of the same size on one day
    assert _find(stories, "Navi raises") is not _find(stories, "Rillet raises $100M Series C")
    assert _find(stories, "Wispr raises") is not _find(stories, "Groq raises")
    # two Anthropic stories on two subjects
    assert _find(stories, "annualized revenue") is not _find(stories, "AI backlash")
    # one lab's two benchmark posts that differ in one model name
    assert _find(stories, "vs Claude Fable 5 on DeepSWE") is not _find(
        stories, "vs GPT-5.6 Sol on DeepSWE"
    )
    # two status pages' "elevated errors" the same day
    assert len(_find(stories, "Elevated errors on Google connectors").articles) == 1
