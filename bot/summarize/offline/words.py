"""Words as the ranking counts them: lowercased, one apostrophe, lightly stemmed; the stop
words that carry no fact of their own. Shared by the extractive ranking (extractive.py,
concepts.py) and the writer's screen and lede score."""

from __future__ import annotations

import functools
import re


def wordset(words: str) -> frozenset[str]:
    """A word list written as one string ("he she it they") as a set: the rules' lists."""
    return frozenset(words.split())


WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Apostrophes and quote marks that feeds use for one another: "NHTSA’s" and "NHTSA's" are one
# word, so a headline written with one shares its words with a sentence written with the other.
APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼʻ`´′＇", "'"))
STOPWORDS = """
a an the and or but nor of to in on for with at by from as into about over after before than
then so if is are was were be been being am it its it's this that these those there here has
have had having do does did will would shall should can could may might must not no yes he
she they we you i his her their our your my me him them us who whom whose which what when
where why how all any both each more most other some such only own same too very just also
said says say told according new one two up out off again further once during while because
until against between through under above below down s t
"""
STOP = frozenset(STOPWORDS.split())
# The months by name, as one regex alternation: the rules that read a date or a time
# (screen, slots, anchor, weekday, compress) share it.
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")


@functools.lru_cache(maxsize=65536)  # a day's text repeats its words: half the ranking's time
def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(sentence: str) -> list[str]:
    """Content words of a sentence, lowercased and lightly stemmed."""
    text = sentence.lower().translate(APOSTROPHES)
    return [stem(w) for w in WORD.findall(text) if w not in STOP]
