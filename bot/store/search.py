"""Full-text search over the stored articles: SQLite FTS5 or PostgreSQL tsvector.

The store finds the matches and their relevance (title and text hits on both engines, see
``_SQLITE_MATCHES`` and ``_PG_MATCHES``); ranking and paging happen in
``bot.community.search``. Only the newest ``cap`` matches are read
(newest by entry id, which follows the order articles came in): a common word matches tens
of thousands of articles on a big archive, and counting and ranking every one of them made
a search take seconds. The answer then says "2,000+ found". The index is made by migration
0015_search; new entries are queued for it and indexed in batches (``bot/store/search_index.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text

from bot.clock import ensure_utc
from bot.models import Article
from bot.store.rows import ARTICLE_COLUMNS, StoreBase, article_row, scope_key
from bot.store.schema import entries, feeds
from bot.store.search_index import index_queued

# The newest matches this scope may see, through a covering index (the entries rows carry the
# text: reading 2,000 of them cost most of a search). No bm25 here: its document frequencies
# scan a common word's whole doclist (200 ms for "the" on 300k entries); relevance is counted
# below from title and text hits instead, on the same newest matches only.
_SQLITE_MATCHES = """
SELECT e.id, e.published_at, e.feed_id
FROM entries_fts JOIN entries e INDEXED BY ix_entries_id_feed_published ON e.id = entries_fts.rowid
JOIN feeds f ON f.id = e.feed_id
WHERE entries_fts MATCH :q AND f.enabled AND f.scope IN ('', :scope)
ORDER BY entries_fts.rowid DESC LIMIT :cap
"""
_SQLITE_HITS = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH :q AND rowid >= :lo"
TITLE_POINTS = 4.0  # a word in the title counts four times a word in the text

# PostgreSQL: the GIN index on the search expression (migration 0015) finds the matches; reading
# each match's row for its feed and date is the cost (ts_rank over every match recomputed its
# tsvector from the text: 76 s for "model" on 90k entries under load). So the newest entries
# are searched first, in id ranges that widen (PG_FIRST_SPAN, then as the density of the
# matches says, at most PG_WIDEN times) until ``cap`` matches are found: a common word is
# answered from the newest few thousand entries, a rare one from the whole table. Relevance is
# counted as on SQLite, from the matches' title words (_PG_TITLES, the titles' own index,
# migration 0021) and, for any-word searches, one point per word matched (_PG_HITS), each
# looked up within the matches' id range.
_PG_MATCHES = """
SELECT e.id, e.published_at, e.feed_id
FROM entries e JOIN feeds f ON f.id = e.feed_id
WHERE to_tsvector('english', e.title || ' ' || e.text) @@ {fn}('english', :q)
  AND e.id > :lo AND e.id <= :hi AND f.enabled AND f.scope IN ('', :scope)
ORDER BY e.id DESC LIMIT :cap
"""
_PG_TITLES = """
SELECT id FROM entries WHERE to_tsvector('english', title) @@ plainto_tsquery('english', :t)
  AND id >= :lo
"""
_PG_HITS = """
SELECT id FROM entries WHERE to_tsvector('english', title || ' ' || text)
  @@ plainto_tsquery('english', :t) AND id >= :lo
