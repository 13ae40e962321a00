"""Order stories by how much they matter today, and filter them by topic.

The score is a plain sum a person can reason about: each extra outlet that carried the
story counts most (independent coverage is the best signal a feed reader has), then the
heaviest source's weight, then freshness (halves every ``HALF_LIFE``), then a small
bonus when a feed's tags match the topic asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.clock import ensure_utc
from bot.feeds.urls import outlet
from bot.models import Story

OUTLET_POINTS = 3.0
WEIGHT_POINTS = 1.0
RECENCY_POINTS = 1.5
TAG_POINTS = 0.5
HALF_LIFE = timedelta(hours=12)

# A topic also matches its usual spellings. Users can pass their own table.
TOPIC_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "open source": ("open-source", "open weights", "open-weight", "apache 2.0", "mit license"),
    "chips": ("chip", "gpu", "gpus", "tpu", "semiconductor", "nvidia", "amd", "tsmc"),
    "funding": ("raises", "raised", "valuation", "series a", "series b", "series c", "round"),
    "policy": ("regulation", "law", "bill", "act", "regulator", "ftc", "doj", "eu"),
    "safety": ("alignment", "red team", "preparedness", "misuse"),
    "security": ("breach", "hacked", "vulnerability", "leak", "exploit"),
}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[-_/]", " ", text.casefold()).split())


def topic_terms(topic: str, synonyms: Mapping[str, Iterable[str]] = TOPIC_SYNONYMS) -> list[str]:
    """The topic and its synonyms, normalized ("Open-Source" = "open source")."""
    key = _norm(topic)
    terms = [key]
    for name, words in synonyms.items():
        if _norm(name) == key:
            terms += [_norm(w) for w in words]
    return [t for t in dict.fromkeys(terms) if t]


def _pattern(terms: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")


def matches_topic(story: Story, pattern: re.Pattern[str]) -> bool:
    for a in story.articles:
        hay = _norm(" ".join((a.title, a.text, " ".join(a.feed_tags))))
        if pattern.search(hay):
            return True
    return False


def outlets(story: Story) -> int:
    """Distinct publishers that carried the story: two feeds of one site count once."""
    return len({outlet(a.canonical_url or a.url) for a in story.articles})


def score(story: Story, now: datetime, tag_pattern: re.Pattern[str] | None = None) -> float:
    outlet_count = outlets(story)
    weight = max(a.feed_weight for a in story.articles)
    newest = max(ensure_utc(a.published_at) for a in story.articles)
    age = max(now - newest, timedelta(0))
    recency: float = 0.5 ** (age / HALF_LIFE)
    tags = {_norm(t) for a in story.articles for t in a.feed_tags}
    tag_hit = bool(tag_pattern and any(tag_pattern.search(t) for t in tags))
    return (
        OUTLET_POINTS * (outlet_count - 1)
        + WEIGHT_POINTS * weight
        + RECENCY_POINTS * recency
        + (TAG_POINTS if tag_hit else 0.0)
    )


def rank(
    stories: Sequence[Story],
    *,
    now: datetime,
    topic: str | None = None,
    synonyms: Mapping[str, Iterable[str]] = TOPIC_SYNONYMS,
) -> list[Story]:
    """Stories best first, each with its ``score``; only those on ``topic`` when one is given."""
    now = ensure_utc(now)
    pattern = _pattern(topic_terms(topic, synonyms)) if topic and topic.strip() else None
    kept = [s for s in stories if pattern is None or matches_topic(s, pattern)]
    scored = [replace(s, score=round(score(s, now, pattern), 6)) for s in kept]
    # ties: newest first, then the stable key, so the order never depends on the input order
    scored.sort(
        key=lambda s: (-s.score, -max(a.published_at for a in s.articles).timestamp(), s.key)
    )
    return scored
