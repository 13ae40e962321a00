"""Poll throughput: our Poller against a naive feedparser loop, over a loopback "web".

A separate server process serves N feeds (default 1,000, drawn round-robin from the 150
real-world feeds in ../shared/fixtures/realworld, each at its own URL) spread over many
loopback hosts (127.0.0.2, 127.0.0.3, ...), so per-host limits act; every response, 304s
included, waits ``--delay`` seconds first (default 150 ms), like a real server far away.

Measured, in one run, each in its own child process (so peak RSS is its own):
  * ours, cold: every feed new, stored in a real Store on a temporary SQLite file;
  * ours, warm: the same feeds again, the server answers 304;
  * ours, the search index's catch-up after the cold poll (SQLite: a poll only queues its
    new entries for the index; ``Store.index_for_search`` indexes them, as `newsbot poll`
    and `newsbot run` do after each poll and every search does first), timed on its own;
  * with ``--before REV``: ours again, cold and warm, with the code of commit REV (unpacked
    with `git archive`, same interpreter and packages), right after ours;
  * with ``--rounds N``: ours (and before) N times, taking turns; the table gives each
    figure's median over the rounds (peak RSS: the highest) and a line lists every round's
    cold figures (on a shared machine one run of each can differ by a fifth from the next);
  * reader (the `reader` library, 3.26, if installed: the bench extra), cold and warm:
    ``update_feeds(workers=64, scheduled=False)`` into its own SQLite file, the same
    in-flight limit as ours;
  * baseline: ``feedparser.parse(url)`` in a sequential loop. Sequentially, 1,000 x (150 ms +
    the parse) takes minutes, so by default it runs over the first ``--baseline-feeds`` URLs
    (150: each real-world feed once, the same mix as the full set) and its feeds/s is
    extrapolated to N. ``--baseline-feeds 0`` runs it over all N.
  * parse cost alone per feed, in-process, for fastfeedparser and feedparser.

    .venv/bin/python bench/poll.py [--feeds 1000] [--delay 0.15] [--hosts 100] [--before REV]
        [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
REALWORLD = ROOT.parent / "shared" / "fixtures" / "realworld"


def realworld_files() -> list[Path]:
    index = json.loads((REALWORLD / "INDEX.json").read_text(encoding="utf-8"))
    return [REALWORLD / item["file"] for item in index]


def feed_urls(port: int, n: int, hosts: int, files: list[Path]) -> list[str]:
    return [
        f"http://127.0.0.{2 + i % hosts}:{port}/f/{i}/{files[i % len(files)].name}.xml"
        for i in range(n)
    ]


# --- the server process --------------------------------------------------------------------
async def serve(n: int, delay: float, hosts: int) -> None:
    from aiohttp import web

    files = realworld_files()
    docs = []
    for f in files:
        body = f.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        docs.append((body, etag, formatdate(f.stat().st_mtime, usegmt=True)))
    counts = {"200": 0, "304": 0}

    async def handle(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(delay)
        i = int(request.match_info["i"])
        if not 0 <= i < n:
            return web.Response(status=404)
        body, etag, lm = docs[i % len(docs)]
        headers = {"ETag": etag, "Last-Modified": lm}
        if request.headers.get("If-None-Match") == etag:
            counts["304"] += 1
            return web.Response(status=304, headers=headers)
        counts["200"] += 1
        return web.Response(body=body, content_type="application/xml", headers=headers)

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response(counts)

    app = web.Application()
    app.router.add_get("/f/{i}/{name}", handle)
    app.router.add_get("/stats", stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    first = web.TCPSite(runner, "127.0.0.2", 0, backlog=1024)
    await first.start()
    port = first._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    for k in range(3, 2 + hosts):
        await web.TCPSite(runner, f"127.0.0.{k}", port, backlog=1024).start()
    print(json.dumps({"port": port}), flush=True)
    await asyncio.Event().wait()


# --- measured phases (child processes) -----------------------------------------------------
def descendants_cpu(proc: psutil.Process) -> float:
    """User+system seconds of this process's descendants: the live ones' own, and what the
    ones already reaped left in their parent's children times (ours: the parse workers,
    children of multiprocessing's fork server)."""
    total = 0.0
    for child in proc.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            t = child.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
    return total


