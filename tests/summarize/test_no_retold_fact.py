"""A story's facts never say the same thing twice (world report row, 17 Feb 2026: NPR's
"... died Tuesday at the age of 84 ..." then another outlet's "... Jesse Jackson dies at
age 84."); a second fact that adds a date or a figure still prints."""

from __future__ import annotations

from datetime import timedelta

from support.articles import END, article

from bot.models import DigestWindow, Story
from bot.summarize.offline.voice import write_offline

WINDOW = DigestWindow(start=END - timedelta(days=1), end=END, tz="UTC", label="today")
FIRST = (
    "Jesse Jackson, American civil rights activist and two-time Democratic presidential "
    "candidate, died Tuesday at the age of 84, according to NBC and Reuters."
)

# as printed: its "Tuesday" dates the news and goes (bot/summarize/offline/weekday.py)
PRINTED = FIRST.replace("died Tuesday at", "died at")


def _lead_summary(second_title: str, second: str) -> str:
    story = Story(
        key="k",
        articles=(
            article(1, "Rev. Jesse Jackson has died", FIRST, feed="NPR", hours_ago=2),
            article(2, second_title, second, feed="CS Monitor", hours_ago=1),
        ),
    )
    return write_offline([story], WINDOW).stories[0].summary


def test_a_second_outlets_line_that_retells_the_first_is_left_out() -> None:
    summary = _lead_summary(
        "Jesse Jackson dies at 84",
        "Longtime civil rights leader Rev. Jesse Jackson dies at age 84.",
    )
    assert summary == PRINTED


def test_a_second_fact_with_a_figure_of_its_own_is_printed() -> None:
    second = (
        "Longtime civil rights leader Rev. Jesse Jackson dies at age 84 in Chicago on 17 February."
    )
    summary = _lead_summary("Jesse Jackson dies at 84", second)
    assert summary.startswith(PRINTED) and "17 February" in summary
