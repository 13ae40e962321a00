"""Jobs: polling every N minutes and one daily post per destination, posted exactly once.

APScheduler 3.x ``AsyncIOScheduler`` on the bot's one event loop. APScheduler only decides
*when* to run; what a job does is a plain coroutine of ``Scheduler`` (``poll_job``,
``daily_job``, ``catch_up``) that reads the injected clock, so tests call them directly with a
``FixedClock`` instead of waiting.

Exactly once
------------
Each daily post has a key ``daily:<local date>`` per destination. Before anything is sent the
post is claimed in the store (``Store.claim_post``, unique on destination + key); the
publisher saves its progress (headline sent, thread opened, last part) through ``save``; the
record is marked DONE after. So:

- two processes racing for the same post: one claim wins, the other does nothing;
- a crash or a failure after the headline: the record stays PENDING (taken over once stale)
  or is marked FAILED (taken over at once); the next owner passes the saved progress as
  ``resume`` and the publisher carries on instead of posting a second headline;
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
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.clock import Clock, ensure_utc
from bot.config import Settings
from bot.errors import PostError
from bot.models import Destination, DigestWindow, PollResult, PostRecord, PostState
from bot.publish import Publisher
from bot.services import Services, ago
from bot.store.store import Store

log = logging.getLogger("newsbot.scheduler")

MAX_WINDOW = timedelta(days=7)
STALE_AFTER_S = 600.0  # a PENDING post untouched this long belongs to a dead process
FIRE_TOLERANCE = timedelta(seconds=5)  # a job woken a hair early still posts "today's" post
FAILING_NOTICE_AFTER = timedelta(days=1)
SHUTDOWN_GRACE_S = 20.0


class Outcome(StrEnum):
    POSTED = "posted"
    ALREADY = "already"  # done, or being done, by someone else
    FAILED = "failed"
    SKIPPED = "skipped"
    NO_PUBLISHER = "no_publisher"
    DISABLED = "disabled"


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def latest_occurrence(post_time: str, tz: str, now: datetime) -> datetime:
    """The most recent local ``post_time`` at or before ``now``, in UTC."""
    zone = ZoneInfo(tz)
    hh, mm = (int(p) for p in post_time.split(":"))
    local_day = ensure_utc(now).astimezone(zone).date()
    for back in range(3):
        day = local_day - timedelta(days=back)
        occ = _at(day, hh, mm, zone)
        if occ <= ensure_utc(now):
            return occ
    raise AssertionError("unreachable")  # pragma: no cover


def _at(day: date, hh: int, mm: int, zone: ZoneInfo) -> datetime:
    local = datetime.combine(day, time(hh, mm), tzinfo=zone)
    # a time inside a DST gap does not exist: round-trip through UTC moves it forward
    return local.astimezone(UTC)


def window_key(occurrence: datetime, tz: str) -> str:
    return f"daily:{occurrence.astimezone(ZoneInfo(tz)).date().isoformat()}"


def backoff_seconds(attempt: int) -> float:
    """1, 2, 4, 8 ... minutes, at most 30."""
    return float(min(30 * 60, 60 * 2 ** max(0, attempt - 1)))


class ClockCronTrigger(BaseTrigger):  # type: ignore[misc]
    """A CronTrigger (local time, with time zone and DST) read on the bot's clock.

    With the system clock the offset is zero and this is a plain CronTrigger; with
    ``newsbot run --now X`` the bot's clock runs ahead of (or behind) the wall clock and the
    fire times are shifted so jobs fire at the bot's local time."""

    def __init__(self, post_time: str, tz: str, offset: timedelta) -> None:
        hh, mm = post_time.split(":")
        self.post_time = post_time
        self.tz = tz
        self.cron = CronTrigger(hour=int(hh), minute=int(mm), timezone=ZoneInfo(tz))
        self.offset = offset

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        # shift in UTC: wall-clock arithmetic in the local zone would be off by the DST change
        prev = previous_fire_time.astimezone(UTC) + self.offset if previous_fire_time else None
        nxt: datetime | None = self.cron.get_next_fire_time(prev, now.astimezone(UTC) + self.offset)
        return nxt.astimezone(UTC) - self.offset if nxt else None

    def __str__(self) -> str:
        return f"daily at {self.post_time} {self.tz}"


