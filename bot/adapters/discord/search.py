"""``/search words [page]``: stored articles matching words, five to an ephemeral embed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.adapters.discord.filters import scope_of
from bot.community.search import MAX_PAGE, SearchPage, result_lines
from bot.render.discord import EMBED_COLOR, EMBED_TITLE_MAX
from bot.render.escape import clip, discord_link, discord_plain, discord_text

if TYPE_CHECKING:
    from bot.adapters.discord.commands import DigestCommands

PER_PAGE = 5  # five links with their titles stay far inside an embed's 4,096 characters


def search_embed(page: SearchPage) -> dict[str, Any]:
    lines = result_lines(
        page,
        lambda a: (
            f"{discord_link(a.title, a.url)}\n  {discord_text(a.feed_name)} · "
            f"{a.published_at:%b %d, %Y}"
        ),
    )
    more = f" · next: page:{page.page + 1}" if page.page < page.pages else ""
    return {
        "title": clip(discord_plain(f"Search: {page.words}"), EMBED_TITLE_MAX),
        "description": clip("\n".join(lines), 4000),
        "color": EMBED_COLOR,
        "footer": {"text": f"{page.found} · page {page.page} of {page.pages}{more}"},
    }


def build_search(h: DigestCommands) -> app_commands.Command[Any, Any, Any]:
    @app_commands.command(name="search", description="Find stored AI news by words")
    @app_commands.describe(words="Words to look for (all of them, any case)", page="Which page")
    @app_commands.guild_only()
    async def search(
        interaction: discord.Interaction,
        words: app_commands.Range[str, 1, 200],
        page: app_commands.Range[int, 1, MAX_PAGE] = 1,
    ) -> None:
        async def work() -> None:
            found = await h.services.search(
                words,
                scope_of(interaction),
                page=page,
                per_page=PER_PAGE,
                channel=str(interaction.channel_id or ""),
            )
            await h.answer(interaction, "", embed=search_embed(found))

        await h.run(interaction, work, ephemeral=True)

    return search
