"""Where digests go (destinations), the exactly-once post ledger, and say-it-once notices."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.community.schedules import is_review_key
from bot.models import Destination, DestinationSpec, PostRecord, PostState
from bot.store.rows import (
    StoreBase,
    destination_row,
    post_row,
    racing_writers,
    scope_key,
    spec_values,
)
from bot.store.schema import destinations, notices, posts


def _destination_of(platform: str, channel_id: str) -> Select[Any]:
    """A destination is one channel of one platform."""
    return select(destinations).where(
        destinations.c.platform == platform, destinations.c.channel_id == channel_id
    )


def _post_of(destination_id: int, window_key: str) -> Select[Any]:
    """A post is one window of one destination (the ledger's unique key)."""
    return select(posts).where(
        posts.c.destination_id == destination_id, posts.c.window_key == window_key
    )


class DestinationsMixin(StoreBase):
    async def upsert_destination(self, spec: DestinationSpec, now: datetime) -> Destination:
        """Set up the daily digest of ``spec``'s channel, or set it again (and turn it on)."""
        values = spec_values(DestinationSpec, spec) | {
            "scope": scope_key(spec.scope),
            "enabled": True,
        }
        where = _destination_of(spec.platform, spec.channel_id)

        async def upsert(conn: AsyncConnection) -> Destination:
            row = (await conn.execute(where)).first()
            if row is None:
                await conn.execute(insert(destinations).values(created_at=now, **values))
            else:
                await conn.execute(
                    update(destinations).where(destinations.c.id == row.id).values(**values)
                )
            return destination_row((await conn.execute(where)).one())

        # two processes starting together both register the console channel, say
        return await racing_writers(self.engine, upsert)

    async def list_destinations(
        self, *, platform: str | None = None, scope: str | None = None, enabled_only: bool = True
    ) -> list[Destination]:
        q = select(destinations).order_by(destinations.c.id)
        if platform is not None:
            q = q.where(destinations.c.platform == platform)
        if scope is not None:
            q = q.where(destinations.c.scope == scope)
        if enabled_only:
            q = q.where(destinations.c.enabled.is_(True))
        async with self.engine.connect() as conn:
            return [destination_row(r) for r in (await conn.execute(q)).all()]

    async def get_destination(self, destination_id: int) -> Destination | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(destinations).where(destinations.c.id == destination_id))
            ).first()
        return destination_row(row) if row else None

    async def disable_destinations(
        self, *, platform: str, scope: str | None = None, channel_id: str | None = None
    ) -> int:
        conds = [destinations.c.platform == platform, destinations.c.enabled.is_(True)]
        if scope is not None:
            conds.append(destinations.c.scope == scope)
        if channel_id is not None:
            conds.append(destinations.c.channel_id == channel_id)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(destinations).where(and_(*conds)).values(enabled=False)
            )
        return int(result.rowcount or 0)


class PostsMixin(StoreBase):
    """The exactly-once ledger: a (destination, window) is claimed before it is posted."""

    async def claim_post(
        self,
        destination_id: int,
        window_key: str,
        window_start: datetime,
        window_end: datetime,
        now: datetime,
        *,
        owner: str,
        stale_after_s: float = 600.0,
    ) -> PostRecord | None:
        """Record the intent to post before posting. Returns the record when this caller owns
        the post now; None when another caller did it or is doing it.

        A PENDING record older than ``stale_after_s`` (its owner died mid-post) or a FAILED one
        may be taken over; the adapter then resumes from ``message_ref`` so nothing is posted twice.
        """
        async with self.engine.begin() as conn:
            try:
                # a savepoint, so a unique-key clash leaves the transaction usable on PostgreSQL
                async with conn.begin_nested():
                    await conn.execute(
                        insert(posts).values(
                            destination_id=destination_id,
                            window_key=window_key,
                            state=PostState.PENDING.value,
                            window_start=window_start,
                            window_end=window_end,
                            attempts=1,
                            owner=owner,
                            created_at=now,
                            updated_at=now,
                        )
                    )
            except IntegrityError:
                pass
            else:
                row = (await conn.execute(_post_of(destination_id, window_key))).one()
                return post_row(row)
        stale = now - timedelta(seconds=stale_after_s)
        async with self.engine.begin() as conn:
            # compare-and-swap so two takers can't both win
            result = await conn.execute(
                update(posts)
                .where(
                    posts.c.destination_id == destination_id,
                    posts.c.window_key == window_key,
                    or_(
                        posts.c.state == PostState.FAILED.value,
                        and_(posts.c.state == PostState.PENDING.value, posts.c.updated_at <= stale),
                    ),
                )
                .values(
                    state=PostState.PENDING.value,
                    owner=owner,
                    attempts=posts.c.attempts + 1,
                    updated_at=now,
                )
            )
            if not result.rowcount:
                return None
            row = (await conn.execute(_post_of(destination_id, window_key))).one()
        return post_row(row)

    async def update_post(
        self,
        post_id: int,
        now: datetime,
        *,
        state: PostState | None = None,
        message_ref: str | None = None,
        error: str | None = None,
    ) -> None:
        values: dict[str, Any] = {"updated_at": now}
        if state is not None:
            values["state"] = state.value
        if message_ref is not None:
            values["message_ref"] = message_ref
        if error is not None:
            values["error"] = error
        async with self.engine.begin() as conn:
            await conn.execute(update(posts).where(posts.c.id == post_id).values(**values))
            if state is PostState.DONE:
                row = (await conn.execute(select(posts).where(posts.c.id == post_id))).one()
                if is_review_key(row.window_key):
                    return  # a week in review leaves "since the last post" where it was
                await conn.execute(
                    update(destinations)
                    .where(
                        destinations.c.id == row.destination_id,
                        or_(
                            destinations.c.last_window_end.is_(None),
                            destinations.c.last_window_end < row.window_end,
                        ),
                    )
                    .values(last_window_end=row.window_end)
                )

    async def posts_for(self, destination_id: int | None = None) -> list[PostRecord]:
        q = select(posts).order_by(posts.c.id)
        if destination_id is not None:
            q = q.where(posts.c.destination_id == destination_id)
        async with self.engine.connect() as conn:
            return [post_row(r) for r in (await conn.execute(q)).all()]


class NoticesMixin(StoreBase):
    """Say a thing once per destination."""

    async def notice_once(self, destination_key: str, notice_key: str, now: datetime) -> bool:
        """True the first time this (destination, notice) pair is seen, False after."""
        async with self.engine.begin() as conn:
            try:
                async with conn.begin_nested():
                    await conn.execute(
                        insert(notices).values(
                            destination_key=destination_key, notice_key=notice_key, created_at=now
                        )
                    )
            except IntegrityError:
                return False
        return True
