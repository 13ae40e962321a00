"""Is this sentence, where it stands in its article, the news or the way into a feature?

The rules in ``screen`` judge a sentence as written. A feature's opener passes them ("On
August 30, Prime Minister Narendra Modi travelled to Tianjin...") and so does a profile's
background line; what gives them away is where they stand and what is around them: first
in a long article, sharing little with the headline, followed by a sentence that leans
on them ("But now she's on the verge of risking it all."). And a plain news sentence
the rules refuse for one word ("At least 5,000 people were killed...") is told by the
same signs the other way.

``lede_score`` adds these signs to the rules' verdict in a logistic score, fitted by
``bench/lede.py`` on the ``fit`` part of tests/data/writer/positions.jsonl (the first
three sentences of the articles of tuned days, world news and tech news, labelled with
their article position, headline and the next sentence) and measured on its
``held-out`` part. The weights below are that fit, copied.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.summarize.offline.extractive import candidates, terms
from bot.summarize.offline.screen import (
    BOILERPLATE,
    HOOK,
    NEEDS_CONTEXT,
    NEWS,
    is_concrete,
    is_event,
    is_news,
    kind,
    leads_with_actor,
    opens_in_the_past,
)

WINDOW = 3  # the sentences of an article scored: the lead, where news writing puts the news
# An article of fewer real sentences than this (a feed's one-to-three-sentence summary) is
# all lead: where a sentence stands tells nothing there, and on tech news, where such
# summaries are common and the rules were already precise (0.96 on the tune sentences),
# scoring them cost half the recall ("Mark Zuckerberg just bought a cozy abode..." printed
# nothing). Chosen by the lead on the tune parts (fit and sentences-tune, mean F0.5);
# bench/lede.py shows every part.
SCORED_FROM = 4


@dataclass(frozen=True)
class Place:
    """Where a sentence stands: its position among the article's real sentences (page
    furniture not counted), the sentence after it ("" when none) and how many there are."""

    pos: int
    next: str
    count: int


def places(text: str, repair: Callable[[str], str | None] = lambda _: None) -> dict[str, Place]:
    """Each real sentence of an article (as ``candidates`` cuts and mends it), with its
    place; furniture and fragments are not counted."""
    real = [c.text for c in candidates([text], repair) if kind(c.text) != BOILERPLATE]
    return {
        s: Place(i, real[i + 1] if i + 1 < len(real) else "", len(real)) for i, s in enumerate(real)
    }


_WEEKDAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight)\b", re.I
)
_SAID = re.compile(r"\b(?:said|says|told|according\sto|announced|confirmed|reported)\b")


def _opening(words: str) -> re.Pattern[str]:
    """A sentence that starts with one of ``words`` ("|"-separated, spaces as written)."""
    return re.compile(r"^(?:" + words.replace(" ", r"\s") + r")\b")


# "When President Donald Trump told protesters...", "As people trickled into polling
# stations...", "For the first few days of...": a scene or a time clause before the news
_SCENE_OPEN = _opening(
    "When|As|While|For|Despite|Before|After|Following|Since|Once|Just|Eight|Ten|Two|Three"
    "|In the|On a|At the"
)
# a sentence after this one that leans on it: the opener of a story told in steps
_LEANS = _opening(
    "But|Yet|And|So|Now|Instead|Still|Then|It|It['’]s|He|She|They|His|Her|Their|That|This"
    "|These|Those|Not"
)
_QUOTE = re.compile(r"^[\"“‘']")


def features(sentence: str, place: Place, headline: str, year: int) -> list[float]:
    """The signs ``lede_score`` weighs, each 0..1 (named in ``NAMES``)."""
    got = kind(sentence)
    head = set(terms(headline))
    shared = len(set(terms(sentence)) & head) / max(1, min(len(head), 6))
    words = len(sentence.split())
    return [
        1.0,
        float(place.pos == 0),
        float(place.pos == 1),
        float(place.count == 1),
        float(got == NEWS),
        float(got == NEEDS_CONTEXT),
        float(got == HOOK),
        float(is_concrete(sentence)),
        float(leads_with_actor(sentence)),
        float(is_event(sentence, headline)),
        min(1.0, shared),
        float(bool(_WEEKDAY.search(sentence))),
        float(bool(_SAID.search(sentence))),
        float(bool(_SCENE_OPEN.match(sentence))),
        float(bool(_LEANS.match(place.next))),
        float(bool(_QUOTE.match(place.next))),
        float(opens_in_the_past(sentence, year)),
        min(1.0, words / 40),
    ]


NAMES = (
    "bias",
    "first",
    "second",
    "only sentence",
    "rules: news",
    "rules: needs context",
    "rules: hook",
    "date, number or act",
    "actor first",
    "event agreeing with headline",
    "headline words shared",
    "weekday or today",
    "attributed",
    "scene or time clause first",
    "next sentence leans on it",
    "next sentence is a quote",
    "opens on a past year",
    "length",
)
# Fitted by bench/lede.py on the fit part (see the module docstring); do not edit by hand.
# fmt: off
WEIGHTS = (
    -5.543, 1.226, 0.227, -0.070, 1.636, -0.472, -1.163, 0.943, 0.462,
    0.245, 2.554, 1.014, 0.680, -1.393, 0.298, 0.550, -0.502, 1.067,
)
# fmt: on
THRESHOLD = 0.55


def lede_score(sentence: str, place: Place, headline: str, year: int) -> float:
    """How likely the sentence is printable news where it stands, 0..1."""
    z = sum(w * f for w, f in zip(WEIGHTS, features(sentence, place, headline, year), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


# A feed summary written to make one click rather than to tell: "...found a surprising
# lead.", "China seems to be winning more hearts and minds abroad.", "Jeri is the latest
# in a series of...", "But now she's on the verge of...", "An interview with X about...".
_TEASER = re.compile(
    r"\b(?:surprising|surprisingly|unexpected|mysterious|remarkable|extraordinary)\b"
    r"|\b(?:seems?|seemed|appears?|appeared)\sto\b|\bon\sthe\sverge\sof\b"
    r"|\bthe\slatest\sin\sa\s(?:long\s)?(?:series|line|string)\b"
    r"|\bhas\sthe\s(?:r[ée]sum[ée]|makings)\sof\b|\balready\s(?:seen|known)\b"
    r"|^An?\s(?:interview|conversation|look|profile|portrait|tour|visit)\s(?:with|at|of|inside)\b"
    # "Tehran also says more work is needed...": the rest of the story is elsewhere
    r"|^(?:\S+\s){1,3}also\b",
    re.I,
)


def is_teaser(sentence: str) -> bool:
    """A short summary's line that teases rather than tells: teaser words, a hedge
    ("seems to"), or one leaning on a story told elsewhere ("X also says"). A line sharing
    no word with its headline was refused too at first: on the tune data that cost as
    much news ("Rights groups are investigating the death of Ali Rahbar...") as hooks."""
    return bool(_TEASER.search(sentence))


def is_lede_news(sentence: str, place: Place, headline: str, year: int) -> bool:
    """Printable news where it stands: in an article with a body, by the lede score; in a
    short summary, by the rules (news, pinned to a date, number or act) and not a teaser."""
    if place.count < SCORED_FROM:
        return is_news(sentence) and is_concrete(sentence) and not is_teaser(sentence)
    return lede_score(sentence, place, headline, year) >= THRESHOLD
