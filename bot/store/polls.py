"""What each poll did: validators and failure counts on the feed, the fetch log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.rows import model_of
from bot.store.schema import fetch_log
from bot.store.upkeep import UpkeepMixin

# Recording a poll (outcomes.py, upserts.py and its matching rule, SQLite's one-trip
# recording) loads with the first poll recorded: a command that only reads (a digest, the
# sources list) never pays for those modules at start-up.
if TYPE_CHECKING:
    from bot.models import FetchLogEntry, UpsertCounts
    from bot.store.outcomes import PollOutcome

__all__ = ["PollsMixin"]


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


async def _record_in(
    conn: AsyncConnection, outcomes: Sequence[PollOutcome], keep_log: int
) -> list[UpsertCounts]:
    """Record these outcomes inside the caller's transaction, statement by statement."""
    from bot.store.outcomes import FAILURE, SUCCESS, feed_params, feed_update, log_rows
    from bot.store.upserts import FeedEntries, upsert_feeds_entries_in

    counts = await upsert_feeds_entries_in(
        conn,
        [FeedEntries(o.feed_id, o.articles if o.ok else (), o.now, o.full_text) for o in outcomes],
    )
    done = list(zip(outcomes, counts, strict=True))
    for ok, values in ((True, SUCCESS), (False, FAILURE)):
        mine = [feed_params(o, c) for o, c in done if o.ok is ok]
        if mine:  # one UPDATE for all these feeds (executemany)
            await conn.execute(feed_update(values), mine)
    await conn.execute(insert(fetch_log), log_rows(done))
    await _trim_log(conn, {o.feed_id for o in outcomes}, keep_log)
    return counts


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
        from bot.store.outcomes import PollOutcome

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
        from bot.store.sqlite_polls import record_polls_sqlite

        async with self.engine.begin() as conn:
            counts = None
            if conn.dialect.name == "sqlite":
                counts = await record_polls_sqlite(conn, outcomes, keep_log)
            if counts is None:
                counts = await _record_in(conn, outcomes, keep_log)
        # new entries change what the planner should assume; at most hourly
        await self.refresh_statistics(max(o.now for o in outcomes))
        return counts

    async def fetch_log_for(self, feed_id: int) -> list[FetchLogEntry]:
        from bot.models import FetchLogEntry

        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(fetch_log)
                    .where(fetch_log.c.feed_id == feed_id)
                    .order_by(fetch_log.c.id.desc())
                )
            ).all()
        return [model_of(FetchLogEntry, r, extra={}) for r in rows]
