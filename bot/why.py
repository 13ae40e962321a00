"""``/why <url>``: what the bot knows about one article, and why it is or is not in a digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.feeds.urls import canonical_url, outlet
from bot.health import ago
from bot.models import Article, Feed
from bot.store.store import Store
from bot.validate import validate_url


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


def _canonical(url: str) -> str:
    try:
        return str(canonical_url(url))
    except Exception:  # a malformed URL: look it up as given
        return url


class Explainer:
    """Answers ``/why`` from the stored articles and feeds."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def explain(self, url: str, scope: str | None, now: datetime) -> WhyReport:
        url = validate_url(url)
        canon = _canonical(url)
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
        day = timedelta(days=1)
        at = art.published_at
        # a feed's date can be year 1 or 9999: the day around it stops at the calendar's ends
        start = at - day if at.year > 1 else at
        end = at + day if at.year < 9999 else at
        around = await self.store.articles_between(start, end, scope=scope)
        from bot.digest.cluster import cluster  # numpy: only once /why has articles to group

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
