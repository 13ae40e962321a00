"""A loopback fake of Slack for tests and benchmarks (aiohttp.web on 127.0.0.1).

    async with FakeSlack() as slack:                     # binds 127.0.0.1, port 0
        settings = Settings(slack_api_url=slack.api_url, slack_bot_token=slack.token, ...)
        slack.users["U1"] = {"is_admin": True}           # users.info answers
        slack.channels["C9"] = {"is_member": False}      # conversations.info / not_in_channel
        slack.fail("chat.postMessage", "is_archived")    # the next call of it fails
        slack.rate_limit("chat.postMessage", retry_after=1)
        await slack.wait_for(lambda s: len(s.posts) == 2)
        slack.posts                                      # successful chat.postMessage calls

Web API methods answered: ``auth.test``, ``chat.postMessage``, ``chat.postEphemeral``,
``users.info``, ``conversations.info``, and ``apps.connections.open`` (with the app-level
token) for Socket Mode, whose WebSocket is served here too: ``socket_command(...)`` delivers
a slash command envelope over it and the app's acknowledgement is recorded. Requests are parsed the way Slack accepts them (JSON,
form or query string) and must carry the bot token. ``response_url(name)`` gives a
``response_url`` for a slash command; what the bot POSTs there is recorded as a call of
``response:<name>``. Every request is recorded in ``calls`` with its arrival time.

``signed_command(...)`` sends a slash command the way Slack does: a form-encoded body signed
with the v0 scheme (HMAC-SHA256 of ``v0:<timestamp>:<body>`` with the signing secret).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp
from aiohttp import web

TEAM_ID = "T0NEWSBOT"
BOT_USER_ID = "U0BOT"
BOT_NAME = "newsbot"
TOKEN = "xoxb-test-0000-fake"
APP_TOKEN = "xapp-1-test-0000-fake"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() on arrival
    status: int = 200
    ok: bool = True
    error: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Fault:
    error: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    def __init__(
        self, *, token: str = TOKEN, app_token: str = APP_TOKEN, host: str = "127.0.0.1"
    ) -> None:
        self.token = token
        self.app_token = app_token
        self.sockets: list[web.WebSocketResponse] = []  # Socket Mode connections, newest last
        self._envelopes = itertools.count(1)
        self.host = host
        self.port = 0
        self.team_id = TEAM_ID
        self.bot_user_id = BOT_USER_ID
        self.bot_name = BOT_NAME
        self.calls: list[Call] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.delay: dict[str, float] = {}  # method -> seconds before answering
        self._faults: dict[str, list[Fault | None]] = defaultdict(list)  # None: let one pass
        self._after_store: dict[str, list[str]] = defaultdict(list)  # "500" or "drop"
        self.messages: list[dict[str, Any]] = []  # what the channels hold, oldest first
        self.files: dict[str, tuple[dict[str, Any], bytes]] = {}  # shared files, by ID
        self.downloads: list[str] = []  # file IDs fetched from url_private (with the token)
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None

    # lifecycle ---------------------------------------------------------------------------
    async def __aenter__(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response)
        app.router.add_get("/link", self._socket)
        app.router.add_get("/files-pri/{id}/{name}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        for ws in self.sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"http://{self.host}:{self.port}/response/{name}"

    # scripting -----------------------------------------------------------------------------
    def share_file(self, file_id: str, name: str, data: bytes, size: int | None = None) -> str:
        """A file a user shared; returns its link as Slack shows it."""
        url = f"http://{self.host}:{self.port}/files-pri/{file_id}/{name}"
        meta = {
            "id": file_id,
            "name": name,
            "size": len(data) if size is None else size,
            "url_private": url,
            "url_private_download": url,
            "permalink": f"https://newsbot-test.slack.com/files/U0ADMIN/{file_id}/{name}",
        }
        self.files[file_id] = (meta, data)
        return str(meta["permalink"])

    async def _file(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.Response(status=403)
        self.downloads.append(request.match_info["id"])
        found = self.files.get(request.match_info["id"])
        return web.Response(body=found[1]) if found else web.Response(status=404)

    def _files_info(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        found = self.files.get(str(params.get("file")))
        return {"file": found[0]} if found else Fault("file_not_found")

    def fail(
        self, method: str, error: str, *, times: int = 1, after: int = 0, status: int = 200
    ) -> None:
        """After ``after`` more good calls, the next ``times`` calls of ``method`` answer
        ``{"ok": false, "error": error}``."""
        self._faults[method] += [None] * after + [Fault(error, status) for _ in range(times)]

    def store_then_fail(
        self, method: str, how: str = "500", *, times: int = 1, after: int = 0
    ) -> None:
        """After ``after`` more good calls, the next ``times`` calls of ``method`` are
        carried out (the message is stored), then answered with HTTP 500 (``how="500"``) or
        the connection is dropped (``how="drop"``): the client cannot tell it is there."""
        self._after_store[method] += [""] * after + [how] * times

    def rate_limit(self, method: str, *, retry_after: int = 1, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` get 429 with Retry-After, like Slack's."""
        fault = Fault("ratelimited", 429, {"Retry-After": str(retry_after)})
        self._faults[method] += [fault] * times

    # what was seen -------------------------------------------------------------------------
    def called(self, method: str, *, ok_only: bool = True) -> list[Call]:
        return [c for c in self.calls if c.method == method and (c.ok or not ok_only)]

    @property
    def posts(self) -> list[Call]:
        """Successful chat.postMessage calls, in order."""
        return self.called("chat.postMessage")

    def responses(self, name: str = "cmd") -> list[Call]:
        return self.called(f"response:{name}")

    async def wait_for(
        self, predicate: Callable[[FakeSlack], bool], *, within: float = 10.0
    ) -> None:
        """Until ``predicate(self)`` holds after some request; TimeoutError after ``within`` seconds."""
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: predicate(self))

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()

    # handlers ----------------------------------------------------------------------------
    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                params.update(await request.json())
            else:
                params.update(dict(await request.post()))
        for key in ("blocks", "attachments", "metadata"):  # JSON strings in form posts
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        now = time.monotonic()
        if method in self.delay:
            await asyncio.sleep(self.delay[method])
        auth = request.headers.get("Authorization", "")
        token = self.app_token if method == "apps.connections.open" else self.token
        if auth != f"Bearer {token}":
            return await self._answer(method, params, now, Fault("invalid_auth"))
        fault = self._faults[method].pop(0) if self._faults.get(method) else None
        if fault is not None:
            return await self._answer(method, params, now, fault)
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return await self._answer(method, params, now, Fault("unknown_method"))
        result = handler(params)
        if isinstance(result, Fault):
            return await self._answer(method, params, now, result)
        await self._record(Call(method, params, now))
        how = self._after_store[method].pop(0) if self._after_store.get(method) else ""
        if how:  # "" lets one call pass
            if how == "drop":
                assert request.transport is not None
                request.transport.close()
            return web.json_response({"ok": False, "error": "internal_error"}, status=500)
        return web.json_response({"ok": True, **result})

    async def _answer(
        self, method: str, params: dict[str, Any], at: float, fault: Fault
    ) -> web.Response:
        await self._record(Call(method, params, at, fault.status, False, fault.error))
        return web.json_response(
            {"ok": False, "error": fault.error}, status=fault.status, headers=fault.headers
        )

    async def _response(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        params = await self._params(request)
        method = f"response:{name}"
        fault = self._faults[method].pop(0) if self._faults.get(method) else None
        if fault is not None:
            await self._record(Call(method, params, time.monotonic(), fault.status, False))
            return web.Response(status=fault.status, text=fault.error)
        await self._record(Call(method, params, time.monotonic()))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: say hello, then read what the app sends back (acks of envelopes)."""
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        await self._record(Call("socket:connect", {}, time.monotonic()))
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {}})
        async for msg in ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                await self._record(Call("socket:ack", json.loads(msg.data), time.monotonic()))
        return ws

    async def socket_command(self, command: str, text: str = "", **fields: Any) -> str:
        """Deliver a slash command over the newest Socket Mode connection; returns its
        envelope id (the app's ack comes back as a ``socket:ack`` call with that id)."""
        envelope = f"env-{next(self._envelopes)}"
        payload = dict(parse_qsl(command_body(command, text, **fields)))
        await self.sockets[-1].send_json(
            {
                "envelope_id": envelope,
                "type": "slash_commands",
                "payload": payload,
                "accepts_response_payload": True,
            }
        )
        return envelope

    def socket_acks(self, envelope: str) -> list[Call]:
        return [c for c in self.called("socket:ack") if c.params.get("envelope_id") == envelope]

    # Web API methods -----------------------------------------------------------------------
    def _auth_test(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": "https://newsbot-test.slack.com/",
            "team": "newsbot test",
            "user": self.bot_name,
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": "B0BOT",
            "is_enterprise_install": False,
        }

    def _apps_connections_open(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {"url": f"ws://{self.host}:{self.port}/link"}

    def _channel_fault(self, channel: str) -> Fault | None:
        info = self.channels.get(channel, {})
        if info.get("missing"):
            return Fault("channel_not_found")
        if info.get("is_archived"):
            return Fault("is_archived")
        if info.get("is_member") is False:
            return Fault("not_in_channel")
        return None

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        channel = str(params.get("channel", ""))
        if not channel:
            return Fault("channel_not_found")
        if not params.get("text") and not params.get("blocks"):
            return Fault("no_text")
        if not channel.startswith("U"):  # a user id opens the app's direct messages
            fault = self._channel_fault(channel)
            if fault is not None:
                return fault
        ts = f"1787400000.{next(self._ts):06d}"
        message = {"text": params.get("text"), "ts": ts}
        if params.get("metadata"):
            message["metadata"] = params["metadata"]
        self.messages.append({**message, "channel": channel, "thread_ts": params.get("thread_ts")})
        return {"channel": channel, "ts": ts, "message": message}

    def _conversations_history(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        """Top-level messages of a channel, newest first (with their metadata, as with
        ``include_all_metadata``)."""
        channel = str(params.get("channel", ""))
        fault = self._channel_fault(channel)
        if fault is not None:
            return fault
        limit = int(params.get("limit") or 100)
        top = [m for m in self.messages if m["channel"] == channel and not m["thread_ts"]]
        return {"messages": [_shown(m) for m in reversed(top)][:limit], "has_more": False}

    def _conversations_replies(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        channel, ts = str(params.get("channel", "")), str(params.get("ts", ""))
        thread = [
            m
            for m in self.messages
            if m["channel"] == channel and (m["ts"] == ts or m["thread_ts"] == ts)
        ]
        if not thread:
            return Fault("thread_not_found")
        return {"messages": [_shown(m) for m in thread], "has_more": False}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        fault = self._channel_fault(str(params.get("channel", "")))
        return fault or {"message_ts": f"1787400000.{next(self._ts):06d}"}

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        user_id = str(params.get("user", ""))
        if user_id not in self.users:
            return Fault("user_not_found")
        user = {"is_admin": False, "is_owner": False, "is_primary_owner": False}
        user.update(self.users[user_id])
        return {"user": {"id": user_id, "team_id": self.team_id, "name": user_id.lower(), **user}}

    def _conversations_info(self, params: dict[str, Any]) -> dict[str, Any] | Fault:
        channel = str(params.get("channel", ""))
        info = {"is_member": True, "is_archived": False, **self.channels.get(channel, {})}
        if info.get("missing"):
            return Fault("channel_not_found")
        return {"channel": {"id": channel, "name": channel.lower(), **info}}


def _shown(message: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in message.items() if k != "channel" and v is not None}
    return {**out, "type": "message", "user": BOT_USER_ID}


def sign(secret: str, timestamp: str, body: str) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def command_body(
    command: str,
    text: str,
    *,
    response_url: str,
    user_id: str = "U0ADMIN",
    channel_id: str = "C0NEWS",
    channel_name: str = "news",
    team_id: str = TEAM_ID,
) -> str:
    """The form-encoded body Slack POSTs for a slash command."""
    return urlencode(
        {
            "token": "deprecated-verification-token",
            "team_id": team_id,
            "team_domain": "newsbot-test",
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0NEWSBOT",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1337.42.abcdef",
        }
    )


@dataclass
class Sent:
    status: int
    body: str
    seconds: float  # from sending the request to the end of the HTTP response

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


async def signed_command(
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    command: str,
    text: str = "",
    *,
    timestamp: int | None = None,
    signature: str | None = None,
    **fields: Any,
) -> Sent:
    """POST a slash command to the bot's HTTP endpoint, signed like Slack signs it."""
    body = command_body(command, text, **fields)
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature or sign(secret, ts, body),
    }
    started = time.perf_counter()
    async with session.post(url, data=body.encode(), headers=headers) as resp:
        text_out = await resp.text()
    return Sent(resp.status, text_out, time.perf_counter() - started)
