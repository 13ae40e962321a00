"""The public /digest's cooldown through Bolt against the fake of Slack: the refusal is the
acknowledgement itself, and nothing is posted."""

from __future__ import annotations

import aiohttp
from support.fake_slack import FakeSlack

from adapters.slack.test_manage_commands import send
from bot.adapters.slack.runner import SlackAdapter


async def test_the_same_user_again_at_once_is_told_to_wait_in_the_ack(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    await send(http, adapter, slack_api, "/digest", "today", user_id="U0MEMBER")
    await slack_api.wait_for(lambda s: len(s.posts) >= 2)
    posted = len(slack_api.posts)
    again = await send(http, adapter, slack_api, "/digest", "week", user_id="U0MEMBER")
    assert again.json()["response_type"] == "ephemeral"
    assert again.json()["text"] == (
        "You asked for one 0 seconds ago. Scroll up to read it, or ask again in 60 seconds."
    )
    other = await send(http, adapter, slack_api, "/digest", "today", user_id="U0ADMIN")
    assert other.json()["text"].startswith("One was posted here 0 seconds ago")
    assert len(slack_api.posts) == posted
