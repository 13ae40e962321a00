"""The smallest valid RSS feed: one dated item, numbered, for tests that need many feeds."""

from __future__ import annotations


def one_item_rss(n: int) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        f"<item><title>Story {n}</title><link>https://example.org/{n}</link>"
        f"<guid>g{n}</guid><description>Text of story {n}.</description>"
        "<pubDate>Sat, 22 Aug 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    ).encode()
