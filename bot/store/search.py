"""Full-text search over the stored articles: SQLite FTS5 or PostgreSQL tsvector.

Ranked by relevance and recency together: the engine's relevance (bm25 / ts_rank) divided
by ``1 + age / RECENCY_DAYS``, so a strong match from last week still beats a weak one from
today, and of two equal matches the newer comes first. The index is made by migration
0015_search.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text

from bot.clock import ensure_utc
from bot.models import Article
from bot.store.rows import ARTICLE_COLUMNS, StoreBase, article_row, scope_key
from bot.store.schema import entries, feeds

RECENCY_DAYS = 30.0

_SQLITE_FROM = """
FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid JOIN feeds f ON f.id = e.feed_id
WHERE entries_fts MATCH :q AND f.enabled AND f.scope IN ('', :scope)
"""
_SQLITE_PAGE = (
    "SELECT e.id " + _SQLITE_FROM + "ORDER BY bm25(entries_fts, 4.0, 1.0) / "
    "(1.0 + max(julianday(:now) - julianday(e.published_at), 0) / :days), e.id "
    "LIMIT :limit OFFSET :offset"
)
_PG_FROM = """
FROM entries e JOIN feeds f ON f.id = e.feed_id, plainto_tsquery('english', :q) query
WHERE to_tsvector('english', e.title || ' ' || e.text) @@ query
  AND f.enabled AND f.scope IN ('', :scope)
"""
_PG_PAGE = (
    "SELECT e.id " + _PG_FROM + "ORDER BY ts_rank(to_tsvector('english', e.title || ' ' || "
    "e.text), query) / (1 + greatest(extract(epoch FROM (:now - e.published_at)), 0) "
    "/ 86400.0 / :days) DESC, e.id LIMIT :limit OFFSET :offset"
)


def fts_query(terms: Sequence[str], *, any_term: bool = False) -> str:
    """Terms as an FTS5 query: each quoted (no operator a user typed can take effect)."""
    quoted = [f'"{t}"' for t in terms]
    return (" OR " if any_term else " ").join(quoted)


class SearchMixin(StoreBase):
    async def search_entries(
        self,
        terms: Sequence[str],
        scope: str | None,
        now: datetime,
        *,
        limit: int,
        offset: int = 0,
        any_term: bool = False,
    ) -> tuple[list[Article], int]:
        """One page of matching articles, best first, and how many match in all.
        ``any_term``: match articles with any of the terms instead of all of them."""
        postgres = self.engine.dialect.name == "postgresql"
        q = " ".join(terms) if postgres else fts_query(terms, any_term=any_term)
        if postgres and any_term:
            q = " | ".join(terms)
        params = {
            "q": q,
            "scope": scope_key(scope),
            "now": ensure_utc(now) if postgres else ensure_utc(now).strftime("%Y-%m-%d %H:%M:%S"),
            "days": RECENCY_DAYS,
            "limit": limit,
            "offset": offset,
        }
        page_sql = _PG_PAGE if postgres else _SQLITE_PAGE
        count_sql = "SELECT count(*) " + (_PG_FROM if postgres else _SQLITE_FROM)
        if postgres and any_term:
            page_sql = page_sql.replace("plainto_tsquery", "to_tsquery")
            count_sql = count_sql.replace("plainto_tsquery", "to_tsquery")
        async with self.engine.connect() as conn:
            total = int((await conn.execute(text(count_sql), params)).scalar() or 0)
            ids = [r[0] for r in (await conn.execute(text(page_sql), params)).all()]
            if not ids:
                return [], total
            rows = (
                await conn.execute(
                    select(*ARTICLE_COLUMNS)
                    .join(feeds, feeds.c.id == entries.c.feed_id)
                    .where(entries.c.id.in_(ids))
                )
            ).all()
        by_id = {r.id: article_row(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id], total
