"""The poll's data types: a feed as a parser saw it, entries ready to store, what a poll
did. Only polling, previews and the store's writes use them, so they live apart from
bot.models (a dataclass costs about a millisecond to create, and a command that only reads,
like `digest today`, never makes one of these); ``bot.models`` still gives them by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class ParsedEntry:
    """One entry as a parser saw it, before normalizing. Strings may hold HTML."""

    guid: str | None
    link: str | None
    title: str | None
    author: str | None = None
    published: datetime | None = None
    published_date_only: bool = False
    summary: str | None = None
    content: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    link: str | None
    entries: tuple[ParsedEntry, ...]
    parser: str  # "fastfeedparser" or "feedparser"


@dataclass(frozen=True)
class ArticleIn:
    """A normalized entry ready to store."""

    guid: str
    url: str
    canonical_url: str
    title: str
    author: str | None
    published_at: datetime  # UTC; first-seen time when the feed had none
    text: str
    content_hash: str


@dataclass(frozen=True)
class UpsertCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0


class PollStatus(StrEnum):
    NEW = "new"  # at least one new or updated entry
    UNCHANGED = "unchanged"  # 200 but nothing new
    NOT_MODIFIED = "not_modified"  # 304
    SKIPPED = "skipped"  # backing off; not due yet
    ERROR = "error"


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    feed_name: str
    url: str
    status: PollStatus
    new: int = 0
    updated: int = 0
    http_status: int | None = None
    error_kind: str | None = None
    error: str | None = None
    duration_ms: float = 0.0
    next_poll_at: datetime | None = None


@dataclass(frozen=True)
class FetchLogEntry:
    feed_id: int
    at: datetime
    status: str
    http_status: int | None = None
    duration_ms: float = 0.0
    new: int = 0
    updated: int = 0
    error: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
