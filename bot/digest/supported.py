"""Every writer's words through the sentence-support check, into the digest's stories.

Runs on whatever wrote the day (the LLM, the offline voice, a fallback): each fact
sentence is kept only when a source sentence supports it, and keeps the pages that did as
its citations; a headline no source backs becomes the best title that is not an order to
a model. A story left with no supported fact is written again by the offline voice and
checked again; if even that has nothing, its first supported title stands alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.models import Citation, DigestArticle, DigestStory, DigestWindow, Story
from bot.render.escape import cut
from bot.summarize.base import DigestText, StoryText
from bot.summarize.guard import check as guard_check
from bot.summarize.guard import gives_orders as is_order

# The story check (bot.summarize.support) loads with the first story: a quiet day has none.
if TYPE_CHECKING:
    from bot.summarize.support import StoryCheck


def _citations(story: Story, check: StoryCheck) -> tuple[Citation, ...]:
    out = []
    for sentence, owners in check.citations:
        urls = tuple(dict.fromkeys(story.articles[i].url for i in owners))
        out.append(Citation(sentence, urls))
    return tuple(out)


def _check(story: Story, words: StoryText) -> StoryCheck:
    from bot.summarize.support import check_story

    return check_story(story, words.headline, words.summary, words.take)


def supported_stories(
    stories: Sequence[Story],
    text: DigestText,
    window: DigestWindow,
    articles: Sequence[tuple[DigestArticle, ...]],
) -> tuple[list[DigestStory], tuple[str, ...]]:
    """The checked stories and the footer notes saying what the check took out."""
    out: list[DigestStory] = []
    dropped = 0
    rewritten: list[str] = []
    for index, (story, words) in enumerate(zip(stories, text.stories, strict=True)):
        from bot.summarize.support import safe_title

        check = _check(story, words)
        dropped += check.dropped
        if not check.citations and check.dropped and not text.backend.startswith("extractive"):
            # the writer's facts all failed: the offline voice, checked the same way
            from bot.summarize.offline.voice import write_offline  # loaded when used

            offline = write_offline([story], window).stories[0]
            check = _check(story, offline)
            rewritten.append(safe_title(story) or story.key)
        first = check.citations[0][0] if check.citations else ""
        out.append(
            DigestStory(
                headline=check.headline or safe_title(story) or cut(first, 100),
                summary=check.summary,
                take=check.take,
                articles=_no_orders(articles[index]),
                kind=words.kind,
                citations=_citations(story, check),
            )
        )
    notes: list[str] = []
    if dropped:
        s = "" if dropped == 1 else "s"
        notes.append(f"{dropped} sentence{s} no source supports: left out")
    for title in rewritten:
        notes.append(f'story "{title[:60]}": no supported fact, offline voice used')
    return out, tuple(notes)


def _no_orders(articles: tuple[DigestArticle, ...]) -> tuple[DigestArticle, ...]:
    """A source whose title is an order to a model is listed by its address only."""
    return tuple(replace(a, title="") if is_order(a.title) else a for a in articles)


def supported_day(hook: str, bottom_line: str, stories: Sequence[Story]) -> tuple[str, str]:
    """The day's hook and bottom line with nothing no source says (orders included)."""
    sources = [s for story in stories for a in story.articles for s in (a.title, a.text) if s]
    sources = [s for s in sources if not is_order(s)]
    head = guard_check(hook, sources, title_case=True)
    if head.dropped or is_order(hook):
        from bot.summarize.support import safe_title

        hook = safe_title(stories[0]) if stories else ""
    bottom = guard_check(bottom_line, sources)
    return hook, bottom.kept
