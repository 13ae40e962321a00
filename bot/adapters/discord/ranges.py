"""``/digest since day:`` and ``/digest days n:``: a digest for a range of days."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.adapters.discord.shapes import TOPIC_HELP, Digest, Topics, day_command
from bot.community.ranges import MAX_DAYS, days_word, since_word


def add_range_commands(group: app_commands.Group, digest: Digest, topics: Topics) -> None:
    """Add the two range subcommands to the ``/digest`` group; ``digest`` posts a window."""

    async def since(interaction: discord.Interaction, day: str, topic: str | None) -> None:
        await digest(interaction, since_word(day), topic)

    day_command(
        group,
        "since",
        f"The AI news from a day until now (up to {MAX_DAYS} days)",
        "The first day, as YYYY-MM-DD (for example 2026-08-01)",
        topics,
        since,
    )

    @group.command(name="days", description=f"The AI news of the last few days (1 to {MAX_DAYS})")
    @app_commands.describe(n="How many days back", topic=TOPIC_HELP)
    @app_commands.autocomplete(topic=topics)
    async def days(
        interaction: discord.Interaction,
        n: app_commands.Range[int, 1, MAX_DAYS],
        topic: str | None = None,
    ) -> None:
        await digest(interaction, days_word(n), topic)
