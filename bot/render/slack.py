"""A Digest as Slack Block Kit payloads: one headline message and thread replies.

Pure: returns JSON-able dicts the Slack adapter passes to ``chat.postMessage`` (adding
channel and ``thread_ts``). Limits (DESIGN.md): section text 3,000, header 150, 50 blocks
per message, message text 40,000. Link previews are off in every payload so a digest
does not turn into a wall of cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.community.pings import slack_ping
from bot.models import Digest
from bot.render.common import (
    Markup,
    closing_lines,
    footer_lines,
    headline_parts,
    story_block,
    title_says_lead,
)
from bot.render.escape import clip, slack_link, slack_plain, slack_text
from bot.render.split import pack

SECTION_MAX = 3000
HEADER_MAX = 150
CONTEXT_MAX = 2000  # per context element; kept well inside the text-object limit
BLOCKS_MAX = 50
TEXT_MAX = 40000
FALLBACK_MAX = 3000  # the notification text; Slack allows more, nobody reads more

LINK = re.compile(r"<[^<>\s]*>")


@dataclass(frozen=True)
class SlackPost:
    headline: dict[str, Any]
    thread: list[dict[str, Any]]


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _payload(text: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "text": clip(text, FALLBACK_MAX) or "News digest",  # Slack rejects an empty text
        "blocks": blocks,
        "unfurl_links": False,
        "unfurl_media": False,
    }


MARKUP = Markup(bold="*", italic="_", bullet="•", text=slack_text, link=slack_link)


def _context(digest: Digest) -> dict[str, Any]:
    lines = footer_lines(digest)[:10]  # a context block holds at most 10 elements
    return {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": clip(slack_text(line), CONTEXT_MAX) or "-"} for line in lines
        ],
    }


def _headline_blocks(digest: Digest) -> list[dict[str, Any]]:
    header = clip(slack_plain(digest.title), HEADER_MAX) or "Digest"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": header, "emoji": False}}
    ]
    units = [*headline_parts(digest, MARKUP), "\n".join(closing_lines(digest, MARKUP))]

    sections = [_section(c) for u in units for c in pack([u], SECTION_MAX, link=LINK)]
    room = BLOCKS_MAX - len(blocks) - 2  # keep room for the divider and the context block
    if len(sections) > room:  # the thread carries everything; the headline stays whole
        sections = [*sections[: room - 1], sections[-1]]
    blocks += sections
    blocks += [{"type": "divider"}, _context(digest)]
    return blocks


def _thread(digest: Digest) -> list[dict[str, Any]]:
    """Stories packed into as few replies as fit (Slack allows ~1 message per second)."""
    messages: list[dict[str, Any]] = []
    blocks: list[dict[str, Any]] = []
    names: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal blocks, names, size
        if blocks:
            messages.append(_payload(" · ".join(names), blocks))
        blocks, names, size = [], [], 0

    stories = [(s, i == 0 and digest.lead is not None) for i, s in enumerate(digest.all_stories)]
    for story, lead in stories:
        story_blocks = [
            _section(c)
            for c in pack([story_block(story, MARKUP, lead=lead)], SECTION_MAX, link=LINK)
        ]
        story_blocks.append({"type": "divider"})
        story_size = sum(len(b["text"]["text"]) for b in story_blocks if "text" in b)
        if blocks and (
            len(blocks) + len(story_blocks) > BLOCKS_MAX or size + story_size > TEXT_MAX
        ):
            flush()
        # One story never needs more than 50 blocks: that would be 150,000 characters.
        blocks += story_blocks[:BLOCKS_MAX]
        names.append(slack_text(clip(story.headline, 150)))
        size += story_size
    if blocks and len(blocks) + 1 > BLOCKS_MAX:
        flush()
    blocks.append(_context(digest))
    names = names or [slack_text(digest.title)]
    flush()
    return messages


def render_slack(digest: Digest) -> SlackPost:
    title = slack_text(digest.title)
    lead = ""
    if digest.lead is not None and not title_says_lead(digest):
        lead = f" — {slack_text(digest.lead.headline)}"
    blocks = _headline_blocks(digest)
    if digest.ping:  # the one live mention: the user group the channel chose
        blocks.insert(0, _section(slack_ping(digest.ping)))
        title = f"{slack_ping(digest.ping)} {title}"
    headline = _payload(title + lead, blocks)
    return SlackPost(headline=headline, thread=_thread(digest))
