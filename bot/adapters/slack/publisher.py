"""Posting a digest to Slack: the headline message, then the details as thread replies.

Progress (the headline's ``ts`` and how many replies are out) is saved after every part,
so a retry after a failure or a crash finishes the thread instead of posting a second
headline. Used by the scheduler (daily posts) and by ``/digest`` (which needs no ledger).

Exactly once, whatever fails when: Slack may store a message and then fail to say so (a 500,
a dropped connection, the bot killed before it saved the ``ts``). So every part of a daily
post carries message metadata with the post's key and the part's number, and before a part
that may already be out is sent, the channel (or the thread) is searched for that marker.
Library retries of ``chat.postMessage`` are off (client.py): this is the only retry.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.client import NOT_IN_CHANNEL, error_code, is_slack_failure, post_error
from bot.clock import Clock
from bot.errors import PostError
from bot.models import Destination, Digest
from bot.publish import Notices, Resume
from bot.render.escape import slack_text
from bot.render.slack import render_slack

log = logging.getLogger("newsbot.slack")

MARKER_EVENT = "newsbot_digest_part"
HISTORY_LIMIT = 50  # the headline of a post being resumed is among the channel's newest


def post_key(destination: Destination, digest: Digest) -> str:
    """One daily post: its destination and its window (fixed for the post's ledger record)."""
    w = digest.window
    return f"{destination.id}:{w.start.isoformat()}:{w.end.isoformat()}"


def _marker(key: str, part: int) -> dict[str, Any]:
    return {"event_type": MARKER_EVENT, "event_payload": {"key": key, "part": part}}


def _has_marker(message: Any, key: str, part: int) -> bool:
    meta = message.get("metadata") if isinstance(message, dict) else None
    if not isinstance(meta, dict) or meta.get("event_type") != MARKER_EVENT:
        return False
    payload = meta.get("event_payload")
    return isinstance(payload, dict) and payload.get("key") == key and payload.get("part") == part


@dataclass
class Progress:
    channel: str
    ts: str | None = None  # the headline message, once posted
    sent: int = 0  # thread replies posted so far

    def dump(self) -> str:
        return json.dumps({"channel": self.channel, "ts": self.ts, "sent": self.sent})

    @classmethod
    def load(cls, resume: str | None, channel: str) -> Progress:
        """The saved progress for this channel; anything unreadable starts from scratch."""
        if not resume:
            return cls(channel)
        try:
            data = json.loads(resume)
        except ValueError:
            log.warning("unreadable saved progress %r; posting from the start", resume[:80])
            return cls(channel)
        if not isinstance(data, dict) or data.get("channel") != channel or not data.get("ts"):
            return cls(channel)
        sent = data.get("sent")
        return cls(channel, str(data["ts"]), sent if isinstance(sent, int) and sent > 0 else 0)


async def _noop_save(_progress: str) -> None:
    return None


UNSAVED = Resume(None, _noop_save)  # /digest in a channel: a first try, its progress not kept


class SlackPublisher:
    platform = "slack"

    def __init__(
        self,
        client: AsyncWebClient,
        notices: Notices | None,
        clock: Clock,
        *,
        bot_name: str = "newsbot",
    ) -> None:
        self.client = client
        self.notices = notices
        self.clock = clock
        self.bot_name = bot_name

    async def _post(self, channel: str, payload: dict[str, Any], **extra: Any) -> str:
        resp = await self.client.chat_postMessage(channel=channel, **payload, **extra)
        return str(resp["ts"])

    async def _already_out(
        self, channel: str, key: str, part: int, thread: str | None = None
    ) -> str | None:
        """The ``ts`` of part ``part`` of post ``key`` if Slack already has it. A lookup
        that fails (no history scope, Slack down) says nothing: the part is sent."""
        try:
            if thread is None:
                resp = await self.client.conversations_history(
                    channel=channel, limit=HISTORY_LIMIT, include_all_metadata=True
                )
            else:
                resp = await self.client.conversations_replies(
                    channel=channel, ts=thread, include_all_metadata=True
                )
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            log.warning(
                "Slack: cannot look for an earlier try of this post in %s (%s); sending",
                channel,
                error_code(exc),
            )
            return None
        for message in resp.get("messages") or []:
            if _has_marker(message, key, part):
                return str(message.get("ts"))
        return None

    async def post_digest(
        self, channel: str, digest: Digest, resume: Resume = UNSAVED, *, key: str | None = None
    ) -> Progress:
        """Headline, then thread replies, skipping whatever ``resume`` says is out already.
        Raises ``PostError`` (with the fix as its hint) when Slack refuses."""
        post = render_slack(digest)
        progress = Progress.load(resume.saved, channel)
        marked: dict[str, Any] = {}
        try:
            if progress.ts is None:
                found = await self._already_out(channel, key, 0) if key else None
                if key:
                    marked = {"metadata": _marker(key, 0)}
                progress.ts = found or await self._post(channel, post.headline, **marked)
                await resume.save(progress.dump())
            for i, reply in enumerate(post.thread):
                if i < progress.sent:
                    continue
                found = None
                if key:
                    marked = {"metadata": _marker(key, i + 1)}
                    if i == progress.sent and resume.saved:  # the part a failure may have hidden
                        found = await self._already_out(channel, key, i + 1, progress.ts)
                if found is None:
                    await self._post(channel, reply, thread_ts=progress.ts, **marked)
                progress.sent = i + 1
                await resume.save(progress.dump())
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            err = post_error(exc, channel, bot_name=self.bot_name)
            step = "headline" if progress.ts is None else f"thread reply {progress.sent + 1}"
            log.error("Slack: %s (at the %s); %s", err, step, err.hint)
            raise err from exc
        return progress

    async def publish(self, destination: Destination, digest: Digest, resume: Resume) -> str:
        try:
            done = await self.post_digest(
                destination.channel_id, digest, resume, key=post_key(destination, digest)
            )
        except PostError as err:
            if error_code(err.__cause__ or err) == NOT_IN_CHANNEL:
                await self._tell_admin_once(destination, err)
            raise
        return done.dump()

    async def notify(self, destination: Destination, text: str) -> None:
        try:
            await self.client.chat_postMessage(
                channel=destination.channel_id,
                text=slack_text(text),
                unfurl_links=False,
                unfurl_media=False,
            )
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            raise post_error(exc, destination.channel_id, bot_name=self.bot_name) from exc

    async def _tell_admin_once(self, destination: Destination, err: PostError) -> None:
        """The bot cannot write in the channel, so the notice goes to whoever set it up,
        as a direct message from the app, once per channel."""
        channel = destination.channel_id
        if self.notices is None or not destination.created_by:
            log.error("Slack: nobody to tell that the bot is not in %s; %s", channel, err.hint)
            return
        fresh = await self.notices.notice_once(f"slack:{channel}", NOT_IN_CHANNEL)
        if not fresh:
            return
        text = (
            f"I can't post the daily digest in <#{channel}>: I'm not a member of it. "
            f"Type /invite @{slack_text(self.bot_name)} in that channel and I'll post there "
            "from the next digest on."
        )
        try:
            await self.client.chat_postMessage(
                channel=destination.created_by, text=text, unfurl_links=False
            )
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            log.error(
                "Slack: could not tell %s that the bot is not in %s (%s); %s",
                destination.created_by,
                channel,
                error_code(exc),
                err.hint,
            )
