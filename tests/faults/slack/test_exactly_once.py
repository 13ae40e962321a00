"""A daily post reaches Slack exactly once, whatever fails when (issue 10 item 2).

Slack can store a message and still answer 500, or drop the connection after storing it;
the bot can be killed between the send and saving its progress. Before, slack_sdk retried
``chat.postMessage`` on its own and the publisher saved progress only after the send: two
headlines in 3 of 3 probes. Each case below fails, then the scheduler's retry runs
``publish`` again with whatever progress was saved.
"""

from __future__ import annotations

import json
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
from faults.ledger import Ledger, publish_until_done

DEST = Destination(
    id=7,
    platform="slack",
    channel_id="C0DAILY",
    scope="slack:T0NEWSBOT",
    post_time="08:00",
    tz="UTC",
    created_by="U0ADMIN",
)


@pytest.fixture
async def publisher(
    settings: Settings, services: Services, clock: FixedClock
) -> AsyncIterator[SlackPublisher]:
    async with aiohttp.ClientSession() as session:
        yield SlackPublisher(make_web_client(settings, session), services, clock)


@pytest.fixture
async def week(services: Services, settings: Settings) -> Digest:
    settings.max_stories = 40  # a thread of several replies
    return await services.digest_for("week")


def assert_each_part_once(slack: FakeSlack, digest_parts: int) -> None:
    mine = [m for m in slack.messages if m["channel"] == DEST.channel_id]
    headlines = [m for m in mine if not m["thread_ts"]]
    assert len(headlines) == 1, f"{len(headlines)} headlines"
    parts = [m["metadata"]["event_payload"]["part"] for m in mine]
    assert sorted(parts) == list(range(digest_parts)), parts


def parts_of(digest: Digest) -> int:
    from bot.render.slack import render_slack

    return 1 + len(render_slack(digest).thread)


@pytest.mark.parametrize("how", ["500", "drop"])
async def test_headline_stored_then_the_answer_lost(
    publisher: SlackPublisher, slack_api: FakeSlack, week: Digest, how: str
) -> None:
    slack_api.store_then_fail("chat.postMessage", how)
    ledger = Ledger()
    assert await publish_until_done(publisher, DEST, week, ledger) == 2
    assert_each_part_once(slack_api, parts_of(week))


@pytest.mark.parametrize("how", ["500", "drop"])
async def test_a_thread_reply_stored_then_the_answer_lost(
    publisher: SlackPublisher, slack_api: FakeSlack, week: Digest, how: str
) -> None:
    slack_api.store_then_fail("chat.postMessage", how, after=2)  # headline, reply 1 pass
    ledger = Ledger()
    assert await publish_until_done(publisher, DEST, week, ledger) == 2
    assert json.loads(ledger.progress or "{}")["sent"] == parts_of(week) - 1
    assert_each_part_once(slack_api, parts_of(week))


@pytest.mark.parametrize("killed_at", [1, 2])
async def test_killed_after_a_send_before_the_save(
    publisher: SlackPublisher, slack_api: FakeSlack, week: Digest, killed_at: int
) -> None:
    ledger = Ledger()
    ledger.kill_at_save = killed_at  # 1: after the headline; 2: after the first reply
    assert await publish_until_done(publisher, DEST, week, ledger) == 2
    assert_each_part_once(slack_api, parts_of(week))


async def test_post_message_is_never_retried_by_the_library(
    publisher: SlackPublisher, slack_api: FakeSlack, week: Digest
) -> None:
    slack_api.fail("chat.postMessage", "internal_error", status=500)
    with pytest.raises(PostError):
        await publisher.publish(DEST, week, Resume(None, Ledger().save))
    assert len(slack_api.called("chat.postMessage", ok_only=False)) == 1
