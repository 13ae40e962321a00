"""The handlers of ``/digest``, ``/sources`` and ``/why`` (their definitions: definitions.py;
the answering plumbing they share: answering.py).

Every command answers Discord within its 3-second rule by deferring first; the work
(database, digest build, feed fetch) happens after, and the answer is a follow-up. Checks that
need no I/O (Manage Server, a malformed date, time or zone) answer at once instead, ephemeral.

``/digest today|yesterday|week|date`` answer in public with the headline message and open a
thread under it for the per-story details. Management and lookups answer ephemerally.
Refusals and errors are ephemeral and one sentence: the error's text and its hint.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord import rest
from bot.adapters.discord.answering import Answering, can_manage
from bot.adapters.discord.definitions import build_commands
from bot.adapters.discord.filters import filters_text, muted_note, scope_of
from bot.adapters.discord.pages import VIEW_TIMEOUT_S, SourcePages, pages_of
from bot.adapters.discord.schedules import schedules_text
from bot.adapters.discord.shapes import name_choices
from bot.clock import Clock
from bot.config import Settings
from bot.daily import Outcome
from bot.errors import NewsbotError
from bot.feeds.urls import shown_url
from bot.models import DestinationSpec
from bot.render.discord import (
    CONTENT_MAX,
    EMBED_COLOR,
    EMBED_FOOTER_MAX,
    EMBED_TITLE_MAX,
    DiscordPost,
    render_discord,
)
from bot.render.escape import clip, discord_link, discord_plain, discord_text
from bot.services import Services, validate_time, validate_tz

log = logging.getLogger("newsbot.discord")
NEWS_NOTE = (
    "It is an announcement channel: each digest's headline is also published to the "
    "servers that follow it.\n"
)

WHY_MAX = CONTENT_MAX - 100  # the /why answer: a message, with room to spare
THREAD_TYPES = (discord.ChannelType.public_thread, discord.ChannelType.private_thread)
NOW_ANSWERS = {  # /digest now; any other outcome answers with the ledger's last error
    Outcome.POSTED: "Posted the digest since the last post to the daily channel.",
    Outcome.ALREADY: "That digest is already being posted.",
    Outcome.SKIPPED: "Nothing new since the last post, so nothing was posted.",
}


class DigestCommands(Answering):
    """The handlers; ``register`` adds them to a ``CommandTree``."""

    def __init__(
        self, client: discord.Client, services: Services, settings: Settings, clock: Clock
    ) -> None:
        super().__init__(client, services, settings, clock)
        # how long /sources list buttons answer before they are taken off the message
        self.pages_timeout = VIEW_TIMEOUT_S

    async def zone_for(self, interaction: discord.Interaction) -> str:
        """The channel's daily-post zone, else the server's, else the bot's default."""
        here = await self.services.destinations("discord", scope_of(interaction))
        for dest in here:
            if dest.channel_id == str(interaction.channel_id):
                return dest.tz
        return here[0].tz if here else self.settings.timezone

    # /digest <window> ------------------------------------------------------------
    async def digest(self, interaction: discord.Interaction, when: str, topic: str | None) -> None:
        async def work() -> None:
            tz = await self.zone_for(interaction)
            built = await self.services.digest_for(
                when, tz, topic, scope_of(interaction), channel=str(interaction.channel_id)
            )
            await self.post_digest(interaction, render_discord(built))

        def precheck() -> None:
            self.services.window(when, self.settings.timezone)
            if not can_manage(interaction):  # admins are not rate-limited
                self.services.public_digest_allowed(
                    "discord", str(interaction.user.id), str(interaction.channel_id)
                )

        await self.run(interaction, work, ephemeral=False, precheck=precheck)

    async def post_digest(self, interaction: discord.Interaction, post: DiscordPost) -> None:
        headline = post.headline
        message = await interaction.followup.send(
            embeds=[discord.Embed.from_dict(e) for e in headline["embeds"]],
            allowed_mentions=rest.NO_MENTIONS,
            wait=True,
        )
        # The headline now is the public answer: a later error must not take it down.
        interaction.extras["public"] = False
        channel = interaction.channel
        if getattr(channel, "type", None) in THREAD_TYPES:
            # already in a thread: no thread in a thread, the details follow in place
            for part in post.thread_messages:
                await interaction.followup.send(part["content"], allowed_mentions=rest.NO_MENTIONS)
            return
        http = self.client.http
        try:
            thread = await rest.open_thread(
                http, interaction.channel_id or 0, message.id, post.thread_name
            )
        except discord.Forbidden:
            await interaction.followup.send(
                "I couldn't open a thread for the details: I need the Create Public Threads "
                "permission in this channel.",
                ephemeral=True,
                allowed_mentions=rest.NO_MENTIONS,
            )
            return
        for part in post.thread_messages:
            await rest.send(http, thread, part)

    # /digest setup | stop | now -------------------------------------------------
    async def setup(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        time: str,
        timezone: str,
        topic: str | None,
    ) -> None:
        def precheck() -> None:
            validate_time(time)
            validate_tz(timezone)

        async def work() -> None:
            guild = interaction.guild
            missing = rest.missing_in(channel, guild.me if guild else None)
            if missing:
                raise NewsbotError(
                    f"I can't post in #{channel.name}: I am missing {rest.and_list(missing)} there",
                    hint="grant it in the channel's permissions, then run this again",
                )
            dest = await self.services.setup_daily(
                DestinationSpec(
                    "discord",
                    str(channel.id),
                    scope_of(interaction),
                    time,
                    timezone,
                    topic,
                    created_by=f"discord:{interaction.user.id}",
                )
            )
            about = f" about {discord_text(dest.topic)}" if dest.topic else ""
            filters = await self.services.filters_here(dest.scope, dest.channel_id)
            rows = await self.services.schedules_here("discord", dest.channel_id)
            ping = await self.services.ping_here("discord", dest.channel_id)
            await self.answer(
                interaction,
                f"Done: the daily digest{about} goes to <#{dest.channel_id}> at "
                f"{dest.post_time} ({dest.tz}). Stop it with /digest stop.\n"
                + (NEWS_NOTE if channel.is_news() else "")
                + filters_text(filters, "No filters here; add some with /filters.")
                + "\nSchedules (change them with /schedule):\n"
                + schedules_text(rows, dest.tz, ping),
            )

        await self.run(interaction, work, ephemeral=True, manage=True, precheck=precheck)

    async def stop(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None
    ) -> None:
        async def work() -> None:
            scope = scope_of(interaction)
            if channel is not None:
                ids = [str(channel.id)]
            else:
                ids = [d.channel_id for d in await self.services.destinations("discord", scope)]
            if not ids:
                raise NewsbotError(
                    "there is no daily digest set up in this server",
                    hint="set one up with /digest setup <channel> <time> <timezone>",
                )
            for channel_id in ids:
                await self.services.stop_daily("discord", channel_id, scope)
            where = ", ".join(f"<#{c}>" for c in ids)
            await self.answer(interaction, f"Stopped the daily digest in {where}.")

        await self.run(interaction, work, ephemeral=True, manage=True)

    async def now(self, interaction: discord.Interaction) -> None:
        async def work() -> None:
            scope = scope_of(interaction)
            outcome = await self.services.post_now("discord", scope=scope)
            text = NOW_ANSWERS.get(outcome)
            if text is None:
                error = await self.services.last_post_error("discord", scope)
                text = f"The post did not go out: {discord_plain(error) if error else outcome}."
            await self.answer(interaction, text)

        await self.run(interaction, work, ephemeral=True, manage=True)

    # /sources ----------------------------------------------------------------------
    async def sources_list(self, interaction: discord.Interaction, show: str) -> None:
        async def work() -> None:
            feeds = await self.services.list_sources(scope_of(interaction))
            if show == "failing":
                feeds = [f for f in feeds if f.enabled and not f.healthy]
            elif show == "own":
                feeds = [f for f in feeds if f.scope is not None]
            title = {"failing": "Failing sources", "own": "This server's sources"}.get(
                show, "Sources"
            )
            pages = pages_of(feeds, self.clock.now(), title)
            muted = muted_note(await self.services.server_filters(scope_of(interaction)))
            if muted:
                pages[0]["description"] += "\n\n" + clip(discord_text(muted), 500)
            if len(pages) == 1:
                await interaction.followup.send(
                    embed=discord.Embed.from_dict(pages[0]), allowed_mentions=rest.NO_MENTIONS
                )
                return
            view = SourcePages(pages, interaction.user.id, timeout=self.pages_timeout)
            view.message = await interaction.followup.send(
                embed=view.embed(), view=view, allowed_mentions=rest.NO_MENTIONS, wait=True
            )

        await self.run(interaction, work, ephemeral=True)

    async def sources_add(
        self, interaction: discord.Interaction, url: str, name: str | None
    ) -> None:
        async def work() -> None:
            feed, newest = await self.services.add_source(
                url, name, scope_of(interaction), user=f"discord:{interaction.user.id}"
            )
            lines = [f"- {discord_link(a.title, a.url)}" for a in newest]
            embed = {
                "title": clip(discord_plain(f"Added: {feed.name}"), EMBED_TITLE_MAX),
                "description": "\n".join(["Its newest items:", *lines])
                if lines
                else "The feed is valid but has no items yet.",
                "color": EMBED_COLOR,
                "footer": {"text": clip(discord_plain(shown_url(feed.url)), EMBED_FOOTER_MAX)},
            }
            await self.answer(
                interaction, "Saved. It is polled with the others from now on.", embed=embed
            )

        await self.run(interaction, work, ephemeral=True, manage=True)

    async def sources_remove(self, interaction: discord.Interaction, name: str) -> None:
        async def work() -> None:
            feed = await self.services.remove_source(name, scope_of(interaction))
            await self.answer(
                interaction, f"Removed {discord_text(feed.name)}; it is no longer polled here."
            )

        await self.run(interaction, work, ephemeral=True, manage=True)

    async def source_names(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        typed = current.strip().lower()
        feeds = await self.services.list_sources(scope_of(interaction))
        # the server's own first: only those can be removed from chat
        feeds.sort(key=lambda f: (f.scope is None, f.name.lower()))
        names = [f.name for f in feeds if typed in f.name.lower()]
        return name_choices(names)

    # /why ----------------------------------------------------------------------------
    async def why(self, interaction: discord.Interaction, url: str) -> None:
        async def work() -> None:
            report = await self.services.why(url, scope_of(interaction))
            await self.answer(interaction, clip(discord_text(report.message), WHY_MAX))

        await self.run(interaction, work, ephemeral=True)

    # registration --------------------------------------------------------------------
    def register(self, tree: app_commands.CommandTree[Any]) -> None:
        for command in build_commands(self):
            tree.add_command(command)
        tree.on_error = self.on_error  # type: ignore[method-assign]
