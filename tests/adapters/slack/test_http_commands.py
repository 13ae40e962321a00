"""Bolt in HTTP mode on 127.0.0.1 receiving signed slash commands, talking to a loopback fake
of Slack's Web API: what a Slack user sees when they type the commands."""

from __future__ import annotations

import re
import time
from typing import Any

import aiohttp
import pytest
from support.fake_slack import FakeSlack, signed_command

from adapters.slack.conftest import SECRET, GatedSummarizer
from bot.adapters.slack import runner
from bot.adapters.slack.runner import SlackAdapter
from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import ConfigError
from bot.services import Services
from bot.store.store import Store

ACK_LIMIT_S = 3.0  # Slack's contract for the acknowledgement, not a performance target


def texts(payload: Any) -> list[str]:
    """Every string in a message payload (text, block texts, context elements)."""
    if isinstance(payload, str):
        return [payload]
    if isinstance(payload, dict):
        return [t for v in payload.values() for t in texts(v)]
    if isinstance(payload, list):
        return [t for v in payload for t in texts(v)]
    return []


async def test_digest_today_acks_at_once_then_posts_headline_and_thread(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    summarizer: GatedSummarizer,
    http: aiohttp.ClientSession,
) -> None:
    summarizer.gate.clear()  # the digest build cannot finish until the ack is back
    url = slack_api.response_url("today")
    sent = await signed_command(
        http, adapter.http_url, SECRET, "/digest", "today", response_url=url
    )

    assert sent.status == 200
    assert sent.seconds < ACK_LIMIT_S
    assert not slack_api.posts  # acked before the digest existed
    assert "today" in sent.json()["text"]
    assert sent.json()["response_type"] == "ephemeral"

    summarizer.gate.set()
    await slack_api.wait_for(lambda s: len(s.posts) >= 2)
    headline, *replies = slack_api.posts
    assert headline.params["channel"] == "C0NEWS"
    assert "thread_ts" not in headline.params
    assert headline.params["blocks"][0]["type"] == "header"
    headline_ts = "1787400000.000001"
    assert replies and all(r.params["thread_ts"] == headline_ts for r in replies)
    assert all(r.params["channel"] == "C0NEWS" for r in replies)
    assert all(p.params["unfurl_links"] is False for p in slack_api.posts)
    assert all(p.params["unfurl_media"] is False for p in slack_api.posts)
    # the lead story of the day is there, linked to its outlet
    body = "\n".join(texts(headline.params))
    assert "techcrunch.com" in body


async def test_bad_signature_is_refused_and_nothing_happens(
    adapter: SlackAdapter, slack_api: FakeSlack, store: Store, http: aiohttp.ClientSession
) -> None:
    forged = await signed_command(
        http,
        adapter.http_url,
        "not-the-secret",
        "/sources",
        "add https://example.com/feed.xml",
        response_url=slack_api.response_url("forged"),
    )
    stale = await signed_command(
        http,
        adapter.http_url,
        SECRET,
        "/digest",
        "today",
        timestamp=int(time.time()) - 3600,  # a replayed request from an hour ago
        response_url=slack_api.response_url("stale"),
    )
    assert (forged.status, stale.status) == (401, 401)

    # a genuine command afterwards is answered, and it is the only thing that happened
    ok = await signed_command(
        http, adapter.http_url, SECRET, "/sources", "", response_url=slack_api.response_url("ok")
    )
    assert ok.status == 200
    await slack_api.wait_for(lambda s: len(s.responses("ok")) == 1)
    assert not slack_api.responses("forged") and not slack_api.responses("stale")
    assert not slack_api.posts
    assert [f.name for f in await store.list_feeds()] == ["TechCrunch", "The Verge AI"]


async def test_pings_in_feed_titles_ping_no_one(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    await signed_command(
        http, adapter.http_url, SECRET, "/digest", "", response_url=slack_api.response_url()
    )
    await slack_api.wait_for(lambda s: len(s.posts) >= 2)
    everything = "\n".join(t for p in slack_api.posts for t in texts(p.params))
    # the poisoned title made it into the digest, visibly...
    assert "&lt;!channel&gt;" in everything
    assert "&lt;@U123&gt;" in everything
    # ...but nothing in any message is a live mention
    assert not re.search(r"<!(channel|here|everyone)", everything)
    assert "<@U" not in everything
    assert not re.search(r"@(everyone|here|channel)\b", everything)


async def test_a_429_is_retried_after_retry_after_and_posts_once(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    slack_api.rate_limit("chat.postMessage", retry_after=1)
    await signed_command(
        http, adapter.http_url, SECRET, "/digest", "today", response_url=slack_api.response_url()
    )
    await slack_api.wait_for(lambda s: len(s.posts) >= 2)
    attempts = slack_api.called("chat.postMessage", ok_only=False)
    limited, retried = attempts[0], attempts[1]
    assert (limited.status, limited.error) == (429, "ratelimited")
    assert retried.ok and retried.at - limited.at >= 1.0  # Retry-After was honoured
    headlines = [p for p in slack_api.posts if "thread_ts" not in p.params]
    assert len(headlines) == 1
    assert not slack_api.responses()  # no error was shown to the user


async def test_non_admin_cannot_add_a_source(
    adapter: SlackAdapter, slack_api: FakeSlack, store: Store, http: aiohttp.ClientSession
) -> None:
    before = await store.list_feeds(all_scopes=True)
    sent = await signed_command(
        http,
        adapter.http_url,
        SECRET,
        "/sources",
        "add <https://127.0.0.1:9/feed.xml> Mine",
        user_id="U0MEMBER",
        response_url=slack_api.response_url(),
    )
    assert sent.status == 200
    await slack_api.wait_for(lambda s: len(s.responses()) == 1)
    answer = slack_api.responses()[0].params
    assert answer["response_type"] == "ephemeral"
    assert "admins" in answer["text"]
    assert await store.list_feeds(all_scopes=True) == before
    assert not slack_api.posts


async def test_the_first_command_does_not_wait_for_auth_test(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    # the token was checked once at start; Slack being slow now must not eat the 3 seconds
    slack_api.delay["auth.test"] = 5.0
    sent = await signed_command(
        http, adapter.http_url, SECRET, "/digest", "today", response_url=slack_api.response_url()
    )
    assert sent.status == 200 and sent.seconds < ACK_LIMIT_S
    await slack_api.wait_for(lambda s: len(s.posts) >= 2)
    assert len(slack_api.called("auth.test")) == 1


async def test_a_busy_port_is_a_clear_error(
    adapter: SlackAdapter, services: Services, settings: Settings, clock: FixedClock
) -> None:
    assert adapter.http_url
    taken = int(adapter.http_url.split(":")[2].split("/")[0])
    with pytest.raises(ConfigError) as err:
        await runner.start(services, settings, clock, http_port=taken, host="127.0.0.1")
    assert f"cannot listen on 127.0.0.1:{taken}" in str(err.value)
    assert "--slack-http-port" in err.value.hint
