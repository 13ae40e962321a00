"""A fact is a sentence: a caption, a blurb or a title (no verb with a tense in its main
clause) prints as no fact, from any feed; a news line keeps printing, whatever its verb.

The refused lines are ones the writer printed on the blog rows of bench/style.py (blind
report 9, labelled boilerplate in tests/data/writer/printed.jsonl); the kept ones are
labelled news lines and headline-style summaries from company feeds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.summarize.offline.blog import is_blog_line
from bot.summarize.offline.finite import has_finite_verb

from .test_news_first import _summary

DATA = Path(__file__).resolve().parents[1] / "data" / "writer"


def test_a_link_blogs_caption_prints_its_headline_alone() -> None:
    # not a topic piece (no "I", the title may be a sentence): only the caption rule sees it
    summary = _summary(
        "new-aesthetic : Satellite images of a horse",
        "Satellite images of a horse, pomegranates, and a camel, created from Solar Panel "
        "installations in China and Mongolia.",
    )
    assert summary == ""


def test_a_posts_description_of_itself_prints_its_headline_alone() -> None:
    summary = _summary(
        "ReproFro 2025 party",
        "Random recollections from the hectic conversations at the afterparty of the "
        "Reproductive Frontiers Summit of 2025.",
    )
    assert summary == ""


def test_a_news_line_with_a_past_verb_still_prints() -> None:
    summary = _summary(
        "Police arrest three men after break-in at Leeds museum",
        "Police arrested three men on Friday after a break-in at the Leeds City Museum, the "
        "force said.",
    )
    assert summary.startswith("Police arrested three men on Friday")


@pytest.mark.parametrize(
    "sentence",
    [
        # a participle after a noun, or after a comma, is no verb
        "Satellite images of a horse, pomegranates, and a camel, created from Solar Panel "
        "installations in China and Mongolia.",
        "Beautifully-observed & realistic figure of a sleeping Antelope incised on rock up to "
        "10,000 years ago at Tin Taghirt in Algeria.",
        "A talk given at the 2021 EuroPython.",
        "A mural painted by Banksy on a wall in Bristol.",
        # plurals are nouns: "recollections", "conversations"
        "Random recollections from the hectic conversations at the afterparty of the "
        "Reproductive Frontiers Summit of 2025.",
        # the verb is a relative clause's, not the main clause's
        "A small PCB, which can receive RS232 over IrDA and relay it to a RS232 device.",
        "First open-source code agent for Lean 4.",
    ],
)
def test_a_caption_has_no_finite_verb(sentence: str) -> None:
    assert not has_finite_verb(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a past tense after its subject, across an aside or before a preposition
        "Police arrested three men on Friday.",
        "Google created a new lab in Zurich.",
        "Apple, the iPhone maker, announced a new phone.",
        "In their post-lunch talk at Patterns Day 2019, Heydon talked about the flexbox holy "
        "albatross layout pattern.",
        "Rippling celebrated by releasing a competing product.",
        # a headline-style present: "-s" after an adverb or a version, a bare plural verb
        "Ollama now supports Qwen 3.",
        "Swift 6.2 gives you the ability make MainActor the default isolation.",
        "Cohere and Government of Canada sign Memorandum of Understanding to explore AI.",
        "Germany lose to Denmark in Euro final.",
        "Every week, over 800 million people use ChatGPT to answer questions.",
    ],
)
def test_a_news_line_has_a_finite_verb(sentence: str) -> None:
    assert has_finite_verb(sentence)


def test_no_labelled_news_line_is_taken_for_a_caption() -> None:
    """Every sentence labelled news (tests/data/writer: the sentence set and the printed
    facts of every bench row) has a verb with a tense, as the rule reads it, but one: a
    Portuguese line, which the language rule refuses first (the rules know only English)."""
    news = {
        json.loads(line)["text"]
        for name in ("sentences", "printed")
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["label"] == "news"
    }
    assert len(news) >= 300
    assert [s for s in news if not has_finite_verb(s)] == [
        "Finalmente saiu o post mortem da Python Sudeste 2018."
    ]


def test_a_releases_verdict_on_itself_prints_its_headline_alone() -> None:
    """How big the maker finds its change is no fact; what changed would be."""
    summary = _summary(
        "Pikku 0.10 — Smart Tree-Shaking and CLI support!",
        "Pikku 0.10 represents a massive leap in production readiness and developer experience.",
    )
    assert summary == ""


@pytest.mark.parametrize(
    "sentence",
    [
        # the verdict is someone's, quoted, with the release it is about
        "OpenAI released its latest AI video generation model, Sora 2, advertising it as a "
        "“big leap forward” for the space.",
        # a number after the verdict is something to check
        "The new chip is a big leap in speed, with builds 40% faster than the M4.",
    ],
)
def test_a_verdict_with_a_source_or_a_number_is_left_alone(sentence: str) -> None:
    assert not is_blog_line(sentence)
