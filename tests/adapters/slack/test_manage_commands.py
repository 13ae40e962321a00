"""Managing the bot from Slack (sources, daily digests) and the answers a user gets: through
Bolt in HTTP mode on 127.0.0.1, the loopback fake Web API, a temp SQLite store and real
Services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from support.fake_slack import FakeSlack, Sent, signed_command
from support.feed_server import FeedServer

from adapters.slack.conftest import FEEDS, SCOPE, SECRET
from bot.adapters.slack import runner
from bot.adapters.slack.runner import SlackAdapter
from bot.clock import FixedClock
from bot.config import Settings
from bot.models import FeedSpec
from bot.services import Services
from bot.store.store import Store


async def send(
    http: aiohttp.ClientSession,
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    command: str,
    text: str = "",
    **fields: Any,
) -> Sent:
    fields.setdefault("response_url", slack_api.response_url())
    assert adapter.http_url
    return await signed_command(http, adapter.http_url, SECRET, command, text, **fields)


async def answer(slack_api: FakeSlack, name: str = "cmd") -> dict[str, Any]:
    """The one message the bot sent back through the command's response_url."""
    await slack_api.wait_for(lambda s: len(s.responses(name)) == 1)
    return slack_api.responses(name)[0].params


async def test_an_admin_adds_a_source_after_seeing_its_newest_items(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    feed_server: FeedServer,
    store: Store,
    http: aiohttp.ClientSession,
) -> None:
    feed_server.put("/extra.xml", (FEEDS / "theverge-ai.xml").read_bytes())
    url = feed_server.url("/extra.xml")
    await send(http, adapter, slack_api, "/sources", f"add <{url}> Verge Copy")

    reply = await answer(slack_api)
    assert reply["response_type"] == "in_channel"
    shown = reply["blocks"][0]["text"]["text"]
    assert "Verge Copy" in shown
    assert shown.count("• <https://www.theverge.com/") == 5  # the five newest items, linked
    saved = await store.find_feed("Verge Copy", SCOPE)
    assert saved is not None and saved.url == url
    assert (saved.scope, saved.added_by) == (SCOPE, "U0ADMIN")
    assert [c.params["user"] for c in slack_api.called("users.info")] == ["U0ADMIN"]


async def test_the_allow_list_lets_a_member_manage_without_asking_slack(
    services: Services,
    settings: Settings,
    clock: FixedClock,
    slack_api: FakeSlack,
    store: Store,
    http: aiohttp.ClientSession,
) -> None:
    settings.slack_admin_users = ["U0MEMBER"]
    await store.add_feed(
        FeedSpec(name="Our Wire", url="https://wire.example/feed"), clock.now(), scope=SCOPE
    )
    started = await runner.start(services, settings, clock, http_port=0, host="127.0.0.1")
    try:
        await send(http, started, slack_api, "/sources", "remove Our Wire", user_id="U0MEMBER")
        reply = await answer(slack_api)
    finally:
        await started.close()
    assert reply["text"] == "Stopped following *Our Wire*."
    assert not slack_api.called("users.info")
    assert await store.find_feed("Our Wire", SCOPE) is None


async def test_sources_lists_health_and_pages(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    services: Services,
    store: Store,
    feed_server: FeedServer,
    clock: FixedClock,
    http: aiohttp.ClientSession,
) -> None:
    broken = await store.add_feed(
        FeedSpec(name="Broken Wire", url=feed_server.url("/fault/500")), clock.now()
    )
    await services.poller.poll([broken])
    for i in range(25):
        await store.add_feed(
            FeedSpec(name=f"Wire {i:02d}", url=f"https://wire{i}.example/feed"),
            clock.now(),
            scope=SCOPE,
        )

    await send(http, adapter, slack_api, "/sources", "", response_url=slack_api.response_url("p1"))
    first = await answer(slack_api, "p1")
    await send(
        http, adapter, slack_api, "/sources", "list 2", response_url=slack_api.response_url("p2")
    )
    second = await answer(slack_api, "p2")

    assert first["response_type"] == "ephemeral"
    page1 = "\n".join(b["text"]["text"] for b in first["blocks"] if "text" in b)
    assert "*28 sources*: 2 working, 1 failing, 25 not polled yet · page 1 of 2" in page1
    assert "Broken Wire" in page1 and "failing since just now (1x): http" in page1
    assert "ok, last success" in page1
    assert "/sources list 2" in first["blocks"][-1]["elements"][0]["text"]
    page2 = "\n".join(b["text"]["text"] for b in second["blocks"] if "text" in b)
    assert "page 2 of 2" in page2 and "Wire 24" in page2 and "Broken Wire" not in page2
    assert all(len(b["text"]["text"]) <= 3000 for b in first["blocks"] if "text" in b)


