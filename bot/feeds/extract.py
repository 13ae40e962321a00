"""Full article text for entries whose feed carries only a teaser: a step of its own.

A poll stores a feed's entries the moment the feed is parsed and queues the short ones
(``FullText.wanted``) in the same transaction; ``FullText.drain`` then fills them in from
the queue in the database (``bot/store/fulltext.py``), with its own concurrency, while the
poll goes on. The digest uses whatever text is there. An interrupted drain loses nothing:
its rows are given back (or their lease runs out) and the next drain takes them.

Pages go through the same ``Fetcher`` as feeds (SSRF guard on every redirect hop, body cap,
timeouts, per-host limits). Any failure keeps the feed's own text: a missing full text is a
worse digest, never a lost article. A host that could not be reached is paused, in this
process and in the queue, so its other pages are not asked for in vain.

The entry keeps the content hash of the *feed's* text, so the store's edit detection still
compares like with like, and a page is queued only for entries that are new or edited.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.config import Settings
from bot.errors import FeedError, FeedErrorKind
from bot.feeds.fetch import Fetcher, FetchResponse
from bot.models import ArticleIn, Feed
from bot.store.fulltext import FullTextJob, url_host
from bot.store.store import Store

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A host that could not be reached (DNS, refused, timed out) is not asked again for this
# long: a feed whose article host is down otherwise costs a failed lookup per entry.
HOST_PAUSE_S = 15 * 60
_HOST_DOWN = (FeedErrorKind.CONNECT, FeedErrorKind.TIMEOUT)
# A server error or a 429 is tried again later; a host down or a server failing this many
# times, and the entry keeps the feed's text for good.
MAX_ATTEMPTS = 3
RETRY_AFTER_S = 5 * 60
# A claimed row stays with its worker this long: far over a page's fetch and extraction,
# short enough that a crashed worker's rows are soon taken again.
LEASE = timedelta(minutes=10)


def word_count(text: str) -> int:
    return len(text.split())


def wants_full_text(feed: Feed, article: ArticleIn, min_words: int) -> bool:
    """Per feed: True = always, False = never, None = when the entry is shorter than
    ``min_words`` words. ``min_words <= 0`` turns the length rule off."""
    if feed.full_text is False or not article.url.startswith(("http://", "https://")):
        return False
    if feed.full_text is True:
        return True
    return min_words > 0 and word_count(article.text) < min_words


def extract_main_text(html: bytes, url: str) -> str | None:
    """The article body of an HTML page without navigation, footers or banners; None when
    trafilatura finds no main text."""
    import trafilatura  # half a second of imports: only once a page is actually fetched
    from trafilatura.settings import Extractor

    # Precision over recall: a digest line from a comment thread or a caption is worse than
    # none; a page's repeated boilerplate (newsletter boxes, related links) is dropped.
    options = Extractor(url=url, precision=True, comments=False, tables=False, dedup=True)
    text = trafilatura.extract(html, options=options)
    return text.strip() if text and text.strip() else None


@dataclass
class FullTextCounts:
    filled: int = 0  # entries whose text is now their page's
    kept: int = 0  # done without a longer text (not HTML, no main text, gone, gave up)
    later: int = 0  # tried again later (host down, server error)


@dataclass(eq=False, repr=False)
class FullText:
    """The full-text step for ``bot.feeds.update.Poller``: ``wanted`` when a feed is stored,
    ``drain`` alongside the poll, ``notify`` when more rows were queued."""

    store: Store
    fetcher: Fetcher
    settings: Settings
    clock: Clock
    _: KW_ONLY
    owner: str
    # Slots of its own, below the fetcher's: article pages must not starve feed polls.
    concurrency: int | None = None  # None: settings.full_text_concurrency
    max_per_feed: int = 25
    monotonic: Callable[[], float] = time.monotonic
    _slots: int = field(init=False)
    # host -> when to try it again
    _down_until: dict[str, float] = field(init=False, default_factory=dict)
    # hosts that answered (any HTTP status)
    _answered: set[str] = field(init=False, default_factory=set)
    _probing: dict[str, asyncio.Lock] = field(init=False, default_factory=dict)
    _more: asyncio.Event = field(init=False, default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self._slots = self.concurrency or self.settings.full_text_concurrency

    def wanted(self, feed: Feed, articles: Sequence[ArticleIn]) -> frozenset[str]:
        """Guids of the entries to queue for their page (the store queues only those that
        are new or edited)."""
        min_words = self.settings.full_text_min_words
        guids = [a.guid for a in articles if wants_full_text(feed, a, min_words)]
        if len(guids) > self.max_per_feed:
            log.info(
                "%s: full text for the first %d of %d short entries only",
                feed.name,
                self.max_per_feed,
                len(guids),
            )
        return frozenset(guids[: self.max_per_feed])

    def notify(self) -> None:
        """Rows were queued: a drain waiting for more takes them."""
        self._more.set()

    async def drain(self, recorded: asyncio.Event | None = None) -> FullTextCounts:
        """Fill queued entries until no row is due. Until ``recorded`` is set (the poll
        beside it has stored every feed) an empty queue is waited on rather than left.
        Never raises for a page or the database: the poll must not fail for it."""
        counts = FullTextCounts()
        try:
            while True:
                self._more.clear()
                jobs = await self.store.claim_full_text(
                    self.clock.now(), owner=self.owner, lease=LEASE, limit=4 * self._slots
                )
                if jobs:
                    await self._work(jobs, counts)
                elif recorded is None or recorded.is_set():
                    return counts
                else:
                    await _either(self._more, recorded)
        except Exception:
            log.exception("full text: the queue could not be worked; entries keep their text")
            return counts

    async def _work(self, jobs: list[FullTextJob], counts: FullTextCounts) -> None:
        slots = asyncio.Semaphore(self._slots)
        pending = {j.entry_id for j in jobs}

        async def one(job: FullTextJob) -> None:
            async with slots:
                await self._one(job, counts)
            pending.discard(job.entry_id)

        try:
            await asyncio.gather(*(one(j) for j in _interleave_hosts(jobs)))
        finally:
            if pending:  # interrupted: give the rest back now rather than at lease end
                with contextlib.suppress(Exception):
                    await asyncio.shield(self.store.release_full_text(self.owner, pending))

    async def _one(self, job: FullTextJob, counts: FullTextCounts) -> None:
        now = self.clock.now()
        try:
            text = await self._full_text(job)
        except _HostPaused:  # found down by another page of this process
            counts.later += 1
            await self._again(job, now, HOST_PAUSE_S, count_attempt=False)
            return
        except FeedError as exc:
            await self._failed(job, exc, now, counts)
            return
        except Exception:
            # A bug in extraction must not cost anything else; keep the feed text.
            log.exception("%s: full text of %s failed", job.feed_name, job.url)
            text = None
        if await self.store.finish_full_text(job.entry_id, text, now, owner=self.owner):
            if text is None:
                counts.kept += 1
            else:
                counts.filled += 1

    async def _failed(
        self, job: FullTextJob, exc: FeedError, now: datetime, counts: FullTextCounts
    ) -> None:
        log.info("%s: full text of %s not fetched: %s", job.feed_name, job.url, exc)
        if exc.kind in _HOST_DOWN:
            counts.later += 1
            await self._pause_host(job)
        elif exc.kind is FeedErrorKind.RATE_LIMITED or (exc.status or 0) >= 500:
            counts.later += 1  # the server may be back soon: again later, a few times
            await self._again(job, now, RETRY_AFTER_S * 2**job.attempts)
        else:  # gone, refused, unsafe: asking again would not help
            counts.kept += 1
            await self.store.finish_full_text(job.entry_id, None, now, owner=self.owner)

    async def _pause_host(self, job: FullTextJob) -> None:
        if self.host_is_down(job.url):
            return  # another page found it down a moment ago and paused it
        self._down_until[job.host] = self.monotonic() + HOST_PAUSE_S
        self._answered.discard(job.host)
        dropped = await self._again(job, self.clock.now(), HOST_PAUSE_S, whole_host=True)
        log.info(
            "full text: not asking %s again for %d minutes%s",
            job.host,
            HOST_PAUSE_S // 60,
            f" ({dropped} pages given up)" if dropped else "",
        )

    async def _again(
        self,
        job: FullTextJob,
        now: datetime,
        after_s: float,
        *,
        whole_host: bool = False,
        count_attempt: bool = True,
    ) -> int:
        """The job's row (with ``whole_host``, every row of its host) back to the queue, not
        before ``after_s`` seconds from ``now``; rows out of attempts are dropped (their
        entries keep the feed's text). Returns how many were dropped."""
        return await self.store.retry_full_text(
            owner=self.owner,
            now=now,
            until=now + timedelta(seconds=after_s),
            max_attempts=MAX_ATTEMPTS,
            entry_id=None if whole_host else job.entry_id,
            host=job.host if whole_host else None,
            count_attempt=count_attempt,
        )

    def host_is_down(self, url: str) -> bool:
        host = url_host(url)
        until = self._down_until.get(host)
        if until is None:
            return False
        if self.monotonic() >= until:
            del self._down_until[host]
            return False
        return True

    async def _fetch(self, job: FullTextJob) -> FetchResponse:
        """Until a host has answered once, its pages are asked one at a time: a host that is
        down then costs one failed connection, not one per page slot."""
        if self.host_is_down(job.url):
            raise _HostPaused
        if job.host in self._answered:
            return await self.fetcher.fetch(job.url)
        async with self._probing.setdefault(job.host, asyncio.Lock()):
            if self.host_is_down(job.url):
                raise _HostPaused
            try:
                resp = await self.fetcher.fetch(job.url)
            except FeedError as exc:
                if exc.kind not in _HOST_DOWN:
                    self._answered.add(job.host)
                raise
            self._answered.add(job.host)
            return resp

    async def _full_text(self, job: FullTextJob) -> str | None:
        """The page's main text when it is longer than the feed's; FeedError if not fetched."""
        resp = await self._fetch(job)
        ctype = resp.content_type.split(";")[0].strip().lower()
        if ctype not in _HTML_TYPES:
            log.info(
                "%s: full text of %s skipped: %s is not an HTML page",
                job.feed_name,
                job.url,
                ctype or "a response without a content type",
            )
            return None
        text = await asyncio.to_thread(extract_main_text, resp.body, resp.final_url)
        if text is None or word_count(text) <= word_count(job.text):
            log.info("%s: no main text longer than the feed's found at %s", job.feed_name, job.url)
            return None
        return text


class _HostPaused(Exception):
    """This page's host was found down while the page waited for its turn."""


def _interleave_hosts(jobs: list[FullTextJob]) -> list[FullTextJob]:
    """One host's pages after another's, round-robin: a feed's pages all sit on one host,
    which serves only a few at a time, so in queue order the other slots would wait."""
    by_host: dict[str, list[FullTextJob]] = {}
    for j in jobs:
        by_host.setdefault(j.host, []).append(j)
    out: list[FullTextJob] = []
    queues = list(by_host.values())
    while queues:
        out += [q.pop(0) for q in queues]
        queues = [q for q in queues if q]
    return out


async def _either(a: asyncio.Event, b: asyncio.Event) -> None:
    waits = [asyncio.ensure_future(a.wait()), asyncio.ensure_future(b.wait())]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()


def make_full_text(
    store: Store, fetcher: Fetcher, settings: Settings, clock: Clock, *, owner: str
) -> FullText | None:
    """None when ``full_text_min_words`` is 0 or less: the offline switch (demo, tests)."""
    if settings.full_text_min_words <= 0:
        return None
    return FullText(store, fetcher, settings, clock, owner=owner)