class Meter:
    def __init__(self) -> None:
        self.proc = psutil.Process()

    def __enter__(self) -> Meter:
        self.load = os.getloadavg()[0]
        self.cpu0 = sum(self.proc.cpu_times()[:2])
        self.kids0 = descendants_cpu(self.proc)
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.t0
        self.cpu = sum(self.proc.cpu_times()[:2]) - self.cpu0
        time.sleep(0.5)  # the pool's workers, shut down without waiting, exit and are reaped
        self.kids = descendants_cpu(self.proc) - self.kids0
        # ru_maxrss is the true peak (KiB on Linux); psutil only sees the current RSS
        self.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def row(self, feeds: int, **extra: Any) -> dict[str, Any]:
        return {
            "feeds": feeds,
            "wall": self.wall,
            "cpu": self.cpu,
            "workers_cpu": self.kids,
            "peak_mb": self.peak_mb,
            "fps": feeds / self.wall,
            "load": self.load,
            **extra,
        }


async def phase_ours(urls: list[str]) -> dict[str, Any]:
    from bot.clock import SystemClock
    from bot.config import load_settings
    from bot.feeds.fetch import Fetcher, make_client
    from bot.feeds.update import Poller
    from bot.models import FeedSpec, PollStatus
    from bot.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            ROOT / "config",
            env_file=None,
            database_url=f"sqlite+aiosqlite:///{tmp}/bench.db",
            data_dir=Path(tmp),
            allow_private_networks=True,
            full_text_min_words=0,  # the entries link to the real web: never fetch them
        )
        clock = SystemClock()
        store = await Store.open(settings.database_url)
        await store.sync_feeds(
            [FeedSpec(name=f"feed-{i:04d}", url=u) for i, u in enumerate(urls)], clock.now()
        )
        out: dict[str, Any] = {
            "max_concurrency": settings.max_concurrency,
            "per_host": settings.per_host_concurrency,
        }
        async with make_client(settings) as client:
            poller = Poller(store, Fetcher(client, settings), settings, clock)
            for name in ("cold", "warm"):
                with Meter() as m:
                    results = await poller.poll()
                index = getattr(store, "index_for_search", None)  # None: code from before it
                if name == "cold" and index is not None:
                    with Meter() as ix:
                        indexed = await index()
                    out["index"] = ix.row(len(urls), indexed=indexed)
                by_status: dict[str, int] = {}
                for r in results:
                    by_status[r.status.value] = by_status.get(r.status.value, 0) + 1
                errors = [
                    f"{r.feed_name}: {r.error}" for r in results if r.status is PollStatus.ERROR
                ]
                out[name] = m.row(len(urls), statuses=by_status, errors=errors[:5])
        out["entries"] = await store.count_entries()
        await store.close()
    return out


def phase_reader(urls: list[str]) -> dict[str, Any]:
    try:
        from reader import make_reader
    except ImportError:
        return {"missing": "reader is not installed (pip install -e '.[bench]')"}
    import reader as reader_pkg

    out: dict[str, Any] = {"version": reader_pkg.__version__}
    with tempfile.TemporaryDirectory() as tmp:
        r = make_reader(f"{tmp}/reader.sqlite")
        for url in urls:
            r.add_feed(url)
        for name in ("cold", "warm"):
            with Meter() as m:
                # scheduled=False: every feed, as the warm poll of ours (reader would skip
                # feeds it polled under an hour ago)
                r.update_feeds(workers=64, scheduled=False)
            out[name] = m.row(len(urls))
        out["entries"] = r.get_entry_counts().total
        r.close()
    return out


def phase_baseline(urls: list[str]) -> dict[str, Any]:
    import feedparser

    entries = 0
    bozo = 0
    with Meter() as m:
        for url in urls:
            d = feedparser.parse(url)
            entries += len(d.entries)
            bozo += bool(d.get("status") != 200)
    return m.row(len(urls), entries=entries, not_200=bozo)


def parse_cost() -> dict[str, float]:
    import fastfeedparser
    import feedparser

    out = {}
    bodies = [f.read_bytes() for f in realworld_files()]
    for name, parse in (
        ("fastfeedparser", fastfeedparser.parse),
        ("feedparser", feedparser.parse),
    ):
        t0 = time.perf_counter()
        for body in bodies:
            with contextlib.suppress(Exception):  # a failing parse still costs its time
                parse(body)
        out[name] = (time.perf_counter() - t0) / len(bodies) * 1000
    return out


