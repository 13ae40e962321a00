from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.errors import FeedError, FeedErrorKind
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import ParsedEntry, ParsedFeed

NOW = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss><channel><title>&lol2;</title></channel></rss>"""


def test_entity_bomb_is_refused_with_a_clear_kind() -> None:
    with pytest.raises(FeedError, match="entity") as err:
        parse_feed(BOMB, url="http://x/feed")
    assert err.value.kind is FeedErrorKind.XML_BOMB


@pytest.mark.parametrize("body", [b"", b"   ", b"<html><body>Please log in</body></html>"])
def test_non_feeds_are_not_a_feed(body: bytes) -> None:
    with pytest.raises(FeedError) as err:
        parse_feed(body, url="http://x/feed")
    assert err.value.kind is FeedErrorKind.NOT_A_FEED


def _feed(*entries: ParsedEntry) -> ParsedFeed:
    return ParsedFeed(title="t", link=None, entries=entries, parser="test")


def test_missing_date_is_first_seen_time_and_guid_falls_back_to_link() -> None:
    (a,) = normalize_entries(
        _feed(ParsedEntry(guid=None, link="https://ex.com/a?utm_source=x", title="<b>Hi</b>")),
        now=NOW,
    )
    assert a.published_at == NOW
    assert a.guid == "https://ex.com/a?utm_source=x"
    assert a.canonical_url == "https://ex.com/a"
    assert a.title == "Hi"


def test_no_guid_no_link_uses_a_stable_hash_and_empty_entries_are_skipped() -> None:
    entries = (
        ParsedEntry(guid=None, link=None, title="Only a title", summary="<p>Body &amp; more</p>"),
        ParsedEntry(guid=None, link=None, title=None),
    )
    first = normalize_entries(_feed(*entries), now=NOW)
    again = normalize_entries(_feed(*entries), now=NOW)
    assert len(first) == 1
    assert first[0].guid.startswith("sha256:") and first[0].guid == again[0].guid
    assert first[0].text == "Body & more"


def test_date_only_value_keeps_the_article() -> None:
    rss = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>A</title><link>https://ex.com/a</link><pubDate>2026-08-20</pubDate></item>
    </channel></rss>"""
    (a,) = normalize_entries(parse_feed(rss, url="u"), now=NOW)
    assert a.published_at.date() == date(2026, 8, 20)
    assert a.published_at.tzinfo is not None
