"""Story type from the words in a story; picks the take template in the offline voice.

The headline decides when it names a type: it is the editor's own one-line summary.
Article text is a noisier signal (a product review mentions a "benchmark", a feature on
a CEO mentions "funding"), so it decides only when the headline says nothing and the text
names the same type at least twice.
"""

from __future__ import annotations

import re
from collections import Counter

KINDS = (
    "funding",
    "acquisition",
    "release",
    "open_source",
    "policy",
    "security",
    "chips",
    "research",
    "people",
    "general",
)

# Checked in order: on a tie, the earlier kind wins ("Nvidia raises..." is about money).
_WORDS: tuple[tuple[str, str], ...] = (
    (
        "security",
        r"breach(?:es|ed)?|leak(?:s|ed)?|vulnerabilit(?:y|ies)|hack(?:s|ed|ers?)?|exploit(?:s|ed)?"
        r"|jailbreak(?:s|ed)?|malware|ransomware|phishing|exposed|cyberattack|zero-day|spyware",
    ),
    (
        "acquisition",
        # not "joins": a carmaker "joins the electric SUV club"; hires are people moves
        r"acquires?|acquired|acquiring|acquisition|buys|bought|to buy|takeover|merger|merges"
        r"|acqui-hire",
    ),
    (
        "funding",
        r"raises|raised|raising|funding|valuation|valued at|series [a-f]|seed round|round led"
        r"|investors|unicorn|ipo|revenue|annualized|invests?|investing|investment",
    ),
    (
        "policy",
        r"laws?|regulations?|regulators?|bill|senate|congress|eu ai act|lawsuits?|sues|sued"
        r"|court|judge|settlement|ftc|doj|antitrust|probe|investigat\w+|ban(?:s|ned)?|fined?"
        r"|executive order|copyright|legislat\w+|nhtsa|government|polic(?:y|ies)|memorandum",
    ),
    (
        "chips",
        r"gpus?|chips?|chipmakers?|nvidia|amd|tsmc|semiconductors?|data ?cent(?:er|re)s?"
        r"|compute|inference|supercomputers?|hyperscalers?|power grid|natural gas|nuclear",
    ),
    (
        "open_source",
        r"open[- ]source[ds]?|open weights|open-weight|apache 2\.0|mit license|licen[cs]e"
        r"|github|hugging face",
    ),
    (
        "release",
        r"launch(?:es|ed)?|releases?|released|unveils?|unveiled|introduces?|introduced"
        r"|rolls? out|rolled out|ships|shipped|debuts?|announces new|now available|new model"
        r"|review|update[sd]? to|upgrade[sd]?",
    ),
    (
        "research",
        r"paper|researchers?|study|studies|benchmarks?|arxiv|preprint|scientists?|lab finds",
    ),
    (
        "people",
        r"ceo|cto|steps down|resigns?|resigned|founder|appointed|names new|layoffs?|lays off"
        r"|cut(?:s|ting)? (?:\w+ ){0,3}jobs|disband(?:s|ed)?|exits?|departs?|fired|hires|hired"
        r"|poach(?:es|ed)?",
    ),
)
_PATTERNS = tuple((kind, re.compile(rf"\b(?:{words})\b", re.I)) for kind, words in _WORDS)


def _counts(text: str) -> Counter[str]:
    return Counter({kind: len(p.findall(text)) for kind, p in _PATTERNS if p.search(text)})


def _best(counts: Counter[str], minimum: int) -> str | None:
    order = [kind for kind, _ in _PATTERNS]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    if ranked and ranked[0][1] >= minimum:
        return ranked[0][0]
    return None


def detect_kind(text: str, *, headline: str | None = None) -> str:
    """The story type: one of KINDS. With a headline, the headline decides first."""
    if headline is not None:
        from_title = _best(_counts(headline), 1)
        if from_title:
            return from_title
        return _best(_counts(text), 2) or "general"
    return _best(_counts(text), 1) or "general"
