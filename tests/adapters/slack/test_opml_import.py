"""`/sources import` on Slack (issue 14): the command opens a form with a file input, the
admin picks an OPML file, and its feeds become the workspace's own sources. Through Bolt in
HTTP mode with signed requests, against the loopback fake Web API and its file host."""

from __future__ import annotations

from typing import Any

import aiohttp
from support.fake_slack import FakeSlack, signed_interaction, view_submission

from adapters.slack.conftest import SECRET
from adapters.slack.test_manage_commands import answer, send
from bot.adapters.slack.opml import ACTION_ID, BLOCK_ID
from bot.adapters.slack.runner import SlackAdapter
from bot.community.opml_import import MAX_OPML_BYTES
from bot.store.store import Store

SCOPE = "slack:T0NEWSBOT"
OPML = (
    b'<?xml version="1.0"?><opml version="2.0"><head><title>reader</title></head><body>'
    b'<outline text="Import AI" type="rss" xmlUrl="https://jack-clark.net/feed/"/>'
    b'<outline text="Simon Willison" xmlUrl="https://simonwillison.net/atom/everything/"/>'
    b'<outline text="Local" xmlUrl="file:///etc/passwd"/>'
    b"</body></opml>"
)


async def open_form(
    http: aiohttp.ClientSession, adapter: SlackAdapter, slack_api: FakeSlack, user: str
) -> dict[str, Any]:
    sent = await send(http, adapter, slack_api, "/sources", "import", user_id=user)
    assert sent.status == 200 and sent.seconds < 3
    await slack_api.wait_for(lambda s: len(s.views) == 1)
    return slack_api.views[0]


async def submit(
    http: aiohttp.ClientSession,
    adapter: SlackAdapter,
    view: dict[str, Any],
    files: list[dict[str, Any]],
    user: str = "U0ADMIN",
) -> None:
    values = {BLOCK_ID: {ACTION_ID: {"type": "file_input", "files": files}}}
    assert adapter.http_url
    sent = await signed_interaction(
        http, adapter.http_url, SECRET, view_submission(view, values, user_id=user)
    )
    assert sent.status == 200 and sent.seconds < 3  # acked at once: the modal closes


async def ephemeral(slack_api: FakeSlack) -> str:
    await slack_api.wait_for(lambda s: len(s.called("chat.postEphemeral")) == 1)
    (call,) = slack_api.called("chat.postEphemeral")
    assert (call.params["channel"], call.params["user"]) == ("C0NEWS", "U0ADMIN")
    return str(call.params["text"])


async def test_an_admin_picks_an_opml_file_and_its_feeds_become_the_workspaces_own(
    adapter: SlackAdapter, slack_api: FakeSlack, store: Store, http: aiohttp.ClientSession
) -> None:
    view = await open_form(http, adapter, slack_api, "U0ADMIN")
    (block,) = view["blocks"]
    assert block["element"]["type"] == "file_input"
    assert block["element"]["filetypes"] == ["opml", "xml"]

    await submit(http, adapter, view, [slack_api.upload("reader.opml", OPML)])
    text = await ephemeral(slack_api)
    assert text.splitlines()[0] == "Imported 2 sources from reader.opml; 1 skipped."
    assert "skipped Local:" in text and "`/sources`" in text
    (download,) = slack_api.called("file:get")
    assert download.params["authorized"]  # fetched with the bot token, as Slack requires
    own = [f for f in await store.list_feeds(SCOPE) if f.scope == SCOPE]
    assert sorted(f.name for f in own) == ["Import AI", "Simon Willison"]
    assert {f.added_by for f in own} == {"U0ADMIN"}


async def test_a_member_gets_no_form_and_nothing_is_downloaded(
    adapter: SlackAdapter, slack_api: FakeSlack, store: Store, http: aiohttp.ClientSession
) -> None:
    before = await store.list_feeds(SCOPE, all_scopes=True)
    await send(http, adapter, slack_api, "/sources", "import", user_id="U0MEMBER")
    reply = await answer(slack_api)
    assert reply["text"].startswith("Only workspace admins and owners")
    assert slack_api.views == [] and slack_api.called("views.open") == []
    assert slack_api.called("file:get") == []
    assert await store.list_feeds(SCOPE, all_scopes=True) == before


async def test_a_bad_or_oversized_file_is_one_sentence_and_saves_nothing(
    adapter: SlackAdapter, slack_api: FakeSlack, store: Store, http: aiohttp.ClientSession
) -> None:
    before = await store.list_feeds(SCOPE, all_scopes=True)
    view = await open_form(http, adapter, slack_api, "U0ADMIN")
    big = slack_api.upload("huge.opml", b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>")
    await submit(http, adapter, view, [big])
    text = await ephemeral(slack_api)
    assert "an OPML import takes at most 1024 KiB" in text
    assert slack_api.called("file:get") == []  # refused by the size Slack reported

    html = slack_api.upload("page.xml", b"<html><body>nothing here</body></html>")
    await submit(http, adapter, view, [html])
    await slack_api.wait_for(lambda s: len(s.called("chat.postEphemeral")) == 2)
    second = slack_api.called("chat.postEphemeral")[1].params["text"]
    assert second.startswith("Not an OPML file")
    assert await store.list_feeds(SCOPE, all_scopes=True) == before
