"""Prompt plus reply always fit the model's context (``llm_context_tokens``).

The loopback server here is started with a context length and refuses, as vLLM does (HTTP
400, "This model's maximum context length is ..."), any request whose prompt plus
``max_tokens`` is over it; Anthropic's API refuses too; Ollama cuts silently, so there the
bot must send ``num_ctx`` and stay under it. Articles are real: The Verge's AI feed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.llm_server import LLMServer, Seen
from support.llm_stories import WINDOW, day, faithful, summarizer, verge

from bot.models import Story


def big_day() -> list[Story]:
    """Nine stories of three long real articles each: more than 8k tokens in all."""
    arts = verge()
    return [
        Story(key=f"v{i}", articles=tuple(arts[(3 * i + j) % len(arts)] for j in range(3)))
        for i in range(9)
    ]


def fits(seen: Seen, context: int) -> bool:
    return seen.prompt_tokens + seen.max_tokens <= context


@pytest.mark.parametrize("backend", ["openai", "anthropic", "ollama"])
@pytest.mark.parametrize("mode", ["one call", "story by story"])
@pytest.mark.parametrize("context", [4096, 8192])
async def test_every_request_fits_the_context_for_every_backend_and_mode(
    client: httpx.AsyncClient, backend: str, mode: str, context: int
) -> None:
    # a small day fits one call (two stories at 4k: the system prompt alone is ~950 tokens)
    small = day() if context > 4096 else day()[:2]
    stories = small if mode == "one call" else big_day()
    async with LLMServer(context=context) as srv:
        srv.respond = faithful
        llm = summarizer(srv, client, backend=backend, context_tokens=context)
        text = await llm.write(stories, WINDOW)

    assert srv.requests
    assert all(fits(seen, context) for seen in srv.requests), [
        (s.prompt_tokens, s.max_tokens) for s in srv.requests
    ]
    one_call = len(srv.requests) == 1
    assert one_call == (mode == "one call")
    if backend == "ollama":
        assert {seen.num_ctx for seen in srv.requests} == {context}
        assert srv.truncated == []
    # nothing was refused: every story is the model's, none the offline voice's
    assert "fallback" not in text.backend
    assert not any("fell back" in n for n in text.notes), text.notes
    assert len(text.stories) == len(stories)


async def test_a_server_with_less_context_than_configured_refuses_the_day_and_stories_go_alone(
    client: httpx.AsyncClient,
) -> None:
    """Told 32k, started with 4k: the day call gets vLLM's 400; each story then fits."""
    async with LLMServer(context=4096) as srv:
        srv.respond = faithful
        text = await summarizer(srv, client, context_tokens=32768, story_tokens=1000).write(
            big_day()[:3], WINDOW
        )
    assert len(srv.requests) == 1 + 3 + 1  # the refused day, each story, the hook
    assert not fits(srv.requests[0], 4096)
    assert all(fits(seen, 4096) for seen in srv.requests[1:])
    assert "fallback" not in text.backend
    assert any(n.startswith("day in one call refused (HTTP 400)") for n in text.notes)


async def test_ollama_without_num_ctx_would_cut_the_persona(client: httpx.AsyncClient) -> None:
    """What the fake checks: a 2,048 default cuts an 8k day (so the test above means it)."""
    async with LLMServer() as srv:
        srv.respond = faithful
        llm = summarizer(srv, client, backend="ollama", context_tokens=8192)
        await llm.write(big_day(), WINDOW)
        for seen in srv.requests:
            seen.body["options"].pop("num_ctx")
        assert any(not fits(seen, 2048) for seen in srv.requests)


@pytest.mark.parametrize(("model_max", "ok"), [(131072, True), (4096, False)])
async def test_doctor_shows_the_context_and_what_ollama_says_the_model_takes(
    model_max: int, ok: bool
) -> None:
    from bot.cli_doctor import _check_llm_context
    from bot.config import Settings

    async with LLMServer() as srv:
        srv.model_context = model_max
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None, backend="openai", openai_base_url=srv.openai_url, llm_api="ollama"
        )
        checks: list[tuple[str, bool, str]] = []
        await _check_llm_context(
            settings, lambda what, good, detail, needed=True: checks.append((what, good, detail))
        )
    assert checks == [
        (
            "LLM context",
            ok,
            f"llm_context_tokens = 8,192, sent to Ollama as num_ctx; "
            f"gpt-4o-mini takes up to {model_max:,}",
        )
    ]
