"""A reference page's or a blog's line is not printed as a fact; news of the same shape is.

Every refused sentence below is one the offline writer printed as a fact on the 'blind
report 3' row of bench/style.py before the twenty-fourth session (labelled hook or
boilerplate in tests/data/writer/printed.jsonl, here as the feed wrote it), or, where
marked, a line of the tuned rows' articles of the same shape; the kept ones are labelled
news lines of the data, except three written to pin a boundary (marked). The short-summary
cases (what was already so, a meeting under way) are world report lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.summarize.offline.blurbs import is_blurb
from bot.summarize.offline.clauses import AFTER_LEAD, EVENT_LEAD
from bot.summarize.offline.reference import is_reference_line

from .test_news_first import _summary

DATA = Path(__file__).resolve().parents[1] / "data" / "writer"


@pytest.mark.parametrize(
    ("year", "sentence"),
    [
        # what a thing is: a subject, "is a/an/the/X's" and a description, nothing new
        (
            2022,
            "The Commodore 1660, also known as the “Modem/300”, is Commodore’s first "
            "full-featured modem: It connects directly to the phone line and supports pulse "
            "and tone dialing for 300 baud duplex connections.",
        ),
        (
            2019,
            "The “Video Supergame 64” is a Commodore 64 bundled with a joystick and three "
            "games on a cartridge, sold mainly in Germany in 1988/1989.",
        ),
        (
            2023,
            "The Siemens PC 100 was a version of the 6502-based “AIM-65” SBC in a case and "
            "with slightly modified ROMs.",
        ),
        # (a tuned world row's article line, labelled a hook)
        (
            2026,
            "The Super Bowl is America’s biggest and most-watched sporting event, drawing in "
            "more than 100 million viewers in recent years.",
        ),
        # the post presenting itself, a general remark, a columnist quoted
        (
            2019,
            "Here are some of Falk Rehwagen’s thoughts on his involvement with GEOS and TopDesk .",
        ),
        (
            2019,
            "Many old Commodore 64/1541 disks have read errors, but this doesn’t mean the data "
            "isn’t recoverable – with the right nibtools settings and some cleaning.",
        ),
        (
            2021,
            "The most important teams in a B2B software company are engineering and sales.",
        ),
        (
            2026,
            "Economist Thomas Piketty, writing for Le Monde ( archive ) on the success of "
            "Europe’s social democratic model and countering “the narrative of a ‘declining’ "
            "continent”: If someone had told the European elites and liberal economists of "
            "1914 that ...",
        ),
        # a contact line, a scene's unnamed people, first person in German
        (2022, "Reach out to mist64@mac.com / @pagetable ."),
        (
            2026,
            "Training on a crumbling track left behind from the 1984 Sarajevo Winter Olympics, "
            "the boys are guided by their devoted coach Senad, whose fight to rebuild the "
            "neglected track mirrors his determination to create a future for his athletes.",
        ),
        (2021, "In Folge 017 des C64-Podcasts Brotkastenfreunde bin ich diesmal Gast."),
        (
            2020,
            "Am Sonntag, den 11. Oktober 2020 um 17:00 gibt es auf dem (virtuellen) Vintage "
            "Computing Festival Berlin meinen Vortrag Diskettenlaufwerke am Beispiel der "
            "Commodore 1541.",
        ),
        # boilerplate: a heading glued to its text, text the feed left out
        (
            2023,
            "The PC 100 Assembly Manual The Siemens PC 100 is basically a Rockwell AIM-65 "
            "single-board computer in a case, featuring a 6502 processor.",
        ),
        (
            2026,
            "A New Winter is a project from Colombian-American photographer Sofia Jaramillo "
            "that seeks to This project revisits the early depictions of skiing.",
        ),
    ],
)
def test_a_reference_or_blog_line_is_refused(year: int, sentence: str) -> None:
    assert is_reference_line(sentence, year)


@pytest.mark.parametrize(
    ("year", "sentence"),
    [
        # a product introduced with its release: news (blind report 2, labelled news)
        (
            2026,
            "Muse Glimmer is a 30B multimodal model released under the Apache 2.0 license, "
            "designed for local coding agents, and accelerated by Ollama's MLX engine with new "
            "native DFlash and image input support.",
        ),
        (
            2024,
            "Bespoke-Minicheck is a new grounded factuality checking model developed by Bespoke "
            "Labs that is now available in Ollama.",
        ),
        (
            2025,
            "Credentio is a newly released, open-source C++ library from Google that allows "
            "developers to integrate high-performance, local-first validation of C2PA Content "
            "Credentials into their client and server applications.",
        ),
        # someone's past credit, not a thing described (labelled news)
        (
            2025,
            "Director Julian Jones was a producer on NatGeo's Emmy-winning 2021 documentary "
            "miniseries 9/11: One Day in America .",
        ),
        # written: a description dated this year, and "to The Hague" (a name follows)
        (2026, "The 2026 summit is the largest gathering of AI ministers so far."),
        (2026, "Dutch prosecutors sent the case to The Hague on Monday."),
    ],
)
def test_the_news_line_of_a_reference_shape_is_kept(year: int, sentence: str) -> None:
    assert not is_reference_line(sentence, year)


def test_the_digest_prints_the_headline_alone_under_a_description() -> None:
    line = (
        "The Commodore 1650, also known as the “AUTOMODEM”, is Commodore’s first full modem "
        "directly connected to the phone line."
    )
    assert _summary("The Commodore AUTOMODEM (Model 1650)", line) == ""


def test_a_posts_title_as_its_line_is_refused_with_a_name_in_brackets() -> None:
    """ "How X did Y" with no verb after: the post's title, though the name carries its
    other name in brackets (a blind report 3 line, labelled boilerplate)."""
    line = (
        "How Edo (Tokyo) transformed from a city on the brink of ecological collapse 400 years "
        "ago to “one of the most sustainable and efficient cities in history” ."
    )
    assert is_blurb(line, "How Edo (Tokyo) transformed from a city on the brink of...")
    # written: its verb follows, so it is a sentence
    assert not is_blurb("How Edo (Tokyo) grew is still debated.", "Edo's growth")


def test_a_short_summary_of_what_was_already_so_is_not_printed() -> None:
    """The headline's news (Saudi Arabia joining) is not in the line: it needs it."""
    line = (
        "The U.K., Italy and Japan have already partnered on the Global Combat Air Programme, "
        "which aims to put a new stealth fighter with supersonic capability in the skies by "
        "2035."
    )
    headline = "Italy Supports Saudi Arabia Joining Fighter-Jet Program, PM Meloni Says"
    assert _summary(headline, line) == ""


