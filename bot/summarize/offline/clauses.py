"""What a clause is, and where a long sentence may be cut into two that each keep their
meaning (docs/voice.md, "Plain words keep the meaning").

``stands_alone`` and ``balanced`` are the two tests every cut passes: each half reads as a
sentence (a subject, then a verb), and no bracket, quote or dash pair is left open.
``split_clause`` makes one cut of five kinds, each copying words and inventing none but a
fixed lead ("That came after", "That is"):

- a non-restrictive relative clause after a name ("Alexei Navalny, who died in prison,
  was poisoned" -> "Alexei Navalny was poisoned. Alexei Navalny died in prison."): the name
  is repeated as the new subject, so nothing needs the sentence before;
- a trailing ", as Y" (or ", even as Y") where Y is a sentence of its own ("X, officials
  said, as tensions simmer" -> "X, officials said. Tensions simmer."): "as" joins two facts
  in time;
- "X after Y" where Y is a sentence ("X after the leaders traded warnings" -> "X. That
  came after the leaders traded warnings."): the order in time is kept in words;
- "X as Y" with no comma, only where Y opens on a name and a verb that can only be one and
  X is a comma-free sentence whose verb has more after it ("Eileen Gu took silver in big
  air as Canada's Megan Oldham won the gold medal" -> two sentences). "as" without a comma
  mostly binds ("came as", "known as", "the same price as"): those stay whole;
- a trailing ", the ..." that describes the whole event, in one of three shapes that cannot
  describe the noun before the comma ("... to acquire Greenland, the first time he has ruled
  out ..." -> "... to acquire Greenland. That is the first time he has ruled out ..."): as
  with "That came after", the only words added are a fixed lead, "That is".

Never cut: a clause whose antecedent is unclear (a lowercase noun, a list, "the head of
Norway, who"), a relative clause holding the attribution of the whole sentence, a tail
that starts with a pronoun (it leans on what came before) or that limits the claim.

``cut_truncated`` saves a feed's cut-off sentence ("... a nationwide disarmament plan,…")
by ending it at the last comma where the head stands alone and the lost part does not
start with a word that would limit it ("but", "unless", "only").
"""

from __future__ import annotations

import re

from bot.summarize.offline.screen import AUX, VERBISH
from bot.summarize.offline.words import wordset

_PRONOUNS = wordset("he she it they we i you this that these those there")
_DETERMINERS = wordset("the its their his her our a an this that these those")
SUBORDINATE = re.compile(
    r"^(?:if|when|while|although|though|because|as|after|before|since|unless|whether|once)\b",
    re.I,
)
# An aside after a lone dash that limits the claim is part of the claim: it stays.
LIMITING = re.compile(
    r"^(?:but|only|except|not|no|unless|if|although|though|without|while|until|pending|yet"
    r"|or|nor|and|at least|at most|up to|down from|up from|maybe|perhaps|possibly|probably|likely"
    r"|reportedly|allegedly|mostly|partly|largely|almost|nearly)\b",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|told|reported|reports|claims?|claimed|alleges?|alleged)\b",
    re.I,
)
_ENDED = re.compile(r"[.!?][\"”’')\]]*$")


def finish(s: str, capital: bool = False) -> str:
    """A piece made into a sentence: ends with a stop; ``capital`` for a cut-off tail
    ("... , and it plans" -> "It plans"). A source's own first letter is left alone
    ("iPhone", "eBay")."""
    s = s.strip(" ,;:—–-")
    if not s:
        return s
    if capital:
        s = s[0].upper() + s[1:]
    return s if _ENDED.search(s) else s + "."


# Past tenses without "-ed" ("Iran's top diplomat met with..."): counted as the verb of a
# cut-off sentence's head only; "cut", "hit", "left" or "set" can be nouns, so they are not
# here. (Elsewhere they would turn a kept trailing "who spoke at..." into a dropped aside.)
IRREGULAR_PAST = frozenset(
    re.findall(
        r"\S+",
        """met won led held made took gave sent fled struck sold began became spoke kept paid rose
    fell grew brought sought fought bought caught drew threw knew saw wrote ran came went chose
    stood built spent found heard""",
    )
)
# Every past tense without "-ed", for the tests that ask whether a line has a verb at all
# (``anchor``, ``finite``, ``blog``): the ones above and those left out of them because they can be
# nouns or presents too ("cut", "hit", "left", "set", "put").
ALL_IRREGULAR_PAST = IRREGULAR_PAST | frozenset(
    re.findall(r"\S+", "broke got told said lost hit shot left put cut set let quit shut")
)


