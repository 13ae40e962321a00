"""Slash-command shapes that several groups share: a group for Manage Server only, a command
whose one option is the channel, "remove one of these" with an autocompleted choice, and a
digest of one typed day.

discord.py reads a command's options from its callback's parameters, so each shape is a
function that defines the callback once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.adapters.discord.commands import DigestCommands

MAX_CHOICES = 25  # Discord's limit for autocomplete answers
CHOICE_MAX = 100  # Discord's limit for a choice's name and value
TOPIC_HELP = "Only stories about this, e.g. chips, funding, open source"
Topics = Callable[[discord.Interaction, str], Coroutine[Any, Any, list[app_commands.Choice[str]]]]
Digest = Callable[[discord.Interaction, str, str | None], Awaitable[None]]
Channel = discord.TextChannel | None
OnChannel = Callable[[discord.Interaction, Channel], Awaitable[None]]
OnRemove = Callable[[discord.Interaction, str, Channel], Awaitable[None]]


def name_choices(names: Sequence[str]) -> list[app_commands.Choice[str]]:
    """Autocomplete answers that are names (a source, a phrase), cut to Discord's limits."""
    return [
        app_commands.Choice(name=n[:CHOICE_MAX], value=n[:CHOICE_MAX]) for n in names[:MAX_CHOICES]
    ]


class ManagedCommands:
    """The handlers of a Manage-Server group: each checks Manage Server and answers only
    the one who asked."""

    def __init__(self, h: DigestCommands) -> None:
        self.h = h
        self.services = h.services

    async def _do(self, interaction: discord.Interaction, work: Any) -> None:
        await self.h.run(interaction, work, ephemeral=True, manage=True)


def managed_group(name: str, description: str) -> app_commands.Group:
    """A group used in servers only, shown to members with Manage Server only."""
    return app_commands.Group(
        name=name,
        description=description,
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )


def channel_command(
    group: app_commands.Group, name: str, description: str, channel_help: str, run: OnChannel
) -> None:
    """``/<group> <name> [channel]``."""

    @group.command(name=name, description=description)
    @app_commands.describe(channel=channel_help)
    async def command(
        interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        await run(interaction, channel)


def remove_command(
    group: app_commands.Group,
    description: str,
    option: tuple[str, str],
    channel_help: str,
    complete: Topics,
    run: OnRemove,
) -> None:
    """``/<group> remove <option> [channel]``; ``option`` is (its name, its help), and
    ``complete`` offers what there is to remove."""
    name, help_ = option

    @group.command(name="remove", description=description)
    @app_commands.rename(choice=name)
    @app_commands.describe(choice=help_, channel=channel_help)
    @app_commands.autocomplete(choice=complete)
    async def remove(
        interaction: discord.Interaction, choice: str, channel: discord.TextChannel | None = None
    ) -> None:
        await run(interaction, choice, channel)


def day_command(
    group: app_commands.Group,
    name: str,
    description: str,
    day_help: str,
    topics: Topics,
    run: Digest,
) -> None:
    """``/<group> <name> day:YYYY-MM-DD [topic]``; ``run`` gets the day as typed."""

    @group.command(name=name, description=description)
    @app_commands.describe(day=day_help, topic=TOPIC_HELP)
    @app_commands.autocomplete(topic=topics)
    async def command(
        interaction: discord.Interaction,
        day: app_commands.Range[str, 10, 10],
        topic: str | None = None,
    ) -> None:
        await run(interaction, day, topic)