class Scheduler:
    def __init__(
        self,
        store: Store,
        services: Services,
        publishers: Mapping[str, Publisher],
        settings: Settings,
        clock: Clock,
        *,
        owner: str | None = None,
        on_post: Callable[[Destination, Outcome], Awaitable[None] | None] | None = None,
    ) -> None:
        self.store = store
        self.services = services
        self.publishers = dict(publishers)
        self.settings = settings
        self.clock = clock
        self.owner = owner or default_owner()
        self.on_post = on_post
        self.aps: AsyncIOScheduler | None = None
        self._poll_lock = asyncio.Lock()
        self._inflight: set[asyncio.Task[Any]] = set()
        self._jobs: dict[int, tuple[str, str]] = {}  # destination id -> (time, tz) scheduled
        self._stopping = False

    # life cycle ------------------------------------------------------------------
    def clock_offset(self) -> timedelta:
        offset = self.clock.now() - datetime.now(UTC)
        return offset if abs(offset) > timedelta(seconds=1) else timedelta(0)

    async def start(self, *, poll: bool = True) -> None:
        """Start APScheduler: the poll job, a job per destination, and a refresh of the
        destination list every minute (setups made in chat or by another process)."""
        self.aps = AsyncIOScheduler(timezone=UTC)
        grace = int(self.settings.missed_post_grace_minutes * 60) or 1
        if poll:
            self.aps.add_job(
                self._tracked(self.poll_job),
                IntervalTrigger(minutes=self.settings.poll_interval_minutes, timezone=UTC),
                id="poll",
                name="poll feeds",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=grace,
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
        offset = self.clock_offset()
        grace = int(self.settings.missed_post_grace_minutes * 60) or 1
        wanted: dict[int, Destination] = {}
        for dest in await self.store.list_destinations():
            if dest.platform in self.publishers:
                wanted[dest.id] = dest
        for dest_id in list(self._jobs):
            if dest_id not in wanted:
                with contextlib.suppress(Exception):
                    self.aps.remove_job(f"daily:{dest_id}")
                del self._jobs[dest_id]
        for dest in wanted.values():
            spec = (dest.post_time, dest.tz)
            if self._jobs.get(dest.id) == spec:
                continue
            self.aps.add_job(
                self._tracked(self.daily_job),
                ClockCronTrigger(dest.post_time, dest.tz, offset),
                args=(dest.id,),
                id=f"daily:{dest.id}",
                name=f"daily post to {dest.platform}:{dest.channel_id}",
                replace_existing=True,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=grace,
            )
            self._jobs[dest.id] = spec
            log.info(
                "daily digest for %s:%s at %s %s",
                dest.platform,
                dest.channel_id,
                dest.post_time,
                dest.tz,
            )

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

    def _schedule_retry(self, dest_id: int, occurrence: datetime, delay_s: float) -> None:
        if self.aps is None or self._stopping:
            return
        run_at = datetime.now(UTC) + timedelta(seconds=delay_s)
        self.aps.add_job(
            self._tracked(self.daily_job),
            DateTrigger(run_date=run_at, timezone=UTC),
            args=(dest_id, occurrence),
            id=f"retry:{dest_id}",
            replace_existing=True,
            misfire_grace_time=None,
        )
        log.info("post to destination %d will be retried in %.0f s", dest_id, delay_s)

    # polling ----------------------------------------------------------------------
    async def poll_job(self) -> list[PollResult]:
        """Poll the due feeds, never two at once; then tell admins about long-failing sources."""
        if self._poll_lock.locked():
            log.info("a poll is still running; skipping this one")
            return []
        async with self._poll_lock:
            results = await self.services.poller.poll(due_only=True)
            errors = sum(1 for r in results if r.status == "error")
            new = sum(r.new for r in results)
            log.info("polled %d feeds: %d new entries, %d errors", len(results), new, errors)
            await self.notify_failing_sources()
            return results

    async def notify_failing_sources(self) -> int:
        """One notice per (destination, failing streak) once a source has failed for a day."""
        now = self.clock.now()
        sent = 0
        feeds = [
            f
            for f in await self.store.list_feeds(all_scopes=True, enabled_only=True)
            if f.failing_since is not None and now - f.failing_since >= FAILING_NOTICE_AFTER
        ]
        if not feeds:
            return 0
        for dest in await self.store.list_destinations():
            publisher = self.publishers.get(dest.platform)
            if publisher is None:
                continue
            for feed in feeds:
                if feed.scope is not None and feed.scope != dest.scope:
                    continue
                assert feed.failing_since is not None
                key = f"source-failing:{feed.id}:{feed.failing_since.isoformat()}"
                if not await self.store.notice_once(f"{dest.platform}:{dest.channel_id}", key, now):
                    continue
                reason = f"{feed.last_error_kind or 'error'}: {feed.last_error or 'unknown'}"
                text = (
                    f"Heads up: the source {feed.name} has been failing since "
                    f"{ago(feed.failing_since, now)} ({reason}). Its news is missing from the "
                    f"digest until it recovers. Check it with /sources, or remove it."
                )
                try:
                    await publisher.notify(dest, text)
                    sent += 1
                except Exception as exc:
                    log.warning("could not send a notice to %s: %s", dest.channel_id, exc)
        return sent

    # posting ----------------------------------------------------------------------
    async def catch_up(self) -> dict[int, Outcome]:
        """On start: make a post missed while the bot was down, once, if still within the grace
        period; otherwise record it SKIPPED and say so in the log. A post interrupted by a
        crash or a failure is resumed."""
        now = self.clock.now()
        grace = timedelta(minutes=self.settings.missed_post_grace_minutes)
        outcomes: dict[int, Outcome] = {}
        for dest in await self.store.list_destinations():
            if dest.platform not in self.publishers:
                continue
            occ = latest_occurrence(dest.post_time, dest.tz, now)
            key = window_key(occ, dest.tz)
            records = await self.store.posts_for(dest.id)
            mine = next((r for r in records if r.window_key == key), None)
            if mine is not None and mine.state in (PostState.DONE, PostState.SKIPPED):
                continue
            if mine is None and not records and dest.last_window_end is None:
                continue  # set up after its last time: nothing was missed
            if mine is None and dest.last_window_end is not None and dest.last_window_end >= occ:
                continue  # an earlier post (or /digest now) already covered that time
            if mine is not None or now - occ <= grace:
                outcomes[dest.id] = await self.daily_job(dest.id, occ)
                continue
            claimed = await self.store.claim_post(
                dest.id, key, occ - timedelta(days=1), occ, now, owner=self.owner
            )
            if claimed is not None:
                await self.store.update_post(
                    claimed.id, now, state=PostState.SKIPPED, error="missed while the bot was down"
                )
            log.warning(
                "missed the %s post to %s:%s (due %s, now %s, grace %d min); skipping it. "
                "The next post covers everything since the last one.",
                key,
                dest.platform,
                dest.channel_id,
                occ.isoformat(),
                now.isoformat(),
                int(self.settings.missed_post_grace_minutes),
            )
            outcomes[dest.id] = Outcome.SKIPPED
        return outcomes

    async def daily_job(self, destination_id: int, occurrence: datetime | None = None) -> Outcome:
        """The daily post of one destination for its latest scheduled time."""
        dest = await self.store.get_destination(destination_id)
        if dest is None or not dest.enabled:
            return Outcome.DISABLED
        now = self.clock.now()
        occ = occurrence or latest_occurrence(dest.post_time, dest.tz, now + FIRE_TOLERANCE)
        start = dest.last_window_end or occ - timedelta(days=1)
        start = max(start, occ - MAX_WINDOW)
        outcome = await self.post(
            dest, window_key(occ, dest.tz), start, occ, label="since the last post"
        )
        if self.on_post is not None:
            maybe = self.on_post(dest, outcome)
            if maybe is not None:
                await maybe
        return outcome

    async def post_now(self, dest: Destination) -> str:
        """``/digest now``: everything since the last post, posted right away, once."""
        now = self.clock.now()
        start = max(dest.last_window_end or now - timedelta(days=1), now - MAX_WINDOW)
        key = f"now:{now.strftime('%Y%m%dT%H%M%S')}"
        outcome = await self.post(dest, key, start, now, label="since the last post")
        return str(outcome)

    async def post(
        self,
        dest: Destination,
        key: str,
        start: datetime,
        end: datetime,
        *,
        label: str,
    ) -> Outcome:
        publisher = self.publishers.get(dest.platform)
        if publisher is None:
            log.info("no %s connection in this process; not posting to %s", dest.platform, key)
            return Outcome.NO_PUBLISHER
        now = self.clock.now()
        where = f"{dest.platform}:{dest.channel_id}"
        existing = next(
            (r for r in await self.store.posts_for(dest.id) if r.window_key == key), None
        )
        if (
            existing is not None
            and existing.state == PostState.FAILED
            and existing.attempts > self.settings.post_retries
        ):
            log.error(
                "giving up on the %s post to %s after %d attempts", key, where, existing.attempts
            )
            return Outcome.FAILED
        if start >= end and existing is None:
            log.info("nothing new for %s since its last post; not posting %s", where, key)
            return Outcome.SKIPPED
        record = await self.store.claim_post(
            dest.id, key, start, end, now, owner=self.owner, stale_after_s=STALE_AFTER_S
        )
        if record is None:
            current = next(
                (r for r in await self.store.posts_for(dest.id) if r.window_key == key), None
            )
            if (
                current is not None
                and current.state == PostState.PENDING
                and key.startswith("daily:")
            ):
                # someone else is on it; if they died, the claim goes stale and we take over
                self._schedule_retry(dest.id, end, STALE_AFTER_S + 5)
            log.info("the %s post to %s is done or in progress elsewhere", key, where)
            return Outcome.ALREADY
        return await self._send(publisher, dest, record, label)

    async def _send(
        self, publisher: Publisher, dest: Destination, record: PostRecord, label: str
    ) -> Outcome:
        where = f"{dest.platform}:{dest.channel_id}"
        window = DigestWindow(
            start=record.window_start, end=record.window_end, tz=dest.tz, label=label
        )

        saving: list[asyncio.Future[None]] = []

        async def save(progress: str) -> None:
            # Shielded: once a part is on the platform its progress must reach the ledger, even
            # if shutdown cancels the post right now.
            write = asyncio.ensure_future(
                self.store.update_post(record.id, self.clock.now(), message_ref=progress)
            )
            saving.append(write)
            await asyncio.shield(write)

        try:
            digest = await self.services.builder.build(window, topic=dest.topic, scope=dest.scope)
            ref = await publisher.publish(dest, digest, resume=record.message_ref, save=save)
        except asyncio.CancelledError:
            await asyncio.gather(*saving, return_exceptions=True)
            await self.store.update_post(
                record.id, self.clock.now(), state=PostState.FAILED, error="interrupted by shutdown"
            )
            raise
        except Exception as exc:
            retryable = exc.retryable if isinstance(exc, PostError) else True
            if not isinstance(exc, PostError):
                log.exception("posting %s to %s failed", record.window_key, where)
            await self.store.update_post(
                record.id, self.clock.now(), state=PostState.FAILED, error=str(exc)[:500]
            )
            if (
                retryable
                and record.attempts <= self.settings.post_retries
                and record.window_key.startswith("daily:")
            ):
                self._schedule_retry(dest.id, record.window_end, backoff_seconds(record.attempts))
            log.warning(
                "post %s to %s failed (attempt %d): %s",
                record.window_key,
                where,
                record.attempts,
                exc,
            )
            return Outcome.FAILED
        await self.store.update_post(
            record.id, self.clock.now(), state=PostState.DONE, message_ref=ref
        )
        log.info("posted %s to %s", record.window_key, where)
        return Outcome.POSTED