# "-ed" words that are no past tense
_NOT_PAST = frozenset(
    re.findall(
        r"\S+", "need seed speed bed red shed feed deed heed weed reed hundred united indeed breed"
    )
)


def is_past(word: str) -> bool:
    """A past tense that can only be one, for a word as written: a lowercase "-ed" word
    ("died", not "need", "hundred" or a name) or an irregular past ("met", "said")."""
    return word in ALL_IRREGULAR_PAST or (
        bool(re.fullmatch(r"[a-z]{2,}ed", word)) and word not in _NOT_PAST
    )


def _is_verb(word: str) -> bool:
    w = word.lower().strip(",")
    return w in AUX or bool(VERBISH.match(w))


def stands_alone(clause: str) -> bool:
    """A clause that reads as a sentence: a subject, then a verb, and 4+ words in all.

    The subject is a pronoun, a determiner and up to three words ("the new model"), or a
    run of capitalized words (a name). Judged on the clause as written, so "music made
    with AI" (lowercase, no determiner) is not taken for a sentence.
    """
    words = clause.split()
    if len(words) < 4 or SUBORDINATE.match(clause):
        return False
    first = words[0].lower()
    if first in _PRONOUNS and _is_verb(words[1]):
        return True
    if first in _DETERMINERS and words[1][:1].isupper():
        # "The Global Combat Air Programme aims...": a determiner and a name, then its verb
        i = 2
        while i < len(words) and words[i][:1].isupper():
            i += 1
        if i < len(words) and _is_verb(words[i]):
            return True
    if first in _DETERMINERS:
        return any(_is_verb(w) for w in words[2:5])
    if words[0][:1].isupper():
        # a name, digits included ("Google’s Pixel 11 Pro XL brings")
        i = 1
        while i < len(words) and (words[i][:1].isupper() or words[i][:1].isdigit()):
            i += 1
        return i < len(words) and (_is_verb(words[i]) or _name_as_modifier(words, i))
    return False


# "there's", "it’s", "they're", "we’ll": a pronoun with its verb contracted onto it ("its",
# the possessive, has no apostrophe). Not "that's": "..., and that's why" leans on the head.
_CONTRACTED = re.compile(r"^(?:there|it|he|she|they|we)['’](?:s|re|ll|ve|d)$", re.I)


def is_clause(text: str) -> bool:
    """A half of a cut that reads as a sentence: ``stands_alone``, a contracted pronoun
    subject ("there's little hope of..."), or a noun with a preposition's phrase before its
    verb ("Shares of health insurers have surged"). For cuts only, which keep every word;
    the drops in ``asides.py`` keep the narrower ``stands_alone``, so no aside goes that
    did not go before. "a silver, 1.43 points behind...": a noun and a comma is no subject."""
    words = text.split()
    if len(words) < 4 or SUBORDINATE.match(text):
        return False
    first = words[0].lower()
    if (
        first in _DETERMINERS
        and not (first in _PRONOUNS and _is_verb(words[1]))
        and not words[1][:1].isupper()
    ):
        # "a little village outside Paris": "Paris" is no verb, nor is "silver," a subject
        lower = [w for w in words[2:5] if w[:1].islower()]
        if words[1].endswith(",") or not any(_is_verb(w) for w in lower):
            return _phrase_subject(words)
    return stands_alone(text) or bool(_CONTRACTED.match(words[0])) or _phrase_subject(words)


_PREPOSITIONS = wordset("of in on at from for with across around inside outside near")
# a verb that can only be one: not a present "-s" ("Leaders of the world's shares") and not
# a participle with its agent ("people displaced by the floods")
_PLAIN_PAST = re.compile(r"^[a-z]+ed$")
_CLAUSE_OPENERS = _PRONOUNS | wordset(
    "who which whose where how what why whether as while when after before because if since"
    " until but"
)


