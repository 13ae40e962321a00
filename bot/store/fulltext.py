"""The full-text queue: entries waiting for their article page's text.

A feed's entries are stored the moment it is parsed; the short ones that want their page
are queued in the same transaction (``enqueue_full_text_in``). Workers claim rows with a
lease, as pollers claim feeds, so several processes share the queue, and an interrupted
worker's rows are claimed again once released or expired. A row is deleted when its page
was fetched (or will never be); the feed's text stays until then, and the digest uses
whatever text is there.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.rows import RELEASED, StoreBase, lease_claim
from bot.store.schema import entries, feeds, full_text_queue

Q = full_text_queue


@dataclass(frozen=True)
class FullTextJob:
    entry_id: int
    url: str
    host: str
    attempts: int
    feed_name: str
    text: str  # the entry's text now (the feed's): a page must say more to replace it


def url_host(url: str) -> str:
    return (urlsplit(url).hostname or "")[:255]


async def enqueue_full_text_in(
    conn: AsyncConnection,
    feed_id: int,
    guids: Collection[str],
    entry_ids: Collection[int],
    now: datetime,
) -> int:
    """Queue these entries of a feed (new ones by guid, edited ones by id) for their page,
    inside the caller's transaction. An entry already queued starts over (its text changed)."""
    if not guids and not entry_ids:
        return 0
    rows = (
        await conn.execute(
            select(entries.c.id, entries.c.url).where(
                entries.c.feed_id == feed_id,
                or_(entries.c.guid.in_(set(guids)), entries.c.id.in_(set(entry_ids))),
            )
        )
    ).all()
    if not rows:
        return 0
    await conn.execute(delete(Q).where(Q.c.entry_id.in_([r.id for r in rows])))
    await conn.execute(
        insert(Q),
        [
            dict(
                entry_id=r.id,
                url=r.url,
                host=url_host(r.url),
                attempts=0,
                not_before=now,
                created_at=now,
            )
            for r in rows
        ],
    )
    return len(rows)


def _mine(owner: str, now: datetime) -> ColumnElement[bool]:
    """Rows nobody else holds: unleased, leased to ``owner``, or with a lapsed lease."""
    return or_(Q.c.lease_until.is_(None), Q.c.lease_owner == owner, Q.c.lease_until <= now)


class FullTextMixin(StoreBase):
    async def claim_full_text(
        self, now: datetime, *, owner: str, lease: timedelta, limit: int
    ) -> list[FullTextJob]:
        """Lease up to ``limit`` due rows to ``owner`` (oldest first); rows another process
        holds are skipped (SKIP LOCKED on PostgreSQL, the single writer on SQLite)."""
        claim = lease_claim(
            Q,
            Q.c.entry_id,
            (Q.c.not_before <= now,),
            (Q.c.not_before, Q.c.entry_id),
            now=now,
            owner=owner,
            lease=lease,
            limit=limit,
        ).returning(Q.c.entry_id)
        async with self.engine.begin() as conn:
            ids = [r.entry_id for r in (await conn.execute(claim)).all()]
            if not ids:
                return []
            rows = (
                await conn.execute(
                    select(Q.c.entry_id, Q.c.url, Q.c.host, Q.c.attempts, entries.c.text)
                    .add_columns(feeds.c.name.label("feed_name"))
                    .join(entries, entries.c.id == Q.c.entry_id)
                    .join(feeds, feeds.c.id == entries.c.feed_id)
                    .where(Q.c.entry_id.in_(ids))
                    .order_by(Q.c.not_before, Q.c.entry_id)
                )
            ).all()
        return [
            FullTextJob(r.entry_id, r.url, r.host, r.attempts, r.feed_name, r.text) for r in rows
        ]

    async def finish_full_text(
        self, entry_id: int, text: str | None, now: datetime, *, owner: str
    ) -> bool:
        """Done with a row: ``text`` (the page's) replaces the entry's, or None keeps the
        feed's. False when the row is no longer ``owner``'s (the entry was edited and queued
        again meanwhile): nothing is written then."""
        async with self.engine.begin() as conn:
            gone = (
                await conn.execute(
                    delete(Q)
                    .where(Q.c.entry_id == entry_id, Q.c.lease_owner == owner)
                    .returning(Q.c.entry_id)
                )
            ).first()
            if gone is None:
                return False
            if text is not None:
                await conn.execute(
                    update(entries)
                    .where(entries.c.id == entry_id)
                    .values(text=text, full_text_at=now)
                )
        return True

    async def retry_full_text(
        self,
        *,
        owner: str,
        now: datetime,
        until: datetime,
        max_attempts: int,
        entry_id: int | None = None,
        host: str | None = None,
        count_attempt: bool = True,
    ) -> int:
        """One row (``entry_id``) or every row of a ``host`` that is down: not before
        ``until``, one attempt more (unless not ``count_attempt``); rows out of attempts are
        dropped (their entries keep the feed's text). Returns how many were dropped."""
        which = Q.c.entry_id == entry_id if entry_id is not None else Q.c.host == host
        where = (_mine(owner, now), which)
        async with self.engine.begin() as conn:
            await conn.execute(
                update(Q)
                .where(*where)
                .values(
                    attempts=Q.c.attempts + int(count_attempt),
                    not_before=until,
                    **RELEASED,
                )
            )
            dropped = await conn.execute(delete(Q).where(*where, Q.c.attempts >= max_attempts))
        return int(dropped.rowcount or 0)

    async def release_full_text(self, owner: str, entry_ids: Collection[int]) -> None:
        """Give rows back unfinished (an interrupted worker): the next one takes them now."""
        if not entry_ids:
            return
        async with self.engine.begin() as conn:
            await conn.execute(
                update(Q)
                .where(Q.c.entry_id.in_(list(entry_ids)), Q.c.lease_owner == owner)
                .values(**RELEASED)
            )

    async def full_text_pending(self) -> int:
        async with self.engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(Q))).scalar_one())
