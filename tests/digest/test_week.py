"""A week in review: the week's biggest stories, not the last day told again."""

from __future__ import annotations

from datetime import timedelta

from support.articles import END, article
from support.days import DEMO_NOW

from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.digest.cluster import cluster
from bot.digest.select import window_for
from bot.digest.week import rank_week
from bot.models import DigestStory, DigestWindow
from bot.store.store import Store
from bot.summarize.offline.summarizer import ExtractiveSummarizer

WEEK = DigestWindow(start=END - timedelta(days=7), end=END, tz="UTC", label="week")
LAST_DAY_TITLES = (
    "Nvidia books record chip sales in the data center quarter",
    "Apple buys a small speech recognition startup in Zurich",
    "Mistral ships a coding model for laptops",
    "Perplexity adds shopping to its answer engine",
    "Cohere signs a deal with a Canadian bank",
    "Ollama adds support for vision models",
    "xAI opens its API to European developers",
    "Cursor raises prices for heavy users",
)


def test_the_weeks_biggest_story_leads_and_the_last_day_takes_a_third() -> None:
    busy_day = [article(i, t, hours_ago=2 + i) for i, t in enumerate(LAST_DAY_TITLES)]
    monday = [  # one event, three outlets, four days before the end
        article(
            20 + n,
            "EU regulators open an AI Act inquiry into OpenAI",
            "The European Commission opened an AI Act inquiry into OpenAI on Monday.",
            feed=feed,
            hours_ago=96 + n,
        )
        for n, feed in enumerate(("The Verge", "Ars Technica", "Hacker News"))
    ]
    earlier = [
        article(30, "Anthropic raises a new funding round", hours_ago=50),
        article(31, "Meta releases an open-weight vision model", hours_ago=75),
        article(32, "Google DeepMind shows a weather model", hours_ago=120),
        article(33, "IBM opens a quantum lab in Chicago", hours_ago=140),
        article(34, "Samsung shows a memory chip for AI servers", hours_ago=30),
    ]
    ranked = rank_week(cluster(busy_day + monday + earlier), WEEK, slots=9)
    assert ranked[0].lead_article.title.startswith("EU regulators")
    assert len(ranked[0].articles) == 3
    last_day = [s for s in ranked[:9] if END - s.lead_article.published_at < timedelta(days=1)]
    assert len(last_day) == 3  # the rest of the slots go to the other days of the week
    assert len(ranked) == len(busy_day) + 1 + len(earlier)  # nothing dropped, only later


def _urls(stories: tuple[DigestStory, ...]) -> list[set[str]]:
    return [{a.url for a in s.articles} for s in stories]


async def test_week_digest_differs_from_the_days_digest(demo_store: Store) -> None:
    builder = DigestBuilder(demo_store, ExtractiveSummarizer(), Settings(), FixedClock(DEMO_NOW))
    tz = "America/New_York"
    day = await builder.build(window_for("today", DEMO_NOW, tz))
    week = await builder.build(window_for("week", DEMO_NOW, tz))
    day_urls = set().union(*_urls(day.all_stories))
    week_stories = _urls(week.all_stories)
    repeated = [s for s in week_stories if s & day_urls]
    assert len(week_stories) == 1 + Settings().max_stories
    assert 2 * len(repeated) <= len(week_stories)  # at least half the week is not the day
    assert week.title.startswith("Week of Aug 7 to Aug 14, 2026")
    assert "Quiet day" not in week.title and "quiet day" not in week.bottom_line
