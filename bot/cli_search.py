"""``newsbot search WORDS... [--page N] [--format md|json]``: stored articles matching words."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the search module (and the models) load only when a search runs
    from bot.community.search import SearchPage

PER_PAGE = 10


def search_to_dict(page: SearchPage) -> dict[str, Any]:
    return {
        "words": page.words,
        "total": page.total,
        "more_than_total": page.capped,
        "page": page.page,
        "pages": page.pages,
        "any_word": page.any_term,
        "results": [
            {
                "title": a.title,
                "url": a.url,
                "source": a.feed_name,
                "published": a.published_at.isoformat(),
            }
            for a in page.articles
        ],
    }


def search_to_markdown(page: SearchPage) -> str:
    some = " (no article has every word; these have some)" if page.any_term else ""
    lines = [
        f"# Search: {page.words}",
        "",
        f"{page.found}, page {page.page} of {page.pages}{some}.",
    ]
    lines.append("")
    for a in page.articles:
        lines.append(f"- {a.title} ({a.feed_name}, {a.published_at:%Y-%m-%d}) <{a.url}>")
    return "\n".join(lines) + "\n"


async def cmd_search(args: argparse.Namespace) -> int:
    from bot.app import build_app
    from bot.cli import _clock, _settings

    app = await build_app(_settings(args), _clock(args.now))
    try:
        page = await app.services.search(" ".join(args.words), page=args.page, per_page=PER_PAGE)
    finally:
        await app.close()
    if args.format == "json":
        sys.stdout.write(json.dumps(search_to_dict(page), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(search_to_markdown(page))
    return 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help="find stored articles by words")
    p.add_argument("words", nargs="+", help="words to look for (all of them, any case)")
    p.add_argument("--page", type=int, default=1, help=f"which page ({PER_PAGE} a page)")
    p.add_argument("--now", metavar="ISO8601", help="pin the clock (recency ranking)")
    p.add_argument("--format", choices=["md", "json"], default="md")
    p.set_defaults(func=cmd_search)
