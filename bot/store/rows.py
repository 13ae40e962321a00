"""Database rows to the frozen models, and what the store's parts share."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import fields
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Table, Update, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import Article, Destination, Feed, PostRecord, PostState
from bot.store.schema import entries, feeds

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

M = TypeVar("M", bound="DataclassInstance")
T = TypeVar("T")

RACE_TRIES = 5


class StoreBase:
    """The engine every part of the store works through (see ``bot.store.store.Store``)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine


async def racing_writers(engine: AsyncEngine, work: Callable[[AsyncConnection], Awaitable[T]]) -> T:
    """Run ``work`` in a transaction that another process may race: two processes starting
    together on one database both find a row missing and both insert it (a CI run's second
    process died of the unique constraint). The loser's transaction rolls back and runs
    again, now finding the winner's row; SQLite's write lock is retried the same way."""
    for attempt in range(RACE_TRIES):
        try:
            async with engine.begin() as conn:
                return await work(conn)
        except (IntegrityError, OperationalError):
            if attempt == RACE_TRIES - 1:
                raise
            await asyncio.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def scope_key(scope: str | None) -> str:
    """Global rows have the empty scope."""
    return scope or ""


@cache
def _field_names(model: type[DataclassInstance]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(model))


def spec_values(spec_type: type[DataclassInstance], value: DataclassInstance) -> dict[str, Any]:
    """The fields of ``spec_type`` in ``value`` (a spec, or a stored record extending it),
    by name: what an insert of that spec writes."""
    return {n: getattr(value, n) for n in _field_names(spec_type)}


def model_of(model: type[M], row: Any, **special: Any) -> M:
    """``model`` from a row whose columns are named as its fields; ``special`` gives the
    fields whose column has another name or needs converting (a missing column raises)."""
    values = {n: getattr(row, n) for n in _field_names(model) if n not in special}
    return model(**values, **special)


async def insert_one(conn: AsyncConnection, table: Table, clash: Exception, **values: Any) -> int:
    """Insert one row and return its id; a unique constraint it breaks raises ``clash``
    (the user's words for "that is already there") instead."""
    try:
        result = await conn.execute(insert(table).values(**values))
    except IntegrityError as exc:
        raise clash from exc
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def feed_row(row: Any) -> Feed:
    return model_of(
        Feed,
        row,
        tags=tuple(json.loads(row.tags or "[]")),
        scope=row.scope or None,
        entries_count=row.entry_count,
    )


def text_hash(content_hash: str, full_text_at: object) -> str:
    """The hash of the text an article carries: the feed's content hash, or (once the page's
    text replaced the feed's) a hash of it, so caches keyed by it (summaries, embeddings)
    are made again for the longer text. The stored hash stays the feed's (edit detection)."""
    if full_text_at is None:
        return content_hash
    return hashlib.sha256(f"{content_hash}:page".encode()).hexdigest()


# What an article's readers (grouping, both writers, the sentence check, /why) get of its
# text: the first 250,000 characters, cut where a paragraph or sentence ends. The longest
# real entry in the fixtures is 233,000 characters (a ranked list of 100 drivers), so no
# real text is cut; one feed entry of 9 MB of short sentences (inside the poll's body cap)
# made the writer's work grow past any day's budget and no digest went out
# (docs/hostile.md). The stored text stays whole: search finds its words.
READ_CHARS = 250_000
_ENDS = ("\n", ". ", "! ", "? ")


def readable_text(text: str) -> str:
    if len(text) <= READ_CHARS:
        return text
    head = text[:READ_CHARS]
    for end in _ENDS:  # a paragraph end first; a sentence end; a space; else the bare cut
        at = head.rfind(end, READ_CHARS // 2)
        if at > 0:
            return head[: at + 1].rstrip()
    at = head.rfind(" ", READ_CHARS // 2)
    return head[:at] if at > 0 else head


def article_row(row: Any) -> Article:
    return model_of(
        Article,
        row,
        text=readable_text(row.text),
        content_hash=text_hash(row.content_hash, row.full_text_at),
        feed_tags=tuple(json.loads(row.feed_tags or "[]")),
    )


def destination_row(row: Any) -> Destination:
    return model_of(Destination, row, scope=row.scope or None)


def post_row(row: Any) -> PostRecord:
    return model_of(PostRecord, row, state=PostState(row.state))


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


RELEASED: dict[str, Any] = {"lease_owner": None, "lease_until": None}  # a lease given back


def lease_claim(
    table: Table,
    key: ColumnElement[Any],
    due: Sequence[ColumnElement[bool]],
    order: Sequence[ColumnElement[Any]],
    *,
    now: datetime,
    owner: str,
    lease: timedelta,
    limit: int,
) -> Update:
    """Lease the first ``limit`` rows that are ``due`` and free (never leased, or their lease
    ran out) to ``owner`` until ``now + lease``; add ``.returning(...)``. One statement, so two
    processes never claim the same row: on PostgreSQL the chosen rows are locked with SKIP
    LOCKED (a claimer never waits for another), on SQLite the single writer serializes the
    claims. A crashed owner's leases run out."""
    free = or_(table.c.lease_until.is_(None), table.c.lease_until <= now)
    chosen = (
        select(key)
        .where(*due, free)
        .order_by(*order)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return (
        update(table)
        .where(key.in_(chosen.scalar_subquery()))
        .values(lease_owner=owner, lease_until=now + lease)
    )
