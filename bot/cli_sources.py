"""``newsbot sources list|add|remove|import|export``: the sources, through Services.

``list``, ``remove``, ``import`` and ``export`` never write a digest, so they build the app
without the writer: a missing LLM key does not block them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli import _clock, _console, _jsonable, _print_json, _settings, _write_file
from bot.errors import SourceError
from bot.feeds.urls import shown_text, shown_url

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.models import Feed
    from bot.services import Services


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "sources", parents=[common], help="list, add, remove, import, export sources"
    )
    p.set_defaults(func=cmd_sources, action=None)
    ssub = p.add_subparsers(dest="action", metavar="ACTION")
    q = ssub.add_parser("list", parents=[common], help="list sources with their health")
    q.add_argument("--json", action="store_true", help="print as JSON")
    q = ssub.add_parser("add", parents=[common], help="validate a feed, preview it, and add it")
    q.add_argument("url")
    q.add_argument("--name", help="name to show (default: the feed's title)")
    q.add_argument(
        "--tags",
        type=lambda s: [t.strip() for t in s.split(",") if t.strip()],
        help="comma-separated tags",
    )
    q.add_argument("--weight", type=float, default=1.0, help="ranking weight (default 1.0)")
    q = ssub.add_parser(
        "remove", parents=[common], help="remove a source (config ones are disabled)"
    )
    q.add_argument("name")
    q = ssub.add_parser("import", parents=[common], help="add the feeds of an OPML file")
    q.add_argument("file")
    q = ssub.add_parser("export", parents=[common], help="write the sources as OPML 2.0")
    q.add_argument("file", nargs="?")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)


async def cmd_sources(args: argparse.Namespace) -> int:
    from bot.app import build_app

    action = args.action or "list"
    settings = _settings(args)
    # list, remove, import and export never write a digest: no LLM settings needed for them
    app = await build_app(settings, _clock(getattr(args, "now", None)), writer=action == "add")
    try:
        if action == "add":
            return await _sources_add(args, app.services)
        return await _sources_manage(args, action, app.services)
    finally:
        await app.close()


async def _sources_add(args: argparse.Namespace, services: Services) -> int:
    feed, preview = await services.add_source(
        args.url, name=args.name, user="cli", tags=args.tags or (), weight=args.weight
    )
    out = _console()
    out.print(f"Added [bold]{feed.name}[/] ({shown_url(feed.url)})")
    if preview:
        out.print("Newest items:")
        for a in preview:
            out.print(f"  {a.published_at:%Y-%m-%d %H:%M}  {a.title}")
    else:
        out.print("The feed is valid but has no items right now.")
    return 0


async def _sources_manage(args: argparse.Namespace, action: str, services: Services) -> int:
    out = _console()
    if action == "list":
        return _sources_table(args, await services.list_sources(all_scopes=True), services.clock)
    if action == "remove":
        feed = await services.remove_source(args.name)
        out.print(f"Removed {feed.name} (no longer polled; its stored entries are kept)")
        return 0
    if action == "import":
        path = Path(args.file)
        data = _read_file(path)
        from bot.feeds.opml import parse_opml

        specs = parse_opml(data)
        if not specs:
            raise SourceError(
                f"{path} lists no feeds", hint="is it an OPML file with xmlUrl outlines?"
            )
        added, skipped = await services.import_sources(specs)
        out.print(f"Imported {len(added)} sources from {path}; {len(skipped)} skipped.")
        for line in skipped:
            out.print(f"  skipped {line}")
        if added:
            out.print("Run `newsbot poll` to fetch them.")
        return 0
    # export
    from bot.feeds.opml import to_opml

    feeds = [f for f in await services.list_sources(all_scopes=True) if f.enabled]
    text = to_opml(feeds)
    if args.file:
        _write_file(Path(args.file), text)
        _console(stderr=True).print(f"Wrote {len(feeds)} sources to {args.file}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _sources_table(args: argparse.Namespace, feeds: list[Feed], clock: Clock) -> int:
    from bot.health import source_health

    now = clock.now()
    if args.json:
        _print_json(
            [
                {
                    "id": f.id,  # the first key still (asdict puts the FeedSpec fields first)
                    **_jsonable(f),
                    "url": shown_url(f.url),
                    "last_error": shown_text(f.last_error) if f.last_error else None,
                    "healthy": f.healthy,
                    "health": source_health(f, now),
                }
                for f in feeds
            ]
        )
        return 0
    from rich.table import Table

    table = Table(title=f"Sources ({len(feeds)})")
    for col in ("name", "health", "entries", "tags", "url"):
        table.add_column(col, justify="right" if col == "entries" else "left")
    for f in feeds:
        health = source_health(f, now)
        style = "red" if f.consecutive_failures else ("dim" if not f.enabled else "green")
        name = f.name + (f" [dim]({f.scope})[/]" if f.scope else "")
        table.add_row(
            name, f"[{style}]{health}[/]", str(f.entries_count), ", ".join(f.tags), shown_url(f.url)
        )
    _console().print(table)
    return 0


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(
            f"cannot read {path}: {exc.strerror}", hint="give the path of an .opml file"
        ) from exc
