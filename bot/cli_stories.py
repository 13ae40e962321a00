"""``newsbot stories``: every story of a window with its articles, and why they were joined.

newsbot stories [today|yesterday|week|YYYY-MM-DD] [--now ISO] [--tz ZONE]
                [--format md|json] [--explain]
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the grouping code (numpy) loads when the command runs, not for --help
    from bot.digest.explain import WindowStories


def stories_to_dict(report: WindowStories, *, explain: bool = False) -> dict[str, Any]:
    w = report.window
    stories = []
    for story in report.stories:
        item: dict[str, Any] = {
            "title": story.title,
            "articles": [
                {
                    "url": a.url,
                    "source": a.source,
                    "title": a.title,
                    "published": a.published.isoformat(),
                }
                for a in story.articles
            ],
        }
        if explain:
            item["signals"] = list(story.signals)
        stories.append(item)
    return {
        "window": {
            "start": w.start.isoformat(),
            "end": w.end.isoformat(),
            "tz": w.tz,
            "label": w.label,
        },
        "stories": stories,
    }


def stories_to_markdown(report: WindowStories, *, explain: bool = False) -> str:
    w = report.window
    lines = [
        f"# Stories: {w.label} ({w.start:%Y-%m-%d %H:%M} to {w.end:%Y-%m-%d %H:%M} UTC, {w.tz})",
        "",
        f"{len(report.stories)} stories from "
        f"{sum(len(s.articles) for s in report.stories)} articles.",
    ]
    for n, story in enumerate(report.stories, 1):
        lines += ["", f"## {n}. {story.title}"]
        for a in story.articles:
            lines.append(f"- {a.title} ({a.source}, {a.published:%Y-%m-%d %H:%M} UTC) <{a.url}>")
        if explain and story.signals:
            lines += ["", "Joined by:"] + [f"- {s}" for s in story.signals]
    return "\n".join(lines) + "\n"


async def cmd_stories(args: argparse.Namespace) -> int:
    from bot.app import build_app
    from bot.cli import _clock, _settings

    app = await build_app(_settings(args), _clock(args.now))
    try:
        report = await app.services.stories_for(args.when, tz=args.tz, explain=args.explain)
    finally:
        await app.close()
    if args.format == "json":
        text = json.dumps(
            stories_to_dict(report, explain=args.explain), indent=2, ensure_ascii=False
        )
        sys.stdout.write(text + "\n")
    else:
        sys.stdout.write(stories_to_markdown(report, explain=args.explain))
    return 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "stories", parents=[common], help="every story of a window and what joined it"
    )
    p.add_argument("when", nargs="?", default="today", help="today | yesterday | week | YYYY-MM-DD")
    p.add_argument("--now", metavar="ISO8601", help="pin the clock (replays, tests)")
    p.add_argument("--tz", metavar="ZONE", help="time zone of the day (default: settings)")
    p.add_argument("--format", choices=["md", "json"], default="md")
    p.add_argument("--explain", action="store_true", help="show the signals that joined each story")
    p.set_defaults(func=cmd_stories)
