"""``/sources import`` on Slack: an admin picks an OPML file in a modal, and its feeds become
the workspace's own sources.

A slash command cannot carry a file, so the command opens a modal with a file input
(Block Kit's ``file_input``); its submission names the uploaded file, which is downloaded
from Slack with the bot token (``files:read``) and imported like the CLI's
``newsbot sources import``. The answer is an ephemeral message in the channel the command was
typed in. The token is only ever sent to Slack's file host (or the configured API's host,
for a proxy or a test fake), and nothing is fetched for a file over the size limit.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlsplit

import httpx
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.models.blocks import InputBlock, PlainTextObject
from slack_sdk.models.blocks.block_elements import FileInputElement
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.admin import AdminCheck
from bot.adapters.slack.replies import error_text, refusal
from bot.community.opml_import import MAX_OPML_BYTES, import_answer, opml_size_check
from bot.errors import NewsbotError
from bot.render.escape import slack_text
from bot.services import Services

log = logging.getLogger("newsbot.slack")

CALLBACK_ID = "newsbot_sources_import"
BLOCK_ID = "opml"
ACTION_ID = "file"
FILE_HOST = "files.slack.com"
DOWNLOAD_TIMEOUT_S = 20.0


def import_view(channel: str) -> dict[str, Any]:
    """The modal: one required file input, OPML or XML, one file."""
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        title=PlainTextObject(text="Import sources"),
        submit=PlainTextObject(text="Import"),
        close=PlainTextObject(text="Cancel"),
        private_metadata=json.dumps({"channel": channel}),
        blocks=[
            InputBlock(
                block_id=BLOCK_ID,
                label=PlainTextObject(text="OPML file from your feed reader"),
                element=FileInputElement(
                    action_id=ACTION_ID, filetypes=["opml", "xml"], max_files=1
                ),
                hint=PlainTextObject(
                    text="Its feeds become this workspace's own sources, read at the next poll."
                ),
            )
        ],
    )
    return view.to_dict()


class SlackOpmlImport:
    def __init__(
        self,
        services: Services,
        client: AsyncWebClient,
        admins: AdminCheck,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.services = services
        self.client = client
        self.admins = admins
        self.transport = transport  # tests may inject one; by default, the network
        api_host = urlsplit(client.base_url).hostname or FILE_HOST
        self.file_hosts = {FILE_HOST, api_host}

    def register(self, app: AsyncApp) -> None:
        app.view(CALLBACK_ID)(self.on_submit)

    async def open_form(self, command: dict[str, Any]) -> None:
        """Called by ``/sources import`` after the admin check (within the trigger's 3 s)."""
        await self.client.views_open(
            trigger_id=command["trigger_id"], view=import_view(str(command["channel_id"]))
        )

    async def on_submit(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any]) -> None:
        await ack()  # closes the modal; the answer follows as an ephemeral message
        user = str(body["user"]["id"])
        team = str((body.get("team") or {}).get("id") or view.get("team_id"))
        channel = str(json.loads(view.get("private_metadata") or "{}").get("channel") or "")
        try:
            text = await self._import(view, user, team)
        except NewsbotError as err:
            text = error_text(err)
        except Exception:
            log.exception("slack: /sources import by %s failed", user)
            text = "Something went wrong on my side; the details are in the bot's log."
        if channel:
            await self.client.chat_postEphemeral(channel=channel, user=user, text=text)

    async def _import(self, view: dict[str, Any], user: str, team: str) -> str:
        if not await self.admins.is_admin(user):
            return refusal("import sources")
        state = view.get("state", {}).get("values", {}).get(BLOCK_ID, {}).get(ACTION_ID, {})
        files = state.get("files") or []
        if not files:
            raise NewsbotError("no file came with the form", hint="pick an OPML file and submit")
        meta = files[0]
        opml_size_check(int(meta.get("size") or 0))
        data = await self._download(str(meta.get("url_private_download") or meta["url_private"]))
        report = await self.services.import_opml(data, scope=f"slack:{team}", user=user)
        log.info("slack: %s imported %d sources for %s", user, len(report.added), team)
        return import_answer(report, str(meta.get("name") or "the file"), slack_text, "/sources")

    async def _download(self, url: str) -> bytes:
        parts = urlsplit(url)
        if parts.hostname not in self.file_hosts:
            raise NewsbotError(
                "that file is not on Slack's file host", hint="upload the file in the form"
            )
        headers = {"Authorization": f"Bearer {self.client.token}"}
        failed = NewsbotError(
            "could not download the file from Slack",
            hint="check the app has the files:read scope, then try again",
        )
        async with httpx.AsyncClient(
            transport=self.transport, timeout=DOWNLOAD_TIMEOUT_S, follow_redirects=False
        ) as http:
            try:
                async with http.stream("GET", url, headers=headers) as resp:
                    if resp.status_code != 200:  # a redirect is Slack's login page: no access
                        raise failed
                    data = bytearray()
                    async for chunk in resp.aiter_bytes():
                        data += chunk
                        if len(data) > MAX_OPML_BYTES:
                            opml_size_check(len(data))
                    return bytes(data)
            except httpx.HTTPError as exc:
                raise failed from exc
