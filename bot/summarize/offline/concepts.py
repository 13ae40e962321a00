"""Which of a story's word pairs a person summing it up would write, and the sentences that
carry the most of them in a few words.

A human summary of a news story reuses the story's own phrases: the names, the act, the
number. Which ones can be guessed from the articles alone: a word pair (bigram) the
articles repeat, that several outlets use, that comes early in an article or in a sentence
that quotes someone, is likely to be in it. ``CHANCE_WEIGHTS`` turn those counts into a
chance (logistic); they were fitted on Multi-News dev stories 1-50 only (``python
bench/summaries.py --fit`` refits and prints them; stories 51-100 are the reported half,
docs/BENCHMARKS.md). This is the concept objective of Gillick & Favre (2009) with
concepts weighted by their chance of being in the summary rather than by a document count
alone.

A set of sentences is worth the summed chance of the distinct word pairs it holds: a pair
two picks share counts once, so a second outlet's version of the same fact adds little.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from bot.summarize.offline.words import APOSTROPHES, STOP, stem

_TOKEN = re.compile(r"[a-z0-9]+")
_QUOTE = re.compile(r"[\"“”]")

# Weights of: intercept; log count in the story; used by 2+ articles; log articles using
# it; both words stop words; one a stop word; (1 + earliest position) ** -0.7; log(1 +
# times in an article's first three sentences); log articles in the story; log words in
# the story (a pair said three times means more in a short story than in a long one); in a
# sentence with a quote mark (summaries quote what people said: on the tune stories this
# feature raised out-of-fold R-2 by 0.16 and 0.28 on two sets of six splits).
# Fitted on Multi-News dev stories 1-50 only (bench/summaries.py --fit).
CHANCE_WEIGHTS = (1.536, 0.982, 0.514, 0.053, 0.189, -0.012, 1.951, -0.689, 0.185, -0.707, 0.533)
SEARCH_TOP = 12  # the best subset is looked for among this many densest sentences
# Sentences in it, at most: 45 words hold two to four. Four rather than three was chosen
# by cross-validation inside Multi-News stories 1-50 (docs/BENCHMARKS.md); a larger pool
# of dense sentences or five did not help there.
SEARCH_MOST = 4

Pair = tuple[str, str]


def tokens(text: str) -> list[str]:
    """Every word, stop words included (a summary's word pairs are "of the" as much as
    "Planet Nine"), lowercased and lightly stemmed."""
    return [stem(w) for w in _TOKEN.findall(text.lower().translate(APOSTROPHES))]


class Placed(NamedTuple):
    """A sentence and where it stands: which article, its place among the real sentences."""

    doc: int
    pos: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def pair_features(
    sentences: Sequence[Placed], docs: int, toks: Sequence[Sequence[str]] | None = None
) -> dict[Pair, list[float]]:
    """Each word pair's features (see CHANCE_WEIGHTS), counted over all ``sentences``
    (``toks``: their tokens, when the caller has them)."""
    count: Counter[Pair] = Counter()
    used_by: dict[Pair, set[int]] = {}
    first: dict[Pair, int] = {}
    in_lead: Counter[Pair] = Counter()
    quoted: set[Pair] = set()
    size = 0
    for k, s in enumerate(sentences):
        words = tokens(s.text) if toks is None else toks[k]
        size += len(words)
        pairs = list(itertools.pairwise(words))
        count.update(pairs)
        for p in set(pairs):
            used_by.setdefault(p, set()).add(s.doc)
            first[p] = min(first.get(p, s.pos), s.pos)
            if s.pos < 3:
                in_lead[p] += 1
        if _QUOTE.search(s.text):
            quoted.update(pairs)
    out: dict[Pair, list[float]] = {}
    for p, n in count.items():
        stops = (p[0] in STOP) + (p[1] in STOP)
        articles = len(used_by[p])
        out[p] = [
            1.0,
            math.log(n),
            float(articles >= 2),
            math.log(articles),
            float(stops == 2),
            float(stops == 1),
            (1 + first[p]) ** -0.7,
            math.log(1 + in_lead[p]),
            math.log(max(1, docs)),
            math.log(max(1, size)),
            float(p in quoted),
        ]
    return out


def pair_chances(
    sentences: Sequence[Placed],
    docs: int,
    weights: Sequence[float] = CHANCE_WEIGHTS,
    toks: Sequence[Sequence[str]] | None = None,
) -> dict[Pair, float]:
    """Each word pair's chance of being in a human summary of the story."""
    return {
        p: 1.0 / (1.0 + math.exp(-sum(w * x for w, x in zip(weights, f, strict=True))))
        for p, f in pair_features(sentences, docs, toks).items()
    }


def reading_order(sentences: Sequence[Placed], picks: Sequence[int]) -> list[int]:
    """Picks as a summary prints them: earliest in its article first."""
    return sorted(picks, key=lambda i: (sentences[i].pos, sentences[i].doc))


def word_ends(text: str) -> list[int]:
    """How many tokens the sentence's first n words hold, for n = 0, 1, ...: a cut at a
    word count is a cut at a token count ("it's" is two tokens)."""
    ends = [0]
    for word in text.split():
        ends.append(ends[-1] + len(tokens(word)))
    return ends


def cut_value(
    sentences: Sequence[Placed],
    toks: Sequence[Sequence[str]],
    ends: dict[int, list[int]],
    chance: dict[Pair, float],
    picks: Sequence[int],
    budget: int,
) -> float:
    """Summed chance of the distinct word pairs in the picks, read in order and cut at
    ``budget`` words: what is past the budget is lost."""
    seq: list[str] = []
    left = budget
    for i in reading_order(sentences, picks):
        if left <= 0:
            break
        n = min(left, len(ends[i]) - 1)
        seq += toks[i][: ends[i][n]]
        left -= n
    # distinct pairs in reading order, not a set's: a float sum in hash order differs in
    # its last bits from one run to the next, and so could a near-tie between two sets
    return sum(chance.get(p, 0.0) for p in dict.fromkeys(itertools.pairwise(seq)))


def density(toks: Sequence[str], chance: dict[Pair, float], covered: set[Pair]) -> float:
    new = (p for p in dict.fromkeys(itertools.pairwise(toks)) if p not in covered)
    return sum(chance.get(p, 0.0) for p in new) / max(1, len(toks))


def best_subset(
    sentences: Sequence[Placed],
    chance: dict[Pair, float],
    budget: int,
    pool: Sequence[int] | None = None,
    toks: Sequence[Sequence[str]] | None = None,
) -> list[int]:
    """The few sentences (of ``pool``, default all) worth most within ``budget`` words.

    An exhaustive look at every set of up to SEARCH_MOST of the SEARCH_TOP densest
    sentences (at most 793 sets): at two or three sentences a greedy pick often takes a
    long dense sentence whose end the budget cuts off, or leaves words unused.
    """
    toks = toks if toks is not None else [tokens(s.text) for s in sentences]
    pool = list(range(len(sentences))) if pool is None else list(pool)
    top = sorted(pool, key=lambda i: (-density(toks[i], chance, set()), i))[:SEARCH_TOP]
    ends = {i: word_ends(sentences[i].text) for i in top}
    best: tuple[int, ...] = ()
    best_value = -1.0
    for k in range(1, SEARCH_MOST + 1):
        for picks in itertools.combinations(top, k):
            value = cut_value(sentences, toks, ends, chance, picks, budget)
            if value > best_value:
                best, best_value = picks, value
    # most valuable alone first: the order the digest considers them in
    return sorted(best, key=lambda i: (-cut_value(sentences, toks, ends, chance, (i,), budget), i))
