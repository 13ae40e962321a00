"""Use cases both chat adapters and the CLI call. Core: no discord/slack imports, no I/O of its
own beyond the injected store, poller and digest builder.

``Services(store, poller, builder, settings, clock)``:

- ``list_sources(scope)`` / ``add_source(url, name, scope, user)`` / ``remove_source(name, scope)``
- ``digest_for(when, tz, topic, scope, now)`` -> ``Digest``
- ``setup_daily(platform, channel_id, scope, time, tz, topic, user)`` -> ``Destination``;
  ``stop_daily(platform, channel_id)``; ``daily_for(platform, channel_id)``;
  ``post_now(platform, channel_id)`` (needs ``poster``, set by the composition root)
- ``why(url, scope)`` -> ``WhyReport``

Every user mistake raises a ``NewsbotError`` whose ``str`` is one sentence and whose ``hint``
says what to do instead.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import Clock, ensure_utc
from bot.config import Settings
from bot.errors import FeedError, NewsbotError, SourceError
from bot.feeds.urls import canonical_url, outlet
from bot.models import (
    Article,
    ArticleIn,
    Destination,
    Digest,
    DigestWindow,
    Feed,
    FeedSpec,
    ParsedFeed,
    PollResult,
)
from bot.store.store import Store

if TYPE_CHECKING:
    from bot.digest.explain import WindowStories

PREVIEW_ITEMS = 5
MAX_NAME = 120
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class PollerLike(Protocol):
    """What services need from ``bot.feeds.update.Poller``."""

    async def poll(
        self,
        feeds: Sequence[Feed] | None = None,
        *,
        due_only: bool = False,
        progress: Any = None,
    ) -> list[PollResult]: ...

    async def preview(self, url: str) -> tuple[ParsedFeed, list[ArticleIn]]: ...


class BuilderLike(Protocol):
    """What services need from ``bot.digest.build.DigestBuilder``."""

    async def build(
        self,
        window: DigestWindow,
        *,
        topic: str | None = None,
        scope: str | None = None,
        max_stories: int | None = None,
    ) -> Digest: ...


PostNow = Callable[[Destination], Awaitable[str]]


@dataclass(frozen=True)
class WhyReport:
    """The answer to ``/why <url>``: what the bot knows about one article."""

    url: str
    canonical_url: str
    verdict: str  # "in_digest" | "merged" | "filtered" | "feed_failed" | "not_seen"
    message: str  # one or two plain sentences for the user
    seen: bool = False
    feeds: tuple[str, ...] = ()  # the sources that carried it
    first_seen_at: datetime | None = None
    published_at: datetime | None = None
    title: str | None = None
    story_headline: str | None = None
    story_sources: tuple[str, ...] = ()  # other outlets in the same story
    reasons: tuple[str, ...] = ()  # why it was filtered out / why its feed failed


def validate_time(value: str) -> str:
    """``"7:05"`` -> ``"07:05"``; anything else is a clear error."""
    m = _TIME_RE.match(value.strip())
    if not m:
        raise NewsbotError(
            f"{value!r} is not a time of day",
            hint="use 24-hour HH:MM, for example 08:30 or 17:00",
        )
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def validate_tz(value: str) -> str:
    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise NewsbotError(
            f"{value!r} is not a time zone I know",
            hint="use an IANA name like Europe/Berlin, America/New_York or UTC",
        ) from exc
    return name


def validate_url(url: str) -> str:
    url = url.strip().strip("<>")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceError(
            f"{url!r} is not a web address",
            hint="give the full feed URL, starting with https://",
        )
    return url


def ago(then: datetime, now: datetime) -> str:
    """A short, human 'how long ago': '5 min ago', '3 h ago', '2 days ago'."""
    secs = max(0.0, (ensure_utc(now) - ensure_utc(then)).total_seconds())
    if secs < 90:
        return "just now"
    if secs < 90 * 60:
        return f"{round(secs / 60)} min ago"
    if secs < 36 * 3600:
        return f"{round(secs / 3600)} h ago"
    return f"{round(secs / 86400)} days ago"


def source_health(feed: Feed, now: datetime) -> str:
    """One line: 'ok, last success 5 min ago' / 'failing since 3 h ago (3x): timeout ...'."""
    if not feed.enabled:
        return "disabled"
    if feed.consecutive_failures:
        since = ago(feed.failing_since, now) if feed.failing_since else "recently"
        kind = f"{feed.last_error_kind}: " if feed.last_error_kind else ""
        err = (feed.last_error or "").strip().splitlines()
        return (
            f"failing since {since} ({feed.consecutive_failures}x): {kind}{err[0] if err else ''}"
        ).rstrip(": ")
    if feed.last_success_at is None:
        return "not polled yet"
    return f"ok, last success {ago(feed.last_success_at, now)}"


def _canonical(url: str) -> str:
    try:
        return str(canonical_url(url))
    except Exception:  # a malformed URL: look it up as given
        return url


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


class Services:
    def __init__(
        self,
        store: Store,
        poller: PollerLike,
        builder: BuilderLike,
        settings: Settings,
        clock: Clock,
        *,
        poster: PostNow | None = None,
        on_change: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.store = store
        self.poller = poller
        self.builder = builder
        self.settings = settings
        self.clock = clock
        self.poster = poster
        # told when daily destinations change, so the scheduler re-reads them at once
        self.on_change = on_change

    # sources -----------------------------------------------------------------
    async def list_sources(self, scope: str | None = None) -> list[Feed]:
        """Global sources plus this server's own, each with its health fields."""
        return await self.store.list_feeds(scope)

    async def add_source(
        self,
        url: str,
        name: str | None = None,
        scope: str | None = None,
        user: str | None = None,
        *,
        tags: Sequence[str] = (),
        weight: float = 1.0,
    ) -> tuple[Feed, list[ArticleIn]]:
        """Fetch and validate the feed first; save it only when it parses. Returns the saved
        feed and its newest items (at most ``PREVIEW_ITEMS``)."""
        url = validate_url(url)
        existing = await self.store.find_feed(url, scope)
        if existing is not None:
            raise SourceError(
                f"that feed is already a source: {existing.name}",
                hint="see the list with /sources",
            )
        if name is not None:
            name = " ".join(name.split())[:MAX_NAME]
            if not name:
                name = None
        if name is not None and await self.store.find_feed(name, scope) is not None:
            raise SourceError(
                f"a source named {name!r} already exists",
                hint="pick another name, or remove the existing source first",
            )
        try:
            parsed, articles = await self.poller.preview(url)
        except FeedError as exc:
            raise SourceError(
                f"could not read a feed at {url}: {exc}",
                hint=exc.hint
                or "check the address: it must be an RSS or Atom feed, not a web page",
            ) from exc
        final_name = name or " ".join((parsed.title or "").split())[:MAX_NAME] or _host(url)
        if name is None and await self.store.find_feed(final_name, scope) is not None:
            raise SourceError(
                f"a source named {final_name!r} already exists",
                hint="give this one its own name with --name / the name option",
            )
        feed = await self.store.add_feed(
            FeedSpec(name=final_name, url=url, tags=tuple(tags), weight=weight),
            self.clock.now(),
            scope=scope,
            added_by=user,
        )
        newest = sorted(articles, key=lambda a: a.published_at, reverse=True)[:PREVIEW_ITEMS]
        return feed, newest

    async def remove_source(self, name: str, scope: str | None = None) -> Feed:
        return await self.store.remove_feed(name, scope)

    async def poll(self, *, due_only: bool = False) -> list[PollResult]:
        return await self.poller.poll(due_only=due_only)

    # digests -----------------------------------------------------------------
    def window(
        self, when: str = "today", tz: str | None = None, now: datetime | None = None
    ) -> DigestWindow:
        from bot.digest.select import window_for

        zone = validate_tz(tz) if tz else self.settings.timezone
        at = ensure_utc(now) if now is not None else self.clock.now()
        try:
            window: DigestWindow = window_for((when or "today").strip().lower(), at, zone)
        except NewsbotError:
            raise
        except ValueError as exc:
            raise NewsbotError(
                f"I don't know the day {when!r}",
                hint="use today, yesterday, week or a date like 2026-08-21",
            ) from exc
        return window

    async def digest_for(
        self,
        when: str = "today",
        tz: str | None = None,
        topic: str | None = None,
        scope: str | None = None,
        now: datetime | None = None,
    ) -> Digest:
        window = self.window(when, tz, now)
        topic = " ".join(topic.split()) if topic else None
        return await self.builder.build(window, topic=topic or None, scope=scope)

    async def stories_for(
        self,
        when: str = "today",
        tz: str | None = None,
        scope: str | None = None,
        now: datetime | None = None,
        *,
        explain: bool = False,
    ) -> WindowStories:
        """Every story of the window (not only the digest's), each with its articles."""
        from bot.digest.explain import window_stories

        window = self.window(when, tz, now)
        articles = await self.store.articles_between(window.start, window.end, scope=scope)
        return window_stories(window, articles, explain=explain)

    # daily posts ----------------------------------------------------------------
    async def setup_daily(
        self,
        platform: str,
        channel_id: str,
        scope: str | None,
        time: str,
        tz: str,
        topic: str | None = None,
        user: str | None = None,
    ) -> Destination:
        if not str(channel_id).strip():
            raise NewsbotError("no channel given", hint="pick the channel for the daily digest")
        dest = await self.store.upsert_destination(
            platform=platform,
            channel_id=str(channel_id).strip(),
            scope=scope,
            post_time=validate_time(time),
            tz=validate_tz(tz),
            topic=" ".join(topic.split()) if topic else None,
            created_by=user,
            now=self.clock.now(),
        )
        await self._changed()
        return dest

    async def _changed(self) -> None:
        if self.on_change is not None:
            await self.on_change()

    async def stop_daily(self, platform: str, channel_id: str, scope: str | None = None) -> int:
        n = await self.store.disable_destinations(
            platform=platform, scope=scope, channel_id=str(channel_id)
        )
        if not n:
            raise NewsbotError(
                "there is no daily digest set up for this channel",
                hint="set one up with /digest setup <channel> <time> <timezone>",
            )
        await self._changed()
        return n

    async def daily_for(self, platform: str, channel_id: str) -> Destination | None:
        for dest in await self.store.list_destinations(platform=platform):
            if dest.channel_id == str(channel_id):
                return dest
        return None

    async def destinations(
        self, platform: str | None = None, scope: str | None = None
    ) -> list[Destination]:
        return await self.store.list_destinations(platform=platform, scope=scope)

    async def post_now(
        self, platform: str, channel_id: str | None = None, scope: str | None = None
    ) -> str:
        """Post the digest since the last post to the configured channel right away."""
        dests = await self.store.list_destinations(platform=platform, scope=scope)
        if channel_id is not None:
            dests = [d for d in dests if d.channel_id == str(channel_id)]
        if not dests:
            raise NewsbotError(
                "there is no daily digest set up here yet",
                hint="set one up first with /digest setup <channel> <time> <timezone>",
            )
        if self.poster is None:
            raise NewsbotError(
                "posting is not running in this process",
                hint="start the bot with `newsbot run`",
            )
        return await self.poster(dests[0])

    # why ---------------------------------------------------------------------------
    async def why(self, url: str, scope: str | None = None) -> WhyReport:
        url = validate_url(url)
        canon = _canonical(url)
        now = self.clock.now()
        found: list[Article] = []
        for key in dict.fromkeys((canon, url)):
            for a in await self.store.find_articles_by_url(key):
                if all(a.id != b.id for b in found):
                    found.append(a)
        visible = {f.id: f for f in await self.store.list_feeds(scope)}
        if not found:
            return await self._why_not_seen(url, canon, visible, now)

        mine = [a for a in found if a.feed_id in visible]
        carried = tuple(dict.fromkeys(a.feed_name for a in (mine or found)))
        first = min(found, key=lambda a: a.first_seen_at)
        title = first.title
        common: dict[str, Any] = dict(
            url=url,
            canonical_url=canon,
            seen=True,
            feeds=carried,
            first_seen_at=first.first_seen_at,
            published_at=first.published_at,
            title=title,
        )
        if not mine:
            return WhyReport(
                verdict="filtered",
                message=(
                    f"I saw it ({title!r}), but only from sources this server doesn't follow: "
                    f"{', '.join(carried)}."
                ),
                reasons=("not from this server's sources",),
                **common,
            )
        enabled = [a for a in mine if visible[a.feed_id].enabled]
        if not enabled:
            return WhyReport(
                verdict="filtered",
                message=(
                    f"I saw it ({title!r}) from {', '.join(carried)}, but that source is "
                    "turned off, so it stays out of digests."
                ),
                reasons=("source disabled",),
                **common,
            )
        art = min(enabled, key=lambda a: a.published_at)
        seen_when = f"first seen {ago(first.first_seen_at, now)}"
        # Which story did it land in? Cluster the day around it, as the digest does.
        headline, others = await self._story_of(art, scope)
        in_window = now - timedelta(hours=24) <= art.published_at <= now
        when_txt = (
            ""
            if in_window
            else (
                f" It was published {ago(art.published_at, now)}, so it is outside today's "
                "window; ask for that day's digest."
            )
        )
        if others:
            return WhyReport(
                verdict="merged",
                message=(
                    f"Seen: {title!r} from {', '.join(carried)} ({seen_when}). It was merged "
                    f"into one story with {', '.join(others)}.{when_txt}"
                ),
                story_headline=headline,
                story_sources=others,
                reasons=() if in_window else ("outside today's window",),
                **common,
            )
        return WhyReport(
            verdict="in_digest" if in_window else "filtered",
            message=(
                f"Seen: {title!r} from {', '.join(carried)} ({seen_when}). No other outlet "
                f"carried it, so it stands as its own story.{when_txt}"
            ),
            story_headline=headline,
            reasons=() if in_window else ("outside today's window",),
            **common,
        )

    async def _story_of(
        self, art: Article, scope: str | None
    ) -> tuple[str | None, tuple[str, ...]]:
        try:
            from bot.digest.cluster import cluster
        except ImportError:  # pragma: no cover - the digest package always has it
            return art.title, ()
        around = await self.store.articles_between(
            art.published_at - timedelta(days=1), art.published_at + timedelta(days=1), scope=scope
        )
        for story in cluster(around):
            if any(a.id == art.id for a in story.articles):
                others = tuple(s for s in story.sources if s != art.feed_name)
                return story.lead_article.title, others
        return art.title, ()

    async def _why_not_seen(
        self, url: str, canon: str, visible: dict[int, Feed], now: datetime
    ) -> WhyReport:
        # the publisher's domain, as ranking counts outlets (bbc.co.uk, not co.uk)
        site = outlet(url)
        same_site = [f for f in visible.values() if site and outlet(f.url) == site]
        failing = [f for f in same_site if f.consecutive_failures]
        if failing:
            f = failing[0]
            since = ago(f.failing_since, now) if f.failing_since else "recently"
            reason = f"{f.last_error_kind or 'error'}: {f.last_error or 'unknown error'}"
            return WhyReport(
                url=url,
                canonical_url=canon,
                verdict="feed_failed",
                message=(
                    f"I haven't seen that article. Its source {f.name} has been failing since "
                    f"{since} ({reason}), so new items from it are not coming in."
                ),
                feeds=(f.name,),
                reasons=(reason,),
            )
        if same_site:
            names = ", ".join(f.name for f in same_site)
            return WhyReport(
                url=url,
                canonical_url=canon,
                verdict="not_seen",
                message=(
                    f"I haven't seen that article. I follow {names} from that site and it is "
                    "working; the article may not be in its feed, or it is newer than the "
                    "last poll."
                ),
                feeds=tuple(f.name for f in same_site),
            )
        return WhyReport(
            url=url,
            canonical_url=canon,
            verdict="not_seen",
            message="I haven't seen that article, and none of the sources here come from that site.",
            reasons=("no source from that site",),
        )
