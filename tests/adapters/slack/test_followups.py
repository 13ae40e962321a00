"""Follow-ups end to end on Slack: the daily digest goes out through the real slack_sdk
publisher to the loopback fake of Slack; two days later a story continues, and the
scheduler's daily post marks it "Day 3" and links the permalink of the channel's earlier
post, once."""

from __future__ import annotations

from datetime import datetime, timedelta

from support.articles import continue_story
from support.fake_slack import FakeSlack

from adapters.slack.test_http_commands import texts
from bot.clock import FixedClock
from bot.models import Destination
from bot.posting import Poster
from bot.scheduler import Outcome, Scheduler
from bot.services import Services
from bot.store.store import Store


def heads(slack_api: FakeSlack) -> list[dict[str, object]]:
    """The channel's top-level messages as Slack holds them (with the ts it gave each)."""
    return [m for m in slack_api.messages if m["channel"] == "C0DAILY" and not m["thread_ts"]]


def shown(slack_api: FakeSlack, ts: object) -> str:
    """Everything a subscriber reads of one post: its headline and its thread replies."""
    return "\n".join(
        "\n".join(texts(call.params))
        for message, call in zip(slack_api.messages, slack_api.posts, strict=True)
        if ts in (message["ts"], message["thread_ts"])
    )


async def test_a_story_that_continues_links_the_earlier_posts_permalink_once(
    slack_api: FakeSlack,
    services: Services,
    daily: Destination,
    posting: Poster,
    store: Store,
    clock: FixedClock,
) -> None:
    sched = Scheduler(posting, services.poller)
    clock.advance(timedelta(minutes=1))  # a post covers what was seen before it
    assert await sched.daily_job(daily.id, clock.now()) is Outcome.POSTED
    (first,) = heads(slack_api)
    headline = "\n".join(texts(slack_api.posts[0].params))  # the lead's links are in it
    (record,) = await store.posts_for(daily.id)
    window = await store.articles_between(record.window_start, record.window_end)
    old = next(a for a in window if f"<{a.url}|" in headline)

    # two days on, another outlet's take on the same event, in the same words mostly
    clock.set(clock.now() + timedelta(days=2))
    url = "https://follow.example/continued"
    await continue_story(store, old, url, clock.now())
    clock.advance(timedelta(minutes=1))
    occurrence: datetime = clock.now()
    assert await sched.daily_job(daily.id, occurrence) is Outcome.POSTED
    assert await sched.daily_job(daily.id, occurrence) is Outcome.ALREADY  # the same slot again

    earlier, second = heads(slack_api)
    assert earlier == first
    permalink = f"https://slack.com/archives/C0DAILY/p{str(first['ts']).replace('.', '')}"
    seen = shown(slack_api, second["ts"])
    marks = [line for line in seen.splitlines() if "Day 3 of this story" in line]
    assert len(marks) == 1, marks  # said once, in the one post of the day
    assert f"new since <{permalink}|the earlier digest>" in marks[0]
    assert f"<{old.url}|" in marks[0]  # and the earlier article itself
    assert f"<{url}|" in seen  # the new article is cited
    assert "1 outlet · Day 3" in seen or "outlets · Day 3" in seen
