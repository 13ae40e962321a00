"""A news anchor, asked of a topic piece's lines: who did what.

Twenty sessions of shape rules (``blog``, ``blurbs``, ``reference``, ``lede``'s feature
lines) refused the blog lines they were written from and none on the next unseen blog:
each new blog's printed lines were essay openings, general remarks, what a thing is or
does, background. They share no shape; what they share is what they lack. Issue 8's own
definition of a news sentence is "who did what (a named subject, an action, a concrete
detail)". This module asks that, and only of a line from a topic piece, where a news line
is the exception:

- a topic piece (``is_topic_piece``): an article written in the first person singular
  (twice or more outside quotes: a personal blog's post), or one under a title-case title
  with no word that could be a verb ("Spar Gauge", "MainActor by Default", "Anarchy
  Inc."). A report's headline says what happened ("Microsoft launches ...", "Germany lose
  to Denmark ..."), and a reporter does not write "I". Asked of every sentence, the anchor
  refuses 129 of the 327 labelled news lines (tests/data/writer), most from news outlets
  and company feeds (an unnamed subject, "A pilots' trade union has called ..."; the
  present of a company's summary, "Ollama partners with IBM ..."), so it is asked of
  topic pieces only. An article whose first sentences hold no anchor is no topic piece by
  that alone: short feed summaries are written that way (tried: 25 labelled news facts
  lost on one news row);
- an anchor (``has_anchor``): the main clause's subject holds a name (a capitalised word
  that is not a plain sentence starter, an inner capital or a digit: "AWS", "macOS",
  "Swift 6.2"; a pronoun counts only after a leading phrase that names its owner: "In
  Varya's talk ..., they discussed ..."), and its verb is a news act (a release, a launch,
  an announcement, a deal, words said, a talk given, something due: "will", something
  under way: "is running", a perfect: "has been updated", a thing now out: "is now
  available", "is here"); or a past or progressive event with a concrete detail in the
  line (a number, a month or weekday, "today", "recently", "this year"); or, in the
  present, a claim whose subject carries a count or a version ("Swift 6.2 gives you
  ...").

What it refuses on a topic piece, by construction: a line with no named subject ("The
charger was developed to ...", "Many protocols today allow ...", "According to the joke,
there are ..."), and a named subject with no act ("The jQuery Ajax built into ASP.NET MVC
is very powerful ...", "Expression rules ... are Harper rules that use ..."). What it
cannot tell: background told as an event ("Swift 5.9 introduced a feature ..."), a
calendar fact ("Next year, the United States will celebrate ...") and satire or opinion
written as news; those stay for the shape rules (``backdrop`` takes the first two where
it can: on a post written as "I", a past act by someone its title does not name; an
anniversary as the act). A sentence-case title ("Analog floppy synthesizer") is no topic
title: by form it cannot be told from a headline whose verb is lowercase ("Germany lose to
Denmark in Euro final"), so such a post is judged as a report unless it is in the first
person.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import ALL_IRREGULAR_PAST
from bot.summarize.offline.patterns import any_of
from bot.summarize.offline.screen import AUX
from bot.summarize.offline.words import MONTHS

# "I", "my", "me" outside quotes (a blogger's lowercase "i" too): the writer's own voice.
_QUOTED = re.compile(r"[\"“][^\"“”]{0,400}[\"”]")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|i|my|me|myself)\b")
FIRST_PERSON_USES = 2  # one "I" can be a quote the marks missed; two is the writer's voice

_PAST = ALL_IRREGULAR_PAST
# A verb word: an auxiliary, a modal, "-ed", an irregular past, or a lowercase "-s" verb
# after the subject (judged in place: the first such word after the subject).
_VERB = re.compile(
    r"^(?:" + "|".join(sorted(AUX | _PAST)) + r"|[a-z]+ed|[a-z]+n['’]t"
    r"|(?:is|are|was|were|has|have|had)n['’]t|gives|goes|does|offers|adds|ships|brings|holds"
    r"|uses|hosts|supports|includes|releases|launches|announces|introduces|partners)$"
)
# A lowercase "-s" word is a verb after the subject ("Ollama now supports ..."), a plural noun
# after a determiner or before "of" ("The folks over at ...", "versions of macOS").
_S_VERB = re.compile(r"^[a-z]{2,}[^su'’\s]s$")
_DETERMINER = re.compile(
    r"^(?:the|a|an|its|their|his|her|our|my|your|some|many|these|those|all|most|few|other"
    r"|several|new|modern|common|\d[\d.,]*)$",
    re.I,
)
# A news act in the plural present, after two names ("Google DeepMind and Singapore partner
# to ...", "Cohere and Government of Canada sign ..."): read as the verb only before "to" or
# "with", where the word cannot be a noun.
_PLURAL_ACT = re.compile(r"^(?:partner|sign|team|join|launch|release|announce|unveil)$")
_ADVERB = re.compile(r"^(?:[a-z]+ly|now|also|just|still|apparently|finally|already|today)$")
# A leading phrase ending at its comma: a time, a place, a source ("In their talk at
# Patterns Day 2019, Alla discussed ...", "Today, Microsoft announced ...").
_LEADING = re.compile(
    r"^(?:In|At|On|After|Before|During|Since|Today|Yesterday|Last|This|Next|Earlier|Recently"
    r"|Following|For|Over|With|Back|Two|Three|A\sfew|According)\b[^,]{0,90},\s"
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|there|this|that|these|those|one)$", re.I)
_POSSESSOR = re.compile(r"\b[A-Z][\w-]+['’]s\b")
_PLAIN_CAPS = frozenset(
    re.findall(
        r"\S+",
        """A An The This That These Those It Its In On At For To Of By With From As And But Or
        So If When While After Before Since Last Next New Today Most Some Many More Every Each
        All Any Here There What Why How Who Which Modern Used Old Common Such One My Our Your
        Their His Her We They He She You I""",
    )
)
# What makes a line news by its verb alone.
_ACT = re.compile(
    r"\b(?:"
    + any_of(
        r"announc\w* launch\w* releas\w* unveil\w* introduc\w* acquir\w* bought rais(?:ed|es|ing)"
        r" sign(?:ed|s) won award\w* debut\w* publish\w* partner(?:ed|s)? present(?:ed|s)"
        r" discuss(?:ed|es) talk(?:ed|s)_about gave_a_talk said says told according reported"
        r" will won['’]t is_set_to are_set_to plans?_to came_out comes_out"
        r" (?:is|are)_(?:now_)?(?:here|out|live)"
        r" (?:is|are)_(?:now_|currently_)?[a-z]+ing (?:is|are)_now_\w+"
        r" now_(?:has|have|supports|offers|ships|includes)"
        r" ha(?:s|ve)_(?:a_|an_)?new died dies hired fired sued"
        # a perfect tells what is new by its grammar ("has been updated", "has raised"),
        # irregular participles too ("has become the current SOTA open-source code model",
        # "has made ... available", "has sold")
        r" ha(?:s|ve)_(?:\w+_)?(?:been_)?[a-z]+(?:ed|en|wn|ne|un|ught)"
        r" ha(?:s|ve)_(?:\w+_)?(?:become|made|built|sent|sold|kept|held|found|led"
        r"|paid|met|won|struck|hit|put|set|cut|left|lost|told)"
    )
    + r")\b"
)
_FINITE_EVENT = re.compile(
    r"\b(?:ha(?:s|ve|d)\s(?:\w+\s)?(?:been\s)?[a-z]+(?:ed|en|wn|ne|un|ught)"
    r"|(?:is|are|was|were)\s(?:\w+\s)?[a-z]+ing)\b"
    r"|\b[a-z]{2,}ed\b|\b(?:" + "|".join(sorted(_PAST)) + r")\b"
)
_DETAIL = re.compile(
    r"\d|\b(?:(?:this|last)\s(?:week|month|year)|today|yesterday|tonight|recently"
    r"|" + MONTHS + r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.I,
)
# What a thing can do with another party, named ("Open models can be used with OpenAI's
# Codex CLI through Ollama."): a relation between parties, news as ``blog`` reads it too.
_PARTY_AFTER_MODAL = re.compile(
    r"\b(?:can|could)\s(?:now\s)?be\s[a-z]+ed\s(?:with|on|in|through|by)\s[A-Z][a-z]*[A-Z]\w*"
)
_WORD = re.compile(r"[\w.'’-]+|[,:;]")


def first_person(text: str) -> bool:
    """Written as "I": a blogger's voice (two uses outside quotes)."""
    return len(_FIRST_PERSON.findall(_QUOTED.sub(" ", text))) >= FIRST_PERSON_USES


