"""The backdrop a post is written against, told as if it were news: lines the anchor and
the verb test pass because they have a named subject, a verb and a detail.

Read on the blog rows of bench/style.py (blind reports 3 to 8 and 11), where these were
the not-news lines left after writer23 and the anchor (21 printed fact lines, each
labelled in tests/data/writer/printed.jsonl); each rule is a shape, checked on every
labelled sentence of tests/data/writer and on every bench row's digests:

- a general truth: a bare plural subject (no article, no owner) and a present of state
  or use ("3.5" floppy disks hold information by ...", "Used Gigabyte MJ11-EC1 mainboards
  are available for low prices ...", "Modern versions of macOS and iOS ship with ...",
  "Text fragments allow you to link ...", "..., programmers still have jobs."). It tells
  how things are, not what anyone did. Not with "now" after the verb ("New vision models
  are now available: ..."), a perfect ("U.S. forces have sunk ...", "have not released")
  or a progressive ("Chinese regulators are taking ..."): those are events;
- what a thing is for: "was developed/designed/built/made/meant to" ("The charger was
  developed to charge a whole litter of Blinkekatzen ...", "Teen Accounts are designed
  to give parents peace of mind."): a purpose, not an act;
- a state that has lasted: "has been a/an/the ... since" ("Generative AI has been the new
  cool kid on the AI / ML block since early this year."), as ``blog`` refuses "has been
  around since". "Since earlier this year, some Figure 02s have been working ..." (an
  activity, labelled news) is not this shape;
- a calendar fact: a date or a year as the subject ("December 31, 2023 marks the end of
  Odeuropa's research grant ...", "2025 marked the 80-year anniversary of ..."), or an
  anniversary itself as what someone does ("Next year, the United States will celebrate
  its Semiquincentennial, or 250th anniversary."). What someone does for the day is news
  ("As the 25th anniversary approaches, National Geographic ... is marking the occasion
  with a new documentary ...");
- on a post written as "I" (``anchor.first_person``), a past act by someone the post's
  title does not name, not dated close to the post ("today", "this week", "a few days
  ago"; "recently" dates nothing): the backdrop of a
  tutorial or an essay ("Claude recently introduced the MCP (or Model Context Protocol)
  ..." under "Getting Started with Model Context Protocol (MCP) Servers"; "Swift 5.9
  introduced a feature, via SE-0392, ..." under "SE-0417: Task Executor Preference"; a
  credit line, "Daniël contributed the commented disassembly ..." under "How the Final
  Cartridge III Freezer works"). A personal post's news is what its title names; what
  someone else did before it is the story it builds on. A company's "we" post is not
  written as "I", so a how-to title from a company ("How We Used Codex to Ship Sora ...")
  never reaches this rule.

``is_backdrop`` and ``is_told_backdrop`` are refusals before a sentence is printed
(``voice._printable``); they never make a refused sentence printable.
"""

from __future__ import annotations

import re

from bot.summarize.offline.anchor import main_subject
from bot.summarize.offline.clauses import ALL_IRREGULAR_PAST
from bot.summarize.offline.patterns import any_of
from bot.summarize.offline.reference import NEWS_NOW
from bot.summarize.offline.words import APOSTROPHES

_BRACKETS = re.compile(r"\s*\([^()]*\)")
_ACCOUNT = re.compile(r"\b(?:said|says|told|according|reported|reports)\b")

