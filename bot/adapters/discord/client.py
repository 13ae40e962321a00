"""The Discord client: guilds intent only, the command tree, and the guild events that matter.

No message content intent and no member intent: the bot reads nothing but slash commands.
Being removed from a server, or a daily channel being deleted, turns the daily digests
there off, so the scheduler does not keep posting into the void.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord import rest
from bot.adapters.discord.commands import DigestCommands
from bot.adapters.discord.publisher import DiscordPublisher
from bot.clock import Clock
from bot.config import Settings
from bot.services import Services

log = logging.getLogger("newsbot.discord")


def intents() -> discord.Intents:
    wanted = discord.Intents.none()
    wanted.guilds = True  # servers, channels, threads and our own permissions; nothing else
    return wanted


def shard_options(settings: Settings) -> dict[str, Any]:
    """Which gateway shards this process runs. Unset: all of them, as many as Discord
    recommends. A bot in thousands of servers spread over several processes gives each
    the same ``discord_shard_count`` and its own ``discord_shard_ids``."""
    options: dict[str, Any] = {}
    if settings.discord_shard_count:
        options["shard_count"] = settings.discord_shard_count
        ids = settings.discord_shard_ids or list(range(settings.discord_shard_count))
        options["shard_ids"] = sorted(set(ids))
    return options


class NewsClient(discord.AutoShardedClient):
    """One process, one or more gateway shards (``AutoShardedClient``); every shard's
    guilds share the one command tree and publisher."""

    def __init__(
        self, services: Services, settings: Settings, clock: Clock, **options: Any
    ) -> None:
        options = {**shard_options(settings), **options}
        super().__init__(intents=intents(), allowed_mentions=rest.NO_MENTIONS, **options)
        self.services = services
        self.settings = settings
        self.tree: app_commands.CommandTree[NewsClient] = app_commands.CommandTree(self)
        self.commands = DigestCommands(self, services, settings, clock)
        self.commands.register(self.tree)
        self.publisher = DiscordPublisher(self, services, clock)
        self.synced: list[app_commands.AppCommand] = []

    async def setup_hook(self) -> None:
        """After login, before the gateway: learn the gateway URL, then sync the commands."""
        await rest.use_gateway(self.http)
        dev = self.settings.discord_dev_guild_id
        try:
            if dev:
                guild = discord.Object(id=dev)
                self.tree.copy_global_to(guild=guild)
                self.synced = await self.tree.sync(guild=guild)
                log.info("Discord: %d slash commands synced to server %s", len(self.synced), dev)
            else:
                self.synced = await self.tree.sync()
                log.info(
                    "Discord: %d slash commands synced globally (new ones can take up to an "
                    "hour to show; set DISCORD_DEV_GUILD_ID for instant updates while developing)",
                    len(self.synced),
                )
        except discord.HTTPException as exc:
            # The bot still posts its daily digests without commands; say how to fix it.
            log.error(
                "Discord: could not register the slash commands (%s %s); invite the bot with "
                "the applications.commands scope (see docs/discord.md)",
                exc.status,
                exc.text,
            )

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s to %d servers", self.user, len(self.guilds))

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        n = await self.services.disable_destinations("discord", scope=f"discord:{guild.id}")
        log.warning(
            "Discord: removed from server %s (%s); %d daily digest(s) there turned off",
            guild.id,
            guild.name,
            n,
        )
        # observable end of the handling (``client.wait_for("destinations_off")``)
        self.dispatch("destinations_off", f"discord:{guild.id}", n)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        n = await self.services.disable_destinations("discord", channel_id=str(channel.id))
        if n:
            log.warning(
                "Discord: channel %s (#%s) was deleted; its daily digest is turned off",
                channel.id,
                channel.name,
            )
        self.dispatch("destinations_off", str(channel.id), n)
