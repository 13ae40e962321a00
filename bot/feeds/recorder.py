"""Group commit for poll outcomes: feeds finishing at about the same time share a transaction.

A commit per feed made the database the bottleneck of a big poll (SQLite has one writer).
Each caller still waits until its own outcome is committed, so a result is reported only
once it is safe on disk, and a crash loses at most outcomes nobody was told about.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.models import UpsertCounts
from bot.store.store import PollOutcome, Store

log = logging.getLogger(__name__)

# While more of the poll's feeds are coming, a commit gathers outcomes until this long
# after the outcome that woke a quiet writer, or after the start of the commit before (a
# full batch, or the poll's last outcome, ends the gathering sooner). A batch costs about
# the same up to dozens of feeds (a commit, the pages it rewrites, a trip to the database's
# thread). Without a wait a batch was whatever came in while the last one was being
# written: 2 to 5 feeds on bench/poll.py's cold poll, 180 to 450 commits; with a wait after
# quiet spells only, still 116 commits of 5 feeds (median), back to back. A write slower
# than this is followed by the next at once, so a busy writer never idles; a feed's entries
# are still stored well within a second of its parse.
GATHER = 0.2
# outcomes (their entries, in memory) waiting for the database at most: the poll releases a
# feed's request slot once it is parsed, so this, not that, bounds them
MAX_WAITING = 256


class BatchRecorder:
    def __init__(
        self,
        store: Store,
        *,
        keep_log: int,
        max_batch: int = 64,
        coming: int = 0,
        gather: float = GATHER,
    ) -> None:
        """``coming``: how many outcomes the caller will record (0: unknown, never wait)."""
        self._store = store
        self._keep_log = keep_log
        self._max_batch = max_batch
        self._coming = coming
        self._gather = gather
        self._room = asyncio.Semaphore(MAX_WAITING)
        self._ready = asyncio.Event()  # a full batch, or the last outcome: no more gathering
        self._pending: list[tuple[PollOutcome, asyncio.Future[UpsertCounts]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def record(self, outcome: PollOutcome) -> UpsertCounts:
        async with self._room:
            self._coming -= 1
            fut: asyncio.Future[UpsertCounts] = asyncio.get_running_loop().create_future()
            self._pending.append((outcome, fut))
            self._wake.set()
            if self._coming <= 0 or len(self._pending) >= self._max_batch:
                self._ready.set()
            if self._task is None or self._task.done():
                self._task = asyncio.create_task(self._run(), name="poll-recorder")
            return await fut

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for _outcome, fut in self._pending:
            if not fut.done():
                fut.cancel()
        self._pending.clear()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        began = loop.time()
        while True:
            if not self._pending:
                self._wake.clear()
                await self._wake.wait()
                began = loop.time()  # a quiet writer: the outcome that woke it starts the gather
            wait = began + self._gather - loop.time()
            if wait > 0 and self._coming > 0 and len(self._pending) < self._max_batch:
                self._ready.clear()
                # feeds finishing within the gather share the commit
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(wait):
                        await self._ready.wait()
            began = loop.time()
            batch = self._pending[: self._max_batch]
            del self._pending[: self._max_batch]
            await self._write(batch)

    async def _write(self, batch: list[tuple[PollOutcome, asyncio.Future[UpsertCounts]]]) -> None:
        try:
            counts = await self._store.record_polls([o for o, _ in batch], keep_log=self._keep_log)
        except Exception as exc:
            if len(batch) == 1:
                if not batch[0][1].done():
                    batch[0][1].set_exception(exc)
                return
            # One feed's bad data must not fail the others: retry each alone.
            log.warning("a batch of %d poll outcomes failed; writing them one by one", len(batch))
            for item in batch:
                await self._write([item])
            return
        for (_outcome, fut), c in zip(batch, counts, strict=True):
            if not fut.done():
                fut.set_result(c)
