"""Entry point for ``bot.app.start_adapters``: log in, sync commands, run the gateway.

``await start(services, settings, clock)`` returns once logged in (a bad token fails here,
with a clear error) and leaves the gateway connection running in a task; ``close()`` ends it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

import discord

from bot.adapters.discord import rest
from bot.adapters.discord.client import NewsClient
from bot.adapters.discord.publisher import DiscordPublisher
from bot.clock import Clock
from bot.config import Settings
from bot.errors import ConfigError
from bot.services import Services

log = logging.getLogger("newsbot.discord")

CLOSE_TIMEOUT_S = 10.0


@dataclass
class DiscordAdapter:
    client: NewsClient
    publisher: DiscordPublisher
    task: asyncio.Task[None] | None

    async def close(self) -> None:
        await self.client.close()
        if self.task is not None and not self.task.done():
            done, _ = await asyncio.wait([self.task], timeout=CLOSE_TIMEOUT_S)
            if not done:
                self.task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await self.task


async def start(
    services: Services, settings: Settings, clock: Clock, **client_options: Any
) -> DiscordAdapter:
    token = settings.secret("discord_token")
    if not token:
        raise ConfigError("DISCORD_TOKEN is not set", hint="set it in .env (see docs/discord.md)")
    rest.use_api(settings.discord_api_url)
    client = NewsClient(services, settings, clock, **client_options)
    try:
        await client.login(token)
    except discord.LoginFailure as exc:
        await client.close()
        raise ConfigError(
            "Discord refused the token in DISCORD_TOKEN",
            hint="copy the bot token again from the Developer Portal (Bot → Reset Token)",
        ) from exc
    except BaseException:
        await client.close()
        raise
    task = asyncio.create_task(client.connect(reconnect=True), name="discord-gateway")
    return DiscordAdapter(client=client, publisher=client.publisher, task=task)
