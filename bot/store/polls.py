"""What each poll did: validators and failure counts on the feed, the fetch log."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import ArticleIn, FetchLogEntry, UpsertCounts
from bot.store.rows import RELEASED, model_of
from bot.store.schema import feeds, fetch_log
from bot.store.upkeep import UpkeepMixin
from bot.store.upserts import FeedEntries, upsert_feeds_entries_in


@dataclass(frozen=True)
class PollOutcome:
    """What one poll of one feed did, for ``Store.record_polls``."""

    feed_id: int
    now: datetime
    ok: bool
    next_poll_at: datetime
    status: str  # fetch-log status: "ok", "not_modified" or "error"
    http_status: int | None = None
    duration_ms: float = 0.0
    articles: Sequence[ArticleIn] = ()
    full_text: frozenset[str] = frozenset()  # guids of articles that want their page's text
    etag: str | None = None
    last_modified: str | None = None
    error_kind: str | None = None
    error: str | None = None


async def _trim_log(conn: AsyncConnection, feed_ids: set[int], keep: int) -> None:
    """Keep the log short: only the newest ``keep`` rows of each of these feeds."""
    ranked = (
        select(
            fetch_log.c.id,
            func.row_number()
            .over(partition_by=fetch_log.c.feed_id, order_by=fetch_log.c.id.desc())
            .label("rank"),
        )
        .where(fetch_log.c.feed_id.in_(feed_ids))
        .subquery()
    )
    await conn.execute(
        delete(fetch_log).where(fetch_log.c.id.in_(select(ranked.c.id).where(ranked.c.rank > keep)))
    )


# What a poll sets on its feed's row, besides the next poll time and the end of its lease: a
# success keeps the validators, clears the failure count and counts the new entries, a failure
# counts and says why.
_SUCCESS: dict[str, Any] = dict(
    entry_count=feeds.c.entry_count + bindparam("b_new"),
    etag=bindparam("b_etag"),
    last_modified=bindparam("b_last_modified"),
    last_success_at=bindparam("b_now"),
    consecutive_failures=0,
    failing_since=None,
)
_FAILURE: dict[str, Any] = dict(
    last_error=bindparam("b_error"),
    last_error_kind=bindparam("b_kind"),
    last_error_at=bindparam("b_now"),
    failing_since=func.coalesce(feeds.c.failing_since, bindparam("b_now")),
    consecutive_failures=feeds.c.consecutive_failures + 1,
)


def _success_params(o: PollOutcome, c: UpsertCounts) -> dict[str, Any]:
    return dict(b_etag=o.etag, b_last_modified=o.last_modified, b_new=c.new)


def _failure_params(o: PollOutcome, _c: UpsertCounts) -> dict[str, Any]:
    return dict(b_error=o.error, b_kind=o.error_kind)


async def _update_feeds(
    conn: AsyncConnection,
    outcomes: Sequence[tuple[PollOutcome, UpsertCounts]],
    values: dict[str, Any],
    params: Callable[[PollOutcome, UpsertCounts], dict[str, Any]],
) -> None:
    """One UPDATE for all these feeds (executemany): ``values``, the next poll, no lease."""
    if not outcomes:
        return
    await conn.execute(
        update(feeds)
        .where(feeds.c.id == bindparam("b_id"))
        .values(**values, next_poll_at=bindparam("b_next"), **RELEASED),
        [
            dict(b_id=o.feed_id, b_now=o.now, b_next=o.next_poll_at, **params(o, c))
            for o, c in outcomes
        ],
    )


class PollsMixin(UpkeepMixin):
    async def record_failure(
        self,
        feed_id: int,
        now: datetime,
        *,
        kind: str,
        message: str,
        next_poll_at: datetime,
        http_status: int | None,
        duration_ms: float,
        keep_log: int = 20,
    ) -> None:
        outcome = PollOutcome(
            feed_id,
            now,
            ok=False,
            next_poll_at=next_poll_at,
            status="error",
            http_status=http_status,
            duration_ms=duration_ms,
            error_kind=kind,
            error=message,
        )
        await self.record_polls([outcome], keep_log=keep_log)

    async def record_polls(
        self, outcomes: Sequence[PollOutcome], *, keep_log: int = 20
    ) -> list[UpsertCounts]:
        """Record many feeds' poll outcomes in one transaction (a poll of a thousand feeds is a
        few dozen commits, not a thousand). Each feed's entries commit with its validators."""
        if not outcomes:
            return []
        async with self.engine.begin() as conn:
            counts = await upsert_feeds_entries_in(
                conn,
                [
                    FeedEntries(o.feed_id, o.articles if o.ok else (), o.now, o.full_text)
                    for o in outcomes
                ],
            )
            done = list(zip(outcomes, counts, strict=True))
            await _update_feeds(conn, [d for d in done if d[0].ok], _SUCCESS, _success_params)
            await _update_feeds(conn, [d for d in done if not d[0].ok], _FAILURE, _failure_params)
            await conn.execute(
                insert(fetch_log),
                [
                    dict(
                        feed_id=o.feed_id,
                        at=o.now,
                        status=o.status,
                        http_status=o.http_status,
                        duration_ms=o.duration_ms,
                        new=c.new,
                        updated=c.updated,
                        error=None if o.ok else f"{o.error_kind}: {o.error}",
                    )
                    for o, c in zip(outcomes, counts, strict=True)
                ],
            )
            await _trim_log(conn, {o.feed_id for o in outcomes}, keep_log)
        # new entries change what the planner should assume; at most hourly
        await self.refresh_statistics(max(o.now for o in outcomes))
        return counts

    async def fetch_log_for(self, feed_id: int) -> list[FetchLogEntry]:
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(fetch_log)
                    .where(fetch_log.c.feed_id == feed_id)
                    .order_by(fetch_log.c.id.desc())
                )
            ).all()
        return [model_of(FetchLogEntry, r, extra={}) for r in rows]
