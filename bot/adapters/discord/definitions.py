"""The Discord command definitions: names, descriptions, options, choices and autocomplete.

Each command calls one handler of ``DigestCommands`` (commands.py), which does the work.
"""

from __future__ import annotations

import zoneinfo
from functools import cache
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.adapters.discord.filters import build_filters
from bot.adapters.discord.opml import import_attachment
from bot.adapters.discord.ranges import add_range_commands
from bot.adapters.discord.schedules import build_schedule
from bot.adapters.discord.search import build_search
from bot.adapters.discord.shapes import (
    CHOICE_MAX,
    MAX_CHOICES,
    TOPIC_HELP,
    Topics,
    channel_command,
    day_command,
)
from bot.digest.rank import TOPIC_SYNONYMS

if TYPE_CHECKING:
    from bot.adapters.discord.commands import DigestCommands

WINDOWS = (  # /digest <window>: the named ones
    ("today", "The last 24 hours of AI news"),
    ("yesterday", "Yesterday's AI news (your local day)"),
    ("week", "The last 7 days of AI news"),
)


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def zone_choices(current: str) -> list[app_commands.Choice[str]]:
    """Time zones matching what was typed: prefix matches first, then anywhere."""
    typed = current.strip().lower().replace(" ", "_")
    zones = _zones()
    if not typed:
        picks = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago"]
        picks += ["America/Los_Angeles", "Asia/Tokyo"]
    else:
        starts = [z for z in zones if z.lower().startswith(typed)]
        parts = [z for z in zones if typed in z.lower() and z not in starts]
        picks = starts + parts
    return [app_commands.Choice(name=z, value=z) for z in picks[:MAX_CHOICES]]


def topic_choices(current: str) -> list[app_commands.Choice[str]]:
    typed = current.strip().lower()
    names = [t for t in TOPIC_SYNONYMS if typed in t]
    out = [app_commands.Choice(name=t, value=t) for t in names]
    if typed and typed not in names:  # any word is a topic; offer what was typed as well
        out.insert(
            0,
            app_commands.Choice(
                name=current.strip()[:CHOICE_MAX], value=current.strip()[:CHOICE_MAX]
            ),
        )
    return out[:MAX_CHOICES]


def build_commands(
    h: DigestCommands,
) -> list[app_commands.Group | app_commands.Command[Any, Any, Any]]:
    """Every slash command the bot registers."""
    return [
        _digest_group(h),
        _sources_group(h),
        _why_command(h),
        build_filters(h),
        build_search(h),
        build_schedule(h),
    ]


def _window_command(
    group: app_commands.Group, h: DigestCommands, topics: Topics, when: str, description: str
) -> None:
    """``/digest <when> [topic]`` for a named window."""

    @group.command(name=when, description=description)
    @app_commands.describe(topic=TOPIC_HELP)
    @app_commands.autocomplete(topic=topics)
    async def window(interaction: discord.Interaction, topic: str | None = None) -> None:
        await h.digest(interaction, when, topic)


def _digest_group(h: DigestCommands) -> app_commands.Group:
    digest = app_commands.Group(
        name="digest",
        description="The AI news digest: a day's stories, or the daily post",
        guild_only=True,
    )

    async def topics(_i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return topic_choices(current)

    async def zones(_i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return zone_choices(current)

    for when, description in WINDOWS:
        _window_command(digest, h, topics, when, description)

    day_command(
        digest,
        "date",
        "The AI news of one day",
        "The day, as YYYY-MM-DD (for example 2026-08-21)",
        topics,
        h.digest,
    )

    add_range_commands(digest, h.digest, topics)

    @digest.command(name="setup", description="Post the digest every day (needs Manage Server)")
    @app_commands.describe(
        channel="Where the daily digest goes",
        time="Local time of day, 24-hour HH:MM (for example 08:30)",
        timezone="Your time zone, e.g. Europe/Berlin or America/New_York",
        topic="Only stories about this (optional)",
    )
    @app_commands.autocomplete(timezone=zones, topic=topics)
    async def setup(
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: app_commands.Range[str, 3, 5],
        timezone: str,
        topic: str | None = None,
    ) -> None:
        await h.setup(interaction, channel, time, timezone, topic)

    channel_command(
        digest,
        "stop",
        "Stop the daily digest (needs Manage Server)",
        "Only this channel (default: every channel of this server)",
        h.stop,
    )

    @digest.command(name="now", description="Post the daily digest right now (needs Manage Server)")
    async def now(interaction: discord.Interaction) -> None:
        await h.now(interaction)

    return digest


def _sources_group(h: DigestCommands) -> app_commands.Group:
    sources = app_commands.Group(
        name="sources", description="The news sources this server reads", guild_only=True
    )

    @sources.command(name="list", description="The sources, and whether each one is working")
    @app_commands.describe(show="Which sources to list")
    @app_commands.choices(
        show=[
            app_commands.Choice(name="all", value="all"),
            app_commands.Choice(name="failing only", value="failing"),
            app_commands.Choice(name="this server's own", value="own"),
        ]
    )
    async def list_(interaction: discord.Interaction, show: str = "all") -> None:
        await h.sources_list(interaction, show)

    @sources.command(
        name="add", description="Add a feed (checked and previewed first; Manage Server)"
    )
    @app_commands.describe(
        url="The RSS or Atom feed address", name="A short name (default: the feed's title)"
    )
    async def add(
        interaction: discord.Interaction,
        url: app_commands.Range[str, 8, 2000],
        name: app_commands.Range[str, 1, 120] | None = None,
    ) -> None:
        await h.sources_add(interaction, url, name)

    @sources.command(
        name="import", description="Add the feeds of an OPML file (needs Manage Server)"
    )
    @app_commands.describe(file="An OPML file exported from a feed reader (.opml or .xml)")
    async def import_(interaction: discord.Interaction, file: discord.Attachment) -> None:
        await import_attachment(h, interaction, file)

    @sources.command(name="remove", description="Stop reading a source (needs Manage Server)")
    @app_commands.describe(name="The source's name")
    async def remove(interaction: discord.Interaction, name: str) -> None:
        await h.sources_remove(interaction, name)

    @remove.autocomplete("name")
    async def remove_names(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await h.source_names(interaction, current)

    return sources


def _why_command(h: DigestCommands) -> app_commands.Command[Any, Any, Any]:
    @app_commands.command(
        name="why", description="What happened to an article: seen, merged, filtered?"
    )
    @app_commands.describe(url="The article's address")
    @app_commands.guild_only()
    async def why(interaction: discord.Interaction, url: app_commands.Range[str, 8, 2000]) -> None:
        await h.why(interaction, url)

    return why
