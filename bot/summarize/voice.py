"""The offline voice: extracted source sentences shaped into the STYLE.md digest.

Facts come only from source sentences; take lines are opinion templates that name
no number or name the sources do not hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.models import DigestWindow, Story
from bot.summarize.base import DigestText, StoryText
from bot.summarize.extractive import rank_sentences
from bot.summarize.storytype import detect_kind

_PLAIN = {
    "leverage": "use",
    "leverages": "uses",
    "utilize": "use",
    "utilizes": "uses",
    "capital": "money",
    "facilitate": "help",
    "commence": "start",
    "approximately": "about",
}
_PAREN = re.compile(r"\s*\([^)]*\)")
_ATTRIB = re.compile(r",? (?:the company|he|she|they|[A-Z]\w+) (?:said|says|told \w+)[^.]*", re.I)

HYPE_WORDS = frozenset(
    [
        "revolutionary",
        "game-changing",
        "groundbreaking",
        "unprecedented",
        "cutting-edge",
        "seamless",
        "synergy",
        "empower",
        "unlock",
        "transformative",
        "disrupt",
        "paradigm",
    ]
)

_TAKES = {
    "funding": "My read: big money buys time, not results. Watch who pays the bill later.",
    "acquisition": "My read: buying talent is faster than growing it. The little guys get squeezed.",
    "release": "My read: a launch is a promise. Judge it when people use it on real work.",
    "open_source": "My read: check the license before you build on it. Free is not always free.",
    "policy": "My read: rules on paper are one thing. Watch who enforces them, and how.",
    "security": "My read: the fix matters more than the apology. Check your own setup today.",
    "chips": "My read: whoever owns the chips sets the price. Everyone else rents.",
    "research": "My read: a paper is not a product. Wait for someone to repeat it.",
    "people": "My read: people moves tell you where the money thinks the work is.",
    "general": "My read: worth watching, but wait for the details before cheering.",
}


def plain(sentence: str) -> str:
    s = _PAREN.sub("", sentence)
    s = _ATTRIB.sub("", s)
    for word, repl in _PLAIN.items():
        s = re.sub(rf"\b{word}\b", repl, s)
    s = s.strip()
    if s and s[-1] not in ".!?":
        s += "."
    return s


def _story_text(story: Story, lead: bool) -> StoryText:
    docs = [a.text or a.title for a in story.articles]
    # Sentences that carry hype words are spin, not facts: skip them rather than repeat them.
    ranked = [
        r for r in rank_sentences(docs, limit=8) if not any(h in r[2].lower() for h in HYPE_WORDS)
    ]
    facts = " ".join(plain(s) for _, _, s in sorted(ranked[: 3 if lead else 1]))
    if not facts:
        facts = plain(story.lead_article.title)
    kind = detect_kind(" ".join(f"{a.title} {a.text[:500]}" for a in story.articles))
    take = _TAKES[kind] if lead else None
    return StoryText(headline=story.lead_article.title, summary=facts, take=take, kind=kind)


def write_offline(stories: Sequence[Story], window: DigestWindow) -> DigestText:
    texts = tuple(_story_text(s, i == 0) for i, s in enumerate(stories))
    if not texts:
        return DigestText(
            hook="A quiet day",
            stories=(),
            bottom_line="Quiet day. Nothing big moved.",
            backend="extractive",
        )
    return DigestText(
        hook=texts[0].headline,
        stories=texts,
        bottom_line="Bottom line: lots of talk. Watch what ships, not what is promised.",
        backend="extractive",
    )


class ExtractiveSummarizer:
    name = "extractive"

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        return write_offline(stories, window)
