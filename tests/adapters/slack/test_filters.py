"""``/filters`` through Bolt in HTTP mode against the loopback fake of Slack: rules set in a
workspace change what its ``/digest`` shows, and the footer says how many stories they hid."""

from __future__ import annotations

from datetime import timedelta

import aiohttp
import pytest
from support.fake_slack import FakeSlack

from adapters.slack.conftest import SCOPE, set_up_daily
from adapters.slack.test_http_commands import texts
from adapters.slack.test_manage_commands import answer, send
from bot.adapters.slack.filters import parse_filters
from bot.adapters.slack.parse import UsageError
from bot.adapters.slack.runner import SlackAdapter
from bot.clock import FixedClock
from bot.posting import Poster
from bot.services import Services

LEAD = "OpenAI says California should strengthen its AI safety bill"


async def digest_today(
    http: aiohttp.ClientSession, adapter: SlackAdapter, slack_api: FakeSlack
) -> str:
    before = len(slack_api.posts)
    await send(
        http, adapter, slack_api, "/digest", "today", response_url=slack_api.response_url("d")
    )
    await slack_api.wait_for(lambda s: len(s.posts) >= before + 2)
    headline = slack_api.posts[before]
    return "\n".join(texts(headline.params))


async def test_an_admin_excludes_a_word_and_the_digest_hides_and_counts_it(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    first = await digest_today(http, adapter, slack_api)
    assert LEAD in first and "hidden" not in first

    await send(http, adapter, slack_api, "/filters", "exclude California")
    reply = await answer(slack_api)
    assert reply["response_type"] == "ephemeral"
    assert 'No more stories about "california" in every channel' in reply["text"]

    clock.advance(timedelta(minutes=2))  # past the public digest's cooldown
    second = await digest_today(http, adapter, slack_api)
    assert LEAD not in second
    assert "1 story hidden by this channel's filters" in second


async def test_mutes_show_in_sources_and_members_cannot_change_filters(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    services: Services,
    http: aiohttp.ClientSession,
) -> None:
    await send(http, adapter, slack_api, "/filters", "mute The Verge AI")
    assert "Muted The Verge AI" in (await answer(slack_api))["text"]
    await send(http, adapter, slack_api, "/sources", "", response_url=slack_api.response_url("src"))
    listing = await answer(slack_api, "src")
    assert "Muted in this workspace: The Verge AI" in "\n".join(texts(listing))

    await send(
        http,
        adapter,
        slack_api,
        "/filters",
        "exclude crypto",
        user_id="U0MEMBER",
        response_url=slack_api.response_url("member"),
    )
    refused = await answer(slack_api, "member")
    assert refused["text"].startswith("Only workspace admins and owners")
    assert (await services.server_filters(SCOPE)).muted_names == ("The Verge AI",)
    assert (await services.server_filters(SCOPE)).excludes == ()


async def test_setup_lists_the_channel_rules(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    await send(http, adapter, slack_api, "/filters", "include <#C0NEWS|news> open-source")
    assert "<#C0NEWS>" in (await answer(slack_api))["text"]
    await send(
        http,
        adapter,
        slack_api,
        "/digest",
        "setup <#C0NEWS|news> 08:00 UTC",
        response_url=slack_api.response_url("setup"),
    )
    shown = (await answer(slack_api, "setup"))["text"]
    assert 'only stories about: "open source" (in <#C0NEWS> only)' in shown


def test_filters_text_parses_channels_phrases_and_mistakes() -> None:
    cmd = parse_filters("exclude <#C0NEWS|news> self-driving cars")
    assert (cmd.kind, cmd.words, cmd.channel.id) == ("exclude", "self-driving cars", "C0NEWS")  # type: ignore[union-attr]
    assert parse_filters("").__class__.__name__ == "FiltersList"
    for bad in ("exclude", "mute", "clear #a b", "frobnicate"):
        with pytest.raises(UsageError) as err:
            parse_filters(bad)
        assert err.value.hint


async def test_a_muted_source_leaves_the_digest_and_the_daily_post(
    adapter: SlackAdapter,
    slack_api: FakeSlack,
    services: Services,
    posting: Poster,
    http: aiohttp.ClientSession,
    clock: FixedClock,
) -> None:
    clock.advance(timedelta(minutes=1))  # a post covers what was first seen before it

    async def daily_post(channel: str) -> str:
        """What the channel's daily post shows: its headline and thread, every word."""
        await posting.post_now(await set_up_daily(services, channel))
        posts = [p for p in slack_api.posts if p.params["channel"] == channel]
        assert posts  # posted, muted source or not
        return "\n".join("\n".join(texts(p.params)) for p in posts)

    before = await daily_post("C0BEFORE")
    assert "techcrunch.com" in before and LEAD in before  # the window's stories are TechCrunch's

    await send(http, adapter, slack_api, "/filters", "mute TechCrunch")
    assert "Muted TechCrunch" in (await answer(slack_api))["text"]
    after = await daily_post("C0DAILY")  # another channel of the workspace, the same window
    assert "techcrunch.com" not in after and LEAD not in after
    asked = await digest_today(http, adapter, slack_api)  # /digest in a channel
    assert "techcrunch.com" not in asked and LEAD not in asked
