"""Extractive summarizing: central, non-redundant source sentences (faithful by construction).

How a sentence earns its place, for one story told by one or more articles:

- boilerplate is never a candidate: bylines, photo captions and credits, "Sign up", "Read more",
  share bars, datelines and other page furniture;
- what counts is the story's word pairs a person summing it up would likely write
  (concepts.py): pairs the articles repeat, that several outlets use, that come early in
  an article; the chance of each is a small model fitted on human summaries of news
  stories (Multi-News stories 1-50);
- the first picks are the set of two or three sentences whose distinct pairs are worth
  most within the lead's length (Gillick & Favre 2009's concept coverage, by exhaustive
  search over the densest sentences): a pair two picks share counts once, so another
  outlet's telling of the same fact adds little; the later picks add the most new worth
  per word each; near-copies (another outlet's version of a picked sentence, TF-IDF
  cosine) are skipped outright.

LexRank centrality, a centroid score and a position prior were blended here before; on
the Multi-News tune stories, adding that blend to the pair worth lowered ROUGE
(docs/BENCHMARKS.md), so repetition across sentences and outlets and early position now
count through the pairs only.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.summarize.offline import concepts
from bot.summarize.offline.words import terms
from bot.summarize.sentences import split_sentences

# Page furniture, not news: never a candidate sentence.
_BOILERPLATE = re.compile(
    r"""^(?:by\s[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3}\s*[.,|]?$
    |by\s\.|published:|updated:|last\supdated|posted\s(?:on|at)\b
    |share\sthis|sign\sup|subscribe\b|read\smore|click\shere|follow\sus|related:|watch:|listen:
    |advertisement|image\s(?:copyright|caption|source)|media\splayback|photo:|pictured:
    |(?:photo|image)\s(?:by|credit)|copyright\b|all\srights\sreserved
    |this\s(?:article|story|post)\s(?:was\s|originally\s|first\s)
    |the\spost\s.+\sappeared\sfirst\son
    |(?:get|download)\sthe\s\w+\sapp|you\scan\sunsubscribe|privacy\spolicy|terms\sof\s(?:use|service)
    |continue\sreading|more\sfrom\b|see\salso\b|tags?:|filed\sunder
    |\(?(?:writing|reporting|editing|additional\sreporting)\sby\b
    )""",
    re.I | re.X,
)
_CAPTION = re.compile(r"\((?:[^()]*/\s*[^()]*|AP|Reuters|Getty Images|AFP)\)\s*$", re.I)
# A photo caption or credit: it describes a picture, not the news, though it names the
# story's people ("FILE - In this May 4, 2001, file photo, a man believed to be...",
# "(AP Photo/Evan Vucci)", "... at Caltech (Photo by P. Fallon for The Washington Post)").
# On the Multi-News tune stories, AP captions were the lead picked for two of them.
_PHOTO = re.compile(
    r"""^(?:FILE\s*[-–—]|\((?:AP\s)?photos?\b
    |.{0,60}\bin\sth(?:is|ese)\s(?:\w+\s){0,2}(?:file\s)?photos?\b)
    |\bBuy\sPhoto\b|\((?:AP\s)?Photo\b[^()]*\)\s*(?:\([^()]*\)\s*)?$""",
    re.I | re.X,
)
_HAS_VERB_END = re.compile(r"[.!?'\"”’)]$")

MIN_WORDS = 5
MAX_WORDS = 70
NEAR_COPY = 0.65  # cosine above which a sentence is another outlet's copy of a picked one
# The lead the digest prints (voice.LEAD_WORDS): the first picks are the set worth most
# at this length, as the ROUGE bench scores it.
FIRST_PICKS_WORDS = 45


@dataclass(frozen=True)
class Candidate:
    doc: int  # which article
    pos: int  # position among the article's real sentences (furniture not counted)
    text: str
    words: int


def is_boilerplate(sentence: str) -> bool:
    s = sentence.strip()
    if _BOILERPLATE.match(s) or _CAPTION.search(s):
        return True
    letters = [c for c in s if c.isalpha()]
    # headings and shouted lines: no sentence end, or hardly any lowercase
    if letters and sum(c.islower() for c in letters) < 0.5 * len(letters):
        return True
    return not _HAS_VERB_END.search(s)


def candidates(
    docs: list[str], repair: Callable[[str], str | None] = lambda _: None
) -> list[Candidate]:
    """Sentences worth ranking; ``repair`` may mend one first (a feed's cut-off "…" ended
    at a safe comma) or leave it (None)."""
    out: list[Candidate] = []
    for d, doc in enumerate(docs):
        pos = 0
        for s in split_sentences(doc):
            s = repair(s) or s
            if is_boilerplate(s) or _PHOTO.search(s.strip()):
                continue
            n = len(s.split())
            if MIN_WORDS <= n <= MAX_WORDS:
                out.append(Candidate(d, pos, s, n))
            pos += 1
    return out


_PARENS = re.compile(r"\s+\(([^()]*)\)")  # after a space: "501(c)(3)" and "f()" are words
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.' ]+,?(?: [A-Z][\w.' ]+)?\s*)?(?:\(\w+\))?\s*(?:--|—|–)\s*"
    # a wire dateline with a plain hyphen needs its capitalized place: "BERLIN, Feb 17 - ",
    # "BERLIN, Feb 17 (Reuters) - "
    r"|^[A-Z][A-Z.']+(?: [A-Z][A-Z.']+)*,(?: [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \(\w+\))?\s-\s(?=[A-Z])"
    # ... or without the comma when the place is two words or a long one ("LOS ANGELES - ",
    # "WOODLAND HILLS >> "; "NASA - " stays), and a video player's "CLOSE " label
    r"|^(?:[A-Z][A-Z.']+(?: [A-Z][A-Z.']+)+|[A-Z][A-Z.']{4,})\s(?:-|>>)\s(?=[A-Z])|^CLOSE\s(?=[A-Z])"
    # a source tag before the text: "[35Nord] "
    r"|^\[[A-Za-z0-9][^\[\]…]{0,29}\]\s+(?=[A-Z])"
)
# A bracketed aside that limits or attributes the claim is part of it (docs/voice.md).
_KEEP_ASIDE = re.compile(
    r"\b(?:not|no|never|only|except|excluding|without|unless|if|said|says|according|reported"
    r"|alleged|allegedly|reportedly|claims?|estimated|expected|planned|proposed|pending|or"
    r"|maybe|perhaps|possibly|probably|likely|since|until|before|after|albeit|though|but"
    r"|limited|at\smost|at\sleast|up\sto)\b|n['’]t\b|^\s*(?:on|in|for|at|under|within)\b",
    re.I,
)


def _aside(m: re.Match[str]) -> str:
    return m.group() if _KEEP_ASIDE.search(m.group(1)) else ""


def trim(sentence: str) -> str:
    """Drop what carries no fact of its own: datelines ("LONDON (AP) --") and bracketed
    asides. Attributions stay ("according to X", "X said"), and so does an aside that
    limits the claim ("(not including fees)")."""
    s = _DATELINE.sub("", sentence)
    s = _PARENS.sub(_aside, s)
    s = re.sub(r"\s+([,.;:!?])", r"\1", s).strip()
    return s or sentence


class _Cosines:
    """TF-IDF cosine of two candidates, worked out when asked. A near-copy is only ever
    checked against the picks (at most ``limit`` of them), so neither the candidates-by-
    candidates matrix nor the candidates-by-vocabulary one is built: for one hostile entry
    of 250,000 short sentences those asked numpy for 466 GiB (docs/hostile.md)."""

    def __init__(self, token_lists: list[list[str]]) -> None:
        n = len(token_lists)
        df: Counter[str] = Counter()
        for toks in token_lists:
            df.update(set(toks))
        self._vecs: list[dict[str, float]] = []
        for toks in token_lists:
            w = {
                t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1)
                for t, c in Counter(toks).items()
            }
            norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
            self._vecs.append({t: v / norm for t, v in w.items()})

    def __call__(self, i: int, j: int) -> float:
        a, b = self._vecs[i], self._vecs[j]
        if len(a) > len(b):
            a, b = b, a
        return min(1.0, max(0.0, sum(v * b[t] for t, v in a.items() if t in b)))


def _select(
    cands: list[Candidate],
    *,
    docs: int,
    budget_words: int,
    limit: int,
    pool: list[int] | None = None,
    headline: str | None = None,
    weights: Sequence[float] = concepts.CHANCE_WEIGHTS,
    more: bool = True,
) -> list[int]:
    """Candidate indexes in pick order: the set of ``pool`` worth most at ``budget_words``
    (concepts.best_subset), then (``more``), up to ``limit``, the sentence adding the most new
    word-pair chance per word, each time. Another outlet's near-copy of a pick is skipped.

    Chances are counted over all candidates (the whole article says what the story is
    about), and over the ``headline`` as one more article's first sentence: the editor's
    one-line summary of the story.
    """
    sents = [concepts.Placed(c.doc, c.pos, trim(c.text)) for c in cands]
    toks = [concepts.tokens(s.text) for s in sents]
    if headline:
        counted = [*sents, concepts.Placed(docs, 0, headline)]
        chance = concepts.pair_chances(counted, docs, weights, [*toks, concepts.tokens(headline)])
    else:
        chance = concepts.pair_chances(sents, docs, weights, toks)
    pool = list(range(len(cands))) if pool is None else pool
    cosine = _Cosines([terms(c.text) for c in cands])
    chosen: list[int] = []
    covered: set[concepts.Pair] = set()

    def take(i: int) -> None:
        if len(chosen) < limit and not (chosen and max(cosine(i, j) for j in chosen) > NEAR_COPY):
            chosen.append(i)
            covered.update(itertools.pairwise(toks[i]))

    for i in concepts.best_subset(sents, chance, budget_words, pool, toks):
        take(i)
    # Lazy greedy (Minoux's accelerated greedy): a sentence's new worth only falls as
    # picks cover its pairs, so a worth computed earlier bounds it; recompute the top only.
    n = len(covered)
    heap = [(-concepts.density(toks[i], chance, covered), i, n) for i in pool if i not in chosen]
    heapq.heapify(heap)
    while more and heap and len(chosen) < limit:
        _, i, seen = heapq.heappop(heap)
        if seen == len(covered):
            take(i)
        else:
            heapq.heappush(heap, (-concepts.density(toks[i], chance, covered), i, len(covered)))
    return chosen


def _lead_part(cands: list[Candidate], window: int, furniture: Callable[[str], bool]) -> set[int]:
    """Indexes of each article's first ``window`` sentences that are not furniture."""
    seen: Counter[int] = Counter()
    out: set[int] = set()
    for i in sorted(range(len(cands)), key=lambda i: (cands[i].doc, cands[i].pos)):
        c = cands[i]
        if seen[c.doc] >= window or furniture(c.text):
            continue
        seen[c.doc] += 1
        out.add(i)
    return out


def rank_sentences(
    docs: list[str],
    *,
    limit: int = 50,
    headline: str | None = None,
    lead_window: int | None = None,
    furniture: Callable[[str], bool] = lambda _: False,
    repair: Callable[[str], str | None] = lambda _: None,
) -> list[tuple[int, int, str]]:
    """Return (doc index, position, sentence) in pick order: best first, no near-copies.

    With ``lead_window``, only each article's first ``lead_window`` sentences (not counting
    what ``furniture`` calls page furniture) can be picked; the whole article still decides
    what is central. News puts the news first: deep in a feature, a sentence that reads
    like news is mostly a scene, a profile detail or one that needs what came before.
    ``repair`` is passed to ``candidates``.
    """
    cands = candidates(docs, repair)
    if not cands:
        return []
    pool = sorted(_lead_part(cands, lead_window, furniture)) if lead_window is not None else None
    if pool == []:
        return []
    order = _select(
        cands,
        docs=len(docs),
        budget_words=FIRST_PICKS_WORDS,
        limit=limit,
        pool=pool,
        headline=headline,
    )
    return [(cands[i].doc, cands[i].pos, cands[i].text) for i in order]


def summarize_documents(
    docs: list[str], budget_words: int, weights: Sequence[float] = concepts.CHANCE_WEIGHTS
) -> list[str]:
    """The set of sentences worth most within the word budget, in reading order.

    ``weights`` are the word-pair chance model's (bench/summaries.py passes refitted ones
    for its cross-validation)."""
    cands = candidates(docs)
    if not cands or budget_words <= 0:
        return []
    order = _select(
        cands,
        docs=len(docs),
        budget_words=budget_words,
        limit=len(cands),
        weights=weights,
        more=False,
    )
    order.sort(key=lambda i: (cands[i].pos, cands[i].doc))
    return [trim(cands[i].text) for i in order]
