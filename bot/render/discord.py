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

from bot.models import Digest, DigestStory
from bot.render.common import (
    cited_paragraphs,
    footer_lines,
    outlet_count,
    paragraphs,
    quiet_line,
    title_says_lead,
    unlabel,
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


def _headline_link(story: DigestStory) -> str:
    if story.articles:
        return "**" + discord_link(story.headline, story.articles[0].url, max_label=200) + "**"
    return "**" + discord_text(clip(story.headline, 200)) + "**"


def _sources(story: DigestStory) -> list[str]:
    return [
        f"- {discord_link(a.title or a.url, a.url)} — {discord_text(a.source)}"
        for a in story.articles
    ]


def _outlet_links(story: DigestStory) -> str:
    links = " · ".join(discord_link(a.source or a.title, a.url) for a in story.articles)
    return f"**The lead** ({outlet_count(story)}): {links}"


def _story_block(story: DigestStory, *, lead: bool, told: bool = False) -> str:
    """One story for the thread; ``told``: the embed above already shows its summary and
    take whole, so the thread gives only its headline and links instead of repeating them."""
    label = "**The lead** · " if lead else ""
    lines = [f"{label}**{discord_text(story.headline)}** ({outlet_count(story)})"]
    if told:
        return "\n".join([*lines, *_sources(story)])
    lines += cited_paragraphs(story, discord_text, discord_link)
    if story.take:
        prefix = "**The take:** " if lead else "*My read:* "
        lines.append(prefix + discord_text(" ".join(paragraphs(unlabel(story.take)))))
    lines += _sources(story)
    return "\n".join(lines)


def _description(digest: Digest) -> tuple[str, bool]:
    """The headline embed: lead in short, one line per other story, bottom line; and
    whether the lead's whole text fit (then the thread does not say it again)."""
    budget = EMBED_DESCRIPTION_MAX
    units: list[str] = []
    if digest.lead is None:
        units.append(quiet_line(digest))
    else:
        lead = digest.lead
        parts = [_outlet_links(lead) if title_says_lead(digest) else _headline_link(lead)]
        parts += cited_paragraphs(lead, discord_text, discord_link)
        if lead.take:
            parts.append("**The take:** " + discord_text(" ".join(paragraphs(unlabel(lead.take)))))
        units.append("\n".join(parts))
    if digest.stories:
        wire = ["**Also on the wire**"]
        wire += [f"• {_headline_link(s)} ({outlet_count(s)})" for s in digest.stories]
        units.append("\n".join(wire))
    if digest.bottom_line.strip():
        units.append("**Bottom line:** " + discord_text(unlabel(digest.bottom_line)))
    units.append(f"— {discord_text(digest.signoff)}")
    if digest.all_stories:
        units.append("*Every story and link is in the thread.*")

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
    headline = {"embeds": [embed], "allowed_mentions": dict(NO_MENTIONS)}

    units: list[str] = []
    if digest.lead is not None:
        units.append(_story_block(digest.lead, lead=True, told=lead_told))
    units += [_story_block(s, lead=False) for s in digest.stories]
    units.append("\n".join("-# " + discord_text(line) for line in footer_lines(digest)))
    messages = [_message(chunk) for chunk in pack(units, CONTENT_MAX, link=LINK)]
    name = clip(discord_plain(digest.title), THREAD_NAME_MAX) or "Digest"
    return DiscordPost(headline=headline, thread_name=name, thread_messages=messages)
