"""``/filters`` for Slack: a workspace's keyword rules and muted sources (admins only).

``/filters`` or ``/filters list`` shows them to anyone; everything that changes them needs a
workspace admin (or a user on the bot's admin list). Pure parsing is at the top, the handler
below; answers are ephemeral, errors one sentence and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.adapters.slack import replies
from bot.adapters.slack.parse import ChannelRef, Help, UsageError, parse_channel, unescape
from bot.community.rules import EXCLUDE, INCLUDE, Filters
from bot.render.escape import slack_text

if TYPE_CHECKING:
    from bot.adapters.slack.commands import SlackCommands

FILTERS_USAGE = (
    "*/filters* — what this workspace's digests leave out\n"
    "• `/filters` or `/filters list` — the rules and muted sources\n"
    "• `/filters exclude crypto` — hide stories that mention a word or phrase\n"
    "• `/filters include open source` — show only stories that mention it (several allowed)\n"
    "• `/filters exclude #channel robotaxi` — a rule for one channel only\n"
    "• `/filters remove crypto` — drop a rule; `/filters clear [#channel]` — drop them all\n"
    "• `/filters mute <source>` / `/filters unmute <source>` — hide a source here\n"
    "Changing filters is for workspace admins."
)


@dataclass(frozen=True)
class FiltersList:
    pass


@dataclass(frozen=True)
class KeywordCmd:
    kind: str  # include | exclude | remove
    words: str
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class MuteCmd:
    source: str
    mute: bool = True


@dataclass(frozen=True)
class ClearCmd:
    channel: ChannelRef | None = None


FiltersCommand = Help | FiltersList | KeywordCmd | MuteCmd | ClearCmd


def channel_then_rest(rest: list[str]) -> tuple[ChannelRef | None, list[str]]:
    if rest and (rest[0].startswith("<#") or rest[0].startswith("#")):
        return parse_channel(rest[0]), rest[1:]
    return None, rest


def parse_filters(text: str) -> FiltersCommand:
    words = text.split()
    if not words or words[0].lower() == "list":
        return FiltersList()
    head, rest = words[0].lower(), words[1:]
    if head in ("help", "?"):
        return Help(FILTERS_USAGE)
    if head in (INCLUDE, EXCLUDE, "remove"):
        channel, rest = channel_then_rest(rest)
        if not rest:
            raise UsageError(f"/filters {head} needs a word or phrase", hint=FILTERS_USAGE)
        return KeywordCmd(head, " ".join(unescape(w) for w in rest), channel)
    if head in ("mute", "unmute"):
        if not rest:
            raise UsageError(
                f"/filters {head} needs the source's name", hint="see the names with /sources"
            )
        return MuteCmd(" ".join(unescape(w) for w in rest), head == "mute")
    if head == "clear":
        channel, rest = channel_then_rest(rest)
        if rest:
            raise UsageError("/filters clear takes at most a channel", hint=FILTERS_USAGE)
        return ClearCmd(channel)
    raise UsageError(f"I don't know {unescape(words[0])!r} here", hint=FILTERS_USAGE)


def filters_text(filters: Filters, empty: str = "No filters: every story is shown.") -> str:
    lines = filters.describe(slack_text)
    return "\n".join(f"• {line}" for line in lines) if lines else empty


def muted_note(filters: Filters) -> str:
    names = filters.muted_names
    return f"Muted in this workspace: {slack_text(', '.join(names))}" if names else ""


async def run_filters(
    h: SlackCommands, cmd: FiltersCommand, command: dict[str, Any]
) -> dict[str, Any]:
    """The work of one ``/filters`` command, after the ack."""
    services = h.services
    scope = h.scope(command)
    if isinstance(cmd, Help):
        return replies.message(cmd.usage)
    if isinstance(cmd, FiltersList):
        filters = await services.server_filters(scope)
        return replies.message("Filters in this workspace:\n" + filters_text(filters))
    await h.require_admin(command, "change the filters")
    user = str(command["user_id"])
    if isinstance(cmd, MuteCmd):
        if cmd.mute:
            rule = await services.mute_source(scope, cmd.source, user)
            text = (
                f"Muted {slack_text(rule.value)} in this workspace: its articles leave every "
                "digest here. Undo with `/filters unmute`."
            )
        else:
            await services.unmute_source(scope, cmd.source)
            text = f"{slack_text(cmd.source)} is back in this workspace."
        return replies.message(text)
    if isinstance(cmd, ClearCmd):
        channel = h.channel_id(cmd.channel, command) if cmd.channel else None
        n = await services.clear_rules(scope, channel)
        where = f"<#{channel}>" if channel else "this workspace"
        return replies.message(f"Cleared {n} filters in {where}.")
    channel = h.channel_id(cmd.channel, command) if cmd.channel else None
    if cmd.kind == "remove":
        n = await services.remove_keyword_rule(scope, cmd.words, channel)
        return replies.message(f"Removed {n} rule{'s' if n != 1 else ''}.")
    rule = await services.add_keyword_rule(scope, cmd.kind, cmd.words, channel, user)
    where = f"<#{channel}>" if channel else "every channel of this workspace"
    what = "Only stories about" if cmd.kind == INCLUDE else "No more stories about"
    return replies.message(
        f'{what} "{slack_text(rule.value)}" in {where}. Undo with `/filters remove`.'
    )
