"""``/schedule``: when a channel's digest posts (admins only): list, add, remove.

Several schedules per channel: every day, weekdays only, or one day of the week, each
posting the digest since the last post or the week in review. A group of its own with
``default_permissions`` (Manage Server); every answer is ephemeral.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.adapters.discord.shapes import (
    CHOICE_MAX,
    MAX_CHOICES,
    ManagedCommands,
    channel_command,
    managed_group,
    remove_command,
)
from bot.community.pings import discord_ping
from bot.community.schedules import DIGEST, WEEK, Schedule
from bot.errors import NewsbotError
from bot.render.escape import clip

if TYPE_CHECKING:
    from bot.adapters.discord.commands import DigestCommands

DAY_CHOICES = [
    app_commands.Choice(name=n, value=v)
    for n, v in (
        ("every day", "daily"),
        ("weekdays (Monday to Friday)", "weekdays"),
        *((d.capitalize() + "s", d) for d in ("monday", "tuesday", "wednesday", "thursday")),
        *((d.capitalize() + "s", d) for d in ("friday", "saturday", "sunday")),
    )
]
WHAT_CHOICES = [
    app_commands.Choice(name="the digest since the last post", value=DIGEST),
    app_commands.Choice(name="the week in review (last 7 days)", value=WEEK),
]


def schedules_text(rows: list[Schedule], tz: str, ping: str | None = None) -> str:
    """The lines ``/schedule list`` and ``/digest setup`` show (sent with mentions off)."""
    lines = [f"• {s.describe()} ({tz})" for s in rows]
    lines.append(f"• pings {discord_ping(ping)} when a post lands" if ping else "• pings nobody")
    return clip("\n".join(lines), 1800)


class ScheduleCommands(ManagedCommands):
    def _channel(self, interaction: discord.Interaction, channel: Any) -> str:
        return str(channel.id if channel is not None else interaction.channel_id)

    async def _tz(self, channel_id: str) -> str:
        dest = await self.services.daily_for("discord", channel_id)
        return dest.tz if dest else "UTC"

    async def show(self, interaction: discord.Interaction, channel: Any) -> None:
        async def work() -> None:
            where = self._channel(interaction, channel)
            rows = await self.services.schedules_here("discord", where)
            ping = await self.services.ping_here("discord", where)
            text = schedules_text(rows, await self._tz(where), ping)
            await self.h.answer(interaction, f"<#{where}> posts:\n{text}")

        await self._do(interaction, work)

    async def add(
        self, interaction: discord.Interaction, days: str, time: str, what: str, channel: Any
    ) -> None:
        async def work() -> None:
            where = self._channel(interaction, channel)
            added = await self.services.add_schedule("discord", where, days, time, what)
            rows = await self.services.schedules_here("discord", where)
            await self.h.answer(
                interaction,
                f"Added: <#{where}> posts {added.describe()}. Now it posts:\n"
                + schedules_text(rows, await self._tz(where)),
            )

        await self._do(interaction, work)

    async def ping(self, interaction: discord.Interaction, role: Any, channel: Any) -> None:
        async def work() -> None:
            where = self._channel(interaction, channel)
            got = await self.services.set_ping("discord", where, str(role.id) if role else None)
            if got is None:
                await self.h.answer(interaction, f"Posts in <#{where}> ping nobody now.")
                return
            await self.h.answer(
                interaction, f"Posts in <#{where}> ping {discord_ping(got)} when they land."
            )

        await self._do(interaction, work)

    async def remove(self, interaction: discord.Interaction, schedule: str, channel: Any) -> None:
        async def work() -> None:
            if not schedule.strip().isdigit():
                raise NewsbotError(
                    f"{schedule!r} is not one of this channel's schedules",
                    hint="pick one from the list /schedule remove offers",
                )
            where = self._channel(interaction, channel)
            gone = await self.services.remove_schedule("discord", where, int(schedule))
            await self.h.answer(interaction, f"Removed: {gone.describe()}.")

        await self._do(interaction, work)

    async def choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            rows = await self.services.schedules_here("discord", str(interaction.channel_id))
        except NewsbotError:
            return []
        typed = current.strip().lower()
        picks = [s for s in rows if s.id and typed in s.describe().lower()]
        return [
            app_commands.Choice(name=s.describe()[:CHOICE_MAX], value=str(s.id))
            for s in picks[:MAX_CHOICES]
        ]


def build_schedule(h: DigestCommands) -> app_commands.Group:
    s = ScheduleCommands(h)
    group = managed_group("schedule", "When this channel's digest posts (needs Manage Server)")
    channel_help = "The channel (default: this one)"

    async def mine(i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await s.choices(i, current)

    channel_command(group, "list", "When this channel's digest posts", channel_help, s.show)

    @group.command(name="add", description="Post on more days or times, or a week in review")
    @app_commands.describe(
        days="Which days", time="Local time, HH:MM (24-hour)", what="What to post"
    )
    @app_commands.choices(days=DAY_CHOICES, what=WHAT_CHOICES)
    async def add(
        interaction: discord.Interaction,
        days: str,
        time: app_commands.Range[str, 4, 5],
        what: str = DIGEST,
        channel: discord.TextChannel | None = None,
    ) -> None:
        await s.add(interaction, days, time, what, channel)

    @group.command(name="ping", description="Ping a role when this channel's posts land")
    @app_commands.describe(role="The role to ping (leave out to ping nobody)", channel=channel_help)
    async def ping(
        interaction: discord.Interaction,
        role: discord.Role | None = None,
        channel: discord.TextChannel | None = None,
    ) -> None:
        await s.ping(interaction, role, channel)

    remove_command(
        group,
        "Remove one of this channel's schedules",
        ("schedule", "The schedule"),
        channel_help,
        mine,
        s.remove,
    )
    return group
