"""Queries that should grow with the window, not with the archive: 10k vs 300k entries.

Two archives of real articles (the real-world feeds of ../shared/fixtures, reused under new
guids and URLs), 1,000 entries a day over 100 feeds: 10 days for 10k entries, 300 days for
300k. Today's window holds the same articles in both, so any growth from 10k to 300k is
the archive's cost, not the window's. Written through ``Store.upsert_entries`` (the real
write path, which also keeps the per-feed counts).

Measured, interleaved between the two sizes (so background load hits both alike), median
of the rounds: the day query (``articles_between`` for today), the week query, the
per-feed list with entry counts (``list_feeds``, on every poll and digest), ``/why``'s URL
lookup, and ``digest today`` as the CLI runs it after start-up (open the app, build the
digest with the offline writer, close). SQLite always; PostgreSQL when
NEWSBOT_TEST_DATABASE_URL (or --pg URL) names a server whose user may create databases.

    python bench/queries.py [--no-write] [--rounds N] [--sizes 10000,300000] [--pg URL]
                            [--keep DIR]

``--keep DIR`` keeps the archives for the next run (and for bench/search.py): SQLite in
DIR/a<size>.db, PostgreSQL in the databases newsbot_bench_<size>; one that already holds
its entries is reused, not written again (the 300k fill takes 20-60 minutes here).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

from bot.app import build_app  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.feeds.normalize import normalize_entries  # noqa: E402
from bot.feeds.parse import parse_feed  # noqa: E402
from bot.models import ArticleIn, FeedSpec  # noqa: E402
from bot.store.store import PollOutcome, Store  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures" / "realworld"
NOW = datetime(2026, 8, 22, 18, 0, tzinfo=UTC)
DIGEST = "`digest today`"
timings_order = ("day query", "week query", "feeds with counts", "/why URL lookup", DIGEST)
PER_DAY = 1_000
FEEDS = 100


def pool() -> list[ArticleIn]:
    """Every entry of the real-world fixtures, normalized as a poll would."""
    if not FIXTURES.is_dir():
        sys.exit(f"needs {FIXTURES} (the shared fixtures)")
    out: list[ArticleIn] = []
    for path in sorted(FIXTURES.iterdir()):
        if not path.is_file():
            continue
        try:
            parsed = parse_feed(path.read_bytes(), url=f"https://feeds.example/{path.name}")
        except Exception:
            continue
        out.extend(normalize_entries(parsed, now=NOW))
    return [a for a in out if a.text]


def archive(size: int, articles: list[ArticleIn]) -> list[list[list[ArticleIn]]]:
    """``size`` entries, PER_DAY a day ending today, spread over FEEDS feeds: days (oldest
    first) of per-feed lists. Counted back from today, so today's (and this week's)
    articles and times are the same at any size."""
    rnd = random.Random(7)
    days = [[[] for _ in range(FEEDS)] for _ in range(size // PER_DAY)]
    for i in range(size):
        a = articles[i % len(articles)]
        back = i // PER_DAY
        at = NOW.replace(hour=0) - timedelta(days=back) + timedelta(seconds=rnd.randrange(86_400))
        url = f"https://news{i % FEEDS}.example/{i}"
        days[back][i % FEEDS].append(
            replace(a, guid=f"g{i}", url=url, canonical_url=url, published_at=min(at, NOW))
        )
    return days[::-1]


def probe_url(size: int, articles: list[ArticleIn]) -> str:
    """One URL of today's articles, for the /why lookup (the same at any size)."""
    return archive(min(size, PER_DAY), articles)[-1][-1][0].url


async def fill(url: str, size: int, articles: list[ArticleIn]) -> float:
    """Create the archive as polls would: day by day, each day's entries of every feed
    recorded in one group commit (``record_polls``, the poller's path, which also refreshes
    the planner's statistics as a poll does). Returns the seconds it took."""
    started = time.perf_counter()
    store = await Store.open(url)
    try:
        ids = []
        for f in range(FEEDS):
            spec = FeedSpec(name=f"feed {f}", url=f"https://news{f}.example/feed")
            ids.append((await store.add_feed(spec, NOW, added_by="bench")).id)
        days = archive(size, articles)
        for back, day in zip(range(len(days) - 1, -1, -1), days, strict=True):
            seen = min(NOW, NOW.replace(hour=23) - timedelta(days=back))
            await store.record_polls(
                [
                    PollOutcome(fid, seen, ok=True, next_poll_at=seen, status="ok", articles=items)
                    for fid, items in zip(ids, day, strict=True)
                ]
            )
    finally:
        await store.close()
    return time.perf_counter() - started