# Any word a title's verb could be, in any case ("Denmark Beefs Up ...", "Vision models"
# may be read either way: then it is no topic title, and the line is left to the other rules).
_TITLE_VERB = re.compile(
    r"^(?:"
    + "|".join(sorted(AUX | _PAST))
    + r"|[a-z]+ed|[a-z]{2,}[^su'’]s|[a-z]+n['’]t|goes|does)$"
)


_SMALL = frozenset(
    re.findall(r"\S+", "a an the and or of in on at to for with by from over via vs")
)


def _titled_as_topic(headline: str) -> bool:
    """A title with no word that could be its verb: "Spar Gauge", "MainActor by Default",
    "Anarchy Inc.". A report's headline is a sentence ("Microsoft launches ...", "Ollama is
    now available ..."); a title that only might be one counts as one."""
    words = [w.strip("\"“”‘’'()[],.:;!?") for w in headline.split()]
    if not words or any(_TITLE_VERB.match(w.lower()) for w in words):
        return False
    # a lowercase word that is no small word may be a headline's verb ("Germany lose to
    # Denmark in Euro final"): only a title-case noun phrase counts as a topic
    return all(not w[:1].islower() or w in _SMALL for w in words if w)


def is_topic_piece(headline: str, text: str) -> bool:
    """An essay, a project page, a reference post or a talk's notes rather than a report."""
    return first_person(text) or _titled_as_topic(headline)


