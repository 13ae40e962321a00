"""The backdrop a post is written against is not printed as a fact; news lines of the same
shape are.

Every refused sentence below is one the offline writer printed as a fact on the blog rows
of bench/style.py (blind reports 3 to 8 and 11) before the twenty-ninth session's writer25,
labelled hook or boilerplate in tests/data/writer/printed.jsonl, or a labelled not-news
line of the same shape from tests/data/writer (the source is named on each). The kept ones
are labelled news lines of the data, one per shape they resemble.
"""

from __future__ import annotations

import pytest

from bot.summarize.offline.backdrop import is_backdrop, is_told_backdrop
from bot.summarize.offline.voice import _unclosed

from .test_news_first import _summary
from .test_reference_lines import labelled_news


@pytest.mark.parametrize(
    "sentence",
    [
        # a general truth: a bare plural subject and a present of state or use (KittenLabs,
        # alexwlchan, ThatSoftwareDude.com)
        '3.5" floppy disks hold information by storing them magnetically on 80 different '
        "tracks (effectively circles) across the media.",
        "Used Gigabyte MJ11-EC1 mainboards are available for low prices on ebay and at other "
        "hardware vendors.",
        "Modern versions of macOS and iOS (starting with macOS Ventura/13) ship with "
        "NVIDIA/Mellanox ConnectX network drivers.",
        "Text fragments allow you to link directly to specific text on a web page, and some "
        "browsers will highlight the linked text.",
        "Despite the bold predictions from late 2024 that human software development would be "
        "dead by 2026, programmers still have jobs.",
        # what a thing is for (KittenLabs; a Google feed's line, sentences.jsonl)
        "The charger was developed to charge a whole litter of Blinkekatzen from a single supply.",
        "Gemini 3.5 is built to help you execute complex, agentic workflows.",
        # a state that has lasted (Salmon Run)
        "Generative AI has been the new cool kid on the AI / ML block since early this year.",
        # a calendar fact (Glass Petal Smoke, the Chesterton Society; a news feed's opener)
        "December 31, 2023 marks the end of Odeuropa's research grant, which is focused on "
        "olfactory heritage.",
        "Next year, the United States will celebrate its Semiquincentennial, or 250th anniversary.",
        "2025 marked the 80-year anniversary of the end of WWII.",
    ],
)
def test_a_backdrop_line_is_refused(sentence: str) -> None:
    assert is_backdrop(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a bare plural subject, but an event: "now", a perfect, a progressive, an owner
        "New vision models are now available: LLaVA 1.6, in 7B, 13B and 34B parameter sizes.",
        "U.S. forces have sunk three alleged drug‑running boats in the Caribbean and the "
        "Pacific, in attacks that left 11 people dead, according to U.S. Southern Command.",
        "Chinese regulators are taking a stricter approach to safety, and the automaker now has "
        "to add warning labels to 2.98 million Model 3 and Model Y electric vehicles in China.",
        "Moto's GrapheneOS phones are on track to launch in 2027, but they'll cost a pretty penny.",
        # an activity since a time, not a state
        "Since earlier this year, some Figure 02s have been working daily 10-hour shifts "
        "lifting parts at a BMW factory, the company says.",
        "The euro has reached its highest level against the US dollar since 2021.",
        # what someone does for an anniversary
        "As the 25th anniversary approaches, National Geographic, in collaboration with the "
        "9/11 Memorial and Museum, is marking the occasion with a new documentary miniseries: "
        "9/11: Reunited .",
        # a version's subject in the present
        "Swift 6.2 gives you the ability make MainActor the default isolation.",
    ],
)
def test_a_news_line_of_a_backdrop_shape_is_kept(sentence: str) -> None:
    assert not is_backdrop(sentence)


