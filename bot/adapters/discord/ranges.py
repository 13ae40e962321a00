"""``/digest since day:`` and ``/digest days n:``: a digest for a range of days."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import discord
from discord import app_commands

from bot.community.ranges import MAX_DAYS, days_word, since_word

Digest = Callable[[discord.Interaction, str, str | None], Awaitable[None]]
Topics = Callable[[discord.Interaction, str], Coroutine[Any, Any, list[app_commands.Choice[str]]]]


def add_range_commands(group: app_commands.Group, digest: Digest, topics: Topics) -> None:
    """Add the two range subcommands to the ``/digest`` group; ``digest`` posts a window."""
    topic_help = "Only stories about this, e.g. chips, funding, open source"

    @group.command(
        name="since", description=f"The AI news from a day until now (up to {MAX_DAYS} days)"
    )
    @app_commands.describe(
        day="The first day, as YYYY-MM-DD (for example 2026-08-01)", topic=topic_help
    )
    @app_commands.autocomplete(topic=topics)
    async def since(
        interaction: discord.Interaction,
        day: app_commands.Range[str, 10, 10],
        topic: str | None = None,
    ) -> None:
        await digest(interaction, since_word(day), topic)

    @group.command(name="days", description=f"The AI news of the last few days (1 to {MAX_DAYS})")
    @app_commands.describe(n="How many days back", topic=topic_help)
    @app_commands.autocomplete(topic=topics)
    async def days(
        interaction: discord.Interaction,
        n: app_commands.Range[int, 1, MAX_DAYS],
        topic: str | None = None,
    ) -> None:
        await digest(interaction, days_word(n), topic)
