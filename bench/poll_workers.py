"""The parse workers' share of bench/poll.py's cold poll, without the network or the store.

bench/poll.py's 1,000 feeds are the 150 real-world feeds of ../shared/fixtures/realworld
round-robin; this takes the same 1,000 bodies and measures, in CPU seconds (robust to a
shared machine's load):

  * inproc: ``parse_articles`` over every body in this process (after one warm-up pass);
  * pool: the same through a fresh ``ParsePool`` as the poller makes it (forkserver start,
    worker start-up, pickling both ways, two feeds per worker in flight): this
    process's CPU and its descendants' (the fork server and the workers), as bench/poll.py
    counts them;
  * startup: a pool that parses one empty feed (the fork server's imports, the workers').

With ``--before REV`` the same runs with the code of commit REV, taking turns. With
``--paired REV``: parse + normalize of each body with REV's parse.py, normalize.py and urls.py and
today's, body by body (the order alternating), in one process: both sides see the same load,
the steadiest comparison of a small change on a shared machine.

    .venv/bin/python bench/poll_workers.py [--feeds 1000] [--rounds 3] [--before REV | --paired REV]
        [--inproc-only] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _report import child_json  # noqa: E402
from poll import descendants_cpu  # noqa: E402  (bench/poll.py counts the workers' CPU so)

REALWORLD = ROOT.parent / "shared" / "fixtures" / "realworld"


def bodies(n: int) -> list[tuple[bytes, str]]:
    index = json.loads((REALWORLD / "INDEX.json").read_text(encoding="utf-8"))
    files = [REALWORLD / item["file"] for item in index]
    data = [f.read_bytes() for f in files]
    return [
        (data[i % len(files)], f"http://127.0.0.2/f/{i}/{files[i % len(files)].name}.xml")
        for i in range(n)
    ]


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system


async def _through_pool(docs: list[tuple[bytes, str]], now: datetime, workers: int = 2) -> int:
    from bot.feeds.parsepool import ParsePool, parse_articles

    count = 0
    async with ParsePool(workers) as pool:

        async def one(body: bytes, url: str) -> None:
            nonlocal count
            with contextlib.suppress(Exception):
                got = len(await pool.run(parse_articles, body, url, now, url=url))
                count += got  # after the await: `count += len(await ...)` loses updates

        await asyncio.gather(*(one(b, u) for b, u in docs))
    return count


def phase(n: int, workers: int, pool: bool = True) -> dict[str, Any]:
    proc = psutil.Process()
    docs = bodies(n)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    out: dict[str, Any] = {"load": os.getloadavg()[0]}
    if not pool:
        return out | {"inproc_cpu": _inproc(docs, now)}

    c0, k0, t0 = _own_cpu(), descendants_cpu(proc), time.perf_counter()
    asyncio.run(_through_pool(docs[:1], now))
    time.sleep(0.5)
    out["startup_workers_cpu"] = descendants_cpu(proc) - k0

    c0, k0, t0 = _own_cpu(), descendants_cpu(proc), time.perf_counter()
    out["pool_entries"] = asyncio.run(_through_pool(docs, now, workers))
    out["pool_wall"] = time.perf_counter() - t0
    out["pool_own_cpu"] = _own_cpu() - c0
    time.sleep(0.5)  # workers shut down without waiting: let them exit and be reaped
    out["pool_workers_cpu"] = descendants_cpu(proc) - k0

    return out | {"inproc_cpu": _inproc(docs, now)}


def _inproc(docs: list[tuple[bytes, str]], now: datetime) -> float:
    from bot.feeds.parsepool import parse_articles

    for body, url in docs[:150]:  # warm-up: imports, caches
        parse_articles(body, url, now)
    c0 = _own_cpu()
    for body, url in docs:
        parse_articles(body, url, now)
    return _own_cpu() - c0


def _module_at(rev: str, path: str, name: str) -> Any:
    """``path`` as it was at commit ``rev``, imported as module ``name`` (its own imports of
    other bot modules get today's)."""
    import importlib.util

    source = subprocess.run(
        ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    exec(compile(source, f"{rev}:{path}", "exec"), module.__dict__)
    return module


def paired(rev: str, n: int, rounds: int) -> dict[str, float]:
    """parse + normalize of each body with REV's parse.py, normalize.py and urls.py, then with
    today's, body by body: both see the same moment's load."""
    from bot.feeds.normalize import normalize_entries
    from bot.feeds.parse import parse_feed

    old_parse = _module_at(rev, "bot/feeds/parse.py", "_before_parse")
    old_norm = _module_at(rev, "bot/feeds/normalize.py", "_before_normalize")
    old_norm.canonical_url = _module_at(rev, "bot/feeds/urls.py", "_before_urls").canonical_url
    now = datetime(2026, 12, 1, tzinfo=UTC)
    sides = {
        "before": lambda b, u: old_norm.normalize_entries(old_parse.parse_feed(b, url=u), now=now),
        "ours": lambda b, u: normalize_entries(parse_feed(b, url=u), now=now),
    }
    totals = dict.fromkeys(sides, 0.0)
    docs = bodies(n)
    for body, url in docs[:150]:
        assert sides["before"](body, url) == sides["ours"](body, url), url
    for _ in range(rounds):
        for i, (body, url) in enumerate(docs):
            for name in ("before", "ours") if i % 2 else ("ours", "before"):  # neither first
                side = sides[name]
                c0 = time.process_time()
                side(body, url)
                totals[name] += time.process_time() - c0
    return {name: total / rounds for name, total in totals.items()}


def run_child(args: argparse.Namespace, code: Path | None) -> dict[str, Any]:
    argv = [__file__, "--phase", "--feeds", str(args.feeds), "--workers", str(args.workers)]
    result: dict[str, Any] = child_json(argv + ["--inproc-only"] * args.inproc_only, code)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="the pool's (the poller's: 2)")
    ap.add_argument("--before", metavar="REV")
    ap.add_argument("--inproc-only", action="store_true", help="no pool: in-process CPU only")
    ap.add_argument(
        "--paired", metavar="REV", help="parse+normalize body by body, REV's then ours, in-process"
    )
    ap.add_argument("--phase", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.paired:
        sys.path.insert(0, str(ROOT))
        result = paired(args.paired, args.feeds, args.rounds)
        print("CPU s per", args.feeds, "feeds:", json.dumps(result), "load", os.getloadavg()[0])
        return 0
    if args.phase:
        sys.path.insert(0, os.getcwd())
        print(json.dumps(phase(args.feeds, args.workers, not args.inproc_only)))
        return 0
    if not (REALWORLD / "INDEX.json").exists():
        print(f"needs {REALWORLD}", file=sys.stderr)
        return 2
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "before": []}
    with tempfile.TemporaryDirectory() as tmp:
        code = None
        if args.before:
            code = Path(tmp) / "before"
            code.mkdir()
            archive = subprocess.run(
                ["git", "archive", args.before, "bot"], cwd=ROOT, capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
        for _ in range(args.rounds):
            runs["ours"].append(run_child(args, None))
            print("ours:", json.dumps(runs["ours"][-1]), flush=True)
            if code is not None:
                runs["before"].append(run_child(args, code))
                print("before:", json.dumps(runs["before"][-1]), flush=True)
    for name, rs in runs.items():
        if rs:
            med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            print(f"{name} median: " + ", ".join(f"{k} {v:.2f}" for k, v in med.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