async def holds(url: str, size: int) -> bool:
    """Whether the database at ``url`` already holds a whole archive of ``size`` entries."""
    try:
        store = await Store.open(url, migrate=False)
    except Exception:
        return False
    try:
        return await store.count_entries() == size
    except Exception:
        return False
    finally:
        await store.close()


async def ready(url: str, size: int, articles: list[ArticleIn]) -> float | None:
    """Fill the (empty or new) database at ``url`` unless it already holds the archive;
    the seconds the fill took, None when it was reused."""
    if await holds(url, size):
        return None
    return await fill(url, size, articles)


async def timed(fn: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await fn()
    return (time.perf_counter() - started) * 1000


def measures(store: Store, url: str, probe: str) -> dict[str, Callable[[], Awaitable[Any]]]:
    day = (NOW.replace(hour=0), NOW)
    week = (NOW.replace(hour=0) - timedelta(days=6), NOW)

    async def digest_today() -> None:
        settings = load_settings(
            ROOT / "config", env_file=None, database_url=url, backend="extractive"
        )
        app = await build_app(settings, FixedClock(NOW), sync=False)
        try:
            digest = await app.services.digest_for("today", tz="UTC")
            assert digest.stats.articles > 0
        finally:
            await app.close()

    return {
        "day query": lambda: store.articles_between(*day),
        "week query": lambda: store.articles_between(*week),
        "feeds with counts": lambda: store.list_feeds(all_scopes=True),
        "/why URL lookup": lambda: store.find_articles_by_url(probe),
        DIGEST: digest_today,
    }


async def run_engine(
    name: str,
    urls: dict[int, str],
    articles: list[ArticleIn],
    rounds: int,
    digest_rounds: int,
) -> list[str]:
    sizes = list(urls)
    stores = {size: await Store.open(urls[size]) for size in sizes}
    probe = probe_url(sizes[0], articles)
    timings: dict[tuple[str, int], list[float]] = {}
    try:
        for size in sizes:  # warm-up: statement compilation and the first page reads
            for what, fn in measures(stores[size], urls[size], probe).items():
                if what != DIGEST:
                    await fn()
        for r in range(rounds):
            for size in sizes:
                for what, fn in measures(stores[size], urls[size], probe).items():
                    if what == DIGEST and r >= digest_rounds:
                        continue
                    timings.setdefault((what, size), []).append(await timed(fn))
    finally:
        for store in stores.values():
            await store.close()
    small, big = sizes[0], sizes[-1]
    rows = [
        f"| {name} | {what} | {statistics.median(timings[what, small]):.1f} | "
        f"{statistics.median(timings[what, big]):.1f} | "
        f"{statistics.median(timings[what, big]) / statistics.median(timings[what, small]):.2f}x |"
        for what in timings_order
    ]
    for r in rows:
        print(r, flush=True)
    return rows


def written(name: str, size: int, secs: float | None) -> str:
    how = f"written in {secs:.0f} s" if secs is not None else "reused, written by an earlier run"
    line = f"{name}: {size:,} entries {how}"
    print(line, flush=True)
    return line


async def sqlite_archive(keep: Path, size: int, articles: list[ArticleIn]) -> tuple[str, str]:
    """The SQLite archive of ``size`` entries in ``keep`` (reused when whole): (URL, how)."""
    path = keep / f"a{size}.db"
    url = f"sqlite+aiosqlite:///{path}"
    if await holds(url, size):
        return url, written("SQLite", size, None)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return url, written("SQLite", size, await fill(url, size, articles))


def _admin(admin_url: str) -> Any:
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.store.db import normalize_url

    return create_async_engine(normalize_url(admin_url), isolation_level="AUTOCOMMIT")


def _pg_url(admin_url: str, db: str) -> str:
    from sqlalchemy import make_url

    from bot.store.db import normalize_url

    return make_url(normalize_url(admin_url)).set(database=db).render_as_string(False)


async def pg_archive(
    admin_url: str, size: int, articles: list[ArticleIn], *, keep: bool
) -> tuple[str, str]:
    """The PostgreSQL archive of ``size`` entries, in a database of its own on the server
    of ``admin_url`` (whose user may create databases): newsbot_bench_<size> when kept
    (reused when whole), else a new one to drop after. (URL, how)."""
    from sqlalchemy import text

    db = f"newsbot_bench_{size}" if keep else f"newsbot_bench_{size}_{uuid.uuid4().hex[:6]}"
    url = _pg_url(admin_url, db)
    if keep and await holds(url, size):
        return url, written("PostgreSQL", size, None)
    admin = _admin(admin_url)
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{db}"'))
    finally:
        await admin.dispose()
    return url, written("PostgreSQL", size, await fill(url, size, articles))


async def drop_pg(admin_url: str, urls: list[str]) -> None:
    from sqlalchemy import make_url, text

    admin = _admin(admin_url)
    try:
        async with admin.connect() as conn:
            for url in urls:
                db = make_url(url).database
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def main_async(args: argparse.Namespace) -> str:
    sizes = [int(s) for s in args.sizes.split(",")]
    load = os.getloadavg()[0]
    articles = pool()
    print(f"{len(articles)} real articles in the pool", flush=True)
    notes: list[str] = []
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        keep = args.keep or Path(tmp)
        urls = {}
        for size in sizes:
            urls[size], how = await sqlite_archive(keep, size, articles)
            notes.append(how)
        rows += await run_engine("SQLite", urls, articles, args.rounds, args.digest_rounds)
    if args.pg:
        pg = {}
        try:
            for size in sizes:
                pg[size], how = await pg_archive(args.pg, size, articles, keep=bool(args.keep))
                notes.append(how)
            rows += await run_engine("PostgreSQL", pg, articles, args.rounds, args.digest_rounds)
        finally:
            if not args.keep:
                await drop_pg(args.pg, list(pg.values()))
    else:
        notes.append("PostgreSQL: not measured (no NEWSBOT_TEST_DATABASE_URL or --pg).")
    small, big = sizes[0], sizes[-1]
    return "\n".join(
        [
            f"Two archives of {small:,} and {big:,} entries ({PER_DAY:,} a day over {FEEDS} "
            "feeds, real article texts from ../shared/fixtures/realworld), the same "
            "articles in today's window in both. Median of "
            f"{args.rounds} rounds ({args.digest_rounds} for `digest today`), the two sizes "
            "interleaved, after one unmeasured warm-up query each. The archives were written as polls write them (day by day, a "
            "group commit of every feed's new entries, statistics refreshed as after a "
            "poll). Queries run on an open store (the connection is warm, as in `newsbot "
            "run`); `digest today` is the CLI's work after start-up: open the app (its "
            "own connection), build the digest with the offline writer, close.",
            "",
            f"| engine | what | {small:,} entries, ms | {big:,} entries, ms | growth |",
            "|---|---|---:|---:|---:|",
            *rows,
            "",
            "; ".join(notes) + ".",
            "",
            f"Load average (1 min) at the start {load:.1f}, at the end "
            f"{os.getloadavg()[0]:.1f}, on {os.cpu_count()} cores (other work shared the "
            "machine; the sizes were interleaved so it hit both alike).",
            "Targets: day query <= 1.2x growth from 10k to 300k on each engine; "
            "`digest today` on 300k within 1.1x of 10k.",
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--digest-rounds", type=int, default=3)
    ap.add_argument("--sizes", default="10000,300000")
    ap.add_argument("--pg", default=os.environ.get("NEWSBOT_TEST_DATABASE_URL", ""))
    ap.add_argument("--keep", type=Path, default=None, help="keep and reuse the archives here")
    args = ap.parse_args()
    body = asyncio.run(main_async(args))
    print(body)
    if not args.no_write:
        write_section("queries", body)


if __name__ == "__main__":
    main()
