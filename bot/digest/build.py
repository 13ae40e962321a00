"""From stored articles to a ``Digest``: select the window, cluster, rank, summarize.

The builder is the one place that decides what a digest contains; adapters only render it.
It never fails for want of words: if the summarizer raises or returns the wrong number of
stories, the offline voice writes the day instead and the footer says so.

Clustering is CPU work (thousands of articles on a busy week), so it runs in a worker
thread: a slash command's 3-second acknowledgement must never wait behind it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.community.rules import Filters, hidden_note
from bot.config import Settings
from bot.daily import LATE_GRACE
from bot.digest.followups import LOOKBACK, find_followups, with_followups
from bot.digest.period import period_words
from bot.digest.rank import rank
from bot.digest.supported import supported_day, supported_stories
from bot.digest.week import is_week, rank_week
from bot.models import (
    Article,
    Digest,
    DigestArticle,
    DigestStats,
    DigestStory,
    DigestWindow,
    FailedSource,
    Feed,
    FollowUp,
    Story,
)
from bot.render.common import local
from bot.render.escape import cut
from bot.store.store import Store
from bot.summarize.base import DigestText, Summarizer

if TYPE_CHECKING:  # the grouping (numpy) loads when a window has articles to group
    from bot.digest.embed import Embedder

log = logging.getLogger("newsbot.digest")

# Summaries are kept in memory by the stories they describe, so asking for the same
# digest again (a second /digest today a minute later) skips the summarizer entirely.
TEXT_MEMO_SIZE = 64
REASON_MAX = 80
_URL_PREFIX = re.compile(r"https?://\S+?:(?=\s)")


def _reason(feed: Feed) -> str:
    """A failing source's reason, short enough for a footer line."""
    kind = (feed.last_error_kind or "error").replace("_", " ")
    first = (feed.last_error or "").strip().splitlines()
    # the feed's own URL adds nothing next to its name
    detail = _URL_PREFIX.sub("", first[0]).strip() if first else ""
    # "(a login wall, ...)" and "[Errno -2] Name or service..." are for the log, not a footer
    detail = re.split(r" \(|:? \[Errno", detail, maxsplit=1)[0].strip()
    if not detail:
        text = kind
    elif kind.lower() in detail.lower():
        text = detail
    else:
        text = f"{kind}: {detail}"
    return cut(text, REASON_MAX)


def failed_sources(feeds: Sequence[Feed]) -> tuple[FailedSource, ...]:
    """Enabled sources whose last poll failed, oldest failure first."""
    failing = [f for f in feeds if f.enabled and f.consecutive_failures > 0]
    failing.sort(key=lambda f: (f.failing_since is None, f.failing_since, f.name))
    return tuple(FailedSource(f.name, _reason(f), f.failing_since) for f in failing)


def digest_articles(story: Story) -> tuple[DigestArticle, ...]:
    """Every outlet's link for a story, best first; one per (outlet, page)."""
    seen: set[tuple[str, str]] = set()
    out: list[DigestArticle] = []
    for a in story.articles:
        key = (a.feed_name, a.canonical_url)
        if key in seen:
            continue
        seen.add(key)
        out.append(DigestArticle.of(a))
    return tuple(out)


def title_for(window: DigestWindow, hook: str) -> str:
    """``Fri Aug 21, 2026 — <hook>``: the day the window ends on, in the reader's zone."""
    last = local(window.end - timedelta(microseconds=1), window.tz)
    first = local(window.start, window.tz)
    span = (last.date() - first.date()).days
    if window.label == "week" or span >= 6:
        day = f"Week of {first:%b} {first.day} to {last:%b} {last.day}, {last:%Y}"
    elif span > 1:  # a range (since:DATE, days:N) or a post after days of downtime
        day = f"{first:%b} {first.day} to {last:%b} {last.day}, {last:%Y}"
    else:
        day = f"{last:%a %b} {last.day}, {last:%Y}"
    hook = " ".join(hook.split())
    return f"{day} — {hook}" if hook else day


def _texts_fit(text: DigestText, stories: Sequence[Story]) -> bool:
    return len(text.stories) == len(stories)


