"""Full article text for entries whose feed carries only a teaser.

Pages go through the same ``Fetcher`` as feeds (SSRF guard on every redirect hop, body cap,
timeouts, per-host limits). Any failure keeps the feed's own text: a missing full text is a
worse digest, never a lost article.

The entry keeps the content hash of the *feed's* text, so the store's edit detection still
compares like with like, and a page is fetched only for entries that are new or edited.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from bot.config import Settings
from bot.errors import FeedError, FeedErrorKind
from bot.feeds.fetch import Fetcher
from bot.models import ArticleIn, Feed

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A host that could not be reached (DNS, refused, timed out) is not asked again for this
# long: a feed whose article host is down otherwise costs a failed lookup per entry.
HOST_PAUSE_S = 15 * 60
_HOST_DOWN = (FeedErrorKind.CONNECT, FeedErrorKind.TIMEOUT)

# (feed_id, guids, canonical urls) -> content hash of stored entries keyed by guid and URL
KnownHashes = Callable[[int, Iterable[str], Iterable[str]], Awaitable[dict[str, str]]]


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

    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=True,
    )
    return text.strip() if text and text.strip() else None


class ArticleExtractor:
    """``enrich(feed, articles)`` for ``bot.feeds.update.Poller``."""

    def __init__(
        self,
        fetcher: Fetcher,
        settings: Settings,
        *,
        known_hashes: KnownHashes | None = None,
        concurrency: int = 4,
        max_per_feed: int = 25,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetcher = fetcher
        self._monotonic = monotonic
        self._down_until: dict[str, float] = {}  # host -> when to try it again
        self._min_words = settings.full_text_min_words
        self._known = known_hashes
        # A cap of its own, below the fetcher's: article pages must not starve feed polls.
        self._slots = asyncio.Semaphore(concurrency)
        self._max_per_feed = max_per_feed

    async def enrich(self, feed: Feed, articles: list[ArticleIn]) -> list[ArticleIn]:
        wanted = [i for i, a in enumerate(articles) if wants_full_text(feed, a, self._min_words)]
        if not wanted:
            return articles
        if self._known is not None:
            known = await self._known(
                feed.id,
                (articles[i].guid for i in wanted),
                (articles[i].canonical_url for i in wanted),
            )
            # Stored with the same feed text: its page was fetched (or tried) before.
            wanted = [
                i
                for i in wanted
                if articles[i].content_hash
                not in (known.get(articles[i].guid), known.get(articles[i].canonical_url))
            ]
        if len(wanted) > self._max_per_feed:
            log.info(
                "%s: full text for the first %d of %d short entries only",
                feed.name,
                self._max_per_feed,
                len(wanted),
            )
            wanted = wanted[: self._max_per_feed]
        out = list(articles)
        texts = await asyncio.gather(*(self._full_text(feed, articles[i]) for i in wanted))
        for i, text in zip(wanted, texts, strict=True):
            if text is not None:
                out[i] = dataclasses.replace(articles[i], text=text)
        return out

    def host_is_down(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        until = self._down_until.get(host)
        if until is None:
            return False
        if self._monotonic() >= until:
            del self._down_until[host]
            return False
        return True

    async def _full_text(self, feed: Feed, article: ArticleIn) -> str | None:
        try:
            async with self._slots:
                if self.host_is_down(article.url):  # checked in the slot: an earlier page
                    return None  # of this feed may just have found the host down
                resp = await self._fetcher.fetch(article.url)
            ctype = resp.content_type.split(";")[0].strip().lower()
            if ctype not in _HTML_TYPES:
                log.info(
                    "%s: full text of %s skipped: %s is not an HTML page",
                    feed.name,
                    article.url,
                    ctype or "a response without a content type",
                )
                return None
            text = await asyncio.to_thread(extract_main_text, resp.body, resp.final_url)
        except FeedError as exc:
            log.info("%s: full text of %s not fetched: %s", feed.name, article.url, exc)
            if exc.kind in _HOST_DOWN:
                host = urlsplit(article.url).hostname or ""
                self._down_until[host] = self._monotonic() + HOST_PAUSE_S
                log.info("full text: not asking %s again for %d minutes", host, HOST_PAUSE_S // 60)
            return None
        except Exception:
            # A bug in extraction must not cost the feed's poll; keep the feed text.
            log.exception("%s: full text of %s failed", feed.name, article.url)
            return None
        if text is None or word_count(text) <= word_count(article.text):
            log.info("%s: no main text longer than the feed's found at %s", feed.name, article.url)
            return None
        return text


def make_extractor(
    fetcher: Fetcher, settings: Settings, known_hashes: KnownHashes | None
) -> ArticleExtractor | None:
    """None when ``full_text_min_words`` is 0 or less: the offline switch (demo, tests)."""
    if settings.full_text_min_words <= 0:
        return None
    return ArticleExtractor(fetcher, settings, known_hashes=known_hashes)
