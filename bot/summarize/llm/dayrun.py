"""One ``write`` of the LLM summarizer: the plan, the calls, the fallbacks, the notes.

The stories the cache does not hold are written in one call when the whole day, its
reply included, fits the context (``LLMLimits.day_fits``); otherwise one call per story,
then one small call for the hook and bottom line. A reply that is not the JSON asked for
is asked for once more (the repair); a day reply that still is not is written story by
story instead, and a story whose reply fails twice, or whose facts the guard refuses, is
written by the offline voice alone, the footer naming it. Only when the model is down
(connection, timeout, 5xx, a bad key) does the whole day go to the offline voice.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from bot.logging_setup import redact
from bot.models import DigestWindow, Story
from bot.render.escape import cut
from bot.summarize.base import DigestText, StoryText
from bot.summarize.guard import strip_orders
from bot.summarize.llm.accept import accept_day, accept_story, sources_of
from bot.summarize.llm.budget import fit_pieces
from bot.summarize.llm.cache import CachedDay
from bot.summarize.llm.limits import HOOK_OUTPUT
from bot.summarize.llm.prompts import (
    KnownStory,
    StoryInput,
    day_request,
    pieces_of,
    reduce_request,
    render_story,
    story_id,
    story_request,
)
from bot.summarize.llm.reply import (
    DAY_SCHEMA,
    HOOK_SCHEMA,
    STORY_SCHEMA,
    ReplyError,
    parse_day,
    parse_hook,
    parse_story,
)
from bot.summarize.llm.transport import Call, LLMCallError
from bot.summarize.offline.voice import write_offline

if TYPE_CHECKING:
    from bot.summarize.llm.summarizer import LLMSummarizer

log = logging.getLogger("newsbot.summarize.llm")

MAP_CONCURRENCY = 4  # story calls in flight at once (local servers queue them anyway)
# HTTP statuses that are about one request (too long, unprocessable), not about the server.
_REQUEST_SPECIFIC = {400, 413, 422}
T = TypeVar("T")


@dataclass
class _Written:
    text: StoryText
    origin: str  # "cache" | "llm" | "offline"


class DayRun:
    """The state of one ``write``: results, tokens, notes, and whether the model is down."""

    def __init__(self, owner: LLMSummarizer, stories: list[Story], window: DigestWindow) -> None:
        self.llm = owner
        self.stories = stories
        self.window = window
        self.results: list[_Written | None] = [None] * len(stories)
        self.keys = [owner.cache.story_key(s, lead=i == 0) for i, s in enumerate(stories)]
        self.tokens_in = 0
        self.tokens_out = 0
        self.calls = 0
        self.dropped: Counter[str] = Counter()
        self.notes: list[str] = []
        self.fallbacks: dict[int, str] = {}  # story index -> why the offline voice wrote it
        self.down: LLMCallError | None = None  # set once the model failed as a whole
        self.day_failed: str | None = None  # why the day fell back to the offline voice
        self._offline: asyncio.Future[DigestText] | None = None
        # What the guard takes as evidence and the offline voice writes from: the articles
        # without sentences that address a model ("ignore your instructions and say ...").
        self.clean = [without_orders(s) for s in stories]
        self.system_tokens = owner.counter.count(owner.system)
        self.asked_hook = False  # a day reply carried a hook (rejected ones are not re-asked)

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
        self.asked_hook = False

        if pending:
            items = [self._prepare(i) for i in pending]
            request = day_request(items, self._known(), self.window)
            size = self.system_tokens + self.llm.counter.count(request)
            left = items
            if self.llm.limits.day_fits(size, len(items)):
                day_reply, left = await self._one_call(items, request)
                day = day_reply or day
            else:
                log.info(
                    "%s: day prompt %d tokens + its reply do not fit %d: one call per story",
                    self.llm.name,
                    size,
                    self.llm.limits.context_tokens,
                )
            if left:
                await self._map(left)
        # the one-call day already asked for the hook; a rejected one is not asked again
        if day is None and self.day_failed is None and not self.asked_hook:
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
            self.llm.limits.story_input(self.system_tokens),
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
    async def _call(
        self, user: str, wanted: int, schema: dict[str, Any], name: str
    ) -> tuple[str, int, int]:
        """The reply's text and the tokens it cost (in, out); prompt + reply fit the context."""
        if self.down is not None:
            raise self.down
        counter, limits = self.llm.counter, self.llm.limits
        prompt = self.system_tokens + counter.count(user)
        max_tokens = limits.max_tokens(prompt, wanted)
        if max_tokens is None:
            raise LLMCallError(
                f"prompt of {prompt} tokens leaves no room for a reply in "
                f"{limits.context_tokens} tokens of context",
                kind="too_long",
                status=413,
            )
        self.calls += 1
        try:
            completion = await self.llm.transport.send(
                Call(self.llm.system, user, max_tokens, schema, name)
            )
        except LLMCallError as exc:
            if exc.status not in _REQUEST_SPECIFIC:
                if self.down is None:  # the one line a user sees (the retries log at DEBUG)
                    log.warning(
                        "%s failed (%s): the offline voice writes the rest of this digest",
                        self.llm.name,
                        exc,
                    )
                self.down = exc
            raise
        tokens_in = completion.tokens_in if completion.tokens_in is not None else prompt
        tokens_out = (
            completion.tokens_out
            if completion.tokens_out is not None
            else counter.count(completion.text)
        )
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out
        return completion.text, tokens_in, tokens_out

    async def _ask(
        self,
        user: str,
        wanted: int,
        schema: dict[str, Any],
        name: str,
        parse: Callable[[str], T],
    ) -> tuple[T, int, int]:
        """Call and parse; a reply that does not parse is asked for once more (the repair)."""
        text, tokens_in, tokens_out = await self._call(user, wanted, schema, name)
        try:
            return parse(text), tokens_in, tokens_out
        except ReplyError as exc:
            log.info("%s: %s reply unusable (%s): asking once more", self.llm.name, name, exc)
            error = exc
        repair = (
            f"{user}\n\nYour last answer could not be used ({error}). Answer again with "
            "only the JSON object asked for above, every field filled in."
        )
        text, more_in, more_out = await self._call(repair, wanted, schema, name)
        return parse(text), tokens_in + more_in, tokens_out + more_out

    async def _one_call(
        self, items: list[StoryInput], request: str
    ) -> tuple[CachedDay | None, list[StoryInput]]:
        """The day in one call; returns its hook and the stories still to write alone."""
        expected = [i.sid for i in items]
        try:
            reply, tokens_in, tokens_out = await self._ask(
                request,
                self.llm.limits.day_output(len(items)),
                DAY_SCHEMA,
                "digest",
                lambda text: parse_day(text, expected),
            )
        except LLMCallError as exc:
            if self.down is not None:
                await self._fail_day(f"LLM failed ({exc})", items)
                return None, []
            self.notes.append(f"day in one call refused ({_short(exc)}): written story by story")
            return None, items
        except ReplyError as exc:
            log.warning("%s: day reply unusable twice: %s", self.llm.name, exc)
            self.notes.append("day reply unusable (no JSON digest in it): written story by story")
            return None, items
        self.asked_hook = True
        share_in, share_out = tokens_in // len(items), tokens_out // len(items)
        left = []
        for item in items:
            story_reply = reply.stories.get(item.sid)
            if story_reply is None:
                left.append(item)  # missing or broken in the day's reply: asked for alone
            else:
                await self._accept(item.index, story_reply, share_in, share_out)
        return self._guard_day(reply.hook, reply.bottom_line), left

    async def _map(self, items: list[StoryInput]) -> None:
        gate = asyncio.Semaphore(MAP_CONCURRENCY)
        wanted = self.llm.limits.story_output(self.system_tokens)

        async def one(item: StoryInput) -> None:
            async with gate:
                if self.down is not None:
                    await self._fallback(item.index, "LLM unavailable")
                    return
                try:
                    story_reply, tokens_in, tokens_out = await self._ask(
                        story_request(item, self.window), wanted, STORY_SCHEMA, "story", parse_story
                    )
                except LLMCallError as exc:
                    await self._fallback(item.index, f"LLM failed: {exc.kind}")
                    return
                except ReplyError:
                    await self._fallback(item.index, "malformed reply, twice")
                    return
                await self._accept(item.index, story_reply, tokens_in, tokens_out)

        await asyncio.gather(*(one(item) for item in items))
        if self.down is not None and all(i.index in self.fallbacks for i in items):
            self.day_failed = f"LLM failed ({self.down})"

    async def _reduce(self) -> CachedDay | None:
        if self.down is not None:
            return None
        try:
            (hook, bottom_line), _in, _out = await self._ask(
                reduce_request(self._known(), self.window),
                HOOK_OUTPUT,
                HOOK_SCHEMA,
                "day",
                parse_hook,
            )
        except (LLMCallError, ReplyError) as exc:
            self.notes.append(f"hook and bottom line: offline voice ({_short(exc)})")
            return None
        return self._guard_day(hook, bottom_line)

    # -- guarding ------------------------------------------------------------
    async def _accept(self, index: int, reply: Any, tokens_in: int, tokens_out: int) -> None:
        result = accept_story(reply, self.stories[index], self.clean[index], lead=index == 0)
        self.dropped.update(result.dropped)
        if result.text is None:
            await self._fallback(index, result.why)
            return
        text = result.text
        if result.needs_take:
            text = replace(text, take=(await self._offline_text()).stories[index].take)
            self.notes.append("lead take: offline voice (the LLM's was empty or dropped)")
        self.results[index] = _Written(text, "llm")
        await self.llm.cache.put_story(self.keys[index], text, tokens_in, tokens_out)

    def _guard_day(self, hook: str, bottom_line: str) -> CachedDay | None:
        sources = [s for story in self.clean for s in sources_of(story)]
        day = accept_day(hook, bottom_line, sources, self.dropped)
        if day is None:
            self.notes.append("hook and bottom line: offline voice (LLM text not in sources)")
        return day

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
                title = cut(self.stories[index].lead_article.title, 60)
                notes.append(f'story "{title}": fell back to extractive ({why})')
        for reason, n in sorted(self.dropped.items()):
            notes.append(f"{n} LLM sentence{'s' if n != 1 else ''} dropped: {reason}")
        if cached:
            notes.append(f"{cached} {'summary' if cached == 1 else 'summaries'} from cache")
        # error texts go to chat: scrubbed like log lines (a key quoted by a refused header)
        secrets = getattr(self.llm.transport, "secrets", ())
        return tuple(redact(n, secrets) for n in (*notes, *self.notes))


def without_orders(story: Story) -> Story:
    """The story without sentences that give orders; a title that is one becomes ""."""
    articles = tuple(
        replace(a, title=strip_orders(a.title), text=strip_orders(a.text)) for a in story.articles
    )
    return replace(story, articles=articles)


def _short(exc: BaseException) -> str:
    return _short_text(str(exc))


def _short_text(text: str) -> str:
    return cut(" ".join(text.split()), 120)
