"""/search on a 300k-entry archive: how long one page of results takes (target: p95 < 300 ms).

The archive is bench/queries.py's: the real-world feeds of ../shared/fixtures reused under new
guids and URLs, 1,000 entries a day over 100 feeds, written through the real poll path (so
the FTS5 index is kept by the migration's triggers, as in production). The queries are
words from real headlines of that pool (seeded, so every run asks the same): one, two and
three words, plus a few made-up words that match nothing (the fallback to "any word" runs
then). Each query is timed through ``Services.search`` (the newest 2,000 matches with their
relevance, ranked by relevance and recency, one page's rows), the way /search and ``newsbot
search`` call it; the first round warms the cache and is not counted. Side by side, in the
same run: the old query (an exact count and bm25-with-recency ordering over every match),
kept here as the baseline.

The same queries are timed on PostgreSQL (its tsvector path: the GIN index finds the newest
2,000 matches range by range, title and word hits rank them as on SQLite) when --pg or NEWSBOT_TEST_DATABASE_URL names a server whose
user may create databases; the old SQLite query has no PostgreSQL twin, so that row is
SQLite's only.

    python bench/search.py [--size 300000] [--queries 60] [--keep DIR] [--pg URL] [--no-write]

``--keep DIR`` keeps the archives for the next run, shared with bench/queries.py --keep
(SQLite DIR/a<size>.db, PostgreSQL database newsbot_bench_<size>), so a second run skips
the 20-60-minute fill.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402
from queries import NOW, drop_pg, pg_archive, pool, sqlite_archive  # noqa: E402

from bot.clock import FixedClock  # noqa: E402
from bot.community.search import SearchServices  # noqa: E402
from bot.store.search import fts_query  # noqa: E402
from bot.store.search_index import queued  # noqa: E402
from bot.store.store import Store  # noqa: E402

TARGET_MS = 300.0
# The search before the cap (commit 4a2ed45): count every match, rank every match in SQL.
OLD_FROM = """
FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid JOIN feeds f ON f.id = e.feed_id
WHERE entries_fts MATCH :q AND f.enabled AND f.scope IN ('', :scope)
"""
OLD_PAGE = (
    "SELECT e.id " + OLD_FROM + "ORDER BY bm25(entries_fts, 4.0, 1.0) / "
    "(1.0 + max(julianday(:now) - julianday(e.published_at), 0) / 30.0), e.id LIMIT 5"
)
STOP = {"the", "and", "for", "with", "that", "this", "from", "its", "are", "was", "has", "how"}


class Search(SearchServices):
    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = FixedClock(NOW)


def queries(titles: list[str], n: int) -> list[str]:
    rnd = random.Random(14)
    words = [
        [w for w in re.findall(r"[a-z][a-z0-9]+", t.lower()) if len(w) > 2 and w not in STOP]
        for t in titles
    ]
    words = [w for w in words if len(w) >= 3]
    out = []
    for i in range(n):
        if i % 10 == 9:
            out.append(f"zqx{i} {rnd.choice(rnd.choice(words))}")  # one unknown word: fallback
            continue
        title = rnd.choice(words)
        out.append(" ".join(rnd.sample(title, 1 + i % 3)))
    return out


async def old_search(store: Store, words: str) -> int:
    """The old query, its fallback to any word included; returns the exact count."""
    from sqlalchemy import text

    from bot.community.search import search_terms

    terms = search_terms(words)
    async with store.engine.connect() as conn:
        for any_term in (False, True):
            params = {
                "q": fts_query(terms, any_term=any_term),
                "scope": "",
                "now": NOW.strftime("%Y-%m-%d %H:%M:%S"),
            }
            total = int((await conn.execute(text("SELECT count(*) " + OLD_FROM), params)).scalar())
            (await conn.execute(text(OLD_PAGE), params)).all()
            if total or len(terms) == 1:
                return total
    return 0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def timed_searches(url: str, asks: list[str], *, old: bool) -> dict[str, Any]:
    """Each query through ``Services.search`` after a warm-up round, and the old SQLite
    query right after it when ``old``."""
    store = await Store.open(url)
    try:
        out: dict[str, Any] = {"size": await store.count_entries(), "times": [], "old": []}
        out["totals"], out["capped"] = [], 0
        # The entries written since the last catch-up are indexed before a search runs (the
        # poll leaves them queued): timed on its own, so the warm-up does not hide it.
        out["queued"] = await queued(store.engine)
        started, cpu = time.perf_counter(), time.process_time()
        await store.index_for_search()
        out["catch_up"] = (time.perf_counter() - started, time.process_time() - cpu)
        s = Search(store)
        for q in asks:  # warm-up round, not counted
            await s.search(q, per_page=5)
        for q in asks:  # the new and the old query, one after the other, per query
            started = time.perf_counter()
            page = await s.search(q, per_page=5)
            out["times"].append((time.perf_counter() - started) * 1000)
            out["capped"] += page.capped
            if old:
                started = time.perf_counter()
                out["totals"].append(await old_search(store, q))
                out["old"].append((time.perf_counter() - started) * 1000)
    finally:
        await store.close()
    return out


def row(label: str, times: list[float]) -> str:
    p50, p95, worst = statistics.median(times), pct(times, 95), max(times)
    return f"| {label} | {p50:.1f} ms | {p95:.1f} ms | {worst:.1f} ms |"


def catch_up(engine: str, r: dict[str, Any]) -> str:
    wall, cpu = r["catch_up"]
    if not r["queued"]:
        return (
            f"{engine}: no entry was waiting for the search index (nothing written since the "
            "last catch-up), so the first search had nothing to catch up."
        )
    return (
        f"{engine}: {r['queued']:,} entries were waiting for the search index (written by the "
        f"fill, queued as a poll queues them); indexing them before the first search took "
        f"{wall:.1f} s ({cpu:.1f} s CPU in this process; SQLite's own thread included): a "
        "search made right after that much was written waits that long."
    )


def verdict(times: list[float]) -> str:
    return "meets" if pct(times, 95) < TARGET_MS else "misses"


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=300_000)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--keep", type=Path, default=None, help="keep and reuse the archives here")
    ap.add_argument("--pg", default=os.environ.get("NEWSBOT_TEST_DATABASE_URL", ""))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    articles = pool()
    asks = queries([a.title for a in articles], args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        url, how = await sqlite_archive(args.keep or Path(tmp), args.size, articles)
        lite = await timed_searches(url, asks, old=True)
    pg: dict[str, Any] | None = None
    if args.pg:
        pg_url, pg_how = await pg_archive(args.pg, args.size, articles, keep=bool(args.keep))
        try:
            pg = await timed_searches(pg_url, asks, old=False)
        finally:
            if not args.keep:
                await drop_pg(args.pg, [pg_url])
    totals = lite["totals"]
    body = f"""
{lite["size"]:,} entries (bench/queries.py's archive of real fixture articles, written
through the poll path with the search index kept as in production; {how}),
{len(asks)} queries of 1-3 words from real headlines (every tenth with a word that matches
nothing, so the any-word fallback runs), one page of 5 as /search asks for, timed through
`Services.search` after one warm-up round; on SQLite the old query (exact count, every match
ranked in SQL) timed right after each, in the same run:

| query | p50 | p95 | max |
|---|---|---|---|
{row("SQLite now: newest 2,000 matches ranked", lite["times"])}
{row("SQLite old: every match counted and ranked", lite["old"])}
"""
    if pg is not None:
        body += row("PostgreSQL now: newest 2,000 matches ranked", pg["times"]) + "\n"
    body += f"""
Matches per query (exact, median): {statistics.median(totals):,.0f}; {lite["capped"]} of
{len(asks)} queries matched more than 2,000 ("2,000+ found"). The target is p95 <
{TARGET_MS:.0f} ms: SQLite {verdict(lite["times"])} it"""
    if pg is not None:
        body += f""", PostgreSQL {verdict(pg["times"])} it ({pg["size"]:,} entries,
{pg_how}; {pg["capped"]} of {len(asks)} capped)."""
    else:
        body += ". PostgreSQL: not measured (no --pg or NEWSBOT_TEST_DATABASE_URL)."
    body += "\n\n" + catch_up("SQLite", lite)
    if pg is not None:
        body += " " + catch_up("PostgreSQL", pg)
    body += f"""

Load average (1 min) at the start {load:.1f}, at the end {os.getloadavg()[0]:.1f}, on
{os.cpu_count()} cores: the machine was shared with other jobs, so the figures are upper
bounds; the ratio of the SQLite rows is the fairer comparison.
"""
    print(body)
    if not args.no_write:
        write_section("search", body)


if __name__ == "__main__":
    asyncio.run(main())
