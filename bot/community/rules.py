"""Keyword rules and muted sources, applied to a window's stories (pure, no I/O).

A server (or workspace) sets rules for all its channels, or for one channel; a destination
reads both. Three kinds:

- ``include``: when a destination has any, a story is kept only if it mentions one of them;
- ``exclude``: a story that mentions any of them is hidden;
- ``mute``: a source's articles are taken out of every story; a story left with no article
  is hidden. Mutes are server-wide: they are how a server drops a global source for itself.

A phrase "mentions" a story when it appears, case-insensitively and as whole words, in the
title or text of one of the story's (unmuted) articles; "open-source" and "open source" are
the same phrase, as for topics.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from bot.errors import NewsbotError
from bot.models import Story

INCLUDE = "include"
EXCLUDE = "exclude"
MUTE = "mute"
KINDS = (INCLUDE, EXCLUDE, MUTE)
MAX_PHRASE = 100
MAX_RULES = 50  # per server and channel: more is a sign of a mistake, and slows every digest


def normalize_phrase(text: str) -> str:
    """Lower case, ``-_/`` as spaces, single spaces: the form rules are stored and matched in."""
    return " ".join(re.sub(r"[-_/]", " ", text.casefold()).split())


def clean_phrase(text: str) -> str:
    """A phrase a user typed, checked: one clear error for empty or overlong input."""
    phrase = normalize_phrase(text.strip().strip("\"'“”"))
    if not phrase or not re.search(r"\w", phrase):
        raise NewsbotError(
            "a rule needs a word or phrase", hint="for example: exclude crypto, include open source"
        )
    if len(phrase) > MAX_PHRASE:
        raise NewsbotError(
            f"that phrase is {len(phrase)} characters long",
            hint=f"keep a rule under {MAX_PHRASE} characters; one rule per word or phrase",
        )
    return phrase


@dataclass(frozen=True)
class RuleSpec:
    """A rule as set. ``channel_id`` is "" for the whole server; ``value`` is the phrase,
    or the source's name for a mute (``feed_id`` then says which source)."""

    scope: str
    channel_id: str
    kind: str
    value: str
    feed_id: int | None = None
    created_by: str | None = None

    @property
    def server_wide(self) -> bool:
        return not self.channel_id


@dataclass(frozen=True, kw_only=True)
class Rule(RuleSpec):
    """One stored rule: its spec and the id it is stored under."""

    id: int


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    terms = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")


@dataclass(frozen=True)
class Filters:
    """The rules that apply in one destination (the server's plus the channel's own)."""

    rules: tuple[Rule, ...] = ()

    @property
    def includes(self) -> tuple[str, ...]:
        return tuple(r.value for r in self.rules if r.kind == INCLUDE)

    @property
    def excludes(self) -> tuple[str, ...]:
        return tuple(r.value for r in self.rules if r.kind == EXCLUDE)

    @property
    def muted(self) -> frozenset[int]:
        return frozenset(r.feed_id for r in self.rules if r.kind == MUTE and r.feed_id)

    @property
    def muted_names(self) -> tuple[str, ...]:
        return tuple(r.value for r in self.rules if r.kind == MUTE)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def apply(self, stories: Sequence[Story]) -> tuple[list[Story], int]:
        """The stories this destination sees, in the same order, and how many were hidden."""
        if not self.rules:
            return list(stories), 0
        muted = self.muted
        include = _pattern(self.includes)
        exclude = _pattern(self.excludes)
        kept: list[Story] = []
        for story in stories:
            articles = tuple(a for a in story.articles if a.feed_id not in muted)
            if not articles:
                continue
            text = normalize_phrase(" ".join(f"{a.title} {a.text}" for a in articles))
            if exclude is not None and exclude.search(text):
                continue
            if include is not None and not include.search(text):
                continue
            kept.append(
                story if len(articles) == len(story.articles) else replace(story, articles=articles)
            )
        return kept, len(stories) - len(kept)

    def describe(self, esc: Callable[[str], str] = str) -> list[str]:
        """Lines for listings: what is muted, included, excluded, and where. ``esc`` escapes
        the users' words for the platform; channel mentions (``<#id>``) are left live."""
        lines: list[str] = []
        if self.muted_names:
            lines.append("muted sources: " + esc(", ".join(self.muted_names)))
        for kind, label in ((INCLUDE, "only stories about"), (EXCLUDE, "hiding stories about")):
            channels = dict.fromkeys(r.channel_id for r in self.rules if r.kind == kind)
            for channel in sorted(channels, key=lambda c: (c != "", c)):
                mine = [r for r in self.rules if r.kind == kind and r.channel_id == channel]
                where = f" (in <#{channel}> only)" if channel else ""
                phrases = esc(", ".join(f'"{r.value}"' for r in mine))
                lines.append(f"{label}: {phrases}{where}")
        return lines


def hidden_note(hidden: int) -> str | None:
    """The digest footer's line, when rules hid something."""
    if not hidden:
        return None
    noun = "story" if hidden == 1 else "stories"
    return f"{hidden} {noun} hidden by this channel's filters (/filters list shows them)"
