"""``/search`` through Bolt in HTTP mode against the loopback fake of Slack."""

from __future__ import annotations

import aiohttp
import pytest
from support.fake_slack import FakeSlack

from adapters.slack.test_manage_commands import answer, send
from bot.adapters.slack.parse import UsageError
from bot.adapters.slack.runner import SlackAdapter
from bot.adapters.slack.search import SearchCmd, parse_search


async def test_search_answers_privately_with_links_and_the_next_page(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession
) -> None:
    await send(http, adapter, slack_api, "/search", "ai")
    reply = await answer(slack_api)
    assert reply["response_type"] == "ephemeral"
    text = reply["blocks"][0]["text"]["text"]
    assert text.startswith("*Search: ai* · ")
    assert text.count("• <https://") == 8
    assert "Next: `/search ai page 2`" in text

    await send(
        http,
        adapter,
        slack_api,
        "/search",
        "ai page 2",
        response_url=slack_api.response_url("p2"),
    )
    second = (await answer(slack_api, "p2"))["blocks"][0]["text"]["text"]
    assert "page 2 of" in second and second != text


def test_search_words_and_page_parse() -> None:
    assert parse_search("nvidia chips page 3") == SearchCmd("nvidia chips", 3)
    assert parse_search("page") == SearchCmd("page")
    with pytest.raises(UsageError):
        parse_search("nvidia page x")
