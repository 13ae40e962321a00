"""Stories and model behaviours for the LLM summarizer tests.

``faithful`` is a fake model that does what it is asked and only that: it reads the story
blocks out of the prompt and answers in the requested JSON with sentences copied from
those articles, so everything it writes passes the faithfulness guard.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bot.clock import FixedClock
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import Article, DigestWindow, Story
from bot.summarize.llm.ollama import OllamaChat
from bot.summarize.llm.prompts import BUILTIN_PERSONA
from bot.summarize.llm.summarizer import LLMLimits, LLMSummarizer
from bot.summarize.llm.transport import AnthropicMessages, OpenAIChat, RetryPolicy
from support.articles import article
from support.llm_server import LLMServer, Reply, Seen

END = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
VERGE = Path(__file__).resolve().parents[1] / "data" / "feeds" / "theverge-ai.xml"
WINDOW = DigestWindow(start=END - timedelta(days=1), end=END, tz="UTC", label="today")


def verge() -> list[Article]:
    """Real articles: The Verge's AI feed (tests/data/feeds/theverge-ai.xml)."""
    parsed = parse_feed(VERGE.read_bytes(), url="https://www.theverge.com/rss/ai/index.xml")
    items = normalize_entries(parsed, now=datetime(2026, 8, 22, tzinfo=UTC))
    return [
        replace(
            article(i, a.title, a.text, feed="The Verge", url=a.url), content_hash=a.content_hash
        )
        for i, a in enumerate(items)
    ]


def story(key: str, *articles_: tuple[str, str, str]) -> Story:
    """A story from (feed, title, text) triples; ids are unique across calls."""
    arts = tuple(
        article(
            zlib.crc32(f"{key}/{n}".encode()),
            title,
            text,
            feed=feed,
            url=f"https://{feed.lower().replace(' ', '')}.example/{key}/{n}",
        )
        for n, (feed, title, text) in enumerate(articles_)
    )
    return Story(key=key, articles=arts, score=1.0)


def acme() -> Story:
    return story(
        "acme",
        (
            "TechCrunch",
            "Acme raises $2 billion for its model lab",
            "Acme raised $2 billion on Tuesday at a $20 billion valuation. The round was led by "
            "Big Fund. Acme said it will spend most of the money on chips from Nvidia.",
        ),
        (
            "The Verge",
            "Acme's $2B round is led by Big Fund",
            "Big Fund led a $2 billion round in Acme. The lab has 300 employees.",
        ),
    )


def beta() -> Story:
    return story(
        "beta",
        (
            "Hacker News",
            "Beta ships an open model under Apache 2.0",
            "Beta released its Orca model under the Apache 2.0 license. The weights are on GitHub.",
        ),
    )


def senate() -> Story:
    return story(
        "senate",
        (
            "Ars Technica",
            "Senate bill would track AI chip exports",
            "A Senate bill would require chip makers to report exports of AI chips. Lawmakers "
            "expect a vote in September.",
        ),
    )


def day() -> list[Story]:
    return [acme(), beta(), senate()]


class Sleeps:
    """Stands in for asyncio.sleep in the retry loop: records each wait, returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def summarizer(
    srv: LLMServer,
    client: httpx.AsyncClient,
    *,
    backend: str = "openai",
    store: Any = None,
    sleep: Callable[[float], Awaitable[None]] | None = None,
    retries: int = 2,
    timeout: float = 5.0,
    story_tokens: int = 1500,
    digest_tokens: int = 12000,
    output_tokens: int = 900,
    context_tokens: int = 32768,
    persona: str = BUILTIN_PERSONA,
    api_key: str = "sk-test",
) -> LLMSummarizer:
    """An LLM summarizer pointed at the loopback server, with an injectable retry sleep."""
    policy = RetryPolicy(retries=retries, timeout=timeout)
    pause = sleep or Sleeps()
    transport: OpenAIChat | AnthropicMessages | OllamaChat
    if backend == "ollama":
        transport = OllamaChat(
            client,
            base_url=srv.openai_url,
            model="llama3.1:8b",
            context_tokens=context_tokens,
            policy=policy,
            sleep=pause,
        )
    elif backend == "anthropic":
        transport = AnthropicMessages(
            client,
            base_url=srv.base_url,
            model="claude-test",
            api_key="ak-test",
            policy=policy,
            sleep=pause,
        )
    else:
        transport = OpenAIChat(
            client,
            base_url=srv.openai_url,
            model="llama3.1:8b",
            api_key=api_key,
            policy=policy,
            sleep=pause,
        )
    return LLMSummarizer(
        transport,
        limits=LLMLimits(story_tokens, digest_tokens, output_tokens, context_tokens),
        store=store,
        clock=FixedClock(END),
        persona=persona.replace("{persona_name}", "The Desk"),
    )


# -- reading a prompt -------------------------------------------------------------
_STORY = re.compile(r'<story id="(s\d+)"[^>]*>(.*?)</story>', re.S)
_ARTICLE = re.compile(r"<article [^>]*>\nTitle: (.*?)\n(.*?)</article>", re.S)


def stories_in(prompt: str) -> dict[str, list[tuple[str, str]]]:
    """Story id -> [(title, text)] as the prompt shows them."""
    return {
        sid: [(t, b.strip()) for t, b in _ARTICLE.findall(block)]
        for sid, block in _STORY.findall(prompt)
    }


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def story_json(sid: str, arts: list[tuple[str, str]]) -> dict[str, str]:
    title, text = arts[0]
    return {
        "id": sid,
        "headline": title,
        "summary": first_sentence(text) if text else title,
        "plain": "In plain terms: more money for one more lab.",
        "take": "My read: wait for the details before cheering. Money is not a product.",
        "kind": "funding",
    }


def faithful(seen: Seen) -> Reply:
    prompt = seen.user
    found = stories_in(prompt)
    if prompt.startswith("Write story"):
        sid, arts = next(iter(found.items()))
        return Reply.json(story_json(sid, arts))
    day_line = {
        "hook": "Money talks, models ship",
        "bottom_line": "Bottom line: watch what ships, not what is promised.",
    }
    if prompt.startswith("Write the digest"):
        stories = [story_json(sid, arts) for sid, arts in found.items()]
        return Reply.text(json.dumps({**day_line, "stories": stories}))
    return Reply.json(day_line)
