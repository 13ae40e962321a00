"""``/schedule`` through Bolt in HTTP mode against the loopback fake of Slack: an admin adds
a weekdays digest and a Monday week in review, removes the plain daily post by its number,
members are refused, and the scheduler posts the review to the channel once."""

from __future__ import annotations

from datetime import UTC, datetime

import aiohttp
import pytest
from support.fake_slack import FakeSlack

from adapters.slack.test_http_commands import texts
from adapters.slack.test_manage_commands import answer, send
from bot.adapters.slack.parse import UsageError
from bot.adapters.slack.runner import SlackAdapter
from bot.adapters.slack.schedules import AddCmd, RemoveCmd, parse_schedule
from bot.clock import FixedClock
from bot.models import Destination
from bot.posting import Poster
from bot.scheduler import Outcome, Scheduler
from bot.services import Services

MONDAY_9 = datetime(2026, 8, 24, 9, 0, tzinfo=UTC)


def test_parsing_the_schedule_words() -> None:
    assert parse_schedule("add monday 9:00 week") == AddCmd("monday", "9:00", "week")
    assert parse_schedule("remove 2") == RemoveCmd(2)
    with pytest.raises(UsageError):
        parse_schedule("remove first")
    with pytest.raises(UsageError):
        parse_schedule("add weekdays")


@pytest.mark.usefixtures("daily")
async def test_schedules_in_chat_then_the_review_is_posted_once(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    services: Services,
    posting: Poster,
    http: aiohttp.ClientSession,
    clock: FixedClock,
) -> None:
    here = {"channel_id": "C0DAILY"}

    async def say(text: str, name: str, **fields: str) -> str:
        url = slack_api.response_url(name)
        await send(http, adapter, slack_api, "/schedule", text, response_url=url, **here, **fields)
        reply = await answer(slack_api, name)
        assert reply["response_type"] == "ephemeral"
        return str(reply["text"])

    assert (await say("add weekdays 08:00", "a1")).endswith(
        "1. every day at 08:00: the digest since the last post (UTC)\n"
        "2. weekdays at 08:00: the digest since the last post (UTC)\n"
        "Pings nobody."
    )
    assert "Mondays at 09:00: the week in review" in await say("add mon 9:00 week", "a2")
    refused = await say("remove 1", "member", user_id="U0MEMBER")
    assert "admins" in refused
    assert (
        await say("remove 1", "r1")
    ) == "Removed: every day at 08:00: the digest since the last post."
    assert (await say("", "list")).splitlines()[1:] == [
        "1. weekdays at 08:00: the digest since the last post (UTC)",
        "2. Mondays at 09:00: the week in review (UTC)",
        "Pings nobody.",
    ]
    assert "fortnightly" in await say("add fortnightly 09:00", "bad")
    assert "has 2 schedules, not 5" in await say("remove 5", "bad2")

    clock.set(MONDAY_9)
    sched = Scheduler(posting, services.poller)
    review = next(s for s in await services.schedules_here("slack", "C0DAILY") if s.what == "week")
    assert await sched.slot_job(review.id) is Outcome.POSTED
    assert await sched.slot_job(review.id) is Outcome.ALREADY
    heads = [p for p in slack_api.posts if not p.params.get("thread_ts")]
    assert len(heads) == 1 and heads[0].params["channel"] == "C0DAILY"
    assert "Week of Aug 17 to Aug 24, 2026" in "\n".join(texts(heads[0].params))


async def test_a_chosen_user_group_is_pinged_by_the_posted_digest_only(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    daily: Destination,
    posting: Poster,
    http: aiohttp.ClientSession,
) -> None:
    url = slack_api.response_url("ping")
    await send(
        http,
        adapter,
        slack_api,
        "/schedule",
        "ping <!subteam^S0AINEWS|@ai-news>",
        channel_id="C0DAILY",
        response_url=url,
    )
    reply = await answer(slack_api, "ping")
    assert reply["text"] == "Posts in <#C0DAILY> ping the user group `S0AINEWS` when they land."
    assert "<!" not in reply["text"]  # saying so pings nobody

    await posting.post_now(daily)
    head, *thread = slack_api.posts
    assert head.params["blocks"][0]["text"]["text"] == "<!subteam^S0AINEWS>"
    assert head.params["text"].startswith("<!subteam^S0AINEWS> ")
    assert thread and all("<!" not in "\n".join(texts(p.params)) for p in thread)

    await send(
        http,
        adapter,
        slack_api,
        "/schedule",
        "ping off",
        channel_id="C0DAILY",
        response_url=slack_api.response_url("off"),
    )
    assert (await answer(slack_api, "off"))["text"] == "Posts in <#C0DAILY> ping nobody now."
