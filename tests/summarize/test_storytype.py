"""Story types on real headlines (TechCrunch, The Verge; tests/data) and on plain text."""

from __future__ import annotations

import pytest

from bot.summarize.storytype import detect_kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Groq raises $350M to fuel its pivot from AI chips to neocloud", "funding"),
        ("Wispr raises $280M at $2B valuation as it looks beyond dictation", "funding"),
        ("Anthropic’s annualized revenue surges to $65B", "funding"),
        ("Stripe will reportedly acquire AI gateway startup OpenRouter for $7B+", "acquisition"),
        ("SpaceX officially closes its Cursor acquisition", "acquisition"),
        # issue 8: "joins" is no purchase (a carmaker's model "joins" a class of cars)
        ("AI automation startup Relay shuts down, staff joins Google’s Chrome team", "general"),
        ("Genesis joins the giant electric SUV club", "general"),
        # issue 8: a government policy on launch sites is policy, not a product launch
        ("Trump's space transportation policy calls for more launches by 2030", "policy"),
        ("Writer introduces new AI model and upgraded harness to contain token costs", "release"),
        ("OpenAI says California should strengthen its AI safety bill", "policy"),
        ("TikTok reaches $400M settlement over children’s privacy lawsuit", "policy"),
        ("Why is the DOJ investigating Andreessen Horowitz’s board seats?", "policy"),
        ("US government lab is probing Chinese lidar for security vulnerabilities", "security"),
        ("How to tell if your AI platforms’ accounts have been hacked", "security"),
        ("Nvidia investing $1.5B in SoftBank data center developer behind OpenAI project", "chips"),
        ("Kog is going deeper to squeeze more inference out of GPUs", "chips"),
        ("Apple is reportedly cutting hundreds of jobs from Siri, Vision Pro teams", "people"),
        ("OpenAI reportedly disbanded its preparedness team", "people"),
        ("Tesla’s solar roof is dead — here’s what went wrong", "general"),
        ("Frontier AI labs still won’t say how they’d contain a rogue model", "general"),
    ],
)
def test_real_headlines(headline: str, kind: str) -> None:
    assert detect_kind("", headline=headline) == kind


def test_the_headline_outweighs_the_text() -> None:
    # a product review whose text mentions a benchmark is not research
    text = "It beat my old watch in every benchmark I ran. The battery lasts a week."
    assert detect_kind(
        text, headline="The $225 Pebble Time 2 is a refreshingly fun smartwatch"
    ) == ("general")
    assert detect_kind(text) == "research"


def test_text_decides_only_when_it_says_so_twice() -> None:
    headline = "Cursor is now a part of SpaceX"
    assert detect_kind("Cursor has been acquired by SpaceX.", headline=headline) == "general"
    text = "Cursor has been acquired by SpaceX. The acquisition closed on Friday."
    assert detect_kind(text, headline=headline) == "acquisition"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Acme raises $6 billion at a $150 billion valuation", "funding"),
        ("Bigco acquires startup for its team", "acquisition"),
        ("Lab releases new model for coders", "release"),
        ("Startup open-sources its model weights under an Apache 2.0 license", "open_source"),
        ("Senate passes AI bill", "policy"),
        ("Data breach exposes user chats", "security"),
        ("Nvidia GPU shortage hits clouds", "chips"),
        ("Researchers publish a paper on reasoning benchmarks", "research"),
        ("CEO steps down after board fight", "people"),
        ("Weather is nice today", "general"),
    ],
)
def test_story_kind_from_words(text: str, kind: str) -> None:
    assert detect_kind(text) == kind
