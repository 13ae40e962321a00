"""What the text after /digest, /sources and /why means (the same words as Discord's command
groups), including the escaped forms Slack sends for channels and links."""

from __future__ import annotations

import pytest

from bot.adapters.slack.parse import (
    DIGEST_USAGE,
    SOURCES_USAGE,
    WHY_USAGE,
    ChannelRef,
    DigestWindowCmd,
    Help,
    NowCmd,
    SetupCmd,
    SourcesAdd,
    SourcesList,
    SourcesRemove,
    StopCmd,
    UsageError,
    WhyCmd,
    parse_digest,
    parse_sources,
    parse_why,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", DigestWindowCmd("today")),
        ("  ", DigestWindowCmd("today")),
        ("today", DigestWindowCmd("today")),
        ("Yesterday", DigestWindowCmd("yesterday")),
        ("week open source", DigestWindowCmd("week", "open source")),
        ("2026-08-21 chips &amp; money", DigestWindowCmd("2026-08-21", "chips & money")),
        ("now", NowCmd()),
        ("stop", StopCmd()),
        ("stop <#C0NEWS|news>", StopCmd(ChannelRef("C0NEWS", "news"))),
        (
            "setup <#C0NEWS|news> 08:00 Europe/Berlin",
            SetupCmd(ChannelRef("C0NEWS", "news"), "08:00", "Europe/Berlin"),
        ),
        ("setup <#C0NEWS> 7:30 UTC", SetupCmd(ChannelRef("C0NEWS"), "7:30", "UTC")),
        ("setup #News 17:00 UTC chips", SetupCmd(ChannelRef(name="news"), "17:00", "UTC", "chips")),
        ("help", Help(DIGEST_USAGE)),
    ],
)
def test_digest_text(text: str, expected: object) -> None:
    assert parse_digest(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("tomorrow", "'tomorrow'"),
        ("setup #news 08:00", "needs a channel, a time and a time zone"),
        ("setup news 08:00 UTC", "not a channel"),
        ("now please", "takes nothing"),
    ],
)
def test_wrong_digest_text_answers_with_the_usage(text: str, says: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_digest(text)
    assert says in str(err.value)
    assert err.value.hint


def test_an_unknown_word_gets_the_whole_usage() -> None:
    with pytest.raises(UsageError) as err:
        parse_digest("openai")
    assert err.value.hint == DIGEST_USAGE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", SourcesList()),
        ("list", SourcesList()),
        ("list 3", SourcesList(3)),
        ("add https://example.com/feed.xml", SourcesAdd("https://example.com/feed.xml")),
        ("add <https://example.com/feed.xml>", SourcesAdd("https://example.com/feed.xml")),
        (
            "add <https://example.com/rss?a=1&amp;b=2|example.com/rss> Example News",
            SourcesAdd("https://example.com/rss?a=1&b=2", "Example News"),
        ),
        ("remove The Verge AI", SourcesRemove("The Verge AI")),
        ("help", Help(SOURCES_USAGE)),
    ],
)
def test_sources_text(text: str, expected: object) -> None:
    assert parse_sources(text) == expected


@pytest.mark.parametrize("text", ["add", "remove", "list two", "delete x"])
def test_wrong_sources_text_answers_with_the_usage(text: str) -> None:
    with pytest.raises(UsageError):
        parse_sources(text)


def test_why_text() -> None:
    assert parse_why("<https://techcrunch.com/a|techcrunch.com/a>") == WhyCmd(
        "https://techcrunch.com/a"
    )
    assert parse_why("") == Help(WHY_USAGE)
    with pytest.raises(UsageError):
        parse_why("https://a.example/x https://b.example/y")
