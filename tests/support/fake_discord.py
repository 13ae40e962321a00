"""A loopback fake of Discord: the REST API and the gateway websocket (aiohttp.web, 127.0.0.1).

A real ``discord.Client`` logs in and connects to it for real: ``GET /users/@me``,
``GET /oauth2/applications/@me``, ``GET /gateway/bot``, then the websocket at ``/gateway``
(HELLO → IDENTIFY → READY with one guild → GUILD_CREATE). Tests then inject interactions as
gateway ``INTERACTION_CREATE`` dispatches and read what the bot did from ``requests``:

    async with FakeDiscord() as fake:
        settings = Settings(discord_api_url=fake.api_url, ...)
        ...
        await fake.wait_identified()
        token = await fake.command("digest", "today", topic="chips")
        cb = await fake.wait_for(lambda r: r.path == f"/interactions/{...}/{token}/callback")

Every request is recorded (method, path below the API base, query, JSON body, monotonic
time). Messages get snowflake ids; ``enforce_nonce`` is honoured as Discord does (the same
nonce on a channel returns the first message instead of a second one) for ``nonce_window``
seconds, and ``forget_nonces()`` is Discord's window passing. ``fail(...)`` makes matching
requests answer an error status with Discord's JSON error body; with ``commit=True`` the work
is done first (stored, then the answer lost), and ``how="drop"`` / ``how="stall"`` close the
connection or never answer instead. ``GET /channels/{id}/messages`` reads a channel's history
(newest first), as Discord does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 900000000000000010
NEWS_CHANNEL = 900000000000000011
SYSTEM_CHANNEL = 900000000000000012
OWNER_ID = 900000000000000020
ADMIN_ID = 900000000000000021
MEMBER_ID = 900000000000000022
EVERYONE_ROLE = GUILD_ID
BOT_ROLE = 900000000000000030
ANNOUNCE_CHANNEL = 900000000000000013  # an announcement channel, when a test adds it
NEWS_ROLE = 900000000000000031  # a role admins may choose to ping when the daily post lands

# Discord permission bits
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_HISTORY = 1 << 16
MANAGE_GUILD = 1 << 5
CREATE_PUBLIC_THREADS = 1 << 35
SEND_IN_THREADS = 1 << 38
MEMBER_PERMS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_HISTORY | SEND_IN_THREADS
BOT_PERMS = MEMBER_PERMS | CREATE_PUBLIC_THREADS
ADMIN_PERMS = MEMBER_PERMS | MANAGE_GUILD | CREATE_PUBLIC_THREADS

ISO = "2026-08-22T12:00:00.000000+00:00"
NEWS_ROLE_JSON = {
    "id": str(NEWS_ROLE),
    "name": "AI news",
    "permissions": "0",
    "position": 2,
    "color": 0,
    "hoist": False,
    "managed": False,
    "mentionable": True,
}


@dataclass
class Request:
    method: str
    path: str  # below /api/v10, e.g. /channels/123/messages
    query: dict[str, str]
    body: Any
    at: float  # time.monotonic()
    status: int = 0
    response: Any = None  # the JSON answered, if any


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    code: int
    message: str
    times: int  # how many matching requests fail; -1: all
    skip: int = 0  # let this many matching requests through first
    commit: bool = False  # do the work, then answer the error (a lost response)
    how: str = "status"  # "status": answer it; "drop": close the connection; "stall": no answer


@dataclass
class Channel:
    id: int
    name: str
    type: int = 0
    parent_id: int | None = None
    messages: list[dict[str, Any]] = field(default_factory=list)


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py decodes a body only when the content type is exactly application/json
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def _user(uid: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(uid),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
    }


class FakeDiscord:
    def __init__(self, *, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.delay = 0.0  # seconds added to every REST answer (latency benchmarks)
        self.identify: dict[str, Any] | None = None
        self.channels: dict[int, Channel] = {
            NEWS_CHANNEL: Channel(NEWS_CHANNEL, "news"),
            SYSTEM_CHANNEL: Channel(SYSTEM_CHANNEL, "general"),
        }
        self.bot_channel_perms: dict[int, int] = {}  # channel -> allowed bits for the bot
        self._ids = itertools.count(1_000_000_000_000_000_000)
        self._nonces: dict[tuple[int, str], tuple[float, dict[str, Any]]] = {}
        self.nonce_window = 300.0  # seconds Discord remembers a nonce ("a few minutes")
        self._unstall = asyncio.Event()
        self._changed = asyncio.Condition()
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self._runner: web.AppRunner | None = None
        self._interactions = itertools.count(1)
        self.files: dict[str, bytes] = {}  # attachments on the CDN, by id
        self.downloads: list[str] = []  # attachment ids fetched from the CDN
        self.crossposted: list[str] = []  # message ids published to following servers

    # lifecycle -------------------------------------------------------------------
    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{id}/{name}", self._cdn)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._unstall.set()
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    def snowflake(self) -> int:
        return next(self._ids)

    def attachment(self, filename: str, data: bytes, size: int | None = None) -> dict[str, Any]:
        """A file a user attached to a command, served by the fake's CDN; pass it as an
        option's value. ``size`` is what Discord reports (the real length by default)."""
        aid = str(self.snowflake())
        self.files[aid] = data
        url = f"http://{self.host}:{self.port}/attachments/{aid}/{filename}"
        return {
            "id": aid,
            "filename": filename,
            "size": len(data) if size is None else size,
            "url": url,
            "proxy_url": url,
            "content_type": "text/x-opml",
        }

    async def _cdn(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["id"])
        self.downloads.append(request.match_info["id"])
        return web.Response(body=data) if data is not None else web.Response(status=404)

    # waiting ---------------------------------------------------------------------
    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(
        self, predicate: Callable[[Request], bool], *, count: int = 1, within: float = 10.0
    ) -> list[Request]:
        """Wait until ``count`` recorded requests match; returns them (in order)."""

        def matched() -> list[Request]:
            return [r for r in self.requests if r.status and predicate(r)]

        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: len(matched()) >= count)
        return matched()

    async def wait_identified(self, within: float = 10.0) -> None:
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: self.identify is not None and self._seq >= 2)

    def find(self, method: str, pattern: str) -> list[Request]:
        rx = re.compile(pattern)
        return [r for r in self.requests if r.method == method and rx.fullmatch(r.path)]

    # faults ----------------------------------------------------------------------
    def fail(
        self,
        method: str,
        pattern: str,
        status: int,
        *,
        code: int = 0,
        message: str = "",
        times: int = 1,
        skip: int = 0,
        commit: bool = False,
        how: str = "status",
    ) -> None:
        """The next ``times`` matching requests (after ``skip``) fail: answered ``status``,
        or (``how``) their connection dropped or left without an answer until the fake
        closes. ``commit``: the request is carried out first (a message is stored)."""
        self.faults.append(
            Fault(
                method,
                re.compile(pattern),
                status,
                code,
                message or f"{status}",
                times,
                skip,
                commit,
                how,
            )
        )

    def forget_nonces(self) -> None:
        """Discord's nonce window has passed for every message sent so far."""
        self._nonces.clear()

    def _fault_for(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.method != method or not fault.pattern.fullmatch(path) or fault.times == 0:
                continue
            if fault.skip > 0:
                fault.skip -= 1
                continue
            if fault.times > 0:
                fault.times -= 1
            return fault
        return None

    # REST ------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
        rec = Request(request.method, path, dict(request.query), body, time.monotonic())
        self.requests.append(rec)
        if self.delay:
            await asyncio.sleep(self.delay)
        fault = self._fault_for(request.method, path)
        if fault is not None and fault.commit:
            await self._answer(request.method, path, body, dict(request.query))
        if fault is not None and fault.how != "status":
            rec.status = -1  # no answer reached the client
            await self._notify()
            if fault.how == "stall":
                await self._unstall.wait()
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        if fault is not None:
            resp: web.StreamResponse = _json(
                {"message": fault.message, "code": fault.code}, status=fault.status
            )
        else:
            resp = await self._answer(request.method, path, body, dict(request.query))
        rec.status = resp.status
        if isinstance(resp, web.Response) and isinstance(resp.body, bytes) and resp.body:
            rec.response = json.loads(resp.body)
        await self._notify()
        return resp

    def _not_found(self, code: int, message: str) -> web.Response:
        return _json({"message": message, "code": code}, status=404)

    async def _answer(
        self, method: str, path: str, body: Any, query: dict[str, str]
    ) -> web.StreamResponse:
        m = re.fullmatch
        if method == "GET" and path == "/users/@me":
            return _json(_user(BOT_ID, "newsbot", bot=True))
        if method == "GET" and path == "/oauth2/applications/@me":
            return _json(self._application())
        if method == "GET" and path in ("/gateway/bot", "/gateway"):
            return _json(
                {
                    "url": self.gateway_url,
                    "shards": 1,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 999,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                }
            )
        if method == "PUT" and (hit := m(r"/applications/(\d+)(?:/guilds/(\d+))?/commands", path)):
            out = []
            for cmd in body or []:
                data = dict(cmd)
                data.update(id=str(self.snowflake()), application_id=hit.group(1), version="1")
                if hit.group(2):
                    data["guild_id"] = hit.group(2)
                out.append(data)
            return _json(out)
        return await self._answer_hooks(method, path, body, query)

    async def _answer_hooks(
        self, method: str, path: str, body: Any, query: dict[str, str]
    ) -> web.StreamResponse:
        """Interaction callbacks and the follow-ups sent through their webhooks."""
        m = re.fullmatch
        if method == "POST" and m(r"/interactions/\d+/[^/]+/callback", path):
            if query.get("with_response") in ("true", "True", "1"):
                return _json(
                    {
                        "interaction": {"id": path.split("/")[2], "type": 2},
                        "resource": {"type": (body or {}).get("type", 5)},
                    }
                )
            return web.Response(status=204)
        if m(r"/webhooks/(\d+)/([^/]+)(?:/messages/(@original|\d+))?", path):
            if method == "DELETE":
                return web.Response(status=204)
            if method in ("POST", "PATCH"):
                # a follow-up lands in the channel the interaction came from
                msg = self._message(NEWS_CHANNEL, body or {}, webhook=True)
                return _json(msg)
            return _json(self._message(NEWS_CHANNEL, {}, webhook=True))
        return await self._answer_channel(method, path, body, query)

    async def _answer_channel(
        self, method: str, path: str, body: Any, query: dict[str, str]
    ) -> web.StreamResponse:
        """Channels: read one, post a message (with Discord's nonce rule), read its history,
        open a thread."""
        m = re.fullmatch
        if hit := m(r"/channels/(\d+)", path):
            channel = self.channels.get(int(hit.group(1)))
            if channel is None:
                return self._not_found(10003, "Unknown Channel")
            return _json(self._channel_json(channel))
        if method == "POST" and (hit := m(r"/channels/(\d+)/messages", path)):
            cid = int(hit.group(1))
            channel = self.channels.get(cid)
            if channel is None:
                return self._not_found(10003, "Unknown Channel")
            need = SEND_IN_THREADS if channel.type == 11 else SEND_MESSAGES | EMBED_LINKS
            perms = self.bot_channel_perms.get(channel.parent_id or cid, BOT_PERMS)
            if perms & need != need:
                return _json({"message": "Missing Permissions", "code": 50013}, status=403)
            nonce = (body or {}).get("nonce")
            seen = self._nonces.get((cid, nonce)) if nonce else None
            enforced = seen and (body or {}).get("enforce_nonce")
            if enforced and time.monotonic() - seen[0] <= self.nonce_window:
                return _json(seen[1])
            msg = self._message(cid, body or {})
            if nonce:
                self._nonces[(cid, nonce)] = (time.monotonic(), msg)
            return _json(msg)
        if method == "GET" and (hit := m(r"/channels/(\d+)/messages", path)):
            channel = self.channels.get(int(hit.group(1)))
            if channel is None:
                return self._not_found(10003, "Unknown Channel")
            limit = min(int(query.get("limit", "50")), 100)
            return _json(list(reversed(channel.messages))[:limit])  # newest first
        if method == "POST" and (hit := m(r"/channels/(\d+)/messages/(\d+)/crosspost", path)):
            return self._crosspost(int(hit.group(1)), hit.group(2))
        if method == "POST" and (hit := m(r"/channels/(\d+)/messages/(\d+)/threads", path)):
            cid, mid = int(hit.group(1)), int(hit.group(2))
            return self._open_thread(cid, mid, body)
        return self._not_found(0, f"fake Discord has no route for {method} {path}")

    def _open_thread(self, cid: int, mid: int, body: Any) -> web.Response:
        """A public thread under message ``mid`` of channel ``cid``."""
        channel = self.channels.get(cid)
        if channel is None:
            return self._not_found(10003, "Unknown Channel")
        if self.bot_channel_perms.get(cid, BOT_PERMS) & CREATE_PUBLIC_THREADS == 0:
            return _json({"message": "Missing Permissions", "code": 50013}, status=403)
        if mid in self.channels:
            return _json(
                {
                    "message": "A thread has already been created for this message",
                    "code": 160004,
                },
                status=400,
            )
        thread = Channel(mid, (body or {}).get("name", ""), type=11, parent_id=cid)
        self.channels[mid] = thread
        return _json(self._channel_json(thread))

    def _application(self) -> dict[str, Any]:
        return {
            "id": str(APP_ID),
            "name": "newsbot",
            "icon": None,
            "description": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": _user(OWNER_ID, "owner"),
            "flags": 0,
        }

    def _crosspost(self, cid: int, mid: str) -> web.Response:
        """Publish a message of an announcement channel to the servers that follow it."""
        channel = self.channels.get(cid)
        if channel is None:
            return self._not_found(10003, "Unknown Channel")
        if channel.type != 5:
            return _json(
                {"message": "Cannot execute action on this channel type", "code": 50024}, 400
            )
        msg = next((x for x in channel.messages if x["id"] == mid), None)
        if msg is None:
            return self._not_found(10008, "Unknown Message")
        if msg["flags"] & 1:  # CROSSPOSTED
            return _json(
                {"message": "This message has already been crossposted.", "code": 40033}, 400
            )
        msg["flags"] |= 1
        self.crossposted.append(mid)
        return _json(msg)

    def _message(self, cid: int, body: dict[str, Any], *, webhook: bool = False) -> dict[str, Any]:
        mid = self.snowflake()
        msg = {
            "id": str(mid),
            "channel_id": str(cid),
            "guild_id": str(GUILD_ID),
            "author": _user(APP_ID if webhook else BOT_ID, "newsbot", bot=True),
            "content": body.get("content", ""),
            "timestamp": ISO,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds", []),
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
            "components": [],
        }
        if webhook:
            msg["webhook_id"] = str(APP_ID)
            msg["application_id"] = str(APP_ID)
        channel = self.channels.get(cid)
        if channel is not None:
            channel.messages.append(msg)
        return msg

    def _channel_json(self, channel: Channel) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(channel.id),
            "type": channel.type,
            "guild_id": str(GUILD_ID),
            "name": channel.name,
            "position": 0,
            "permission_overwrites": self._overwrites(channel.id),
            "nsfw": False,
            "parent_id": str(channel.parent_id) if channel.parent_id else None,
            "rate_limit_per_user": 0,
            "topic": None,
            "last_message_id": None,
        }
        if channel.type == 11:
            data.update(
                owner_id=str(BOT_ID),
                message_count=0,
                member_count=1,
                thread_metadata={
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": ISO,
                    "locked": False,
                },
            )
        return data

    def _overwrites(self, cid: int) -> list[dict[str, Any]]:
        if cid not in self.bot_channel_perms:
            return []
        allowed = self.bot_channel_perms[cid]
        return [
            {
                "id": str(BOT_ROLE),
                "type": 0,
                "allow": str(allowed),
                "deny": str(BOT_PERMS & ~allowed),
            }
        ]

    # gateway ---------------------------------------------------------------------
    def guild_json(self) -> dict[str, Any]:
        return {
            "id": str(GUILD_ID),
            "name": "Test Server",
            "icon": None,
            "owner_id": str(OWNER_ID),
            "region": "",
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [
                {
                    "id": str(EVERYONE_ROLE),
                    "name": "@everyone",
                    "permissions": str(MEMBER_PERMS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                },
                {
                    "id": str(BOT_ROLE),
                    "name": "newsbot",
                    "permissions": str(BOT_PERMS),
                    "position": 1,
                    "color": 0,
                    "hoist": False,
                    "managed": True,
                    "mentionable": False,
                },
                NEWS_ROLE_JSON,
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": str(SYSTEM_CHANNEL),
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "joined_at": ISO,
            "large": False,
            "unavailable": False,
            "member_count": 3,
            "voice_states": [],
            "members": [
                {
                    "user": _user(BOT_ID, "newsbot", bot=True),
                    "roles": [str(BOT_ROLE)],
                    "joined_at": ISO,
                    "deaf": False,
                    "mute": False,
                    "flags": 0,
                }
            ],
            "channels": [self._channel_json(c) for c in self.channels.values() if c.type in (0, 5)],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
        }

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        self._seq = 0
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            data = json.loads(msg.data)
            if data["op"] == 1:
                await ws.send_json({"op": 11})
            elif data["op"] == 2:
                self.identify = data["d"]
                await self.dispatch(
                    "READY",
                    {
                        "v": 10,
                        "user": _user(BOT_ID, "newsbot", bot=True),
                        "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                        "session_id": "fake-session",
                        "resume_gateway_url": self.gateway_url,
                        "application": {"id": str(APP_ID), "flags": 0},
                        "shard": [0, 1],
                    },
                )
                await self.dispatch("GUILD_CREATE", self.guild_json())
        return ws

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None, "the client has not connected to the gateway"
        self._seq += 1
        await self._ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})
        await self._notify()

    async def set_bot_perms(self, channel: int, allowed: int) -> None:
        """Change what the bot may do in a channel (a role overwrite) and tell the client."""
        self.bot_channel_perms[channel] = allowed
        await self.dispatch("CHANNEL_UPDATE", self._channel_json(self.channels[channel]))

    async def delete_channel(self, channel: int, *, tell: bool = True) -> None:
        """Delete a channel; with ``tell`` the client hears CHANNEL_DELETE on the gateway."""
        gone = self.channels.pop(channel)
        if tell:
            await self.dispatch("CHANNEL_DELETE", self._channel_json(gone))

    async def remove_bot(self) -> None:
        """The bot is kicked from the server (GUILD_DELETE without ``unavailable``)."""
        await self.dispatch("GUILD_DELETE", {"id": str(GUILD_ID)})

    # interactions ----------------------------------------------------------------------
    def member(self, uid: int, perms: int) -> dict[str, Any]:
        return {
            "user": _user(uid, f"user{uid % 1000}"),
            "roles": [],
            "joined_at": ISO,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "avatar": None,
            "permissions": str(perms),
        }

    async def interact(
        self,
        itype: int,
        data: dict[str, Any],
        *,
        user: int = ADMIN_ID,
        perms: int = ADMIN_PERMS,
        channel: int = NEWS_CHANNEL,
        message: dict[str, Any] | None = None,
    ) -> tuple[str, str]:
        """Send one INTERACTION_CREATE; returns (interaction id, token)."""
        n = next(self._interactions)
        iid, token = str(self.snowflake()), f"token-{n}"
        payload: dict[str, Any] = {
            "id": iid,
            "application_id": str(APP_ID),
            "type": itype,
            "token": token,
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel),
            "channel": self._channel_json(self.channels[channel]),
            "member": self.member(user, perms),
            "app_permissions": str(BOT_PERMS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": data,
        }
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload)
        return iid, token

    async def command(
        self,
        group: str,
        sub: str | None = None,
        *,
        autocomplete: str | None = None,
        user: int = ADMIN_ID,
        perms: int = ADMIN_PERMS,
        in_channel: int = NEWS_CHANNEL,
        **options: Any,
    ) -> tuple[str, str]:
        """A slash command (``/group sub opt:value``); ``autocomplete`` names the focused option
        and sends an autocomplete interaction instead. Channel options take a channel id."""
        opts: list[dict[str, Any]] = []
        resolved: dict[str, Any] = {}
        for name, value in options.items():
            if isinstance(value, int) and value in self.channels:
                opt = {"name": name, "type": 7, "value": str(value)}
                ch = self._channel_json(self.channels[value])
                ch["permissions"] = str(BOT_PERMS)
                resolved.setdefault("channels", {})[str(value)] = ch
            elif isinstance(value, dict) and "filename" in value:
                opt = {"name": name, "type": 11, "value": value["id"]}
                resolved.setdefault("attachments", {})[value["id"]] = value
            elif value == NEWS_ROLE:
                opt = {"name": name, "type": 8, "value": str(value)}
                resolved.setdefault("roles", {})[str(value)] = dict(NEWS_ROLE_JSON)
            else:
                opt = {"name": name, "type": 3, "value": value}
            if name == autocomplete:
                opt["focused"] = True
            opts.append(opt)
        data: dict[str, Any] = {"id": str(self.snowflake()), "name": group, "type": 1}
        if sub is not None:
            data["options"] = [{"name": sub, "type": 1, "options": opts}]
        else:
            data["options"] = opts
        if resolved:
            data["resolved"] = resolved
        itype = 4 if autocomplete else 2
        return await self.interact(itype, data, user=user, perms=perms, channel=in_channel)

    async def click(
        self, custom_id: str, message: dict[str, Any], *, user: int = ADMIN_ID
    ) -> tuple[str, str]:
        """Press a button on a message the bot sent."""
        data = {"custom_id": custom_id, "component_type": 2}
        return await self.interact(3, data, user=user, message=message)

    # reading what the bot did ----------------------------------------------------------
    def callbacks(self, token: str) -> list[Request]:
        return [
            r for r in self.requests if re.fullmatch(rf"/interactions/\d+/{token}/callback", r.path)
        ]

    def followups(self, token: str) -> list[Request]:
        return [
            r
            for r in self.requests
            if r.method in ("POST", "PATCH")
            and re.fullmatch(rf"/webhooks/\d+/{token}(/.*)?", r.path)
        ]

    def posts(self, channel: int | str) -> list[Request]:
        """Messages the bot posted (and Discord accepted) in a channel or thread."""
        return [r for r in self.find("POST", rf"/channels/{channel}/messages") if r.status == 200]

    def sent_messages(self) -> list[tuple[Request, dict[str, Any]]]:
        """Every message payload the bot sent, however it sent it: channel messages,
        interaction responses and webhook follow-ups (with the payload itself)."""
        out: list[tuple[Request, dict[str, Any]]] = []
        for r in self.requests:
            if not isinstance(r.body, dict):
                continue
            if r.path.endswith("/callback"):
                data = r.body.get("data")
                if r.body.get("type") in (4, 7) and isinstance(data, dict):
                    out.append((r, data))
            elif r.method in ("POST", "PATCH") and (
                re.fullmatch(r"/channels/\d+/messages", r.path) or r.path.startswith("/webhooks/")
            ):
                out.append((r, r.body))
        return out
