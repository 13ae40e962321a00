"""Jobs: polling every N minutes and one daily post per destination, posted exactly once.

APScheduler 3.x ``AsyncIOScheduler`` on the bot's one event loop. APScheduler only decides
*when* to run; what a job does is a plain coroutine of ``Scheduler`` (``poll_job``,
``daily_job``, ``catch_up``) that reads the injected clock, so tests call them directly with a
``FixedClock`` instead of waiting. How a post is made exactly once is ``bot.posting.Poster``;
when a post is due and what a missed one becomes is ``bot.daily`` (pure functions).

- two processes racing for the same post: one claim wins, the other does nothing;
- a crash or a failure after the headline: the post is resumed, never posted twice;
- a restart: posts already DONE are never redone; a post missed while the bot was down is made
  once on start when it is still within ``missed_post_grace_minutes``, else recorded SKIPPED.

The window of a daily post runs from the destination's previous post
(``Destination.last_window_end``) to this post's scheduled time, so no article is skipped or
repeated across days (capped at ``MAX_WINDOW`` after a long outage).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.community.slot_jobs import SlotJobs
from bot.daily import (
    Outcome,
    PostKind,
    daily_window_start,
    latest_occurrence,
    window_key,
)
from bot.feeds.update import poll_tick_seconds
from bot.models import Destination, PollResult
from bot.posting import Poster
from bot.services import PollerLike

__all__ = ["ClockCronTrigger", "Outcome", "Scheduler", "latest_occurrence"]

log = logging.getLogger("newsbot.scheduler")

FIRE_TOLERANCE = timedelta(seconds=5)  # a job woken a hair early still posts "today's" post
SHUTDOWN_GRACE_S = 20.0

OnPost = Callable[[Destination, Outcome], Awaitable[None] | None]


class ClockCronTrigger(BaseTrigger):  # type: ignore[misc]
    """A CronTrigger (local time, with time zone and DST) read on the bot's clock.

    With the system clock the offset is zero and this is a plain CronTrigger; with
    ``newsbot run --now X`` the bot's clock runs ahead of (or behind) the wall clock and the
    fire times are shifted so jobs fire at the bot's local time."""

    def __init__(self, post_time: str, tz: str, offset: timedelta, days: str = "*") -> None:
        hh, mm = post_time.split(":")
        self.post_time = post_time
        self.tz = tz
        self.cron = CronTrigger(
            day_of_week=days, hour=int(hh), minute=int(mm), timezone=ZoneInfo(tz)
        )
        self.offset = offset
        self.days = days

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        # shift in UTC: wall-clock arithmetic in the local zone would be off by the DST change
        prev = previous_fire_time.astimezone(UTC) + self.offset if previous_fire_time else None
        nxt: datetime | None = self.cron.get_next_fire_time(prev, now.astimezone(UTC) + self.offset)
        return nxt.astimezone(UTC) - self.offset if nxt else None

    def __str__(self) -> str:
        every = "daily" if self.days == "*" else self.days
        return f"{every} at {self.post_time} {self.tz}"


