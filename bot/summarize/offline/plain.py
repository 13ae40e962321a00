"""Plain words and short sentences for extracted source sentences.

Three things, all of which keep a sentence faithful (they only swap a corporate word for
its everyday twin, cut words, or cut a sentence in two; they never add a fact):

- ``plain_words``: the corporate-to-plain word list ("leverage" -> "use");
- ``trim_sentence``: drop parentheticals, attributions and trailing asides;
- ``shorten``: split a long sentence at a safe point (";", " — ", ", and ", ", but ")
  only when both halves stand as sentences (a subject and a verb each).
"""

from __future__ import annotations

import re

from bot.summarize.hype import HYPE_WORDS
from bot.summarize.offline.extractive import trim

# Longest phrases first, so "capital allocation" wins over "capital".
PLAIN_WORDS: dict[str, str] = {
    "capital allocation": "money",
    "strategic partnership": "deal",
    "workforce reduction": "layoffs",
    "reduction in force": "layoffs",
    "in order to": "to",
    "prior to": "before",
    "in the event that": "if",
    "at this point in time": "now",
    "going forward": "from now on",
    "a number of": "some",
    "the majority of": "most",
    "state-of-the-art": "top",
    "best-in-class": "top",
    "end users": "users",
    "enterprise customers": "business customers",
    "venture capital": "venture money",
    "leverage": "use",
    "leverages": "uses",
    "leveraged": "used",
    "leveraging": "using",
    "utilize": "use",
    "utilizes": "uses",
    "utilized": "used",
    "utilizing": "using",
    "utilization": "use",
    "capital": "money",
    "facilitate": "help",
    "facilitates": "helps",
    "commence": "start",
    "commenced": "started",
    "approximately": "about",
    "additionally": "also",
    "furthermore": "also",
    "subsequently": "later",
    "numerous": "many",
    "purchase": "buy",
    "purchased": "bought",
    "demonstrate": "show",
    "demonstrates": "shows",
    "demonstrated": "showed",
    "assist": "help",
    "assists": "helps",
    "endeavor": "try",
    "individuals": "people",
    "terminate": "end",
    "terminated": "ended",
    "optimize": "improve",
    "optimizes": "improves",
    "monetize": "make money from",
    "headcount": "staff",
    "robust": "strong",
    "innovative": "new",
    "solutions": "tools",
    "enterprises": "businesses",
    "announced": "said",
}
_PLAIN_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(PLAIN_WORDS, key=len, reverse=True)) + r")\b",
    re.I,
)
# STYLE.md's list plus the corporate words a sentence can't be rescued from.
_HYPE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted({*HYPE_WORDS, "paradigm", "game-changer"}))
    + r")\b",
    re.I,
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PRONOUNS = _wordset("he she it they we i you this that these those there")
_DETERMINERS = _wordset("the its their his her our a an this that these those")
_AUX = _wordset(
    "is are was were has have had will would can could may might must should does do did "
    "said says plans wants expects hopes also"
)
_VERBISH = re.compile(r"^[a-z]+(?:ed|[^su]s)$")
_SUBORDINATE = re.compile(
    r"^(?:if|when|while|although|though|because|as|after|before|since|unless|whether|once)\b",
    re.I,
)
_TRAILING = re.compile(
    r",\s(?:(?:which|who|including|such as|bringing|making|adding)\b"
    r"|(?:a|an)\s[^,.;]*?\b(?:that|which)\b)[^;]*(?=\.$)"
)
_SPLITS = (re.compile(r";\s+"), re.compile(r"\s+[—–]\s+"), re.compile(r",\s+(?=(?:and|but)\s)"))

LONG = 18  # words: longer sentences are cut where they can be


def is_hype(sentence: str) -> bool:
    return bool(_HYPE_RE.search(sentence))


def _match_case(word: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if word[:1].isupper() else repl


def plain_words(sentence: str) -> str:
    return _PLAIN_RE.sub(lambda m: _match_case(m.group(), PLAIN_WORDS[m.group().lower()]), sentence)


def _finish(s: str) -> str:
    s = s.strip(" ,;:—–-")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if s[-1] in ".!?" else s + "."


def trim_sentence(sentence: str) -> str:
    """Parentheticals, attributions and a trailing ", which ..." aside go."""
    s = trim(sentence)
    if len(s.split()) > LONG:
        s = _TRAILING.sub("", s)
    return _finish(re.sub(r"\.\.$", ".", s))


def _is_verb(word: str) -> bool:
    w = word.lower().strip(",")
    return w in _AUX or bool(_VERBISH.match(w))


def stands_alone(clause: str) -> bool:
    """A clause that reads as a sentence: a subject, then a verb, and 4+ words in all.

    The subject is a pronoun, a determiner and up to three words ("the new model"), or a
    run of capitalized words (a name). Judged on the clause as written, so "music made
    with AI" (lowercase, no determiner) is not taken for a sentence.
    """
    words = clause.split()
    if len(words) < 4 or _SUBORDINATE.match(clause):
        return False
    first = words[0].lower()
    if first in _PRONOUNS and _is_verb(words[1]):
        return True
    if first in _DETERMINERS:
        return any(_is_verb(w) for w in words[2:5])
    if words[0][:1].isupper():
        i = 1
        while i < len(words) and words[i][:1].isupper():
            i += 1
        return i < len(words) and _is_verb(words[i])
    return False


def shorten(sentence: str, limit: int = LONG) -> list[str]:
    """One long sentence as several short ones, cut only where both halves stand alone."""
    s = sentence.strip()
    if len(s.split()) <= limit:
        return [_finish(s)]
    body = s[:-1] if s[-1] in ".!?" else s
    for pattern in _SPLITS:
        for m in pattern.finditer(body):
            head, tail = body[: m.start()], body[m.end() :]
            tail = re.sub(r"^(?:and|but)\s+", "", tail) if pattern is _SPLITS[2] else tail
            if stands_alone(head) and stands_alone(tail):
                return shorten(_finish(head), limit) + shorten(_finish(tail), limit)
    # "X did Y — an aside that is no sentence": the aside goes, the fact stays
    aside = _SPLITS[1].search(body)
    if aside and stands_alone(body[: aside.start()]):
        return shorten(_finish(body[: aside.start()]), limit)
    return [_finish(s)]


def plain(sentence: str) -> str:
    """A source sentence in plain words, trimmed, as one sentence (not split)."""
    return trim_sentence(plain_words(sentence))


def plain_sentences(sentence: str, limit: int = LONG) -> list[str]:
    """A source sentence in plain words, trimmed and cut into short sentences."""
    return shorten(plain(sentence), limit)
