"""From a model's story reply to the story's text: what the guard lets through.

Every number and name must be in that story's sources (articles without the sentences
that give a model orders); hype and pings are dropped. A summary that loses everything,
or more than half, is refused and the story goes to the offline voice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.models import Story
from bot.summarize.base import StoryText
from bot.summarize.guard import check
from bot.summarize.llm.cache import CachedDay
from bot.summarize.llm.reply import StoryReply

PLAIN_PREFIX = "In plain terms:"


@dataclass
class Accepted:
    text: StoryText | None  # None: refused, ``why`` says so
    why: str = ""
    dropped: Counter[str] = field(default_factory=Counter)
    needs_take: bool = False  # the lead's take was empty or dropped


def sources_of(story: Story) -> list[str]:
    return [a.title for a in story.articles] + [a.text for a in story.articles]


def accept_story(reply: StoryReply, story: Story, clean: Story, *, lead: bool) -> Accepted:
    sources = sources_of(clean)
    dropped: Counter[str] = Counter()

    headline_check = check(reply.headline, sources, title_case=True)
    dropped.update(headline_check.reasons)
    headline = headline_check.kept if not headline_check.dropped else ""
    headline = headline or story.lead_article.title

    facts = check(reply.summary, sources)
    dropped.update(facts.reasons)
    if not facts.kept or 2 * len(facts.dropped) > facts.total:
        why = f"{len(facts.dropped)} of {facts.total} LLM sentences not in any source"
        return Accepted(None, why, dropped)
    plain_text = reply.plain
    if plain_text and not plain_text.lower().startswith(PLAIN_PREFIX.lower()):
        plain_text = f"{PLAIN_PREFIX} {plain_text[0].lower()}{plain_text[1:]}"
    plain = check(plain_text, sources)
    dropped.update(plain.reasons)
    summary = facts.kept + (f"\n\n{plain.kept}" if plain.kept else "")

    take_check = check(reply.take, sources)
    dropped.update(take_check.reasons)
    take = take_check.kept or None
    text = StoryText(headline=headline, summary=summary, take=take, kind=reply.kind)
    return Accepted(text, "", dropped, needs_take=lead and take is None)


def accept_day(
    hook: str, bottom_line: str, sources: list[str], dropped: Counter[str]
) -> CachedDay | None:
    hook_check = check(hook, sources)
    bottom_check = check(bottom_line, sources)
    dropped.update(hook_check.reasons)
    dropped.update(bottom_check.reasons)
    if not hook_check.kept or not bottom_check.kept:
        return None
    return CachedDay(hook=hook_check.kept, bottom_line=bottom_check.kept)
