"""The summarizer protocol: ranked stories in, the digest's words out.

Every backend (extractive + offline voice, openai-compatible, anthropic) implements
``Summarizer``. LLM backends fall back to the offline voice on any failure, so ``write``
always returns text for every story it was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.models import DigestWindow, Story


@dataclass(frozen=True)
class StoryText:
    headline: str
    summary: str  # what happened, facts only, from the sources
    take: str | None  # opinion, labeled as such; required for the lead, optional after
    kind: str = "general"  # funding, acquisition, release, open_source, policy, security, chips, research, people, general
    # offline writer: for each sentence of the summary's first paragraph (the facts), the
    # index in story.articles of the article it was taken from (for citations)
    fact_sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class DigestText:
    hook: str  # one-line hook for the title ("" on a quiet day is fine)
    stories: tuple[StoryText, ...]  # same order as the stories given; the first is the lead
    bottom_line: str
    backend: (
        str  # what actually wrote it, e.g. "extractive", "openai:llama3.1 (fallback: extractive)"
    )
    tokens_in: int = 0
    tokens_out: int = 0
    notes: tuple[str, ...] = ()  # footer notes: dropped sentences, fallbacks, cache hits


class Summarizer(Protocol):
    name: str

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText: ...
