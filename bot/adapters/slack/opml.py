"""``/sources import <file>``: the feeds of an OPML file shared in Slack (admins only).

Slash commands carry no files, so the admin shares the file first and passes its link (or
ID). ``files.info`` says its name and size (checked before anything is fetched), then
``url_private`` is fetched with the bot token: only from Slack's own file host (or the API's
host, which is a loopback fake in the tests), so the token never goes anywhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.adapters.slack import replies
from bot.adapters.slack.parse import SourcesImport
from bot.community.opml_import import MAX_OPML_BYTES, check_opml_file, import_report
from bot.errors import SourceError
from bot.render.escape import slack_text

if TYPE_CHECKING:
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.adapters.slack.commands import SlackCommands

FILES_HOST = "files.slack.com"
SHARE_HINT = "share the file in a channel the bot is in, then: /sources import <its link>"


async def download(client: AsyncWebClient, url: str) -> bytes:
    """A private Slack file's bytes (at most ``MAX_OPML_BYTES``), with the bot token."""
    host = urlsplit(url).hostname
    if host not in (FILES_HOST, urlsplit(client.base_url).hostname):
        raise SourceError("that file is not stored by Slack", hint=SHARE_HINT)
    timeout = aiohttp.ClientTimeout(total=15)
    headers = {"Authorization": f"Bearer {client.token}"}
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.get(url, headers=headers, allow_redirects=False) as resp,
    ):
        if resp.status != 200:
            raise SourceError(f"Slack did not hand the file over (HTTP {resp.status})")
        data = await resp.content.read(MAX_OPML_BYTES + 1)
    if len(data) > MAX_OPML_BYTES:
        raise SourceError("the file is too big for an OPML import", hint=SHARE_HINT)
    return data


async def run_import(
    h: SlackCommands, cmd: SourcesImport, command: dict[str, Any]
) -> dict[str, Any]:
    await h.require_admin(command, "import sources")
    try:
        info = await h.client.files_info(file=cmd.file_id)
    except SlackApiError as exc:
        raise SourceError(
            f"I can't see the file {cmd.file_id} ({exc.response.get('error', 'error')})",
            hint=SHARE_HINT,
        ) from exc
    file = info.get("file") or {}
    check_opml_file(str(file.get("name") or ""), int(file.get("size") or 0))
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    data = await download(h.client, url)
    added, skipped = await h.services.import_opml(data, h.scope(command), str(command["user_id"]))
    return replies.message(import_report(added, skipped, slack_text))