def _phrase_subject(words: list[str]) -> bool:
    """ "Shares of health insurers have surged", "Leaders in business, art, fashion, and
    technology gathered": a noun (a name or a determiner's noun, at most three words, no
    verb among them), a preposition and its object, then a verb that can only be a verb
    (an auxiliary, "-ed" with no "by" after it, an irregular past) within ten words."""
    first = words[0]
    if first.lower() in _DETERMINERS:
        start = 1
    elif first[:1].isupper() and first not in _NOT_NAMES and first.lower() not in _FUNCTION_WORDS:
        start = 0
    else:
        return False
    if first.endswith(("ing", "ly", ",")) or first.lower() in _PREPOSITIONS:
        return False  # "Despite ...", "Speaking at ...", "Recently,": no subject
    p = next(
        (i for i in range(start + 1, min(start + 4, len(words))) if words[i] in _PREPOSITIONS), None
    )
    # the noun itself may look like a verb ("Shares", "Leaders"): only a sure verb disqualifies
    if p is None or any(w in AUX or w.endswith((",", "ed")) for w in words[start:p]):
        return False
    if start == 0 and words[1].endswith("ing"):
        return False  # "China sharing accounts of...": a name and a participle, no clause
    for j in range(start + 1, min(p + 12, len(words))):
        w = words[j]
        if w.lower() in _CLAUSE_OPENERS:
            return False  # "an avalanche in X as a storm moved": the verb is another clause's
        nxt = words[j + 1] if j + 1 < len(words) else ""
        sure = w in AUX or w in IRREGULAR_PAST or (_PLAIN_PAST.match(w) and nxt != "by")
        if j > p + 1 and sure:
            # a comma inside the subject only as a list's ("business, art, and technology")
            chunks = " ".join(words[p:j]).split(", ")
            return len(chunks) == 1 or chunks[-1].startswith(("and ", "or "))
    return False


_FUNCTION_WORDS = wordset(
    "of in on at for to from by with and or but if so the a an as that which who when while"
    " its their his her"
)


def _name_as_modifier(words: list[str], i: int) -> bool:
    """ "U.S. battery startups pulled...": a name used before one or two plain nouns, then
    a verb that can only be one (an auxiliary, "-ed", an irregular past); a present "-s"
    is no proof there ("Audio output costs" may be a list's heading)."""
    if words[0].lower() in _FUNCTION_WORDS:
        return False  # "And if LLMs end up...": no name at all
    for j in range(i, min(i + 3, len(words))):
        w = words[j].strip(",")
        if not w.islower() or w in _FUNCTION_WORDS:
            return False
        if j > i and (w in AUX or w.endswith("ed") or w in IRREGULAR_PAST):
            return True
    return False


def _has_verb(text: str) -> bool:
    words = text.split()
    return len(words) >= 6 and any(_is_verb(w) for w in words[1:])


def has_past_verb(text: str) -> bool:
    """``_has_verb``, irregular past tenses included."""
    words = text.split()
    return _has_verb(text) or (
        len(words) >= 6 and any(w.lower() in IRREGULAR_PAST for w in words[1:])
    )


def _is_subject_verb(clause: str) -> bool:
    """``stands_alone``, or a subject with an "of" phrase before its verb ("the leaders of
    both countries traded")."""
    if stands_alone(clause):
        return True
    words = clause.split()
    if not words or words[0].lower() not in _DETERMINERS or "of" not in words[2:4]:
        return False
    k = words.index("of", 2)
    return any(_is_verb(w) for w in words[k + 2 : k + 5]) and not any(
        _is_verb(w) for w in words[1:k]
    )


def balanced(text: str) -> bool:
    """No bracket or quote left open in ``text``: a cut after it is outside all of them."""
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return False
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return False
    return len(re.findall(r"(?:^|\s)‘", text)) == len(re.findall(r"’(?=\s|[,.;:]|$)", text))


# Capitalized words that are no name: a relative clause after them has no clear antecedent.
_NOT_NAMES = wordset(
    "The A An This That It In On At For Of By With From As And But Or So If When While After"
    " Before Since Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February"
    " March April May June July August September October November December I We He She They"
)
# Before a name, these make the antecedent unclear: "the head of Norway, who" (the head?),
# "Britain, France and Germany, which" (all three?).
_UNCLEAR_BEFORE = wordset("of and or & nor")
_RELATIVE = re.compile(r",\s(?:who|which)\s")
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|first|second|third|new|former)$", re.I)


