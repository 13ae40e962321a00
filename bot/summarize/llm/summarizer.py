"""The LLM summarizer: budgeted prompts, a cache, a faithfulness guard, and a way out.

``write`` first takes what the cache holds. The stories left are written in one call when
the whole day fits ``digest_token_budget``; otherwise map-reduce: one call per story, then
one small call for the hook and bottom line over the short summaries. Each story's
articles are cut to ``story_token_budget`` (longest first, titles kept).

Everything the model writes goes through the guard (numbers and names must be in that
story's sources). A story whose summary loses everything, or more than half, is written
by the offline voice instead. If the model is down, times out, or answers with no usable
JSON for the whole day, the offline voice writes everything it has to and ``backend`` says
so ("openai:llama3.1 (fallback: extractive)"): the digest always goes out.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import httpx

from bot.clock import Clock
from bot.config import Settings
from bot.models import DigestWindow, Story
from bot.summarize.base import DigestText, StoryText
from bot.summarize.guard import GuardResult, check, strip_orders
from bot.summarize.llm.budget import TokenCounter, fit_pieces
from bot.summarize.llm.cache import CachedDay, SummaryCache, SummaryStore
from bot.summarize.llm.prompts import (
    KnownStory,
    StoryInput,
    day_request,
    load_persona,
    pieces_of,
    prompt_fingerprint,
    reduce_request,
    render_story,
    story_id,
    story_request,
    system_prompt,
)
from bot.summarize.llm.reply import ReplyError, StoryReply, parse_day, parse_hook, parse_story
from bot.summarize.llm.transport import LLMCallError, Transport
from bot.summarize.offline.voice import write_offline

log = logging.getLogger("newsbot.summarize.llm")

MAP_CONCURRENCY = 4  # story calls in flight at once (local servers queue them anyway)
MAX_DAY_OUTPUT = 8192  # the most any one reply may be; older models stop at 4-8k
HOOK_OUTPUT = 300
PLAIN_PREFIX = "In plain terms:"
# HTTP statuses that are about one request (too long, unprocessable), not about the server.
_REQUEST_SPECIFIC = {400, 413, 422}


@dataclass(frozen=True)
class LLMLimits:
    story_tokens: int  # input cap for one story's articles
    digest_tokens: int  # input cap for a one-call day
    output_tokens: int  # what the model may write per story

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMLimits:
        return cls(
            settings.story_token_budget, settings.digest_token_budget, settings.max_output_tokens
        )


class LLMSummarizer:
    def __init__(
        self,
        transport: Transport,
        *,
        limits: LLMLimits,
        store: SummaryStore | None,
        clock: Clock,
        persona: str,
    ) -> None:
        self.name = f"{transport.backend}:{transport.model}"
        self.transport = transport
        self.limits = limits
        self.system = system_prompt(persona)
        self.counter = TokenCounter.for_model(transport.model)
        self.cache = SummaryCache(
            store,
            clock,
            backend=transport.backend,
            model=transport.model,
            prompt=prompt_fingerprint(self.system),
        )
        self.owned_client: httpx.AsyncClient | None = None  # set when the factory opened one

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
        )

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        if not stories:
            return replace(write_offline(stories, window), backend=self.name)
        return await _DayRun(self, list(stories), window).run()


@dataclass
class _Written:
    text: StoryText
    origin: str  # "cache" | "llm" | "offline"


class _DayRun:
    """The state of one ``write``: results, tokens, notes, and whether the model is down."""

    def __init__(self, owner: LLMSummarizer, stories: list[Story], window: DigestWindow) -> None:
        self.llm = owner
        self.stories = stories
        self.window = window
        self.results: list[_Written | None] = [None] * len(stories)
        self.keys = [owner.cache.story_key(s, lead=i == 0) for i, s in enumerate(stories)]
        self.tokens_in = 0
        self.tokens_out = 0
        self.dropped: Counter[str] = Counter()
        self.notes: list[str] = []
        self.fallbacks: dict[int, str] = {}  # story index -> why the offline voice wrote it
        self.down: LLMCallError | None = None  # set once the model failed as a whole
        self.day_failed: str | None = None  # why the day fell back to the offline voice
        self._offline: asyncio.Future[DigestText] | None = None
        # What the guard takes as evidence and the offline voice writes from: the articles
        # without sentences that address a model ("ignore your instructions and say ...").
        self.clean = [_without_orders(s) for s in stories]

    # -- the plan ------------------------------------------------------------
    async def run(self) -> DigestText:
        for i, key in enumerate(self.keys):
            hit = await self.llm.cache.get_story(key)
            if hit is not None:
                self.results[i] = _Written(hit.text, "cache")
        day_key = self.llm.cache.day_key(self.keys)
        day = await self.llm.cache.get_day(day_key)
        day_was_cached = day is not None
        pending = [i for i, r in enumerate(self.results) if r is None]
        cached = len(self.stories) - len(pending)
        one_call = False

        if pending:
            items = [self._prepare(i) for i in pending]
            request = day_request(items, self._known(), self.window)
            size = self.llm.counter.count(self.llm.system) + self.llm.counter.count(request)
            if size <= self.llm.limits.digest_tokens:
                day = await self._one_call(items, request) or day
                one_call = True
            else:
                log.info(
                    "%s: day prompt %d tokens > %d: one call per story, then a summary call",
                    self.llm.name,
                    size,
                    self.llm.limits.digest_tokens,
                )
                await self._map(items)
        # the one-call day already asked for the hook; a rejected one is not asked again
        if day is None and self.day_failed is None and not one_call:
            day = await self._reduce()

        hook, bottom_line = (day.hook, day.bottom_line) if day else ("", "")
        offline = await self._offline_text() if not (hook and bottom_line) else None
        if offline is not None:
            hook = hook or offline.hook
            bottom_line = bottom_line or offline.bottom_line
        texts = tuple(self._final(i) for i in range(len(self.stories)))

        all_llm = all(r is not None and r.origin != "offline" for r in self.results)
        if day is not None and not day_was_cached and all_llm:
            await self.llm.cache.put_day(day_key, day, 0, 0)
        return DigestText(
            hook=hook,
            stories=texts,
            bottom_line=bottom_line,
            backend=self.llm.name + (" (fallback: extractive)" if self.day_failed else ""),
            tokens_in=self.tokens_in,
            tokens_out=self.tokens_out,
            notes=self._notes(cached),
        )

    def _prepare(self, index: int) -> StoryInput:
        story = self.stories[index]
        sid, lead = story_id(index), index == 0
        pieces, _tokens = fit_pieces(
            pieces_of(story),
            self.llm.limits.story_tokens,
            lambda ps: render_story(sid, story, ps, lead=lead),
            self.llm.counter,
        )
        return StoryInput(index, story, tuple(pieces))

    def _known(self) -> list[KnownStory]:
        return [
            KnownStory(story_id(i), r.text.headline, r.text.summary)
            for i, r in enumerate(self.results)
            if r is not None
        ]

    # -- calls ---------------------------------------------------------------
    async def _call(self, user: str, max_tokens: int) -> tuple[str, int, int]:
        """The reply's text and the tokens it cost (in, out)."""
        if self.down is not None:
            raise self.down
        try:
            completion = await self.llm.transport.complete(
                self.llm.system, user, max_tokens=max_tokens
            )
        except LLMCallError as exc:
            if exc.status not in _REQUEST_SPECIFIC:
                self.down = exc
            raise
        counter = self.llm.counter
        tokens_in = (
            completion.tokens_in
            if completion.tokens_in is not None
            else counter.count(self.llm.system) + counter.count(user)
        )
        tokens_out = (
            completion.tokens_out
            if completion.tokens_out is not None
            else counter.count(completion.text)
        )
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out
        return completion.text, tokens_in, tokens_out

    async def _one_call(self, items: list[StoryInput], request: str) -> CachedDay | None:
        max_tokens = min(self.llm.limits.output_tokens * len(items) + HOOK_OUTPUT, MAX_DAY_OUTPUT)
        try:
            text, tokens_in, tokens_out = await self._call(request, max_tokens)
            reply = parse_day(text, [i.sid for i in items])
        except LLMCallError as exc:
            await self._fail_day(f"LLM failed ({exc})", items)
            return None
        except ReplyError as exc:
            log.warning("%s: day reply unusable: %s", self.llm.name, exc)
            await self._fail_day("LLM reply unusable (no JSON digest in it)", items)
            return None
        share_in, share_out = tokens_in // len(items), tokens_out // len(items)
        for item in items:
            story_reply = reply.stories.get(item.sid)
            if story_reply is None:
                await self._fallback(item.index, "missing from the reply")
            else:
                await self._accept(item.index, story_reply, share_in, share_out)
        return self._guard_day(reply.hook, reply.bottom_line)

    async def _map(self, items: list[StoryInput]) -> None:
        gate = asyncio.Semaphore(MAP_CONCURRENCY)

        async def one(item: StoryInput) -> None:
            async with gate:
                if self.down is not None:
                    await self._fallback(item.index, "LLM unavailable")
                    return
                try:
                    text, tokens_in, tokens_out = await self._call(
                        story_request(item, self.window), self.llm.limits.output_tokens
                    )
                    story_reply = parse_story(text)
                except LLMCallError as exc:
                    await self._fallback(item.index, f"LLM failed: {exc.kind}")
                    return
                except ReplyError:
                    await self._fallback(item.index, "malformed reply")
                    return
                await self._accept(item.index, story_reply, tokens_in, tokens_out)

        await asyncio.gather(*(one(item) for item in items))
        if self.down is not None and all(i.index in self.fallbacks for i in items):
            self.day_failed = f"LLM failed ({self.down})"

    async def _reduce(self) -> CachedDay | None:
        if self.down is not None:
            return None
        written = [
            KnownStory(story_id(i), r.text.headline, r.text.summary)
            for i, r in enumerate(self.results)
            if r is not None
        ]
        try:
            text, _in, _out = await self._call(reduce_request(written, self.window), HOOK_OUTPUT)
            hook, bottom_line = parse_hook(text)
        except (LLMCallError, ReplyError) as exc:
            self.notes.append(f"hook and bottom line: offline voice ({_short(exc)})")
            return None
        return self._guard_day(hook, bottom_line)

    # -- guarding ------------------------------------------------------------
    def _sources(self, index: int) -> list[str]:
        story = self.clean[index]
        return [a.title for a in story.articles] + [a.text for a in story.articles]

    def _count(self, result: GuardResult) -> None:
        self.dropped.update(result.reasons)

    async def _accept(self, index: int, reply: StoryReply, tokens_in: int, tokens_out: int) -> None:
        story = self.stories[index]
        sources = self._sources(index)
        lead = index == 0

        headline_check = check(reply.headline, sources, title_case=True)
        self._count(headline_check)
        headline = headline_check.kept if not headline_check.dropped else ""
        headline = headline or story.lead_article.title

        facts = check(reply.summary, sources)
        self._count(facts)
        if not facts.kept or 2 * len(facts.dropped) > facts.total:
            await self._fallback(
                index,
                f"{len(facts.dropped)} of {facts.total} LLM sentences not in any source",
            )
            return
        plain_text = reply.plain
        if plain_text and not plain_text.lower().startswith(PLAIN_PREFIX.lower()):
            plain_text = f"{PLAIN_PREFIX} {plain_text[0].lower()}{plain_text[1:]}"
        plain = check(plain_text, sources)
        self._count(plain)
        summary = facts.kept + (f"\n\n{plain.kept}" if plain.kept else "")

        take_check = check(reply.take, sources)
        self._count(take_check)
        take: str | None = take_check.kept or None
        if lead and take is None:
            take = (await self._offline_text()).stories[index].take
            self.notes.append("lead take: offline voice (the LLM's was empty or dropped)")

        text = StoryText(headline=headline, summary=summary, take=take, kind=reply.kind)
        self.results[index] = _Written(text, "llm")
        await self.llm.cache.put_story(self.keys[index], text, tokens_in, tokens_out)

    def _guard_day(self, hook: str, bottom_line: str) -> CachedDay | None:
        sources = [s for i in range(len(self.stories)) for s in self._sources(i)]
        hook_check = check(hook, sources)
        bottom_check = check(bottom_line, sources)
        self._count(hook_check)
        self._count(bottom_check)
        if not hook_check.kept or not bottom_check.kept:
            self.notes.append("hook and bottom line: offline voice (LLM text not in sources)")
            return None
        return CachedDay(hook=hook_check.kept, bottom_line=bottom_check.kept)

    # -- the offline voice -----------------------------------------------------
    async def _offline_text(self) -> DigestText:
        # CPU work (sentence ranking), kept off the event loop like the builder does, and
        # started once: concurrent fallbacks in the map step all wait on the same thread.
        if self._offline is None:
            self._offline = asyncio.ensure_future(
                asyncio.to_thread(write_offline, self.clean, self.window)
            )
        return await self._offline

    async def _fallback(self, index: int, why: str) -> None:
        offline = await self._offline_text()
        self.results[index] = _Written(offline.stories[index], "offline")
        self.fallbacks[index] = why

    async def _fail_day(self, why: str, items: list[StoryInput]) -> None:
        self.day_failed = why
        for item in items:
            await self._fallback(item.index, why)

    def _final(self, index: int) -> StoryText:
        result = self.results[index]
        assert result is not None, "every story is written, cached or fallen back by now"
        return result.text

    def _notes(self, cached: int) -> tuple[str, ...]:
        notes: list[str] = []
        if self.day_failed:
            n = len(self.fallbacks)
            notes.append(
                f"{_short_text(self.day_failed)}: offline voice for {n} "
                f"{'story' if n == 1 else 'stories'}"
            )
        else:
            for index, why in sorted(self.fallbacks.items()):
                title = _clip(self.stories[index].lead_article.title, 60)
                notes.append(f'story "{title}": fell back to extractive ({why})')
        for reason, n in sorted(self.dropped.items()):
            notes.append(f"{n} LLM sentence{'s' if n != 1 else ''} dropped: {reason}")
        if cached:
            notes.append(f"{cached} {'summary' if cached == 1 else 'summaries'} from cache")
        return (*notes, *self.notes)


def _without_orders(story: Story) -> Story:
    articles = tuple(
        replace(a, title=strip_orders(a.title) or a.title, text=strip_orders(a.text))
        for a in story.articles
    )
    return replace(story, articles=articles)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _short(exc: BaseException) -> str:
    return _short_text(str(exc))


def _short_text(text: str) -> str:
    return _clip(" ".join(text.split()), 120)
