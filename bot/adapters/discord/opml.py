"""``/sources import file:<attachment>``: an admin attaches an OPML file (Manage Server).

The file's size and name are checked before it is downloaded (from Discord's CDN, through
discord.py's own HTTP session); the feeds become this server's own sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.adapters.discord.filters import scope_of
from bot.community.opml_import import check_opml_file, import_report
from bot.render.escape import clip, discord_text

if TYPE_CHECKING:
    from bot.adapters.discord.commands import DigestCommands


async def import_attachment(
    h: DigestCommands, interaction: discord.Interaction, file: discord.Attachment
) -> None:
    def precheck() -> None:  # refused at once, before anything is fetched
        check_opml_file(file.filename, file.size)

    async def work() -> None:
        data = await file.read()
        added, skipped = await h.services.import_opml(
            data, scope_of(interaction), f"discord:{interaction.user.id}"
        )
        await h.answer(interaction, clip(import_report(added, skipped, discord_text), 1900))

    await h.run(interaction, work, ephemeral=True, manage=True, precheck=precheck)