def _antecedent(head: str) -> str | None:
    """The name a ", who/which" after ``head`` refers to, as a subject: "Alexei Navalny",
    "The 52nd G7 Summit"; None when it is not a clear name."""
    words = head.split()
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper() and not words[i - 1].endswith(","):
        i -= 1
    run = words[i:]
    if not run or all(w in _NOT_NAMES for w in run) or run[0] in _NOT_NAMES:
        return None
    if i > 0 and _ORDINAL.match(words[i - 1]) and i > 1 and words[i - 2].lower() == "the":
        i -= 2  # "the 52nd G7 Summit"
    elif i > 0 and words[i - 1].lower() == "the":
        i -= 1
    if i > 0 and (words[i - 1].lower() in _UNCLEAR_BEFORE or words[i - 1].endswith(",")):
        return None
    name = " ".join(words[i:])
    return name[0].upper() + name[1:]


def _clause_end(rest: str) -> int | None:
    """Where a relative clause in the middle of a sentence ends: at the comma that its
    sentence's own verb follows ("who died in prison, was poisoned"); None if it runs on
    to the end."""
    for m in re.finditer(r",\s", rest):
        nxt = rest[m.end() :].split()[:1]
        # a plain verb next ("was", "said", "launched"), not a plural noun ("officials")
        verb = nxt and (nxt[0] in AUX or re.fullmatch(r"[a-z]+ed", nxt[0]))
        if verb and balanced(rest[: m.start()]):
            return m.start()
    return None


def _split_relative(s: str) -> list[str] | None:
    body = s.rstrip(".")
    for m in _RELATIVE.finditer(body):
        head, rest = body[: m.start()], body[m.end() :]
        name = _antecedent(head)
        first = rest.split()[:1]
        if not name or not first or not _is_verb(first[0]) or not balanced(head):
            continue
        end = _clause_end(rest)
        if end is None:  # trailing: "... to the G7 Summit, which will be held in France."
            clause, main = rest, head
            if _ATTRIBUTION.search(clause):
                continue  # ", which X, officials said": who said it is the whole sentence's
        else:
            clause, main = rest[:end], f"{head} {rest[end + 1 :].lstrip()}"
        second = f"{name} {clause}"
        # the main clause was a sentence with the relative clause in it, and is one without
        if balanced(clause) and _has_verb(main) and stands_alone(second):
            return [finish(main), finish(second)]
    return None


_LEANS = _PRONOUNS | wordset("his her its their our my your")
_TIME_WORDS = wordset(
    "hours days weeks months years minutes moments shortly soon just right long only day"
    " week month year hour minute immediately"
)
# The fixed words an "after" cut opens its second half with: that half leans on the first
AFTER_LEAD = "That came after"
_AS = re.compile(r",\s(?:as|after|even\sas)\s|\safter\s")
# a head that reports a view ("negotiators say there's been progress, even as ...",
# "Goldman Sachs expects A as B"): what follows it may be part of the view
_BELIEF = re.compile(
    r"\b(?:say|think|thinks|thought|believe[sd]?|argue[sd]?|warn(?:s|ed)?|expect(?:s|ed)?"
    r"|hope[sd]?|fear(?:s|ed)?|predict(?:s|ed)?|estimate[sd]?|finds?|found|show(?:s|ed|n)?"
    r"|suggest(?:s|ed)?|insist(?:s|ed)?|den(?:y|ies|ied)|note[sd]?)\b",
    re.I,
)


def _split_time(s: str) -> list[str] | None:
    body = s.rstrip(".")
    for m in _AS.finditer(body):
        head, tail = body[: m.start()], body[m.end() :]
        word = m.group().strip(" ,").split()[0]
        first = tail.split()[:1]
        if not first or first[0].lower() in _LEANS or LIMITING.match(tail):
            continue  # "as it did last year", "as his friends watched" lean on the head
        if head.split()[-1].lower() in _TIME_WORDS:
            continue  # "hours after", "shortly after": part of the head's own time
        said = _ATTRIBUTION.search(head) or _BELIEF.search(head)
        if said and head[said.end() :].strip(" ,"):
            continue  # "said they were sure X after Y": Y may be part of what was said
        if re.search(r"and\sthat", tail):
            continue  # "..., and that Z": a second thing the head's verb reports
        if len(tail.split()) < 5 or not balanced(head) or not balanced(tail):
            continue
        if not (_has_verb(head) and _is_subject_verb(tail)):
            continue
        if word == "after":
            return [finish(head), finish(f"{AFTER_LEAD} {tail}")]
        return [finish(head), finish(tail, capital=True)]
    return None


