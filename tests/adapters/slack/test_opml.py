"""``/sources import <file link>`` through Bolt in HTTP mode against the loopback fake of
Slack: files.info says what the shared file is, url_private is fetched with the bot token,
and the feeds become the workspace's own sources."""

from __future__ import annotations

import aiohttp
from support.fake_slack import FakeSlack

from adapters.slack.test_manage_commands import SCOPE, answer, send
from bot.adapters.slack.runner import SlackAdapter
from bot.services import Services

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><body>
  <outline text="Lab notes" xmlUrl="https://lab.example/feed.xml"/>
  <outline text="Chip wire" xmlUrl="https://chips.example/rss"/>
</body></opml>"""


async def test_an_admin_imports_a_shared_opml_file(
    adapter: SlackAdapter, slack_api: FakeSlack, services: Services, http: aiohttp.ClientSession
) -> None:
    link = slack_api.share_file("F0OPML123", "feeds.opml", OPML)
    await send(http, adapter, slack_api, "/sources", f"import <{link}>")
    reply = await answer(slack_api)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"].startswith("Imported 2 sources; 0 skipped.")
    assert slack_api.called("files.info")[0].params["file"] == "F0OPML123"
    assert slack_api.downloads == ["F0OPML123"]
    own = {f.name for f in await services.list_sources(SCOPE) if f.scope}
    assert own == {"Lab notes", "Chip wire"}


async def test_members_wrong_files_and_unknown_files_are_refused_in_one_line(
    adapter: SlackAdapter, slack_api: FakeSlack, services: Services, http: aiohttp.ClientSession
) -> None:
    slack_api.share_file("F0OPML123", "feeds.opml", OPML)
    slack_api.share_file("F0PICTURE", "cat.png", b"\x89PNG")
    slack_api.share_file("F0HUGE0001", "huge.opml", OPML, size=9_000_000)
    asks = {
        "member": ("import F0OPML123", {"user_id": "U0MEMBER"}),
        "png": ("import F0PICTURE", {}),
        "huge": ("import F0HUGE0001", {}),
        "gone": ("import F0NOTHERE", {}),
        "none": ("import", {}),
    }
    for name, (text, fields) in asks.items():
        url = slack_api.response_url(name)
        await send(http, adapter, slack_api, "/sources", text, response_url=url, **fields)
    said = {}
    for name in asks:
        if name == "none":  # a usage mistake is answered in the ack itself
            continue
        said[name] = (await answer(slack_api, name))["text"]
    assert "admins" in said["member"]
    assert "'cat.png' is not an OPML file" in said["png"]
    assert "the limit is 1,000 KB" in said["huge"]
    assert "can't see the file F0NOTHERE" in said["gone"] and "not" in said["gone"]
    assert slack_api.downloads == []  # nothing refused was fetched
    assert not [f for f in await services.list_sources(SCOPE) if f.scope]
