"""The bot's answers to slash commands, as Slack message payloads (text + blocks).

Everything that came from outside (feed names and titles, URLs, error text that echoes what
the user typed) goes through ``slack_text``/``slack_link``, so nothing in an answer can ping
or reformat. Sizes stay inside Slack's limits (section 3,000 characters, 50 blocks).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.adapters.slack.parse import UsageError
from bot.errors import NewsbotError, PostError
from bot.feeds.urls import shown_url
from bot.models import ArticleIn, Feed
from bot.render.escape import clip, neutralize_broadcasts, safe_url, slack_link, slack_text
from bot.render.slack import LINK, SECTION_MAX
from bot.render.split import pack
from bot.services import WhyReport, source_health

PAGE_SIZE = 20
NAME_MAX = 120
URL_MAX = 500  # a longer feed address is shown as its name only
HEALTH_MAX = 300
BLOCKS_MAX = 50


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def message(text: str, *, visible: bool = False) -> dict[str, Any]:
    """A plain answer; ``visible`` posts it in the channel instead of only to the user."""
    return {
        "text": text,
        "response_type": "in_channel" if visible else "ephemeral",
        "unfurl_links": False,
        "unfurl_media": False,
    }


def _inert(text: str) -> str:
    """For our own sentences (hints): nothing can ping, but names like NEWSBOT_SLACK_ADMIN_USERS
    keep their underscores, so they can be copied as they are."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return neutralize_broadcasts(text)


def error_text(err: NewsbotError) -> str:
    """One clear sentence and the fix. The message may echo what the user typed or what a
    feed said, so it is escaped in full; usage hints are our own markup and stay as they are."""
    # a PostError's words are ours and Slack's error code (not_in_channel): no markup in them
    said = _sentence(_inert(str(err)) if isinstance(err, PostError) else slack_text(str(err)))
    hint = err.hint.strip()
    if not hint:
        return said
    if isinstance(err, UsageError):
        return f"{said}\n{hint}"
    return f"{said} {_sentence(_inert(hint))}"


def refusal(action: str) -> str:
    return (
        f"Only workspace admins and owners (or users on the bot's admin list) can {action}. "
        "Ask one of them, or ask the bot's operator to add you to NEWSBOT_SLACK_ADMIN_USERS."
    )


def _source_line(feed: Feed, now: datetime) -> str:
    """At most ~2,700 characters even escaped, so a page of 20 never loses a line."""
    shown = shown_url(feed.url)
    target = safe_url(shown)
    name = (
        slack_link(feed.name, shown, max_label=NAME_MAX)
        if target and len(target) <= URL_MAX
        else slack_text(clip(feed.name, NAME_MAX))
    )
    health = slack_text(clip(source_health(feed, now), HEALTH_MAX))
    where = " · added in this workspace" if feed.scope else ""
    return f"• *{name}* — {health}{where}"


def sources_page(feeds: Sequence[Feed], page: int, now: datetime) -> dict[str, Any]:
    """One page of ``/sources``: a summary line, one line per source, and the way on."""
    pages = max(1, math.ceil(len(feeds) / PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = feeds[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    failing = sum(1 for f in feeds if f.enabled and f.consecutive_failures)
    off = sum(1 for f in feeds if not f.enabled)
    new = sum(
        1 for f in feeds if f.enabled and not f.consecutive_failures and not f.last_success_at
    )
    working = len(feeds) - failing - off - new
    summary = f"*{len(feeds)} sources*: {working} working, {failing} failing"
    if new:
        summary += f", {new} not polled yet"
    if off:
        summary += f", {off} turned off"
    if pages > 1:
        summary += f" · page {page} of {pages}"
    lines = [_source_line(f, now) for f in shown]
    if not feeds:
        lines = ["No sources yet. Add one with `/sources add <feed url>`."]
    blocks = [_section(summary)]
    room = BLOCKS_MAX - 2
    blocks += [_section(c) for c in pack(lines, SECTION_MAX, sep="\n", link=LINK)][:room]
    if page < pages:
        more = f"Next page: `/sources list {page + 1}`"
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
    fallback = f"{len(feeds)} sources, {failing} failing"
    return {**message(fallback), "blocks": blocks}


def added(feed: Feed, newest: Sequence[ArticleIn]) -> dict[str, Any]:
    head = f"Now following *{slack_link(feed.name, shown_url(feed.url))}*."
    if newest:
        units = [head + " Its newest items:"]
        units += [f"• {slack_link(a.title or a.url, a.url)}" for a in newest]
    else:
        units = [head + " The feed is valid but has no items yet."]
    blocks = [_section(c) for c in pack(units, SECTION_MAX, sep="\n", link=LINK)]
    return {**message(f"Now following {slack_text(feed.name)}", visible=True), "blocks": blocks}


def removed(feed: Feed) -> dict[str, Any]:
    return message(f"Stopped following *{slack_text(feed.name)}*.", visible=True)


def why(report: WhyReport) -> dict[str, Any]:
    return message(slack_text(report.message))
