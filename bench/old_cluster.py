"""The OLD grouping (before issue 7), kept only so bench/cluster.py can compare against it.

Group articles that tell the same story, across outlets, without comparing all pairs.

Two articles are one story when they are the same page (canonical URL), the same text
(content hash), or near duplicates: their titles and ledes share enough *rare* words and
they were published within ``NEAR_WINDOW`` of each other. Candidates come from MinHash LSH
(datasketch) over word sets, so the work grows with the number of similar pairs, not with
n²; each candidate pair is then checked with an IDF-weighted overlap, so common words
("AI", "Google") don't glue unrelated stories together.

Output is deterministic: the same articles in any order give the same stories.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

import numpy as np
from datasketch import MinHash, MinHashLSH

from bot.models import Article, Story

NEAR_WINDOW = timedelta(hours=48)
LEDE_WORDS = 40
NUM_PERM = 64
# LSH recall thresholds: low on purpose, the weighted check below does the deciding.
TITLE_LSH_THRESHOLD = 0.2
DOC_LSH_THRESHOLD = 0.25
# A pair is one story when the rare words they share carry this share of the shorter title...
TITLE_OVERLAP = 0.55
# ...and title plus lede together agree at least this much (weighted Jaccard)...
DOC_AGREEMENT = 0.08
# ...or, without a title match, when title and lede agree this much on their own.
DOC_ONLY = 0.45
# One feed publishing two entries on one subject is usually two pieces (two status
# incidents, two benchmark posts); only a retitled copy of the same text is one story.
SAME_FEED_DOC = 0.75
MIN_TEXT_KEY_WORDS = 15

_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")
# Words that say nothing about which story this is. "ai" is in every title of an AI feed.
_STOP_TEXT = """a about after against all also an and any are as at be been before being but by can
    could did do does for from had has have he her his how i if in into is it its just may
    me more most my new no not now of off on one or our out over says said she so some than
    that the their them then there these they this to up us was we were what when which who
    why will with would you your yet via vs ai here get gets got make makes way ways use
    uses using today week report reportedly"""
STOPWORDS = frozenset(_STOP_TEXT.split())


def tokens(text: str) -> list[str]:
    """Lowercase content words with a light plural strip ("watermarks" = "watermark")."""
    out = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if len(word) < 2 or word in STOPWORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        out.append(word)
    return out


@dataclass(frozen=True)
class _Doc:
    title: frozenset[str]
    doc: frozenset[str]  # title + lede


def _features(article: Article) -> _Doc:
    title = frozenset(tokens(article.title))
    lede = tokens(" ".join(article.text.split(maxsplit=LEDE_WORDS)[:LEDE_WORDS]))
    return _Doc(title=title, doc=title | frozenset(lede))


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller index wins, so roots do not depend on the order of unions
            self.parent[max(ra, rb)] = min(ra, rb)


def _weight(words: Iterable[str], idf: dict[str, float]) -> float:
    return sum(idf.get(w, 0.0) for w in words)


class _PairTest:
    """The near-duplicate test for candidate pairs, with each article's weights computed
    once (a busy day checks tens of thousands of pairs)."""

    def __init__(self, docs: Sequence[_Doc], idf: dict[str, float]) -> None:
        self.docs = docs
        self.idf = idf
        self.title_w = [_weight(d.title, idf) for d in docs]
        self.doc_w = [_weight(d.doc, idf) for d in docs]

    def agreement(self, i: int, j: int) -> float:
        """IDF-weighted Jaccard of title plus lede."""
        shared = _weight(self.docs[i].doc & self.docs[j].doc, self.idf)
        union = self.doc_w[i] + self.doc_w[j] - shared
        return shared / union if union > 0 else 0.0

    def same_story(self, i: int, j: int, *, same_feed: bool = False) -> bool:
        agreement = self.agreement(i, j)
        if same_feed:
            return agreement >= SAME_FEED_DOC
        if agreement >= DOC_ONLY:
            return True
        shared_title = self.docs[i].title & self.docs[j].title
        if len(shared_title) < 2 or agreement < DOC_AGREEMENT:
            return False
        shorter = min(self.title_w[i], self.title_w[j])
        return shorter > 0 and _weight(shared_title, self.idf) / shorter >= TITLE_OVERLAP


def _minhashes(sets: Sequence[frozenset[str]]) -> list[MinHash]:
    # sorted: a set's iteration order varies between runs (hash seeds), the digest must not
    hashes: list[MinHash] = MinHash.bulk(
        [[w.encode() for w in sorted(s)] for s in sets], num_perm=NUM_PERM
    )
    return hashes


def _candidates(sets: Sequence[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    """Pairs whose MinHash signatures agree on at least one LSH band.

    The banding parameters are datasketch's own for this threshold; the buckets are built
    with numpy in one pass per band instead of datasketch's per-key inserts and queries,
    which cost seconds on a busy week.
    """
    keep = [i for i, s in enumerate(sets) if s]
    if len(keep) < 2:
        return set()
    params = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    bands, rows = params.b, params.r
    signatures = np.vstack([m.hashvalues for m in _minhashes([sets[i] for i in keep])])
    index = np.asarray(keep)
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        chunk = np.ascontiguousarray(signatures[:, band * rows : (band + 1) * rows])
        keys = chunk.view(np.dtype((np.void, chunk.dtype.itemsize * rows))).ravel()
        _, bucket, sizes = np.unique(keys, return_inverse=True, return_counts=True)
        shared = np.flatnonzero(sizes[bucket] > 1)
        if shared.size == 0:
            continue
        order = shared[np.argsort(bucket[shared], kind="stable")]
        bounds = np.flatnonzero(np.diff(bucket[order])) + 1
        for group in np.split(index[order], bounds):
            pairs.update(combinations(sorted(int(g) for g in group), 2))
    return pairs


def _text_key(article: Article) -> str:
    """The body alone, for retitled copies (a podcast and a video page with one blurb).
    Short bodies are left out: "Read more." is not a story."""
    words = article.text.casefold().split()
    if len(words) < MIN_TEXT_KEY_WORDS:
        return ""
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _same_title(a: Article, b: Article) -> bool:
    return " ".join(a.title.casefold().split()) == " ".join(b.title.casefold().split())


def _order_key(a: Article) -> tuple[float, float, int]:
    """Best first: the heaviest feed, then the earliest report, then the oldest row."""
    return (-a.feed_weight, a.published_at.timestamp(), a.id)


def story_key(articles: Iterable[Article]) -> str:
    urls = sorted({a.canonical_url for a in articles})
    return hashlib.sha256("\n".join(urls).encode()).hexdigest()[:16]


def cluster(articles: Sequence[Article], *, all_pairs: bool = False) -> list[Story]:
    """Stories from articles; each story lists every article, best first.

    Stories come back newest first (by their earliest article); ranking happens later.
    ``all_pairs`` checks every pair instead of the LSH candidates: the quadratic baseline
    the benchmark compares against (same decisions, no index).
    """
    # One fixed order so union-find roots, and thus the output, never depend on input order.
    items = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    n = len(items)
    if n == 0:
        return []
    uf = _UnionFind(n)

    # exact: same page or same text. A changelog or status feed points many entries at
    # one page; inside one feed, the same URL is the same story only with the same title.
    first_seen: dict[tuple[str, str], int] = {}
    for i, art in enumerate(items):
        for key in (
            ("url", art.canonical_url),
            ("hash", art.content_hash),
            ("text", _text_key(art)),
        ):
            if not key[1]:
                continue
            j = first_seen.setdefault(key, i)
            other = items[j]
            same_text = key[0] != "url"
            if j != i and (other.feed_id != art.feed_id or same_text or _same_title(other, art)):
                uf.union(i, j)

    # near: LSH candidates, then the weighted check
    docs = [_features(a) for a in items]
    df = Counter(w for d in docs for w in d.doc)
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    test = _PairTest(docs, idf)
    pairs: Iterable[tuple[int, int]]
    if all_pairs:
        pairs = ((i, j) for i in range(n) for j in range(i + 1, n))
    else:
        found = _candidates([d.title for d in docs], TITLE_LSH_THRESHOLD)
        found |= _candidates([d.doc for d in docs], DOC_LSH_THRESHOLD)
        pairs = sorted(found)
    for i, j in pairs:
        if uf.find(i) == uf.find(j):
            continue
        if abs(items[i].published_at - items[j].published_at) > NEAR_WINDOW:
            continue
        if test.same_story(i, j, same_feed=items[i].feed_id == items[j].feed_id):
            uf.union(i, j)

    groups: dict[int, list[Article]] = defaultdict(list)
    for i, art in enumerate(items):
        groups[uf.find(i)].append(art)
    stories = [
        Story(key=story_key(group), articles=tuple(sorted(group, key=_order_key)))
        for group in groups.values()
    ]
    stories.sort(key=lambda s: (-min(a.published_at for a in s.articles).timestamp(), s.key))
    return stories
