"""The search index's catch-up on SQLite as the index grows: CPU per slice of entries indexed.

A poll only queues its new entries for SQLite's search index (bot/store/search_index.py);
``Store.index_for_search`` indexes the queue afterwards. This bench fills a temporary
database through the store's own schema with ``--size`` real entries (the texts of the 150
real-world feeds in ../shared/fixtures/realworld, as the parse workers make them, repeated
in turn; written with plain INSERTs, all queued, which is faster than polling them), opens
it as the bot does, takes the statistics a first poll takes (``Store.refresh_statistics``:
SQLite's ANALYZE, with the index still empty), then times the catch-up slice by slice.
Each side runs in its own process; with ``--before REV`` the code of commit REV runs the
same steps on its own copy of the same database, the rounds taking turns.

A catch-up whose cost per slice stays flat is linear in the entries; one that rises with
every slice re-reads what it indexed before.

    .venv/bin/python bench/search_catchup.py [--size 80000] [--before REV] [--rounds 1]
        [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
REALWORLD = ROOT.parent / "shared" / "fixtures" / "realworld"
SLICE = 20_000
COLUMNS = (
    "id, feed_id, guid, url, canonical_url, title, author, published_at, fetched_at, text, "
    "content_hash, first_seen_at, updated_at, revision, full_text_at"
)


def real_texts() -> list[tuple[str, str]]:
    """(title, text) of every real-world entry with text, as the poll stores them."""
    sys.path.insert(0, str(ROOT))
    from bot.feeds.normalize import html_to_text, oneline
    from bot.feeds.parse import parse_feed

    index = json.loads((REALWORLD / "INDEX.json").read_text(encoding="utf-8"))
    out = []
    for item in index:
        parsed = parse_feed((REALWORLD / item["file"]).read_bytes(), url="http://bench/")
        for e in parsed.entries:
            text = html_to_text(e.content or e.summary)
            if text:
                out.append((oneline(html_to_text(e.title or "")) or "untitled", text))
    return out


async def build(db: Path, texts: list[tuple[str, str]], size: int) -> None:
    """A database made by the current store, filled and queued (shared by both sides)."""
    sys.path.insert(0, str(ROOT))
    from bot.models import FeedSpec
    from bot.store.store import Store

    store = await Store.open(f"sqlite+aiosqlite:///{db}")
    await store.sync_feeds([FeedSpec(name="bench", url="http://bench/")], datetime.now(UTC))
    await store.engine.dispose()  # no upkeep: the side under test takes the statistics
    con = sqlite3.connect(db)
    now = "2026-12-01 00:00:00.000000"
    for lo in range(0, size, 5000):
        rows = []
        for i in range(lo, min(lo + 5000, size)):
            title, text = texts[i % len(texts)]
            link = f"http://bench/{i}"
            rows.append(
                (
                    i + 1,
                    1,
                    f"g{i}",
                    link,
                    link,
                    title,
                    None,
                    now,
                    now,
                    text,
                    f"h{i}",
                    now,
                    now,
                    1,
                    None,
                )
            )
        con.executemany(f"INSERT INTO entries({COLUMNS}) VALUES ({', '.join('?' * 15)})", rows)
        con.executemany("INSERT INTO search_queue(entry_id) VALUES (?)", [(r[0],) for r in rows])
        con.commit()
    con.close()


async def phase(db: Path) -> dict[str, Any]:
    """One side: open, a first poll's statistics, then the catch-up, timed per slice."""
    from bot.store.search_index import index_queued
    from bot.store.store import Store

    store = await Store.open(f"sqlite+aiosqlite:///{db}")
    await store.refresh_statistics(datetime.now(UTC), force=True)
    slices: list[float] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    done = 0
    while True:
        c = time.process_time()
        n = await index_queued(store.engine, batches=SLICE // 2000)
        done += n
        if n:
            slices.append(time.process_time() - c)
        if n < SLICE:
            break
    out = {
        "indexed": done,
        "cpu": time.process_time() - cpu0,
        "wall": time.perf_counter() - wall0,
        "slices": slices,
    }
    await store.close()
    return out


def child(db: Path, code: Path | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--phase", str(db)]
    if code is not None:
        cmd += ["--code", str(code)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def report(
    size: int, ours: list[dict[str, Any]], before: list[dict[str, Any]], rev: str | None
) -> str:
    def row(name: str, runs: list[dict[str, Any]]) -> str:
        cpu = statistics.median(r["cpu"] for r in runs)
        wall = statistics.median(r["wall"] for r in runs)
        first = runs[0]["slices"]
        per = " / ".join(f"{s:.1f}" for s in first)
        growth = first[-1] / first[0] if len(first) > 1 and first[0] else 1.0
        return (
            f"| {name} | {wall:.1f} | {cpu:.1f} | {cpu * 1000 / size:.2f} | {per} | {growth:.1f}x |"
        )

    lines = [
        f"{size:,} entries (real-world texts repeated in turn, {size // SLICE} slices of "
        f"{SLICE:,}), queued for the search index of a fresh SQLite database; each side opened "
        "it, took a first poll's statistics (the index still empty) and caught up. CPU is the "
        f"process's (SQLite's thread included); median over {len(ours)} round(s), slices of "
        "the first round. 2 cores shared with other work: the slices' ratio is the fairer "
        "figure.",
        "",
        "| code | wall s | CPU s | CPU ms per entry | CPU s per slice, in order | last slice / first |",
        "|---|---:|---:|---:|---|---:|",
        row("now", ours),
    ]
    if before:
        lines.append(row(f"before ({rev})", before))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--size", type=int, default=80_000)
    ap.add_argument("--before", metavar="REV")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--no-write", action="store_true", help="print, don't touch BENCHMARKS.md")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--code", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        sys.path.insert(0, args.code or str(ROOT))
        print(json.dumps(asyncio.run(phase(Path(args.phase)))))
        return 0
    if not (REALWORLD / "INDEX.json").is_file():
        print(f"needs {REALWORLD} (../shared/fixtures/realworld)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        asyncio.run(build(base, real_texts(), args.size))
        code = None
        if args.before:
            from _report import unpack_bot

            code = unpack_bot(args.before, Path(tmp) / "before")
        ours: list[dict[str, Any]] = []
        before: list[dict[str, Any]] = []
        for _ in range(max(1, args.rounds)):
            for runs, side in ((ours, None), (before, code)):
                if runs is before and code is None:
                    continue
                db = Path(tmp) / "run.db"
                shutil.copy(base, db)
                runs.append(child(db, side))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                print("before:" if side else "now:", json.dumps(runs[-1]), flush=True)
    text = report(args.size, ours, before, args.before)
    print(text)
    if not args.no_write:
        from _report import write_section

        write_section("search catch-up", text)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
