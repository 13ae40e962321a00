"""Extractive summarizing: central, non-redundant source sentences (faithful by construction).

How a sentence earns its place, for one story told by one or more articles:

- boilerplate is never a candidate: bylines, photo credits, "Sign up", "Read more",
  share bars, datelines and other page furniture;
- centrality is LexRank (Erkan & Radev 2004, the continuous variant): a random walk over
  the TF-IDF cosine graph of all the story's sentences, so a fact several outlets repeat
  scores high;
- it is blended with the similarity to the story's centroid (what the whole story is
  about), a directed centrality (PacSum, Zheng & Lapata 2019: a sentence that later
  sentences and other outlets echo is a lead-like fact) and a position prior, because
  news puts the facts in the first sentences;
- selection covers the story's concepts (content bigrams and words that several articles
  use; Gillick & Favre 2009) greedily under a word budget: the next pick adds the most
  not-yet-covered concept weight per word, its score breaking ties; near-copies (another
  outlet's version of a picked sentence) are skipped outright.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.summarize.sentences import split_sentences

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Apostrophes and quote marks that feeds use for one another: "NHTSA’s" and "NHTSA's" are one
# word, so a headline written with one shares its words with a sentence written with the other.
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼʻ`´′＇", "'"))
_STOP_WORDS = """
a an the and or but nor of to in on for with at by from as into about over after before than
then so if is are was were be been being am it its it's this that these those there here has
have had having do does did will would shall should can could may might must not no yes he
she they we you i his her their our your my me him them us who whom whose which what when
where why how all any both each more most other some such only own same too very just also
said says say told according new one two up out off again further once during while because
until against between through under above below down s t
"""
_STOP = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")

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
    )""",
    re.I | re.X,
)
_CAPTION = re.compile(r"\((?:[^()]*/\s*[^()]*|AP|Reuters|Getty Images|AFP)\)\s*$", re.I)
_HAS_VERB_END = re.compile(r"[.!?'\"”’)]$")

MIN_WORDS = 5
MAX_WORDS = 70
# Score blend (tuned on the summ-eval dev sets): centrality, centroid, position.
W_LEXRANK = 0.25
W_CENTROID = 0.25
W_POSITION = 0.70
POS_DECAY = 0.7  # position prior (1 + p) ** -POS_DECAY: the lead counts most
DAMPING = 0.15  # LexRank's teleport probability
W_FORWARD = 0.20
FWD_BACK = 0.3
W_HEADLINE = 0.35  # agreement with the story's headline (digest only: no headlines in summ-eval)
NEAR_COPY = 0.65
# Concept coverage (tuned on the first 50 Multi-News dev stories at 45 words)
CONCEPT_ALPHA = 0.6  # new concept weight per word ** alpha: short, dense sentences first
UNIGRAM_WEIGHT = 0.3
W_SCORE = 1.0  # the centrality/position score breaks ties between equal coverage  # cosine above which a sentence is another outlet's copy of a picked one


@dataclass(frozen=True)
class Candidate:
    doc: int  # which article
    pos: int  # position among the article's real sentences (furniture not counted)
    text: str
    words: int


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(sentence: str) -> list[str]:
    """Content words of a sentence, lowercased and lightly stemmed."""
    text = sentence.lower().translate(_APOSTROPHES)
    return [_stem(w) for w in _WORD.findall(text) if w not in _STOP]


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
            if is_boilerplate(s):
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


