"""Posting a message with one request: no retry of a POST Discord may have carried out.

discord.py's ``HTTPClient.request`` retries every request on 500/502/504/524 and on a reset
connection. For a message that is a duplicate whenever Discord stored it and then failed to
answer, unless the retry comes while Discord still remembers the nonce. So the publisher's
messages go out here: one POST through discord.py's own connection pool, a 429 waited out
(Discord stored nothing then) and a bucket that says "0 left" waited out before the next
post; anything else is raised for the scheduler, whose retry first looks for the message
(``bot.adapters.discord.marker``).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import discord
from discord.http import HTTPClient, Route, json_or_text

from bot.adapters.discord import rest

SEND_TIMEOUT_S = 30.0  # one POST; a stalled one fails and the scheduler's retry looks first
MAX_RATE_WAIT_S = 60.0  # a longer 429 is raised (retryable) instead of waited out
RATE_LIMIT_TRIES = 4


def _error(response: aiohttp.ClientResponse, data: Any) -> discord.HTTPException:
    if response.status == 403:
        return discord.Forbidden(response, data)
    if response.status == 404:
        return discord.NotFound(response, data)
    if response.status >= 500:
        return discord.DiscordServerError(response, data)
    return discord.HTTPException(response, data)


class OnceSender:
    def __init__(self, http: HTTPClient, *, timeout: float = SEND_TIMEOUT_S) -> None:
        self.http = http
        self.timeout = timeout
        self._not_before: dict[int, float] = {}  # channel -> loop time its bucket refills

    def _headers(self) -> dict[str, str]:
        return {
            "User-Agent": self.http.user_agent,
            "Authorization": f"Bot {self.http.token}",
            "Content-Type": "application/json",
        }

    async def send(
        self, channel_id: int | str, payload: dict[str, Any], *, nonce: str | None = None
    ) -> dict[str, Any]:
        channel = int(channel_id)
        url = f"{Route.BASE}/channels/{channel}/messages"
        data = json.dumps(rest.message_body(payload, nonce))
        connector = self.http.connector if self.http.connector else None
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with aiohttp.ClientSession(
            connector=connector, connector_owner=connector is None, timeout=timeout
        ) as session:
            for _ in range(RATE_LIMIT_TRIES):
                await self._wait_bucket(channel)
                async with session.post(
                    url,
                    data=data,
                    headers=self._headers(),
                    proxy=self.http.proxy,
                    proxy_auth=self.http.proxy_auth,
                ) as response:
                    body = await json_or_text(response)
                    self._note_bucket(channel, response.headers)
                    if 200 <= response.status < 300 and isinstance(body, dict):
                        return body
                    wait = _retry_after(response.status, body)
                    if wait is None:
                        raise _error(response, body)
                await asyncio.sleep(wait)
        raise _error(response, body)

    async def _wait_bucket(self, channel: int) -> None:
        loop = asyncio.get_running_loop()
        wait = self._not_before.pop(channel, 0.0) - loop.time()
        if wait > 0:
            await asyncio.sleep(min(wait, MAX_RATE_WAIT_S))

    def _note_bucket(self, channel: int, headers: Any) -> None:
        if headers.get("X-RateLimit-Remaining") != "0":
            return
        try:
            reset_after = float(headers.get("X-RateLimit-Reset-After", "0"))
        except ValueError:
            return
        self._not_before[channel] = asyncio.get_running_loop().time() + reset_after


def _retry_after(status: int, body: Any) -> float | None:
    """Seconds to wait before sending again after a 429 (nothing was stored), else None."""
    if status != 429 or not isinstance(body, dict):
        return None  # a 429 without JSON is Cloudflare's ban: not to be hammered
    try:
        wait = float(body.get("retry_after", 0))
    except (TypeError, ValueError):
        return None
    return wait if 0 <= wait <= MAX_RATE_WAIT_S else None
