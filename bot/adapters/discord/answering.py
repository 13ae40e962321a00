"""How every Discord command answers: refuse or defer at once, then do the work; an error
ends as one ephemeral sentence (the error's text and its hint), a bug as an apology with the
details in the log. ``DigestCommands`` (commands.py) and the other handlers build on it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord import rest
from bot.clock import Clock
from bot.config import Settings
from bot.errors import NewsbotError
from bot.render.escape import discord_plain
from bot.services import Services

log = logging.getLogger("newsbot.discord")

REFUSAL = "You need the Manage Server permission for that; ask a server admin to do it."
OOPS = "Something went wrong on my side, sorry; the details are in the bot's log."


def error_text(exc: NewsbotError) -> str:
    """``str(err)`` and its hint as one sentence, with any mention in it made inert."""
    text = str(exc).strip().rstrip(".")
    text = text[:1].upper() + text[1:]
    hint = (exc.hint or "").strip().rstrip(".")
    return discord_plain(f"{text}; {hint}." if hint else f"{text}.")


def can_manage(interaction: discord.Interaction) -> bool:
    perms = interaction.permissions  # computed by Discord for this member in this channel
    return bool(perms.manage_guild or perms.administrator)


class Answering:
    """The plumbing the handlers share, with what they need."""

    def __init__(
        self, client: discord.Client, services: Services, settings: Settings, clock: Clock
    ) -> None:
        self.client = client
        self.services = services
        self.settings = settings
        self.clock = clock

    # plumbing ----------------------------------------------------------------------
    async def run(
        self,
        interaction: discord.Interaction,
        work: Callable[[], Awaitable[None]],
        *,
        ephemeral: bool,
        manage: bool = False,
        precheck: Callable[[], object] | None = None,
    ) -> None:
        """Refuse or defer at once, then do ``work``; errors end as one ephemeral sentence."""
        try:
            await self._run(
                interaction, work, ephemeral=ephemeral, manage=manage, precheck=precheck
            )
        finally:
            # observable end of a command (``client.wait_for("command_done")``): benchmarks
            # and tests wait on it instead of guessing how many messages an answer has
            self.client.dispatch("command_done", interaction)

    async def _run(
        self,
        interaction: discord.Interaction,
        work: Callable[[], Awaitable[None]],
        *,
        ephemeral: bool,
        manage: bool,
        precheck: Callable[[], object] | None,
    ) -> None:
        if manage and not can_manage(interaction):
            await self.say(interaction, REFUSAL)
            return
        if precheck is not None:
            try:
                precheck()
            except NewsbotError as exc:
                await self.say(interaction, error_text(exc))
                return
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        interaction.extras["public"] = not ephemeral
        try:
            await work()
        except NewsbotError as exc:
            log.info("/%s: %s", _name(interaction), exc)
            await self.say(interaction, error_text(exc))
        except discord.Forbidden as exc:
            log.warning("/%s: Discord refused: %s", _name(interaction), exc.text)
            await self.say(
                interaction,
                "Discord refused me here: I need "
                f"{rest.and_list(self.missing_here(interaction) or ['Send Messages'])} "
                "in this channel.",
            )
        except Exception:
            log.exception("/%s failed", _name(interaction))
            await self.say(interaction, OOPS)

    async def say(self, interaction: discord.Interaction, text: str) -> None:
        """An ephemeral sentence: the first response, or after a deferral a follow-up (a public
        "thinking..." placeholder is removed first so the error stays private)."""
        if not interaction.response.is_done():
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=rest.NO_MENTIONS
            )
            return
        if interaction.extras.get("public"):
            interaction.extras["public"] = False
            try:
                await interaction.delete_original_response()
            except discord.HTTPException as exc:
                log.debug("could not remove the placeholder: %s", exc)
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=rest.NO_MENTIONS)

    async def answer(
        self, interaction: discord.Interaction, text: str, *, embed: dict[str, Any] | None = None
    ) -> None:
        await interaction.followup.send(
            text,
            embed=discord.Embed.from_dict(embed) if embed else discord.utils.MISSING,
            allowed_mentions=rest.NO_MENTIONS,
        )

    def missing_here(self, interaction: discord.Interaction) -> list[str]:
        guild = interaction.guild
        return rest.missing_in(interaction.channel, guild.me if guild is not None else None)

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """What escapes a handler: bad option values and bugs. Still one ephemeral sentence."""
        if isinstance(error, app_commands.TransformerError):
            text = discord_plain(f"I can't use {error.value!r} there; pick one from the list.")
        else:
            log.error("/%s failed", _name(interaction), exc_info=error)
            text = OOPS
        try:
            await self.say(interaction, text)
        except discord.HTTPException as exc:
            log.warning("could not tell the user about the error: %s", exc)


def _name(interaction: discord.Interaction) -> str:
    command = interaction.command
    return command.qualified_name if command is not None else "?"
