"""Sentence splitting with pysbd (rule-based, offline, handles abbreviations)."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    return [s.strip() for s in _segmenter().segment(text) if s.strip()]