def _is_name(word: str, first: bool, alone: bool) -> bool:
    w = word.strip("\"“”‘’'(),.:;")
    if not w or w in _PLAIN_CAPS:
        return False
    if re.search(r".[A-Z]|\d", w) and re.search(r"[A-Za-z]", w):
        return True  # "AWS", "macOS", "MJ11-EC1"
    if not w[0].isupper():
        return False
    return not first or alone


def _is_verb(words: list[str], i: int) -> bool:
    if i >= len(words):
        return False
    if _VERB.match(words[i]):
        return True
    after = words[i + 1] if i + 1 < len(words) else ""
    if _PLURAL_ACT.match(words[i]) and words[i - 1][:1].isupper() and after in ("to", "with"):
        return True  # "Google DeepMind and Korea partner to ...": two names, one act
    return bool(_S_VERB.match(words[i])) and not (
        _DETERMINER.match(words[i - 1]) or after in ("of", "and", "or", ",")
    )


def main_subject(s: str) -> tuple[list[str], str, str]:
    """(the subject's words, the rest of the line, the leading phrase) of the main clause."""
    lead = _LEADING.match(s)
    head = lead.group(0) if lead else ""
    words = _WORD.findall(s[len(head) :])
    for i, w in enumerate(words):
        if i and (_is_verb(words, i) or (_ADVERB.match(w) and _is_verb(words, i + 1))):
            return words[:i], " ".join(words[i:]), head
        if w in ",:;" and i:
            break
    return words, "", head


def _named(subject: list[str], head: str) -> bool:
    if len(subject) == 1 and _PRONOUN.match(subject[0]):
        return bool(_POSSESSOR.search(head))  # "In Varya's talk ..., they discussed ..."
    alone = len(subject) == 1
    first = [_is_name(w, i == 0, alone) for i, w in enumerate(subject)]
    if len(subject) > 1 and subject[0][:1].isupper() and subject[1][:1].isupper():
        first[0] = subject[0] not in _PLAIN_CAPS  # "West Virginia", "Lost Art Press"
    if len(subject) > 1 and subject[0][:1].isupper() and subject[1][:1].isdigit():
        first[0] = subject[0] not in _PLAIN_CAPS  # "Swift 6.2"
    return any(first)


def has_anchor(sentence: str) -> bool:
    """A named subject doing a news act (the module docstring)."""
    s = " ".join(sentence.split())
    if _PARTY_AFTER_MODAL.search(s):
        return True
    subject, rest, head = main_subject(s)
    if not rest or not _named(subject, head):
        return False
    if _ACT.search(rest) or _ACT.search(head):
        return True
    if _FINITE_EVENT.search(rest.split(",")[0]) and _DETAIL.search(s):
        return True
    # a count or a version as a word of its own ("Swift 6.2 gives you ..."), not a model
    # name's digits ("MJ11-EC1 mainboards are ...")
    return any(re.fullmatch(r"\d[\d.,]*", w) for w in subject)