def _tfidf(token_lists: list[list[str]]) -> npt.NDArray[np.float64]:
    vocab: dict[str, int] = {}
    for toks in token_lists:
        for t in toks:
            vocab.setdefault(t, len(vocab))
    n = len(token_lists)
    m = np.zeros((n, max(1, len(vocab))))
    df: Counter[str] = Counter()
    for toks in token_lists:
        df.update(set(toks))
    for i, toks in enumerate(token_lists):
        for t, c in Counter(toks).items():
            m[i, vocab[t]] = (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: npt.NDArray[np.float64] = m / norms
    return out


def _lexrank(sims: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Stationary distribution of the continuous LexRank walk (power iteration)."""
    n = sims.shape[0]
    rows = sims.sum(axis=1, keepdims=True)
    rows[rows == 0] = 1.0
    walk = DAMPING / n + (1 - DAMPING) * (sims / rows)
    p = np.full(n, 1.0 / n)
    for _ in range(100):
        nxt = walk.T @ p
        if float(np.abs(nxt - p).sum()) < 1e-8:
            p = nxt
            break
        p = nxt
    return p


def _scale(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    top = float(x.max()) if x.size else 0.0
    return x / top if top > 0 else x


def score_candidates(
    cands: list[Candidate], headline: str | None = None
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Each candidate's score and the candidates' pairwise cosine similarity.

    With a ``headline``, agreeing with it counts too: the editor's one-line summary of
    the story says what the news is.
    """
    rows = [terms(c.text) for c in cands]
    vecs = _tfidf([*rows, terms(headline)] if headline else rows)
    head = vecs[-1] if headline else None
    vecs = vecs[: len(cands)]
    sims = vecs @ vecs.T
    np.fill_diagonal(sims, 0.0)
    sims = np.clip(sims, 0.0, 1.0)
    lex = _scale(_lexrank(sims))
    centroid = vecs.sum(axis=0)
    cnorm = float(np.linalg.norm(centroid))
    cen = _scale(vecs @ (centroid / cnorm)) if cnorm else np.zeros(len(cands))
    pos = np.array([(1.0 + c.pos) ** -POS_DECAY for c in cands])
    score = W_LEXRANK * lex + W_CENTROID * cen + W_POSITION * pos
    if W_FORWARD:
        # PacSum-style directed centrality (Zheng & Lapata 2019): being echoed by what comes
        # after counts, repeating what came before doesn't; other articles always count
        doc = np.array([c.doc for c in cands])
        posn = np.array([c.pos for c in cands])
        same = doc[:, None] == doc[None, :]
        later = same & (posn[None, :] > posn[:, None])
        earlier = same & (posn[None, :] < posn[:, None])
        fwd = (sims * (later | ~same)).sum(axis=1) - FWD_BACK * (sims * earlier).sum(axis=1)
        fwd = fwd - fwd.min()
        score = score + W_FORWARD * _scale(fwd)
    if head is not None:
        score = score + W_HEADLINE * _scale(np.clip(vecs @ head, 0.0, 1.0))
    return score, sims


def _concepts(
    cands: list[Candidate], docs: int
) -> tuple[list[set[tuple[str, ...]]], dict[tuple[str, ...], float]]:
    """Each candidate's concepts (content bigrams and words) and each concept's weight.

    A concept's weight is how many articles use it (how many sentences, for a story told
    by one article); one only one article or sentence uses weighs nothing. Unigrams
    count at UNIGRAM_WEIGHT of a bigram. Covering the most weight in the fewest words is
    the concept-coverage objective of Gillick & Favre (2009), solved greedily.
    """
    per: list[set[tuple[str, ...]]] = []
    for c in cands:
        t = terms(c.text)
        per.append({(w,) for w in t} | set(itertools.pairwise(t)))
    df: Counter[tuple[str, ...]] = Counter()
    if docs > 1:
        for d in range(docs):
            df.update(set().union(*(b for c, b in zip(cands, per, strict=True) if c.doc == d)))
    else:
        for b in per:
            df.update(b)
    weights = {
        k: float(v) * (1.0 if len(k) == 2 else UNIGRAM_WEIGHT) for k, v in df.items() if v >= 2
    }
    return per, weights


def _select(
    cands: list[Candidate],
    score: npt.NDArray[np.float64],
    sims: npt.NDArray[np.float64],
    *,
    limit: int,
    budget_words: int | None,
    docs: int,
) -> list[int]:
    """Greedy picks: new concept weight per word (length ** CONCEPT_ALPHA) plus the
    sentence's own score; another outlet's near-copy of a pick is skipped."""
    per, weights = _concepts(cands, docs)
    covered: set[tuple[str, ...]] = set()
    chosen: list[int] = []
    left = set(range(len(cands)))
    used = 0
    # stop when what is left of the budget cannot hold a sentence
    while (
        left and len(chosen) < limit and (budget_words is None or budget_words - used >= MIN_WORDS)
    ):

        def gain(i: int, covered: set[tuple[str, ...]] = covered) -> tuple[float, int]:
            new = sum(weights.get(k, 0.0) for k in per[i] - covered)
            return (new / cands[i].words ** CONCEPT_ALPHA + W_SCORE * float(score[i]), -i)

        best = max(left, key=gain)
        left.discard(best)
        if chosen and max(float(sims[best, j]) for j in chosen) > NEAR_COPY:
            continue
        chosen.append(best)
        covered |= per[best]
        used += cands[best].words
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
    score, sims = score_candidates(cands, headline)
    if lead_window is not None:
        keep = sorted(_lead_part(cands, lead_window, furniture))
        cands = [cands[i] for i in keep]
        score, sims = score[keep], sims[np.ix_(keep, keep)]
        if not cands:
            return []
    order = _select(cands, score, sims, limit=limit, budget_words=None, docs=len(docs))
    return [(cands[i].doc, cands[i].pos, cands[i].text) for i in order]


def summarize_documents(docs: list[str], budget_words: int) -> list[str]:
    """Pick central sentences until the word budget is used; return them in reading order."""
    cands = candidates(docs)
    if not cands or budget_words <= 0:
        return []
    score, sims = score_candidates(cands)
    order = _select(cands, score, sims, limit=len(cands), budget_words=budget_words, docs=len(docs))
    order.sort(key=lambda i: (cands[i].pos, cands[i].doc))
    return [trim(cands[i].text) for i in order]
