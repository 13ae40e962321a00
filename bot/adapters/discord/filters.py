"""``/filters``: a server's keyword rules and muted sources (admins only).

A group of its own, so ``default_permissions`` (Manage Server) hides it from members in the
command picker; the handlers still check, since a server can override who sees a command.
Every answer is ephemeral.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.adapters.discord.shapes import (
    ManagedCommands,
    channel_command,
    managed_group,
    name_choices,
    remove_command,
)
from bot.community.rules import EXCLUDE, INCLUDE, Filters
from bot.render.escape import clip, discord_text

if TYPE_CHECKING:
    from bot.adapters.discord.commands import DigestCommands


def scope_of(interaction: discord.Interaction) -> str:
    return f"discord:{interaction.guild_id}"


def filters_text(filters: Filters, empty: str = "No filters: every story is shown.") -> str:
    lines = filters.describe(discord_text)
    if not lines:
        return empty
    return clip("\n".join(f"• {line}" for line in lines), 1800)


def muted_note(filters: Filters) -> str:
    """The line ``/sources list`` and ``/digest setup`` add when sources are muted."""
    names = filters.muted_names
    return f"Muted in this server: {', '.join(names)}" if names else ""


class FilterCommands(ManagedCommands):
    async def show(self, interaction: discord.Interaction) -> None:
        async def work() -> None:
            filters = await self.services.server_filters(scope_of(interaction))
            await self.h.answer(interaction, "Filters in this server:\n" + filters_text(filters))

        await self._do(interaction, work)

    async def mute(self, interaction: discord.Interaction, source: str) -> None:
        async def work() -> None:
            rule = await self.services.mute_source(
                scope_of(interaction), source, user=f"discord:{interaction.user.id}"
            )
            await self.h.answer(
                interaction,
                f"Muted {discord_text(rule.value)} in this server: its articles leave every "
                "digest here. Undo with /filters unmute.",
            )

        await self._do(interaction, work)

    async def unmute(self, interaction: discord.Interaction, source: str) -> None:
        async def work() -> None:
            await self.services.unmute_source(scope_of(interaction), source)
            await self.h.answer(interaction, f"{discord_text(source)} is back in this server.")

        await self._do(interaction, work)

    async def add(
        self,
        interaction: discord.Interaction,
        kind: str,
        words: str,
        channel: discord.TextChannel | None,
    ) -> None:
        async def work() -> None:
            rule = await self.services.add_keyword_rule(
                scope_of(interaction),
                kind,
                words,
                str(channel.id) if channel else None,
                user=f"discord:{interaction.user.id}",
            )
            where = f"<#{channel.id}>" if channel else "every channel of this server"
            what = "Only stories about" if kind == INCLUDE else "No more stories about"
            await self.h.answer(
                interaction,
                f'{what} "{discord_text(rule.value)}" in {where}. Undo with /filters remove.',
            )

        await self._do(interaction, work)

    async def remove(
        self, interaction: discord.Interaction, words: str, channel: discord.TextChannel | None
    ) -> None:
        async def work() -> None:
            n = await self.services.remove_keyword_rule(
                scope_of(interaction), words, str(channel.id) if channel else None
            )
            await self.h.answer(interaction, f"Removed {n} rule{'s' if n != 1 else ''}.")

        await self._do(interaction, work)

    async def clear(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None
    ) -> None:
        async def work() -> None:
            n = await self.services.clear_rules(
                scope_of(interaction), str(channel.id) if channel else None
            )
            where = f"<#{channel.id}>" if channel else "this server"
            await self.h.answer(interaction, f"Cleared {n} filters in {where}.")

        await self._do(interaction, work)

    # autocomplete ------------------------------------------------------------------
    async def muted_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        typed = current.strip().lower()
        filters = await self.services.server_filters(scope_of(interaction))
        names = [n for n in filters.muted_names if typed in n.lower()]
        return name_choices(names)

    async def rule_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        typed = current.strip().lower()
        filters = await self.services.server_filters(scope_of(interaction))
        phrases = dict.fromkeys((*filters.includes, *filters.excludes))
        picks = [p for p in phrases if typed in p]
        return name_choices(picks)


WORDS_HELP = "A word or phrase, any case (for example: open source)"
CHANNEL_HELP = "Only in this channel (default: every channel of this server)"
KEYWORD_COMMANDS = (  # /filters <kind>: the rule kind is the command's name
    (INCLUDE, "Show only stories that mention this"),
    (EXCLUDE, "Hide stories that mention this"),
)


def _keyword_command(
    group: app_commands.Group, f: FilterCommands, kind: str, description: str
) -> None:
    @group.command(name=kind, description=description)
    @app_commands.describe(words=WORDS_HELP, channel=CHANNEL_HELP)
    async def keyword(
        interaction: discord.Interaction,
        words: app_commands.Range[str, 1, 100],
        channel: discord.TextChannel | None = None,
    ) -> None:
        await f.add(interaction, kind, words, channel)


def build_filters(h: DigestCommands) -> app_commands.Group:
    f = FilterCommands(h)
    group = managed_group(
        "filters", "Keyword rules and muted sources for this server (needs Manage Server)"
    )

    async def sources(i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await h.source_names(i, current)

    async def muted(i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await f.muted_choices(i, current)

    async def phrases(i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await f.rule_choices(i, current)

    @group.command(name="list", description="The filters set in this server")
    async def list_(interaction: discord.Interaction) -> None:
        await f.show(interaction)

    @group.command(name="mute", description="Hide a source's articles in this server")
    @app_commands.describe(source="The source's name")
    @app_commands.autocomplete(source=sources)
    async def mute(interaction: discord.Interaction, source: str) -> None:
        await f.mute(interaction, source)

    @group.command(name="unmute", description="Show a muted source again")
    @app_commands.describe(source="The muted source's name")
    @app_commands.autocomplete(source=muted)
    async def unmute(interaction: discord.Interaction, source: str) -> None:
        await f.unmute(interaction, source)

    for kind, description in KEYWORD_COMMANDS:
        _keyword_command(group, f, kind, description)

    remove_command(
        group,
        "Remove an include or exclude rule",
        ("words", "The rule's word or phrase"),
        CHANNEL_HELP,
        phrases,
        f.remove,
    )
    channel_command(
        group,
        "clear",
        "Remove every filter (of one channel, or all)",
        "Only this channel's rules (default: every rule and mute)",
        f.clear,
    )

    return group