# A bare plural subject (up to four words before its head noun, none with a comma; an "of"
# phrase after it), an adverb of habit at most, then a verb of state or use in the plural
# present and the word after it. A leading "Despite ...," is an aside before the subject.
_STATE_VERBS = any_of(
    "are have hold ship allow let need require come run offer provide support include"
    " contain use work tend remain exist cost"
)
_GENERIC = re.compile(
    r"^(?:Despite\s[^,]{3,90},\s)?"
    r"(?P<subject>(?:[\w.'\"”-]+\s){0,4}?[a-z]{2,}[^s'’\s]s)"
    r"(?:\s(?:of|for)\s(?:[\w./-]+\s){0,3}?[\w./-]+)?"
    r"\s(?:still\s|often\s|usually\s|generally\s|typically\s|also\s|mostly\s)?"
    + _STATE_VERBS
    + r"\s(?P<after>[\w'’-]+)"
)
# A subject that is not bare: an article, an owner, a pronoun, a quantifier (particular
# ones counted: "Several cities and states are reportedly on ICE's list ...", labelled
# news), or a leading phrase's first word.
_NOT_BARE = frozenset(
    re.findall(
        r"\S+",
        """The A An This That These Those Its Their His Her Our My Your It He She They We You
        I There Here What Why How Who When Where If In On At For To Of By With From As And But
        Or So Every Each All Any No One Last Next Today Since After Before During Despite
        Several Some Many Most Few Both""",
    )
)
# After the verb: an event's grammar, not a state ("are now available", "have been
# working", "have sunk", "are taking", "have not released").
_EVENT_AFTER = re.compile(
    r"^(?:now|not|being|been|to|[a-z]+ed|[a-z]+en|[a-z]+ing|[a-z]+wn|[a-z]+un|[a-z]+nk"
    r"|[a-z]+ught)$"
)
_PURPOSE = re.compile(
    r"\b(?:is|are|was|were)\s(?:\w+\s)?"
    + any_of("designed developed built made meant intended")
    + r"\sto\s[a-z]"
)
_LASTING = re.compile(r"\bha(?:s|ve)\sbeen\s(?:a|an|the)\s[^,.;]{0,60}?\ssince\b")
_MONTH = any_of(
    "January February March April May June July August September October November December"
)
_CALENDAR = re.compile(
    r"^(?:" + _MONTH + r"\s\d{1,2},?\s)?(?:19|20)\d\d,?\s(?:marks|marked|is|was|will)\b"
    r"|\b(?:celebrates?|celebrated|celebrating|marks?|marked)\s(?:its|the|their|his|her)"
    r"\s[^.;]{0,40}\banniversary\b"
)
# An act dated close to the post is news even in a blog ("A few days ago, Oracle released
# three new MySQL GA versions: ...", "... released it today"); "recently" dates nothing.
_NOW = re.compile(
    r"\b(?:today|yesterday|tonight|this\s(?:week|month|morning|evening)"
    r"|last\s(?:week|night)|(?:a\sfew|a\scouple\sof|two|three|\d)\sdays\sago)\b",
    re.I,
)
_PAST_ADVERB = re.compile(r"^(?:recently|also|first|just|finally|then|once|originally)$")


def _generic(s: str) -> bool:
    found = _GENERIC.match(s)
    if not found:
        return False
    first = found.group("subject").split()[0]
    if first in _NOT_BARE or re.fullmatch(r"[A-Z][\w-]*['’]s", first):
        return False  # "The board ...", "Moto's GrapheneOS phones are ..."
    return not _EVENT_AFTER.match(found.group("after"))


def is_backdrop(sentence: str) -> bool:
    """A general truth, a thing's purpose, a lasting state or a calendar fact (the module
    docstring), judged without asides in brackets; a source named in it keeps the line."""
    s = _BRACKETS.sub("", " ".join(sentence.split()))
    if _ACCOUNT.search(s):
        return False
    if _generic(s) or _LASTING.search(s) or _CALENDAR.search(s):
        return True
    return bool(_PURPOSE.search(s)) and not NEWS_NOW.search(s)


def _simple_past(rest: str) -> bool:
    words = rest.split()
    while words and _PAST_ADVERB.match(words[0]):
        words = words[1:]
    if not words:
        return False
    verb = words[0]
    return verb in ALL_IRREGULAR_PAST or bool(re.fullmatch(r"[a-z]{2,}(?:ed|ied)", verb))


def _names(words: list[str]) -> list[str]:
    """The subject's names, lowercased: its capitalised words, minus plain sentence
    starters ("The White House" -> white, house)."""
    plain = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
    out = [w.strip("\"“”‘’'(),.:;").translate(APOSTROPHES) for w in words if w[:1].isupper()]
    return [w.lower().removesuffix("'s") for w in out if w and w.lower() not in plain]


def is_told_backdrop(sentence: str, headline: str) -> bool:
    """On a post written as "I": a simple past act by someone the title does not name,
    with no today in it (the module docstring)."""
    s = _BRACKETS.sub("", " ".join(sentence.split()))
    if _NOW.search(s) or _ACCOUNT.search(s):
        return False
    subject, rest, _head = main_subject(s)
    names = _names(subject)
    if not names or not _simple_past(rest):
        return False
    title = set(re.findall(r"[\w.-]+", headline.lower().translate(APOSTROPHES)))
    title |= {w.removesuffix("'s") for w in title}
    return not any(n in title for n in names)
