"""Slash-command text as typed in Slack, turned into a command. Pure: no Slack calls.

Slack has no subcommands: ``/digest week openai`` arrives as the text ``"week openai"``.
The words mean the same as Discord's command groups. Slack escapes ``&``, ``<`` and ``>`` in
the text and, for commands with escaping on, sends channels as ``<#C123|name>`` and links as
``<https://...>`` or ``<https://...|label>``; all of those forms are accepted here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.community.ranges import is_range
from bot.errors import NewsbotError

DIGEST_USAGE = (
    "*/digest* — the news digest\n"
    "• `/digest` or `/digest today` — today's digest; also `yesterday`, `week` or a date "
    "like `2026-08-21`, then optional topic words: `/digest week openai`\n"
    "• `/digest since 2026-08-01` or `/digest days 3` — a range of days (up to 31)\n"
    "• `/digest setup #channel 08:00 Europe/Berlin` — post a digest there every day\n"
    "• `/digest stop` — stop the daily digest in this channel (or `/digest stop #channel`)\n"
    "• `/digest now` — post the daily digest right away\n"
    "Setting up, stopping and `now` are for workspace admins."
)
SOURCES_USAGE = (
    "*/sources* — the news sources\n"
    "• `/sources` or `/sources list [page]` — every source and whether it works\n"
    "• `/sources add https://example.com/feed.xml [name]` — check the feed, then follow it\n"
    "• `/sources remove <name>` — stop following a source\n"
    "• `/sources import <file link>` — follow the feeds of an OPML file shared in Slack\n"
    "Adding and removing are for workspace admins."
)
_FILE_ID = re.compile(r"\b(F[A-Z0-9]{6,})\b")  # a Slack file ID, alone or inside its link
WHY_USAGE = (
    "*/why <url>* — was this article seen, merged into a story, filtered out, or did its feed fail?"
)

WINDOWS = ("today", "yesterday", "week")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHANNEL_ESCAPED = re.compile(r"^<#([A-Z0-9]+)(?:\|([^>]*))?>$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")
_LINK = re.compile(r"^<([^|>]+)(?:\|[^>]*)?>$")


class UsageError(NewsbotError):
    """The text did not match any form of the command; ``hint`` is the command's usage."""


@dataclass(frozen=True)
class ChannelRef:
    id: str | None = None  # "C0123ABC" when Slack sent the escaped form
    name: str | None = None  # "general" when it sent plain "#general"

    def mention(self) -> str:
        return f"<#{self.id}>" if self.id else f"#{self.name}"


@dataclass(frozen=True)
class Help:
    usage: str


@dataclass(frozen=True)
class DigestWindowCmd:
    when: str  # today | yesterday | week | YYYY-MM-DD
    topic: str | None = None


@dataclass(frozen=True)
class SetupCmd:
    channel: ChannelRef
    time: str
    tz: str
    topic: str | None = None


@dataclass(frozen=True)
class StopCmd:
    channel: ChannelRef | None = None  # None: the channel the command was typed in


@dataclass(frozen=True)
class NowCmd:
    pass


@dataclass(frozen=True)
class SourcesList:
    page: int = 1


@dataclass(frozen=True)
class SourcesAdd:
    url: str
    name: str | None = None


@dataclass(frozen=True)
class SourcesRemove:
    name: str


@dataclass(frozen=True)
class SourcesImport:
    file_id: str  # a file shared in Slack: its ID (F...) or its link


@dataclass(frozen=True)
class WhyCmd:
    url: str


DigestCommand = Help | DigestWindowCmd | SetupCmd | StopCmd | NowCmd
SourcesCommand = Help | SourcesList | SourcesAdd | SourcesRemove | SourcesImport


