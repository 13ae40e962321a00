"""Asking for the same digest twice costs no LLM call the second time.

The cache lives in the database (a real SQLite store), so it survives a restart; it is
keyed by the story's content, the backend, the model and the prompt, so a changed persona
or model writes afresh; fallbacks are never cached.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.llm_server import LLMServer, Reply
from support.llm_stories import WINDOW, day, stories_in, story, summarizer

from bot.models import CachedSummary
from bot.store.store import Store
from bot.summarize.llm.prompts import BUILTIN_PERSONA


async def test_second_digest_makes_no_request_and_costs_no_tokens(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    first = await summarizer(srv, client, store=store).write(day(), WINDOW)
    assert len(srv.requests) == 1 and first.tokens_in > 0

    # a new summarizer on the same database: as after a restart
    second = await summarizer(srv, client, store=store).write(day(), WINDOW)
    assert len(srv.requests) == 1
    assert (second.tokens_in, second.tokens_out) == (0, 0)
    assert second.stories == first.stories
    assert (second.hook, second.bottom_line) == (first.hook, first.bottom_line)
    assert "3 summaries from cache" in second.notes


async def test_map_reduce_day_is_cached_too(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    await summarizer(srv, client, store=store, digest_tokens=200).write(day(), WINDOW)
    assert len(srv.requests) == 4
    await summarizer(srv, client, store=store, digest_tokens=200).write(day(), WINDOW)
    assert len(srv.requests) == 4


async def test_a_new_story_on_a_cached_day_is_the_only_one_written(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    await summarizer(srv, client, store=store).write(day(), WINDOW)
    late = story(
        "late",
        ("The Verge", "Gamma opens a data center in Ohio", "Gamma opened a data center in Ohio."),
    )
    text = await summarizer(srv, client, store=store).write([*day(), late], WINDOW)

    assert len(srv.requests) == 2
    prompt = srv.requests[1].user
    assert list(stories_in(prompt)) == ["s4"]  # only the new story's articles are sent
    assert prompt.count("<written ") == 3  # the others by their short text, for the hook
    assert text.stories[3].summary.startswith("Gamma opened a data center in Ohio.")
    assert "3 summaries from cache" in text.notes


async def test_a_changed_persona_or_model_writes_afresh(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    await summarizer(srv, client, store=store).write(day(), WINDOW)
    edited = BUILTIN_PERSONA + "\nNever use the word 'synergy'.\n"
    await summarizer(srv, client, store=store, persona=edited).write(day(), WINDOW)
    assert len(srv.requests) == 2
    await summarizer(srv, client, store=store, backend="anthropic").write(day(), WINDOW)
    assert len(srv.requests) == 3


async def test_a_changed_article_writes_that_story_afresh(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    await summarizer(srv, client, store=store).write(day(), WINDOW)
    edited = day()
    edited[2] = story(
        "senate",
        ("Ars Technica", "Senate bill would track AI chip exports", "The vote moved to October."),
    )
    await summarizer(srv, client, store=store).write(edited, WINDOW)
    assert list(stories_in(srv.requests[1].user)) == ["s3"]


async def test_fallbacks_are_not_cached(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    srv.script(Reply.status(500))
    first = await summarizer(srv, client, store=store, retries=0).write(day(), WINDOW)
    assert first.backend.endswith("(fallback: extractive)")
    second = await summarizer(srv, client, store=store).write(day(), WINDOW)
    assert len(srv.requests) == 2  # asked again, and this time it worked
    assert second.backend == "openai:llama3.1:8b"


async def test_an_unreadable_cache_entry_is_written_again(
    srv: LLMServer, client: httpx.AsyncClient, store: Store
) -> None:
    llm = summarizer(srv, client, store=store)
    await llm.write(day(), WINDOW)
    key = llm.cache.story_key(day()[0], lead=True)
    await store.put_summary(CachedSummary(key, "{not json"), WINDOW.end)

    text = await summarizer(srv, client, store=store).write(day(), WINDOW)
    assert list(stories_in(srv.requests[1].user)) == ["s1"]
    assert text.stories[0].headline == "Acme raises $2 billion for its model lab"
