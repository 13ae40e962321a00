"""Database rows to the frozen models, and what the store's parts share."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.models import Article, Destination, Feed, PostRecord, PostState
from bot.store.schema import entries, feeds


class StoreBase:
    """The engine every part of the store works through (see ``bot.store.store.Store``)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine


def scope_key(scope: str | None) -> str:
    """Global rows have the empty scope."""
    return scope or ""


def feed_row(row: Any) -> Feed:
    return Feed(
        id=row.id,
        name=row.name,
        url=row.url,
        tags=tuple(json.loads(row.tags or "[]")),
        weight=row.weight,
        full_text=row.full_text,
        enabled=row.enabled,
        scope=row.scope or None,
        added_by=row.added_by,
        etag=row.etag,
        last_modified=row.last_modified,
        last_success_at=row.last_success_at,
        last_error=row.last_error,
        last_error_kind=row.last_error_kind,
        last_error_at=row.last_error_at,
        failing_since=row.failing_since,
        consecutive_failures=row.consecutive_failures,
        next_poll_at=row.next_poll_at,
        entries_count=row.entry_count,
        created_at=row.created_at,
    )


def text_hash(content_hash: str, full_text_at: object) -> str:
    """The hash of the text an article carries: the feed's content hash, or (once the page's
    text replaced the feed's) a hash of it, so caches keyed by it (summaries, embeddings)
    are made again for the longer text. The stored hash stays the feed's (edit detection)."""
    if full_text_at is None:
        return content_hash
    return hashlib.sha256(f"{content_hash}:page".encode()).hexdigest()


def article_row(row: Any) -> Article:
    return Article(
        id=row.id,
        feed_id=row.feed_id,
        feed_name=row.feed_name,
        guid=row.guid,
        url=row.url,
        canonical_url=row.canonical_url,
        title=row.title,
        author=row.author,
        published_at=row.published_at,
        text=row.text,
        content_hash=text_hash(row.content_hash, row.full_text_at),
        first_seen_at=row.first_seen_at,
        updated_at=row.updated_at,
        feed_weight=row.feed_weight,
        feed_tags=tuple(json.loads(row.feed_tags or "[]")),
    )


def destination_row(row: Any) -> Destination:
    return Destination(
        id=row.id,
        platform=row.platform,
        channel_id=row.channel_id,
        scope=row.scope or None,
        post_time=row.post_time,
        tz=row.tz,
        enabled=row.enabled,
        topic=row.topic,
        last_window_end=row.last_window_end,
        created_by=row.created_by,
    )


def post_row(row: Any) -> PostRecord:
    return PostRecord(
        id=row.id,
        destination_id=row.destination_id,
        window_key=row.window_key,
        state=PostState(row.state),
        window_start=row.window_start,
        window_end=row.window_end,
        attempts=row.attempts,
        message_ref=row.message_ref,
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


ARTICLE_COLUMNS = (
    entries.c.id,
    entries.c.feed_id,
    feeds.c.name.label("feed_name"),
    entries.c.guid,
    entries.c.url,
    entries.c.canonical_url,
    entries.c.title,
    entries.c.author,
    entries.c.published_at,
    entries.c.text,
    entries.c.content_hash,
    entries.c.full_text_at,
    entries.c.first_seen_at,
    entries.c.updated_at,
    feeds.c.weight.label("feed_weight"),
    feeds.c.tags.label("feed_tags"),
)
