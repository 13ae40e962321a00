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


def _headline_link(story: DigestStory) -> str:
    if story.articles:
        return "*" + slack_link(story.headline, story.articles[0].url, max_label=200) + "*"
    return "*" + slack_text(clip(story.headline, 200)) + "*"


def _outlet_links(story: DigestStory) -> str:
    """``*The lead* (2 outlets): <url|TechCrunch> · <url|The Verge>``, for a lead whose
    headline the title already shows."""
    links = " · ".join(slack_link(a.source or a.title, a.url) for a in story.articles)
    return f"*The lead* ({outlet_count(story)}): {links}"


def _story_text(story: DigestStory, *, lead: bool) -> str:
    label = "*The lead* · " if lead else ""
    lines = [f"{label}*{slack_text(story.headline)}* ({outlet_count(story)})"]
    lines += cited_paragraphs(story, slack_text, slack_link)
    if story.take:
        prefix = "*The take:* " if lead else "_My read:_ "
        lines.append(prefix + slack_text(" ".join(paragraphs(unlabel(story.take)))))
    lines += [
        f"• {slack_link(a.title or a.url, a.url)} — {slack_text(a.source)}" for a in story.articles
    ]
    return "\n".join(lines)


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
    units: list[str] = []
    if digest.lead is None:
        units.append(quiet_line(digest))
    else:
        lead = digest.lead
        first = _outlet_links(lead) if title_says_lead(digest) else _headline_link(lead)
        parts = [first, *cited_paragraphs(lead, slack_text, slack_link)]
        if lead.take:
            parts.append("*The take:* " + slack_text(" ".join(paragraphs(unlabel(lead.take)))))
        units.append("\n".join(parts))
    if digest.stories:
        wire = ["*Also on the wire*"]
        wire += [f"• {_headline_link(s)} ({outlet_count(s)})" for s in digest.stories]
        units.append("\n".join(wire))
    closing = []
    if digest.bottom_line.strip():
        closing.append("*Bottom line:* " + slack_text(unlabel(digest.bottom_line)))
    closing.append(f"— {slack_text(digest.signoff)}")
    if digest.all_stories:
        closing.append("_Every story and link is in the thread._")
    units.append("\n".join(closing))

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
            _section(c) for c in pack([_story_text(story, lead=lead)], SECTION_MAX, link=LINK)
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
    headline = _payload(title + lead, _headline_blocks(digest))
    return SlackPost(headline=headline, thread=_thread(digest))
