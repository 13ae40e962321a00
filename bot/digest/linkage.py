"""Average-linkage merging of article groups, with the limits that stop chaining.

Single links chain: A is like B, B like C, and A, C and everything after end up in one
giant story. Here two groups merge only when their *average* similarity over all their
article pairs (a pair never proposed counts as 0) reaches the threshold, so a group
grows only with articles that agree with most of it. On top of that, a merge is
refused when it would put two different entries of one feed in a story, stretch a
story over more than ``max_span``, or make it bigger than ``max_size``.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass
class Group:
    """A set of articles (indices) that are one story so far."""

    members: list[int]
    feeds: frozenset[int]
    start: datetime
    end: datetime
    links: dict[int, float] = field(default_factory=dict)  # other group -> summed similarity


@dataclass(frozen=True)
class Limits:
    threshold: float
    max_span: timedelta
    max_size: int


def _can_merge(a: Group, b: Group, limits: Limits) -> bool:
    if a.feeds & b.feeds:
        return False
    if len(a.members) + len(b.members) > limits.max_size:
        return False
    return max(a.end, b.end) - min(a.start, b.start) <= limits.max_span


def _average(a: Group, b: Group, total: float) -> float:
    return total / (len(a.members) * len(b.members))


def merge(
    groups: dict[int, Group], edges: Sequence[tuple[int, int, float]], limits: Limits
) -> dict[int, Group]:
    """Merge groups best pair first. ``edges`` are (group, group, similarity) between
    the groups' articles; several edges between two groups add up."""
    for a, b, sim in edges:
        if a == b:
            continue
        groups[a].links[b] = groups[a].links.get(b, 0.0) + sim
        groups[b].links[a] = groups[b].links.get(a, 0.0) + sim
    heap: list[tuple[float, int, int]] = []
    for a, g in groups.items():
        for b, total in g.links.items():
            if a < b and _average(g, groups[b], total) >= limits.threshold:
                heap.append((-_average(g, groups[b], total), a, b))
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue
        ga, gb = groups[a], groups[b]
        found = ga.links.get(b)
        if found is None or abs(-neg - _average(ga, gb, found)) > 1e-12:
            continue  # stale: one side has grown since this entry was pushed
        if not _can_merge(ga, gb, limits):
            continue
        _absorb(groups, a, b)
        for c, csum in ga.links.items():
            avg = _average(ga, groups[c], csum)
            if avg >= limits.threshold:
                heapq.heappush(heap, (-avg, min(a, c), max(a, c)))
    return groups


def _absorb(groups: dict[int, Group], a: int, b: int) -> None:
    """Group ``b`` joins group ``a``; every link of ``b`` becomes a link of ``a``."""
    ga, gb = groups[a], groups.pop(b)
    ga.members.extend(gb.members)
    ga.feeds = ga.feeds | gb.feeds
    ga.start, ga.end = min(ga.start, gb.start), max(ga.end, gb.end)
    ga.links.pop(b, None)
    for c, csum in gb.links.items():
        if c == a:
            continue
        ga.links[c] = ga.links.get(c, 0.0) + csum
        other = groups[c].links
        other[a] = other.get(a, 0.0) + other.pop(b)
