"""``/schedule`` for Slack: when a channel's digest posts (changing it is for admins).

``/schedule`` lists the channel's schedules, numbered; ``add`` and ``remove`` need a
workspace admin. Pure parsing at the top, the handler below; answers are ephemeral.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.adapters.slack import replies
from bot.adapters.slack.filters import channel_then_rest
from bot.adapters.slack.parse import ChannelRef, Help, UsageError, parse_channel, unescape
from bot.community.schedules import Schedule

if TYPE_CHECKING:
    from bot.adapters.slack.commands import SlackCommands

SCHEDULE_USAGE = (
    "*/schedule* — when this channel's digest posts\n"
    "• `/schedule` or `/schedule list [#channel]` — the schedules, numbered\n"
    "• `/schedule add weekdays 08:00` — also post on weekdays at 08:00\n"
    "• `/schedule add monday 09:00 week` — a week in review every Monday\n"
    "• `/schedule add #channel daily 18:00` — for another channel\n"
    "• `/schedule remove 1` — remove schedule number 1 of the list\n"
    "• `/schedule ping @team` — ping a user group when a post lands; `/schedule ping off`\n"
    "Days: daily, weekdays, or a day of the week. Changing schedules is for workspace admins."
)


@dataclass(frozen=True)
class ListCmd:
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class AddCmd:
    days: str
    time: str
    what: str | None
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class PingCmd:
    target: str | None  # None: ping nobody
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class RemoveCmd:
    number: int
    channel: ChannelRef | None = None


ScheduleCommand = Help | ListCmd | AddCmd | RemoveCmd | PingCmd


def parse_schedule(text: str) -> ScheduleCommand:
    words = text.split()
    head = words[0].lower() if words else "list"
    channel, rest = channel_then_rest(words[1:])
    if head in ("help", "?"):
        return Help(SCHEDULE_USAGE)
    if head == "list" or head.startswith(("<#", "#")):
        channel = parse_channel(words[0]) if head.startswith(("<#", "#")) else channel
        return ListCmd(channel)
    if head == "add":
        if len(rest) not in (2, 3):
            raise UsageError("/schedule add needs days and a time", hint=SCHEDULE_USAGE)
        what = unescape(rest[2]) if len(rest) == 3 else None
        return AddCmd(unescape(rest[0]), unescape(rest[1]), what, channel)
    if head == "ping":
        if len(rest) != 1:
            raise UsageError("/schedule ping needs a user group, or off", hint=SCHEDULE_USAGE)
        return PingCmd(None if rest[0].lower() in ("off", "nobody", "none") else rest[0], channel)
    if head == "remove":
        if len(rest) != 1 or not rest[0].isdigit() or int(rest[0]) < 1:
            raise UsageError(
                "/schedule remove needs the schedule's number", hint="see them with /schedule"
            )
        return RemoveCmd(int(rest[0]), channel)
    raise UsageError(f"I don't know {unescape(words[0])!r} here", hint=SCHEDULE_USAGE)


def schedules_text(rows: list[Schedule], tz: str, ping: str | None = None) -> str:
    """Numbered lines, as ``/schedule remove N`` counts them, then who is pinged (the
    group's id shown as code, so the listing itself pings nobody)."""
    lines = [f"{n}. {s.describe()} ({tz})" for n, s in enumerate(rows, 1)]
    lines.append(f"Pings the user group `{ping}` when a post lands." if ping else "Pings nobody.")
    return "\n".join(lines)


async def run_schedule(
    h: SlackCommands, cmd: ScheduleCommand, command: dict[str, Any]
) -> dict[str, Any]:
    """The work of one ``/schedule`` command, after the ack."""
    services = h.services
    if isinstance(cmd, Help):
        return replies.message(cmd.usage)
    channel = h.channel_id(cmd.channel, command)
    dest = await services.daily_for("slack", channel)
    tz = dest.tz if dest else "UTC"
    if isinstance(cmd, ListCmd):
        rows = await services.schedules_here("slack", channel)
        ping = await services.ping_here("slack", channel)
        return replies.message(f"<#{channel}> posts:\n" + schedules_text(rows, tz, ping))
    await h.require_admin(command, "change the schedules")
    if isinstance(cmd, PingCmd):
        got = await services.set_ping("slack", channel, cmd.target)
        if got is None:
            return replies.message(f"Posts in <#{channel}> ping nobody now.")
        return replies.message(f"Posts in <#{channel}> ping the user group `{got}` when they land.")
    if isinstance(cmd, AddCmd):
        added = await services.add_schedule("slack", channel, cmd.days, cmd.time, cmd.what)
        rows = await services.schedules_here("slack", channel)
        return replies.message(
            f"Added: <#{channel}> posts {added.describe()}. Now it posts:\n"
            + schedules_text(rows, tz)
        )
    rows = await services.schedules_here("slack", channel)
    if cmd.number > len(rows):
        raise UsageError(
            f"<#{channel}> has {len(rows)} schedules, not {cmd.number}",
            hint="see them with /schedule",
        )
    gone = await services.remove_schedule("slack", channel, rows[cmd.number - 1].id)
    return replies.message(f"Removed: {gone.describe()}.")
