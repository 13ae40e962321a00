"""Fit text into a platform's size limit without cutting a link in half.

Text is cut at the largest boundary that works: between units (stories), then between
paragraphs, then lines, then words. A cut never falls inside a span matched by the
platform's link pattern, so ``[label](<url>)`` or ``<url|label>`` always arrive whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BOUNDARIES = ("\n\n", "\n", " ")


def _protected(text: str, link: re.Pattern[str] | None) -> list[tuple[int, int]]:
    return [m.span() for m in link.finditer(text)] if link else []


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < pos < end for start, end in spans)


def split_text(text: str, limit: int, link: re.Pattern[str] | None = None) -> list[str]:
    """Pieces of ``text``, each at most ``limit`` characters, cut at the best boundary.

    Only a single unbreakable token longer than ``limit`` (a giant URL) is ever cut hard.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        spans = _protected(rest, link)
        cut = -1
        for sep in _BOUNDARIES:
            pos = rest.rfind(sep, 0, limit + 1)
            while pos > 0 and _inside(pos, spans):
                pos = rest.rfind(sep, 0, pos)
            if pos > 0:
                cut = pos
                break
        if cut <= 0:
            cut = limit  # one token longer than the limit: nothing better exists
            # ...but never inside a link that starts after the beginning: cut before it
            start = next((a for a, b in spans if a < cut < b), 0)
            if start > 0:
                cut = start
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        if head:
            pieces.append(head)
    if rest:
        pieces.append(rest)
    return pieces


def pack(
    units: Iterable[str],
    limit: int,
    *,
    sep: str = "\n\n",
    link: re.Pattern[str] | None = None,
) -> list[str]:
    """Join units into as few chunks as fit ``limit``; a unit too big alone is split."""
    chunks: list[str] = []
    current = ""
    for unit in units:
        unit = unit.strip()
        if not unit:
            continue
        parts = [unit] if len(unit) <= limit else split_text(unit, limit, link)
        for part in parts:
            if not current:
                current = part
            elif len(current) + len(sep) + len(part) <= limit:
                current = current + sep + part
            else:
                chunks.append(current)
                current = part
    if current:
        chunks.append(current)
    return chunks
