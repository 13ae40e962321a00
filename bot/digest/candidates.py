"""Which pairs of articles agree, and how much, without comparing every pair.

The similarity of two articles is the dot product of their TF-IDF vectors over the
terms that are rare in the window: a term more than ``POSTING_CAP`` articles contain
says nothing about which story an article tells (it is the window's "OpenAI" or
"said"), so its posting list is skipped. That one rule is what keeps the work and the
memory linear: each article meets at most ``POSTING_CAP`` others per term it has, so a
window of n articles makes at most n × terms × cap/2 products, and a flood of 10,000
near-identical entries, whose shared words all pass the cap, makes almost none.

Pairs are summed with numpy, a block of articles at a time (``PAIR_BUDGET`` products
per block), and only pairs at or above ``floor`` are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from bot.digest.features import Vectors

POSTING_CAP = 48
PAIR_BUDGET = 2_000_000


@dataclass(frozen=True)
class Pairs:
    """Article pairs (left < right) with their similarity, sorted by (left, right)."""

    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    sim: npt.NDArray[np.float64]


def _postings(vec: Vectors, cap: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For each entry of a posting list that is short enough (2..cap articles): its
    position and how many entries follow it in its list."""
    df = vec.df[vec.term]
    keep = np.flatnonzero((df >= 2) & (df <= cap))
    if keep.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    # entries of one term are contiguous and sorted by doc; the last entry of a list
    # is followed by none of its own list
    term = vec.term[keep]
    starts = np.r_[True, term[1:] != term[:-1]]
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    size = np.diff(np.r_[first, keep.size])
    rank = np.arange(keep.size) - first[group]
    return keep.astype(np.int64), (size[group] - 1 - rank).astype(np.int64)


def _block_pairs(
    vec: Vectors,
    pos: npt.NDArray[np.int64],
    follow: npt.NDArray[np.int64],
    n: int,
    floor: float,
) -> Pairs:
    total = int(follow.sum())
    left_at = np.repeat(pos, follow)
    # the k-th pair of an entry is with the entry k+1 places after it
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(follow) - follow, follow)
    right_at = left_at + 1 + offsets
    key = vec.doc[left_at].astype(np.int64) * n + vec.doc[right_at]
    prod = vec.weight[left_at].astype(np.float64) * vec.weight[right_at]
    del left_at, right_at, offsets
    uniq, inverse = np.unique(key, return_inverse=True)
    sums = np.bincount(inverse, weights=prod).astype(np.float64)
    keep = sums >= floor
    uniq, sums = uniq[keep], sums[keep]
    return Pairs(left=uniq // n, right=uniq % n, sim=sums)


def similar_pairs(vec: Vectors, n: int, *, floor: float, cap: int = POSTING_CAP) -> Pairs:
    """Every pair whose similarity over rare terms is at least ``floor``."""
    pos, follow = _postings(vec, cap)
    if pos.size == 0 or int(follow.sum()) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(left=empty, right=empty, sim=np.zeros(0, dtype=np.float64))
    # blocks of left-hand articles, each making at most about PAIR_BUDGET products
    per_doc = np.bincount(vec.doc[pos], weights=follow, minlength=n)
    cut = np.searchsorted(np.cumsum(per_doc), np.arange(PAIR_BUDGET, per_doc.sum(), PAIR_BUDGET))
    bounds = [0, *sorted({int(c) + 1 for c in cut}), n]
    parts: list[Pairs] = []
    left_doc = vec.doc[pos]
    for lo, hi in pairwise(bounds):
        if lo >= hi:
            continue
        mask = (left_doc >= lo) & (left_doc < hi)
        parts.append(_block_pairs(vec, pos[mask], follow[mask], n, floor))
    return Pairs(
        left=np.concatenate([p.left for p in parts]),
        right=np.concatenate([p.right for p in parts]),
        sim=np.concatenate([p.sim for p in parts]),
    )


def nearest_pairs(
    matrix: npt.NDArray[np.float32], *, k: int, floor: float, block: int = 1024
) -> Pairs:
    """Each row's ``k`` most similar other rows of a unit-vector matrix (cosine at least
    ``floor``), a block of rows at a time: time n²·d, memory n·block, never n²."""
    n = matrix.shape[0]
    lefts, rights, sims = [], [], []
    k = min(k, n - 1)
    for lo in range(0, n if k > 0 else 0, block):
        sim = matrix[lo : lo + block] @ matrix.T
        rows = np.arange(sim.shape[0])
        sim[rows, rows + lo] = -1.0  # not itself
        top = np.argpartition(-sim, k - 1, axis=1)[:, :k]
        best = sim[rows[:, None], top]
        keep = best >= floor
        left = np.broadcast_to((rows + lo)[:, None], top.shape)[keep]
        right = top[keep]
        lefts.append(np.minimum(left, right))
        rights.append(np.maximum(left, right))
        sims.append(best[keep].astype(np.float64))
    if not lefts:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(left=empty, right=empty, sim=np.zeros(0, dtype=np.float64))
    left, right = np.concatenate(lefts).astype(np.int64), np.concatenate(rights).astype(np.int64)
    key, first = np.unique(left * n + right, return_index=True)  # (a, b) found from both ends
    return Pairs(left=key // n, right=key % n, sim=np.concatenate(sims)[first])
