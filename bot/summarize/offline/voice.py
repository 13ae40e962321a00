"""The offline voice: extracted source sentences shaped into the STYLE.md digest.

For each story: the facts are whole source sentences (central ones first, picked by
``extractive.rank_sentences``), put in plain words and cut short where they can be; then a
line on what it means and, for the lead, the take, from ``templates`` by story type. The
only thing a template adds from the story is ``{who}``, a name from the story's own
headline. Sentences with hype words are skipped, never repeated. As a last check the
whole text goes through the faithfulness guard against the story's sources; a sentence
that fails is dropped and the footer says so.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from bot.models import DigestWindow, Story
from bot.summarize.base import DigestText, StoryText
from bot.summarize.guard import check
from bot.summarize.offline import templates as T
from bot.summarize.offline.extractive import rank_sentences
from bot.summarize.offline.plain import is_hype, plain, plain_sentences
from bot.summarize.storytype import detect_kind

__all__ = ["plain", "subject", "write_offline"]

# Lead: up to three fact sentences, about this many words in all; wire items: one.
LEAD_FACTS = 3
LEAD_WORDS = 45
WIRE_WORDS = 28
CANDIDATES = 12  # ranked sentences considered per story
TOO_LONG = 40  # words: a source sentence this long is a last resort
LONG_AFTER_FIRST = 22  # words: after the opening fact, only pieces this short

_NAME = re.compile(r"[A-Z][\w.&+-]*(?:\s[A-Z0-9][\w.&+-]*)*")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalized headline words that name no one: question words, labels, days, months.
_NOT_SUBJECT = _wordset(
    """
    AI US UK EU How Why What When Where Who Which Is Are Does Do Can Will The A An This That
    These Those Here Last First New Exclusive Update Updated Breaking Report Review Opinion
    Analysis Watch Live Inside Meet Today Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Save
    """
)
_DEMONYM = re.compile(r"(?:ese|ian|ish|can|ean)$")
# First person (reviews, columns) and questions are not facts we can pass on.
_NOT_FACT = re.compile(r"^(?:I|We|My|Our|You)\b|\?$|^[\"“‘']")


def subject(headline: str) -> str | None:
    """The company or person a headline is about: its first real name, if any."""
    for m in _NAME.finditer(headline.replace("’s", "").replace("'s", "")):
        words = [w for w in m.group().split() if w not in _NOT_SUBJECT]
        while words and not words[0][0].isupper():
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        if len(words) == 1 and _DEMONYM.search(name):
            continue
        return name.rstrip(".")
    return None


def _pick(options: Sequence[str], key: str, salt: str, used: set[str]) -> str:
    """A variant chosen by the story key; one not used yet today when there is one."""
    start = int(hashlib.sha256(f"{key}:{salt}".encode()).hexdigest(), 16) % len(options)
    for i in range(len(options)):
        option = options[(start + i) % len(options)]
        if option not in used:
            used.add(option)
            return option
    return options[start]


def _fill(template: str, who: str | None) -> str:
    return template.format(who=who or "them")


def _usable(options: Sequence[str], who: str | None) -> list[str]:
    """Lines that need a name are left out when the headline names no one."""
    return [o for o in options if who or "{who}" not in o] or list(options)


def _sources(story: Story) -> list[str]:
    return [f"{a.title}. {a.text}" for a in story.articles]


def _facts(story: Story, budget: int, most: int) -> list[str]:
    """Short plain sentences from the story's most central source sentences."""
    docs = [a.text or a.title for a in story.articles]
    ranked = rank_sentences(docs, limit=CANDIDATES)
    usable = [r for r in ranked if not is_hype(r[2]) and not _NOT_FACT.search(r[2])]
    short = [r for r in usable if len(r[2].split()) <= TOO_LONG] or usable
    picked: list[tuple[int, int, list[str]]] = []
    words = 0
    count = 0
    for doc, pos, sentence in short:
        if count >= most or words >= budget:
            break
        pieces = [p for p in plain_sentences(sentence) if not is_hype(p)]
        if picked and any(len(p.split()) > LONG_AFTER_FIRST for p in pieces):
            continue
        keep: list[str] = []
        for piece in pieces:
            n = len(piece.split())
            if keep and (words + n > budget + 10 or count >= most):
                break
            keep.append(piece)
            words += n
            count += 1
        if keep:
            picked.append((doc, pos, keep))
    return [p for _, _, pieces in picked for p in pieces]


def _story_text(story: Story, lead: bool, used: set[str]) -> tuple[StoryText, int]:
    headline = story.lead_article.title
    kind = detect_kind(" ".join(a.text[:600] for a in story.articles), headline=headline)
    who = subject(headline)
    facts = _facts(story, LEAD_WORDS if lead else WIRE_WORDS, LEAD_FACTS if lead else 1)
    if not facts and lead and not is_hype(headline):
        facts = [plain(headline)]  # a lead with no text: its headline is the one fact we have
    if lead:
        means = _fill(_pick(_usable(T.MEANS[kind], who), story.key, "means", used), who)
        take: str | None = _fill(_pick(_usable(T.TAKES[kind], who), story.key, "take", used), who)
    else:
        means = _fill(_pick(_usable(T.WIRE[kind], who), story.key, "wire", used), who)
        take = None
    sources = _sources(story)
    parts = [" ".join(facts), means] + ([take] if take else [])
    checked = [check(p, sources) for p in parts]
    dropped = sum(len(c.dropped) for c in checked)
    summary = "\n\n".join(c.kept for c in checked[:2] if c.kept)
    take = checked[2].kept if take else None
    return StoryText(headline=headline, summary=summary, take=take or None, kind=kind), dropped


def _bottom_line(texts: Sequence[StoryText], articles: int) -> str:
    if len(texts) <= 2 and articles <= 3:
        return T.QUIET[0].format(count=T.NAMED_COUNTS[len(texts)])
    kinds = Counter(t.kind for t in texts if t.kind != "general")
    # most stories first; on a tie, the type of the higher-ranked story
    order = {t.kind: i for i, t in reversed(list(enumerate(texts)))}
    top = sorted(kinds, key=lambda k: (-kinds[k], order[k]))
    if len(top) >= 2 and kinds[top[1]] >= 1 and kinds[top[0]] + kinds[top[1]] >= 3:
        a, b = T.TOPICS[top[0]], T.TOPICS[top[1]]
        advice = T.DAY[top[0]].split(". ", 1)[-1]
        return f"{T.TWO_THREADS.format(a=a, b=b)} {advice}"
    if top and kinds[top[0]] >= 2:
        return T.DAY[top[0]]
    return T.MIXED


def _hook(lead: StoryText) -> str:
    headline = " ".join(lead.headline.split())
    if headline and not is_hype(headline) and len(headline) <= 90:
        return headline
    return T.HOOKS[lead.kind]


def write_offline(stories: Sequence[Story], window: DigestWindow) -> DigestText:
    if not stories:
        return DigestText(
            hook=T.QUIET_HOOK, stories=(), bottom_line=T.QUIET[1], backend="extractive"
        )
    used: set[str] = set()
    written = [_story_text(s, i == 0, used) for i, s in enumerate(stories)]
    texts = tuple(t for t, _ in written)
    dropped = sum(d for _, d in written)
    notes = (f"{dropped} offline sentences dropped: not in any source",) if dropped else ()
    return DigestText(
        hook=_hook(texts[0]),
        stories=texts,
        bottom_line=_bottom_line(texts, sum(len(s.articles) for s in stories)),
        backend="extractive",
        notes=notes,
    )
