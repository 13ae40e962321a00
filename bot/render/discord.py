"""A Digest as Discord payloads: one headline message (an embed) and thread messages.

Pure: returns JSON-able dicts the Discord adapter sends as they are. Every payload turns
mentions off (``allowed_mentions: {"parse": []}``) and every outside string is escaped,
so feed text cannot ping. Limits (DESIGN.md): content 2,000; embed title 256,
description 4,096, footer 2,048, all embeds together 6,000; thread name 100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.community.pings import discord_mentions, discord_ping
from bot.models import Digest
from bot.render.common import (
    Markup,
    closing_lines,
    footer_lines,
    headline_parts,
    story_block,
)
from bot.render.escape import clip, discord_link, discord_plain, discord_text
from bot.render.split import pack, split_text

CONTENT_MAX = 2000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FOOTER_MAX = 2048
EMBEDS_TOTAL_MAX = 6000
THREAD_NAME_MAX = 100
# Footer of the headline embed; the thread repeats the full small print.
_FOOTER_BUDGET = 1000
# Left free in every thread message for the daily post's marker line (adapters/discord/marker.py).
MARKER_ROOM = 32
EMBED_COLOR = 0x5865F2

NO_MENTIONS: dict[str, Any] = {"parse": []}
# A masked link as discord_link writes it: [label](<url>), label brackets escaped.
# A masked link. Its "[" is not an escaped one ("\[" is text), and its label stays on one
# line, so a span never runs from a bracket in feed text to a later real link.
LINK = re.compile(r"(?<!\\)\[(?:\\.|[^\]\\\n])*\]\(<[^<>\s]*>\)")


@dataclass(frozen=True)
class DiscordPost:
    headline: dict[str, Any]
    thread_name: str
    thread_messages: list[dict[str, Any]]


def _message(content: str) -> dict[str, Any]:
    return {"content": content, "allowed_mentions": dict(NO_MENTIONS)}


MARKUP = Markup(bold="**", italic="*", bullet="-", text=discord_text, link=discord_link)


def _description(digest: Digest) -> tuple[str, bool]:
    """The headline embed: lead in short, one line per other story, bottom line; and
    whether the lead's whole text fit (then the thread does not say it again)."""
    budget = EMBED_DESCRIPTION_MAX
    units = headline_parts(digest, MARKUP) + closing_lines(digest, MARKUP)

    out = ""
    lead_told = False
    for i, unit in enumerate(units):
        candidate = f"{out}\n\n{unit}" if out else unit
        if len(candidate) <= budget:
            out = candidate
            lead_told = lead_told or (i == 0 and digest.lead is not None)
            continue
        # Too long: keep what fits at a line boundary; the thread has the rest.
        room = budget - len(out) - 2 - 2  # the blank line, and "…" on its own line
        if room > 40:
            piece = split_text(unit, room, LINK)[0]
            out = f"{out}\n\n{piece}\n…" if out else f"{piece}\n…"
        break
    return out, lead_told


def render_discord(digest: Digest) -> DiscordPost:
    title = clip(discord_text(digest.title), EMBED_TITLE_MAX)
    if title.endswith("\\…"):  # a cut right after an escape would escape the ellipsis
        title = title[:-2] + "…"
    footer = clip(discord_plain(" · ".join(footer_lines(digest))), _FOOTER_BUDGET)
    description, lead_told = _description(digest)
    spare = EMBEDS_TOTAL_MAX - len(title) - len(footer)
    if len(description) > spare:  # cannot happen with today's budgets; kept as a guard
        description = split_text(description, spare, LINK)[0]
        lead_told = False
    embed: dict[str, Any] = {
        "title": title,
        "description": description,
        "color": EMBED_COLOR,
        "footer": {"text": footer},
    }
    if digest.generated_at is not None:
        embed["timestamp"] = digest.generated_at.isoformat()
    headline: dict[str, Any] = {"embeds": [embed], "allowed_mentions": dict(NO_MENTIONS)}
    if digest.ping:  # the one live mention: the role the channel chose (feed text stays inert)
        headline["content"] = discord_ping(digest.ping)
        headline["allowed_mentions"] = discord_mentions(digest.ping)

    units: list[str] = []
    if digest.lead is not None:
        units.append(story_block(digest.lead, MARKUP, lead=True, told=lead_told))
    units += [story_block(s, MARKUP, lead=False) for s in digest.stories]
    units.append("\n".join("-# " + discord_text(line) for line in footer_lines(digest)))
    chunks = pack(units, CONTENT_MAX - MARKER_ROOM, link=LINK)
    messages = [_message(chunk) for chunk in chunks]
    name = clip(discord_plain(digest.title), THREAD_NAME_MAX) or "Digest"
    return DiscordPost(headline=headline, thread_name=name, thread_messages=messages)
