"""Story clustering on hand-made articles: what joins, what stays apart, and order."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from support.articles import article

from bot.digest.cluster import cluster

OPENAI_TC = article(
    1,
    "OpenAI launches GPT-6 with a 2 million token context window",
    "OpenAI on Tuesday released GPT-6, its newest model, with a context window of 2 million "
    "tokens and lower prices for developers.",
    feed="TechCrunch",
)
OPENAI_VERGE = article(
    2,
    "GPT-6 is here: OpenAI's new model reads 2 million tokens at once",
    "OpenAI released GPT-6 today. The model accepts 2 million tokens of context and costs less "
    "for developers than GPT-5.",
    feed="The Verge",
    hours_ago=2,
)
NVIDIA = article(
    3,
    "Nvidia earnings beat expectations as data center sales soar",
    "Nvidia reported quarterly revenue of $60 billion, driven by data center chips.",
    feed="Ars Technica",
)
OPENAI_HIRE = article(
    4,
    "OpenAI hires a new head of policy from the White House",
    "OpenAI has hired a former White House official to lead its policy team.",
    feed="Hacker News",
)


# A day's other news: rare words are only rare against a background.
BACKGROUND = [
    article(100 + i, title, feed="Ars Technica", hours_ago=3 + i)
    for i, title in enumerate(
        [
            "Mark Zuckerberg has an Instagzam",
            "Kog is going deeper to squeeze more inference out of GPUs",
            "Hyperscalers might regret embracing natural gas if new forecast proves correct",
            "Apple trained its own AI model for China with help from Alibaba",
            "Cursor is now a part of SpaceX",
            "State of Open Models: Summer 2026 Observations",
            "Groq raises $350M to fuel its pivot from AI chips to neocloud",
            "Wispr raises $280M at $2B valuation as it looks beyond dictation",
            "AI automation startup Relay shuts down, staff joins Google's Chrome team",
            "Amazon is destroying rare texts to train AI",
        ]
    )
]


def _groups(stories: list) -> set[frozenset[int]]:
    return {frozenset(a.id for a in s.articles) for s in stories}


def test_same_event_from_two_outlets_is_one_story_and_common_words_do_not_glue() -> None:
    stories = cluster([OPENAI_TC, OPENAI_VERGE, NVIDIA, OPENAI_HIRE, *BACKGROUND])
    assert {frozenset({1, 2}), frozenset({3}), frozenset({4})} <= _groups(stories)
    assert len(stories) == 3 + len(BACKGROUND)
    joined = next(s for s in stories if len(s.articles) == 2)
    assert set(joined.sources) == {"TechCrunch", "The Verge"}


def test_the_same_page_from_two_feeds_is_one_story() -> None:
    a = article(1, "A title", "Some text here.", feed="TechCrunch", url="https://x.example/a")
    b = article(2, "Another title", "Other text.", feed="Hacker News", url="https://x.example/a")
    assert _groups(cluster([a, b])) == {frozenset({1, 2})}


def test_one_feed_pointing_many_entries_at_one_page_keeps_them_apart() -> None:
    # a changelog feed: every release links to the same releases page
    rel = [
        article(
            i, f"v1.{i}.0", f"Fixes for release {i}.", feed="Lab blog", url="https://x.example/r"
        )
        for i in range(1, 4)
    ]
    assert len(cluster(rel)) == 3


def test_a_retitled_copy_of_the_same_body_in_one_feed_is_one_story() -> None:
    body = (
        "Meta released Glimmer this week, an open-weight AI model anyone can download and run "
        "on their own hardware, a contrast to its locked models."
    )
    a = article(1, "Meta's open AI, and a deal gone wrong", body, feed="TechCrunch")
    b = article(2, "Does Zuckerberg believe AI is for everyone?", body, feed="TechCrunch")
    assert _groups(cluster([a, b])) == {frozenset({1, 2})}


def test_the_same_words_a_week_apart_are_two_stories() -> None:
    late = article(5, OPENAI_VERGE.title, OPENAI_VERGE.text, feed="The Verge", hours_ago=24 * 7)
    assert {frozenset({1}), frozenset({5})} <= _groups(cluster([OPENAI_TC, late, *BACKGROUND]))


def test_empty_input() -> None:
    assert cluster([]) == []


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_input_order_never_changes_the_stories(rnd: random.Random) -> None:
    items = [OPENAI_TC, OPENAI_VERGE, NVIDIA, OPENAI_HIRE, *BACKGROUND]
    base = cluster(items)
    shuffled = items[:]
    rnd.shuffle(shuffled)
    again = cluster(shuffled)
    assert [s.key for s in again] == [s.key for s in base]
    assert [[a.id for a in s.articles] for s in again] == [[a.id for a in s.articles] for s in base]
