"""The few REST calls the commands and the publisher share, through discord.py's HTTP client.

Payloads come from ``bot.render.discord`` and are sent as they are (discord.py still handles
rate-limit buckets, 429s and retries of 500s). Mentions are forced off on every send, even if
a payload forgot: feed text must never ping anyone. The one exception is the single role a
channel chose to ping when its daily post lands (``bot/community/pings.py``).
"""

from __future__ import annotations

import hashlib
from typing import Any

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import HTTPClient, Route

from bot.community.pings import discord_mentions

DEFAULT_API_URL = "https://discord.com/api/v10"
NO_MENTIONS = discord.AllowedMentions.none()
THREAD_ARCHIVE_MINUTES = 1440  # a day: the thread stays open while the digest is news

# Discord's JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes)
UNKNOWN_MESSAGE = 10008
THREAD_ALREADY_CREATED = 160004

# What the bot needs in a posting channel, as Discord's settings screens name it.
NEEDED: dict[str, str] = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
    "read_message_history": "Read Message History",
    "create_public_threads": "Create Public Threads",
    "send_messages_in_threads": "Send Messages in Threads",
}
# When the cache cannot tell which permission is missing, the step that failed can.
STEP_NEEDS: dict[str, tuple[str, ...]] = {
    "headline": ("Send Messages", "Embed Links"),
    "thread": ("Create Public Threads",),
    "thread message": ("Send Messages in Threads",),
    "notice": ("Send Messages",),
}


def use_api(base_url: str) -> None:
    """Point discord.py's REST calls (bot and interaction webhooks alike) at ``base_url``.

    discord.py keeps the base on its ``Route`` class, so this is process-wide: one Discord
    connection per process, as the bot runs."""
    Route.BASE = base_url.rstrip("/")


async def use_gateway(http: HTTPClient) -> str:
    """Ask the API which gateway to connect to (``GET /gateway/bot``) and use it.

    discord.py's plain Client otherwise dials the hard-coded production gateway; asking makes
    a proxy or a test double behind NEWSBOT_DISCORD_API_URL serve the websocket too."""
    _shards, url, _limits = await http.get_bot_gateway()
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
    return url


def nonce(*parts: object) -> str:
    """A stable nonce (Discord allows 25 characters) for one part of one post: with
    ``enforce_nonce`` Discord returns the earlier message instead of a duplicate when a retry
    resends a message whose first response was lost."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:25]


def message_body(payload: dict[str, Any], nonce: str | None = None) -> dict[str, Any]:
    """A message as sent: mentions off whatever the payload says, and the nonce enforced."""
    body = dict(payload)
    # nobody, or the one role a daily post pings (never @everyone, users or parsed text)
    body["allowed_mentions"] = discord_mentions(
        (payload.get("allowed_mentions") or {}).get("roles", [None])[0]
    )
    if nonce is not None:
        body["nonce"] = nonce
        body["enforce_nonce"] = True
    return body


async def send(
    http: HTTPClient, channel_id: int | str, payload: dict[str, Any], *, nonce: str | None = None
) -> dict[str, Any]:
    """A message through discord.py (which retries 5xx): for replies and notices, not for
    the parts of a daily post (``sendonce``)."""
    body = message_body(payload, nonce)
    route = Route("POST", "/channels/{channel_id}/messages", channel_id=int(channel_id))
    data: dict[str, Any] = await http.request(route, json=body)
    return data


def _on_message(action: str, channel_id: int | str, message_id: int | str) -> Route:
    """``POST /channels/{channel_id}/messages/{message_id}/<action>``."""
    path = "/channels/{channel_id}/messages/{message_id}/" + action
    return Route("POST", path, channel_id=int(channel_id), message_id=int(message_id))


NEWS_CHANNEL_TYPE = 5  # an announcement channel: other servers can follow it
ALREADY_CROSSPOSTED = 40033


async def crosspost_if_news(http: HTTPClient, channel_id: int | str, message_id: str) -> bool:
    """Publish a message to the servers following its channel, when the channel is an
    announcement channel. Publishing twice (a resumed post) counts as done."""
    channel = await http.get_channel(int(channel_id))
    if channel.get("type") != NEWS_CHANNEL_TYPE:
        return False
    route = _on_message("crosspost", channel_id, message_id)
    try:
        await http.request(route)
    except discord.HTTPException as exc:
        if exc.code != ALREADY_CROSSPOSTED:
            raise
    return True


async def open_thread(
    http: HTTPClient, channel_id: int | str, message_id: int | str, name: str
) -> str:
    """Start a public thread on a message; returns the thread's id.

    A retry after a lost response finds the thread already there (160004); a thread started
    from a message has that message's id, so the retry carries on in it."""
    route = _on_message("threads", channel_id, message_id)
    try:
        data = await http.request(
            route, json={"name": name, "auto_archive_duration": THREAD_ARCHIVE_MINUTES}
        )
    except discord.HTTPException as exc:
        if exc.code == THREAD_ALREADY_CREATED:
            return str(message_id)
        raise
    return str(data["id"])


def missing_in(channel: Any, member: Any) -> list[str]:
    """The needed permissions ``member`` lacks in a cached guild channel (empty if unknown)."""
    if channel is None or member is None or not hasattr(channel, "permissions_for"):
        return []
    perms = channel.permissions_for(member)
    missing = [label for attr, label in NEEDED.items() if not getattr(perms, attr, True)]
    # Discord denies the rest implicitly when these are off; name only what to grant.
    if "View Channel" in missing:
        return ["View Channel"]
    if "Send Messages" in missing and "Embed Links" in missing:
        missing.remove("Embed Links")
    return missing


def and_list(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