# "X as Y" with no comma: "as" binds Y to X's own words far more often than it joins two
# facts in time ("came as", "known as", "the same day as", "such as", "as well as", "twice
# as fast as", "served as"). The head may not end in one of these words.
_AS_BOUND = wordset(
    "came come comes coming same such known well so as just soon long much many far twice"
    " even only serve serves served serving act acts acted acting seen regarded described"
    " identified named listed labelled labeled used treated billed hailed emerged ranked ranks"
    " elected reelected re-elected appointed resigned returned rebranded doubles works worked in"
    " down over"
)
# The digest may print the head of a cut without its tail (a story's word budget), so the
# head must say what happened on its own: its verb and at least this many words after it.
OBJECT_WORDS = 4
_COMPARING = wordset("as same such")
_BARE_AS = re.compile(r"(?<=[a-z0-9”’\"])\sas\s(?=(?:the\s)?[A-Z])")
_POSSESSIVE = re.compile(r"['’]s$")


def _named_clause(tail: str) -> bool:
    """ "Canada's Megan Oldham won the gold medal", "President Trump's peace talks dragged
    on": a name (after "the" at most), up to two plain nouns only after a possessive name,
    then a verb that can only be a verb ("-ed" with no "by" after it, an irregular past, an
    auxiliary that is no attribution)."""
    words = tail.split()
    i = 1 if words and words[0] == "the" else 0
    if i >= len(words) or not words[i][:1].isupper() or words[i] in _NOT_NAMES:
        return False
    while i < len(words) and (words[i][:1].isupper() or words[i][:1].isdigit()):
        i += 1
    if 0 < i < len(words) and _POSSESSIVE.search(words[i - 1]):
        k = i
        while k < min(i + 2, len(words)) and words[k].isalpha() and words[k].islower():
            if _is_sure_verb(words, k):
                return True
            k += 1
        i = k
    return i < len(words) and _is_sure_verb(words, i)


def _is_sure_verb(words: list[str], i: int) -> bool:
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w in wordset("said says told"):
        return False  # who said it: an attribution, never cut from its claim
    return w in AUX or w in IRREGULAR_PAST or bool(_PLAIN_PAST.match(w) and nxt != "by")


def _split_bare_as(s: str) -> list[str] | None:
    """ "Eileen Gu took silver in big air as Canada's Megan Oldham won the gold" -> "Eileen
    Gu took silver in big air. Canada's Megan Oldham won the gold.": only when the head is a
    whole sentence with no comma (no frame, aside or list that might cover the tail), the
    tail opens with a name and a verb that can only be one, and no one is quoted or said to
    have said either half."""
    body = s.rstrip(".")
    for m in _BARE_AS.finditer(body):
        head, tail = body[: m.start()], body[m.end() :]
        head_words = head.split()
        if "," in head or _COMPARING & {w.lower() for w in head_words}:
            continue  # "twice as fast as", "the same range of inputs as", a frame: whole
        if head_words[0].lower() in _LEANS:
            continue  # "This was a fiery battle as Pérez sought ...": "as" says what "this" is
        if head_words[-1].lower() in _AS_BOUND | _TIME_WORDS:
            continue
        if _ATTRIBUTION.search(head) or _BELIEF.search(head) or _ATTRIBUTION.search(tail):
            continue  # "Analysts expect A as B": B may be part of what they expect
        if len(tail.split()) < 5 or not balanced(head) or not balanced(tail):
            continue
        if not (stands_alone(head) or _titled_subject(head_words)) or not _has_verb(head):
            continue
        # its verb: the first that can only be one ("attacks" may be a noun, "rose" not)
        n = len(head_words)
        verb = next((i for i in range(1, n) if _is_sure_verb(head_words, i)), n)
        if len(head_words) - verb - 1 < OBJECT_WORDS:
            continue  # "Attacks rose as talks dragged on": "rose" alone loses its time
        if _named_clause(tail):
            return [finish(head), finish(tail, capital=True)]
    return None


def _titled_subject(words: list[str]) -> bool:
    """ "Defending Olympic champion Eileen Gu took": a name with its title or role before
    it (no function word, no comma), then a verb that can only be one."""
    for v in range(2, min(8, len(words))):
        if _is_sure_verb(words, v):
            subject = words[:v]
            return (
                subject[0][:1].isupper()
                and subject[-1][:1].isupper()
                and subject[-1] not in _NOT_NAMES
                and not any(w.lower() in _FUNCTION_WORDS or w.endswith(",") for w in subject)
            )
    return False


