"""A link to a digest the bot posted earlier, from the ledger's ``message_ref``.

The publishers save what they posted: Discord ``discord:<channel>/<headline message>``,
Slack ``{"channel": ..., "ts": ...}``. From those and the destination's server or workspace
a follow-up can point readers at the earlier post.
"""

from __future__ import annotations

import json
from datetime import datetime

from bot.models import Destination, PostRecord, PostState


def post_link(dest: Destination, ref: str | None) -> str | None:
    if not ref:
        return None
    if dest.platform == "discord" and ref.startswith("discord:") and dest.scope:
        guild = dest.scope.removeprefix("discord:")
        channel, _, message = ref.removeprefix("discord:").partition("/")
        if guild.isdigit() and channel.isdigit() and message.isdigit():
            return f"https://discord.com/channels/{guild}/{channel}/{message}"
        return None
    if dest.platform == "slack":
        try:
            data = json.loads(ref)
        except ValueError:
            return None
        if isinstance(data, dict) and data.get("channel") and data.get("ts"):
            ts = str(data["ts"]).replace(".", "")
            return f"https://slack.com/archives/{data['channel']}/p{ts}"
    return None


def earlier_posts(
    dest: Destination, records: list[PostRecord]
) -> list[tuple[datetime, datetime, str]]:
    """(window start, window end, link) of the destination's finished posts."""
    out: list[tuple[datetime, datetime, str]] = []
    for r in records:
        link = post_link(dest, r.message_ref) if r.state == PostState.DONE else None
        if link:
            out.append((r.window_start, r.window_end, link))
    return out
