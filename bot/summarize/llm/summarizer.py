"""The LLM summarizer: budgeted prompts, a cache, a faithfulness guard, and a way out.

``write`` hands one day to a ``DayRun`` (dayrun.py): what the cache holds is taken, the
rest is written in one call when the day and its reply fit the model's context
(``llm_context_tokens``), else one call per story and one small call for the hook and
bottom line. Each story's articles are cut to what the context leaves (longest first,
titles kept). Everything the model writes goes through the guard; a story that fails is
written by the offline voice alone. If the model is down, the offline voice writes
everything and ``backend`` says so ("openai:llama3.1 (fallback: extractive)"): the digest
always goes out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import httpx

from bot.clock import Clock
from bot.config import Settings
from bot.models import DigestWindow, Story
from bot.summarize.base import DigestText
from bot.summarize.llm.budget import TokenCounter
from bot.summarize.llm.cache import SummaryCache, SummaryStore
from bot.summarize.llm.dayrun import MAP_CONCURRENCY, DayRun
from bot.summarize.llm.limits import LLMLimits
from bot.summarize.llm.prompts import load_persona, prompt_fingerprint, system_prompt
from bot.summarize.llm.transport import Transport
from bot.summarize.offline.voice import write_offline

__all__ = ["MAP_CONCURRENCY", "LLMLimits", "LLMSummarizer"]

log = logging.getLogger("newsbot.summarize.llm")


class LLMSummarizer:
    def __init__(
        self,
        transport: Transport,
        *,
        limits: LLMLimits,
        store: SummaryStore | None,
        clock: Clock,
        persona: str,
        examples: bool = True,
    ) -> None:
        self.name = f"{transport.backend}:{transport.model}"
        self.transport = transport
        self.limits = limits
        self.system = system_prompt(persona, examples=examples)
        self.counter = TokenCounter.for_model(transport.model)
        self.cache = SummaryCache(
            store,
            clock,
            backend=transport.backend,
            model=transport.model,
            prompt=prompt_fingerprint(self.system),
        )
        self.owned_client: httpx.AsyncClient | None = None  # set when the factory opened one
        self.last_calls = 0  # calls the last ``write`` made (the benchmark reads it)
        system_tokens = self.counter.count(self.system)
        if limits.story_input(system_tokens) < 200:
            log.warning(
                "llm_context_tokens=%d leaves %d tokens for a story's articles after the "
                "%d-token system prompt: raise it, or shorten config/persona.md",
                limits.context_tokens,
                limits.story_input(system_tokens),
                system_tokens,
            )

    async def aclose(self) -> None:
        if self.owned_client is not None:
            await self.owned_client.aclose()

    @classmethod
    def from_settings(
        cls, transport: Transport, settings: Settings, store: SummaryStore | None, clock: Clock
    ) -> LLMSummarizer:
        persona = load_persona(settings.config_dir, settings.persona_name)
        return cls(
            transport,
            limits=LLMLimits.from_settings(settings),
            store=store,
            clock=clock,
            persona=persona,
            examples=settings.llm_examples,
        )

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        if not stories:
            return replace(write_offline(stories, window), backend=self.name)
        run = DayRun(self, list(stories), window)
        text = await run.run()
        self.last_calls = run.calls
        return text
