"""Ranking: more outlets first, then source weight and freshness; topic filters."""

from __future__ import annotations

from support.articles import END, article

from bot.digest.rank import outlets, rank, topic_terms
from bot.models import Story


def _story(key: str, *arts) -> Story:  # type: ignore[no-untyped-def]
    return Story(key=key, articles=tuple(arts))


def test_more_outlets_beat_a_heavier_single_source() -> None:
    wide = _story("wide", article(1, "x", feed="TechCrunch"), article(2, "x", feed="The Verge"))
    heavy = _story("heavy", article(3, "y", feed="Lab blog", weight=2.5))
    assert [s.key for s in rank([heavy, wide], now=END)] == ["wide", "heavy"]


def test_weight_then_freshness_break_ties() -> None:
    old = _story("old", article(1, "a", hours_ago=20))
    new = _story("new", article(2, "b", hours_ago=1))
    heavy_old = _story("heavy", article(3, "c", hours_ago=20, weight=2.0))
    assert [s.key for s in rank([old, new, heavy_old], now=END)] == ["heavy", "new", "old"]


def test_topic_keeps_matching_stories_with_their_usual_spellings() -> None:
    oss = _story("oss", article(1, "Lab ships open-source weights", "Apache 2.0 license."))
    money = _story("money", article(2, "Startup raises $50M", "Series B round."))
    tagged = _story("tagged", article(3, "Quiet release", "Nothing more.", tags=("open source",)))
    kept = rank([oss, money, tagged], now=END, topic="Open Source")
    assert {s.key for s in kept} == {"oss", "tagged"}
    assert [s.key for s in rank([oss, money], now=END, topic="funding")] == ["money"]
    assert "open weights" in topic_terms("open source")


def test_a_topic_nobody_wrote_about_leaves_nothing() -> None:
    s = _story("s", article(1, "Chips", "GPUs everywhere."))
    assert rank([s], now=END, topic="knitting") == []


def test_two_feeds_of_one_site_are_one_outlet() -> None:
    url = "https://techcrunch.com/2026/08/21/rillet-raises/"
    same_site = _story(
        "same",
        article(1, "Rillet raises $100M", feed="TechCrunch", url=url),
        article(2, "Rillet raises $100M", feed="TechCrunch Startups", url=url),
    )
    two_sites = _story(
        "two",
        article(3, "Glimmer ships", feed="TechCrunch", url="https://techcrunch.com/glimmer"),
        article(4, "Glimmer is out", feed="The Verge", url="https://www.theverge.com/glimmer"),
    )
    assert [outlets(same_site), outlets(two_sites)] == [1, 2]
    assert [s.key for s in rank([same_site, two_sites], now=END)] == ["two", "same"]