# --- orchestration --------------------------------------------------------------------------
def child(
    args: argparse.Namespace, phase: str, urls: list[str], code: Path | None = None
) -> dict[str, Any]:
    # A before run starts in the unpacked commit's folder: the parse workers' fork server
    # imports the bot package before it takes any path from this process, so from its
    # working directory first (run from here, a before run's workers ran today's parser).
    proc = subprocess.run(
        [sys.executable, __file__, "--phase", phase, *(["--code", str(code)] if code else [])],
        cwd=code,
        input=json.dumps(urls),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{phase} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


_FIGURES = ("wall", "cpu", "workers_cpu", "peak_mb", "fps", "load")


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One run's shape, each figure of each phase the median over ``runs`` but peak RSS the
    highest (a target is a ceiling); the rest, such as the statuses, from the first run."""
    out = dict(runs[0])
    for phase in ("cold", "warm", "index"):
        if phase in out:
            out[phase] = dict(out[phase]) | {
                k: (max if k == "peak_mb" else statistics.median)(r[phase][k] for r in runs)
                for k in _FIGURES
                if k in out[phase]
            }
    out["rounds"] = [r["cold"] for r in runs]
    return out


def rounds_line(name: str, run: dict[str, Any]) -> str:
    cold = run.get("rounds", [])
    if len(cold) < 2:
        return ""
    each = ", ".join(
        f"{c['wall']:.1f}/{c['cpu']:.1f}/{c.get('workers_cpu', 0.0):.1f} (load {c['load']:.1f})"
        for c in cold
    )
    return f"{name}: {each}. "


def report(
    args: argparse.Namespace,
    ours: dict[str, Any],
    before: dict[str, Any] | None,
    peer: dict[str, Any],
    base: dict[str, Any],
    parse: dict[str, float],
) -> str:
    n = args.feeds
    cold, warm = ours["cold"], ours["warm"]
    extrap = base["feeds"] != n
    # the network floor: every response waits `delay`, at most max_concurrency in flight
    floor = n * args.delay / ours["max_concurrency"]

    def line(name: str, r: dict[str, Any], *, workers: bool = False) -> str:
        # a run over fewer URLs (the same mix) is extrapolated to n by its feeds/s
        wall = None if r["feeds"] == n else n / r["fps"]
        w = f"{r['wall']:.1f}" if wall is None else f"{wall:.0f} (extrapolated)"
        vs_floor = (wall or r["wall"]) / floor
        kids = f"{r['workers_cpu']:.1f}" if workers and "workers_cpu" in r else ""
        return (
            f"| {name} | {r['feeds']:,} | {w} | "
            + (f"{vs_floor:.1f}x" if vs_floor else "")
            + f" | {r['cpu']:.1f} | {kids} | {r['peak_mb']:.0f} | {r['fps']:.1f} | "
            f"{r['fps'] / base['fps']:.1f}x | {r['load']:.1f} |"
        )

    ok = lambda good: "met" if good else "**missed**"  # noqa: E731
    rows = [
        "| run | feeds | wall s | vs floor | CPU s | parse workers CPU s | peak RSS MB | feeds/s "
        "| vs feedparser loop | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        line("sequential `feedparser.parse(url)` loop", base),
    ]
    if "missing" in peer:
        peer_note = f"reader: not measured ({peer['missing']}). "
    else:
        rows += [
            line(f"reader {peer['version']} `update_feeds(workers=64)`, cold", peer["cold"]),
            line(f"reader {peer['version']}, warm (304s)", peer["warm"]),
        ]
        peer_note = (
            f"reader ran over the first {peer['cold']['feeds']:,} URLs (the same mix), "
            f"stored {peer['entries']:,} entries, and is extrapolated to {n:,} by its "
            "feeds/s where it ran over fewer. "
        )
    rows += [
        line("newsbot `Poller`, cold (all new, stored in SQLite)", cold, workers=True),
        line("newsbot `Poller`, warm (server answers 304)", warm, workers=True),
    ]
    index_note = ""
    if "index" in ours:
        ix = ours["index"]
        rows.append(
            f"| newsbot search index catch-up, after the cold poll ({ix['indexed']:,} entries) "
            f"| | {ix['wall']:.1f} | | {ix['cpu']:.1f} | | {ix['peak_mb']:.0f} | | | "
            f"{ix['load']:.1f} |"
        )
        index_note = (
            "The cold poll only queues its new entries for SQLite's search index; the catch-up "
            "row is that queue indexed afterwards (`Store.index_for_search`, which `newsbot "
            "poll` and `newsbot run` call after a poll and every search calls first), timed "
            "on its own and not part of the cold row. "
        )
    before_note = ""
    if before is not None:
        rows += [
            line(f"newsbot before ({args.before}), cold", before["cold"], workers=True),
            line(f"newsbot before ({args.before}), warm", before["warm"], workers=True),
        ]
        before_note = (
            f"*Before*: the same phase run right after ours, with the bot package of commit "
            f"{args.before} (same interpreter and packages; its poll indexes for search inside "
            "the poll if that commit did). "
        )
        if "index" in ours and "index" not in before:
            both = cold["cpu"] + ours["index"]["cpu"]
            before_note += (
                f"Poll and catch-up together: {cold['wall'] + ours['index']['wall']:.1f} s wall, "
                f"{both:.1f} s CPU, against the before poll's {before['cold']['wall']:.1f} s and "
                f"{before['cold']['cpu']:.1f} s (its indexing inside). "
            )
    peak = max(cold["peak_mb"], warm["peak_mb"])
    if extrap:
        base_note = (
            f"The feedparser loop ran over the first {base['feeds']} URLs (each real-world feed "
            f"once, the mix of the full set); its wall time is extrapolated to {n:,} feeds. "
        )
    else:
        base_note = ""
    vs_reader = (
        f" {cold['fps'] / peer['cold']['fps']:.1f}x reader's feeds/s cold (target >= 5x: "
        f"{ok(cold['fps'] / peer['cold']['fps'] >= 5)});"
        if "missing" not in peer
        else ""
    )
    # With the parse workers on the same cores as the bot, CPU alone bounds the wall time.
    cores = os.cpu_count() or 1
    cold_cpu = cold["cpu"] + cold.get("workers_cpu", 0.0)
    cpu_note = (
        f"The cold poll's CPU, bot {cold['cpu']:.1f} s + parse workers "
        f"{cold.get('workers_cpu', 0.0):.1f} s = {cold_cpu:.1f} s, needs at least "
        f"{cold_cpu / cores:.1f} s of wall time on {cores} cores even with no other work on "
        f"them (2x the floor is {2 * floor:.1f} s).\n\n"
    )
    rounds_note = ""
    if args.rounds > 1:
        rounds_note = (
            f"*Rounds*: ours{' and before' if before else ''} ran {args.rounds} times, taking "
            "turns; each figure in their rows is the median over the rounds, peak RSS the "
            "highest round's. Every round's "
            "cold wall s / bot CPU s / parse workers CPU s: "
            + rounds_line("ours", ours)
            + (rounds_line("before", before) if before else "")
            + "\n\n"
        )
    text = f"""
{n:,} feeds (round-robin over the 150 real-world feeds of ../shared/fixtures/realworld, each
at its own URL), spread over {args.hosts} loopback hosts, served by a separate process that
waits {args.delay * 1000:.0f} ms before every response (304s included). The network floor is
{n:,} x {args.delay * 1000:.0f} ms / {ours["max_concurrency"]} in flight = **{floor:.2f} s**.
newsbot: `Poller` with the shipped defaults (at most {ours["max_concurrency"]} requests in
flight, {ours["per_host"]} per host), a real `Store` on a temporary SQLite file;
{ours["entries"]:,} entries stored. Cold results: {cold["statuses"]}; warm:
{warm["statuses"]}. {peer_note}{base_note}{index_note}{before_note}Each tool runs in its own
child process, one after another: CPU is that process's user+system time (all its threads),
*parse workers CPU* that of newsbot's parse worker processes (its descendants), peak RSS its
`ru_maxrss`; *load* is the 1-minute load average as the run started (2 cores, shared with
other helpers' work: wall times are inflated when it is high).

{chr(10).join(rows)}

Parse cost alone, mean per real-world feed (the 150 feeds, in-process, bytes in hand):
fastfeedparser {parse["fastfeedparser"]:.1f} ms, feedparser {parse["feedparser"]:.1f} ms
({parse["feedparser"] / parse["fastfeedparser"]:.0f}x). The same library code on the same
bytes, so it also gauges how fast this machine ran that day: CPU seconds move with it from run
to run (on this shared host the same commit has measured 1.5x slower per CPU second on one day
than another, with no other work in the guest). Compare trees within one run (*before*), not
against another day's figures.

{rounds_note}{cpu_note}Targets: cold <= 2x the floor: **{cold["wall"] / floor:.1f}x**, {ok(cold["wall"] <= 2 * floor)};
warm <= 1.3x the floor: **{warm["wall"] / floor:.1f}x**, {ok(warm["wall"] <= 1.3 * floor)};
peak RSS <= 150 MB: **{peak:.0f} MB**, {ok(peak <= 150)};{vs_reader}
{cold["fps"] / base["fps"]:.0f}x the feedparser loop's feeds/s (target >= 40x:
{ok(cold["fps"] / base["fps"] >= 40)}).
"""
    errors = cold["errors"] + warm["errors"]
    if errors:
        text += "\nFirst errors: " + "; ".join(errors) + "\n"
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--delay", type=float, default=0.150, help="seconds before each response")
    ap.add_argument("--hosts", type=int, default=100, help="loopback hosts (max 250)")
    ap.add_argument("--baseline-feeds", type=int, default=150, help="0: all of --feeds")
    ap.add_argument(
        "--peer-feeds", type=int, default=200, help="reader's share of the URLs (0: all)"
    )
    ap.add_argument("--no-write", action="store_true", help="print, don't touch BENCHMARKS.md")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument(
        "--before", metavar="REV", help="also run ours with the code of commit REV, side by side"
    )
    ap.add_argument("--rounds", type=int, default=1, help="runs of ours (and before), taking turns")
    ap.add_argument("--phase", choices=["ours", "reader", "baseline"], help=argparse.SUPPRESS)
    ap.add_argument("--code", help=argparse.SUPPRESS)  # the bot package's folder, for --before
    args = ap.parse_args()
    if args.code:
        sys.path.insert(0, args.code)
    if args.serve:
        asyncio.run(serve(args.feeds, args.delay, args.hosts))
        return 0
    if args.phase:
        urls = json.loads(sys.stdin.read())
        if args.phase == "ours":
            result = asyncio.run(phase_ours(urls))
        else:
            result = phase_reader(urls) if args.phase == "reader" else phase_baseline(urls)
        print(json.dumps(result))
        return 0
    if not (REALWORLD / "INDEX.json").is_file():
        print(f"needs {REALWORLD} (../shared/fixtures/realworld)", file=sys.stderr)
        return 2
    if not 1 <= args.hosts <= 250:
        ap.error("--hosts must be 1..250")
    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            "--feeds",
            str(args.feeds),
            "--delay",
            str(args.delay),
            "--hosts",
            str(args.hosts),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = json.loads(server.stdout.readline())["port"]
        urls = feed_urls(port, args.feeds, args.hosts, realworld_files())
        print(f"serving {len(urls):,} feeds on {args.hosts} hosts, port {port}", flush=True)
        ours_runs: list[dict[str, Any]] = []
        before_runs: list[dict[str, Any]] = []
        with tempfile.TemporaryDirectory() as tmp:
            code = None
            if args.before:
                from _report import unpack_bot

                code = unpack_bot(args.before, Path(tmp))
            for _round in range(max(1, args.rounds)):
                ours_runs.append(child(args, "ours", urls))
                print("ours:", json.dumps(ours_runs[-1]), flush=True)
                if code is not None:
                    before_runs.append(child(args, "ours", urls, code))
                    print("before:", json.dumps(before_runs[-1]), flush=True)
        ours = median_run(ours_runs)
        before = median_run(before_runs) if before_runs else None
        peer = child(args, "reader", urls[: args.peer_feeds or args.feeds])
        print("reader:", json.dumps(peer), flush=True)
        nb = args.baseline_feeds or args.feeds
        base = child(args, "baseline", urls[: min(nb, args.feeds)])
        print("baseline:", json.dumps(base), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    parse = parse_cost()
    text = report(args, ours, before, peer, base, parse)
    print(text)
    if not args.no_write:
        from _report import write_section

        write_section("poll", text)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