class Scheduler(SlotJobs):
    def __init__(
        self,
        poster: Poster,
        poller: PollerLike,
        *,
        on_post: OnPost | None = None,
    ) -> None:
        self.poster = poster
        # the poster's store, settings and clock: one of each in a process
        self.store = poster.store
        self.poller = poller
        self.settings = poster.settings
        self.clock = poster.clock
        self.on_post = on_post
        self.aps: AsyncIOScheduler | None = None
        self._poll_lock = asyncio.Lock()
        self._inflight: set[asyncio.Task[Any]] = set()
        self._jobs: dict[int, tuple[str, str]] = {}  # destination id -> (time, tz) scheduled
        self._slots: dict[int, tuple[str, str, str]] = {}  # schedule id -> (time, tz, days)
        self._stopping = False

    @property
    def has_jobs(self) -> bool:
        """Whether any daily post is scheduled in this process."""
        return bool(self._jobs or self._slots)

    # life cycle ------------------------------------------------------------------
    def clock_offset(self) -> timedelta:
        offset = self.clock.now() - datetime.now(UTC)
        return offset if abs(offset) > timedelta(seconds=1) else timedelta(0)

    def _grace_s(self) -> int:
        return int(self.settings.missed_post_grace_minutes * 60) or 1

    async def start(self, *, poll: bool = True) -> None:
        """Start APScheduler: the poll job, a job per destination, and a refresh of the
        destination list every minute (setups made in chat or by another process)."""
        self.aps = AsyncIOScheduler(timezone=UTC)
        if poll:
            tick = poll_tick_seconds(self.settings)
            self.aps.add_job(
                self._tracked(self.poll_job),
                # a short, jittered tick: feeds fall due one by one, and several processes
                # on one database each take their share of them (bot.feeds.share)
                IntervalTrigger(seconds=tick, jitter=tick / 2, timezone=UTC),
                id="poll",
                name="poll feeds",
                max_instances=2,  # a tick during a long poll returns at once (poll_job)
                coalesce=True,
                misfire_grace_time=self._grace_s(),
                next_run_time=datetime.now(UTC),
            )
        self.aps.add_job(
            self._tracked(self.sync_jobs),
            IntervalTrigger(minutes=1, timezone=UTC),
            id="sync",
            name="refresh destinations",
            max_instances=1,
            coalesce=True,
        )
        self.aps.start()
        await self.sync_jobs()

    async def sync_jobs(self) -> None:
        """One job per enabled destination that has a publisher in this process."""
        if self.aps is None:
            return
        wanted = {
            dest.id: dest
            for dest in await self.store.list_destinations()
            if dest.platform in self.poster.publishers
        }
        plans = await self.store.all_schedules()  # these post on their schedules instead
        self.sync_slots(wanted, plans)
        wanted = {i: d for i, d in wanted.items() if i not in plans}
        for dest_id in list(self._jobs):
            if dest_id not in wanted:
                with contextlib.suppress(Exception):
                    self.aps.remove_job(f"daily:{dest_id}")
                del self._jobs[dest_id]
        for dest in wanted.values():
            if self._jobs.get(dest.id) != (dest.post_time, dest.tz):
                self._add_daily_job(dest)

    def _add_daily_job(self, dest: Destination) -> None:
        assert self.aps is not None
        self._post_job(
            self.daily_job,
            ClockCronTrigger(dest.post_time, dest.tz, self.clock_offset()),
            (dest.id,),
            job=f"daily:{dest.id}",
            name=f"daily post to {dest.platform}:{dest.channel_id}",
        )
        self._jobs[dest.id] = (dest.post_time, dest.tz)
        log.info(
            "daily digest for %s:%s at %s %s",
            dest.platform,
            dest.channel_id,
            dest.post_time,
            dest.tz,
        )

    def _make_trigger(self, post_time: str, tz: str, days: str) -> ClockCronTrigger:
        return ClockCronTrigger(post_time, tz, self.clock_offset(), days)

    def _tracked(self, fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        """Wrap a job so shutdown can wait for it, and so a failing job logs and carries on."""

        async def job(*args: Any) -> Any:
            if self._stopping:
                return None
            task = asyncio.current_task()
            if task is not None:
                self._inflight.add(task)
            try:
                return await fn(*args)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("job %s failed; it will run again at its next time", fn.__name__)
                return None
            finally:
                if task is not None:
                    self._inflight.discard(task)

        job.__name__ = fn.__name__
        return job

    async def shutdown(self, grace_s: float = SHUTDOWN_GRACE_S) -> None:
        """Stop taking jobs; let running ones finish for ``grace_s``, then cancel them (a
        cancelled post is marked FAILED and resumed by the next start)."""
        self._stopping = True
        if self.aps is not None and self.aps.running:
            self.aps.pause()
        pending = {t for t in self._inflight if not t.done() and t is not asyncio.current_task()}
        if pending:
            log.info("waiting for %d running job(s) to finish", len(pending))
            _, still = await asyncio.wait(pending, timeout=grace_s)
            for task in still:
                task.cancel()
            if still:
                await asyncio.wait(still, timeout=5)
        if self.aps is not None and self.aps.running:
            self.aps.shutdown(wait=False)
            await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn
        try:
            await self.poller.leave()
        except Exception as exc:  # a database gone at shutdown: the row simply ages out
            log.warning("could not leave the pollers table: %s", type(exc).__name__)

    def _schedule_retry(self, dest_id: int, occurrence: datetime, delay_s: float) -> None:
        self._retry_job(
            self.daily_job, (dest_id, occurrence), job=f"retry:{dest_id}", delay_s=delay_s
        )
        log.info("post to destination %d will be retried in %.0f s", dest_id, delay_s)

    def _post_job(
        self,
        fn: Callable[..., Awaitable[Any]],
        trigger: Any,
        args: tuple[Any, ...],
        *,
        job: str,
        name: str,
    ) -> None:
        """A post on a timetable (the daily post, a schedule's slot): one run at a time, a
        pile-up of missed runs made once, and a run late by up to the grace still made."""
        assert self.aps is not None
        self.aps.add_job(
            self._tracked(fn),
            trigger,
            args=args,
            id=job,
            name=name,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=self._grace_s(),
        )

    def _retry_job(
        self, fn: Callable[..., Awaitable[Any]], args: tuple[Any, ...], *, job: str, delay_s: float
    ) -> None:
        """A failed post tried again once after ``delay_s``, however late the loop runs it;
        none is set up while shutting down (the next start resumes the post)."""
        if self.aps is None or self._stopping:
            return
        self.aps.add_job(
            self._tracked(fn),
            DateTrigger(run_date=datetime.now(UTC) + timedelta(seconds=delay_s), timezone=UTC),
            args=args,
            id=job,
            replace_existing=True,
            misfire_grace_time=None,
        )

    # polling ----------------------------------------------------------------------
    async def poll_job(self) -> list[PollResult]:
        """Poll the due feeds, never two at once; then tell admins about long-failing sources."""
        if self._poll_lock.locked():
            log.debug("a poll is still running; skipping this tick")
            return []
        async with self._poll_lock:
            results = await self.poller.poll(due_only=True)
            if not results:
                return results  # most ticks: nothing due yet
            errors = sum(1 for r in results if r.status == "error")
            new = sum(r.new for r in results)
            log.info("polled %d feeds: %d new entries, %d errors", len(results), new, errors)
            if new:  # ready for the next search (which would otherwise index them first)
                await self.store.index_for_search()
            await self.poster.notify_failing_sources()
            return results

    # posting ----------------------------------------------------------------------
    async def catch_up(self) -> dict[int, Outcome]:
        """On start: make a post missed while the bot was down, once, if still within the grace
        period; otherwise record it SKIPPED and say so in the log. A post interrupted by a
        crash or a failure is resumed."""
        now = self.clock.now()
        outcomes: dict[int, Outcome] = {}
        plans = await self.store.all_schedules()
        for dest in await self.store.list_destinations():
            if dest.platform not in self.poster.publishers:
                continue
            if dest.id in plans:
                slot = await self.catch_up_slots(dest, plans[dest.id])
                if slot is not None:
                    outcomes[dest.id] = slot
                continue
            occ = latest_occurrence(dest.post_time, dest.tz, now)
            key = window_key(occ, dest.tz)
            records = await self.store.posts_for(dest.id)
            post = partial(self.daily_job, dest.id, occ)
            outcome = await self.catch_up_one(
                dest, occ, key, records, dest.last_window_end, now, post, warn=True
            )
            if outcome is not None:
                outcomes[dest.id] = outcome
        return outcomes

    async def daily_job(self, destination_id: int, occurrence: datetime | None = None) -> Outcome:
        """The daily post of one destination for its latest scheduled time."""
        dest = await self.store.get_destination(destination_id)
        if dest is None or not dest.enabled:
            return Outcome.DISABLED
        now = self.clock.now()
        occ = occurrence or latest_occurrence(dest.post_time, dest.tz, now + FIRE_TOLERANCE)
        start = daily_window_start(dest.last_window_end, occ)
        attempt = await self.poster.post(dest, PostKind.DAILY, window_key(occ, dest.tz), start, occ)
        if attempt.retry_after is not None:
            self._schedule_retry(dest.id, occ, attempt.retry_after)
        if self.on_post is not None:
            maybe = self.on_post(dest, attempt.outcome)
            if maybe is not None:
                await maybe
        return attempt.outcome
