"""The poll job: fetch → parse (in worker processes) → normalize → store, one result per feed.

A feed's entries are stored as soon as it is parsed; the short ones are queued for their
article page, which the full-text step (``bot/feeds/extract.py``) fetches beside the poll,
from the queue, so no feed waits for pages and an interrupted poll loses no entries.

One feed's failure never stops the others; an unexpected exception becomes an ERROR result
of kind "internal" and is logged with its traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from bot.clock import Clock
from bot.config import Settings
from bot.errors import FeedError, FeedErrorKind, StoreError, is_disk_full
from bot.feeds.fetch import Fetcher
from bot.feeds.parsepool import PARSE_TIME_LIMIT, ParsePool, parse_articles, parse_preview
from bot.feeds.recorder import BatchRecorder
from bot.feeds.share import FairShare
from bot.feeds.urls import shown_text, shown_url
from bot.identity import default_owner
from bot.models import ArticleIn, Feed, ParsedFeed, PollResult, PollStatus
from bot.store.store import PollOutcome, Store

log = logging.getLogger(__name__)


class FullTextStep(Protocol):
    """The optional full-text step (``bot.feeds.extract.FullText``)."""

    def wanted(self, feed: Feed, articles: Sequence[ArticleIn]) -> frozenset[str]: ...

    def notify(self) -> None: ...

    async def drain(self, recorded: asyncio.Event | None = None) -> object: ...


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0]


def success_delay(settings: Settings, max_age: float | None) -> timedelta:
    minutes = max(settings.poll_interval_minutes, settings.min_poll_interval_minutes)
    seconds = max(minutes * 60, max_age or 0.0)
    return timedelta(seconds=seconds)


# A poller counts as live while it looked for due feeds within this many ticks; a feed due
# for GRACE_TICKS is taken by whoever looks next, whatever the shares (every live process
# looks at least every 1.5 ticks: the tick's jitter is half a tick).
ALIVE_TICKS = 3
GRACE_TICKS = 2


def poll_lease(settings: Settings) -> timedelta:
    """How long a claimed feed stays with its process: half the interval."""
    return success_delay(settings, None) / 2


def poll_tick_seconds(settings: Settings) -> float:
    """How often `newsbot run` looks for due feeds: a tenth of the interval, 1 s to 60 s."""
    return min(60.0, max(1.0, success_delay(settings, None).total_seconds() / 10))


def failure_delay(settings: Settings, failures: int, retry_after: float | None) -> timedelta:
    """Exponential backoff per feed: base * 2**(failures-1), capped; Retry-After respected
    up to the same cap (a server asking for years, or 1e20 s, which overflowed timedelta
    and made the feed's failure an unrecorded internal error, waits the longest backoff)."""
    exp = max(0, failures - 1)
    longest = settings.backoff_max_minutes * 60
    minutes = min(settings.backoff_base_minutes * (2 ** min(exp, 30)), settings.backoff_max_minutes)
    return timedelta(seconds=max(minutes * 60, min(retry_after or 0.0, longest)))


@dataclass(eq=False, repr=False)
class Poller:
    store: Store
    fetcher: Fetcher
    settings: Settings
    clock: Clock
    full_text: FullTextStep | None = None
    _: KW_ONLY
    owner: str = field(default_factory=default_owner)
    parse_time_limit: float = PARSE_TIME_LIMIT
    _share: FairShare = field(init=False)
    _seen: bool = field(init=False, default=False)  # in the pollers table

    def __post_init__(self) -> None:
        self._share = FairShare(success_delay(self.settings, None))

    def _parsers(self) -> ParsePool:
        # Two workers: parsing is CPU-bound and the machine the bot runs on is small; more
        # would take cores from the event loop and the database.
        return ParsePool(min(2, os.cpu_count() or 2), self.parse_time_limit)

    async def poll(
        self,
        feeds: Sequence[Feed] | None = None,
        *,
        due_only: bool = False,
        progress: Callable[[PollResult], object] | None = None,
    ) -> list[PollResult]:
        """Poll these feeds (None: all enabled ones; with ``due_only``, those due, claimed
        with leases), while the full-text step works the queue; return when both are done."""
        recorded = asyncio.Event()
        filler = None
        if self.full_text is not None:
            filler = asyncio.create_task(self.full_text.drain(recorded), name="full-text")
        try:
            if feeds is None and due_only:
                results = await self._poll_claimed(progress)
            else:
                results = await self._poll_feeds(feeds, progress)
        except BaseException:
            if filler is not None:
                filler.cancel()  # its unfinished rows go back to the queue
                with contextlib.suppress(BaseException):
                    await filler
            raise
        recorded.set()
        if filler is not None:
            await filler
        return results

    async def _poll_feeds(
        self,
        feeds: Sequence[Feed] | None,
        progress: Callable[[PollResult], object] | None,
    ) -> list[PollResult]:
        if feeds is None:
            feeds = await self.store.list_feeds(enabled_only=True, all_scopes=True)

        # Bodies wait here for the parser; without a bound a big poll would hold every feed
        # it fetched faster than it could parse in memory at once. A parsed feed's entries
        # wait for the database in the recorder (its own bound), not here: a slot held
        # through the recorder's gathering would hold a request back.
        in_flight = asyncio.Semaphore(self.settings.max_concurrency + 16)

        recorder = BatchRecorder(
            self.store, keep_log=self.settings.fetch_log_keep, coming=len(feeds)
        )
        parsers = self._parsers()
        if any(f.etag is None and f.last_modified is None for f in feeds):
            # A feed without validators answers with a body: its workers start with the
            # requests (their start-up overlaps the first answers' wait), not after the
            # first body. A poll of feeds that all may answer 304 starts them only if needed.
            parsers.start()

        disk_full: list[BaseException] = []

        async def one(feed: Feed) -> PollResult:
            try:
                result = await self._poll_one(feed, recorder, parsers, in_flight)
            except Exception as exc:
                if is_disk_full(exc):  # said once, below, not once per feed with a traceback
                    disk_full.append(exc)
                else:
                    log.exception("internal error while polling %s", shown_url(feed.url))
                result = PollResult(
                    feed_id=feed.id,
                    feed_name=feed.name,
                    url=shown_url(feed.url),
                    status=PollStatus.ERROR,
                    error_kind=FeedErrorKind.INTERNAL.value,
                    # one line: a database error's text goes on with its SQL and the
                    # feed's values (the traceback above has them)
                    error=shown_text(
                        f"internal error: {type(exc).__name__}: {_first_line(str(exc))}"
                    ),
                )
            if progress is not None:
                ret = progress(result)
                if isinstance(ret, Awaitable):
                    await ret
            return result

        try:
            results = list(await asyncio.gather(*(one(f) for f in feeds)))
        finally:
            with contextlib.suppress(Exception) if disk_full else contextlib.nullcontext():
                await recorder.close()
            parsers.close()
        if disk_full:
            raise StoreError(
                f"the disk is full: {len(disk_full)} of {len(feeds)} sources could not be stored",
                hint="free some space where the database lives; what was stored is intact",
            ) from disk_full[0]
        return results

    async def _poll_claimed(
        self, progress: Callable[[PollResult], object] | None
    ) -> list[PollResult]:
        """Claim due feeds a batch at a time (row leases) and poll them, until none is due.
        Other processes on the same database claim from the same queue, so each due feed
        is polled by exactly one of them; a lease outlives any sane poll but not the
        interval, so a crashed process's feeds are taken over in time. With others polling
        too, this process takes only its share (bot.feeds.share) plus what is overdue."""
        lease = poll_lease(self.settings)
        tick = timedelta(seconds=poll_tick_seconds(self.settings))
        results: list[PollResult] = []
        polled: set[int] = set()
        while True:
            now = self.clock.now()
            count = await self.store.poller_seen(self.owner, now, alive=ALIVE_TICKS * tick)
            self._seen = True
            allowance = self._share.allowance(now, pollers=count.pollers, feeds=count.feeds)
            limit = self.settings.max_concurrency
            due_by = now
            if allowance == 0:
                due_by = now - GRACE_TICKS * tick  # only what the others left too long
            elif allowance is not None:
                limit = min(limit, allowance)
            claimed = await self.store.claim_due_feeds(
                now, owner=self.owner, lease=lease, limit=limit, due_by=due_by
            )
            batch = [f for f in claimed if f.id not in polled]  # a clock that stands still
            if not batch:
                return results
            self._share.claimed(now, len(batch))
            polled.update(f.id for f in batch)
            results += await self._poll_feeds(batch, progress)

    async def leave(self) -> None:
        """Stopping: drop out of the pollers, so the others take this share at once."""
        if self._seen:
            await self.store.poller_gone(self.owner)
            self._seen = False

    async def _poll_one(
        self, feed: Feed, recorder: BatchRecorder, parsers: ParsePool, in_flight: asyncio.Semaphore
    ) -> PollResult:
        started = time.perf_counter()
        now = self.clock.now()
        try:
            async with in_flight:
                resp = await self.fetcher.fetch(
                    feed.url, etag=feed.etag, last_modified=feed.last_modified
                )
                articles: list[ArticleIn] = []
                if not resp.not_modified:
                    articles = await parsers.run(
                        parse_articles, resp.body, feed.url, now, url=feed.url
                    )
                    # parsed: the body is not held while the outcome waits for its commit
                    resp = replace(resp, body=b"")
        except FeedError as exc:
            return await self._failed(feed, now, exc, started, recorder)
        next_at = now + success_delay(self.settings, resp.max_age)
        ms = (time.perf_counter() - started) * 1000
        # A 304 keeps the old validators unless the server sent fresh ones.
        etag = resp.etag or (feed.etag if resp.not_modified else None)
        last_modified = resp.last_modified or (feed.last_modified if resp.not_modified else None)
        wanted = self.full_text.wanted(feed, articles) if self.full_text else frozenset()
        counts = await recorder.record(
            PollOutcome(
                feed.id,
                now,
                ok=True,
                articles=articles,
                full_text=wanted,
                etag=etag,
                last_modified=last_modified,
                next_poll_at=next_at,
                status="not_modified" if resp.not_modified else "ok",
                http_status=resp.status,
                duration_ms=ms,
            )
        )
        if wanted and (counts.new or counts.updated) and self.full_text is not None:
            self.full_text.notify()
        if resp.not_modified:
            status = PollStatus.NOT_MODIFIED
        elif counts.new or counts.updated:
            status = PollStatus.NEW
        else:
            status = PollStatus.UNCHANGED
        return PollResult(
            feed_id=feed.id,
            feed_name=feed.name,
            url=shown_url(feed.url),
            status=status,
            new=counts.new,
            updated=counts.updated,
            http_status=resp.status,
            duration_ms=ms,
            next_poll_at=next_at,
        )

    async def _failed(
        self, feed: Feed, now: datetime, exc: FeedError, started: float, recorder: BatchRecorder
    ) -> PollResult:
        failures = feed.consecutive_failures + 1
        next_at = now + failure_delay(self.settings, failures, exc.retry_after)
        ms = (time.perf_counter() - started) * 1000
        await recorder.record(
            PollOutcome(
                feed.id,
                now,
                ok=False,
                next_poll_at=next_at,
                status="error",
                http_status=exc.status,
                duration_ms=ms,
                error_kind=exc.kind.value,
                error=str(exc),
            )
        )
        log.warning("feed %s failed (%s): %s", feed.name, exc.kind.value, exc)
        return PollResult(
            feed_id=feed.id,
            feed_name=feed.name,
            url=shown_url(feed.url),
            status=PollStatus.ERROR,
            http_status=exc.status,
            error_kind=exc.kind.value,
            error=str(exc),
            duration_ms=ms,
            next_poll_at=next_at,
        )

    async def preview(self, url: str) -> tuple[ParsedFeed, list[ArticleIn]]:
        """Fetch, parse and normalize without storing (for ``sources add``)."""
        resp = await self.fetcher.fetch(url)
        async with self._parsers() as parsers:
            return await parsers.run(parse_preview, resp.body, url, self.clock.now(), url=url)
