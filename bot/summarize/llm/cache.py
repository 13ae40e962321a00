"""The LLM summary cache, kept in the database (``Store.get_summary`` / ``put_summary``).

A story's text is keyed by what could change it: the story's content hash, the backend,
the model, the prompt fingerprint (persona + rules + PROMPT_VERSION) and its role (the
lead is written longer). The day's hook and bottom line are keyed by the ordered keys of
its stories. Only text that passed the faithfulness guard is stored, so a fallback is
retried next time rather than remembered.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from bot.clock import Clock
from bot.models import CachedSummary, Story
from bot.summarize.base import StoryText

log = logging.getLogger("newsbot.summarize.llm.cache")

T = TypeVar("T")


class SummaryStore(Protocol):
    async def get_summary(self, key: str) -> CachedSummary | None: ...

    async def put_summary(self, item: CachedSummary, now: Any) -> None: ...


@dataclass(frozen=True)
class CachedStory:
    text: StoryText
    tokens_in: int
    tokens_out: int


@dataclass(frozen=True)
class CachedDay:
    hook: str
    bottom_line: str


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _story_of(data: Any, item: CachedSummary) -> CachedStory:
    text = StoryText(
        headline=str(data["headline"]),
        summary=str(data["summary"]),
        take=None if data.get("take") is None else str(data["take"]),
        kind=str(data.get("kind", "general")),
    )
    return CachedStory(text, item.tokens_in, item.tokens_out)


def _day_of(data: Any, _item: CachedSummary) -> CachedDay:
    return CachedDay(hook=str(data["hook"]), bottom_line=str(data["bottom_line"]))


class SummaryCache:
    def __init__(
        self, store: SummaryStore | None, clock: Clock, *, backend: str, model: str, prompt: str
    ) -> None:
        self._store = store
        self._clock = clock
        self._scope = (backend, model, prompt)

    def story_key(self, story: Story, *, lead: bool) -> str:
        return "story:" + _hash(story.content_hash, *self._scope, "lead" if lead else "other")

    def day_key(self, story_keys: list[str]) -> str:
        return "day:" + _hash(*self._scope, *story_keys)

    async def get_story(self, key: str) -> CachedStory | None:
        return await self._read(key, "summary", 18, _story_of)

    async def put_story(self, key: str, text: StoryText, tokens_in: int, tokens_out: int) -> None:
        payload = json.dumps(
            {
                "headline": text.headline,
                "summary": text.summary,
                "take": text.take,
                "kind": text.kind,
            }
        )
        await self._put(CachedSummary(key, payload, tokens_in, tokens_out))

    async def get_day(self, key: str) -> CachedDay | None:
        return await self._read(key, "day", 16, _day_of)

    async def put_day(self, key: str, day: CachedDay, tokens_in: int, tokens_out: int) -> None:
        payload = json.dumps({"hook": day.hook, "bottom_line": day.bottom_line})
        await self._put(CachedSummary(key, payload, tokens_in, tokens_out))

    # A broken cache costs tokens, never the digest: failures are logged and passed over.
    async def _read(
        self, key: str, what: str, shown: int, read: Callable[[Any, CachedSummary], T]
    ) -> T | None:
        """The cached item under ``key`` as ``read`` makes it, or None when there is none or
        it cannot be read (it is then written again)."""
        item = await self._get(key)
        if item is None:
            return None
        try:
            return read(json.loads(item.payload), item)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("cached %s %s is unreadable (%s); writing it again", what, key[:shown], exc)
            return None

    async def _get(self, key: str) -> CachedSummary | None:
        if self._store is None:
            return None
        try:
            return await self._store.get_summary(key)
        except Exception:
            log.warning("summary cache read failed; asking the model", exc_info=True)
            return None

    async def _put(self, item: CachedSummary) -> None:
        if self._store is None:
            return
        try:
            await self._store.put_summary(item, self._clock.now())
        except Exception:
            log.warning("summary cache write failed; the next digest asks again", exc_info=True)
