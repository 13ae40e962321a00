"""Scheduled posts to Discord: the headline message, a thread on it, the thread messages.

Exactly once, whatever fails when (see ``bot.publish``). Progress is saved as JSON
``{"headline": message id, "thread": thread id, "sent": index of the last thread part}``:
first before anything is sent (the intent: from then on a part may be out), then after every
part, and a retry starts after the last saved part. Each part goes out with one request
(``sendonce``: discord.py would retry a 500 on its own) carrying a stable nonce with
``enforce_nonce`` and a marker (``marker``). Discord forgets a nonce after a few minutes, so
a retry first looks for the marker of the one part that may be out without its progress
saved (stored then a 500, a dropped connection, a stall, the bot killed before the save) in
the channel's or thread's newest messages, and sends only if it is not there.

Failures become ``PostError``: a deleted channel turns its daily digest off (not retryable);
a missing permission is told to the server's admins once and is not retried; Discord's
own outages (5xx, connection errors, a stalled answer) are retryable.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from typing import Any

import aiohttp
import discord

from bot.adapters.discord import marker, rest
from bot.adapters.discord.sendonce import SEND_TIMEOUT_S, OnceSender
from bot.clock import Clock
from bot.errors import PostError
from bot.models import Destination, Digest
from bot.publish import Resume
from bot.render.discord import CONTENT_MAX, render_discord
from bot.render.escape import clip, discord_text
from bot.services import Services

log = logging.getLogger("newsbot.discord")

HISTORY_LIMIT = 50  # a part being resumed is among the newest of its channel or thread


@dataclass
class Progress:
    headline: str | None = None
    thread: str | None = None
    sent: int = -1  # index of the last thread message posted

    @classmethod
    def load(cls, saved: str | None) -> Progress:
        if not saved:
            return cls()
        try:
            raw = json.loads(saved)
        except ValueError:
            # Not ours (another adapter's, or damaged): posting again could duplicate the
            # headline, so refuse loudly rather than guess.
            raise PostError(
                f"the saved progress of this post is unreadable: {saved[:80]!r}",
                retryable=False,
                hint="check the posts table; delete the record to post this window again",
            ) from None
        return cls(
            headline=_id(raw.get("headline")),
            thread=_id(raw.get("thread")),
            sent=int(raw.get("sent", -1)),
        )

    def dump(self) -> str:
        return json.dumps(asdict(self))


def _id(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def guild_of(destination: Destination) -> int | None:
    scope = destination.scope or ""
    if scope.startswith("discord:") and scope[8:].isdigit():
        return int(scope[8:])
    return None


class DiscordPublisher:
    platform = "discord"

    def __init__(self, client: discord.Client, services: Services, clock: Clock) -> None:
        self.client = client
        self.services = services
        self.clock = clock
        self.send_timeout = SEND_TIMEOUT_S

    async def publish(self, destination: Destination, digest: Digest, resume: Resume) -> str:
        post = render_discord(digest)
        saved = resume.saved
        done = Progress.load(saved)
        channel = destination.channel_id
        key = (destination.id, digest.window.start.isoformat(), digest.window.end.isoformat())
        tag = marker.post_tag(*key)
        sender = OnceSender(self.client.http, timeout=self.send_timeout)
        step = "headline"
        try:
            if saved is None:
                await resume.save(done.dump())  # the intent: a retry must look before it sends
            if done.headline is None:
                done.headline = await self._find(channel, tag, 0) if saved else None
                if done.headline is None:
                    headline = marker.tagged(post.headline, tag, 0)
                    nonce = rest.nonce(*key, "headline")
                    done.headline = str((await sender.send(channel, headline, nonce=nonce))["id"])
                await resume.save(done.dump())
            if done.thread is None:
                await self._publish_news(destination, done.headline)
                step = "thread"
                http = self.client.http
                done.thread = await rest.open_thread(http, channel, done.headline, post.thread_name)
                await resume.save(done.dump())
            step = "thread message"
            first = done.sent + 1
            for index in range(first, len(post.thread_messages)):
                found = None
                if saved and index == first:  # the one part a failure may have hidden
                    found = await self._find(done.thread, tag, index + 1)
                if found is None:
                    part = marker.tagged(post.thread_messages[index], tag, index + 1)
                    nonce = rest.nonce(*key, "part", index)
                    await sender.send(done.thread, part, nonce=nonce)
                done.sent = index
                await resume.save(done.dump())
        except discord.HTTPException as exc:
            raise await self._refused(destination, exc, step) from exc
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise PostError(
                f"could not reach Discord while posting the {step}: {exc or type(exc).__name__}",
                retryable=True,
            ) from exc
        return f"discord:{channel}/{done.headline}"

    async def _find(self, channel: str, tag: str, part: int) -> str | None:
        """The id of part ``part`` of post ``tag`` if it is among the channel's newest
        messages. A lookup that fails (no Read Message History, Discord down) says so and
        finds nothing: the part is sent, with its nonce."""
        me = self.client.user.id if self.client.user else None
        try:
            messages = await self.client.http.logs_from(channel, HISTORY_LIMIT)
        except (discord.HTTPException, TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.warning(
                "Discord: cannot look for an earlier try of this post in %s (%s); sending",
                channel,
                exc or type(exc).__name__,
            )
            return None
        for message in messages:
            if marker.carries(dict(message), tag, part, me):
                return str(message["id"])
        return None

    async def _publish_news(self, destination: Destination, headline: str) -> None:
        """In an announcement channel the headline is published to following servers too;
        a refusal there is logged, and the digest still goes out in this server."""
        try:
            if await rest.crosspost_if_news(self.client.http, destination.channel_id, headline):
                log.info("published the digest headline in %s", destination.channel_id)
        except discord.HTTPException as exc:
            log.warning("could not publish the headline in %s: %s", destination.channel_id, exc)

    async def notify(self, destination: Destination, text: str) -> None:
        """A notice is due once (``notice_once``): one POST, never retried by the library, so
        a 500 after Discord stored it does not repeat it."""
        payload = {"content": clip(discord_text(text), CONTENT_MAX)}
        sender = OnceSender(self.client.http, timeout=self.send_timeout)
        try:
            await sender.send(destination.channel_id, payload)
        except discord.HTTPException as exc:
            raise await self._refused(destination, exc, "notice") from exc

    async def _refused(
        self, destination: Destination, exc: discord.HTTPException, step: str
    ) -> PostError:
        channel = destination.channel_id
        where = f"discord channel {channel}"
        if isinstance(exc, discord.NotFound) and step in ("headline", "notice", "thread"):
            if exc.code == rest.UNKNOWN_MESSAGE:
                return PostError(
                    f"the headline message in {where} was deleted before its thread was opened",
                    retryable=False,
                )
            n = await self.services.disable_destinations("discord", channel_id=str(channel))
            log.error(
                "%s no longer exists (Discord %s: %s); its daily digest is turned off (%d)",
                where,
                exc.status,
                exc.text or exc.code,
                n,
            )
            return PostError(
                f"{where} no longer exists; its daily digest is turned off",
                retryable=False,
                hint="set it up again with /digest setup in another channel",
            )
        if isinstance(exc, discord.Forbidden):
            missing = await self._missing(destination, step)
            await self._tell_admins(destination, missing)
            log.error(
                "Discord refused the %s in %s: missing %s (Discord %s: %s); not retrying",
                step,
                where,
                rest.and_list(missing),
                exc.code,
                exc.text,
            )
            return PostError(
                f"missing the {rest.and_list(missing)} permission in {where}",
                retryable=False,
                hint="give the bot that permission in the channel, then /digest now",
            )
        if isinstance(exc, discord.DiscordServerError) or exc.status >= 500:
            return PostError(
                f"Discord failed the {step} in {where} ({exc.status}); will retry",
                retryable=True,
            )
        return PostError(
            f"Discord rejected the {step} in {where}: {exc.status} {exc.text or exc.code}",
            retryable=False,
        )

    async def _missing(self, destination: Destination, step: str) -> list[str]:
        channel = self.client.get_channel(int(destination.channel_id))
        guild = getattr(channel, "guild", None)
        missing = rest.missing_in(channel, getattr(guild, "me", None))
        return missing or list(rest.STEP_NEEDS.get(step, ("Send Messages",)))

    async def _tell_admins(self, destination: Destination, missing: list[str]) -> None:
        """Once per (channel, missing set): a notice in the server's system channel."""
        where = f"discord:{destination.channel_id}"
        key = "missing-permission:" + ",".join(sorted(missing))
        if not await self.services.notice_once(where, key):
            return
        guild = self.client.get_guild(guild_of(destination) or 0)
        system = guild.system_channel if guild is not None else None
        if system is None or str(system.id) == str(destination.channel_id):
            log.warning(
                "cannot tell the admins of %s about the missing permission (no system "
                "channel I can use); the log line above is the only notice",
                where,
            )
            return
        text = (
            f"I could not post the daily news digest in <#{destination.channel_id}>: I am "
            f"missing the {rest.and_list(missing)} permission there. A server admin can grant "
            "it in the channel's settings (Permissions); the next daily post will go out then, "
            "or use /digest now."
        )
        try:
            sender = OnceSender(self.client.http, timeout=self.send_timeout)
            await sender.send(system.id, {"content": text})
        except (discord.HTTPException, TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.warning("could not send the permission notice to %s: %s", system.id, exc)
