"""Group articles that tell the same story, across outlets, in whatever words.

Three steps (docs/grouping.md says it in plain words):

1. Copies: the same page (canonical URL), the same text (content hash, or the same
   body under another title) are one story at once.
2. Similarity: every article is a TF-IDF vector of its title and first few hundred
   words, with rare names weighted up (features.py); pairs that share rare terms are
   scored without comparing all pairs (candidates.py).
3. Average linkage (linkage.py): groups merge best pair first while their average
   similarity stays above ``THRESHOLD``, never across more than ``NEAR_WINDOW``, never
   with two different entries of one feed (one feed's two posts on a subject are two
   pieces unless one is a copy of the other), never past ``MAX_STORY`` articles.

Output is deterministic: the same articles in any order give the same stories.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import numpy.typing as npt

from bot.digest.candidates import nearest_pairs, similar_pairs
from bot.digest.features import tokens, vectorize
from bot.digest.linkage import Group, Limits, merge
from bot.models import Article, Story

__all__ = ["Link", "cluster", "cluster_with_links", "story_key", "tokens"]

# Two reports more than this far apart are never compared; a story never spreads wider.
# Four days: a company's post, the press write-up and a follow-up explainer span that.
NEAR_WINDOW = timedelta(hours=96)
# Tuned on the tuning half of Multi-News dev (bench/cluster.py), checked on the labelled
# AI-news set; see docs/BENCHMARKS.md.
THRESHOLD = 0.15
# Pairs below this never count toward a group's average (they are "not similar").
EDGE_FLOOR = 0.05
# Two entries of one feed are one story only when one is a copy of the other.
SAME_FEED_COPY = 0.80
MAX_STORY = 40
# Short entries (a headline and a line) agree by accident more often: two status notices
# share "elevated errors resolved". Their similarity is discounted by up to this much,
# in proportion to how far the shorter one falls below SHORT_TERMS distinct terms.
SHORT_DISCOUNT = 0.20
SHORT_TERMS = 30
# Optional embeddings (embed.py): each article's EMBED_NEIGHBOURS nearest neighbours
# with cosine >= EMBED_MIN become pairs scoring THRESHOLD at EMBED_MIN, more above. Not
# tuned on data (no embedding model is reachable offline): set high, to add only pairs
# an embedding model is sure about.
EMBED_MIN = 0.85
EMBED_NEIGHBOURS = 5
MIN_TEXT_KEY_WORDS = 15
TEXT_KEY_WORDS = 1000


@dataclass(frozen=True)
class Link:
    """Why two articles (ids) were put together: "same page", "same text", "copy", or
    "similar" with the similarity of their vectors."""

    a: int
    b: int
    kind: str
    similarity: float = 1.0


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        # the smaller index wins, so roots do not depend on the order of unions
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _text_key(article: Article) -> str:
    """The body alone, for retitled copies (a podcast and a video page with one blurb).
    Short bodies are left out: "Read more." is not a story."""
    # the first TEXT_KEY_WORDS words and the length: splitting a 20,000-word page whole
    # for every article costs more than all the rest of the grouping
    words = article.text.split(maxsplit=TEXT_KEY_WORDS)
    if len(words) < MIN_TEXT_KEY_WORDS:
        return ""
    key = f"{len(article.text)}\n" + " ".join(words[:TEXT_KEY_WORDS]).casefold()
    return hashlib.sha256(key.encode()).hexdigest()


def _same_title(a: Article, b: Article) -> bool:
    return " ".join(a.title.casefold().split()) == " ".join(b.title.casefold().split())


def _order_key(a: Article) -> tuple[float, float, int]:
    """Best first: the heaviest feed, then the earliest report, then the oldest row."""
    return (-a.feed_weight, a.published_at.timestamp(), a.id)


def story_key(articles: Iterable[Article]) -> str:
    urls = sorted({a.canonical_url for a in articles})
    return hashlib.sha256("\n".join(urls).encode()).hexdigest()[:16]


def _copies(items: Sequence[Article], uf: _UnionFind, links: list[Link]) -> None:
    """Same page or same text. A changelog or status feed points many entries at one
    page; inside one feed, the same URL is the same story only with the same title."""
    first_seen: dict[tuple[str, str], int] = {}
    for i, art in enumerate(items):
        for kind, value in (
            ("same page", art.canonical_url),
            ("same text", art.content_hash),
            ("same text", _text_key(art)),
        ):
            if not value:
                continue
            j = first_seen.setdefault((kind, value), i)
            other = items[j]
            same_text = kind != "same page"
            joins = j != i and (
                other.feed_id != art.feed_id or same_text or _same_title(other, art)
            )
            if joins and uf.union(i, j):
                links.append(Link(other.id, art.id, kind))


Edge = tuple[int, int, float, str]  # two item indices, score, "similar" or "meaning"


def _text_pairs(items: Sequence[Article]) -> list[tuple[int, int, float, float]]:
    """(i, j, similarity, score): the score is the similarity less the short-entry discount."""
    vec = vectorize(items)
    pairs = similar_pairs(vec, len(items), floor=EDGE_FLOOR)
    length = np.bincount(vec.doc, minlength=len(items))
    shorter = np.minimum(length[pairs.left], length[pairs.right])
    discount = SHORT_DISCOUNT * np.clip(1.0 - shorter / SHORT_TERMS, 0.0, 1.0)
    score = pairs.sim - discount
    return list(
        zip(
            pairs.left.tolist(),
            pairs.right.tolist(),
            pairs.sim.tolist(),
            score.tolist(),
            strict=True,
        )
    )


def _meaning_pairs(
    items: Sequence[Article], embeddings: Mapping[int, npt.NDArray[np.float32]]
) -> list[tuple[int, int, float]]:
    """(i, j, score) for the nearest neighbours by embedding."""
    have = [i for i, a in enumerate(items) if a.id in embeddings]
    if len(have) < 2:
        return []
    matrix = np.vstack([embeddings[items[i].id] for i in have]).astype(np.float32)
    pairs = nearest_pairs(matrix, k=EMBED_NEIGHBOURS, floor=EMBED_MIN)
    return [
        (have[a], have[b], THRESHOLD + (cos - EMBED_MIN))
        for a, b, cos in zip(
            pairs.left.tolist(), pairs.right.tolist(), pairs.sim.tolist(), strict=True
        )
    ]


def _similar(
    items: Sequence[Article],
    uf: _UnionFind,
    links: list[Link],
    embeddings: Mapping[int, npt.NDArray[np.float32]] | None,
) -> list[Edge]:
    """Scored pairs inside the time window; same-feed near-copies are joined here,
    other same-feed pairs dropped."""
    best: dict[tuple[int, int], Edge] = {}
    for i, j, sim, eff in _text_pairs(items):
        a, b = items[i], items[j]
        if abs(a.published_at - b.published_at) > NEAR_WINDOW:
            continue
        if a.feed_id == b.feed_id:
            if sim >= SAME_FEED_COPY and uf.union(i, j):
                links.append(Link(a.id, b.id, "copy", sim))
            continue
        if eff >= EDGE_FLOOR:
            best[(i, j)] = (i, j, eff, "similar")
    for i, j, score in _meaning_pairs(items, embeddings) if embeddings else ():
        a, b = items[i], items[j]
        if a.feed_id == b.feed_id or abs(a.published_at - b.published_at) > NEAR_WINDOW:
            continue
        if score > best.get((i, j), (i, j, 0.0, ""))[2]:
            best[(i, j)] = (i, j, score, "meaning")
    return sorted(best.values())


def cluster_with_links(
    articles: Sequence[Article],
    embeddings: Mapping[int, npt.NDArray[np.float32]] | None = None,
) -> tuple[list[Story], list[Link]]:
    """Stories (newest first, each best article first) and the links that joined them.
    ``embeddings`` (article id -> unit vector, optional) add pairs by meaning."""
    # One fixed order so union-find roots, and thus the output, never depend on input order.
    items = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    if not items:
        return [], []
    uf = _UnionFind(len(items))
    links: list[Link] = []
    _copies(items, uf, links)
    edges = _similar(items, uf, links, embeddings)

    groups: dict[int, Group] = {}
    for i, art in enumerate(items):
        root = uf.find(i)
        g = groups.get(root)
        if g is None:
            groups[root] = Group([i], frozenset({art.feed_id}), art.published_at, art.published_at)
        else:
            g.members.append(i)
            g.feeds = g.feeds | {art.feed_id}
            g.start, g.end = min(g.start, art.published_at), max(g.end, art.published_at)
    limits = Limits(threshold=THRESHOLD, max_span=NEAR_WINDOW, max_size=MAX_STORY)
    merged = merge(groups, [(uf.find(i), uf.find(j), s) for i, j, s, _ in edges], limits)

    where = {i: root for root, g in merged.items() for i in g.members}
    links += [
        Link(items[i].id, items[j].id, kind, s) for i, j, s, kind in edges if where[i] == where[j]
    ]
    stories = []
    for g in merged.values():
        group = [items[i] for i in g.members]
        stories.append(Story(key=story_key(group), articles=tuple(sorted(group, key=_order_key))))
    stories.sort(key=lambda s: (-min(a.published_at for a in s.articles).timestamp(), s.key))
    return stories, links


def cluster(
    articles: Sequence[Article],
    embeddings: Mapping[int, npt.NDArray[np.float32]] | None = None,
) -> list[Story]:
    """Stories from articles; each story lists every article, best first.

    Stories come back newest first (by their earliest article); ranking happens later.
    """
    return cluster_with_links(articles, embeddings)[0]
