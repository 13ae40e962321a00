"""The voice's parts: plain words, short sentences, names from the headline, no facts of its own."""

from __future__ import annotations

import re

import pytest

from bot.summarize.guard import check, facts_in
from bot.summarize.offline import templates as T
from bot.summarize.offline.plain import is_hype, plain, plain_sentences, plain_words, shorten
from bot.summarize.offline.voice import subject
from bot.summarize.storytype import KINDS


def test_plain_words_replace_corporate_ones_and_drop_attribution() -> None:
    out = plain("Acme will leverage its capital (about $2 billion) to grow, the company said.")
    assert out == "Acme will use its money to grow."


def test_word_list_keeps_capitals_and_longest_phrase_wins() -> None:
    assert plain_words("Utilizing AI, the firm cut its capital allocation.") == (
        "Using AI, the firm cut its money."
    )
    assert plain_words("We facilitate approximately 40 deals.") == "We help about 40 deals."


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "OpenAI said on Tuesday it raised $6.6 billion from investors; the round values the "
            "company at $157 billion, more than double its value a year ago.",
            [
                "OpenAI said on Tuesday it raised $6.6 billion from investors.",
                "The round values the company at $157 billion, more than double its value a "
                "year ago.",
            ],
        ),
        (
            "The startup will utilize the funds to hire engineers, and it plans to open an "
            "office in London before the end of the year.",
            [
                "The startup will use the funds to hire engineers.",
                "It plans to open an office in London before the end of the year.",
            ],
        ),
        (
            "Nvidia shares rose 5% after the report — the chipmaker has gained more than 150% "
            "this year on strong demand for its GPUs.",
            [
                "Nvidia shares rose 5% after the report.",
                "The chipmaker has gained more than 150% this year on strong demand for its GPUs.",
            ],
        ),
    ],
)
def test_long_sentences_split_where_both_halves_stand(sentence: str, pieces: list[str]) -> None:
    assert plain_sentences(sentence) == pieces


@pytest.mark.parametrize(
    "sentence",
    [
        # real TechCrunch sentence: "music made with AI tools" is no sentence on its own
        "Google will now allow you to remove visible watermarks from the images, videos, and "
        "music made with AI tools.",
        # a subordinate clause first: the halves don't stand alone
        "If the deal closes, Microsoft will own the company, and regulators in Europe are "
        "already asking questions about its size.",
        "Acme bought Beta, Gamma, and the rights to Delta in a deal worth a lot of money for "
        "everyone involved here.",
    ],
)
def test_no_split_where_a_half_would_not_stand(sentence: str) -> None:
    assert shorten(sentence) == [sentence]


def test_a_trailing_aside_goes_when_it_is_no_sentence() -> None:
    real = (
        "Meta released Glimmer this week, an open-weight AI model anyone can download and run "
        "on their own hardware — a contrast to Muse Spark, the company’s more powerful model "
        "that stays locked behind its own APIs."
    )
    assert plain_sentences(real) == [
        "Meta released Glimmer this week, an open-weight AI model anyone can download and run "
        "on their own hardware."
    ]


def test_hype_is_spotted() -> None:
    assert is_hype("A groundbreaking, game-changing model.")
    assert is_hype("It will unlock new markets.")
    assert not is_hype("Acme shipped a model that writes code.")


@pytest.mark.parametrize(
    ("headline", "who"),
    [
        ("Anthropic’s annualized revenue surges to $65B", "Anthropic"),
        ("How AI accounting startup Rillet raised $100M and became a unicorn", "Rillet"),
        ("Why is the DOJ investigating Andreessen Horowitz’s board seats?", "DOJ"),
        ("Japanese space tech startup Letara expands beyond satellite thrusters", "Letara"),
        ("Apple trained its own AI model for China with help from Alibaba", "Apple"),
        ("US battery startups have found a lifeline in defense", None),
    ],
)
def test_subject_is_a_name_from_the_headline(headline: str, who: str | None) -> None:
    assert subject(headline) == who


def _all_lines() -> list[str]:
    lines: list[str] = []
    for table in (T.MEANS, T.TAKES, T.WIRE):
        for kind in KINDS:
            lines += [line.replace("{who}", "them") for line in table[kind]]
    lines += list(T.DAY.values()) + list(T.HOOKS.values()) + [T.MIXED]
    lines += [q.format(count=c) for q in T.QUIET for c in T.NAMED_COUNTS]
    lines.append(T.TWO_THREADS.format(a=T.TOPICS["funding"], b=T.TOPICS["chips"]))
    return lines


def test_template_lines_assert_no_fact_of_their_own() -> None:
    # no sources at all: any number or name in a line would be dropped by the guard
    for line in _all_lines():
        assert not re.search(r"\d", line), line
        assert check(line, []).dropped == (), line
        assert not is_hype(line), line


def test_template_sentences_are_short() -> None:
    sentences = [s for line in _all_lines() for s in re.split(r"(?<=[.;])\s+", line) if s]
    assert max(len(s.split()) for s in sentences) <= 15
    assert sum(len(s.split()) for s in sentences) / len(sentences) <= 9


def test_takes_are_labeled_opinion() -> None:
    for kind in KINDS:
        for take in T.TAKES[kind]:
            assert take.startswith("My read:")
            assert 2 <= len(re.findall(r"[.!?](?:\s|$)", take)) <= 4


def test_the_name_in_a_template_comes_from_the_story() -> None:
    line = T.MEANS["funding"][1].format(who=subject("Groq raises $350M to fuel its pivot"))
    assert "Groq" in line
    assert check(line, ["Groq raised $350 million."]).dropped == ()
    assert "Groq" in facts_in(line)
