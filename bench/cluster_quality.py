"""Quality side of bench/cluster.py: data sets with known stories, baselines, B-cubed.

Multi-News dev (../shared/fixtures/summ-eval/multinews-dev.jsonl): each example's
documents are several outlets' reports of one event. Its 100 examples are split in a
fixed way: the first 50 are the *tuning* half (thresholds were chosen on it), the last
50 the *report* half (never looked at while tuning). Each half is pooled as one day:
every document is its own feed (so the one-feed rule never bites), published at a
seeded random time inside one 24-hour window; the title is the document's first
sentence (Multi-News keeps no headlines). Documents whose opening (first 60
characters) occurs more than once in the file are scrapers' boilerplate, not reports
(Twitter's location notice, the Internet Archive's crawl note, a video player's error):
they are left out, for every method alike (19 of 298).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from bot.digest.features import tokens
from bot.models import Article, Story

ROOT = Path(__file__).resolve().parent.parent
MULTINEWS = ROOT.parent / "shared" / "fixtures" / "summ-eval" / "multinews-dev.jsonl"
LABELLED = ROOT / "tests" / "data" / "cluster" / "ai-news.jsonl"
DAY = datetime(2026, 8, 21, 0, 0, tzinfo=UTC)
TITLE_WORDS = 20

Grouper = Callable[[Sequence[Article]], list[Story]]


def _title(doc: str) -> str:
    first = re.split(r"(?<=[.!?])\s|\n", doc.strip(), maxsplit=1)[0]
    return " ".join(first.split()[:TITLE_WORDS])


def make_article(
    id: int, feed_id: int, feed: str, title: str, text: str, when: datetime, url: str
) -> Article:
    return Article(
        id=id,
        feed_id=feed_id,
        feed_name=feed,
        guid=url,
        url=url,
        canonical_url=url,
        title=title,
        author=None,
        published_at=when,
        text=text,
        content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
        first_seen_at=when,
        updated_at=when,
    )


def multinews(half: str) -> tuple[list[Article], dict[int, str]]:
    """One half's documents as one day's articles, and each article's true event."""
    rows = [json.loads(line) for line in MULTINEWS.read_text(encoding="utf-8").splitlines()]
    openings = Counter(d.strip()[:60] for row in rows for d in row["documents"])
    rows = rows[:50] if half == "tuning" else rows[50:]
    rnd = random.Random(f"multinews-{half}")
    arts: list[Article] = []
    gold: dict[int, str] = {}
    for row in rows:
        for doc in row["documents"]:
            if openings[doc.strip()[:60]] > 1:
                continue
            n = len(arts) + 1
            when = DAY + timedelta(seconds=rnd.uniform(0, 86_400))
            url = f"https://outlet{n}.example/{row['id'][:12]}/{n}"
            arts.append(make_article(n, n, f"outlet {n}", _title(doc), doc, when, url))
            gold[n] = row["id"]
    return arts, gold


def labelled() -> tuple[list[Article], dict[int, str]]:
    """The hand-labelled AI-news set (tests/data/cluster/ai-news.jsonl)."""
    arts: list[Article] = []
    gold: dict[int, str] = {}
    feeds: dict[str, int] = {}
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        when = datetime.fromisoformat(item["published"])
        fid = feeds.setdefault(item["source"], len(feeds) + 1)
        n = len(arts) + 1
        arts.append(
            make_article(n, fid, item["source"], item["title"], item["text"], when, item["url"])
        )
        gold[n] = item["story"]
    return arts, gold


def bcubed(stories: Sequence[Story], gold: dict[int, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over articles."""
    found = {a.id: n for n, s in enumerate(stories) for a in s.articles}
    by_found: dict[int, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, g in gold.items():
        by_found[found[i]].add(i)
        by_gold[g].add(i)
    p = r = 0.0
    for i, g in gold.items():
        both = len(by_found[found[i]] & by_gold[g])
        p += both / len(by_found[found[i]])
        r += both / len(by_gold[g])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def singletons(articles: Sequence[Article]) -> list[Story]:
    return [Story(key=str(a.id), articles=(a,)) for a in articles]


def _tfidf(texts: list[list[str]]) -> np.ndarray:
    vocab: dict[str, int] = {}
    rows = [[vocab.setdefault(w, len(vocab)) for w in t] for t in texts]
    m = np.zeros((len(texts), len(vocab)))
    for i, row in enumerate(rows):
        for j in row:
            m[i, j] += 1
    m = np.where(m > 0, 1 + np.log(np.maximum(m, 1)), 0)
    df = (m > 0).sum(axis=0)
    m = m * (np.log((1 + len(texts)) / (1 + df)) + 1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return np.asarray(m / np.where(norms > 0, norms, 1))


def average_link(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Textbook average-link agglomeration over a dense similarity matrix."""
    clusters = [[i] for i in range(len(sim))]
    total = sim.copy()
    np.fill_diagonal(total, -np.inf)
    sizes = np.ones(len(sim))
    alive = np.ones(len(sim), dtype=bool)
    while True:
        avg = total / np.outer(sizes, sizes)
        avg[~alive] = -np.inf
        avg[:, ~alive] = -np.inf
        k = int(np.argmax(avg))
        a, b = divmod(k, len(sim))
        if avg[a, b] < threshold:
            break
        clusters[a] += clusters[b]
        total[a] += total[b]
        total[:, a] += total[:, b]
        total[a, a] = -np.inf
        sizes[a] += sizes[b]
        alive[b] = False
    return [c for c, live in zip(clusters, alive, strict=True) if live]


def tfidf_grouper(field: str, threshold: float) -> Grouper:
    """Baseline: TF-IDF cosine of the title only, or of title plus full text, average-link."""

    def run(articles: Sequence[Article]) -> list[Story]:
        texts = [tokens(a.title if field == "title" else f"{a.title}\n{a.text}") for a in articles]
        sim = _tfidf(texts)
        groups = average_link(sim @ sim.T, threshold)
        return [Story(key=str(g[0]), articles=tuple(articles[i] for i in g)) for g in groups]

    return run
