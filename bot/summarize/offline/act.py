"""Told as an act: a named subject, then a verb whose tense says something happened.

A feed's one-to-three-sentence summary prints a line only when it is pinned to the world
(``lede.is_lede_news``): a date, a number, or a verb from ``screen``'s list of news acts
("announced", "sued", "launched"). News told in other verbs was lost with the product
blurbs that list keeps out: "Upwork, one of the world's largest work marketplaces, is using
Llama to power Uma, ...", "The Universities Space Research Association and Meta are
collaborating to help ...", "The Chinese foreign minister spoke by phone with Marco Rubio,
...", "The Seattle Seahawks have defeated the New England Patriots ...", "Ollama now
supports subagents and web search in Claude Code." (read on the tuned rows of
bench/style.py, the thirtieth session).

What tells them from the blurbs is grammar, not the verb's meaning. A maker's blurb
describes in the simple present, timeless ("Command A Vision excels across ...", "Model
Vault simplifies serving ...", "Desktop Extensions make installing ... as easy as ...");
a report tells an act in a tense that places it: a simple past ("spoke", "identified"), a
present perfect ("has backed", "have defeated"), something now under way with someone or
for a purpose (a progressive: "is using Llama", "are collaborating to help"), or a new
state said as new ("now supports", "can now run"). So a line is an act when, after at
most a leading phrase ("During a routine cyber evaluation, ..."), its main clause opens on
a subject whose head is a name, and that subject's verb is one of those:

- the subject's head is the words before its first preposition, participle or relative
  word: "Widespread discontent in Iran has sent ..." has no name there (Iran is in a
  phrase of it), "The scandal surrounding US sex offender Jeffrey Epstein is rocking ..."
  neither; "The Chinese foreign minister", "Jacques Tilly's Carnival floats" and
  "Upwork, one of ...," do (an appositive set off by commas may name it too: "The speaker
  of the Bundestag, Julia Klöckner, entered ...");
- a past perfect ("had tried") is background told before the news, and "be" or "have" as
  the main verb ("was once famed", "had a ...") is a state, not an act; so is a perfect
  of what a thing has come to be ("has emerged as a critical technique"), of a habit ("has
  often joked") or over a span ("has spent her career ..."), and a past set back in time
  ("... three months ago", "... of the time");
- a progressive tells an act only with something named to act on, a purpose ("to ...")
  within a few words, or two named parties as its subject: alone it is a situation
  ("Germany is facing a massive shortage of skilled workers", "... is driving a shift").

It is asked only where the date-or-act-verb pin is (a short summary's line that passed
every other rule), to pin it; it refuses nothing.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import IRREGULAR_PAST

# A leading phrase ending at its comma: a time, a place, an occasion or a role.
_LEADING = re.compile(
    r"^(?:In|At|On|After|Before|During|Since|Today|Yesterday|Last|This|Earlier|Following"
    r"|As|Amid|Over|Later)\b[^,]{0,90},\s"
)
_WORD = re.compile(r"[\w.&+'’-]+|[,;:—–]")
# Capitalized words that name nothing on their own (sentence starters, plain acronyms).
_PLAIN_CAPS = frozenset(
    re.findall(
        r"\S+",
        """A An The This That These Those It Its In On At For To Of By With From As And But Or
        So If When While After Before Since Last Next New Today Most Some Many More Every Each
        All Any Here There What Why How Who Which Such One My Our Your Their His Her We They
        He She You I AI LLM LLMs GPU GPUs CEO CEOs API APIs""",
    )
)
# Words that end a subject's head: what follows is a phrase about it.
_HEAD_ENDS = frozenset(
    re.findall(
        r"\S+",
        """of in on at for with from by about across through over under into between behind
        near against after before during like than that which who whose whom where when""",
    )
)
_DETERMINERS = frozenset(re.findall(r"\S+", "the a an its their his her our this these those"))
# Between a subject and its verb ("X has also backed", "X reportedly sold"); "now" opens a
# verb group of its own ("now supports").
_BETWEEN = frozenset(
    re.findall(r"\S+", "also just reportedly officially recently formally quietly finally already")
)
_UNDER_WAY = frozenset(re.findall(r"\S+", "now also currently still"))
_PAST = IRREGULAR_PAST
# Irregular pasts that are never participles: "spoke by phone" is a verb, "built by" is not.
_PAST_ONLY = frozenset(
    re.findall(
        r"\S+", "took gave began spoke rose fell grew drew threw knew saw wrote ran went chose"
    )
)
# A finite word that is the main verb when no act's group opens on it ("was once famed",
# "remains", "will"): the subject has its verb, and it tells no act.
_OTHER_FINITE = frozenset(
    re.findall(
        r"\S+",
        "is are was were am has have had will would can could may might must should shall does"
        " do did",
    )
)
# "A Prague exhibition called “Free National Gallery ...” details ...": a naming participle
# after an indefinite subject.
_NAMING = frozenset(re.findall(r"\S+", "called named dubbed titled entitled"))
_ED = re.compile(r"^[a-z]{3,}ed$")
_PARTICIPLE = re.compile(r"^(?:[a-z]{3,}(?:ed|en|wn)|" + "|".join(sorted(_PAST)) + r")$")
_ING = re.compile(r"^[a-z]{2,}ing$")
_PLURAL_NOUN = re.compile(r"^[a-z-]{2,}[^s'’]s$|^(?:people|men|women|children|police)$")
_S_VERB = re.compile(r"^[a-z]{2,}[^su'’\s]s$")
_MODAL = frozenset(re.findall(r"\S+", "can will could"))
# A plain word first in the line is no name: "Researchers found ...", "Scientists have ...".
_COMMON_FIRST = re.compile(r"^[A-Z][a-z]+(?:ing|ed|ly|[^s'’]s)$")
# A past dated weeks, months or years back ("... entered public beta exactly three months
# ago"): the occasion a post looks back on, not this day's news; "days ago" may be news.
# So is one set in its own past ("... as an improvement to the dominant encoder-decoder
# models of the time").
_LONG_AGO = re.compile(r"\b(?:weeks|months|years|decades)\sago\b|\b(?:of|at)\sthe\stime\b")
# A perfect over a span ("has spent her career building ..."): a state that has lasted.
_SPAN = re.compile(r"^(?:career|life|lifetime|decades|years|months)$")
_HABIT = frozenset(
    re.findall(r"\S+", "often always long never repeatedly frequently sometimes usually")
)
_SUBJECT_WORDS = 8  # a longer run before the verb is no subject's head
_OBJECT_REACH = 4  # words after a progressive in which its named object or purpose stands


def _name(word: str, first: bool, nxt: str) -> bool:
    """A name: a capitalized word that is no plain starter; the first word of the line only
    with a capital or a digit inside, a possessive, or a capitalized word after it."""
    w = word.strip("\"“”‘’'()")
    if not w or w in _PLAIN_CAPS or w.rstrip("'’s") in _PLAIN_CAPS:
        return False
    if re.search(r".[A-Z]|\d", w) and re.search(r"[A-Za-z]", w):
        return True  # "AFP", "GPT-5", "macOS"
    if not w[0].isupper():
        return False
    if not first or w.endswith(("'s", "’s")) or nxt[:1].isupper():
        return True
    return not nxt and not _COMMON_FIRST.match(w)  # the whole subject: "Upwork, one of ...,"


def _skip(at: list[str], k: int, adverbs: frozenset[str]) -> int:
    """The index of the first word from ``k`` that is not one of ``adverbs``."""
    while k < len(at) and at[k] in adverbs:
        k += 1
    return k


def _perfect(at: list[str], j: int) -> tuple[str, int] | None:
    """ "has backed", "have defeated", "has also landed"; not "has been", not a habit."""
    if j + 1 < len(at) and at[j + 1] in _HABIT:
        return None  # "has often joked": a habit, not an act
    k = _skip(at, j + 1, _BETWEEN | {"now"})
    p = at[k] if k < len(at) else ""
    return ("perfect", k + 1) if _PARTICIPLE.match(p) and p != "been" else None


def _progressive(at: list[str], j: int) -> tuple[str, int] | None:
    """ "is using", "are now collaborating"; not "is being"."""
    k = _skip(at, j + 1, _UNDER_WAY)
    p = at[k] if k < len(at) else ""
    return ("progressive", k + 1) if _ING.match(p) and p != "being" else None


def _past(at: list[str], i: int, j: int) -> tuple[str, int] | None:
    """A simple past, not a participle describing a noun ("AI powered by news", "a
    dedicated", "A Prague exhibition called ...")."""
    w, nxt = at[j], at[j + 1] if j + 1 < len(at) else ""
    if not (_ED.match(w) or w in _PAST) or w in ("need", "speed", "seed"):
        return None
    if nxt == "by" and w not in _PAST_ONLY:
        return None
    if i and at[i - 1] in _DETERMINERS | {"and", "or"}:
        return None
    if w in _NAMING and at[0] in ("a", "an"):
        return None
    return "past", j + 1


def _verb_at(words: list[str], i: int) -> tuple[str, int] | None:
    """(the tense, the index after the verb group) of an act's verb group at ``i``."""
    at = [w.lower() for w in words]
    j = _skip(at, i, _BETWEEN)
    w = at[j] if j < len(at) else ""
    nxt = at[j + 1] if j + 1 < len(at) else ""
    if w == "now":  # "now supports", "now has"
        return ("now", j + 2) if _S_VERB.match(nxt) or nxt in ("has", "have") else None
    if w in _MODAL and nxt == "now":  # "can now run"
        return "now", j + 3
    if w in ("has", "have"):
        return _perfect(at, j)
    if w in ("is", "are"):
        return _progressive(at, j)
    return _past(at, i, j) if w else None


def _head_named(subject: list[str]) -> bool:
    """The subject's head (before its first preposition, participle or relative word) holds
    a name; or an appositive set off by commas is one. A demonstrative points back at a
    line before ("Methodology This research project conducted ..."): no name of its own."""
    for i, w in enumerate(subject):
        after = subject[i + 1].lower() if i + 1 < len(subject) else ""
        # ("that" after a verb is a clause's word: "... said Tuesday that it carried out")
        demonstrative = w.lower() in ("this", "these", "those") or (i == 0 and w == "That")
        if demonstrative and not _TIME.match(after):
            return False  # not "Apple this week announced ..."
    if "," in subject:
        first = subject.index(",")
        rest = [w for w in subject[first + 1 :] if w != ","]
        if rest and _head_named(rest):
            return True  # "The speaker of the Bundestag, Julia Klöckner,"
        subject = subject[:first]
    head: list[str] = []
    for i, w in enumerate(subject):
        lw = w.lower()
        if i and (lw in _HEAD_ENDS or _ING.match(lw) or _ED.match(lw)):
            break
        head.append(w)
    names = [
        i for i, w in enumerate(head) if _name(w, i == 0, head[i + 1] if i + 1 < len(head) else "")
    ]
    if not names:
        return False
    # a group named only by an adjective of a place before a plural noun ("Two German
    # players", "Arab American advocates") leaves its members unnamed; an owner does not
    # ("Germany's top clubs"), nor a role in the singular ("The Chinese foreign minister")
    last = head[-1].lower()
    possessive = any(head[i].endswith(("'s", "’s")) for i in names)
    plural = _PLURAL_NOUN.match(last) is not None and not head[-1][:1].isupper()
    return possessive or not plural


def _compound(subject: list[str]) -> bool:
    """Two named parties joined by "and": "The Universities Space Research Association and
    Meta", "Emmanuel Macron and Friedrich Merz"."""
    if "and" not in subject:
        return False
    k = subject.index("and")
    return _head_named(subject[:k]) and _head_named(subject[k + 1 :])


_BASE = re.compile(r"^[a-z]{3,}$")
_TIME = re.compile(
    r"^(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter)$"
)


def _joint(words: list[str], i: int) -> bool:
    """Two named parties and a plain present before "to", "with" or "up": an act between
    them, told as a headline tells it ("Le Chat and AFP team up to deliver ...", "X and Y
    partner with ..."). One subject in the plain present is a description; two acting
    together are an event."""
    w = words[i]
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    if not _BASE.match(w) or w.endswith(("ed", "ing", "ly")) or after not in ("to", "with", "up"):
        return False
    return _compound(words[:i])


def _act_verb(words: list[str]) -> tuple[int, str, int] | None:
    """(where, tense, the index after the group) of the main clause's verb, when it opens an
    act's verb group; None when the line has no such verb or another verb comes first. The
    subject runs up to it; one appositive in commas may follow its head ("Upwork, one of the
    world's largest work marketplaces,")."""
    commas = plain = 0
    for i, w in enumerate(words):
        if w == ",":
            commas += 1
            if commas > 2:
                return None
            continue
        if w in ";:—–":
            return None
        if commas == 1:
            continue  # inside the appositive
        plain += 1
        if plain > _SUBJECT_WORDS:
            return None
        if i == 0 or w[:1].isupper():
            continue  # a capitalized word is a name's ("Advanced AI Measurement"), no verb
        if _joint(words, i):
            return i, "joint", i + 1
        got = _verb_at(words, i)
        if got:
            return i, got[0], got[1]
        if w.lower() in _OTHER_FINITE:
            return None  # the main verb, and no act: "German Rail was once famed ..."
    return None


def tells_an_act(sentence: str) -> bool:
    """A named subject and a verb that tells an act (the module docstring)."""
    s = " ".join(sentence.split())
    if _LONG_AGO.search(s):
        return False
    lead = _LEADING.match(s)
    words = _WORD.findall(s[lead.end() :] if lead else s)
    found = _act_verb(words)
    if found is None:
        return False
    i, tense, after = found
    subject = words[:i]
    if subject and subject[-1] == ",":
        subject = subject[:-1]
    if tense == "joint":
        return True  # both parties are named (``_joint``)
    if not _head_named(subject):
        return False
    if tense == "perfect":
        # "has emerged as a critical technique": what a thing has come to be, no act
        role = words[after : after + 1] == ["as"]
        return not role and not any(_SPAN.match(w.lower()) for w in words[after : after + 3])
    if tense != "progressive":
        return True
    reach = words[after : after + _OBJECT_REACH]
    purpose = "to" in reach[:2]
    named = any(_name(w, False, "") for w in reach)
    return purpose or named or _compound(subject)
