"""Sentence splitting with pysbd (rule-based, offline, handles abbreviations).

Feed and scraped text often glues sentences together ("at home.Half of parents"), because
the HTML put them in separate blocks; a space is put back before splitting so pysbd sees
two sentences. A line break ends a sentence: headings and photo captions have no full
stop and would otherwise swallow the next sentence. Abbreviations ("U.S.", "Dr. Smith") and domains ("openai.com") are left
alone: the rule needs a lowercase word before the stop and a capitalized word after it.
"""

from __future__ import annotations

import functools
import re
import threading

import pysbd

_LINES = re.compile(r"\s*\n\s*")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A CMS shortcode left in the text ("[time-brightcove not-tgx=”true”]"): markup, not words.
_SHORTCODE = re.compile(r"\[[a-z][\w-]*(?:\s+[\w-]+=[\"“”'][^\]]*?[\"“”'])+\s*\]\s*")


# "AI vs. UI The thick-versus-thin debate felt...": a heading (Title Case words, ending on
# a capitalized one) glued onto the sentence under it, which starts with an opener word
# and goes on in lowercase. Cut apart, the heading has no full stop and is dropped as
# furniture; the sentence is judged on its own.
_SMALL = r"(?:vs\.|of|and|the|to|for|in|on|a|an|with|at|&|is|are)"
_HEADING = re.compile(
    rf"^((?:(?:[A-Z0-9][\w.’'&-]*|{_SMALL})[,:]?\s){{1,10}}[A-Z0-9][\w.’'&-]*[,:]?)\s"
    r"(?=(?:The|A|An|We|I|It|In|On|This|Our|My|When|As|After|For|Last|Today|If|Here|What|How)\s[a-z])"
)


# The Week's section headings and pull quotes over the paragraph they head ("What
# happened U.S. District Judge...", "‘Tiny calibrations of a split second’ Swiss
# watchmaker Omega has..."), and a short sentence-case heading before a sentence that
# opens on a plain starter word ("In ICE’s sights Several cities are...").
_SECTION = re.compile(
    r"^((?:What happened|Who said what|What next\??|What did the commentators say\??)"
    r"|‘[^’]{3,80}’(?:\s[a-z]+){0,3})\s(?=[A-Z“‘\"])"
)
_STARTER = r"(?:The|A|An|Several|Some|Many|Most|Two|Three|Four|Five)"
_SAYS = re.compile(
    r"\b(?:said|says|is|are|was|were|has|have|had|will|told)\b"
)  # a clause, no heading
_SENTENCE_CASE = re.compile(rf"^((?:[\w’'-]+\s){{1,5}}[a-z][\w’'-]*)\s(?={_STARTER}\s[a-z])")


def _unglue_heading(sentence: str) -> list[str]:
    m = _SECTION.match(sentence) or _SENTENCE_CASE.match(sentence)
    if m and not _SAYS.search(m.group(1)):
        return [m.group(1), *_unglue_heading(sentence[m.end() :])]
    m = _HEADING.match(sentence)
    if not m or sum(1 for w in m.group(1).split() if w[:1].isupper()) < 2:
        return [sentence]
    return [m.group(1), sentence[m.end() :]]


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
    return list(_split(text))


# pysbd's time grows faster than the text: 0.3 s for a 20,000-character paragraph, 23 s for
# a 230,000-character one (a whole newsletter in one feed entry). A longer line is cut into
# pieces first, at a plain sentence end (three lowercase letters, a stop, a capitalized
# word: never "U.S. Army" or "Dr. Smith").
PIECE = 20_000
_PLAIN_END = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z][a-z])")


def _pieces(line: str) -> list[str]:
    pieces: list[str] = []
    while len(line) > PIECE:
        ends = [m.start() for m in _PLAIN_END.finditer(line, PIECE // 2, PIECE)]
        if not ends:
            break  # no safe place: the rest in one piece, however slow
        pieces.append(line[: ends[-1]])
        line = line[ends[-1] :].lstrip()
    return [*pieces, line] if line else pieces


# One digest splits the same article texts several times (choosing facts, checking every
# printed sentence against its sources, the take, the guard), and pysbd takes tens of
# milliseconds on a long article: remember the last few thousand texts' sentences.
@functools.lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for line in _LINES.split(text):
        line = _GLUED.sub(" ", re.sub(r"\s+", " ", _SHORTCODE.sub(" ", line)).strip())
        for piece in _pieces(line):
            for s in _segmenter().segment(piece):
                if s.strip():
                    out.extend(_unglue_heading(s.strip()))
    return tuple(out)
