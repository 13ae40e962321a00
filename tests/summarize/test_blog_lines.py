"""A personal or hobby blog's line is not printed as a fact; its news lines are.

Every refused sentence below is one the offline writer printed as a fact on the blog rows
of bench/style.py ('blind report' 4 to 7) before the twenty-sixth session's writer21
(labelled hook, boilerplate or needs-context in tests/data/writer/printed.jsonl). The kept
ones are labelled news lines of the data (a release with its version, a named body's act,
someone's use of a tool), one per shape they resemble.
"""

from __future__ import annotations

import pytest

from bot.summarize.offline.blog import is_blog_line

from .test_news_first import _summary
from .test_reference_lines import labelled_news


@pytest.mark.parametrize(
    "sentence",
    [
        # a blurb with no verb (KittenLabs, Jessica Temporal, ThatSoftwareDude.com)
        "A replacement LED backlight for the popular Palm IIIc handheld computers of the early 00s.",
        "A small PCB, which can receive RS232 over IrDA/IrCOMM (for example from Palm PDAs, "
        "Nokia phones, old laptops) and relay it to a RS232 device.",
        "3D-printable adapter, which fits into commercial thermal cameras and adds a 18mm ZnSe "
        "CO2 laser lens to the optical path.",
        "A talk given at the 2021 EuroPython.",
        "A friendly but frank discussion about the most overused excuse in software development "
        "After 20+ years as a software developer.",
        # what a thing can do (Mikhail Shilkov, KittenLabs)
        "Azure Functions can be hosted in multiple ways: there’s an App Service plan with a fixed "
        "cost per hour, a new Premium plan with both fixed and variable price components, not to "
        "mention self-managed options based on container technologies.",
        "Windows can use normal TLS certificates to authenticate RDP sessions.",
        "Samsung / Commodore SQ-1000 electronic typewriters can be modified to work as a teletype "
        "terminal.",
        # a gerund's how-to remark (Always Twisted)
        "Using logical properties when writing CSS allows your code to adapt more naturally to "
        "various text directions and writing modes, such as left-to-right, right-to-left, or "
        "even vertical text.",
        # how a thing works (KittenLabs, Glass Petal Smoke, ThatSoftwareDude.com, Tom Hazledine)
        "The NeonMatrix 8x8 matrix uses common neon indicator bulbs to display simple graphics.",
        "The Scent of Earth by Amit Dutta utilizes stop-motion animation to explore the smell of rain "
        "on parched earth at the start of India’s monsoon rain.",
        "The Zeigarnik Effect states that people remember uncompleted or interrupted tasks "
        "better than completed ones.",
        "The Oblique Strategies constitute a set of over 100 cards, each of which is a "
        "suggestion of a course of action or thinking to help in creative situations.",
        # a leading phrase, then a pronoun named in a line before (Mikhail Shilkov, KittenLabs)
        "In part 1 of the paper, they revealed some insightful statistics about the actual "
        "production usage of Azure Functions for two weeks in summer 2019.",
        "In contrast to commercially available UPSes, it uses off-the-shelf 18650 Li-Ion cells "
        "and outputs DC voltage directly.",
        # background told as such (ThatSoftwareDude.com, Matt Massicotte, Always Twisted)
        "The JavaScript Gamepad API has been around since 2012 and has solid support across "
        "most modern browsers.",
        "ExtensionKit was a pretty significant new feature, introduced three years ago with "
        "macOS Ventura.",
        "Back in October last year Una wrote a blog post about using Sass 3.3s new @at-root "
        "directive to create some sexy easy BEM nesting possibilities.",
    ],
)
def test_a_blog_line_is_refused(sentence: str) -> None:
    assert is_blog_line(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # releases, with a version or a date (new report, blind report 6)
        "A few days ago, Oracle released three new MySQL GA versions: 8.2.0, 8.0.35 and 5.7.44.",
        "Swift 6.2 gives you the ability make MainActor the default isolation.",
        "Today version 0.0.5 of PdfPig was released.",
        "Typescript recently released generic type arguments for JSX in their 2.9 release.",
        # "can" with another party in what can be done, or a day (blind report 2, world)
        "Open models can be used with OpenAI's Codex CLI through Ollama.",
        "British and Canadian citizens can enter China without a visa starting Tuesday.",
        # a talk's speaker named before "they" (blind report 5)
        "In Varya’s talk for Patterns Day 2019 they discussed a practical way of applying "
        "technologies like React with your design system.",
        # "A/An" and a verb; someone's use of a tool; a forecast with "could"
        "A new WHO study suggests that over 7 million cases of cancer in 2022 were preventable.",
        "An underground site uses facial recognition to reveal the site a camgirl streams on.",
        "Clare Bryant uses Co-Scientist to identify genetic triggers in emerging infectious "
        "diseases.",
        "As European governments try to deal with the growing PFAS pollution, cleaning it up "
        "could cost up to €1.7 trillion.",
    ],
)
def test_a_news_line_of_a_blog_shape_is_kept(sentence: str) -> None:
    assert not is_blog_line(sentence)


def test_a_makers_project_page_prints_its_headline_alone() -> None:
    """A KittenLabs post: what the board is and can do, no news line."""
    text = (
        "The 20 port USB-C charger can charge up to 20 USB-C devices from a single USB-C "
        "supply. Each charging port can deliver up to 7.5W (5W if all ports are in use) and is "
        "individually current limited."
    )
    assert _summary("20 port USB-C charger", text) == ""


def test_a_blogs_release_line_is_still_printed() -> None:
    text = (
        "A few days ago, Oracle released three new MySQL GA versions: 8.2.0, 8.0.35 and "
        "5.7.44. Back in October last year I wrote about the previous ones."
    )
    summary = _summary("MySQL 8.2.0 GA", text)
    assert "MySQL GA versions" in summary
    assert "Back in October" not in summary


def test_no_labelled_news_sentence_is_taken_for_a_blog_line() -> None:
    news = labelled_news()
    assert len(news) > 500
    assert [s for s in news if is_blog_line(s)] == []