def test_talks_under_way_are_printed() -> None:
    """A meeting is an act, though no news verb or date pins it; the next line leans on
    the headline ("The talks come ...") and stays out."""
    summary = _summary(
        "Ukraine updates: Peace talks in Geneva 'very tense'",
        "Ukrainian and Russian officials are meeting in Geneva for another round of talks "
        "aimed at ending the war in Ukraine. The talks come just days before the 4-year "
        "anniversary of Russia's invasion of its neighbor.",
    )
    assert summary.startswith("Ukrainian and Russian officials are meeting in Geneva")
    assert "The talks come" not in summary


def labelled_news() -> list[str]:
    """Every sentence labelled news in the writer's labelled sets."""
    return [
        row["text"]
        for name in ("printed", "sentences", "positions")
        for row in map(
            json.loads, (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        )
        if row["label"] == "news"
    ]


def test_no_labelled_news_sentence_is_taken_for_a_reference_line() -> None:
    """The labelled sets' news lines, judged as if dated long after any year they name. Not
    the second half of a cut that opens on the writer's own words ("That is the closest
    it's ever been ..."): the writer judges source sentences, never its own pieces."""
    news = [s for s in labelled_news() if not s.startswith((f"{EVENT_LEAD} ", f"{AFTER_LEAD} "))]
    assert len(news) > 500
    assert [s for s in news if is_reference_line(s, 2100)] == []
