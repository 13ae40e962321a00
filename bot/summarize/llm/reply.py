"""Reading a model's JSON reply, however it was wrapped.

Models asked for "JSON only" still add code fences, a sentence before or after, or return
a list instead of an object. The first JSON value that decodes is taken; anything that does
not have the fields we asked for is a ``ReplyError`` and the caller falls back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.summarize.storytype import KINDS

_FENCE = re.compile(r"```[a-zA-Z0-9_-]*\s*\n?(.*?)```", re.S)
_KIND_ALIASES = {
    "open source": "open_source",
    "open-source": "open_source",
    "opensource": "open_source",
}


class ReplyError(ValueError):
    """The reply is not the JSON we asked for."""


@dataclass(frozen=True)
class StoryReply:
    sid: str | None
    headline: str
    summary: str
    plain: str
    take: str
    kind: str


@dataclass(frozen=True)
class DayReply:
    hook: str
    bottom_line: str
    stories: dict[str, StoryReply]  # by story id; stories that failed to parse are absent
    bad: int  # story entries present but unusable


def extract_json(text: str) -> Any:
    """The first JSON object or list in ``text`` (inside code fences or around prose)."""
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for candidate in candidates:
        stripped = candidate.strip()
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            pass
        for m in re.finditer(r"[\[{]", stripped):
            try:
                value, _end = decoder.raw_decode(stripped, m.start())
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict | list) and value:
                return value
    raise ReplyError(f"no JSON object in the reply ({_preview(text)})")


def _text(obj: dict[str, Any], key: str, *, required: bool) -> str:
    value = obj.get(key)
    if value is None:
        value = ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = " ".join(value)
    if not isinstance(value, str):
        raise ReplyError(f"field {key!r} is {type(value).__name__}, not text")
    value = value.strip()
    if required and not value:
        raise ReplyError(f"field {key!r} is empty")
    return value


def _kind(value: Any) -> str:
    if not isinstance(value, str):
        return "general"
    k = value.strip().lower()
    k = _KIND_ALIASES.get(k, k.replace(" ", "_"))
    return k if k in KINDS else "general"


def story_from(obj: Any) -> StoryReply:
    if not isinstance(obj, dict):
        raise ReplyError(f"a story is {type(obj).__name__}, not an object")
    sid = obj.get("id")
    return StoryReply(
        sid=str(sid).strip() if sid is not None else None,
        headline=_text(obj, "headline", required=True),
        summary=_text(obj, "summary", required=True),
        plain=_text(obj, "plain", required=False),
        take=_text(obj, "take", required=False),
        kind=_kind(obj.get("kind")),
    )


def parse_story(text: str) -> StoryReply:
    value = extract_json(text)
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict) and isinstance(value.get("stories"), list) and value["stories"]:
        value = value["stories"][0]  # answered in the day shape; the one story is inside
    return story_from(value)


def parse_day(text: str, expected: list[str]) -> DayReply:
    """The day reply; story entries matched by id, or by position when ids are missing."""
    value = extract_json(text)
    if isinstance(value, list):
        value = {"stories": value}
    if not isinstance(value, dict):
        raise ReplyError("the reply is not a JSON object")
    entries = value.get("stories")
    if not isinstance(entries, list):
        raise ReplyError('the reply has no "stories" list')
    stories: dict[str, StoryReply] = {}
    bad = 0
    for position, entry in enumerate(entries):
        try:
            story = story_from(entry)
        except ReplyError:
            bad += 1
            continue
        sid = story.sid if story.sid in expected else None
        if sid is None and position < len(expected) and len(entries) == len(expected):
            sid = expected[position]
        if sid is not None and sid not in stories:
            stories[sid] = story
    return DayReply(
        hook=_text(value, "hook", required=False) if _is_text(value.get("hook")) else "",
        bottom_line=(
            _text(value, "bottom_line", required=False)
            if _is_text(value.get("bottom_line"))
            else ""
        ),
        stories=stories,
        bad=bad,
    )


def parse_hook(text: str) -> tuple[str, str]:
    value = extract_json(text)
    if not isinstance(value, dict):
        raise ReplyError("the reply is not a JSON object")
    hook = _text(value, "hook", required=False) if _is_text(value.get("hook")) else ""
    bottom = value.get("bottom_line")
    bottom_line = _text(value, "bottom_line", required=False) if _is_text(bottom) else ""
    if not hook and not bottom_line:
        raise ReplyError('the reply has neither "hook" nor "bottom_line"')
    return hook, bottom_line


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat[:80] + ("…" if len(flat) > 80 else ""))
