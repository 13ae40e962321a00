"""Frozen data types shared by every part of the bot. No I/O, no platform imports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

# The poll's types live in bot.poll_types and load with the first module that asks for one
# (a command that only reads never does); importing them from here still works.
_POLL_TYPES = frozenset(
    {
        "ArticleIn",
        "FetchLogEntry",
        "ParsedEntry",
        "ParsedFeed",
        "PollResult",
        "PollStatus",
        "UpsertCounts",
    }
)
if TYPE_CHECKING:
    from bot.poll_types import ArticleIn as ArticleIn
    from bot.poll_types import FetchLogEntry as FetchLogEntry
    from bot.poll_types import ParsedEntry as ParsedEntry
    from bot.poll_types import ParsedFeed as ParsedFeed
    from bot.poll_types import PollResult as PollResult
    from bot.poll_types import PollStatus as PollStatus
    from bot.poll_types import UpsertCounts as UpsertCounts


def __getattr__(name: str) -> Any:
    if name in _POLL_TYPES:
        from bot import poll_types

        return getattr(poll_types, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class FeedSpec:
    """A source as configured (config/feeds.toml, OPML, or /sources add)."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    weight: float = 1.0
    # None: decide by entry length (fetch the page when an entry has < full_text_min_words words)
    full_text: bool | None = None


@dataclass(frozen=True, kw_only=True)
class Feed(FeedSpec):
    """A source as stored: its spec, with its id, HTTP validators and health."""

    id: int
    enabled: bool = True
    scope: str | None = None  # None: global; else "discord:<guild>" or "slack:<team>"
    added_by: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None
    last_error_kind: str | None = None
    last_error_at: datetime | None = None
    failing_since: datetime | None = None
    consecutive_failures: int = 0
    next_poll_at: datetime | None = None
    entries_count: int = 0
    created_at: datetime | None = None

    @property
    def healthy(self) -> bool:
        return self.consecutive_failures == 0


@dataclass(frozen=True)
class Article:
    """A stored entry, with the feed it came from."""

    id: int
    feed_id: int
    feed_name: str
    guid: str
    url: str
    canonical_url: str
    title: str
    author: str | None
    published_at: datetime
    text: str
    content_hash: str
    first_seen_at: datetime
    updated_at: datetime
    feed_weight: float = 1.0
    feed_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    """The same event told by one or more outlets."""

    key: str  # stable id: hash of the sorted article ids' canonical URLs
    articles: tuple[Article, ...]
    score: float = 0.0

    @property
    def lead_article(self) -> Article:
        return self.articles[0]

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for a in self.articles:
            seen.setdefault(a.feed_name, None)
        return tuple(seen)

    @property
    def content_hash(self) -> str:
        import hashlib

        h = hashlib.sha256()
        for a in sorted(self.articles, key=lambda a: a.canonical_url):
            h.update(a.canonical_url.encode())
            h.update(a.content_hash.encode())
        return h.hexdigest()


@dataclass(frozen=True)
class DigestWindow:
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    tz: str  # IANA name the window was computed in
    label: str  # "today", "yesterday", "week", "2026-08-21", "since last post"
    # Daily posts: articles the bot first saw in the window (published at most LATE_GRACE
    # before it began), so one that arrives late is in the next post, not in none.
    by_first_seen: bool = False


@dataclass(frozen=True)
class DigestArticle:
    """One outlet's link for a story, as a digest or a story listing shows it."""

    title: str
    url: str
    source: str
    published: datetime

    @classmethod
    def of(cls, article: Article) -> DigestArticle:
        return cls(article.title, article.url, article.feed_name, article.published_at)


@dataclass(frozen=True)
class Citation:
    """A fact sentence of a summary and the pages whose sentences support it, best first."""

    sentence: str
    urls: tuple[str, ...]


@dataclass(frozen=True)
class FollowUp:
    """A story that continues one from earlier days (bot/digest/followups.py)."""

    day: int  # "Day 3": the third local day since it was first told
    since: datetime  # the earliest earlier article
    earlier_title: str  # the last earlier article, linked back to
    earlier_url: str
    earlier_at: datetime
    digest_url: str | None = None  # the channel's earlier post that covered it, if any


@dataclass(frozen=True)
class DigestStory:
    headline: str
    summary: str
    take: str | None
    articles: tuple[DigestArticle, ...]
    kind: str = "general"  # story type chosen for the voice: funding, release, policy, ...
    # every fact sentence of ``summary`` with its sources (the support check's alignment)
    citations: tuple[Citation, ...] = ()
    followup: FollowUp | None = None


@dataclass(frozen=True)
class FailedSource:
    name: str
    reason: str
    since: datetime | None = None


@dataclass(frozen=True)
class DigestStats:
    articles: int
    sources: int
    stories: int
    backend: str
    tokens_in: int = 0
    tokens_out: int = 0
    failed_sources: tuple[FailedSource, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "2 LLM sentences dropped: not in any source"


@dataclass(frozen=True)
class Digest:
    title: str
    window: DigestWindow
    lead: DigestStory | None  # None on a day with no news
    stories: tuple[DigestStory, ...]
    bottom_line: str
    signoff: str
    stats: DigestStats
    generated_at: datetime | None = None
    ping: str | None = None  # the role / user group a scheduled post pings (bot/community/pings.py)

    @property
    def all_stories(self) -> tuple[DigestStory, ...]:
        return ((self.lead,) if self.lead else ()) + self.stories


@dataclass(frozen=True)
class DestinationSpec:
    """Where a daily digest goes and when, as set up (/digest setup, the console channel)."""

    platform: str  # "discord" | "slack" | "console"
    channel_id: str
    scope: str | None  # guild / workspace
    post_time: str  # "HH:MM" local
    tz: str
    topic: str | None = None
    created_by: str | None = None


@dataclass(frozen=True, kw_only=True)
class Destination(DestinationSpec):
    """A destination as stored: its spec, with its id, whether it is on, and where the
    window of its last daily post ended."""

    id: int
    enabled: bool = True
    last_window_end: datetime | None = None


class PostState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class PostRecord:
    id: int
    destination_id: int
    window_key: str
    state: PostState
    window_start: datetime
    window_end: datetime
    attempts: int = 0
    message_ref: str | None = None
    error: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class CachedSummary:
    key: str
    payload: str  # JSON
    tokens_in: int = 0
    tokens_out: int = 0
