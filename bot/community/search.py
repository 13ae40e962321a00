"""``/search <words>`` and ``newsbot search``: stored articles matching words, a page at a time.

Mixed into ``bot.services.Services``. All the words must match; when no article has them
all, articles with any of them are shown instead (and the answer says so).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.errors import NewsbotError
from bot.models import Article

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.store.store import Store

MAX_TERMS = 8
MAX_PAGE = 50
SEARCH_HINT = "search for one or more words, for example: /search nvidia export rules"


@dataclass(frozen=True)
class SearchPage:
    words: str
    articles: tuple[Article, ...]
    total: int
    page: int
    per_page: int
    any_term: bool  # no article had every word: these have some of them

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


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


class SearchServices:
    store: Store
    clock: Clock

    async def search(
        self, words: str, scope: str | None = None, *, page: int = 1, per_page: int = 5
    ) -> SearchPage:
        terms = search_terms(words)
        if not 1 <= page <= MAX_PAGE:
            raise NewsbotError(f"there is no page {page}", hint=f"pages go from 1 to {MAX_PAGE}")
        now = self.clock.now()
        offset = (page - 1) * per_page
        found, total = await self.store.search_entries(
            terms, scope, now, limit=per_page, offset=offset
        )
        any_term = False
        if total == 0 and len(terms) > 1:
            any_term = True
            found, total = await self.store.search_entries(
                terms, scope, now, limit=per_page, offset=offset, any_term=True
            )
        if total and not found:
            raise NewsbotError(
                f"there are only {math.ceil(total / per_page)} pages",
                hint="ask for an earlier page",
            )
        return SearchPage(" ".join(terms), tuple(found), total, page, per_page, any_term)
