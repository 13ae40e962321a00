"""Use cases both chat adapters and the CLI call. Core: no discord/slack imports, no I/O of its
own beyond the injected store, poller and digest builder.

``Services(store, poller, builder, settings, clock, poster=None)``, wired once by the
composition root (``bot.app``); adapters and the CLI never reach past it to the store:

- sources: ``list_sources``, ``add_source``, ``remove_source``, ``import_sources``
- digests: ``window``, ``digest_for(when, tz, topic, scope)`` -> ``Digest``
- daily posts: ``setup_daily``, ``stop_daily``, ``daily_for``, ``destinations``,
  ``disable_destinations`` (a channel or server is gone), ``post_now`` -> ``Outcome``,
  ``last_post_error``; ``changes`` tells the scheduler when destinations change
- ``notice_once(where, key)``: say a thing once per place
- ``why(url, scope)`` -> ``WhyReport``
- filters (``bot.community.service``): ``mute_source``, ``add_keyword_rule``, ``filters_here``...

Every user mistake raises a ``NewsbotError`` whose ``str`` is one sentence and whose ``hint``
says what to do instead.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from bot.clock import Clock, ensure_utc
from bot.community.cooldown import CooldownServices
from bot.community.opml_import import ImportServices
from bot.community.schedule_service import ScheduleServices
from bot.community.search import SearchServices
from bot.community.service import FiltersServices
from bot.config import Settings
from bot.daily import Outcome
from bot.errors import FeedError, NewsbotError, SourceError, feed_error_hint
from bot.health import ago as ago
from bot.health import source_health as source_health
from bot.models import Destination, DestinationSpec, Digest, DigestWindow, Feed, FeedSpec
from bot.store.store import Store
from bot.validate import validate_time as validate_time
from bot.validate import validate_tz as validate_tz
from bot.validate import validate_url

log = logging.getLogger("newsbot.services")

if TYPE_CHECKING:
    from bot.digest.build import DigestBuilder
    from bot.digest.explain import WindowStories
    from bot.poll_types import ArticleIn, ParsedFeed, PollResult
    from bot.why import WhyReport as WhyReport


def __getattr__(name: str) -> Any:
    # /why's answer type, for the adapters (they reach the bot through this module only);
    # bot.why loads with the first /why, not at every start
    if name == "WhyReport":
        from bot.why import WhyReport

        return WhyReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PREVIEW_ITEMS = 5
MAX_NAME = 120


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

    async def leave(self) -> None:
        """The process stops polling (other processes on the database take its share)."""


class NowPoster(Protocol):
    """What services need from ``bot.posting.Poster``: post one destination right away."""

    async def post_now(self, dest: Destination) -> Outcome: ...


class Listeners:
    """Callbacks told when the daily destinations change (the scheduler re-reads them)."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[], Awaitable[None]]] = []

    def subscribe(self, callback: Callable[[], Awaitable[None]]) -> None:
        self._callbacks.append(callback)

    async def notify(self) -> None:
        for callback in self._callbacks:
            try:
                await callback()
            except Exception:  # the scheduler re-reads destinations every minute anyway
                log.exception("could not refresh the schedule after a change")


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


