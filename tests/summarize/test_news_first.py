"""What the digest prints under a headline: what happened first, a plain news sentence
rather than nothing, and no wire dateline or source tag in front of it."""

from __future__ import annotations

from datetime import timedelta

from bot.models import DigestWindow
from bot.summarize.offline.clauses import stands_alone
from bot.summarize.offline.screen import NEWS, kind
from bot.summarize.offline.voice import write_offline

from .test_take import NOW, _story

WINDOW = DigestWindow(start=NOW - timedelta(days=1), end=NOW, tz="UTC", label="today")


def _summary(title: str, text: str) -> str:
    return write_offline([_story(title, text)], WINDOW).stories[0].summary


def test_an_obituary_prints_the_death_before_the_profile() -> None:
    summary = _summary(
        "Architect Norman Hale dies at 90",
        "Hale was a celebrated British architect who designed 40 glass towers in Leeds and "
        "Manchester. Architect Norman Hale dies at age 90, his family said on Tuesday.",
    )
    assert summary.startswith("Architect Norman Hale dies at age 90")
    # the profile line may follow (voice._news_first) or be left out as background (lede)
    profile = summary.find("Hale was a celebrated British architect")
    assert profile == -1 or profile > summary.find("dies at age 90")


def test_a_state_body_counts_as_a_named_actor() -> None:
    # The rules call this news (a state body acts, though no capital says so); whether it
    # is printed is the lede score's call, which weighs where it stands (lede.py).
    assert (
        kind(
            "The government is now planning to introduce new rules for furnished and "
            "short-term rentals."
        )
        == NEWS
    )


def test_a_threat_by_a_named_leader_is_news() -> None:
    summary = _summary(
        "Trump threatens Iraq over leadership change",
        "President Donald Trump threatened to end U.S. support for Iraq if Nouri al-Maliki "
        "returns to power.",
    )
    assert summary.startswith("President Donald Trump threatened to end U.S. support")


def test_hyphen_datelines_and_source_tags_are_not_printed() -> None:
    wire = _summary(
        "Germany to send engineers to Lebanon",
        "BERLIN, Feb 17 - Germany said on Tuesday it would send 40 army engineers to "
        "southern Lebanon next month.",
    )
    assert wire.startswith("Germany said on Tuesday it would send 40 army engineers")
    tagged = _summary(
        "Morocco opens a port in Tangier",
        "[35Nord] Morocco opened a new container port in Tangier on Monday, the transport "
        "ministry said.",
    )
    assert tagged.startswith("Morocco opened a new container port in Tangier")


def test_the_and_a_name_is_a_subject_for_a_clause() -> None:
    assert stands_alone("The Global Combat Air Programme aims to fly a jet by 2035")
    assert not stands_alone("The Global Combat Air Programme in 2035")


def test_a_cut_off_wire_line_whose_verb_is_irregular_is_printed_to_its_comma() -> None:
    # from a Japan Today item on a world tune day (2026-02-16)
    summary = _summary(
        "Iran meets U.N. nuclear watchdog in Geneva ahead of a second round of U.S. talks",
        "Iran's top diplomat met with the head of the U.N. nuclear watchdog agency on "
        "Monday, ahead of a second round of negotiations with the United States over Tehran's…",
    )
    assert (
        summary
        == "Iran's top diplomat met with the head of the U.N. nuclear watchdog agency on Monday."
    )


def test_a_lede_whose_trim_leaves_no_news_gives_way_to_the_next() -> None:
    # BBC News (world tune): the ", which ..." trim took the snowfall figure, and
    # "Rescuers are racing to the scene." printed alone under the headline
    summary = _summary(
        "Rescuers search for 10 missing skiers after California avalanche",
        "Rescuers are racing to the scene, which has seen about 30 inches (76cm) of snowfall"
        " in the last 24 hours. Six backcountry skiers were found alive and 10 others were"
        " missing Tuesday after an avalanche in northern California as a powerful winter"
        " storm moved through the state.",
    )
    assert "racing to the scene." not in summary
    assert summary.startswith("Six backcountry skiers were found alive")
