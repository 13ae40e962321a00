"""How many tokens each call may send and ask for, so prompt plus reply fit the context.

A server started with an 8k context refuses a request whose prompt plus ``max_tokens``
exceed it (vLLM, llama.cpp: HTTP 400), or silently cuts the prompt from the front (Ollama's
OpenAI endpoint: the persona goes first). Every limit here derives from
``llm_context_tokens``: the story input cap, the output per call, and whether a whole day
fits one call. The configured budgets (``story_token_budget``, ``digest_token_budget``,
``max_output_tokens``) stay upper bounds.

Our counts are tiktoken's estimate of another model's tokenizer, and the server adds its
chat template's own tokens, so ``margin`` (a tenth of the context, plus a little) is never
planned for.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings

MIN_OUTPUT = 200  # a reply shorter than this cannot hold one story's JSON
HOOK_OUTPUT = 300  # the day's hook and bottom line
OTHER_OUTPUT = 400  # what a non-lead story's JSON needs, at most, in a one-call day
MAX_DAY_OUTPUT = 8192  # the most any one reply may be; older models stop at 4-8k
REQUEST_OVERHEAD = 400  # a story request's words around its data block (measured: ~300)
TEMPLATE_TOKENS = 32  # the chat template's role markers, per request


@dataclass(frozen=True)
class LLMLimits:
    story_tokens: int  # input cap for one story's articles (upper bound)
    digest_tokens: int  # input cap for a one-call day (upper bound)
    output_tokens: int  # what the model may write per story (upper bound)
    context_tokens: int = 8192  # the model's context window: prompt + reply fit in it

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMLimits:
        return cls(
            settings.story_token_budget,
            settings.digest_token_budget,
            settings.max_output_tokens,
            settings.llm_context_tokens,
        )

    @property
    def margin(self) -> int:
        return TEMPLATE_TOKENS + self.context_tokens // 10

    def room(self, prompt_tokens: int) -> int:
        """What a reply may use after a prompt of ``prompt_tokens``."""
        return self.context_tokens - self.margin - prompt_tokens

    def story_output(self, system_tokens: int) -> int:
        """``max_tokens`` for one story's call: a third of what the system prompt leaves."""
        free = self.context_tokens - self.margin - system_tokens
        return min(self.output_tokens, max(MIN_OUTPUT, free // 3))

    def story_input(self, system_tokens: int) -> int:
        """The cap on one story's data block, so its request and reply fit the context."""
        free = self.room(system_tokens) - self.story_output(system_tokens) - REQUEST_OVERHEAD
        return max(0, min(self.story_tokens, free))

    def day_output(self, stories: int) -> int:
        wanted = self.output_tokens + OTHER_OUTPUT * max(0, stories - 1) + HOOK_OUTPUT
        return min(wanted, MAX_DAY_OUTPUT)

    def day_fits(self, prompt_tokens: int, stories: int) -> bool:
        """Can the whole day go in one call (its prompt and reply inside the context)?"""
        return (
            prompt_tokens <= self.digest_tokens
            and prompt_tokens + self.day_output(stories) <= self.context_tokens - self.margin
        )

    def max_tokens(self, prompt_tokens: int, wanted: int) -> int | None:
        """``wanted``, or less so the reply fits; None when not even a short reply would."""
        room = self.room(prompt_tokens)
        return min(wanted, room) if room >= MIN_OUTPUT else None
