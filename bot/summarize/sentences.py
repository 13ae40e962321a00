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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pysbd loads with the first text that needs it (see _WORDS)
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
# opens on a plain starter word ("In ICE’s sights Several cities are..."). A paper's or
# a post's section heading, after its byline or alone ("Scott Mueller and Judea Pearl
# Abstract Personalized decision making...", "Summary The post below is written...").
_SECTION = re.compile(
    r"^((?:What happened|Who said what|What next\??|What did the commentators say\??)"
    r"|(?!(?:The|A|An|This|That|Our|My|Its|His|Her|Their|Executive)\s)"
    r"(?:[A-Z][\w.’'-]*\s(?:and\s)?){0,6}(?:Abstract|Summary|Introduction|Preface|TL;DR)"
    r"(?=\s[A-Z][\w’'-]*\s[a-z])"
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
        import pysbd

        segmenter = _local.segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter


# Words and single spaces only ("A quiet day", a short headline): pysbd cuts only at a stop
# (.!? and their CJK forms) or a list mark, so it gives such a piece back whole. Knowing
# that spares a quiet day's digest loading pysbd (about 5% of the command's CPU time).
_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def split_sentences(text: str) -> list[str]:
    """Sentences in reading order. A line break always ends a sentence (headings, captions)."""
    return list(_split(text))


# pysbd's time grows faster than the text: 0.3 s for a 20,000-character paragraph, 23 s for
# a 230,000-character one (a whole newsletter in one feed entry), and with the sentences'
# count: 74,000 characters of short sentences took 3.1 s in 20,000-character pieces, 1.0 s
# in 5,000-character ones. A longer line is cut into pieces first, at a plain sentence end
# (three lowercase letters, a stop, a capitalized word: never "U.S. Army" or "Dr. Smith").
# On the fixtures' 284 texts with a line over 1,000 characters, 5,000-character pieces
# split 3 differently from 20,000-character ones, all inside pasted code.
PIECE = 5_000
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


# pysbd can cut at a stop inside brackets or a quotation ("[Note: ... low-cost
# renewables.” | But as AI has drastically increased demand, this calculus has changed.]",
# a quoted message cut into three), leaving a sentence with an open bracket whose close is
# in the next one: a broken fact. Brackets and curly double quotes are paired over the whole line (straight
# quotes and ’ are left out: they do not say which end they are, and ’ is also the
# apostrophe); a cut that falls inside a pair is undone. An opener nothing closes (a
# writer's missing ")") pairs with nothing, so it never joins the rest of the line.
_OPENERS = {"(": ")", "[": "]", "“": "”"}
_CLOSERS = frozenset(_OPENERS.values())


def _pairs(line: str) -> list[tuple[int, int]]:
    """(opener, closer) offsets of the brackets and curly quotes that are closed in line."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(line):
        if ch in _OPENERS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            # a closer with no opener of its kind ("1) First") closes nothing; one with an
            # opener further down the stack closes it and whatever was left open inside
            for depth in range(len(stack) - 1, -1, -1):
                if _OPENERS[stack[depth][0]] == ch:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return pairs


def _closed_over(line: str, sentences: list[str]) -> list[str]:
    if len(sentences) < 2 or not any(ch in _CLOSERS for ch in line):
        return sentences
    pairs = _pairs(line)
    spans: list[tuple[int, int]] = []
    at = 0
    for s in sentences:
        start = line.find(s, at)
        if start < 0:  # not a plain substring (pysbd changed it): keep pysbd's cut
            return sentences
        spans.append((start, start + len(s)))
        at = start + len(s)
    merged = [spans[0]]
    for start, end in spans[1:]:
        cut = merged[-1][1]
        if any(o < cut and c >= start for o, c in pairs):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [line[a:b] for a, b in merged]


# pysbd keeps an abbreviation's stop when a capital follows ("U.S. President", "Dr. Smith"),
# so a sentence ending on one runs on: "...his social media platform, X. He was joined...".
# A cut is put back only where the next word is a subject pronoun followed by a lowercase
# word ("He was", "It opened") after a one-letter name following a lowercase word or a
# comma ("platform, X.", "vitamin C."), or after a dotted initialism ("U.S.", "E.U.").
# A title ("Dr. He said", "Mr. X. He") and a capitalized word before the letter ("Malcolm
# X. He", a middle initial) are left alone. "in the U.S. Air travel customers..." is not
# cut: in form it is "the U.S. Army officials said", and nothing short of parsing tells
# them apart.
_ABBREVIATION_END = re.compile(
    r"(?<![\w.])((?:[A-Z]\.){2,3}|[A-Z]\.)\s+(?=(?:He|She|It|They|We|I)\s+[a-z])"
)
_LOWER_WORD = re.compile(r"(?:^|\s)(?:[a-z]+|\S+,)\s$")


def _abbreviation_ends(sentence: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in _ABBREVIATION_END.finditer(sentence):
        one_letter = len(m.group(1)) == 2
        if one_letter and not _LOWER_WORD.search(sentence[max(0, m.start() - 40) : m.start()]):
            continue  # "Malcolm X. He", "Mr. X. He": a name, not the end of a sentence
        parts.append(sentence[start : m.end(1)])
        start = m.end()
    return [*parts, sentence[start:]]


# German (and some European English) writes a date's day as an ordinal: "Am 10. Oktober
# 2020 um 17:00 gibt es ...". pysbd cuts after "10.", leaving "Am 10." and a line that
# starts "Oktober 2020 ..." with its day gone (a blog's talk announcement printed that way).
# The cut is undone when the next piece starts with a month and a year or "um"; "He
# finished 10. March was hard." stays two sentences.
_DAY_END = re.compile(r"(?:^|\s)\d{1,2}\.$")
_MONTH_NEXT = re.compile(
    r"(?:Jan(?:uar|uary)?|Feb(?:ruar|ruary)?|März|March|April|Mai|May|Juni|June|Juli|July"
    r"|August|Sept(?:ember)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?"
    r"|Dec(?:ember)?)\s(?:\d{2,4}\b|um\s)"
)


# pysbd also cuts after a volume or page abbreviation before its number: "The post
# Gilbert Vol. 21, No. 6 (2018) appeared first on ..." came out as "The post Gilbert
# Vol." and "21, No. 6 (2018) appeared first on ...", a fragment printed as a story's
# fact. The cut is undone when the next piece starts with the number (digits or a Roman
# numeral); "...in Vol. 2. Vol. 3 follows." keeps its real sentence end.
_VOLUME_END = re.compile(r"(?:^|\s)(?:[Vv]ols?|pp|[Ff]ig|[Cc]h)\.$")
_NUMBER_NEXT = re.compile(r"(?:\d|[IVXL]+\b)")


def _rejoin_number_cuts(sentences: list[str]) -> list[str]:
    """Undo pysbd's cut before a number that belongs to the piece before it: a date's
    ordinal day before its month, a volume or page abbreviation before its number."""
    out: list[str] = []
    for s in sentences:
        if out and (
            (_DAY_END.search(out[-1]) and _MONTH_NEXT.match(s))
            or (_VOLUME_END.search(out[-1]) and _NUMBER_NEXT.match(s))
        ):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


# One digest splits the same article texts several times (choosing facts, checking every
# printed sentence against its sources, the take, the guard), and pysbd takes tens of
# milliseconds on a long article: remember the last few thousand texts' sentences.
@functools.lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for line in _LINES.split(text):
        line = _GLUED.sub(" ", re.sub(r"\s+", " ", _SHORTCODE.sub(" ", line)).strip())
        for piece in _pieces(line):
            if _WORDS.fullmatch(piece):
                found = [piece]
            else:
                found = [s.strip() for s in _segmenter().segment(piece) if s.strip()]
            # the abbreviation cuts first, so that one inside a quotation is undone too
            # ("...held in the U.S. We are preparing...,” said the minister)
            cut = [part for s in found for part in _abbreviation_ends(s)]
            for s in _closed_over(piece, _rejoin_number_cuts(cut)):
                out.extend(_unglue_heading(s))
    return tuple(out)
