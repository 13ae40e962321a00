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
    take = _TAKES["general"] if lead else None
    return StoryText(headline=story.lead_article.title, summary=facts, take=take)


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