"""
PG_FIRST_SPAN = 16_000
PG_WIDEN = 8


@dataclass(frozen=True)
class Match:
    id: int
    relevance: float  # larger is better
    published_at: datetime
    feed_id: int


def fts_query(terms: Sequence[str], *, any_term: bool = False) -> str:
    """Terms as an FTS5 query: each quoted (no operator a user typed can take effect)."""
    quoted = [f'"{t}"' for t in terms]
    return (" OR " if any_term else " ").join(quoted)


def _when(value: object) -> datetime:
    if isinstance(value, datetime):
        return ensure_utc(value)
    return ensure_utc(datetime.fromisoformat(str(value)))


class SearchMixin(StoreBase):
    async def search_matches(
        self, terms: Sequence[str], scope: str | None, *, cap: int, any_term: bool = False
    ) -> list[Match]:
        """The newest ``cap`` articles matching all the ``terms`` (any of them with
        ``any_term``), with their relevance, newest first."""
        if self.engine.dialect.name == "postgresql":
            async with self.engine.connect() as conn:
                return await _pg_matches(conn, terms, scope_key(scope), cap, any_term)
        await index_queued(self.engine)  # every stored entry, however new, can be found
        params = {"q": fts_query(terms, any_term=any_term), "scope": scope_key(scope), "cap": cap}
        async with self.engine.connect() as conn:
            rows = (await conn.execute(text(_SQLITE_MATCHES), params)).all()
            if not rows:
                return []
            score = await _sqlite_relevance(conn, terms, min(r[0] for r in rows), any_term)
        return [Match(int(r[0]), score(int(r[0])), _when(r[1]), int(r[2])) for r in rows]

    async def index_for_search(self) -> int:
        """Index the entries still queued for search (SQLite; see ``search_index.py``)."""
        return await index_queued(self.engine)

    async def articles_by_ids(self, ids: Sequence[int]) -> list[Article]:
        """The articles with these ids, in the order asked."""
        if not ids:
            return []
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(*ARTICLE_COLUMNS)
                    .join(feeds, feeds.c.id == entries.c.feed_id)
                    .where(entries.c.id.in_(list(ids)))
                )
            ).all()
        by_id = {r.id: article_row(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]


def _next_span(span: int, found: int, need: int) -> int:
    """The next range: wide enough for the matches still needed at the density just seen
    (a quarter more), at most PG_WIDEN times this one: every match in a range is read, so
    overshooting costs as much as the matches themselves."""
    if found == 0:
        return span * PG_WIDEN
    return max(1, min(span * PG_WIDEN, span * need * 5 // (found * 4)))


async def _pg_matches(
    conn: Any, terms: Sequence[str], scope: str, cap: int, any_term: bool
) -> list[Match]:
    """The newest ``cap`` matches, searched newest range first (see ``_PG_MATCHES``)."""
    sql = text(_PG_MATCHES.format(fn="to_tsquery" if any_term else "plainto_tsquery"))
    q = " | ".join(terms) if any_term else " ".join(terms)
    hi = (await conn.execute(text("SELECT max(id) FROM entries"))).scalar() or 0
    # The planner prices to_tsvector far below its cost (about 1 ms an article): with the
    # statement's generic plan it walked the primary key backwards testing every row (24 s
    # for one 16k range). Custom plans, and no plain index scans, keep it on the GIN index
    # (a BitmapAnd with the id range: under 100 ms for a common word). After max(id), which
    # needs its index scan.
    for setting in ("plan_cache_mode = force_custom_plan", "enable_indexscan = off"):
        await conn.execute(text(f"SET LOCAL {setting}"))
    rows: list[Any] = []
    span = PG_FIRST_SPAN
    while hi > 0 and len(rows) < cap:
        lo = max(hi - span, 0)
        params = {"q": q, "scope": scope, "cap": cap - len(rows), "lo": lo, "hi": hi}
        found = (await conn.execute(sql, params)).all()
        rows += found
        hi, span = lo, _next_span(span, len(found), cap - len(rows))
    if not rows:
        return []
    points: defaultdict[int, float] = defaultdict(float)
    lo = min(int(r[0]) for r in rows)
    lookups = (
        [(_PG_TITLES, TITLE_POINTS), (_PG_HITS, 1.0)] if any_term else [(_PG_TITLES, TITLE_POINTS)]
    )
    for sql_hits, value in lookups:
        for term in terms:
            found = await conn.execute(text(sql_hits), {"t": term, "lo": lo})
            for (rowid,) in found.all():
                points[int(rowid)] += value
    base = 0.0 if any_term else float(len(terms))
    return [Match(int(r[0]), 1.0 + base + points[int(r[0])], _when(r[1]), int(r[2])) for r in rows]


async def _sqlite_relevance(
    conn: Any, terms: Sequence[str], lo: int, any_term: bool
) -> Callable[[int], float]:
    """Relevance of the matches from ``lo`` up: each word in the title counts
    ``TITLE_POINTS``; with any word allowed, each word matched counts one more (with all
    words required every match has them all, so only the titles tell matches apart)."""
    points: defaultdict[int, float] = defaultdict(float)
    for term in terms:
        wanted = [(f'title : "{term}"', TITLE_POINTS)]
        if any_term:
            wanted.append((f'"{term}"', 1.0))
        for q, value in wanted:
            for (rowid,) in (await conn.execute(text(_SQLITE_HITS), {"q": q, "lo": lo})).all():
                points[int(rowid)] += value
    base = 0.0 if any_term else float(len(terms))
    return lambda rowid: 1.0 + base + points[rowid]
