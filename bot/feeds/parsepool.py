"""Feed parsing in worker processes, each parse under a time limit.

Parsing is CPU work in C extensions (lxml, re) that holds the GIL: in a thread, one hostile
feed would stall the event loop and with it every chat ack and gateway heartbeat. In a
worker process it cannot, and a parse that runs past ``time_limit`` is stopped by killing
the pool's workers: that feed gets a PARSE error, the other parses in flight are run again
on fresh workers (they did nothing wrong).

The time limit counts from when a worker takes the feed, not from when it was queued: at
most ``workers`` parses are handed to the pool at once.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import Any, TypeVar

from bot.errors import FeedError, FeedErrorKind
from bot.feeds.urls import shown_url
from bot.models import ArticleIn, ParsedFeed

log = logging.getLogger(__name__)

T = TypeVar("T")

# Real feeds parse and normalize in about a second at most (the largest real one, 1.7 MB of
# newsletter: 1.2 s on a busy machine); 20 s is a runaway. The
# fallback parser (feedparser) is superlinear on some broken markup (8,000 unclosed <item>
# tags: 4 s), so this limit, not the parsers, bounds the worst case.
PARSE_TIME_LIMIT = 20.0

# Workers are forked from a small server process that has already imported the parsers
# (cheap to start, and never a fork of the bot's threads and sockets).
_PRELOAD = ["bot.feeds.parsepool", "bot.feeds.parse", "bot.feeds.normalize"]


def parse_articles(body: bytes, url: str, now: datetime) -> list[ArticleIn] | _Failed:
    """In a worker: bytes → normalized articles (HTML to text is as costly as parsing)."""
    from bot.feeds.normalize import normalize_entries
    from bot.feeds.parse import parse_feed  # in the workers only: the bot itself never needs it

    try:
        return normalize_entries(parse_feed(body, url=url), now=now)
    except FeedError as exc:
        return _Failed.of(exc)


def parse_preview(
    body: bytes, url: str, now: datetime
) -> tuple[ParsedFeed, list[ArticleIn]] | _Failed:
    from bot.feeds.normalize import normalize_entries
    from bot.feeds.parse import parse_feed

    try:
        parsed = parse_feed(body, url=url)
        return parsed, normalize_entries(parsed, now=now)
    except FeedError as exc:
        return _Failed.of(exc)


class _Failed:
    """A FeedError sent back from a worker (FeedError's keyword-only fields do not pickle)."""

    def __init__(self, kind: str, message: str, status: int | None, hint: str) -> None:
        self.kind, self.message, self.status, self.hint = kind, message, status, hint

    @classmethod
    def of(cls, exc: FeedError) -> _Failed:
        return cls(exc.kind.value, str(exc), exc.status, exc.hint)

    def error(self, url: str) -> FeedError:
        message = self.message.replace(url, shown_url(url))
        return FeedError(FeedErrorKind(self.kind), message, status=self.status, hint=self.hint)


def _orphan_watch(bot_pid: int) -> None:
    """In each worker: exit when the bot process is gone.

    A bot killed with SIGKILL cannot stop its workers, and they would wait on their queue
    forever (holding the bot's stdout and stderr open, and the fork server alive).
    """

    def watch() -> None:
        while True:
            try:
                os.kill(bot_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def _context() -> Any:
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the fork server in the background (it imports the parsers: a second or more on
    a busy machine), so the bot's first poll does not wait for it."""
    ctx = _context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        threading.Thread(
            target=forkserver.ensure_running, name="parse-warm-up", daemon=True
        ).start()


class ParsePool:
    """Used from one event loop; ``close()`` when done (``async with`` does it)."""

    def __init__(self, workers: int = 2, time_limit: float = PARSE_TIME_LIMIT) -> None:
        self._workers = max(1, workers)
        self._limit = time_limit
        self._slots = asyncio.Semaphore(self._workers)
        self._executor: ProcessPoolExecutor | None = None
        # submit() gets a thread of its own, not the event loop's default executor: that one
        # (6 threads on 2 cores) also runs every DNS lookup, and the lookups of article hosts
        # that are down can each hang for the resolver's timeout (5 s); a parsed feed's
        # entries then waited that long to be stored (bench/fulltext.py, before/after).
        self._submitter: ThreadPoolExecutor | None = None
        self._generation = 0

    async def __aenter__(self) -> ParsePool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        if self._submitter is not None:
            self._submitter.shutdown(wait=False)
            self._submitter = None

    async def run(self, fn: Callable[..., T | _Failed], *args: Any, url: str) -> T:
        """``fn(*args)`` in a worker; FeedError for a failed, crashed or runaway parse."""
        async with self._slots:
            for _attempt in range(3):
                generation = self._generation
                # submit() may start a worker (and the first time the fork server, which
                # imports the parsers): seconds of blocking work, kept off the event loop.
                if self._submitter is None:
                    self._submitter = ThreadPoolExecutor(1, thread_name_prefix="parse-submit")
                loop = asyncio.get_running_loop()
                future = await loop.run_in_executor(
                    self._submitter, functools.partial(self._pool().submit, fn, *args)
                )
                try:
                    result = await asyncio.wait_for(asyncio.wrap_future(future), self._limit)
                except TimeoutError:
                    self._restart(generation)
                    raise FeedError(
                        FeedErrorKind.PARSE,
                        f"{shown_url(url)}: parsing took over {self._limit:g} s and was stopped "
                        "(a hostile or broken feed?)",
                    ) from None
                except BrokenProcessPool:
                    if self._generation != generation:
                        continue  # stopped for another feed's runaway: run this one again
                    self._restart(generation)
                    raise FeedError(
                        FeedErrorKind.PARSE, f"{shown_url(url)}: the parser crashed on this feed"
                    ) from None
                if isinstance(result, _Failed):
                    raise result.error(url)
                return result
        raise FeedError(FeedErrorKind.PARSE, f"{shown_url(url)}: the parser kept being restarted")

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self._workers,
                mp_context=_context(),
                initializer=_orphan_watch,
                initargs=(os.getpid(),),
            )
        return self._executor

    def _restart(self, generation: int) -> None:
        """Kill the workers (a runaway cannot be stopped any other way); new ones on demand."""
        if generation != self._generation or self._executor is None:
            return
        self._generation += 1
        executor, self._executor = self._executor, None
        # The executor keeps its workers in a private dict; killing them is the only way to
        # stop a parse stuck in C code.
        processes: dict[int, Any] = getattr(executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
        log.warning("parser workers restarted after a runaway or crashed parse")