def test_no_labelled_news_sentence_is_taken_for_a_backdrop() -> None:
    news = labelled_news()
    assert len(news) > 500
    assert [s for s in news if is_backdrop(s)] == []


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # a tutorial's background (Xavier Geerinck, Matt Massicotte)
        (
            "Claude recently introduced the MCP (or Model Context Protocol) which is an open "
            "standard for establishing unified context interaction between AI models and "
            "development environments.",
            "Getting Started with Model Context Protocol (MCP) Servers",
        ),
        (
            "Swift 5.9 introduced a feature, via SE-0392 , called custom actor executors.",
            "SE-0417: Task Executor Preference",
        ),
        # a credit line (pagetable.com); satire written as a report (Benlog)
        (
            "Daniël contributed the commented disassembly of the FC3 freezer functionality to "
            "the reverse engineering effort at github.com/mist64/final_cartridge .",
            "How the Final Cartridge III Freezer works",
        ),
        (
            "The White House denied that it had any prior knowledge of the AirBleed "
            "defect, a newly discovered safety vulnerability in commonly used Michelin tires.",
            "Obama lets NTSB exploit widespread tire vulnerabilities",
        ),
    ],
)
def test_a_personal_posts_backdrop_is_refused(sentence: str, title: str) -> None:
    assert is_told_backdrop(sentence, title)


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # dated close to the post (J-F Gagné's MySQL Blog, labelled news)
        (
            "A few days ago, Oracle released three new MySQL GA versions: 8.2.0, 8.0.35 and "
            "5.7.44.",
            "Thoughts on the October 2023 MySQL Releases",
        ),
        # the title names who acted (Eliot Jones, labelled news)
        ("Today version 0.0.5 of PdfPig was released.", "PdfPig 0.0.5"),
        # no past act: a talk to come (Bastian Bloessl's FOSDEM line has this shape)
        (
            "Bastian Bloessl will give a talk at FOSDEM on the GNU Radio 4.0 runtime.",
            "GNU Radio at FOSDEM",
        ),
    ],
)
def test_a_personal_posts_news_line_is_kept(sentence: str, title: str) -> None:
    assert not is_told_backdrop(sentence, title)


_GEERINCK = (
    "Claude recently introduced the MCP (or Model Context Protocol) which is an open standard "
    "for establishing unified context interaction between AI models and development "
    "environments. This allows AI models to more easily understand and interact with and "
    "process code. For this example, let's see how we can use an MCP Server to create a file "
    'named "HelloWorld.md" with the content "Hello World, my name is Xavier". I installed '
    "Claude first, and I logged in."
)


def test_a_tutorial_written_as_i_prints_its_headline_alone() -> None:
    """Xavier Geerinck's post (blind report 11): its background is no news."""
    assert _summary("Getting Started with Model Context Protocol (MCP) Servers", _GEERINCK) == ""


def test_the_same_act_in_a_post_not_written_as_i_is_printed() -> None:
    """Dylan Paulus' post (blind report 6, labelled news): one "I'm" is no personal post, so
    the release it opens on prints."""
    text = (
        "Typescript recently released generic type arguments for JSX in their 2.9 release. "
        "It's a mouthfull, but what does that mean for us? A common use-case I'm excited for "
        "is allowing consumers of libraries to extend a component's props."
    )
    summary = _summary("Generic Type Arguments in JSX Elements", text)
    assert summary.startswith("Typescript recently released generic type arguments for JSX")


def test_a_bracket_closed_and_never_opened_is_no_fact() -> None:
    """Always Twisted (blind report 5): the feed lost a link's text, leaving "Danielle )"."""
    text = (
        "In their presentation at Patterns Day 2019, Danielle ) talked about the topology of "
        "making a successful Design System."
    )
    assert _summary("Patterns Day 2019 - Danielle Huntrods", text) == ""
    assert _unclosed(text.removeprefix("In their presentation at Patterns Day 2019, "))
    # brackets that open and close, in a labelled news line, are no sign of lost text
    kept = (
        "OpenAI continue to make Whisper (both code and model weights) available under the "
        "MIT license."
    )
    assert not _unclosed(kept)
