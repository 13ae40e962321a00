"""One feed entry of hundreds of thousands of short sentences (inside the poll's body cap)
must not stop the day's digest (session 29's probe: 250,000 sentences in 9 MB asked the
offline writer for a 466 GiB similarity matrix, and no digest went out)."""

from __future__ import annotations

import random
import tracemalloc

import pytest
from support.feed_server import FeedServer

from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.feeds.fetch import Fetcher
from bot.feeds.update import Poller
from bot.models import DigestWindow, FeedSpec
from bot.store import rows
from bot.store.rows import READ_CHARS, readable_text
from bot.store.store import Store
from bot.summarize.offline.extractive import rank_sentences
from bot.summarize.offline.summarizer import ExtractiveSummarizer
from bot.summarize.sentences import split_sentences

WORDS = ["alpha", "bravo", "delta", "lima", "tango", "metro", "river", "stone", "cloud", "amber"]


def _short_sentences(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(
        f"The {rng.choice(WORDS)} {rng.choice(WORDS)} {i} met {rng.choice(WORDS)} today."
        for i in range(n)
    )


def test_choosing_among_thousands_of_sentences_never_builds_a_square_matrix() -> None:
    text = _short_sentences(1_500)
    split_sentences(text)  # splitting is another bound (the read cap); it is cached
    tracemalloc.start()
    try:
        picks = rank_sentences([text], headline="Delta lima met the river", limit=5)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert picks and picks[0][2].endswith("today.")
    # the square matrices (similarities, TF-IDF) peaked at 54 MB here, growing as the square
    assert peak < 16 * 1024 * 1024, f"peak {peak / 2**20:.0f} MiB"


def test_readable_text_keeps_real_texts_and_cuts_a_longer_one_at_an_end() -> None:
    real = "A lab shipped a model.\n" * 10_000  # 230,000 characters: the longest real size
    assert readable_text(real) == real
    paragraphs = "A first paragraph.\n" * 10_000 + "word " * 100_000  # 690,000
    assert readable_text(paragraphs) == paragraphs[:189_999]  # at the last paragraph end
    long = _short_sentences(20_000)  # about 750,000 characters, one paragraph
    cut = readable_text(long)
    assert READ_CHARS // 2 < len(cut) <= READ_CHARS
    assert cut.endswith("today.") and long.startswith(cut)
    no_end = "word " * 200_000
    cut = readable_text(no_end)
    assert len(cut) <= READ_CHARS and cut.endswith("word")


def _feed(text: str) -> bytes:
    item = (
        "<item><title>{t}</title><link>https://news.example/{s}</link>"
        "<pubDate>Sat, 22 Aug 2026 10:00:00 GMT</pubDate><description>{d}</description></item>"
    )
    return (
        "<rss version='2.0'><channel><title>t</title>"
        + item.format(t="Metro stone met the river", s="long", d=text)
        + item.format(
            t="Acme cuts its API price by half",
            s="acme",
            d="Acme cut the price of its API by half on Friday, the company said.",
        )
        + "</channel></rss>"
    ).encode()


async def test_a_digest_goes_out_when_one_entry_is_hundreds_of_thousands_of_sentences(
    store: Store,
    clock: FixedClock,
    server: FeedServer,
    fetcher: Fetcher,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The shipped bound is 250,000 characters read of 9 MB; here 20,000 of 750,000, the
    # same shape at a size the suite can afford (the writer's cost follows what is read).
    monkeypatch.setattr(rows, "READ_CHARS", 20_000)
    text = _short_sentences(20_000)
    server.put("/long.xml", _feed(text))
    await store.add_feed(FeedSpec(name="long", url=server.url("/long.xml")), clock.now())
    await Poller(store, fetcher, settings, clock).poll()
    stored = {r["url"]: r["text"] for r in await store.entry_rows()}
    assert stored["https://news.example/long"] == text  # stored whole: search sees it all

    builder = DigestBuilder(store, ExtractiveSummarizer(), settings, clock)
    start = clock.now().replace(hour=0)
    window = DigestWindow(start=start, end=clock.now(), tz="UTC", label="today")
    digest = await builder.build(window)
    by_headline = {s.headline: s for s in digest.all_stories}
    assert "Acme cuts its API price by half" in by_headline
    assert "Metro stone met the river" in by_headline
    long_story = by_headline["Metro stone met the river"]
    # what the digest read of it: the first 20,000 characters, ending on a whole sentence
    (read,) = [a for a in await builder.select(window) if a.url.endswith("/long")]
    assert len(read.text) <= 20_000 and read.text.endswith("today.")
    assert text.startswith(read.text)
    assert long_story.summary == "" or long_story.summary.split()[-1].endswith(".")
