"""`make demo`: the whole job, offline, with no token or key.

Serves the bundled real feed snapshots (demo/snapshots, origins in its ORIGINS.md) from a
loopback HTTP server, registers them in a fresh SQLite database under data/demo/, polls them
with the real poller, then builds and prints the digest for the day the snapshots were taken.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import sys
import threading
import tomllib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bot.clock import FixedClock, parse_iso
from bot.config import load_settings
from bot.errors import ConfigError, NewsbotError
from bot.models import FeedSpec, PollResult

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "demo" / "snapshots"


@dataclass(frozen=True)
class DemoPlan:
    now: str
    tz: str
    feeds: tuple[FeedSpec, ...]  # each url: a snapshot file, relative to the demo's server


def load_plan(folder: Path) -> DemoPlan:
    path = folder / "demo.toml"
    if not path.is_file():
        raise ConfigError(
            f"no demo snapshots at {folder}", hint="run from the project root (demo/snapshots/)"
        )
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    feeds = tuple(
        FeedSpec(
            name=str(f["name"]),
            url=str(f["file"]),
            tags=tuple(f.get("tags", ())),
            weight=float(f.get("weight", 1.0)),
        )
        for f in raw.get("feed", [])
    )
    if not feeds:
        raise ConfigError(f"{path} lists no [[feed]]")
    return DemoPlan(now=str(raw["now"]), tz=str(raw.get("tz", "UTC")), feeds=feeds)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A tiny loopback web server for the snapshot files; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, name="demo-feeds", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _fresh_dir(path: Path) -> None:
    """A fresh database every time: the demo is repeatable."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@contextlib.asynccontextmanager
async def demo_day(
    folder: Path, data_dir: Path, *, backend: str | None = None, added_by: str = "demo"
) -> AsyncIterator[tuple[Any, DemoPlan, list[PollResult]]]:
    """The demo's day, polled: a fresh database, the snapshots served on loopback, every
    feed registered and polled once. Yields the app (``bot.app.App``), the plan and the
    poll results; the bundled benchmarks start from here too."""
    from bot.app import build_app

    plan = load_plan(folder)
    _fresh_dir(data_dir)
    settings = load_settings(
        ROOT / "config",
        None,
        database_url=f"sqlite+aiosqlite:///{data_dir / 'newsbot.db'}",
        data_dir=data_dir,
        allow_private_networks=True,
        full_text_min_words=0,  # offline: never fetch the article pages behind the snapshots
        timezone=plan.tz,
        backend=backend,
    )
    clock = FixedClock(parse_iso(plan.now))
    with serve(folder) as base:
        app = await build_app(settings, clock, sync=False)
        try:
            for f in plan.feeds:
                await app.store.add_feed(
                    replace(f, url=f"{base}/{f.url}"),
                    clock.now(),
                    added_by=added_by,
                )
            results = await app.poller.poll()
            yield app, plan, results
        finally:
            await app.close()


async def run_demo(folder: Path, data_dir: Path, *, backend: str | None = None) -> str:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.rule import Rule

    from bot.cli_output import failures_in_table_only, poll_table
    from bot.render.markdown import render_markdown

    out = Console(highlight=False)
    plan = load_plan(folder)
    out.print(Rule("newsbot demo: offline, no keys"))
    out.print(
        f"Serving {len(plan.feeds)} real feed snapshots from {folder.relative_to(ROOT)} on "
        f"loopback; the clock is pinned to {plan.now} ({plan.tz})."
    )
    # the failing source's reason prints once, under the table, as `newsbot poll` does
    with failures_in_table_only(debug=False):
        async with demo_day(folder, data_dir, backend=backend) as (app, plan, results):
            poll_table(out, results)
            digest = await app.services.digest_for("today", tz=plan.tz)
    text: str = render_markdown(digest)
    _save(data_dir / "digest.md", text)
    out.print(Rule("today's digest"))
    if out.is_terminal:
        out.print(Markdown(text))
    else:
        sys.stdout.write(text.rstrip() + "\n")
    out.print(Rule())
    cmd = command_name()
    out.print(
        f"Saved to {data_dir / 'digest.md'}. Next: `{cmd} digest --help`, "
        f"`{cmd} run` (console mode), or add a token (see README)."
    )
    return text


def command_name() -> str:
    """``newsbot`` as this shell can run it: `make demo` leaves .venv/bin off PATH, and the
    hint's bare `newsbot` answered "command not found"."""
    script = Path(sys.executable).parent / "newsbot"
    found = shutil.which("newsbot")
    if not script.exists() or (found and Path(found).resolve() == script.resolve()):
        return "newsbot"
    with contextlib.suppress(ValueError):
        return str(script.relative_to(Path.cwd()))
    return str(script)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.demo", description=__doc__)
    parser.add_argument("--snapshots", type=Path, default=SNAPSHOTS, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "demo", help="output folder")
    parser.add_argument("--backend", choices=["extractive", "openai", "anthropic"])
    args = parser.parse_args(argv)
    try:
        asyncio.run(run_demo(args.snapshots.resolve(), args.data.resolve(), backend=args.backend))
    except NewsbotError as exc:
        sys.stderr.write(f"demo: error: {exc}\n")
        if exc.hint:
            sys.stderr.write(f"  fix: {exc.hint}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
