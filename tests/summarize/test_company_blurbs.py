"""An AI company's feed blurb is not printed as its news (writer27).

The refused lines are the 13 not-news facts the 'blind report 15' row of bench/style.py
printed before this change (OpenAI Research, Anthropic News, Claude blog, OpenAI
Developer, Anthropic Research; labelled in tests/data/writer/printed.jsonl), each under
its real headline. The news lines of the same shapes that are kept are in test_blurbs.py.
"""

from __future__ import annotations

import pytest

from bot.summarize.offline.blurbs import is_blurb
from bot.summarize.offline.lede import is_teaser
from bot.summarize.offline.screen import BOILERPLATE, kind

from .test_news_first import _summary

# (headline, line): blind report 15's not-news facts
BLIND15_BLURBS = (
    # what a thing is built on
    (
        "MuseNet",
        "MuseNet uses the same general-purpose unsupervised technology as GPT-2, a "
        "large-scale transformer model trained to predict the next token in a sequence, "
        "whether audio or text.",
    ),
    # a general truth about today's things
    (
        "The Instruction Hierarchy: Training LLMs to Prioritize Privileged Instructions",
        "Today's LLMs are susceptible to prompt injections, jailbreaks, and other attacks "
        "that allow adversaries to overwrite a model's original instructions with their own "
        "malicious prompts.",
    ),
    # the product's name left in the headline
    ("Introducing deep research", "Available to Pro users today, Plus and Team next."),
    # the piece explaining, a standing programme
    (
        "Why language models hallucinate",
        "OpenAI’s new research explains why language models hallucinate.",
    ),
    (
        "Understanding neural networks through sparse circuits",
        "OpenAI is exploring mechanistic interpretability to understand how neural networks "
        "reason.",
    ),
    # phrases with no sentence: a gerund and its purpose, a count and its noun, an
    # adjective and its noun
    (
        "Using skills to accelerate OSS maintenance",
        "Using skills and GitHub Actions to optimize Codex workflows in the OpenAI Agents "
        "SDK repos.",
    ),
    (
        "From prompts to products: One year of Responses",
        "Five stories from developers building agentic products with the Responses API in "
        "its first year.",
    ),
    (
        "Designing delightful frontends with GPT-5.4",
        "Practical techniques for steering GPT-5.4 toward polished, production-ready "
        "frontend designs.",
    ),
    # what a method does, its benefit trailing; an order; a post's title as its line
    (
        "Improving instruction hierarchy in frontier LLMs",
        "IH-Challenge trains models to prioritize trusted instructions, improving "
        "instruction hierarchy, safety steerability, and resistance to prompt injection "
        "attacks.",
    ),
    (
        "Custom Code Review rules for Codex",
        "Provide more detailed rules for Codex to spot issues and better adhere your "
        "conventions during code review.",
    ),
    (
        "How enabling two settings tripled our scores on the ARC-AGI-3 benchmark",
        "How two API settings improved GPT-5.6 performance on ARC-AGI-3, boosting scores "
        "and efficiency by retaining reasoning and enabling compaction.",
    ),
)


@pytest.mark.parametrize(("headline", "sentence"), BLIND15_BLURBS)
def test_a_company_feeds_blurb_prints_nothing(headline: str, sentence: str) -> None:
    assert is_blurb(sentence, headline)
    assert _summary(headline, sentence) == ""


def test_a_trend_in_who_uses_something_is_a_teaser_but_a_growing_debate_is_not() -> None:
    assert is_teaser(
        "Adoption is broadening beyond early users, closing gaps and making AI a part of "
        "everyday life."
    )
    assert not is_teaser("Debate is growing in Brussels about how to respond to the tariffs.")


def test_a_listing_pages_category_and_date_glued_to_its_title_are_furniture() -> None:
    glued = (
        "InterpretabilityJul 6, 2026A global workspace in language modelsNew interpretability "
        "research reveals an emergent mental workspace in Claude that holds internal thoughts."
    )
    assert kind(glued) == BOILERPLATE
    assert kind("On Jul 6, 2026, Anthropic published research on a workspace in Claude.") != (
        BOILERPLATE
    )