def unescape(text: str) -> str:
    """Undo Slack's escaping of the three control characters (``&amp;`` last)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _words(text: str) -> list[str]:
    return text.split()


def _topic(words: list[str]) -> str | None:
    topic = " ".join(unescape(w) for w in words)
    return topic or None


def parse_channel(word: str) -> ChannelRef:
    m = _CHANNEL_ESCAPED.match(word)
    if m:
        return ChannelRef(id=m.group(1), name=m.group(2) or None)
    if _CHANNEL_ID.match(word):
        return ChannelRef(id=word)
    if word.startswith("#") and len(word) > 1:
        return ChannelRef(name=word[1:].lower())
    raise UsageError(
        f"{unescape(word)!r} is not a channel",
        hint="pick the channel with # so Slack links it, e.g. /digest setup #news 08:00 UTC",
    )


def parse_url(word: str) -> str:
    """``<https://x|x>`` / ``<https://x>`` / ``https://x`` -> ``https://x``."""
    m = _LINK.match(word)
    return unescape(m.group(1) if m else word)


def _unknown(word: str, usage: str) -> UsageError:
    return UsageError(f"I don't know {unescape(word)!r} here", hint=usage)


def parse_digest(text: str) -> DigestCommand:
    words = _words(text)
    if not words:
        return DigestWindowCmd("today")
    head, rest = words[0].lower(), words[1:]
    if head in ("help", "?"):
        return Help(DIGEST_USAGE)
    if head in WINDOWS or _DATE.match(head):
        return DigestWindowCmd(head, _topic(rest))
    if head in ("since", "days") and rest:  # "/digest days 3" as well as "days:3"
        head, rest = f"{head}:{rest[0].lower()}", rest[1:]
    if is_range(head):
        return DigestWindowCmd(head, _topic(rest))
    if head == "setup":
        if len(rest) < 3:
            raise UsageError(
                "/digest setup needs a channel, a time and a time zone",
                hint="for example: /digest setup #news 08:00 Europe/Berlin",
            )
        return SetupCmd(parse_channel(rest[0]), rest[1], rest[2], _topic(rest[3:]))
    if head == "stop":
        if len(rest) > 1:
            raise UsageError("/digest stop takes at most a channel", hint=DIGEST_USAGE)
        return StopCmd(parse_channel(rest[0]) if rest else None)
    if head == "now":
        if rest:
            raise UsageError("/digest now takes nothing after it", hint=DIGEST_USAGE)
        return NowCmd()
    raise _unknown(words[0], DIGEST_USAGE)


def parse_sources(text: str) -> SourcesCommand:
    words = _words(text)
    if not words:
        return SourcesList()
    head, rest = words[0].lower(), words[1:]
    if head in ("help", "?"):
        return Help(SOURCES_USAGE)
    if head == "list":
        if not rest:
            return SourcesList()
        if len(rest) == 1 and rest[0].isdigit() and int(rest[0]) >= 1:
            return SourcesList(int(rest[0]))
        raise UsageError("/sources list takes a page number", hint=SOURCES_USAGE)
    if head == "add":
        if not rest:
            raise UsageError(
                "/sources add needs the feed's address",
                hint="for example: /sources add https://example.com/feed.xml Example News",
            )
        return SourcesAdd(parse_url(rest[0]), _topic(rest[1:]))
    if head == "remove":
        if not rest:
            raise UsageError(
                "/sources remove needs the source's name", hint="see the names with /sources"
            )
        return SourcesRemove(" ".join(unescape(w) for w in rest))
    if head == "import":
        found = _FILE_ID.search(" ".join(rest))
        if not found:
            raise UsageError(
                "/sources import needs an OPML file shared in Slack",
                hint="share the file, copy its link, then: /sources import <link>",
            )
        return SourcesImport(found.group(1))
    raise _unknown(words[0], SOURCES_USAGE)


def parse_why(text: str) -> Help | WhyCmd:
    words = _words(text)
    if not words or words[0].lower() in ("help", "?"):
        return Help(WHY_USAGE)
    if len(words) > 1:
        raise UsageError("/why takes one link", hint=WHY_USAGE)
    return WhyCmd(parse_url(words[0]))
