"""A weekday that dates a past event inside a long sentence goes (docs/voice.md, "Plain words
keep the meaning"): "Denmark's foreign minister said on Wednesday that ..." -> "... said
that ...", "U.S. District Judge Richard Leon Thursday blocked ..." -> "... Leon blocked
...". The digest is about the day's news, the policy ``asides._drop_when`` applies to a
leading "On Monday, ...". Only a plain "on <day>" or a bare "<day>" next to a past verb
goes; every day that may say something of its own stays:

- a future or planned event ("will meet on Thursday", "is set to", "plans to",
  "scheduled", "expected to", "agreed to hold talks on Friday", "kicks in Wednesday");
- a day with its date or a time of day ("on Friday, Jan. 9", "Friday night", "late
  Sunday", "1:20 pm on Tuesday"): the time is a detail of its own, often the point (an
  alert "at 2am Sunday morning"), and the date is what the leading drop keeps too;
- a day in a name or title ("Super Tuesday", "Black Friday", "Sunday Times",
  "Monday.com"), a day's own noun ("Thursday's election", "a Monday blog post");
- a day inside quotes, a habitual or relative day ("every Monday", "on Mondays", "last
  Friday", "this Tuesday", "until Monday"), a day that is a clause's subject or
  complement ("Monday is a holiday", "it was Easter Sunday");
- a day in a sentence that holds another time ("closed Friday but reopened Monday",
  "... Tuesday, days after ...", "today", "last week"): the two place events apart; a day
  of a past before the news ("a man who had traveled out of Iran on Wednesday");
- a day after a verb that would end on nothing ("a court filing unsealed Friday.");
- a day after "But", "And", "Yet" opening the sentence: it contrasts with a time before.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import is_past
from bot.summarize.offline.words import MONTHS

_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_ANY_DAY = re.compile(rf"\b{_DAY}s?\b", re.I)
# The one day a sentence may lose: lowercase "on" and the day, or the day alone.
_MENTION = re.compile(rf"(?P<on>\bon\s)?\b(?P<day>{_DAY})\b")
# Another time in the sentence: the day then places the news apart from it.
_OTHER_TIME = re.compile(
    r"\b(?:today|yesterday|tonight|tomorrow|overnight|weekend|earlier|later|previously"
    r"|(?:last|this|next|past|previous|following|coming)\s(?:week|month|year|day|night|quarter|fall"
    r"|autumn|spring|summer|winter|season|term|time)"
    r"|(?:hours?|days?|weeks?|months?|years?)\s(?:ago|later|earlier|before|after)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d"
    r"|(?:" + MONTHS + r")(?:\s\d|,?\s(?:19|20)\d\d)"
    r"|\d{1,2}(?:st|nd|rd|th)?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\b",
    re.I,
)
# A future or planned event keeps its day.
_PLANNED = re.compile(
    r"\b(?:will|shall|won['’]t|would|going\sto|set\sto|plans?\sto|planned|planning|plans"
    r"|schedul\w+|expect\w*|due|slated|upcoming|next|to\sbe\sheld|poised|prepar\w+|aims?\sto"
    r"|intends?\sto|is\sto|are\sto|about\sto|hopes?\sto|ahead)\b|['’]ll\b"
    # "summoned ambassadors to an emergency meeting in Brussels on Sunday": the day may be
    # the meeting's, still to come when they were summoned
    r"|\bto\s(?:\S+\s){0,3}(?:meeting|talks|summit|vote|hearing|session|conference|ceremony)\b",
    re.I,
)
# "agreed to hold talks on Friday": an infinitive before the day is the day's act, and it
# is yet to come. "to reporters", "to TIME", "to the ...": a listener or a place, no verb.
_INFINITIVE = re.compile(
    r"\bto\s(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|state|local"
    r"|reporters|journalists|lawmakers|members|supporters|staff|employees|investors|police"
    r"|officials|parliament|congress|court|voters|media|press|X)\b)[a-z]+\b"
)
# Right before the day: a determiner or relative word ("a Monday blog post", "last Friday",
# "this Tuesday", "every Monday"), a preposition other than "on" ("until Monday", "by
# Friday", "as of Saturday") or a linking word ("and on Monday").
_RELATIVE = frozenset(
    re.findall(
        r"\S+",
        """a an the this that these those last next every each any one some past coming
    following previous same its his her their our my your whose until till since by before
    after from to through of for as at in during between than and or nor""",
    )
)
# A copula before the day: the day is what the clause says ("it was Easter Sunday", "The
# Man Who Was Thursday", "the deadline is Friday").
_COPULA = frozenset(re.findall(r"\S+", "is was were are be been being it's that's"))
# A clock or a part of the day before it ("1:20 pm on Tuesday", "late Sunday", "early on
# Monday"): a time of its own, as "Friday night" after it.
_CLOCK = frozenset(
    re.findall(r"\S+", "am pm a.m. p.m. gmt utc et time early late earlier later mid")
)
# A name or title with a day in it ("Super Tuesday", "Good Friday", "Super Bowl Sunday").
_TITLE = frozenset(
    re.findall(
        r"\S+",
        """super black good ash cyber easter shrove fat holy maundy palm bloody giving bowl blue
    green whit business spy low mothering clean pancake remembrance trinity pentecost
    passion man girl orthodox travel""",
    )
)
_TIME_OF_DAY = re.compile(r"^\s(?:morning|afternoon|evening|night|midday|noon|lunchtime)\b")
# a date after the day ("Friday, Jan. 9", "Friday 20 June", "Wednesday 11th February")
_DATE_AFTER = re.compile(
    r"^,?\s\(?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d|\d)"
)
_PRONOUN = frozenset(re.findall(r"\S+", "he she it they we i you there this"))
# a verb that ends its clause with nothing after it but a day ("said Saturday.", "replied
# on Saturday, according to ..."): the day goes and the verb still says it all. Any other
# verb right before a day that ends a clause keeps it: "a podcast that was released
# Monday.", "a court filing unsealed Friday." would lose what the verb was about.
_SAYING = frozenset(
    re.findall(
        r"\S+",
        """said says told wrote posted replied added responded stated tweeted argued warned
    noted explained insisted confirmed agreed""",
    )
)
# a time told right after the day ("on Thursday, shortly before my flight", "published
# Tuesday, ahead of the summit"): the day is the point the other time is measured from
_TIME_AFTER = re.compile(
    r"^,?\s(?:shortly|just|hours|minutes|days|ahead|before|after|until|following|prior|since)\b"
)


def _past(word: str) -> bool:
    w = word.lower().strip(",.;:")
    return w in ("was", "were", "had") or is_past(w)  # "died"; "shed", "need" not


def _in_quotes(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _clause_before(text: str) -> str:
    """The words before the day back to the nearest start of a clause or a closing quote
    (a quote's words are not the clause the day sits in: "“We will ...,” she said Sunday.")."""
    cut = max(
        text.rfind(", "),
        text.rfind("; "),
        *(text.rfind(f"{p}{q} ") for p in ",.?!" for q in '”"'),
        *(text.rfind(f" {w} ") for w in ("that", "which", "who", "when", "while", "after")),
        *(text.rfind(f" {w} ") for w in ("before", "as", "because", "but", "although")),
    )
    return text[cut + 1 :] if cut >= 0 else text


# Words that may follow a dropped day told mid-clause: a pronoun or "that" opening what was
# said, a preposition or a linking word. Any other ("Trump on Wednesday will ...", "ban kicks
# in Wednesday and ...") is a verb the day belongs to, or a noun it is part of.
_MAY_FOLLOW = _PRONOUN | frozenset(
    re.findall(
        r"\S+",
        """that in at with to for after amid by during from over on as when while where which
    and but of about against into""",
    )
)


def _sentence_reason(s: str, whole: str) -> str | None:
    """A guard read off the whole sentence: how many days and times it holds, how it opens."""
    days = len(_ANY_DAY.findall(s))
    if days == 0:
        return "no day"
    if days > 1 or len(_ANY_DAY.findall(whole)) > 1:
        return "another day"  # "closed Friday but reopened Monday", "on Mondays" too
    day = _ANY_DAY.search(whole)
    if day and _DATE_AFTER.match(whole[day.end() :]):
        return "date"  # "on Friday, Jan. 9", "Friday 20 June": the date stays whole
    if _OTHER_TIME.search(whole):
        return "another time"  # "... on Tuesday, days after ...": the day places the news
    if re.match(r"(?:But|And|Yet|Then|So|Still)\b", s):
        return "contrast"  # "But on Tuesday, he announced ...": set against a time before
    return None


def _word_reason(before: str, after: str) -> str | None:
    """A guard read off the words right around the day."""
    prev_raw = (before.split()[-1:] or [""])[0]
    prev = prev_raw.lower().strip(",(")
    if _in_quotes(before):
        return "quoted"
    if re.match(r"\s?[A-Z]|[’'](?:s\b)?|[-–]|\.\w", after) or (
        prev_raw[:1].isupper() and prev in _TITLE
    ):
        return "name"  # "Sunday Times", "Monday.com", "Thursday’s election", "Black Friday"
    if _TIME_OF_DAY.match(after) or prev in _CLOCK or re.search(r"\d$", prev):
        return "time of day"  # "Friday night", "1:20 pm on Tuesday", "late Sunday", "2am Sunday"
    if _TIME_AFTER.match(after):
        return "another time"  # "on Thursday, shortly before my flight"
    if prev in _COPULA:
        return "complement"  # "it was Easter Sunday": the day is what the clause says
    if prev in _RELATIVE:
        # "a Monday blog post", "last Friday", "every Monday", "until Monday", "and on
        # Monday": the day is no plain "on <day>" of the news
        return "relative"
    return None


def _verb_reason(before: str, after: str) -> str | None:
    """A guard read off the verb the day dates: it must be a past one, with no plan."""
    clause = _clause_before(before)
    if _PLANNED.search(clause) or _INFINITIVE.search(clause):
        return "planned"  # "will meet on Thursday", "agreed to hold talks on Friday"
    if re.search(
        r"\b(?:had|['’]d)\s(?:\w+\s)?\w+ed\b|\bhad\s(?:\w+\s)?(?:been|gone|left)\b", clause
    ):
        return "earlier past"  # "a man who had traveled out of Iran on Wednesday": before the news
    prev = (before.split()[-1:] or [""])[0].lower()
    if _past(prev) and prev not in _SAYING and re.match(r"(?:[.,;]|$)", after):
        return "bare verb"  # "a podcast that was released Monday." ends on nothing
    nxt = (after.lstrip(" ,").split()[:1] or [""])[0]
    # "Peru's Congress on Tuesday impeached": a verb of its own, not "was" ("Machado's main
    # objective on Thursday was to ...": the day is part of the subject)
    next_past = _past(nxt) and nxt.lower() not in ("was", "were", "had")
    if after.startswith(",") and not before.rstrip().endswith(","):
        # "Jesse Jackson, who died Tuesday, fought ...": the comma after the day closes a
        # clause the day ends; the verb after it is not the day's
        next_past = False
    after_comma = after.startswith(",")  # "..., on Tuesday, adding that ...": a new phrase
    if not after_comma and nxt[:1].islower() and not next_past and nxt.lower() not in _MAY_FOLLOW:
        return "verb after"  # "Trump on Wednesday will ...", "the warning on Tuesday is"
    if not (next_past or any(_past(w) for w in clause.split())):
        return "no past verb"  # nothing the day can date: "is signing ... on Wednesday and"
    return None


def keep_reason(s: str, source: str | None = None) -> str | None:
    """Why the one weekday of ``s`` stays (a guard's name), or None when it goes. ``source``
    is the sentence before other asides went: another time in it keeps the day, though an
    aside holding it went."""
    reason = _sentence_reason(s, source or s)
    if reason:
        return reason
    m = _MENTION.search(s)
    if not m:
        return "habitual"  # "on Mondays", "every Monday" (with no other day form)
    if m.start() == 0 or (not m.group("on") and re.search(r"\bOn\s$", s[: m.start()])):
        return "leading"  # a leading day is ``asides._drop_when``'s, with its own guards
    before, after = s[: m.start()], s[m.end() :]
    return _word_reason(before, after) or _verb_reason(before, after)


def drop_weekday(s: str, source: str | None = None) -> str:
    """``s`` without the one weekday that dates its past event, or ``s`` itself when the day
    may say more than the day of the news (``keep_reason``)."""
    if keep_reason(s, source):
        return s
    m = _MENTION.search(s)
    assert m
    head, tail = s[: m.start()].rstrip(), s[m.end() :]
    if head.endswith(",") and tail.startswith(","):
        tail = tail[1:]  # "Peru's Congress, on Tuesday, impeached" -> "... Congress impeached"
        head = head[:-1]
    elif head.endswith(",") and not tail.strip(" .;"):
        head = head[:-1]  # "..., on Tuesday." -> "...."
    return re.sub(r"\s{2,}", " ", (head + tail).replace(" ,", ","))
