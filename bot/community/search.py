"""``/search <words>`` and ``newsbot search``: stored articles matching words, a page at a time.

Mixed into ``bot.services.Services``. All the words must match; when no article has them
all, articles with any of them are shown instead (and the answer says so). The store hands
over the newest ``CAP`` matches with the engine's relevance; they are ranked here by
relevance and recency together: relevance divided by ``1 + age / RECENCY_DAYS``, so a strong
match from last week still beats a weak one from today, and of two equal matches the newer
comes first. The destination's mutes and keyword rules apply, as they do to its digests.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.errors import NewsbotError
from bot.models import Article, Story

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.community.rules import Filters
    from bot.store.search import Match
    from bot.store.store import Store

MAX_TERMS = 8
MAX_PAGE = 50
CAP = 2000  # matches read and ranked per search; more are "2,000+ found"
RECENCY_DAYS = 30.0
SEARCH_HINT = "search for one or more words, for example: /search nvidia export rules"


@dataclass(frozen=True)
class SearchPage:
    words: str
    articles: tuple[Article, ...]
    total: int
    page: int
    per_page: int
    any_term: bool  # no article had every word: these have some of them
    capped: bool = False  # more matched than were read: ``total`` is a lower bound
    hidden: int = 0  # matches this destination's filters hid

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def found(self) -> str:
        """``1,234 found`` or, past the cap, ``2,000+ found``; and what filters hid."""
        count = f"{self.total:,}+" if self.capped else f"{self.total:,}"
        hid = f" ({self.hidden:,} hidden by this channel's filters)" if self.hidden else ""
        return f"{count} found{hid}"


def result_lines(page: SearchPage, line: Callable[[Article], str]) -> list[str]:
    """The lines of a results page, ``line`` writing one article: a note first when no article
    had every word, or one line saying nothing matched."""
    if not page.articles:
        return ["Nothing stored matches. Try fewer or other words."]
    lines = [line(a) for a in page.articles]
    if page.any_term:
        lines.insert(0, "No article has every word; these have some of them.")
    return lines


def search_terms(words: str) -> list[str]:
    """The words to look for: letters and digits only, so nothing typed is an operator."""
    terms = list(dict.fromkeys(re.findall(r"\w+", words.casefold())))[:MAX_TERMS]
    if not terms:
        raise NewsbotError("there is nothing to search for", hint=SEARCH_HINT)
    return terms


def ranked(matches: Sequence[Match], now: datetime) -> list[Match]:
    """Best first: relevance over ``1 + age / RECENCY_DAYS``; ties newest first."""

    def key(m: Match) -> tuple[float, int]:
        age = max(now - m.published_at, timedelta(0)) / timedelta(days=1)
        return (-m.relevance / (1.0 + age / RECENCY_DAYS), -m.id)

    return sorted(matches, key=key)


class SearchServices:
    store: Store
    clock: Clock

    async def _matches(
        self, terms: list[str], scope: str | None, filters: Filters | None, any_term: bool
    ) -> tuple[list[Match], bool, int]:
        """The matches this destination may see, best first; capped; how many were hidden."""
        found = await self.store.search_matches(terms, scope, cap=CAP, any_term=any_term)
        capped = len(found) >= CAP
        order = ranked(found, self.clock.now())
        if not filters:
            return order, capped, 0
        muted = filters.muted
        kept = [m for m in order if m.feed_id not in muted]
        if filters.includes or filters.excludes:  # the words rules need the articles' text
            articles = await self.store.articles_by_ids([m.id for m in kept])
            seen, _ = filters.apply([Story(str(a.id), (a,)) for a in articles])
            ids = {s.articles[0].id for s in seen}
            kept = [m for m in kept if m.id in ids]
        return kept, capped, len(order) - len(kept)

    async def search(
        self,
        words: str,
        scope: str | None = None,
        *,
        page: int = 1,
        per_page: int = 5,
        channel: str | None = None,
    ) -> SearchPage:
        """One page of stored articles matching ``words``, as a channel in ``scope`` sees
        them (its server's and its own filters apply)."""
        terms = search_terms(words)
        if not 1 <= page <= MAX_PAGE:
            raise NewsbotError(f"there is no page {page}", hint=f"pages go from 1 to {MAX_PAGE}")
        filters = await self.store.filters_for(scope, channel) if scope else None
        any_term = False
        order, capped, hidden = await self._matches(terms, scope, filters, False)
        if not order and len(terms) > 1:
            any_term = True
            order, capped, hidden = await self._matches(terms, scope, filters, True)
        start = (page - 1) * per_page
        if order and start >= len(order):
            raise NewsbotError(
                f"there are only {math.ceil(len(order) / per_page)} pages",
                hint="ask for an earlier page",
            )
        found = await self.store.articles_by_ids([m.id for m in order[start : start + per_page]])
        words_shown = " ".join(terms)
        return SearchPage(
            words_shown, tuple(found), len(order), page, per_page, any_term, capped, hidden
        )
