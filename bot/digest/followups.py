"""Follow-ups: a story that continues one from earlier days says so ("Day 3") and links back.

The grouping decides what "the same event" is: the chosen stories' articles are grouped
again together with the articles of the ``LOOKBACK`` days before the window, and a story
whose group takes in earlier articles is a follow-up. Its day count runs from the earliest
of those, in the reader's zone. The story itself keeps only the window's articles, so its
summary is written from what the new articles add; the earlier coverage is a link (the
earlier digest post when the channel has one, else the earlier lead article).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.models import Article, DigestStory, DigestWindow, FollowUp, Story
from bot.render.common import local

LOOKBACK = timedelta(days=6)


def find_followups(
    stories: Sequence[Story], earlier: Sequence[Article], window: DigestWindow
) -> list[FollowUp | None]:
    """For each story, its follow-up mark, or None when nothing earlier told it."""
    if not stories or not earlier:
        return [None] * len(stories)
    before = {a.id: a for a in earlier if a.published_at < window.start}
    mine = {a.id: i for i, s in enumerate(stories) for a in s.articles}
    pool = [a for s in stories for a in s.articles] + list(before.values())
    found: list[list[Article]] = [[] for _ in stories]
    from bot.digest.cluster import cluster  # numpy: loaded only when there is work for it

    for group in cluster(pool):
        owners = {mine[a.id] for a in group.articles if a.id in mine and a.id not in before}
        older = [a for a in group.articles if a.id in before]
        if len(owners) == 1 and older:  # one chosen story and its earlier coverage
            found[owners.pop()].extend(older)
    return [_mark(older, window) if older else None for older in found]


def _mark(older: list[Article], window: DigestWindow) -> FollowUp:
    first = min(older, key=lambda a: a.published_at)
    last = max(older, key=lambda a: a.published_at)
    today = local(window.end - timedelta(microseconds=1), window.tz).date()
    day = (today - local(first.published_at, window.tz).date()).days + 1
    return FollowUp(
        day=max(day, 2),
        since=first.published_at,
        earlier_title=last.title,
        earlier_url=last.url,
        earlier_at=last.published_at,
    )


def with_followups(
    stories: Sequence[DigestStory], marks: Sequence[FollowUp | None]
) -> list[DigestStory]:
    return [replace(s, followup=m) if m else s for s, m in zip(stories, marks, strict=True)]


def link_earlier_posts(
    stories: Sequence[DigestStory], posts: Sequence[tuple[datetime, datetime, str]]
) -> list[DigestStory]:
    """Point each follow-up at the channel's earlier post that covered its last earlier
    article (``posts``: window start, window end, link), when there is one."""
    out: list[DigestStory] = []
    for s in stories:
        f = s.followup
        post = next((p for p in posts if f and p[0] <= f.earlier_at < p[1]), None)
        out.append(replace(s, followup=replace(f, digest_url=post[2])) if f and post else s)
    return out
