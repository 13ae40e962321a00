"""``/sources list``: sources with their health, a page at a time, with ◀ ▶ buttons."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import discord

from bot.adapters.discord.rest import NO_MENTIONS
from bot.models import Feed
from bot.render.discord import EMBED_COLOR
from bot.render.escape import clip, discord_text
from bot.services import source_health

PAGE_SIZE = 10
VIEW_TIMEOUT_S = 300.0


def _mark(feed: Feed) -> str:
    if not feed.enabled:
        return "⏸️"
    if not feed.healthy:
        return "⚠️"
    return "🕓" if feed.last_success_at is None else "✅"


def source_line(feed: Feed, now: datetime) -> str:
    where = "global" if feed.scope is None else "this server"
    health = source_health(feed, now)
    return (
        f"{_mark(feed)} **{discord_text(clip(feed.name, 80))}** · {where} · "
        f"{feed.entries_count} items\n  {discord_text(clip(health, 200))}"
    )


def pages_of(feeds: Sequence[Feed], now: datetime, title: str) -> list[dict[str, Any]]:
    """Embeds (as dicts), ``PAGE_SIZE`` sources each; one "no sources" page when empty."""
    if not feeds:
        return [
            {
                "title": title,
                "description": "No sources here yet. Add one with /sources add <url>.",
                "color": EMBED_COLOR,
            }
        ]
    chunks = [feeds[i : i + PAGE_SIZE] for i in range(0, len(feeds), PAGE_SIZE)]
    failing = sum(1 for f in feeds if f.enabled and not f.healthy)
    summary = f"{len(feeds)} sources, {failing} failing"
    return [
        {
            "title": title,
            "description": "\n".join(source_line(f, now) for f in chunk),
            "color": EMBED_COLOR,
            "footer": {"text": f"Page {n} of {len(chunks)} · {summary}"},
        }
        for n, chunk in enumerate(chunks, 1)
    ]


class SourcePages(discord.ui.View):
    """Buttons to turn the pages; only the person who asked can turn them."""

    def __init__(
        self, pages: list[dict[str, Any]], owner_id: int, *, timeout: float = VIEW_TIMEOUT_S
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.WebhookMessage | None = None  # set once the page is sent
        self._sync()

    async def on_timeout(self) -> None:
        # buttons that no longer answer should not stay on screen
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None, allowed_mentions=NO_MENTIONS)

    def embed(self) -> discord.Embed:
        return discord.Embed.from_dict(self.pages[self.index])

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "These buttons belong to whoever asked; run /sources list yourself.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._sync()
        await interaction.response.edit_message(embed=self.embed(), view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button[Any]) -> None:
        await self._turn(interaction, +1)
