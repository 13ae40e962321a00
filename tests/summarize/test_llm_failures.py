"""When the model misbehaves the digest still goes out, and the footer says what happened.

429 with Retry-After is waited out and retried; 5xx is retried with backoff and then given
up on; other 4xx are not retried; a model slower than ``llm_timeout`` is abandoned; JSON
that cannot be read sends the story (or the day) to the offline voice.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.days import DEMO_NOW, load_day
from support.llm_server import LLMServer, Reply, Seen
from support.llm_stories import (
    WINDOW,
    Sleeps,
    day,
    faithful,
    stories_in,
    story,
    story_json,
    summarizer,
)

from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.digest.select import window_for
from bot.render.markdown import render_markdown
from bot.store.store import Store
from bot.summarize.llm.summarizer import MAP_CONCURRENCY
from bot.summarize.offline.voice import write_offline

OFFLINE = write_offline(day(), WINDOW)


@pytest.mark.parametrize("backend", ["openai", "anthropic"])
async def test_429_with_retry_after_is_waited_out_then_retried(
    srv: LLMServer, client: httpx.AsyncClient, backend: str
) -> None:
    srv.script(Reply.status(429, retry_after="7"))
    sleeps = Sleeps()
    text = await summarizer(srv, client, backend=backend, sleep=sleeps).write(day(), WINDOW)

    assert len(srv.requests) == 2
    assert sleeps.waits == [7.0]  # the server's number, not our backoff
    assert "fallback" not in text.backend
    assert text.stories[0].headline == "Acme raises $2 billion for its model lab"


async def test_5xx_is_retried_with_growing_backoff_then_the_offline_voice_writes(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(*[Reply.status(500)] * 3)
    sleeps = Sleeps()
    text = await summarizer(srv, client, retries=2, sleep=sleeps).write(day(), WINDOW)

    assert len(srv.requests) == 3  # first try + 2 retries, then no more calls at all
    # exponential: about 1 s, then about 2 s (plus up to 1 s of jitter each)
    assert len(sleeps.waits) == 2 and 1 <= sleeps.waits[0] <= 2 <= sleeps.waits[1] <= 3
    assert text.backend == "openai:llama3.1:8b (fallback: extractive)"
    assert text.stories == OFFLINE.stories
    assert text.bottom_line == OFFLINE.bottom_line
    assert any("HTTP 500" in n and "offline voice for 3 stories" in n for n in text.notes)


async def test_a_retry_after_of_an_hour_is_not_waited_for(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(Reply.status(429, retry_after="3600"))
    sleeps = Sleeps()
    text = await summarizer(srv, client, sleep=sleeps).write(day(), WINDOW)
    assert len(srv.requests) == 1 and sleeps.waits == []
    assert text.backend.endswith("(fallback: extractive)")
    assert any("HTTP 429" in n for n in text.notes)


async def test_a_503_then_success_recovers(srv: LLMServer, client: httpx.AsyncClient) -> None:
    srv.script(Reply.status(503), Reply.status(502))
    text = await summarizer(srv, client, retries=3).write(day(), WINDOW)
    assert len(srv.requests) == 3
    assert text.backend == "openai:llama3.1:8b"


async def test_a_bad_key_is_not_retried(client: httpx.AsyncClient) -> None:
    async with LLMServer(openai_key="sk-right") as srv:
        srv.respond = faithful
        sleeps = Sleeps()
        text = await summarizer(srv, client, sleep=sleeps).write(day(), WINDOW)  # sends sk-test
    assert len(srv.requests) == 1
    assert sleeps.waits == []
    assert text.backend.endswith("(fallback: extractive)")
    assert any("HTTP 401" in n for n in text.notes)


async def test_a_model_slower_than_the_timeout_is_abandoned_and_the_digest_goes_out(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(Reply.hang())
    text = await summarizer(srv, client, timeout=0.3).write(day(), WINDOW)

    assert len(srv.requests) == 1  # a timeout is not retried: it would only be late again
    assert text.backend == "openai:llama3.1:8b (fallback: extractive)"
    assert len(text.stories) == 3 and text.stories[0].take  # the lead still has a take
    assert any("no answer within 0.3 s" in n for n in text.notes)


async def test_nothing_listening_falls_back(client: httpx.AsyncClient) -> None:
    async with LLMServer() as srv:
        pass  # closed: the port refuses connections now
    text = await summarizer(srv, client, retries=1).write(day(), WINDOW)
    assert text.backend.endswith("(fallback: extractive)")
    assert any("cannot reach" in n for n in text.notes)


async def test_a_day_reply_that_is_not_json_is_asked_again_once(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(Reply.text("I'm sorry, I can't summarize news today."))
    text = await summarizer(srv, client).write(day(), WINDOW)
    assert len(srv.requests) == 2  # the repair: same request, told what was wrong
    assert "Your last answer could not be used" in srv.requests[1].user
    assert "fallback" not in text.backend
    assert text.stories[0].headline == "Acme raises $2 billion for its model lab"
    assert text.notes == ()


async def test_a_day_reply_broken_twice_is_written_story_by_story_not_offline(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(Reply.text("Sure! Here is the digest:"), Reply.text('{"hook": "cut off'))
    text = await summarizer(srv, client).write(day(), WINDOW)
    alone = [seen.user for seen in srv.requests[2:5]]
    assert all(u.startswith("Write story") for u in alone)
    assert sorted(sid for u in alone for sid in stories_in(u)) == ["s1", "s2", "s3"]
    assert len(srv.requests) == 2 + 3 + 1  # day twice, each story alone, then the hook
    assert "fallback" not in text.backend
    assert [s.headline for s in text.stories] == [
        "Acme raises $2 billion for its model lab",
        "Beta ships an open model under Apache 2.0",
        "Senate bill would track AI chip exports",
    ]
    assert "day reply unusable (no JSON digest in it): written story by story" in text.notes


async def test_a_response_that_is_not_an_api_envelope_falls_back(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(Reply.raw("<html>502 Bad Gateway</html>"))
    text = await summarizer(srv, client).write(day(), WINDOW)
    assert text.backend.endswith("(fallback: extractive)")
    assert any("not an openai API response" in n for n in text.notes)


async def test_one_malformed_story_in_the_day_reply_is_asked_for_alone(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    def second_is_broken(seen: Seen) -> Reply:
        if seen.user.startswith("Write story"):
            return faithful(seen)
        found = stories_in(seen.user)
        stories = [story_json(sid, arts) for sid, arts in found.items()]
        stories[1] = {"id": "s2", "headline": ["not", 3], "summary": None}  # type: ignore[dict-item]
        return Reply.text(
            json.dumps({"hook": "Money talks", "bottom_line": "", "stories": stories})
        )

    srv.respond = second_is_broken
    text = await summarizer(srv, client).write(day(), WINDOW)

    assert len(srv.requests) == 2
    assert srv.requests[1].user.startswith("Write story s2")
    assert "fallback" not in text.backend
    assert text.stories[0].headline == "Acme raises $2 billion for its model lab"
    assert text.stories[1].headline == "Beta ships an open model under Apache 2.0"
    assert text.stories[1] != OFFLINE.stories[1]  # the model wrote it, on the second ask
    assert text.stories[2].summary.startswith("A Senate bill would require chip makers")
    assert text.bottom_line == OFFLINE.bottom_line  # the model left it empty


async def test_map_step_story_broken_twice_falls_back_alone_and_the_rest_is_kept(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    def broken_beta(seen: Seen) -> Reply:
        if seen.user.startswith("Write story s2"):
            return Reply.text('{"headline": "Beta", "summary": ')  # cut off mid-JSON
        return faithful(seen)

    srv.respond = broken_beta
    # a digest budget too small for one call: one call per story, then the hook call
    text = await summarizer(srv, client, digest_tokens=200).write(day(), WINDOW)

    assert len(srv.requests) == 3 + 1 + 1  # three stories, one repair, the hook
    assert text.stories[1] == OFFLINE.stories[1]
    assert text.stories[0].summary.startswith("Acme raised $2 billion")
    assert any(
        n.startswith('story "Beta ships an open model') and "malformed reply, twice" in n
        for n in text.notes
    )
    assert "fallback" not in text.backend


async def test_map_step_stops_calling_once_the_model_is_down(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.respond = lambda seen: Reply.status(500)
    stories = day() + [story(f"note{i}", ("Lab blog", f"Lab note {i}", "Short.")) for i in range(4)]
    text = await summarizer(srv, client, retries=0, digest_tokens=200).write(stories, WINDOW)
    # the first MAP_CONCURRENCY calls were in flight together; none after the failures,
    # and no hook call either
    assert len(srv.requests) == MAP_CONCURRENCY < len(stories)
    assert text.backend.endswith("(fallback: extractive)")
    assert text.stories == write_offline(stories, WINDOW).stories


async def test_a_real_day_still_goes_out_when_the_model_hangs(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    """End to end: the demo's real feeds, the real builder and renderer, a silent model."""
    await load_day(store, DEMO_NOW)
    srv.respond = lambda seen: Reply.hang()
    llm = summarizer(srv, client, store=store, timeout=0.3)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    builder = DigestBuilder(store, llm, settings, FixedClock(DEMO_NOW))

    digest = await builder.build(window_for("today", DEMO_NOW, "UTC"))

    # the offline voice writes the lead's facts (a take only when the facts fill one)
    assert digest.lead is not None and digest.lead.summary
    assert len(srv.requests) == 1
    footer = render_markdown(digest)
    assert "written by: openai:llama3.1:8b (fallback: extractive)" in footer
    assert "LLM failed (no answer within 0.3 s): offline voice for" in footer


async def test_a_model_nobody_serves_is_one_warning_line_and_the_offline_voice_writes(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """OPENAI_BASE_URL at a closed port (Ollama not started): the newcomer saw one "attempt N
    failed ... retrying" warning per retry and then nothing saying what happened."""
    import logging
    import socket
    from types import SimpleNamespace

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    nobody: LLMServer = SimpleNamespace(openai_url=closed)  # type: ignore[assignment]
    sleeps = Sleeps()
    with caplog.at_level(logging.INFO):
        text = await summarizer(nobody, client, retries=2, sleep=sleeps).write(day(), WINDOW)

    assert len(sleeps.waits) == 2  # still retried: a server being restarted comes back
    assert text.backend == "openai:llama3.1:8b (fallback: extractive)"
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert len(said) == 1, said
    assert "cannot reach" in said[0] and "offline voice" in said[0]
    assert "Traceback" not in caplog.text