# "X, the first time he has ruled out ...": a trailing description of the whole event X
# tells, not of the noun before the comma. Only three shapes, none of which can describe a
# person, place or thing ("Greenland, an autonomous territory", "Jose Jeri, the country's
# seventh head of state", "Japan, the fourth largest economy" stay whole):
# "the <ordinal> time <clause>", "the <rank> <event noun> ..." ("the latest intervention",
# "the highest-level known U.S. visit") and "the <superlative> <pronoun> <present verb>"
# ("the closest it's ever been"). The tail becomes "That is <tail>.": fixed words in the
# present, which fit "he has ruled out", "it's ever been", "the latest intervention"; a
# tail told from a later past ("had", "would", "was") would need "That was", so it stays.
EVENT_LEAD = "That is"
_ORDINALS = wordset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth last only"
)
_SUPERLATIVES = wordset(
    "latest closest biggest largest highest lowest greatest deadliest bloodiest costliest"
    " longest shortest strongest weakest sharpest steepest fastest slowest worst best"
    " heaviest hottest coldest warmest wettest driest smallest toughest boldest clearest"
    " newest earliest fewest"
)
# nouns for something that happens, never for a person, place or thing
_EVENT_NOUNS = wordset(
    "step move sign signal intervention milestone escalation visit attack strike blow setback"
    " instance occasion attempt effort salvo episode incident increase rise jump drop fall"
    " decline plunge gain loss"
)
_NUMBERED = re.compile(r"^\d+(?:st|nd|rd|th)$")
_EVENT_CUT = re.compile(r",\s(?=the\s)")
_LATER_PAST = wordset("had would was were")
_PRESENT_AFTER_PRONOUN = re.compile(
    r"^(?:it|he|she|they|we)(?:['’](?:s|ve)|\s(?:has|have|is|are))$"
)
_RELATIVE_OPENERS = wordset("that who whose which where when")
# "President Donald Trump said Wednesday he would not ...": a sayer named in two words or
# more, then "he"/"she" and what he or she will or would do: the sayer's own stance
_SAYER = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s){2,}(?:said|says)\s(?:(?:on\s)?[A-Z][a-z]+day\s)?(he|she)"
    r"\s(?:would|will|won['’]t|wouldn['’]t)\s"
)


def _event_tail(words: list[str]) -> str:
    """Which of the three event shapes ``words`` (a tail opening on "the") has: "time",
    "noun", "pronoun", or "" for none."""
    if len(words) < 4 or words[0] != "the":
        return ""
    rank = words[1].lower().split("-")[0]  # "highest-level"
    ordinal = rank in _ORDINALS or bool(_NUMBERED.match(rank))
    if words[2] == "time":
        # "the first time he has...", "the second time that ...": not "the best time to buy"
        return "time" if ordinal else ""
    if rank in _SUPERLATIVES and (
        _PRESENT_AFTER_PRONOUN.match(words[2]) or _PRESENT_AFTER_PRONOUN.match(" ".join(words[2:4]))
    ):
        return "pronoun"  # "the closest it’s ever been"
    if not (ordinal or rank in _SUPERLATIVES):
        return ""
    # "the latest intervention in ...", "the highest-level known U.S. visit since ...": the
    # event noun within three words; no main verb after it ("the second instance of the
    # same Lambda is going to be created") and no list ("the biggest drop in X and Y")
    for i in range(2, min(6, len(words))):
        w = words[i]
        if w in _EVENT_NOUNS:
            after = {x.lower() for x in _before_relative(words[i + 1 :])}
            return "" if after & (AUX | {"and", "or"}) else "noun"
        if w.endswith(",") or w.lower() in _FUNCTION_WORDS or _is_verb(w):
            return ""
    return ""


def _before_relative(words: list[str]) -> list[str]:
    """``words`` up to a relative clause ("... for a firm whose CEO, Sundar Pichai, was")."""
    for k, w in enumerate(words):
        if w.lower() in _RELATIVE_OPENERS:
            return words[:k]
    return words


