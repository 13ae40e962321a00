"""Extractive summarizing: central, non-redundant source sentences (faithful by construction).

Centrality is TF-IDF cosine similarity to the rest of the story (LexRank-style degree),
weighted by a position prior (news leads carry the facts); MMR removes near-duplicates
that several outlets share.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from bot.summarize.sentences import split_sentences

_WORD = re.compile(r"[A-Za-z0-9$%.]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "said",
        "says",
        "not",
    ]
)


def _tokens(sentence: str) -> list[str]:
    return [w.lower().strip(".") for w in _WORD.findall(sentence) if w.lower() not in _STOP]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    num = sum(v * b.get(k, 0.0) for k, v in a.items())
    da = math.sqrt(sum(v * v for v in a.values()))
    db = math.sqrt(sum(v * v for v in b.values()))
    return num / (da * db) if da and db else 0.0


def rank_sentences(
    docs: list[str], *, redundancy: float = 0.6, limit: int = 50
) -> list[tuple[int, int, str]]:
    """Return (doc index, position, sentence) in pick order."""
    items: list[tuple[int, int, str]] = []
    for d, doc in enumerate(docs):
        for p, s in enumerate(split_sentences(doc)):
            if len(s.split()) >= 4:
                items.append((d, p, s))
    if not items:
        return []
    toks = [_tokens(s) for _, _, s in items]
    df: Counter[str] = Counter()
    for t in toks:
        df.update(set(t))
    n = len(items)
    vecs = [{w: c * math.log(1 + n / df[w]) for w, c in Counter(t).items()} for t in toks]
    sims = [[_cosine(vecs[i], vecs[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    central = [sum(row) / max(1, n - 1) for row in sims]
    score = [central[i] * (1.0 + 1.0 / (1 + items[i][1])) for i in range(n)]
    chosen: list[int] = []
    candidates = set(range(n))
    while candidates and len(chosen) < limit:
        best = max(
            candidates,
            key=lambda i: score[i] - redundancy * max((sims[i][j] for j in chosen), default=0.0),
        )
        candidates.discard(best)
        if chosen and max(sims[best][j] for j in chosen) > 0.7:
            continue
        chosen.append(best)
    return [items[i] for i in chosen]


def summarize_documents(docs: list[str], budget_words: int) -> list[str]:
    """Pick central sentences until the word budget is used; return them in reading order."""
    picked: list[tuple[int, int, str]] = []
    used = 0
    for item in rank_sentences(docs):
        if used >= budget_words:
            break
        picked.append(item)
        used += len(item[2].split())
    picked.sort(key=lambda it: (it[0], it[1]))
    return [s for _, _, s in picked]
