"""The Slack publisher the scheduler posts daily digests through, against the loopback fake
Web API: headline then thread replies, progress saved, resume without a second headline, and
the channel problems an admin has to fix."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest
from support.fake_slack import FakeSlack

from bot.adapters.slack.client import make_web_client
from bot.adapters.slack.publisher import SlackPublisher
from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import PostError
from bot.models import Destination, Digest
from bot.publish import Resume
from bot.services import Services


@pytest.fixture
async def publisher(
    settings: Settings, services: Services, clock: FixedClock
) -> AsyncIterator[SlackPublisher]:
    async with aiohttp.ClientSession() as session:
        yield SlackPublisher(
            make_web_client(settings, session), services, clock, bot_name="newsbot"
        )


@pytest.fixture
async def week(services: Services, settings: Settings) -> Digest:
    """A long digest: every story of the week, so the thread needs more than one reply."""
    settings.max_stories = 40
    return await services.digest_for("week")


def destination(channel: str = "C0DAILY") -> Destination:
    return Destination(
        id=1,
        platform="slack",
        channel_id=channel,
        scope="slack:T0NEWSBOT",
        post_time="08:00",
        tz="UTC",
        created_by="U0ADMIN",
    )


async def test_posts_headline_then_replies_saving_progress_after_each(
    publisher: SlackPublisher, slack_api: FakeSlack, week: Digest
) -> None:
    saved: list[dict[str, object]] = []

    async def save(progress: str) -> None:
        saved.append(json.loads(progress))

    ref = await publisher.publish(destination(), week, Resume(None, save))

    headline, *replies = slack_api.posts
    assert len(replies) >= 2
    assert "thread_ts" not in headline.params
    ts = "1787400000.000001"
    assert [r.params["thread_ts"] for r in replies] == [ts] * len(replies)
    assert [s["sent"] for s in saved] == list(range(len(replies) + 1))
    assert all(s["ts"] == ts and s["channel"] == "C0DAILY" for s in saved)
    assert json.loads(ref) == saved[-1]


async def test_resume_after_a_failed_second_reply_posts_no_second_headline(
    publisher: SlackPublisher, slack_api: FakeSlack, week: Digest
) -> None:
    saved: list[str] = []

    async def save(progress: str) -> None:
        saved.append(progress)

    slack_api.fail("chat.postMessage", "internal_error", after=2)  # headline, reply 1, then boom
    with pytest.raises(PostError) as failed:
        await publisher.publish(destination(), week, Resume(None, save))
    assert failed.value.retryable
    assert json.loads(saved[-1])["sent"] == 1

    await publisher.publish(destination(), week, Resume(saved[-1], save))

    headlines = [p for p in slack_api.posts if "thread_ts" not in p.params]
    replies = [p for p in slack_api.posts if "thread_ts" in p.params]
    assert len(headlines) == 1
    first_try = slack_api.posts[1].params  # reply 1, posted before the failure
    assert len(replies) == 2 and replies[0].params["blocks"] == first_try["blocks"]
    assert replies[1].params["blocks"] != replies[0].params["blocks"]
    assert {r.params["thread_ts"] for r in replies} == {"1787400000.000001"}


async def test_not_in_channel_fails_for_good_and_tells_the_admin_once(
    publisher: SlackPublisher,
    slack_api: FakeSlack,
    week: Digest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    slack_api.channels["C0DAILY"] = {"is_member": False}

    async def save(progress: str) -> None:
        raise AssertionError("nothing was posted, so there is nothing to save")

    caplog.set_level(logging.ERROR, logger="newsbot.slack")
    for _ in range(2):
        with pytest.raises(PostError) as failed:
            await publisher.publish(destination(), week, Resume(None, save))
        assert not failed.value.retryable
        assert "/invite @newsbot" in failed.value.hint

    dms = [p for p in slack_api.posts if p.params["channel"] == "U0ADMIN"]
    assert len(dms) == 1
    assert "/invite @newsbot" in dms[0].params["text"]
    assert "<#C0DAILY>" in dms[0].params["text"]
    assert "not_in_channel" in caplog.text


@pytest.mark.parametrize(
    ("channel", "code", "fix"),
    [
        ({"is_archived": True}, "is_archived", "unarchive"),
        ({"missing": True}, "channel_not_found", "deleted"),
    ],
)
async def test_a_channel_that_cannot_take_posts_is_not_retried(
    publisher: SlackPublisher,
    slack_api: FakeSlack,
    week: Digest,
    caplog: pytest.LogCaptureFixture,
    channel: dict[str, bool],
    code: str,
    fix: str,
) -> None:
    slack_api.channels["C0DAILY"] = channel

    async def save(progress: str) -> None:
        raise AssertionError("nothing was posted")

    caplog.set_level(logging.ERROR, logger="newsbot.slack")
    with pytest.raises(PostError) as failed:
        await publisher.publish(destination(), week, Resume(None, save))
    assert not failed.value.retryable
    assert code in str(failed.value) and fix in failed.value.hint
    assert f"C0DAILY: {code}" in caplog.text
    assert not slack_api.posts  # in particular, no direct message: only not_in_channel has one


async def test_notices_are_escaped(publisher: SlackPublisher, slack_api: FakeSlack) -> None:
    await publisher.notify(destination(), "the source <!here> Evil & Co has been failing")
    (notice,) = slack_api.posts
    assert notice.params["text"] == "the source &lt;!here&gt; Evil &amp; Co has been failing"
    assert notice.params["unfurl_links"] is False
