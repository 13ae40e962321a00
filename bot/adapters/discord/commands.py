"""Slash commands: ``/digest`` and ``/sources`` groups, and ``/why``.

Every command answers Discord within its 3-second rule by deferring first; the work
(database, digest build, feed fetch) happens after, and the answer is a follow-up. Checks that
need no I/O (Manage Server, a malformed date, time or zone) answer at once instead, ephemeral.

``/digest today|yesterday|week|date`` answer in public with the headline message and open a
thread under it for the per-story details. Management and lookups answer ephemerally.
Refusals and errors are ephemeral and one sentence: the error's text and its hint.
"""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord import rest
from bot.adapters.discord.filters import build_filters, filters_text, muted_note, scope_of
from bot.adapters.discord.pages import VIEW_TIMEOUT_S, SourcePages, pages_of
from bot.adapters.discord.ranges import add_range_commands
from bot.adapters.discord.search import build_search
from bot.clock import Clock
from bot.config import Settings
from bot.daily import Outcome
from bot.digest.rank import TOPIC_SYNONYMS
from bot.errors import NewsbotError
from bot.feeds.urls import shown_url
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

MAX_CHOICES = 25  # Discord's limit for autocomplete answers
WHY_MAX = CONTENT_MAX - 100  # the /why answer: a message, with room to spare
REFUSAL = "You need the Manage Server permission for that; ask a server admin to do it."
OOPS = "Something went wrong on my side, sorry; the details are in the bot's log."
THREAD_TYPES = (discord.ChannelType.public_thread, discord.ChannelType.private_thread)
NOW_ANSWERS = {  # /digest now; any other outcome answers with the ledger's last error
    Outcome.POSTED: "Posted the digest since the last post to the daily channel.",
    Outcome.ALREADY: "That digest is already being posted.",
    Outcome.SKIPPED: "Nothing new since the last post, so nothing was posted.",
}


def error_text(exc: NewsbotError) -> str:
    """``str(err)`` and its hint as one sentence, with any mention in it made inert."""
    text = str(exc).strip().rstrip(".")
    text = text[:1].upper() + text[1:]
    hint = (exc.hint or "").strip().rstrip(".")
    return discord_plain(f"{text}; {hint}." if hint else f"{text}.")


def can_manage(interaction: discord.Interaction) -> bool:
    perms = interaction.permissions  # computed by Discord for this member in this channel
    return bool(perms.manage_guild or perms.administrator)


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
        out.insert(0, app_commands.Choice(name=current.strip()[:100], value=current.strip()[:100]))
    return out[:MAX_CHOICES]


class DigestCommands:
    """The handlers, with what they need; ``register`` adds them to a ``CommandTree``."""

    def __init__(
        self, client: discord.Client, services: Services, settings: Settings, clock: Clock
    ) -> None:
        self.client = client
        self.services = services
        self.settings = settings
        self.clock = clock
        # how long /sources list buttons answer before they are taken off the message
        self.pages_timeout = VIEW_TIMEOUT_S

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
                "discord",
                str(channel.id),
                scope_of(interaction),
                time,
                timezone,
                topic,
                user=f"discord:{interaction.user.id}",
            )
            about = f" about {discord_text(dest.topic)}" if dest.topic else ""
            filters = await self.services.filters_here(dest.scope, dest.channel_id)
            await self.answer(
                interaction,
                f"Done: the daily digest{about} goes to <#{dest.channel_id}> at "
                f"{dest.post_time} ({dest.tz}). Stop it with /digest stop.\n"
                + filters_text(filters, "No filters here; add some with /filters."),
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
        return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names[:MAX_CHOICES]]

    # /why ----------------------------------------------------------------------------
    async def why(self, interaction: discord.Interaction, url: str) -> None:
        async def work() -> None:
            report = await self.services.why(url, scope_of(interaction))
            await self.answer(interaction, clip(discord_text(report.message), WHY_MAX))

        await self.run(interaction, work, ephemeral=True)

    # registration --------------------------------------------------------------------
    def register(self, tree: app_commands.CommandTree[Any]) -> None:
        for command in [*build_commands(self), build_filters(self), build_search(self)]:
            tree.add_command(command)
        tree.on_error = self.on_error  # type: ignore[method-assign]

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


def build_commands(
    h: DigestCommands,
) -> list[app_commands.Group | app_commands.Command[Any, Any, Any]]:
    """The command definitions: names, descriptions, options, choices and autocomplete."""
    return [_digest_group(h), _sources_group(h), _why_command(h)]


TOPIC_HELP = "Only stories about this, e.g. chips, funding, open source"


def _digest_group(h: DigestCommands) -> app_commands.Group:
    digest = app_commands.Group(
        name="digest",
        description="The AI news digest: a day's stories, or the daily post",
        guild_only=True,
    )
    topic_help = TOPIC_HELP

    async def topics(_i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return topic_choices(current)

    async def zones(_i: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return zone_choices(current)

    @digest.command(name="today", description="The last 24 hours of AI news")
    @app_commands.describe(topic=topic_help)
    @app_commands.autocomplete(topic=topics)
    async def today(interaction: discord.Interaction, topic: str | None = None) -> None:
        await h.digest(interaction, "today", topic)

    @digest.command(name="yesterday", description="Yesterday's AI news (your local day)")
    @app_commands.describe(topic=topic_help)
    @app_commands.autocomplete(topic=topics)
    async def yesterday(interaction: discord.Interaction, topic: str | None = None) -> None:
        await h.digest(interaction, "yesterday", topic)

    @digest.command(name="week", description="The last 7 days of AI news")
    @app_commands.describe(topic=topic_help)
    @app_commands.autocomplete(topic=topics)
    async def week(interaction: discord.Interaction, topic: str | None = None) -> None:
        await h.digest(interaction, "week", topic)

    @digest.command(name="date", description="The AI news of one day")
    @app_commands.describe(day="The day, as YYYY-MM-DD (for example 2026-08-21)", topic=topic_help)
    @app_commands.autocomplete(topic=topics)
    async def on_date(
        interaction: discord.Interaction,
        day: app_commands.Range[str, 10, 10],
        topic: str | None = None,
    ) -> None:
        await h.digest(interaction, day, topic)

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

    @digest.command(name="stop", description="Stop the daily digest (needs Manage Server)")
    @app_commands.describe(channel="Only this channel (default: every channel of this server)")
    async def stop(
        interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        await h.stop(interaction, channel)

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
