"""Every story of a window with its articles and, on request, what joined them.

The ``newsbot stories`` command shows this; users and tests use it to see what was
grouped and why. A link says "same page", "same text", "copy" (one feed's retitled
entry), or "similar" with the similarity and the names and words the two share that
weigh most.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.digest.cluster import Link, cluster_with_links
from bot.digest.features import vectorize
from bot.digest.rank import rank
from bot.models import Article, DigestArticle, DigestWindow

SHARED_SHOWN = 6


@dataclass(frozen=True)
class StoryReport:
    title: str
    articles: tuple[DigestArticle, ...]
    signals: tuple[str, ...] = ()  # one line per link, only when asked to explain


@dataclass(frozen=True)
class WindowStories:
    window: DigestWindow
    stories: tuple[StoryReport, ...]


def _shared(terms_a: dict[str, float], terms_b: dict[str, float]) -> tuple[list[str], list[str]]:
    """The shared names and words that weigh most in the pair's similarity."""
    both = sorted(terms_a.keys() & terms_b.keys(), key=lambda t: -terms_a[t] * terms_b[t])
    names = [t[1:] for t in both if t.startswith("#")][:SHARED_SHOWN]
    words = [t for t in both if not t.startswith("#")][:SHARED_SHOWN]
    return names, words


def _signal(link: Link, by_id: dict[int, Article], terms: dict[int, dict[str, float]]) -> str:
    a, b = by_id[link.a], by_id[link.b]
    head = f"{a.feed_name} + {b.feed_name}: {link.kind}"
    if link.kind in ("same page", "same text"):
        return head
    names, words = _shared(terms[link.a], terms[link.b])
    parts = [f"{head} {link.similarity:.2f}"]
    if names:
        parts.append("names: " + ", ".join(names))
    if words:
        parts.append("words: " + ", ".join(words))
    return "; ".join(parts)


def window_stories(
    window: DigestWindow,
    articles: Sequence[Article],
    *,
    explain: bool = False,
    embeddings: Mapping[int, npt.NDArray[np.float32]] | None = None,
) -> WindowStories:
    """The window's stories, best first (as the digest ranks them), each with every
    article; with ``explain``, the links that joined each story's articles. Pass the
    digest's ``embeddings`` (if it uses them) to see the grouping the digest sees."""
    stories, links = cluster_with_links(articles, embeddings)
    ranked = rank(stories, now=window.end)
    terms: dict[int, dict[str, float]] = {}
    if explain and links:
        items = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
        vec = vectorize(items)  # the same vectors the grouping compared
        wanted = {i for link in links for i in (link.a, link.b)}
        terms = {a.id: vec.terms_of(i) for i, a in enumerate(items) if a.id in wanted}
    by_id = {a.id: a for a in articles}
    out = []
    for story in ranked:
        ids = {a.id for a in story.articles}
        signals = tuple(_signal(link, by_id, terms) for link in links if explain and link.a in ids)
        out.append(
            StoryReport(
                title=story.lead_article.title,
                articles=tuple(DigestArticle.of(a) for a in story.articles),
                signals=signals,
            )
        )
    return WindowStories(window=window, stories=tuple(out))