async def test_setup_stop_and_refusal_of_daily_digests(
    adapter: SlackAdapter, slack_api: FakeSlack, services: Services, http: aiohttp.ClientSession
) -> None:
    slack_api.channels["C0DAILY"] = {"is_member": False}
    await send(
        http,
        adapter,
        slack_api,
        "/digest",
        "setup <#C0DAILY|daily> 7:30 Europe/Berlin",
        user_id="U0MEMBER",
        response_url=slack_api.response_url("member"),
    )
    refused = await answer(slack_api, "member")
    assert refused["response_type"] == "ephemeral" and "admins" in refused["text"]
    assert await services.daily_for("slack", "C0DAILY") is None

    await send(http, adapter, slack_api, "/digest", "setup <#C0DAILY|daily> 7:30 Europe/Berlin")
    done = await answer(slack_api)
    dest = await services.daily_for("slack", "C0DAILY")
    assert dest is not None
    assert (dest.post_time, dest.tz, dest.scope, dest.created_by) == (
        "07:30",
        "Europe/Berlin",
        SCOPE,
        "U0ADMIN",
    )
    assert done["response_type"] == "in_channel"
    assert "<#C0DAILY> at 07:30 (Europe/Berlin)" in done["text"]
    assert "/invite @newsbot" in done["text"]  # the bot is not in that channel yet

    await send(
        http,
        adapter,
        slack_api,
        "/digest",
        "stop",
        channel_id="C0DAILY",
        response_url=slack_api.response_url("stop"),
    )
    assert "Stopped the daily digest in <#C0DAILY>" in (await answer(slack_api, "stop"))["text"]
    assert await services.daily_for("slack", "C0DAILY") is None


@pytest.mark.usefixtures("daily", "posting")
async def test_digest_now_posts_to_the_configured_channel(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    services: Services,
    store: Store,
    http: aiohttp.ClientSession,
) -> None:

    await send(http, adapter, slack_api, "/digest", "now")

    assert (await answer(slack_api))["text"] == "Posted the digest in <#C0DAILY>."
    assert slack_api.posts and {p.params["channel"] for p in slack_api.posts} == {"C0DAILY"}
    (dest,) = await services.destinations("slack", SCOPE)
    assert [r.state for r in await store.posts_for(dest.id)] == ["done"]


async def test_a_wrong_word_is_answered_with_the_usage_in_the_ack(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    sent = await send(http, adapter, slack_api, "/digest", "tomorrow <!channel>")
    body = sent.json()
    assert sent.status == 200 and body["response_type"] == "ephemeral"
    assert "I don't know 'tomorrow' here" in body["text"]
    assert "/digest setup #channel 08:00 Europe/Berlin" in body["text"]
    topic = await send(http, adapter, slack_api, "/digest", "week <!here> chips")
    assert (
        topic.json()["text"] == "On it: the digest for week about &lt;!here&gt; chips is coming up."
    )
    help_sent = await send(http, adapter, slack_api, "/sources", "help")
    assert "/sources add" in help_sent.json()["text"]


async def test_why_answers_privately_even_when_the_response_url_has_expired(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    store: Store,
    clock: FixedClock,
    http: aiohttp.ClientSession,
) -> None:
    verge = [
        a
        for a in await store.articles_between(clock.now() - timedelta(days=7), clock.now())
        if a.feed_name == "The Verge AI"
    ]
    slack_api.fail("response:cmd", "expired_url", status=404)
    await send(http, adapter, slack_api, "/why", f"<{verge[0].url}>", user_id="U0X")
    await slack_api.wait_for(lambda s: len(s.called("chat.postEphemeral")) == 1)
    (fallback,) = slack_api.called("chat.postEphemeral")
    assert (fallback.params["channel"], fallback.params["user"]) == ("C0NEWS", "U0X")
    assert fallback.params["text"].startswith("Seen: ")
    assert "from The Verge AI" in fallback.params["text"]


async def test_a_slack_outage_during_digest_says_to_try_again(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    slack_api.fail("chat.postMessage", "internal_error")
    await send(http, adapter, slack_api, "/digest", "today")
    reply = await answer(slack_api)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == (
        "Posting to Slack channel C0NEWS failed: internal_error. Try the command again in a minute."
    )


async def test_digest_in_a_channel_without_the_bot_says_how_to_fix_it(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    slack_api.channels["C0NEWS"] = {"is_member": False}
    await send(http, adapter, slack_api, "/digest", "today")
    reply = await answer(slack_api)
    assert reply["response_type"] == "ephemeral"
    assert "not_in_channel" in reply["text"] and "/invite @newsbot" in reply["text"]
    assert "\u200b" not in reply["text"]  # the code reads (and copies) as Slack wrote it
    assert not slack_api.posts
