"""The pollers table: which `newsbot run` processes poll this database right now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, update

from bot.store.rows import StoreBase
from bot.store.schema import feeds, pollers

# a row not renewed for this many ``alive`` spans is a process long gone: forget it
FORGET_AFTER = 20


@dataclass(frozen=True)
class PollerCount:
    """What a process needs to work out its share: live pollers (itself included) and
    enabled feeds."""

    pollers: int
    feeds: int


class PollersMixin(StoreBase):
    async def poller_seen(self, owner: str, now: datetime, *, alive: timedelta) -> PollerCount:
        """Record that ``owner`` is polling as of ``now``; count the pollers seen within
        ``alive`` (a killed process stops counting after that) and the enabled feeds."""
        async with self.engine.begin() as conn:
            renewed = await conn.execute(
                update(pollers).where(pollers.c.owner == owner).values(seen_at=now)
            )
            if not renewed.rowcount:
                await conn.execute(insert(pollers).values(owner=owner, seen_at=now))
                await conn.execute(
                    delete(pollers).where(pollers.c.seen_at < now - FORGET_AFTER * alive)
                )
            live = await conn.scalar(
                select(func.count()).select_from(pollers).where(pollers.c.seen_at > now - alive)
            )
            enabled = await conn.scalar(
                select(func.count()).select_from(feeds).where(feeds.c.enabled.is_(True))
            )
        return PollerCount(pollers=max(1, live or 0), feeds=enabled or 0)

    async def poller_gone(self, owner: str) -> None:
        """A process stopping cleanly: the others take its share at once."""
        async with self.engine.begin() as conn:
            await conn.execute(delete(pollers).where(pollers.c.owner == owner))