@dataclass(eq=False, repr=False)
class DigestBuilder:
    store: Store
    summarizer: Summarizer
    settings: Settings
    clock: Clock
    embedder: Embedder | None = None  # optional grouping signal (bot/digest/embed.py)
    _memo: OrderedDict[str, DigestText] = field(init=False, default_factory=OrderedDict)

    async def select(self, window: DigestWindow, *, scope: str | None = None) -> list[Article]:
        if window.by_first_seen:
            return await self.store.articles_first_seen(
                window.start, window.end, published_since=window.start - LATE_GRACE, scope=scope
            )
        return await self.store.articles_between(window.start, window.end, scope=scope)

    async def stories(self, window: DigestWindow) -> tuple[list[Article], list[Story]]:
        """The window's articles from the global sources and its stories, ranked best first
        (no topic, no filters: what the benches and the grouping tests look at)."""
        articles, ranked, _ = await self._stories(window, None, None, None)
        return articles, ranked

    async def _stories(
        self,
        window: DigestWindow,
        topic: str | None,
        scope: str | None,
        filters: Filters | None,
        slots: int | None = None,
    ) -> tuple[list[Article], list[Story], int]:
        articles = await self.select(window, scope=scope)
        vectors = await self.embedder.vectors(articles, self.clock.now()) if self.embedder else None
        grouped: list[Story] = []
        if articles:
            from bot.digest.cluster import cluster

            grouped = await asyncio.to_thread(cluster, articles, vectors)
        # filters before ranking: a muted outlet no longer counts toward a story's score
        grouped, hidden = filters.apply(grouped) if filters else (grouped, 0)
        if is_week(window):  # a week in review: the week's biggest, not the last day again
            slots = slots or 1 + self.settings.max_stories
            return articles, rank_week(grouped, window, topic=topic, slots=slots), hidden
        return articles, rank(grouped, now=window.end, topic=topic), hidden

    async def build(
        self,
        window: DigestWindow,
        *,
        topic: str | None = None,
        scope: str | None = None,
        max_stories: int | None = None,
        filters: Filters | None = None,
    ) -> Digest:
        # the lead plus up to max_stories "also on the wire"
        limit = 1 + (self.settings.max_stories if max_stories is None else max_stories)
        articles, ranked, hidden = await self._stories(window, topic, scope, filters, limit)
        chosen = ranked[:limit]
        text = await self._write(chosen, window)
        feeds = await self.store.list_feeds(scope)
        # every writer's words go through the sentence-support check (citations come from it);
        # a quiet day has no story to check, and no reason to start the thread pool for none
        digest_stories: list[DigestStory] = []
        checked: tuple[str, ...] = ()
        if chosen:
            digest_stories, checked = await asyncio.to_thread(
                supported_stories, chosen, text, window, [digest_articles(s) for s in chosen]
            )
        marks = await self._followups(chosen, window, scope)
        digest_stories = with_followups(digest_stories, marks)
        failing = failed_sources(feeds)
        hook, bottom_line = supported_day(text.hook, text.bottom_line, chosen)
        bottom_line = period_words(bottom_line, window)
        if not chosen:
            hook = hook or "A quiet day"
            if topic:
                hook = f"Nothing on {topic!r}"
            elif hidden:
                hook = "Nothing left after this channel's filters"
            elif not articles and failing and 2 * len(failing) >= len(feeds):
                # no news because most sources failed is not a quiet day: say so
                hook = f"No news came in: {len(failing)} of {len(feeds)} sources failing"
                bottom_line = "Nothing to report until the failing sources answer again."
        stats = DigestStats(
            articles=len(articles),
            sources=len({a.feed_name for a in articles}),
            stories=len(ranked),
            backend=text.backend,
            tokens_in=text.tokens_in,
            tokens_out=text.tokens_out,
            failed_sources=failing,
            notes=(*text.notes, *checked, *filter(None, [hidden_note(hidden)])),
        )
        return Digest(
            title=title_for(window, period_words(hook, window)),
            window=window,
            lead=digest_stories[0] if digest_stories else None,
            stories=tuple(digest_stories[1:]),
            bottom_line=bottom_line,
            signoff=self.settings.persona_name,
            stats=stats,
            generated_at=self.clock.now(),
        )

    async def _followups(
        self, chosen: Sequence[Story], window: DigestWindow, scope: str | None
    ) -> list[FollowUp | None]:
        """Which chosen stories continue one from the days before (a week in review
        covers its week already)."""
        if not chosen or is_week(window):
            return [None] * len(chosen)
        start = window.start - LOOKBACK
        earlier = await self.store.articles_between(start, window.start, scope=scope)
        return await asyncio.to_thread(find_followups, chosen, earlier, window)

    async def _write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        key = _memo_key(self.summarizer.name, stories, window)
        cached = self._memo.get(key)
        if cached is not None:
            self._memo.move_to_end(key)
            # the words are reused; the tokens were paid for by the first call
            return replace(cached, tokens_in=0, tokens_out=0)
        try:
            text = await self.summarizer.write(stories, window)
            if not _texts_fit(text, stories):
                raise ValueError(f"{len(text.stories)} story texts for {len(stories)} stories")
        except Exception as exc:  # the digest goes out in the offline voice instead
            log.exception("summarizer %s failed; using the offline voice", self.summarizer.name)
            from bot.summarize.offline.voice import write_offline  # loaded when used

            offline = await asyncio.to_thread(write_offline, stories, window)
            text = replace(
                offline,
                backend=f"{self.summarizer.name} (fallback: {offline.backend})",
                notes=(
                    *offline.notes,
                    f"{self.summarizer.name} failed ({type(exc).__name__}); offline voice used",
                ),
            )
        if "fallback" in text.backend:
            # a model that was down a minute ago may be back: ask it again next time
            return text
        self._memo[key] = text
        while len(self._memo) > TEXT_MEMO_SIZE:
            self._memo.popitem(last=False)
        return text


def _memo_key(backend: str, stories: Sequence[Story], window: DigestWindow) -> str:
    h = hashlib.sha256(f"{backend}\n{window.tz}\n{window.label}".encode())
    for s in stories:
        h.update(s.content_hash.encode())
    return h.hexdigest()