@dataclass(eq=False, repr=False)
class Services(FiltersServices, SearchServices, CooldownServices, ScheduleServices, ImportServices):
    store: Store
    poller: PollerLike
    builder: DigestBuilder
    settings: Settings
    clock: Clock
    _: KW_ONLY
    poster: NowPoster | None = None  # None where nothing posts (the CLI)
    changes: Listeners = field(init=False, default_factory=Listeners)

    # polling -----------------------------------------------------------------
    async def poll(self, *, progress: Any = None) -> list[PollResult]:
        """Poll every enabled source now, due or not (``newsbot poll``, ``digest --poll``)."""
        return await self.poller.poll(progress=progress)

    async def index_for_search(self) -> None:
        """Index the entries polled so far for search now, rather than at the first search."""
        await self.store.index_for_search()

    # sources -----------------------------------------------------------------
    async def list_sources(
        self, scope: str | None = None, *, all_scopes: bool = False
    ) -> list[Feed]:
        """Global sources plus this server's own (every scope's with ``all_scopes``), each
        with its health fields."""
        return await self.store.list_feeds(scope, all_scopes=all_scopes)

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
        removed = await self._removed_or_new(url, scope)
        if name is not None:
            name = " ".join(name.split())[:MAX_NAME] or None
        if name is not None:
            await self._name_free(
                name, scope, removed, "pick another name, or remove the existing source first"
            )
        try:
            parsed, articles = await self.poller.preview(url)
        except FeedError as exc:
            raise SourceError(
                f"could not read a feed at {url}: {exc}",
                hint=exc.hint or feed_error_hint(exc.kind),
            ) from exc
        title = " ".join((parsed.title or "").split())[:MAX_NAME]
        final_name = name or (removed.name if removed else title) or _host(url)
        if name is None and removed is None:
            await self._name_free(
                final_name, scope, None, "give this one its own name with --name / the name option"
            )
        spec = FeedSpec(name=final_name, url=url, tags=tuple(tags), weight=weight)
        if removed is not None:
            feed = await self.store.revive_feed(removed.id, spec, added_by=user)
        else:
            feed = await self.store.add_feed(spec, self.clock.now(), scope=scope, added_by=user)
        newest = sorted(articles, key=lambda a: a.published_at, reverse=True)[:PREVIEW_ITEMS]
        return feed, newest

    async def _removed_or_new(self, url: str, scope: str | None) -> Feed | None:
        """None for a new feed; a global one removed earlier (``sources remove``, or gone from
        feeds.toml) is brought back by adding it again, instead of "already a source" for a
        source no command could enable; any other is a SourceError."""
        existing = await self.store.find_feed(url, scope)
        if existing is None:
            return None
        if scope is None and existing.scope is None and not existing.enabled:
            return existing
        raise SourceError(
            f"that feed is already a source: {existing.name}", hint="see the list with /sources"
        )

    async def _name_free(
        self, name: str, scope: str | None, removed: Feed | None, hint: str
    ) -> None:
        other = await self.store.find_feed(name, scope)
        if other is not None and (removed is None or other.id != removed.id):
            raise SourceError(f"a source named {name!r} already exists", hint=hint)

    async def remove_source(self, name: str, scope: str | None = None) -> Feed:
        """Remove a source. A server's own is deleted; the operator (no scope) removes a
        global one added by hand or by OPML import, but one from feeds.toml is edited there."""
        feed = await self.store.find_feed(name, scope)
        if feed is not None and not feed.enabled:  # said "Removed" again, as if it did something
            raise SourceError(
                f"{feed.name!r} is already removed", hint="/sources add its URL to bring it back"
            )
        if scope is None and feed is not None and feed.scope is None and feed.added_by is None:
            raise SourceError(
                f"{feed.name!r} comes from {self.settings.feeds_file}",
                hint="delete its [[feed]] entry there; it is re-read at every start",
            )
        return await self.store.remove_feed(name, scope)

    async def import_sources(
        self, specs: Sequence[FeedSpec], user: str = "opml", scope: str | None = None
    ) -> tuple[list[str], list[str]]:
        """Add sources (an OPML import; global, or a server's own with ``scope``) without
        fetching them. Returns the names added and one line per source skipped, with the
        reason."""
        added: list[str] = []
        skipped: list[str] = []
        for spec in specs:
            try:
                validate_url(spec.url)
                await self.store.add_feed(spec, self.clock.now(), added_by=user, scope=scope)
            except SourceError as exc:
                skipped.append(f"{spec.name}: {exc}")
            else:
                added.append(spec.name)
        return added, skipped

    # digests -----------------------------------------------------------------
    def window(
        self, when: str = "today", tz: str | None = None, now: datetime | None = None
    ) -> DigestWindow:
        from bot.community.ranges import range_window
        from bot.digest.select import window_for

        zone = validate_tz(tz) if tz else self.settings.timezone
        at = ensure_utc(now) if now is not None else self.clock.now()
        ranged = range_window(when or "", at, zone)  # since:DATE, days:N
        if ranged is not None:
            return ranged
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
        *,
        channel: str | None = None,
    ) -> Digest:
        """The digest of a window; in a server, without what its (and ``channel``'s)
        filters hide."""
        window = self.window(when, tz)
        topic = " ".join(topic.split()) if topic else None
        filters = await self.filters_here(scope, channel)
        return await self.builder.build(window, topic=topic or None, scope=scope, filters=filters)

    async def stories_for(
        self,
        when: str = "today",
        tz: str | None = None,
        scope: str | None = None,
        *,
        explain: bool = False,
    ) -> WindowStories:
        """Every story of the window (not only the digest's), each with its articles."""
        from bot.digest.explain import window_stories

        window = self.window(when, tz)
        articles = await self.store.articles_between(window.start, window.end, scope=scope)
        # the digest's own embeddings, when it has them, so both group alike
        embedder = getattr(self.builder, "embedder", None)
        vectors = await embedder.vectors(articles, self.clock.now()) if embedder else None
        return window_stories(window, articles, explain=explain, embeddings=vectors)

    # daily posts ----------------------------------------------------------------
    async def setup_daily(self, spec: DestinationSpec) -> Destination:
        """Set up (or move) the daily digest of a channel, its time, zone and topic checked
        and tidied first."""
        channel = str(spec.channel_id).strip()
        if not channel:
            raise NewsbotError("no channel given", hint="pick the channel for the daily digest")
        tidy = replace(
            spec,
            channel_id=channel,
            post_time=validate_time(spec.post_time),
            tz=validate_tz(spec.tz),
            topic=" ".join(spec.topic.split()) if spec.topic else None,
        )
        dest = await self.store.upsert_destination(tidy, self.clock.now())
        await self._changed()
        return dest

    async def _changed(self) -> None:
        await self.changes.notify()

    async def stop_daily(self, platform: str, channel_id: str, scope: str | None = None) -> int:
        n = await self.disable_destinations(platform, scope=scope, channel_id=str(channel_id))
        if not n:
            raise NewsbotError(
                "there is no daily digest set up for this channel",
                hint="set one up with /digest setup <channel> <time> <timezone>",
            )
        return n

    async def disable_destinations(
        self, platform: str, *, scope: str | None = None, channel_id: str | None = None
    ) -> int:
        """Turn off the daily digests of a channel (or a whole server) that is gone or asked
        to stop. Returns how many were on."""
        n = await self.store.disable_destinations(
            platform=platform, scope=scope, channel_id=channel_id
        )
        if n:
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
    ) -> Outcome:
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
        return await self.poster.post_now(dests[0])

    async def last_post_error(self, platform: str, scope: str | None = None) -> str | None:
        """Why the latest post to this scope's first daily channel failed, as the ledger says."""
        dests = await self.destinations(platform, scope)
        if not dests:
            return None
        records = await self.store.posts_for(dests[0].id)
        return records[-1].error if records else None

    # notices -----------------------------------------------------------------
    async def notice_once(self, where: str, key: str) -> bool:
        """True the first time this notice is due in this place (a channel), False after."""
        return await self.store.notice_once(where, key, self.clock.now())

    # why ---------------------------------------------------------------------------
    async def why(self, url: str, scope: str | None = None) -> WhyReport:
        from bot.why import Explainer  # loaded with the first /why (it keeps no state)

        return await Explainer(self.store).explain(url, scope, self.clock.now())
