"""A company's own announcement ("we are announcing ...") prints as the outlet's words,
quoted and said by it, when the story has no other fact; a blogger's "we", the company's
mood and its own process do not.

The announcements are lines of the blind report 2 and blind report rows of bench/style.py
(Mistral AI, Anthropic Engineering, Kagi Blog), which printed their headline alone before.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.digest.supported import supported_stories
from bot.models import DigestArticle
from bot.summarize.offline.voice import write_offline

from .test_news_first import WINDOW
from .test_take import _story

LARGE_2 = "Today, we are announcing Mistral Large 2, the new generation of our flagship model."


def _told(feed: str, title: str, text: str) -> tuple[str, tuple[str, ...]]:
    story = _story(title, text)
    story = replace(story, articles=(replace(story.lead_article, feed_name=feed),))
    digest = write_offline([story], WINDOW)
    return digest.stories[0].summary, digest.notes


def test_a_company_feeds_announcement_prints_quoted_with_the_outlet_named() -> None:
    summary, notes = _told(
        "Mistral AI",
        "Large Enough",
        LARGE_2 + " Compared to its predecessor, it is more capable in code generation.",
    )
    assert summary == f"Mistral AI: “{LARGE_2}”"
    assert notes == ()  # nothing dropped by the faithfulness guard


def test_the_outlet_vouches_for_its_own_name_though_its_text_never_says_it() -> None:
    """Anthropic's engineering blog writes about Claude and never names Anthropic: the
    attribution is the feed's name as the story carries it, not a name made up."""
    line = (
        "We’ve added three new beta features that let Claude discover, learn, and execute "
        "tools dynamically."
    )
    summary, notes = _told(
        "Anthropic Engineering",
        "Introducing advanced tool use on the Claude Developer Platform",
        line + " Tool use is how agents act.",
    )
    assert summary == f"Anthropic Engineering: “{line}”"
    assert notes == ()


def test_the_digests_support_check_keeps_the_quote_and_cites_the_outlet() -> None:
    """Every fact of a posted digest must be supported by a source sentence: the outlet's
    name before the quote is no word of the text ("Blog"), and counted as one it sank this
    line (a Kagi Blog release, blind report row) below the support threshold."""
    line = "Today we are announcing a new privacy feature coming to Kagi Search."
    story = _story(
        "Introducing Privacy Pass authentication for Kagi Search",
        line + " It lets members search without telling us who they are.",
    )
    story = replace(story, articles=(replace(story.lead_article, feed_name="Kagi Blog"),))
    written = write_offline([story], WINDOW)
    links = [tuple(DigestArticle.of(a) for a in story.articles)]
    posted, notes = supported_stories([story], written, WINDOW, links)
    assert posted[0].summary == f"Kagi Blog: “{line}”"
    assert [c.urls for c in posted[0].citations] == [(story.lead_article.url,)]
    assert notes == ()


def test_the_quoted_words_are_exactly_the_sources() -> None:
    """The plain-words pass would write "before" for "prior to" and cut the aside; inside
    a quote nothing is changed."""
    line = (
        "Today, we’re releasing Forge 2 (our largest model so far) to all customers prior to "
        "the holidays."
    )
    summary, _ = _told("Acme Labs", "Forge 2 is here", line)
    quoted = re.fullmatch(r"Acme Labs: “(.*)”", summary)
    assert quoted is not None
    assert quoted.group(1) == line


def test_a_story_with_a_fact_prints_the_fact_not_the_quote() -> None:
    text = (
        "Mistral AI released Mistral Large 2 on Wednesday with 123 billion parameters. " + LARGE_2
    )
    summary, _ = _told("Mistral AI", "Mistral releases Mistral Large 2", text)
    assert "Mistral AI released Mistral Large 2" in summary
    assert "“" not in summary


@pytest.mark.parametrize(
    ("feed", "title", "text"),
    [
        # a blogger's "we" is a family or a team, not an organisation
        (
            "Jessica Temporal",
            "Big news",
            "We’re launching Family Tales 2, our podcast, this week. I recorded it with my "
            "kids and I edited it at night.",
        ),
        ("Dylan Paulus", "Berlin", "We moved to Berlin in March 2024 with our two cats."),
        # a personal newsletter quoting a company's "we": not the newsletter's own words
        (
            "Simon Willison's Newsletter",
            "Llama 3.2",
            "Today, we’re releasing Llama 3.2, which includes small and medium-sized vision "
            "LLMs. I tried it on my laptop and I liked it.",
        ),
    ],
)
def test_a_blogs_we_is_not_an_outlets_announcement(feed: str, title: str, text: str) -> None:
    summary, _ = _told(feed, title, text)
    assert "“" not in summary
    assert not summary.startswith(feed)


@pytest.mark.parametrize(
    "line",
    [
        # the company's mood: reprinting it is promotion, cutting it is rewording the quote
        "We’re thrilled to announce the launch of the Kagi Family Plan, a new way for "
        "families to enjoy Kagi Search together.",
        "We are pleased to announce newly enhanced search results across Kagi Search.",
        # the writers' own process, or the post presenting itself
        "We ran performance tests on release day firmware and an updated Ollama version.",
        "We share the engineering challenges and the lessons we learned building Research.",
        # a promo aimed at the reader
        "We’re launching Agents 101, a new course to help you build agents with Claude.",
        # no concrete detail: what is introduced has no name, version or number
        "We are introducing our new moderation service enabling our users to detect "
        "undesirable text content.",
        # a question
        "Are we launching Forge 2 in Paris next week?",
        # a quote inside the line would print as a quote in a quote
        "We are launching Forge 2, which its team calls “the fastest model in Paris”.",
    ],
)
def test_mood_process_promo_and_vague_lines_print_no_quote(line: str) -> None:
    summary, _ = _told("Acme Labs", "News from Acme Labs", line)
    assert summary == ""
