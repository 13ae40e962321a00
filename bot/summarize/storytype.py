"""Story type from the words in a story; picks the take template in the offline voice."""

from __future__ import annotations

import re

# Checked in order: the first kind with a matching word wins.
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("security", ("breach", "leak", "vulnerability", "hack", "exploit", "jailbreak")),
    ("acquisition", ("acquire", "acquires", "acquisition", "buys", "hires", "joins", "poach")),
    ("funding", ("raises", "raised", "funding", "valuation", "series a", "series b", "investors")),
    (
        "policy",
        ("law", "regulation", "bill", "senate", "congress", "eu ai act", "lawsuit", "court"),
    ),
    ("chips", ("gpu", "chip", "chips", "nvidia", "data center", "datacenter", "compute")),
    ("open_source", ("open source", "open-source", "open weights", "license", "github")),
    ("release", ("launch", "launches", "releases", "released", "unveils", "model", "rolls out")),
    ("research", ("paper", "researchers", "study", "benchmark", "arxiv")),
    ("people", ("ceo", "steps down", "resigns", "founder", "appointed")),
)


def detect_kind(text: str) -> str:
    low = text.lower()
    for kind, words in _KINDS:
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words):
            return kind
    return "general"
