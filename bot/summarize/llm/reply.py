"""Reading a model's JSON reply, however it was wrapped, and the schemas it must follow.

The schemas go to the server (``response_format``, Ollama's ``format``, Anthropic's tool)
so a model that honours them cannot write anything else. Models that do not still add
code fences, a sentence before or after, or return a list instead of an object: the first
JSON value that decodes is taken and validated with pydantic; anything without the fields
we asked for is a ``ReplyError`` and the caller asks once more, then falls back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from bot.summarize.storytype import KINDS

_TEXT: dict[str, Any] = {"type": "string"}
STORY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": _TEXT,
        "headline": _TEXT,
        "summary": _TEXT,
        "plain": _TEXT,
        "take": _TEXT,
        "kind": {"type": "string", "enum": list(KINDS)},
    },
    "required": ["id", "headline", "summary", "plain", "take", "kind"],
}
HOOK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"hook": _TEXT, "bottom_line": _TEXT},
    "required": ["hook", "bottom_line"],
}
DAY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        **HOOK_SCHEMA["properties"],
        "stories": {"type": "array", "items": STORY_SCHEMA},
    },
    "required": ["hook", "bottom_line", "stories"],
}


class _StoryModel(BaseModel):
    """One story as the model must write it; lists of strings are joined, text stripped."""

    model_config = ConfigDict(extra="ignore")
    id: str | None = None
    headline: str
    summary: str
    plain: str = ""
    take: str = ""
    kind: Any = "general"

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, v: Any) -> Any:
        return None if v is None else str(v).strip()

    @field_validator("headline", "summary", "plain", "take", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        if v is None:
            return ""
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            return " ".join(v)
        return v.strip() if isinstance(v, str) else v

    @field_validator("headline", "summary")
    @classmethod
    def _required(cls, v: str) -> str:
        if not v:
            raise ValueError("is empty")
        return v


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
    try:
        m = _StoryModel.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ReplyError(f"field {where!r}: {first.get('msg')}") from None
    return StoryReply(
        sid=m.id,
        headline=m.headline,
        summary=m.summary,
        plain=m.plain,
        take=m.take,
        kind=_kind(m.kind),
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
