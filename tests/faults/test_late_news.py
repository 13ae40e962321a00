"""Late news is posted once: a daily post covers every article first seen since the previous
post, not only those published after it (issue 10 item 3).

Before, the window ran from the previous post to this one by ``published_at``: an article
published at 07:55 but first seen at 08:05 (after the 08:00 post), or from a feed that was
down at 08:00, was stored and never in any daily post. Real store, real digest builder,
the real scheduler and a publisher that records what each post carried.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from support.articles import incoming
from test_scheduler import NoPoller

from bot.clock import FixedClock
from bot.config import Settings
from bot.models import ArticleIn, Destination, DestinationSpec, Digest, FeedSpec
from bot.posting import Poster
from bot.publish import Resume
from bot.scheduler import Outcome, Scheduler
from bot.store.store import Store
from bot.summarize.offline.summarizer import ExtractiveSummarizer

DAY1 = datetime(2026, 8, 21, 8, 0, tzinfo=UTC)  # the first daily post, 08:00 UTC

STORIES = {
    "chips": ("Nvidia ships a new inference chip", "Nvidia said the chip doubles throughput."),
    "late": ("Anthropic opens a Tokyo office", "The office will hire forty engineers."),
    "down": ("Meta releases an open speech model", "The model transcribes ninety languages."),
    "old": ("IBM retires its Watson brand", "IBM will fold Watson into its cloud unit."),
}


class Recorder:
    """A chat platform that keeps, per post, the links it carried."""

    platform = "fake"

    def __init__(self) -> None:
        self.posts: list[set[str]] = []

    async def publish(self, destination: Destination, digest: Digest, resume: Resume) -> str:
        self.posts.append({a.url for s in digest.all_stories for a in s.articles})
        return f"post-{len(self.posts)}"

    async def notify(self, destination: Destination, text: str) -> None:
        return None


def article(key: str, published: datetime) -> ArticleIn:
    title, text = STORIES[key]
    return incoming(f"https://news.example/{key}", title, text, published)


async def test_news_seen_after_the_post_it_was_published_before_is_in_the_next(
    store: Store,
) -> None:
    from bot.digest.build import DigestBuilder

    clock = FixedClock(DAY1 - timedelta(hours=1))
    settings = Settings()
    recorder = Recorder()
    builder = DigestBuilder(store, ExtractiveSummarizer(), settings, clock)
    poster = Poster(store, builder, settings, clock, publishers={"fake": recorder})
    sched = Scheduler(poster, NoPoller())
    wire = await store.add_feed(FeedSpec(name="Wire", url="https://wire.example/rss"), clock.now())
    flaky = await store.add_feed(
        FeedSpec(name="Flaky", url="https://flaky.example/rss"), clock.now()
    )
    dest = await store.upsert_destination(
        DestinationSpec(
            platform="fake",
            channel_id="daily",
            scope=None,
            post_time="08:00",
            tz="UTC",
        ),
        clock.now() - timedelta(days=1),
    )

    async def seen(feed_id: int, at: datetime, *keys_published: tuple[str, datetime]) -> None:
        clock.set(at)
        await store.upsert_entries(feed_id, [article(k, p) for k, p in keys_published], at)

    # day 1: one story before the post; the flaky feed is down at 08:00
    await seen(wire.id, DAY1 - timedelta(minutes=30), ("chips", DAY1 - timedelta(hours=2)))
    clock.set(DAY1)
    assert await sched.daily_job(dest.id) == Outcome.POSTED
    # after the post: a story published 07:55 seen at 08:05; the flaky feed back at 10:00
    # with what it published at 07:30, and the chips story again (another feed, same link);
    # and a backfill of a feed's archive (published two weeks ago) seen now
    await seen(wire.id, DAY1 + timedelta(minutes=5), ("late", DAY1 - timedelta(minutes=5)))
    await seen(
        flaky.id,
        DAY1 + timedelta(hours=2),
        ("down", DAY1 - timedelta(minutes=30)),
        ("chips", DAY1 - timedelta(hours=2)),
        ("old", DAY1 - timedelta(days=14)),
    )
    clock.set(DAY1 + timedelta(days=1))
    assert await sched.daily_job(dest.id) == Outcome.POSTED

    first, second = recorder.posts
    assert first == {"https://news.example/chips"}
    assert second == {"https://news.example/late", "https://news.example/down"}
    assert not first & second  # no article in two daily posts
