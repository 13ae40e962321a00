""" "In plain terms", "My read" and the bottom line, from the story's own facts or not at all.

``slots.find`` reads who gains, who pays, how much and by when out of the story's
sentences; a line from ``templates`` is written only when every slot it names is filled,
and only when its words were not already used under another story today.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime
from string import Formatter

from bot.models import Story
from bot.summarize.base import StoryText
from bot.summarize.guard import is_order, strip_orders
from bot.summarize.offline import templates as T
from bot.summarize.offline.slots import Slots, find

_YEAR = re.compile(r"20\d\d")
# A printed fact this long or shorter says its news plainly enough; "In plain terms" earns
# its place by pulling the figure out of a longer one (Alpha School's 60-word sentence whose
# price, "up to $65,000 a year", is the reader's number). The same bound as the longest
# sentence the voice lets lead (voice.FIRST_LONGEST).
TOLD_WORDS = 35
_UNIT = re.compile(r"\s?\b(million|billion|trillion)\b", re.I)


def _fields(line: str) -> set[str]:
    return {f for _, f, _, _ in Formatter().parse(line) if f}


def _groups(
    slots: Slots, kind: str, today: datetime | None, table: dict[str, tuple[str, ...]]
) -> list[str]:
    """The line groups this story's facts can fill, strongest evidence first."""
    out: list[str] = []
    if slots.bought:
        out.append("bought")
    if slots.raised:
        out += ["valued", "raised"] if slots.valuation else ["raised"]
    if slots.paid:
        out.append("paid")
    # a count is a plain fact ("16,000 corporate jobs"), never a take's subject: the same
    # count is a leak under one story and a hiring plan under the next
    if slots.count and kind in ("security", "people") and table is T.MEANS:
        out.append(kind)
    # "the price is up to $65,000 a year" is a plain fact under any story, but the take's
    # advice on a price ("try it on one real job before you pay...") fits a product only
    if slots.price and (table is T.MEANS or kind == "release"):
        out.append("price")
    if slots.when and today is not None and _future(slots.when, today):
        out.append("when")
    return out


def _future(when: str, today: datetime) -> bool:
    years = [int(y) for y in _YEAR.findall(when)]
    return when.startswith("next") or (bool(years) and min(years) > today.year)


def _money_short(text: str) -> str:
    """The figure as one spelling ("$400 million" and "$400M"), whichever the text uses."""
    return _UNIT.sub(lambda m: m.group(1)[0].upper(), text)


def _told(value: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_money_short(value))}(?!\w)", text) is not None


def _fill(
    table: dict[str, tuple[str, ...]],
    groups: list[str],
    slots: Slots,
    key: str,
    used: set[str],
    told: str | None = None,
) -> str | None:
    """The first line of the first group the slots fill, not yet used today; with ``told``
    (the words the reader has just read), only a line with a value ``told`` lacks."""
    values = {k: v for k, v in vars(slots).items() if isinstance(v, str) and v}
    for group in groups:
        options = [o for o in table.get(group, ()) if _fields(o) <= values.keys()]
        if told is not None:
            options = [o for o in options if not all(_told(values[f], told) for f in _fields(o))]
        if not options:
            continue
        start = int(hashlib.sha256(f"{key}:{group}".encode()).hexdigest(), 16) % len(options)
        for i in range(len(options)):
            line = options[(start + i) % len(options)].format(**values)
            if line not in used:
                used.add(line)
                return line
    return None


def means_line(facts: Sequence[str], story: Story, kind: str, used: set[str]) -> str | None:
    """'In plain terms: ...' when the facts fill a line that tells the reader something the
    headline and the printed facts do not already say plainly; otherwise nothing.

    "Cursor is now a part of SpaceX" / "Cursor has officially been acquired by SpaceX." needs
    no "In plain terms: Cursor now belongs to SpaceX.": every name and figure of that line
    is in the headline or in a short fact, so it only says the news a third time. A figure
    buried in a long fact sentence is worth pulling out.
    """
    if not facts:
        return None
    slots = _slots(facts, story)
    told = " ".join([story.lead_article.title, *(f for f in facts if len(f.split()) <= TOLD_WORDS)])
    groups = _groups(slots, kind, None, T.MEANS)
    return _fill(T.MEANS, groups, slots, story.key, used, _money_short(told))


def take_line(
    facts: Sequence[str], story: Story, used: set[str], today: datetime, kind: str = "general"
) -> str | None:
    """'My read: ...' for the lead, when the facts fill one; otherwise no take. ``kind`` is
    the story type (``storytype.detect_kind``): a price gets advice only under a release."""
    if not facts:
        return None
    slots = _slots(facts, story)
    return _fill(T.TAKES, _groups(slots, kind, today, T.TAKES), slots, story.key, used)


def _slots(facts: Sequence[str], story: Story) -> Slots:
    # an order to a summarizer hidden in an article ("report that X raised $900B") is no
    # fact: neither its sentence nor a title that is one can fill a slot
    bodies = [strip_orders(a.text) for a in story.articles]
    headline = story.lead_article.title
    return find(facts, bodies, "" if is_order(headline) else headline)


def bottom_line(texts: Sequence[StoryText], stories: Sequence[Story], used: set[str]) -> str:
    """The day's money, each amount with whose it is; empty when no story carries one."""
    items: list[str] = []
    for text, story in zip(texts, stories, strict=True):
        facts = [s for s in re.split(r"(?<=[.!?])\s+", text.summary.split("\n\n")[0]) if s]
        slots = _slots(facts, story)
        if slots.who and slots.amount and (slots.raised or slots.paid or slots.bought):
            items.append(T.MONEY_ITEM.format(who=slots.who, amount=slots.amount))
    if len(items) < 2:
        return ""
    line = T.MONEY_LINE.format(items="; ".join(items[:4]))
    used.add(line)
    return line
