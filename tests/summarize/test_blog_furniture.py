"""A blog's feed furniture printed as a story's fact (blind report 4 of bench/style.py, read
in the twenty-fifth session): WordPress's "The post X appeared first on Y." footer, a
post's title or section heading glued to its first line because the feed lost the block
boundaries, and a podcast episode's blurb. The texts are real, cut to their first
sentences; the lines that must still print are from the tuned rows or written."""

from __future__ import annotations

import pytest

from bot.summarize.offline.screen import BOILERPLATE, NEWS, kind
from bot.summarize.offline.titles import cut_glued_title
from bot.summarize.sentences import split_sentences

from .test_news_first import _summary


def test_a_volume_abbreviation_before_its_number_is_no_sentence_end() -> None:
    # printed as "21, No. 6 appeared first on Society of Gilbert Keith Chesterton."
    text = (
        "GKC and The Bible The post Gilbert Vol. 21, No. 6 (2018) appeared first on Society "
        "of Gilbert Keith Chesterton ."
    )
    assert not any(s.startswith("21,") for s in split_sentences(text))
    assert split_sentences("See Vol. 3 of the series. It is long.") == [
        "See Vol. 3 of the series.",
        "It is long.",
    ]
    # a real sentence end after a volume's number stays one
    assert split_sentences("It is out in Vol. 2. Vol. 3 follows in May.") == [
        "It is out in Vol. 2.",
        "Vol. 3 follows in May.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "GKC and The Bible The post Gilbert Vol. 21, No. 6 (2018) appeared first on Society "
        "of Gilbert Keith Chesterton .",
        "Essays from The Speaker The post Lecture 128: In The Beginning Was… appeared first "
        "on Society of Gilbert Keith Chesterton .",
    ],
)
def test_the_wordpress_footer_is_never_a_fact(text: str) -> None:
    assert all(kind(s) == BOILERPLATE for s in split_sentences(text) if "appeared first" in s)
    assert _summary("Gilbert Vol. 21, No. 6 (2018)", text) == ""


def test_a_podcast_episode_blurb_is_furniture() -> None:
    for line in (
        "On today's episode, Kris is joined by the hosting panel of Ian, Matt, and Dylan and "
        "they are talking about the gems and warts of Go.",
        "On this week's episode, Matt and Kris are joined by Mitchell Hashimoto to discuss his "
        "newest project Ghostty, the Zig programming language, thoughts and feelings about "
        "Go, and more.",
    ):
        assert kind(line) == BOILERPLATE


@pytest.mark.parametrize(
    ("headline", "text", "first"),
    [
        (
            "Footguns of the Rust Webassembly Target",
            "Footguns of the Rust WebAssembly Target WebAssembly—even after several years of "
            "standardization—is still a nascent technology.",
            "WebAssembly—even after",
        ),
        (
            "The Easiest Way to Run Llms Locally",
            "The Easiest Way to Run LLMs Locally LLMs Unless you've been living under a rock "
            "for the past year, you already know what LLMs are.",
            "Unless you've",
        ),
        (
            "Why Rust May Be More Attractive than JavaScript",
            "Why Rust Might Attract More Developers Than Java and JavaScript Rust is undeniably "
            "a greatly appreciated language.",
            "Rust is undeniably",
        ),
        (
            "Transformation-Based Learning",
            "Transformation-based Learning for POS Tagging Harper is currently undergoing some "
            "pretty radical changes when it comes to its language analysis.",
            "Harper is currently",
        ),
        (
            "LLM Assisted Fuzzing",
            "LLM-Assisted Fuzzing: A New Approach to False-Positives Preface : this post was "
            "actually written on February 24th, despite being published today.",
            "Preface : this post",
        ),
    ],
)
def test_a_title_glued_to_the_first_line_is_cut_off(headline: str, text: str, first: str) -> None:
    assert cut_glued_title(text, headline).startswith(first)


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        # the headline's subject opening a news line (blind report 4, labelled news)
        (
            "Microsoft Azure Container Apps",
            "Microsoft Azure Container Apps is now generally available.",
        ),
        # the headline's words in sentence case (45 one-article days, labelled news)
        (
            "Male Drivers Sue Uber and Lyft For Sex Discrimination Over Women-Only Ride-Hailing "
            "Feature",
            "Male drivers for Uber and Lyft are suing the companies over a feature that lets "
            "users hail only women drivers.",
        ),
        # a name, then a small word: no title ends on "on" (world tune row)
        (
            "French President Macron Invites PM Modi To 52nd G7 Summit In France",
            "French President Emmanuel Macron on Tuesday invited Prime Minister Narendra Modi to "
            "the 52nd G7 Summit.",
        ),
        # the headline as the opening sentence (blind report 3, labelled news)
        (
            "The 19 richest Americans hold more than 2% of the total...",
            "The 19 richest Americans hold more than 2% of the total US holdhold wealth.",
        ),
        ("Apple buys Beats", "Apple buys Beats. The deal is worth $3 billion."),
        # written: a name with a title word, then its verb
        ("OpenAI and Microsoft Sign New Deal", "OpenAI and Microsoft Corp. signed a deal."),
        # a spec line after the name is no sentence start (blind report 2, Mistral AI)
        ("Mistral Small 3", "Mistral Small 3: Apache 2.0, 81% MMLU, 150 tokens/s"),
        # the title ends at its lone stop; the quote after it is a sentence (kottke.org)
        (
            "The Origins of One of the Most Beloved Video Games of...",
            "The Origins of One of the Most Beloved Video Games of All Time . “Something I’ve "
            "heard from every Mario developer ...”",
        ),
        # a title on a line of its own is left to the splitter (Elijah Potter's Blog)
        (
            "My Writing Environment as a Software Engineer",
            "My Writing Environment\nAs a Software Engineer TL;DR: Get a good text editor.",
        ),
    ],
)
def test_a_line_that_opens_on_the_headline_words_is_left_whole(headline: str, text: str) -> None:
    assert cut_glued_title(text, headline) == text


def test_a_section_heading_after_a_byline_is_cut_off() -> None:
    assert split_sentences(
        "Scott Mueller and Judea Pearl Abstract Personalized decision making targets the "
        "behavior of a specific individual."
    ) == [
        "Scott Mueller and Judea Pearl Abstract",
        "Personalized decision making targets the behavior of a specific individual.",
    ]
    assert (
        split_sentences(
            "Summary The post below is written for the upcoming Spanish translation of The Book "
            "of Why."
        )[0]
        == "Summary"
    )
    # a heading word inside a name or a title is left alone (written)
    assert split_sentences("The Summary Judgment was granted on Monday.") == [
        "The Summary Judgment was granted on Monday."
    ]
    assert split_sentences("Introduction To Algorithms sold 1 million copies.") == [
        "Introduction To Algorithms sold 1 million copies."
    ]


def test_news_after_a_glued_title_still_prints() -> None:
    # written: the news line under a glued title is judged, and printed, on its own
    news = "Microsoft announced on Tuesday that Azure Container Apps is generally available."
    title = "Azure Container Apps Now Generally Available"
    assert kind(news) == NEWS
    assert _summary(title, f"{title} {news}") == news
