"""``newsbot digest [today|yesterday|week|YYYY-MM-DD]``: build a digest from what is stored
and print it, as Markdown (rendered on a terminal) or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from bot.cli import _clock, _console, _settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("digest", parents=[common], help="build and print a digest")
    p.add_argument("when", nargs="?", default="today", help="today | yesterday | week | YYYY-MM-DD")
    p.add_argument("--now", metavar="ISO8601", help="pin the clock (replays, the demo, tests)")
    p.add_argument("--tz", metavar="ZONE", help="time zone of the day (default: settings)")
    p.add_argument("--backend", choices=["extractive", "openai", "anthropic"], help="summarizer")
    p.add_argument("--topic", help="only stories about this topic")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="from that local day until now")
    p.add_argument("--days", type=int, metavar="N", help="the last N days (1 to 31)")
    p.add_argument("--format", choices=["md", "json"], default="md")
    p.add_argument("--poll", action="store_true", help="poll the sources first")
    p.set_defaults(func=cmd_digest)


async def cmd_digest(args: argparse.Namespace) -> int:
    from bot.app import build_app

    settings = _settings(args, backend=args.backend)
    clock = _clock(args.now)
    app = await build_app(settings, clock)
    try:
        if args.poll:
            await app.services.poll()
        from bot.community.ranges import cli_when

        when = cli_when(args.when, args.since, args.days)
        digest = await app.services.digest_for(when, tz=args.tz, topic=args.topic)
    finally:
        await app.close()
    if args.format == "json":
        from bot.render.jsonout import digest_to_dict

        sys.stdout.write(json.dumps(digest_to_dict(digest), indent=2, ensure_ascii=False) + "\n")
        return 0
    from bot.render.markdown import render_markdown

    text = render_markdown(digest)
    # rich (loaded only when it may be used) renders for a terminal; a pipe gets the Markdown
    out = _console() if sys.stdout.isatty() or os.environ.get("FORCE_COLOR") else None
    if out is not None and out.is_terminal:
        from rich.markdown import Markdown

        out.print(Markdown(text))
    else:
        sys.stdout.write(text.rstrip() + "\n")
    return 0
