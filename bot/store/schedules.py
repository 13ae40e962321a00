"""A destination's schedules (``bot/community/schedules.py`` says what they mean) and the
role or user group its scheduled posts ping (``bot/community/pings.py``)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select

from bot.community.schedules import DIGEST, MAX_SCHEDULES, Schedule
from bot.errors import NewsbotError
from bot.store.rows import StoreBase, insert_one
from bot.store.schema import destinations, pings, schedules


def _schedule(row: Any) -> Schedule:
    return Schedule(row.id, row.destination_id, row.days, row.post_time, row.what)


class SchedulesMixin(StoreBase):
    async def add_schedule(
        self, destination_id: int, days: str, post_time: str, what: str, now: datetime
    ) -> Schedule:
        """Add a schedule; the first one also writes down the destination's daily time."""
        async with self.engine.begin() as conn:
            dest = (
                await conn.execute(select(destinations).where(destinations.c.id == destination_id))
            ).one()
            count = int(
                (
                    await conn.execute(
                        select(func.count())
                        .select_from(schedules)
                        .where(schedules.c.destination_id == destination_id)
                    )
                ).scalar_one()
            )
            wanted = [(days, post_time, what)]
            if count == 0:  # the post it made so far, now a row the admins can remove
                wanted.insert(0, ("daily", dest.post_time, DIGEST))
            if count + len(wanted) > MAX_SCHEDULES:
                raise NewsbotError(
                    f"a channel can have at most {MAX_SCHEDULES} schedules",
                    hint="remove one with /schedule remove",
                )
            added: Schedule | None = None
            clash = NewsbotError(
                "this channel already has that schedule", hint="see /schedule list"
            )
            for d, t, w in dict.fromkeys(wanted):
                async with conn.begin_nested():
                    key = await insert_one(
                        conn,
                        schedules,
                        clash,
                        destination_id=destination_id,
                        days=d,
                        post_time=t,
                        what=w,
                        created_at=now,
                    )
                added = Schedule(key, destination_id, d, t, w)
        assert added is not None
        return added

    async def remove_schedule(self, schedule_id: int) -> int:
        async with self.engine.begin() as conn:
            res = await conn.execute(delete(schedules).where(schedules.c.id == schedule_id))
        return int(res.rowcount or 0)

    async def schedules_for(self, destination_id: int) -> list[Schedule]:
        q = (
            select(schedules)
            .where(schedules.c.destination_id == destination_id)
            .order_by(schedules.c.post_time, schedules.c.id)
        )
        async with self.engine.connect() as conn:
            return [_schedule(r) for r in (await conn.execute(q)).all()]

    async def all_schedules(self) -> dict[int, list[Schedule]]:
        """Every schedule, by destination id."""
        out: defaultdict[int, list[Schedule]] = defaultdict(list)
        q = select(schedules).order_by(schedules.c.post_time, schedules.c.id)
        async with self.engine.connect() as conn:
            for r in (await conn.execute(q)).all():
                out[r.destination_id].append(_schedule(r))
        return dict(out)

    async def get_schedule(self, schedule_id: int) -> Schedule | None:
        q = select(schedules).where(schedules.c.id == schedule_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(q)).one_or_none()
        return _schedule(row) if row is not None else None

    async def set_ping(self, destination_id: int, target: str | None, now: datetime) -> None:
        """Ping ``target`` when the destination's posts land; ``None``: ping nobody."""
        async with self.engine.begin() as conn:
            await conn.execute(delete(pings).where(pings.c.destination_id == destination_id))
            if target:
                await conn.execute(
                    insert(pings).values(
                        destination_id=destination_id, target=target, created_at=now
                    )
                )

    async def ping_for(self, destination_id: int) -> str | None:
        q = select(pings.c.target).where(pings.c.destination_id == destination_id)
        async with self.engine.connect() as conn:
            value = (await conn.execute(q)).scalar_one_or_none()
        return str(value) if value else None
