"""Make outside text (feed titles, summaries, source names, URLs) inert on each platform.

Feed text is untrusted: a title like ``@everyone <@&123> [click](https://evil)`` must not
ping anyone, reformat the message or disguise a link. Payloads are also sent with mentions
disabled (``allowed_mentions`` none on Discord); escaping is the second lock, so the text a
reader sees is the text the feed had, with nothing live in it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from bot.feeds.urls import without_tracking

ZWSP = "\u200b"  # zero-width space: invisible, but breaks a mention token apart

# Broadcast words: Discord pings on "@everyone"/"@here"; Slack bots with link_names on "@channel"...
_BROADCAST = re.compile(r"@(everyone|here|channel|group)\b", re.IGNORECASE)
# Discord markup that starts with "<": user/role/channel mentions, slash-command mentions,
# custom emoji, timestamps. A ZWSP after "<" leaves the text readable and dead.
_DISCORD_ANGLE = re.compile(r"<(?=[@#:/!&]|a:|t:)", re.I)  # "<A:" too, as the ping tests check
# Characters Discord markdown gives meaning anywhere in a line. Escaping the brackets is
# enough to kill a masked link "[text](url)"; parentheses alone mean nothing.
_DISCORD_SPECIAL = re.compile(r"([\\*_~`|\[\]])")
# At the start of the text these open a quote, heading, sub-text or list. (Our renderers
# put outside text after their own markup, but a thread line may start with it.)
_DISCORD_LINE_START = re.compile(r"^(\s*)(>|#|[-+](?=\s)|\d+\.(?=\s))")
_WS = re.compile(r"\s+")
# Slack mrkdwn formatting marks have no escape; a ZWSP in front stops them pairing up.
_SLACK_MARKS = re.compile(r"([*_~`])")

# Characters that would end or confuse a link target on either platform.
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def one_line(text: str) -> str:
    """Collapse all whitespace (feed titles arrive with newlines and tabs)."""
    return _WS.sub(" ", text).strip()


def cut(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, marking the cut (no word boundary)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clip(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, marking the cut."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return text[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    # never leave a dangling escape backslash that would swallow the ellipsis
    while cut.endswith("\\"):
        cut = cut[:-1]
    return cut.rstrip() + "…"


def neutralize_broadcasts(text: str) -> str:
    return _BROADCAST.sub(lambda m: "@" + ZWSP + m.group(1), text)


def discord_text(text: str) -> str:
    """Escape one piece of outside text for Discord message content or embeds."""
    text = one_line(text)
    text = _DISCORD_SPECIAL.sub(r"\\\1", text)
    text = _DISCORD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _DISCORD_ANGLE.sub("<" + ZWSP, text)
    # "@\u200beveryone" is what discord.py's escape_mentions does too
    return neutralize_broadcasts(text)


def discord_plain(text: str) -> str:
    """For fields that show no markdown (thread names): only mentions need breaking."""
    return neutralize_broadcasts(_DISCORD_ANGLE.sub("<" + ZWSP, one_line(text)))


def slack_text(text: str) -> str:
    """Escape outside text for Slack mrkdwn: the three control characters, then marks."""
    text = one_line(text)
    # &, <, > are the only characters Slack asks apps to escape; that alone kills
    # <!channel>, <!here>, <@U123> and <url|label> tricks in feed text.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SLACK_MARKS.sub(ZWSP + r"\1", text)
    return neutralize_broadcasts(text)


def slack_plain(text: str) -> str:
    """For Slack plain_text objects (header block): no mrkdwn, but keep it inert."""
    return neutralize_broadcasts(one_line(text).replace("<", "<" + ZWSP))


def safe_url(url: str) -> str | None:
    """The URL percent-encoded so it can sit inside a link; None when it is not http(s).

    Spaces, quotes, brackets, pipes and angle brackets would end a link early on one
    platform or another; ``@everyone`` inside a path is made inert the same way.
    """
    url = url.strip()
    if not re.match(r"^https?://[^\s/]", url, re.IGNORECASE):
        return None
    encoded = quote(url, safe=_URL_SAFE.replace("[", "").replace("]", ""))
    # ")" closes a Discord masked link; "@everyone" in a path must not read as a ping
    encoded = encoded.replace("(", "%28").replace(")", "%29")
    encoded = _BROADCAST.sub(lambda m: "%40" + m.group(1), encoded)
    return encoded


def discord_link(label: str, url: str, *, max_label: int = 120) -> str:
    """A masked link ``[label](<url>)``; the angle brackets stop Discord's link preview.

    A URL that is not http(s) is shown as escaped text, never as a link.
    """
    shown = discord_text(clip(one_line(label), max_label)) or "link"
    target = safe_url(without_tracking(url))
    if target is None:
        return f"{shown} ({discord_text(url)})"
    return f"[{shown}](<{target}>)"


def slack_link(label: str, url: str, *, max_label: int = 120) -> str:
    """Slack's ``<url|label>`` with the label escaped (a ``>`` in it would end the link)."""
    shown = slack_text(clip(one_line(label), max_label)) or "link"
    target = safe_url(without_tracking(url))
    if target is None:
        return f"{shown} ({slack_text(url)})"
    return f"<{target}|{shown}>"


def markdown_text(text: str) -> str:
    """Escape outside text for CommonMark (terminal and files)."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", one_line(text))


def markdown_link(label: str, url: str) -> str:
    shown = markdown_text(label) or "link"
    target = safe_url(without_tracking(url))
    if target is None:
        return f"{shown} ({markdown_text(url)})"
    return f"[{shown}](<{target}>)"
