"""The voice's parts: plain words that keep the meaning, short sentences, and lines whose
every sentence is filled from the story's own facts."""

from __future__ import annotations

import re
from string import Formatter

import pytest

from bot.summarize.guard import check
from bot.summarize.offline import templates as T
from bot.summarize.offline.plain import is_hype, plain, plain_sentences, plain_words, shorten


def test_plain_words_keep_the_attribution_and_what_a_word_means_here() -> None:
    out = plain("Acme will leverage its capital (about $2 billion) to grow, the company said.")
    # "capital" stays (it is not always money); "the company said" stays (a claim is a claim)
    assert out == "Acme will use its capital to grow, the company said."


def test_word_list_keeps_capitals_and_swaps_only_in_context() -> None:
    assert plain_words("Utilizing AI, the firm cut its headcount.") == (
        "Using AI, the firm cut its staff."
    )
    assert plain_words("We help approximately 40 deals.") == "We help about 40 deals."
    assert plain_words("Anthropic announced a fund for digital capital.") == (
        "Anthropic announced a fund for digital capital."
    )


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
        (
            # real (Ars Technica): a cut at "but" keeps the "But"
            "The upcoming Moto devices won't ship with GrapheneOS, but they will be fully "
            "supported by the project with help from Moto itself.",
            [
                "The upcoming Moto devices won't ship with GrapheneOS.",
                "But they will be fully supported by the project with help from Moto itself.",
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
        # real TechCrunch: a pair of dashes holds a hedge; cutting at one leaves a fragment
        "The security review is being performed by the lab, the research is being funded by a "
        "company -- or a group of companies -- in the electric vehicle industry.",
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


def test_an_aside_that_limits_the_claim_stays() -> None:
    assert plain("The API is free (albeit rate limited) for now.") == (
        "The API is free (albeit rate limited) for now."
    )
    real = "It's not ethical to predict social outcomes — and it's probably not possible."
    assert plain_sentences(real) == [real]


def test_hype_is_spotted() -> None:
    assert is_hype("A groundbreaking, game-changing model.")
    assert is_hype("It will unlock new markets.")
    assert not is_hype("Acme shipped a model that writes code.")


def _lines() -> list[str]:
    return [line for table in (T.MEANS, T.TAKES) for lines in table.values() for line in lines]


def _sentences(line: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", line.split(": ", 1)[1]) if s]


def test_every_sentence_of_every_line_needs_a_fact_from_the_story() -> None:
    # no stock line: a sentence without a slot could sit under any story
    for line in _lines():
        for sentence in _sentences(line):
            fields = {f for _, f, _, _ in Formatter().parse(sentence) if f}
            assert fields, sentence


def test_filled_lines_pass_the_guard_and_stay_plain() -> None:
    values = {
        "who": "Groq",
        "other": "Iconiq",
        "amount": "$350 million",
        "valuation": "$3.5 billion",
        "count": "9 million image files",
        "price": "$20 a month",
        "when": "in 2027",
    }
    source = (
        "Groq raised $350 million at a $3.5 billion valuation in a round led by Iconiq. "
        "9 million image files were exposed. It costs $20 a month and ships in 2027."
    )
    for line in _lines():
        filled = line.format(**values)
        assert check(filled, [source]).dropped == (), filled
        assert not is_hype(filled)
        assert all(len(s.split()) <= 16 for s in _sentences(filled)), filled


def test_takes_are_labeled_opinion() -> None:
    for lines in T.TAKES.values():
        for take in lines:
            assert take.startswith("My read:")
    for lines in T.MEANS.values():
        for line in lines:
            assert line.startswith("In plain terms:")
