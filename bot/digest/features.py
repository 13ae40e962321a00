"""What the grouping compares: each article as a weighted bag of words and names.

An article is its title (counted twice: a headline is chosen to say what the story is)
plus the first ``BODY_WORDS`` words of its body. Words are weighted TF-IDF over the
window being grouped, so a word every item of the day uses ("AI", "model") weighs
little and a word two items share weighs a lot. Names get extra weight on top: a
multi-word proper name ("Dario Amodei", "Dilworth Plaza") or a figure with its unit
("$350M", "2 million tokens") that few items of the window contain is the best sign
that two differently worded pieces report one event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.models import Article

BODY_WORDS = 300
TITLE_REPEAT = 2
# A shared name counts this much more than a shared word of the same rarity.
NAME_BOOST = 1.0

_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")
# Words that say nothing about which story this is. "ai" is in every title of an AI feed.
_STOP_TEXT = """a about after against all also an and any are as at be been before being but by can
    could did do does for from had has have he her his how i if in into is it its just may
    me more most my new no not now of off on one or our out over says said she so some than
    that the their them then there these they this to up us was we were what when which who
    why will with would you your yet via vs ai here get gets got make makes way ways use
    uses using today week report reportedly"""
STOPWORDS = frozenset(_STOP_TEXT.split())

# Two or more capitalised words in a row (connectors allowed inside): a proper name.
_CAP = r"[A-Z][\w'’&-]*"
_NAME = re.compile(rf"\b{_CAP}(?:\s+(?:(?:of|de|la|von|van|and|&)\s+)?{_CAP})+")
# A number with the unit or scale that follows it: "$350M", "2 million tokens", "40%".
_FIGURE = re.compile(
    r"(?<![\w.])([$€£]?)(\d+(?:[.,]\d+)*)\s?(%|percent\b|[a-z]+\b)?(?:\s(million|billion|trillion)\b)?",
    re.IGNORECASE,
)
# Capitalised only because they start a sentence or a headline.
_LEAD_TEXT = """the a an in on at for and but or as by to of from with this that these those it
    its his her their our we he she they i when what why how who new after before"""
_NAME_LEAD = frozenset(_LEAD_TEXT.split())
_SCALES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion"}


def _normal(word: str) -> str:
    """A content word with a light plural strip ("watermarks" = "watermark"); "" for a
    stopword or a single character."""
    if len(word) < 2 or word in STOPWORDS:
        return ""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Lowercase content words, in order."""
    words = (_normal(w) for w in _WORD.findall(text.lower().replace("’", "'")))
    return [w for w in words if w]


def _count_words(text: str, counts: Counter[str], seen: dict[str, str], times: int = 1) -> None:
    """Add each content word's count to ``counts``; ``seen`` remembers each distinct
    word's normal form across a window (a window has far fewer words than mentions)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    for word in set(words).difference(seen):
        seen[word] = _normal(word)
    found = Counter(map(seen.__getitem__, words))
    found.pop("", None)
    if times != 1:
        for word in found:
            found[word] *= times
    counts.update(found)


def names(text: str) -> list[str]:
    """Multi-word proper names and figures with units, normalised ("#mark zuckerberg",
    "#$350 million"). The ``#`` keeps them apart from plain words in one vocabulary."""
    out = []
    for match in _NAME.finditer(text):
        words = match.group(0).replace("’", "'").split()
        while words and words[0].lower() in _NAME_LEAD:
            words = words[1:]
        if len(words) >= 2:
            out.append("#" + " ".join(w.lower().rstrip(".'s") for w in words))
    for cur, num, unit, scale in _FIGURE.findall(text):
        unit = (unit or "").lower()
        if not cur and not unit and not scale:
            continue  # a bare number: a year, a page, a count of nothing in particular
        unit = _SCALES.get(unit, unit)
        if unit in STOPWORDS or (not cur and unit in _NAME_LEAD):
            unit = ""
        if not cur and not unit and not scale:
            continue
        out.append(
            "#" + " ".join(p for p in (cur + num.replace(",", ""), unit, scale.lower()) if p)
        )
    return out


def body_words(article: Article) -> str:
    return " ".join(article.text.split(maxsplit=BODY_WORDS)[:BODY_WORDS])


def _terms(article: Article, seen: dict[str, str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    body = body_words(article)
    _count_words(article.title, counts, seen, TITLE_REPEAT)
    _count_words(body, counts, seen)
    counts.update(names(article.title + ".\n" + body))
    return counts


@dataclass(frozen=True)
class Vectors:
    """Unit-length TF-IDF vectors of a window's articles, stored as flat arrays
    (doc, term, weight), sorted by term then doc: one posting list per term."""

    doc: npt.NDArray[np.int32]
    term: npt.NDArray[np.int32]
    weight: npt.NDArray[np.float32]
    df: npt.NDArray[np.int32]  # documents per term
    vocab: tuple[str, ...]

    def terms_of(self, i: int) -> dict[str, float]:
        mask = self.doc == i
        return {
            self.vocab[t]: float(w) for t, w in zip(self.term[mask], self.weight[mask], strict=True)
        }


def vectorize(articles: Sequence[Article]) -> Vectors:
    """Sublinear TF times smoothed IDF, names boosted, each article scaled to length 1."""
    ids: dict[str, int] = {}
    docs: list[int] = []  # terms per article
    terms: list[int] = []
    counts: list[int] = []
    seen: dict[str, str] = {}
    for art in articles:
        bag = _terms(art, seen)
        docs.append(len(bag))
        terms.extend([ids.setdefault(word, len(ids)) for word in bag])
        counts.extend(bag.values())
    doc = np.repeat(np.arange(len(articles), dtype=np.int32), docs)
    term = np.asarray(terms, dtype=np.int32)
    vocab = tuple(sorted(ids, key=ids.__getitem__))
    is_name = np.fromiter((w.startswith("#") for w in vocab), dtype=bool, count=len(vocab))
    tf = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * np.where(
        is_name[term], NAME_BOOST, 1.0
    )
    df = np.bincount(term, minlength=len(ids)).astype(np.int32)
    n = len(articles)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weight = tf * idf[term]
    norms = np.sqrt(np.bincount(doc, weights=weight * weight, minlength=n))
    weight = weight / np.where(norms > 0, norms, 1.0)[doc]
    order = np.lexsort((doc, term))
    return Vectors(
        doc=doc[order],
        term=term[order],
        weight=weight[order].astype(np.float32),
        df=df,
        vocab=vocab,
    )
