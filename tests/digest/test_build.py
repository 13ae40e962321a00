"""DigestBuilder: what goes into a digest, and that it always goes out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest
from support.days import DEMO_NOW

from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder, title_for
from bot.digest.select import window_for
from bot.models import ArticleIn, DigestWindow, FeedSpec, Story
from bot.render.markdown import render_markdown
from bot.store.store import Store
from bot.summarize.base import DigestText, StoryText
from bot.summarize.offline.summarizer import ExtractiveSummarizer
from bot.summarize.offline.voice import write_offline

TZ = "America/New_York"


class Counting:
    """The offline voice, counting calls; optionally broken in one of two ways."""

    name = "counting"

    def __init__(self, mode: str = "ok") -> None:
        self.calls = 0
        self.mode = mode

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        self.calls += 1
        if self.mode == "raise":
            raise TimeoutError("model server timed out")
        text = write_offline(stories, window)
        if self.mode == "short":
            return DigestText(
                hook="x",
                stories=(StoryText("only one", "one.", None),),
                bottom_line="",
                backend="counting",
            )
        return DigestText(
            hook=text.hook,
            stories=text.stories,
            bottom_line=text.bottom_line,
            backend="counting",
            tokens_in=100,
            tokens_out=20,
        )


def _builder(store: Store, summarizer: object) -> DigestBuilder:
    return DigestBuilder(store, summarizer, Settings(), FixedClock(DEMO_NOW))  # type: ignore[arg-type]


async def test_asking_twice_reuses_the_words_and_costs_no_new_tokens(demo_store: Store) -> None:
    words = Counting()
    builder = _builder(demo_store, words)
    window = window_for("today", DEMO_NOW, TZ)
    first = await builder.build(window)
    # a minute later the "today" window has moved, but the stories are the same
    later = window_for("today", DEMO_NOW + timedelta(minutes=1), TZ)
    second = await builder.build(later)
    assert words.calls == 1
    assert first.lead == second.lead and first.stories == second.stories
    assert (first.stats.tokens_in, second.stats.tokens_in) == (100, 0)


@pytest.mark.parametrize("mode", ["raise", "short"])
async def test_a_failing_summarizer_still_gets_the_digest_out(demo_store: Store, mode: str) -> None:
    words = Counting(mode)
    builder = _builder(demo_store, words)
    digest = await builder.build(window_for("today", DEMO_NOW, TZ))
    # a fallback is not remembered: the next digest asks the summarizer again
    await builder.build(window_for("today", DEMO_NOW, TZ))
    assert words.calls == 2
    # the offline voice wrote the lead (its facts; a take only when the facts fill one)
    assert digest.lead is not None and digest.lead.summary
    assert digest.stats.backend.startswith("counting (fallback: extractive")
    text = render_markdown(digest)
    assert "offline voice used" in text


async def test_max_stories_caps_the_wire_and_stats_count_everything(demo_store: Store) -> None:
    window = window_for("week", DEMO_NOW, TZ)
    digest = await _builder(demo_store, ExtractiveSummarizer()).build(window, max_stories=3)
    assert digest.lead is not None and len(digest.stories) == 3
    assert digest.stats.stories > 4  # every story of the week was counted
    assert digest.signoff == "The Desk"
    assert digest.title.startswith("Week of Aug 7 to Aug 14, 2026 — ")


async def test_a_quiet_window_says_so(demo_store: Store) -> None:
    window = window_for("2026-01-01", DEMO_NOW, TZ)
    digest = await _builder(demo_store, ExtractiveSummarizer()).build(window)
    assert digest.lead is None and digest.stories == ()
    assert digest.stats.articles == 0
    assert "Thu Jan 1, 2026" in digest.title
    text = render_markdown(digest)
    assert "Quiet day" in text
    # one of twenty sources failing on an empty day is mentioned, not made the headline
    assert "1 source is failing, so news may be missing" in text
    assert "sources failing" not in digest.title


async def test_a_topic_nobody_covered_is_named_in_the_title(demo_store: Store) -> None:
    window = window_for("today", DEMO_NOW, TZ)
    digest = await _builder(demo_store, ExtractiveSummarizer()).build(window, topic="knitting")
    assert digest.lead is None
    assert "Nothing on 'knitting'" in digest.title


async def test_a_servers_own_source_shows_only_in_that_servers_digest(demo_store: Store) -> None:
    feed = await demo_store.add_feed(
        FeedSpec(name="Guild blog", url="https://guild.example/feed"),
        DEMO_NOW,
        scope="discord:1",
    )
    await demo_store.upsert_entries(
        feed.id,
        [
            ArticleIn(
                guid="g1",
                url="https://guild.example/a",
                canonical_url="https://guild.example/a",
                title="Guild members build a robot arm",
                author=None,
                published_at=DEMO_NOW - timedelta(hours=1),
                text="The guild built a robot arm from spare parts.",
                content_hash="h-guild",
            )
        ],
        DEMO_NOW,
    )
    builder = _builder(demo_store, ExtractiveSummarizer())
    window = window_for("today", DEMO_NOW, TZ)
    mine = await builder.build(window, scope="discord:1", max_stories=30)
    other = await builder.build(window, scope="discord:2", max_stories=30)
    assert any(s.headline.startswith("Guild members") for s in mine.all_stories)
    assert not any(s.headline.startswith("Guild members") for s in other.all_stories)


def test_titles_name_the_local_day() -> None:
    w = window_for("today", DEMO_NOW, "Asia/Tokyo")
    assert title_for(w, "  A   hook ") == "Sat Aug 15, 2026 — A hook"


async def test_no_news_because_every_source_failed_is_not_called_a_quiet_day(
    store: Store,
) -> None:
    names = [f"Source {i}" for i in range(7)]
    for name in names:
        feed = await store.add_feed(
            FeedSpec(name=name, url=f"https://{name[-1]}.example/f"), DEMO_NOW
        )
        await store.record_failure(
            feed.id,
            DEMO_NOW,
            kind="connect",
            message=f"cannot resolve host '{name[-1]}.example': [Errno -2] Name or service not known",
            next_poll_at=DEMO_NOW,
            http_status=None,
            duration_ms=3.0,
        )
    digest = await _builder(store, ExtractiveSummarizer()).build(window_for("today", DEMO_NOW, TZ))
    assert digest.title.endswith("— No news came in: 7 of 7 sources failing")
    text = render_markdown(digest)
    assert "7 sources are failing, so news may be missing" in text
    # the footer stays short: five named, the rest counted, no errno noise
    footer = next(line for line in text.splitlines() if "sources skipped" in line)
    assert footer.count("cannot resolve host") == 5 and "and 2 more" in footer
    assert "Errno" not in footer
