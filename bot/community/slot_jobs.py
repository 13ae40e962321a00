"""The scheduler's jobs for schedules (``bot/community/schedules.py``): one job per row.

Mixed into ``bot.scheduler.Scheduler``. A destination with schedule rows posts on those
instead of its single daily job. Each slot is posted exactly once through the same ledger
as the daily post (``Poster.post``, unique on destination + ``slot_key``), so two processes,
a retry and a restart's catch-up all agree on one post per schedule and local date.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.community.schedules import WEEK, Schedule, cron_days, latest_slot, slot_key
from bot.daily import CatchUp, Outcome, PostKind, catch_up_decision, daily_window_start
from bot.models import Destination, PostRecord

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.clock import Clock
    from bot.config import Settings
    from bot.posting import Poster
    from bot.store.store import Store

log = logging.getLogger("newsbot.scheduler")
FIRE_TOLERANCE = timedelta(seconds=5)


class SlotJobs:
    aps: AsyncIOScheduler | None
    store: Store
    poster: Poster
    clock: Clock
    settings: Settings
    _slots: dict[int, tuple[str, str, str]]
    # Scheduler's: a timetabled post's job, and a failed post's one retry
    _post_job: Callable[..., None]
    _retry_job: Callable[..., None]

    def clock_offset(self) -> timedelta:
        raise NotImplementedError  # Scheduler's

    def _make_trigger(self, post_time: str, tz: str, days: str) -> Any:
        raise NotImplementedError  # Scheduler's

    def sync_slots(self, dests: dict[int, Destination], plans: dict[int, list[Schedule]]) -> None:
        """One job per schedule row of the destinations posted from this process."""
        assert self.aps is not None
        wanted = {s.id: (s, dests[d]) for d, rows in plans.items() if d in dests for s in rows}
        for sid in list(self._slots):
            if sid not in wanted:
                with contextlib.suppress(Exception):
                    self.aps.remove_job(f"slot:{sid}")
                del self._slots[sid]
        for sid, (s, dest) in wanted.items():
            spec = (s.post_time, dest.tz, s.days)
            if self._slots.get(sid) == spec:
                continue
            self._post_job(
                self.slot_job,
                self._make_trigger(s.post_time, dest.tz, cron_days(s.days)),
                (sid,),
                job=f"slot:{sid}",
                name=f"{s.describe()} to {dest.platform}:{dest.channel_id}",
            )
            self._slots[sid] = spec
            log.info("%s:%s posts %s %s", dest.platform, dest.channel_id, s.describe(), dest.tz)

    async def slot_job(self, schedule_id: int, occurrence: datetime | None = None) -> Outcome:
        """The post of one schedule for its latest slot."""
        s = await self.store.get_schedule(schedule_id)
        dest = await self.store.get_destination(s.destination_id) if s else None
        if s is None or dest is None or not dest.enabled:
            return Outcome.DISABLED
        occ = occurrence or latest_slot(s, dest.tz, self.clock.now() + FIRE_TOLERANCE)
        if occ is None:
            return Outcome.SKIPPED
        if s.what == WEEK:
            start, label = occ - timedelta(days=7), "week"
        else:
            start, label = daily_window_start(dest.last_window_end, occ), "since the last post"
        key = slot_key(s, occ, dest.tz)
        attempt = await self.poster.post(dest, PostKind.DAILY, key, start, occ, label=label)
        if attempt.retry_after is not None:
            self._retry_slot(s.id, occ, attempt.retry_after)
        return attempt.outcome

    def _retry_slot(self, schedule_id: int, occurrence: datetime, delay_s: float) -> None:
        self._retry_job(
            self.slot_job,
            (schedule_id, occurrence),
            job=f"retry-slot:{schedule_id}",
            delay_s=delay_s,
        )

    async def catch_up_slots(self, dest: Destination, rows: list[Schedule]) -> Outcome | None:
        """On start, for each schedule: the same rule as the daily post's catch-up, judged
        on that schedule's own posts."""
        now = self.clock.now()
        records = await self.store.posts_for(dest.id)
        last: Outcome | None = None
        for s in rows:
            occ = latest_slot(s, dest.tz, now)
            if occ is None:
                continue
            prefix = f"{s.what}{s.id}:"
            mine = [r for r in records if r.window_key.startswith(prefix)]
            ends = [r.window_end for r in mine]
            own_end = max(ends) if ends else None
            if s.what != WEEK and dest.last_window_end and own_end:
                own_end = max(own_end, dest.last_window_end)  # another digest covered it
            key = slot_key(s, occ, dest.tz)
            post = partial(self.slot_job, s.id, occ)
            outcome = await self.catch_up_one(dest, occ, key, mine, own_end, now, post)
            if outcome is not None:
                last = outcome
        return last

    async def catch_up_one(
        self,
        dest: Destination,
        occurrence: datetime,
        key: str,
        records: Sequence[PostRecord],
        last_window_end: datetime | None,
        now: datetime,
        post: Callable[[], Awaitable[Outcome]],
        *,
        warn: bool = False,
    ) -> Outcome | None:
        """On start, one post's catch-up (``bot.daily.catch_up_decision``): make it with
        ``post``, or record it SKIPPED (with a warning when ``warn``), or None: nothing to do.
        ``now`` is read once by the caller, so a slow first post cannot push later ones
        past the grace period."""
        decision = catch_up_decision(
            occurrence=occurrence,
            key=key,
            records=records,
            last_window_end=last_window_end,
            now=now,
            grace=timedelta(minutes=self.settings.missed_post_grace_minutes),
        )
        if decision is CatchUp.POST:
            return await post()
        if decision is CatchUp.NOTHING:
            return None
        await self.poster.skip(dest, key, occurrence, "missed while the bot was down")
        if warn:
            log.warning(
                "missed the %s post to %s:%s (due %s, now %s, grace %d min); skipping it. "
                "The next post covers everything since the last one.",
                key,
                dest.platform,
                dest.channel_id,
                occurrence.isoformat(),
                now.isoformat(),
                int(self.settings.missed_post_grace_minutes),
            )
        return Outcome.SKIPPED
