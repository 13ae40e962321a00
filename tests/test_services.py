"""Services: the use cases behind the slash commands, on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from test_scheduler import NoPoller, RecordingBuilder

from bot.clock import FixedClock
from bot.config import Settings
from bot.daily import Outcome
from bot.errors import FeedError, FeedErrorKind, NewsbotError, SourceError
from bot.models import (
    ArticleIn,
    DestinationSpec,
    Feed,
    FeedSpec,
    ParsedEntry,
    ParsedFeed,
)
from bot.services import Services, source_health, validate_time, validate_tz
from bot.store.store import Store


def _art(n: int, now: datetime, host: str = "example.org") -> ArticleIn:
    return ArticleIn(
        guid=f"g{n}",
        url=f"https://{host}/story-{n}",
        canonical_url=f"https://{host}/story-{n}",
        title=f"Story number {n}",
        author=None,
        published_at=now - timedelta(hours=n),
        text=f"Body of story {n}.",
        content_hash=f"h{n}",
    )


class FakePoller(NoPoller):
    def __init__(self, now: datetime) -> None:
        self.now = now
        self.previewed: list[str] = []
        self.fail: FeedError | None = None

    async def preview(self, url: str) -> tuple[ParsedFeed, list[ArticleIn]]:
        self.previewed.append(url)
        if self.fail:
            raise self.fail
        arts = [_art(n, self.now) for n in range(1, 9)]
        entries = tuple(ParsedEntry(guid=a.guid, link=a.url, title=a.title) for a in arts)
        return ParsedFeed(title="Example  AI\nNews", link=url, entries=entries, parser="x"), arts


@pytest.fixture
def services(store: Store, clock: FixedClock) -> Services:
    return Services(store, FakePoller(clock.now()), RecordingBuilder(), Settings(), clock)


async def test_add_source_previews_before_saving_and_names_from_title(
    services: Services, store: Store
) -> None:
    feed, preview = await services.add_source("https://example.org/feed.xml", user="u1")
    assert feed.name == "Example AI News"  # the feed's own title, whitespace tidied
    assert feed.added_by == "u1"
    assert len(preview) == 5
    assert preview[0].title == "Story number 1"  # newest first
    assert [f.name for f in await store.list_feeds()] == ["Example AI News"]


async def test_add_source_rejects_a_bad_feed_and_saves_nothing(
    services: Services, store: Store
) -> None:
    assert isinstance(services.poller, FakePoller)
    services.poller.fail = FeedError(FeedErrorKind.NOT_A_FEED, "got an HTML page")
    with pytest.raises(SourceError) as err:
        await services.add_source("https://example.org/blog", name="Blog")
    assert "HTML page" in str(err.value)
    assert err.value.hint
    assert await store.list_feeds() == []


async def test_add_source_duplicates_and_bad_urls_are_clear_errors(services: Services) -> None:
    await services.add_source("https://example.org/feed.xml", name="Ex")
    with pytest.raises(SourceError, match="already a source"):
        await services.add_source("https://example.org/feed.xml")
    with pytest.raises(SourceError, match="already exists"):
        await services.add_source("https://other.org/feed.xml", name="ex")
    with pytest.raises(SourceError, match="not a web address"):
        await services.add_source("ftp://example.org/feed")
    assert isinstance(services.poller, FakePoller)
    assert services.poller.previewed == ["https://example.org/feed.xml"]  # no fetch for errors


async def test_sources_are_per_scope_and_global_ones_cannot_be_removed_from_chat(
    services: Services, store: Store, clock: FixedClock
) -> None:
    await store.sync_feeds([FeedSpec("Global", "https://g.example/feed")], clock.now())
    await services.add_source("https://a.example/feed", name="A", scope="discord:1")
    names = [f.name for f in await services.list_sources("discord:1")]
    assert names == ["A", "Global"]
    assert [f.name for f in await services.list_sources("discord:2")] == ["Global"]
    with pytest.raises(SourceError, match="global source"):
        await services.remove_source("Global", "discord:1")
    removed = await services.remove_source("a", "discord:1")
    assert removed.name == "A"
    assert [f.name for f in await services.list_sources("discord:1")] == ["Global"]


async def test_setup_daily_validates_time_and_zone(services: Services) -> None:
    dest = await services.setup_daily(
        DestinationSpec("slack", "C1", "slack:T1", "7:05", "Europe/Berlin", created_by="u")
    )
    assert (dest.post_time, dest.tz, dest.enabled) == ("07:05", "Europe/Berlin", True)
    with pytest.raises(NewsbotError, match="not a time of day") as err:
        await services.setup_daily(DestinationSpec("slack", "C1", None, "25:00", "UTC"))
    assert "HH:MM" in err.value.hint
    with pytest.raises(NewsbotError, match="time zone") as err:
        await services.setup_daily(DestinationSpec("slack", "C1", None, "08:00", "Mars/Olympus"))
    assert "IANA" in err.value.hint
    # setting up again moves the same destination instead of adding a second one
    again = await services.setup_daily(DestinationSpec("slack", "C1", "slack:T1", "18:30", "UTC"))
    assert again.id == dest.id
    assert len(await services.destinations("slack")) == 1


async def test_stop_daily(services: Services) -> None:
    await services.setup_daily(DestinationSpec("discord", "42", "discord:1", "08:00", "UTC"))
    assert await services.stop_daily("discord", "42") == 1
    assert await services.daily_for("discord", "42") is None
    with pytest.raises(NewsbotError, match="no daily digest"):
        await services.stop_daily("discord", "42")


async def test_post_now_without_setup_or_poster_says_what_to_do(services: Services) -> None:
    with pytest.raises(NewsbotError, match="no daily digest"):
        await services.post_now("discord", "1")
    await services.setup_daily(DestinationSpec("discord", "1", None, "08:00", "UTC"))
    with pytest.raises(NewsbotError, match="not running"):
        await services.post_now("discord", "1")
    posted = []

    class Poster:
        async def post_now(self, dest: Any) -> Outcome:
            posted.append(dest.channel_id)
            return Outcome.POSTED

    wired = Services(
        services.store,
        services.poller,
        services.builder,
        services.settings,
        services.clock,
        poster=Poster(),
    )
    assert await wired.post_now("discord", "1") is Outcome.POSTED
    assert posted == ["1"]


def test_validators() -> None:
    assert validate_time(" 23:59 ") == "23:59"
    assert validate_tz("America/New_York") == "America/New_York"
    for bad in ("24:00", "8", "08:60", "noon"):
        with pytest.raises(NewsbotError):
            validate_time(bad)


def test_source_health_says_why_and_since_when() -> None:
    now = datetime(2026, 8, 22, 12, tzinfo=UTC)
    ok = Feed(id=1, name="A", url="u", last_success_at=now - timedelta(minutes=5))
    assert source_health(ok, now) == "ok, last success 5 min ago"
    bad = Feed(
        id=2,
        name="B",
        url="u",
        consecutive_failures=3,
        failing_since=now - timedelta(hours=3),
        last_error="read timed out after 20 s",
        last_error_kind="timeout",
    )
    assert (
        source_health(bad, now) == "failing since 3 h ago (3x): timeout: read timed out after 20 s"
    )
    assert source_health(Feed(id=3, name="C", url="u"), now) == "not polled yet"


async def test_why_reports_a_failing_feed_for_an_unseen_article(
    services: Services, store: Store, clock: FixedClock
) -> None:
    feed = await store.add_feed(FeedSpec("Ars", "https://feeds.arstechnica.com/x"), clock.now())
    await store.record_failure(
        feed.id,
        clock.now() - timedelta(hours=2),
        kind="timeout",
        message="read timed out",
        next_poll_at=clock.now(),
        http_status=None,
        duration_ms=1.0,
    )
    report = await services.why("https://arstechnica.com/ai/2026/08/some-story/")
    assert report.verdict == "feed_failed"
    assert "Ars" in report.message and "timeout" in report.message
    nothing = await services.why("https://unknown.example/post")
    assert nothing.verdict == "not_seen"
    assert not nothing.seen


async def test_why_finds_a_seen_article_and_a_disabled_source(
    services: Services, store: Store, clock: FixedClock
) -> None:
    feed = await store.add_feed(FeedSpec("Example", "https://example.org/feed"), clock.now())
    await store.upsert_entries(feed.id, [_art(1, clock.now())], clock.now())
    report = await services.why("https://example.org/story-1")
    assert report.seen
    assert report.feeds == ("Example",)
    assert report.title == "Story number 1"
    assert report.verdict in {"in_digest", "merged"}
    await store.set_feed_enabled(feed.id, False)
    off = await services.why("https://example.org/story-1")
    assert off.verdict == "filtered"
    assert "turned off" in off.message
    # another server that doesn't follow the source
    other = await store.add_feed(
        FeedSpec("Private", "https://p.example/feed"), clock.now(), scope="slack:T9"
    )
    await store.upsert_entries(other.id, [_art(7, clock.now(), "p.example")], clock.now())
    hidden = await services.why("https://p.example/story-7", scope="slack:T1")
    assert hidden.verdict == "filtered"
    assert "doesn't follow" in hidden.message


async def test_digest_for_uses_the_window_in_the_right_zone(
    services: Services, clock: FixedClock
) -> None:
    assert isinstance(services.builder, RecordingBuilder)
    await services.digest_for("yesterday", tz="America/New_York", topic="  open   source ")
    window, topic, _ = services.builder.calls[-1]
    assert topic == "open source"
    assert window.tz == "America/New_York"
    # 2026-08-22 12:00 UTC is 08:00 in New York, so yesterday is Aug 21 local (04:00 UTC)
    assert window.start == datetime(2026, 8, 21, 4, tzinfo=UTC)
    with pytest.raises(NewsbotError) as err:
        await services.digest_for("someday")
    assert "today, yesterday, week" in err.value.hint


async def test_why_on_an_article_dated_year_one_answers(
    services: Services, store: Store, clock: FixedClock
) -> None:
    from datetime import UTC, datetime

    feed = await store.add_feed(FeedSpec("Old", "https://old.example/feed"), clock.now())
    year_one = datetime(1, 1, 1, 5, tzinfo=UTC)  # _art subtracts 3 hours
    await store.upsert_entries(feed.id, [_art(3, year_one, "old.example")], clock.now())
    report = await services.why("https://old.example/story-3")  # was an OverflowError
    assert report.seen and report.verdict == "filtered"