def _split_event(s: str) -> list[str] | None:
    """ "Atomic scientists on Tuesday set the Doomsday Clock to 85 seconds to midnight, the
    closest it’s ever been to ..." -> "... to midnight. That is the closest it’s ever been
    to ...": only at the last ", the" of the sentence, where the tail is one of the event
    shapes above (never a description of the noun before it), both sides are outside any
    quote or bracket, the head is a sentence, and no one is said to have said either half
    (but see ``_SAYER``)."""
    body = s.rstrip(".")
    cuts = list(_EVENT_CUT.finditer(body))
    if not cuts:
        return None
    head, tail = body[: cuts[-1].start()], body[cuts[-1].end() :]
    words = tail.split()
    shape = _event_tail(words)
    if not shape or not balanced(head) or not balanced(tail):
        return None
    # the tail's own clause (a relative clause inside a noun's tail has its own time: "a
    # firm whose CEO was once pilloried")
    own = _before_relative(words) if shape == "noun" else words
    if _LATER_PAST & {w.lower() for w in own} or any(w.endswith(("'d", "’d")) for w in own):
        return None  # "the last time the team would ever achieve this": "That was"
    if any(w.endswith(",") for w in _before_relative(words)):
        return None  # "the first time it has done so since 2019, and signaled ...": more
    if _ATTRIBUTION.search(tail) or _BELIEF.search(tail):
        return None  # "..., the deadliest attack since June, officials said"
    if _ATTRIBUTION.search(head) or _BELIEF.search(head):
        # who said it may cover the tail too; not when the tail counts the named sayer's
        # own stance: "Trump said he would not use force ..., the first time he has ruled out"
        sayer = _SAYER.match(head)
        if not (sayer and shape == "time" and words[3] == sayer.group(1)):
            return None
    head_words = head.split()
    if ", " in head and _list_item(head.rsplit(", ", 1)[1]):
        return None  # "... on high rates, the war in Ukraine, the biggest drop in ...": a list
    if {w.lower().strip(",").removesuffix("s") for w in head_words[-4:]} & _EVENT_NOUNS:
        return None  # "condemned the drone strike on the hospital, the deadliest attack": it
    if not (
        stands_alone(head)
        or _titled_subject(head_words)
        or _named_clause(head)
        or _framed_clause(head)
        or (head_words[0].lower() in _PRONOUNS and _is_sure_verb(head_words, 1))
    ):
        return None  # "Shortly after the vote on Tuesday, the first time ...": no sentence
    return [finish(head), finish(f"{EVENT_LEAD} {tail}")]


def _list_item(part: str) -> bool:
    """ "the war in Ukraine": a determiner's noun phrase with no verb, as in a list."""
    words = part.split()
    return bool(words) and words[0].lower() in _DETERMINERS and not any(map(_is_verb, words[1:]))


def _framed_clause(head: str) -> bool:
    """ "Coinciding with her White House visit, CIA Director John Ratcliffe traveled ...": a
    leading frame, then a sentence."""
    if ", " not in head:
        return False
    rest = head.split(", ", 1)[1]
    return "," not in rest and (
        stands_alone(rest) or _titled_subject(rest.split()) or _named_clause(rest)
    )


def split_clause(sentence: str) -> list[str] | None:
    """One long sentence as two that keep its meaning, or None (see the module's doc)."""
    s = sentence.strip()
    if s.endswith((".”", '."')):
        # a quote closes it: only the time cut, whose second half keeps the quote whole
        # ("... after Trump told Davos attendees that “Canada lives ...”"); a relative
        # clause's end is unclear there ("..., who has long coveted the prize ..., because
        # “he deserves it.”": the "because" is the head's)
        return _split_time(s)
    if not s.endswith("."):
        return None  # a question, or a quote that ends otherwise: left whole
    return _split_relative(s) or _split_time(s) or _split_bare_as(s) or _split_event(s)


_CUT_OFF = re.compile(r"\s*(?:…|\.\.\.)\s*$")


def cut_truncated(sentence: str) -> str | None:
    """A feed's cut-off sentence ended at its last safe comma, or None."""
    s = sentence.strip()
    if not _CUT_OFF.search(s):
        return None
    s = _CUT_OFF.sub("", s)
    for m in reversed(list(re.finditer(r",\s?", s))):
        head, lost = s[: m.start()], s[m.end() :]
        if LIMITING.match(lost) or re.match(r"(?:said|says|according|told|\w+\ssaid)\b", lost):
            return None  # the lost part may limit or attribute the claim: nothing is saved
        if "," in head and len(head.rsplit(",", 1)[1].split()) <= 3:
            return None  # "A, B, C,…": a list cut short, not a clause
        if has_past_verb(head) and balanced(head) and len(head.split()) >= 8:
            return finish(head)
    return None
