"""``/digest``, ``/sources`` and ``/why`` for Slack: parse the text, ``ack()`` at once, then
call ``bot.services`` and answer.

Slack wants the acknowledgement within 3 seconds, so every handler acks before any Slack
call, database query or digest build. ``/digest <window>`` then posts the headline in the
channel with the details as thread replies; everything else answers through the command's
``response_url`` (falling back to ``chat.postEphemeral``). Refusals and errors are
ephemeral: one sentence and the fix.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import filters, opml, parse, replies, schedules, search
from bot.adapters.slack.admin import AdminCheck
from bot.adapters.slack.client import error_code, is_slack_failure
from bot.adapters.slack.publisher import SlackPublisher
from bot.clock import Clock
from bot.config import Settings
from bot.daily import Outcome
from bot.errors import NewsbotError, PostError
from bot.models import DestinationSpec
from bot.render.escape import slack_text
from bot.services import Services

log = logging.getLogger("newsbot.slack")

Payload = dict[str, Any]
Ack = Callable[..., Awaitable[Any]]
Respond = Callable[..., Awaitable[Any]]

_NOW_OUTCOMES = {
    Outcome.POSTED: "Posted the digest in <#{ch}>.",
    Outcome.ALREADY: "That digest is already out in <#{ch}>, or being posted right now.",
    Outcome.SKIPPED: "Nothing new since the last post in <#{ch}>, so I didn't post.",
    Outcome.FAILED: "Posting to <#{ch}> failed; the reason is in the bot's log, and it will retry.",
    Outcome.NO_PUBLISHER: "Slack posting is not running in this process.",
    Outcome.DISABLED: "The daily digest for <#{ch}> is stopped.",
}


COMMANDS = (
    "/digest",
    "/sources",
    "/why",
    "/filters",
    "/search",
    "/schedule",
)  # config/slack-manifest.yml declares the same


class Refused(NewsbotError):
    """A user without the right to manage tried to."""


@dataclass(eq=False)  # compared and hashed by identity: Bolt keeps its bound handlers
class SlackCommands:
    services: Services
    settings: Settings
    clock: Clock
    client: AsyncWebClient
    publisher: SlackPublisher
    admins: AdminCheck

    def register(self, app: AsyncApp) -> None:
        handlers = dict(
            zip(
                COMMANDS,
                (
                    self.on_digest,
                    self.on_sources,
                    self.on_why,
                    self.on_filters,
                    self.on_search,
                    self.on_schedule,
                ),
                strict=True,
            )
        )
        for name, handler in handlers.items():
            app.command(name)(handler)

    # entry points (Bolt injects the arguments by name) ----------------------------------
    async def on_digest(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        await self._handle(ack, command, respond, parse.parse_digest, self._digest)

    async def on_sources(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        await self._handle(ack, command, respond, parse.parse_sources, self._sources)

    async def on_why(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        await self._handle(ack, command, respond, parse.parse_why, self._answer_why)

    async def on_filters(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        run = partial(filters.run_filters, self)
        await self._handle(ack, command, respond, filters.parse_filters, run)

    async def on_search(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        run = partial(search.run_search, self)
        await self._handle(ack, command, respond, search.parse_search, run)

    async def on_schedule(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        run = partial(schedules.run_schedule, self)
        await self._handle(ack, command, respond, schedules.parse_schedule, run)

    async def _handle(
        self,
        ack: Ack,
        command: dict[str, Any],
        respond: Respond,
        parser: Callable[[str], Any],
        work: Callable[[Any, dict[str, Any]], Awaitable[Payload | None]],
    ) -> None:
        """Usage and help are answered in the ack itself; everything else is acked first
        and answered when done."""
        try:
            cmd = parser(command.get("text") or "")
        except parse.UsageError as err:
            await ack(**replies.message(replies.error_text(err)))
            return
        if isinstance(cmd, parse.Help):
            await ack(**replies.message(cmd.usage))
            return
        if isinstance(cmd, parse.DigestWindowCmd) and not await self._may_post_digest(command, ack):
            return
        if isinstance(cmd, parse.DigestWindowCmd):  # the slow one: say it is coming
            topic = f" about {slack_text(cmd.topic)}" if cmd.topic else ""
            await ack(**replies.message(f"On it: the digest for {cmd.when}{topic} is coming up."))
        else:
            await ack()
        await self._run(command, respond, lambda: work(cmd, command))

    async def _may_post_digest(self, command: dict[str, Any], ack: Ack) -> bool:
        """The public digest's cooldown, answered in the ack when it is too soon (a window
        word that is not valid is answered later, as before)."""
        try:
            self.services.public_digest_allowed(
                "slack", str(command.get("user_id")), str(command.get("channel_id"))
            )
        except NewsbotError as err:
            await ack(**replies.message(replies.error_text(err)))
            return False
        return True

    # the work, after the ack ----------------------------------------------------------
    async def _run(
        self,
        command: dict[str, Any],
        respond: Respond,
        work: Callable[[], Awaitable[Payload | None]],
    ) -> None:
        where = f"{command.get('command')} {command.get('text') or ''}".strip()
        log.info(
            "slack %s by %s in %s (%s)",
            where,
            command.get("user_id"),
            command.get("channel_id"),
            command.get("team_id"),
        )
        try:
            answer = await work()
        except Refused as err:
            log.info("slack: refused %s for %s", where, command.get("user_id"))
            answer = replies.message(str(err))
        except NewsbotError as err:
            answer = replies.message(replies.error_text(err))
        except Exception:
            log.exception("slack: %s failed", where)
            answer = replies.message(
                "Something went wrong on my side; the details are in the bot's log."
            )
        if answer is not None:
            await self._reply(command, respond, answer)

    async def _reply(self, command: dict[str, Any], respond: Respond, payload: Payload) -> None:
        """Through the response_url; if that fails (it expires after 30 minutes), as an
        ephemeral message; if that fails too, at least the log says what was lost."""
        try:
            resp = await respond(**payload)
            status = getattr(resp, "status_code", 200)
            if status == 200:
                return
            reason = f"HTTP {status}"
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
        log.warning("slack: response_url failed (%s); answering with chat.postEphemeral", reason)
        try:
            await self.client.chat_postEphemeral(
                channel=command["channel_id"],
                user=command["user_id"],
                text=payload.get("text") or "",
                blocks=payload.get("blocks"),
            )
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            log.error(
                "slack: could not answer %s in %s (%s): %s",
                command.get("user_id"),
                command.get("channel_id"),
                error_code(exc),
                payload.get("text"),
            )

    async def require_admin(self, command: dict[str, Any], action: str) -> None:
        await self._require_admin(command, action)

    def scope(self, command: dict[str, Any]) -> str:
        return self._scope(command)

    def channel_id(self, ref: parse.ChannelRef | None, command: dict[str, Any]) -> str:
        return self._channel_id(ref, command)

    async def _require_admin(self, command: dict[str, Any], action: str) -> None:
        if not await self.admins.is_admin(str(command["user_id"])):
            raise Refused(replies.refusal(action))

    @staticmethod
    def _scope(command: dict[str, Any]) -> str:
        return f"slack:{command['team_id']}"

    async def _digest(self, cmd: parse.DigestCommand, command: dict[str, Any]) -> Payload | None:
        if isinstance(cmd, parse.DigestWindowCmd):
            return await self._post_window(cmd, command)
        if isinstance(cmd, parse.SetupCmd):
            return await self._setup(cmd, command)
        if isinstance(cmd, parse.StopCmd):
            return await self._stop(cmd, command)
        if isinstance(cmd, parse.NowCmd):
            return await self._now(command)
        return replies.message(parse.DIGEST_USAGE)

    async def _post_window(
        self, cmd: parse.DigestWindowCmd, command: dict[str, Any]
    ) -> Payload | None:
        channel = str(command["channel_id"])
        daily = await self.services.daily_for("slack", channel)
        tz = daily.tz if daily else self.settings.timezone
        digest = await self.services.digest_for(
            cmd.when, tz, cmd.topic, self._scope(command), channel=channel
        )
        try:
            await self.publisher.post_digest(channel, digest)
        except PostError as err:
            if not err.retryable:
                raise  # its hint says what to fix (invite the bot, ...)
            # nobody retries a command for the user: say so instead of "it is retried"
            raise PostError(
                str(err), retryable=True, hint="try the command again in a minute"
            ) from err
        return None  # the digest itself is the answer

    def _channel_id(self, ref: parse.ChannelRef | None, command: dict[str, Any]) -> str:
        here = str(command["channel_id"])
        if ref is None:
            return here
        if ref.id:
            return ref.id
        if ref.name and ref.name == str(command.get("channel_name") or "").lower():
            return here
        raise NewsbotError(
            f"I can't tell which channel #{ref.name} is",
            hint="pick it from the # list so Slack links it, or run the command in that channel",
        )

    async def _can_post(self, channel: str) -> str:
        """Empty when the bot can post in ``channel``; else a note for the admin."""
        try:
            resp = await self.client.conversations_info(channel=channel)
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            code = error_code(exc)
            if code == "channel_not_found":
                raise NewsbotError(
                    f"I can't see the channel <#{channel}>",
                    hint=f"if it is private, invite me first: /invite @{self.publisher.bot_name}",
                ) from exc
            log.warning("slack: conversations.info for %s failed: %s", channel, code)
            return f" I couldn't check that I can post there (Slack said {slack_text(code)})."
        info = resp.get("channel") or {}
        if info.get("is_archived"):
            raise NewsbotError(
                f"the channel <#{channel}> is archived", hint="pick a channel people still read"
            )
        if not info.get("is_member", True):
            return (
                f" I'm not in that channel yet: type /invite @{self.publisher.bot_name} there, "
                "or the post will fail."
            )
        return ""

    async def _setup(self, cmd: parse.SetupCmd, command: dict[str, Any]) -> Payload:
        await self._require_admin(command, "set up the daily digest")
        channel = self._channel_id(cmd.channel, command)
        note = await self._can_post(channel)
        dest = await self.services.setup_daily(
            DestinationSpec(
                "slack",
                channel,
                self._scope(command),
                cmd.time,
                cmd.tz,
                cmd.topic,
                str(command["user_id"]),
            )
        )
        topic = f" on {slack_text(dest.topic)}" if dest.topic else ""
        rules = await self.services.filters_here(dest.scope, channel)
        rows = await self.services.schedules_here("slack", channel)
        ping = await self.services.ping_here("slack", channel)
        text = (
            f"Daily digest{topic} set for <#{channel}> at {dest.post_time} "
            f"({slack_text(dest.tz)}).{note}\n"
            + filters.filters_text(rules, "No filters here; add some with `/filters`.")
            + "\nSchedules (change them with `/schedule`):\n"
            + schedules.schedules_text(rows, dest.tz, ping)
        )
        return replies.message(text, visible=True)

    async def _stop(self, cmd: parse.StopCmd, command: dict[str, Any]) -> Payload:
        await self._require_admin(command, "stop the daily digest")
        channel = self._channel_id(cmd.channel, command)
        await self.services.stop_daily("slack", channel, self._scope(command))
        return replies.message(f"Stopped the daily digest in <#{channel}>.", visible=True)

    async def _now(self, command: dict[str, Any]) -> Payload:
        await self._require_admin(command, "post the daily digest now")
        scope = self._scope(command)
        here = await self.services.daily_for("slack", str(command["channel_id"]))
        dests = [here] if here else await self.services.destinations("slack", scope)
        if not dests:
            raise NewsbotError(
                "there is no daily digest set up in this workspace yet",
                hint="set one up first with /digest setup #channel 08:00 Europe/Berlin",
            )
        channel = dests[0].channel_id
        outcome = await self.services.post_now("slack", channel, scope)
        text = _NOW_OUTCOMES[outcome].format(ch=channel)
        return replies.message(text)

    async def _sources(self, cmd: parse.SourcesCommand, command: dict[str, Any]) -> Payload:
        scope = self._scope(command)
        if isinstance(cmd, parse.SourcesList):
            feeds = await self.services.list_sources(scope)
            page = replies.sources_page(feeds, cmd.page, self.clock.now())
            muted = filters.muted_note(await self.services.server_filters(scope))
            if muted:
                page["blocks"].append(
                    {"type": "context", "elements": [{"type": "mrkdwn", "text": muted}]}
                )
            return page
        if isinstance(cmd, parse.SourcesAdd):
            await self._require_admin(command, "add sources")
            feed, newest = await self.services.add_source(
                cmd.url, cmd.name, scope, str(command["user_id"])
            )
            return replies.added(feed, newest)
        if isinstance(cmd, parse.SourcesRemove):
            await self._require_admin(command, "remove sources")
            return replies.removed(await self.services.remove_source(cmd.name, scope))
        if isinstance(cmd, parse.SourcesImport):
            return await opml.run_import(self, cmd, command)
        return replies.message(parse.SOURCES_USAGE)

    async def _answer_why(self, cmd: parse.WhyCmd, command: dict[str, Any]) -> Payload:
        return replies.why(await self.services.why(cmd.url, self._scope(command)))
