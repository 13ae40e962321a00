"""Who the daily post pings when it lands: one Discord role or one Slack user group.

Only that one mention is live: Discord's ``allowed_mentions`` names that role alone (feed
text still pings no one: everything else stays escaped and ``parse`` stays empty); Slack's
``<!subteam^ID>`` is the only mention token the post carries.
"""

from __future__ import annotations

import re
from typing import Any

from bot.errors import NewsbotError

_DISCORD_ROLE = re.compile(r"^\d{5,25}$")
_SLACK_GROUP = re.compile(r"^S[A-Z0-9]{4,30}$")
_SLACK_MENTION = re.compile(r"^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$")


def clean_target(platform: str, target: str) -> str:
    """A role id (Discord) or user-group id (Slack, from its ``<!subteam^ID|@name>`` form)."""
    text = target.strip()
    if platform == "slack":
        m = _SLACK_MENTION.match(text)
        text = m.group(1) if m else text
        if _SLACK_GROUP.match(text):
            return text
        raise NewsbotError(
            f"{target!r} is not a user group", hint="mention it, for example /schedule ping @team"
        )
    if platform == "discord" and _DISCORD_ROLE.match(text.removeprefix("<@&").removesuffix(">")):
        return text.removeprefix("<@&").removesuffix(">")
    raise NewsbotError(f"{target!r} is not a role", hint="pick a role of this server")


def discord_mentions(role: str | None) -> dict[str, Any]:
    """``allowed_mentions`` for a post: nobody, or that one role."""
    if role and _DISCORD_ROLE.match(role):
        return {"parse": [], "roles": [role]}
    return {"parse": []}


def discord_ping(role: str) -> str:
    return f"<@&{role}>"


def slack_ping(group: str) -> str:
    return f"<!subteam^{group}>"


def ping_label(platform: str, target: str) -> str:
    """How listings name the target (shown with mentions off, so it pings nobody)."""
    return discord_ping(target) if platform == "discord" else slack_ping(target)
