"""Feed parsing in worker processes, each parse under a time limit.

Parsing is CPU work in C extensions (lxml, re) that holds the GIL: in a thread, one hostile
feed would stall the event loop and with it every chat ack and gateway heartbeat. In a
worker process it cannot, and a parse that runs past ``time_limit`` is stopped by killing
its worker: that feed gets a PARSE error, the parses waiting behind it on that worker run on
the others (they did nothing wrong). The time limit counts from when a worker starts the
feed, not from when it was queued (bot/feeds/workers.py: how calls reach the workers).
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from bot.errors import FeedError, FeedErrorKind
from bot.feeds.urls import shown_url
from bot.feeds.workers import Crashed, Restarted, Stopped, WorkerPool
from bot.models import ArticleIn, ParsedFeed

T = TypeVar("T")

# Real feeds parse and normalize in about a second at most (the largest real one, 1.7 MB of
# newsletter: 1.2 s on a busy machine); 20 s is a runaway. The
# fallback parser (feedparser) is superlinear on some broken markup (8,000 unclosed <item>
# tags: 4 s), so this limit, not the parsers, bounds the worst case.
PARSE_TIME_LIMIT = 20.0

# Workers are forked from a small server process that has already imported the parsers
# (cheap to start, and never a fork of the bot's threads and sockets).
_PRELOAD = ["bot.feeds.parsepool", "bot.feeds.parse", "bot.feeds.normalize", "bot.feeds.workers"]


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
        self._limit = time_limit
        self._pool = WorkerPool(_context(), workers, time_limit)

    async def __aenter__(self) -> ParsePool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the workers now (in a running event loop), not with the first parse."""
        self._pool.start()

    def close(self) -> None:
        self._pool.close()

    async def run(self, fn: Callable[..., T | _Failed], *args: Any, url: str) -> T:
        """``fn(*args)`` in a worker; FeedError for a failed, crashed or runaway parse."""
        try:
            result: T | _Failed = await self._pool.run(fn, *args)
        except Stopped:
            raise FeedError(
                FeedErrorKind.PARSE,
                f"{shown_url(url)}: parsing took over {self._limit:g} s and was stopped "
                "(a hostile or broken feed?)",
            ) from None
        except Crashed:
            raise FeedError(
                FeedErrorKind.PARSE, f"{shown_url(url)}: the parser crashed on this feed"
            ) from None
        except Restarted:
            raise FeedError(
                FeedErrorKind.PARSE, f"{shown_url(url)}: the parser kept being restarted"
            ) from None
        if isinstance(result, _Failed):
            raise result.error(url)
        return result
