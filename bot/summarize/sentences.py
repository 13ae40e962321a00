"""Sentence splitting with pysbd (rule-based, offline, handles abbreviations).

Feed and scraped text often glues sentences together ("at home.Half of parents"), because
the HTML put them in separate blocks; a space is put back before splitting so pysbd sees
two sentences. A line break ends a sentence: headings and photo captions have no full
stop and would otherwise swallow the next sentence. Abbreviations ("U.S.", "Dr. Smith") and domains ("openai.com") are left
alone: the rule needs a lowercase word before the stop and a capitalized word after it.
"""

from __future__ import annotations

import re
import threading

import pysbd

_LINES = re.compile(r"\s*\n\s*")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


_local = threading.local()


def _segmenter() -> pysbd.Segmenter:
    # One per thread: a Segmenter keeps the text it is working on in itself, so a shared
    # one mixes up sentences when two digests are written at once (builder threads).
    segmenter: pysbd.Segmenter | None = getattr(_local, "segmenter", None)
    if segmenter is None:
        segmenter = _local.segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter


def split_sentences(text: str) -> list[str]:
    """Sentences in reading order. A line break always ends a sentence (headings, captions)."""
    out: list[str] = []
    for line in _LINES.split(text):
        line = _GLUED.sub(" ", re.sub(r"\s+", " ", line).strip())
        if line:
            out.extend(s.strip() for s in _segmenter().segment(line) if s.strip())
    return out
