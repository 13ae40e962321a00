"""Kill `newsbot poll` (a real subprocess, SIGKILL) in the middle of a poll, poll again:
no entry lost, none stored twice, and validators that match what was stored."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import FeedSpec
from bot.store.store import Store

from .conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
DOCS = {
    "tc": DATA / "techcrunch.xml",
    "verge": DATA / "theverge-ai.xml",
    **{p.stem[:6]: p for p in sorted((DATA / "shared-pages").glob("*.xml"))},
}
COPIES = 6  # each document at six URLs: 30 feeds, each with its own entries


async def wait_until(cond: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    """Check ``cond`` until it holds; fail after ``within`` seconds saying what never came."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await cond():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {within:g} s waiting for {what}")
        await asyncio.sleep(0.02)


async def start_poll(cfg: Path, db: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "NEWSBOT_ALLOW_PRIVATE_NETWORKS": "true",
        "NEWSBOT_FULL_TEXT_MIN_WORDS": "0",
        # every feed is on 127.0.0.1: let the stalled ones not hold the host's only slots
        "NEWSBOT_PER_HOST_CONCURRENCY": "64",
        # the stalled bodies must outlast a slow machine's poll, not time out first
        "NEWSBOT_READ_TIMEOUT": "120",
        "NEWSBOT_TOTAL_TIMEOUT": "180",
        "NEWSBOT_DATA_DIR": str(cfg.parent / "data"),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "poll",
        "--json",
        "--config",
        str(cfg),
        "--database",
        db,
        cwd=cfg.parent,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_sigkill_mid_poll_loses_nothing_and_repeats_nothing(
    tmp_path: Path, clock: FixedClock, server: FeedServer
) -> None:
    cfg = tmp_path / "config"
    cfg.mkdir()
    db = f"sqlite+aiosqlite:///{tmp_path / 'news.db'}"
    served: dict[str, set[str]] = {}  # feed name -> distinct guids it serves
    paths: dict[str, str] = {}
    # per document: copy 0 stalls until after the kill, copy 1 until just before it
    stall = {0: "never", 1: "late"}
    group: dict[str, str] = {}
    store = await Store.open(db)
    try:
        for key, doc in DOCS.items():
            body = doc.read_bytes()
            guids = {a.guid for a in normalize_entries(parse_feed(body, url=key), now=clock.now())}
            for i in range(COPIES):
                name, path = f"{key}-{i}", f"/{key}/{i}.xml"
                server.put(path, body, slow=stall.get(i, False))
                group[name] = stall.get(i, "fast")
                served[name], paths[name] = guids, path
                await store.add_feed(FeedSpec(name=name, url=server.url(path)), clock.now())

        async def stored() -> dict[str, tuple[str | None, list[str]]]:
            feeds = await store.list_feeds(all_scopes=True)
            rows = await store.entry_rows()
            return {
                f.name: (f.etag, [r["guid"] for r in rows if r["feed_id"] == f.id]) for f in feeds
            }

        async def committed() -> int:
            return sum(etag is not None for etag, _ in (await stored()).values())

        def names(kind: str) -> list[str]:
            return [n for n, g in group.items() if g == kind]

        first = await start_poll(cfg, db)
        try:

            async def fast_done() -> bool:
                every_feed_asked = server.hits.total() >= len(served)
                return every_feed_asked and await committed() >= len(names("fast"))

            await wait_until(fast_done, 60, "every feed requested and the fast ones committed")
            # Let the "late" bodies finish and kill the poller while it parses and writes them.
            server.release_slow("late")

            async def late_sent() -> bool:
                return all(server.finished[paths[n]] for n in names("late"))

            await wait_until(late_sent, 30, "the late bodies sent in full")
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL

        # After the kill: a feed has its validators exactly when it has all its entries.
        after_kill = await stored()
        for name, (etag, guids) in after_kill.items():
            if etag is None:
                assert guids == [], f"{name}: entries without the validators that go with them"
            else:
                assert sorted(guids) == sorted(served[name]), name
                assert etag == server.etag(paths[name])
        assert all(after_kill[n][0] is None for n in names("never"))
        assert all(after_kill[n][0] is not None for n in names("fast"))
        late = sum(after_kill[n][0] is not None for n in names("late"))
        print(f"at the kill: {late} of {len(names('late'))} late feeds committed")

        server.release_slow()
        second = await start_poll(cfg, db)
        out, err = await asyncio.wait_for(second.communicate(), timeout=120)
        assert second.returncode == 0, err.decode()
        results = {r["feed_name"]: r for r in json.loads(out)}

        final = await stored()
        for name, guids in served.items():
            etag, stored_guids = final[name]
            assert sorted(stored_guids) == sorted(guids), f"{name}: lost or repeated entries"
            assert etag == server.etag(paths[name])
            had = after_kill[name][0] is not None
            # committed before the kill: a 304 now; the rest: all new, once
            expected = ("not_modified", 0) if had else ("new", len(guids))
            assert (results[name]["status"], results[name]["new"]) == expected, name
    finally:
        await store.close()
