"""The asides a long source sentence can lose with its claim kept (docs/voice.md, "Plain
words keep the meaning"): datelines, a run-in heading, plain asides in brackets or a pair of
dashes, an appositive description, a trailing ", which ...", "amid ..." or participle
clause, an indefinite description after a name, a leading day and a weekday that dates the
news inside the sentence (``weekday.py``), where a statement was made and the "that" after
"said" (``compress.py``). Attributions ("according to X", "X said") and
words that limit, hedge or date a claim always stay, so a company's claim still reads as the
company's claim. Only a sentence over ``LONG`` words is trimmed.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import (
    LIMITING,
    SUBORDINATE,
    balanced,
    finish,
    has_past_verb,
    is_clause,
    stands_alone,
)
from bot.summarize.offline.compress import compress, drop_said_that
from bot.summarize.offline.extractive import trim
from bot.summarize.offline.patterns import NOTHING_NEW
from bot.summarize.offline.screen import AUX, RELEASE_EXCLAIM
from bot.summarize.offline.weekday import drop_weekday

# A trailing aside that only adds detail; never one that carries who said it.
_TRAILING = re.compile(
    r",\s(?:(?:which|who|including|such as|bringing|making)\b"
    r"|(?:a|an)\s[^,.;]*?\b(?:that|which)\b)[^;]*(?=\.$)"
)
ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|told|reported|reports|claims?|claimed|alleges?|alleged)\b",
    re.I,
)
DASH = re.compile(r"\s+[—–]\s+|\s+--\s+")
# "the House—Japan's lower chamber—to call": an unspaced pair of em dashes. Only a pair is
# dropped at them; a single unspaced dash is never a cut ("become—and the more people").
_TIGHT_DASH = re.compile(r"(?<=[a-z”’\"])—(?=[A-Za-z“\"])")
LONG = 18  # words: longer sentences are cut where they can be


# ", was Friday", ", will take effect": after a relative clause in the middle of a sentence,
# the sentence's own verb comes next; the clause was no trailing one
_MAIN_VERB_NEXT = re.compile(
    r",\s(?:is|are|was|were|will|would|has|have|had|can|could|must|may|might|should|shall"
    r"|does|do|did)\b"
)


def _drop_trailing(s: str) -> str:
    m = _TRAILING.search(s)
    if not m or ATTRIBUTION.search(m.group()) or not stands_alone(s[: m.start()]):
        return s  # who said it stays; so does a "trailing" part that is the sentence itself
    first, _, rest = m.group()[2:].partition(" ")
    if first.endswith(","):
        # "which, along with its improved ability ..., has allowed it": the aside's end is
        # followed by the clause's own verb, not the sentence's
        rest = rest.partition(", ")[2]
    if _MAIN_VERB_NEXT.search(rest):
        # "The deadline for the bids, which had been moved twice, was Friday, and ...": the
        # drop would leave "The deadline for the bids." ("bids" passed for its verb)
        return s
    if NOTHING_NEW.search(s[: m.start()] + "."):
        return s  # "..., including reverse Laplace transforms ...": the list is the news
    return s[: m.start()] + s[m.end() :]


def _drop_dash_pair(s: str) -> str:
    """ "X — an aside — did Y" -> "X did Y": the aside goes whole, never half of it."""
    parts = DASH.split(s)
    if len(parts) == 1:
        parts = _TIGHT_DASH.split(s)
    if len(parts) != 3 or LIMITING.match(parts[1]) or ATTRIBUTION.search(parts[1]):
        return s
    if not balanced(parts[1]):
        return s
    glue = ", " if re.match(r"(?:but|so|yet)\b", parts[2]) else " "
    joined = f"{parts[0].rstrip(',')}{glue}{parts[2]}"
    return joined if stands_alone(joined) else s


# Words that make an aside part of the claim: it limits, hedges, dates or attributes it.
_HOLDS = re.compile(
    r"\d|[\"“”()]|\b(?:not|no|never|only|except|without|unless|if|still|yet|pending|needs?"
    r"|requires?|would|could|may|might|allegedly|reportedly|first|last|largest|biggest|most"
    r"|said|says|saying|told|according|claim\w*|cit\w+|call\w*|argu\w+|warn\w*|not\w+"
    r"|add\w*|accus\w+|deny|denied|denies|admit\w*|announc\w*|report\w*|stat\w+)\b|n['’]t\b",
    re.I,
)
# "Waymo, the delivery platform, has launched": an appositive after a name, before its verb.
_APPOSITIVE = re.compile(
    r"(?<=[A-Za-z0-9])(?P<aside>,\s(?:the|a|an|its|his|her|their)\s[^,;:]{3,70}?,)"
    r"(?=\s(?!and\b|or\b|but\b)[a-z])"
)
# "..., increasing accountability and allowing authorities to trace it.": a trailing
# participle clause that adds a consequence or manner, not who said it; a hedge in front
# of it goes with it (", potentially boosting their traffic...": the head's claim stands).
_PARTICIPLE = re.compile(
    r",\s(?:(?:potentially|possibly|thereby|effectively)\s)?"
    r"(?!(?:during|including|according|regarding|concerning|following|excluding|pending"
    r"|notwithstanding|nothing|something|anything|everything)\b)[a-z]+ing\b[^;]*(?=\.$)"
)
_VERB_NEXT = re.compile(r"^(?:[a-z]+ed\b|[a-z]+s\s(?:the|a|an|its|their|to|that|it|new)\b)")


def _drop_appositive(s: str) -> str:
    """ "The European Commission, the EU's executive arm, also opened..." -> "The European
    Commission also opened...": the description goes, never one that holds a number, a
    name, a quote or a limit."""
    for m in _APPOSITIVE.finditer(s):
        aside = m.group("aside")
        name = s[: m.start()].split()[-1:]
        if not name or not name[0][:1].isupper() or _HOLDS.search(aside):
            continue
        after = s[m.end() :].lstrip()
        if after.split()[0] not in AUX and not _VERB_NEXT.match(after):
            continue  # no verb next: a list ("the growing threat, the status...")
        if ATTRIBUTION.search(s[: m.start()][-40:]):
            continue  # "According to DownDetector, a website that tracks outages,": the source
        if any(w[:1].isupper() for w in aside.split()[1:]):
            continue  # "the CEO of OpenAI": who the person is, a fact of its own
        return s[: m.start()] + s[m.end() :]
    return s


# A preposition the "-ing" words can be the object of, with an aside between: "distinct
# from, for example, pulling data from a YAML file" is no trailing clause, and the head
# alone would end on "from, for example".
_TAKES_OBJECT = frozenset(
    {"from", "than", "of", "by", "to", "in", "on", "with", "about", "like", "into", "without"}
    | {"before", "after", "for", "as", "at", "over", "via", "beyond", "besides"}
)
_SHORT_ASIDE = re.compile(r",\s[^,]{1,20}$")  # ", for example", ", say"


def _drop_participle(s: str) -> str:
    m = _PARTICIPLE.search(s)
    if not m or _HOLDS.search(m.group()) or ATTRIBUTION.search(m.group()):
        return s
    if re.search(r",\s(?:and|or)\b|\band more\b", m.group()):
        return s  # "dashboards, study trackers, seating charts, and more": a list, no clause
    head = s[: m.start()]
    before_aside = _SHORT_ASIDE.sub("", head).split()
    if before_aside != head.split() and before_aside[-1:] and before_aside[-1] in _TAKES_OBJECT:
        # "from, for example, pulling ...": the "-ing" words are the object of "from" (a
        # head that ends on one with no aside is a stranded one: "the site she streams on,
        # potentially letting ..." is a trailing clause)
        return s
    return head + "." if stands_alone(head) and balanced(head) else s


# "...launched his Gaza Board of Peace, amid concerns from European nations over its
# membership.": the circumstance the news came in, told after the news is complete.
# "..., in the latest display of frayed relations between the U.S. and Canada." and "in
# the wake of ..." are the same kind of background (measured on the compression set,
# tests/data/writer/compressions.jsonl).
_AMID = re.compile(
    r",?\s(?:amid|in\sthe\swake\sof|in\sthe\slatest\s(?:sign|display|example|twist"
    r"|escalation|round|chapter|episode|salvo|move|blow|indication|instance)\sof)\s[^;,]*(?=\.$)"
)


def _drop_amid(s: str) -> str:
    """A trailing "amid ...", "in the wake of ..." or "in the latest sign of ..." goes when
    it holds no number, quote, limit or attribution and what is left is a whole sentence;
    the headline usually names the circumstance too."""
    m = _AMID.search(s)
    if not m or _HOLDS.search(m.group()) or ATTRIBUTION.search(m.group()):
        return s
    head = s[: m.start()]
    return head + "." if stands_alone(head) and balanced(head) else s


# A run-in heading before the sentence, as a weekly review writes its items ("Murdoch's play
# for Time Warner: Rupert Murdoch's latest ... bid was revealed..."): the heading goes when
# what follows is a whole sentence on a name (not "We ...", "It ...": a quote's speaker or a
# label the sentence leans on would go with it).
_RUN_IN = re.compile(r"^[A-Z][^:.!?\"“”]{2,60}:\s+(?=[A-Z])")
_PRONOUN_START = re.compile(r"^(?:I|We|You|He|She|It|They|This|That|These|Those|Our|My)\b")


def _drop_run_in(s: str) -> str:
    m = _RUN_IN.match(s)
    if not m or len(m.group().split()) > 10 or ATTRIBUTION.search(m.group()):
        return s  # "I said: ...", "Officials told reporters: ...": who said it stays
    rest = s[m.end() :]
    if _PRONOUN_START.match(rest) or _PRONOUN_START.match(s):
        return s
    if all(w[:1].isupper() for w in rest.split()[:4]):
        return s  # a title's second half ("The Universe in Your Hand: A Journey Through...")
    if all(w[:1].isupper() for w in m.group().rstrip(": ").split()):
        # a heading of capitalised words only is a name or a title, and what follows its
        # colon may be the title's subtitle ("Shlomo Avineri's Karl Marx: Philosophy and
        # Revolution is..."); a run-in heading is a phrase ("Murdoch's play for Time Warner")
        return s
    # "Late last week, political journalist ... launched ...", "New York Times reporter
    # James Risen's long legal battle ... reached ...": a sentence, though not name-first
    whole = stands_alone(rest) or (len(rest.split()) >= 8 and has_past_verb(rest))
    return rest if whole else s


# "On Monday, Discord announced...": the day a daily digest's story happened, told first. The
# digest is about the day's news, so the day goes; a time that places the news apart from
# the day ("Last week", "Several months ago", "In 2026", "On Friday, Jan. 9") stays.
_WHEN = re.compile(
    r"^(?:On\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s(?:morning|afternoon|evening|night))?|This\s(?:week|morning)|Today|Earlier\stoday"
    r"|Earlier\sthis\sweek|Over\sthe\sweekend|Last\snight|Tonight),\s+(?=[A-Za-z0-9])"
)


def _drop_when(s: str) -> str:
    m = _WHEN.match(s)
    if not m:
        return s
    rest = s[m.end() :]
    if re.match(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d", rest):
        return s  # "On Friday, Jan. 9, ...": the date is the time, and it stays whole
    if "," in " ".join(rest.split()[:2]):
        return s  # "On Wednesday, however, his focus...", "On Friday afternoon, local time, ..."
    rest = rest[0].upper() + rest[1:]  # "This week, two renters filed" -> "Two renters filed"
    # the day goes and every other word stays, so the wider test of a clause is enough
    # ("On Wednesday, leaders in business, art, ... gathered" -> "Leaders in ... gathered")
    return rest if is_clause(rest) and not _PRONOUN_START.match(rest) else s


# "...in partnership with Statista, a leading international provider of market and consumer
# data and rankings.": what a name is, told after the sentence's claim is complete. Only an
# indefinite description ("a/an ..."): a definite one often is news of its own ("the
# final deceased hostage", "the second group to be freed", "the government has confirmed").
# It goes when it holds no number, quote, limit, name, verb of its own (", a spokesperson
# confirmed") or role (who a person is: "says Pete Warden, a startup founder" is part of
# who said it), and the name it describes stays.
_DESCRIPTION = re.compile(
    r"(?<=[A-Za-z0-9.])(?P<aside>,\s(?:a|an)\s[a-z][a-z’'-]*\s[a-z][^,;:\"“”()—–A-Z]*)\.$"
)
_ROLE = re.compile(
    r"\b(?:engineer|researcher|developer|founder|co-?founder|director|officer|manager|professor"
    r"|lawyer|attorney|reporter|journalist|writer|editor|author|producer|designer|teacher"
    r"|player|singer|actor|actress|artist|leader|member|partner|owner|investor|advis[eo]r"
    r"|economist|scientist|analyst|historian|physician|doctor|politician|executive|ceo|chief"
    r"|head|official|spokes\w+|chair\w*|president|minister|secretary|senator|lawmaker"
    r"|judge|democrat|republican|staffer|colleague|friend|wife|husband|son|daughter|mother"
    r"|father|sister|brother|widow|student|activist|candidate|nominee|envoy|ambassador"
    r"|governor|mayor|king|queen|prince|princess|chancellor|expert|critic|veteran|user"
    r"|hostage|victim|survivor|suspect|soldier|resident|citizen|worker|employee|person|man"
    r"|woman|boy|girl|child)s?\b"
)
# "a week before...", "a day after...": a time, not a description
_TIME_NOUN = re.compile(
    r"^,\s(?:a|an)\s(?:\w+\s)?(?:second|minute|hour|day|week|month|year|decade|century)s?\b"
)
_SAID = re.compile(r"\b(?:confirm\w*|wrote|explain\w*|estimat\w*|believ\w*|insist\w*)\b")


def _drop_description(s: str) -> str:
    m = _DESCRIPTION.search(s)
    if not m:
        return s
    head, aside = s[: m.start()], m.group("aside")
    name = head.split()[-1:]
    if not name or not name[0][:1].isupper() or _HOLDS.search(aside) or _SAID.search(aside):
        return s
    if ATTRIBUTION.search(head) or _ROLE.search(aside.lower()) or _TIME_NOUN.match(aside):
        return s  # who said it, or who a person is: part of the claim's weight
    if SUBORDINATE.match(head):
        return s  # "If you look at ... AI, the chances are...": the head is no sentence
    # a noun phrase, not a clause: no verb before its relative word ("the chances are")
    words = re.split(r"\b(?:that|which|who|whose|where)\b", aside)[0].split()
    if any(w in AUX for w in words[1:]):
        return s
    # the head was the sentence with the description after it, so it keeps its own verb
    return head + "." if has_past_verb(head) and balanced(head) and len(head.split()) >= 8 else s


def trim_sentence(sentence: str) -> str:
    """Datelines, plain asides (brackets, a pair of dashes, an appositive description), a
    trailing ", which ...", "amid ..." or participle clause, a trailing indefinite
    description of a name, a leading day and a weekday that dates a past event go;
    attributions and limits stay."""
    s = trim(sentence)
    if len(s.split()) > LONG:
        s = _drop_run_in(s)
    for drop in (
        _drop_dash_pair,
        _drop_trailing,
        _drop_appositive,
        _drop_amid,
        # where a statement was made (compress.py)
        compress,
        _drop_participle,
        _drop_description,
        # last: a cut above that needed the sentence to open on its subject stays as it
        # was ("On Friday, the White House announced the board's founding members,
        # including ..." keeps its list)
        _drop_when,
    ):
        if len(s.split()) > LONG:
            s = drop(s)
    # a weekday inside the sentence that dates its past event ("Denmark's foreign minister
    # said on Wednesday that ..."), the leading day's policy, judged on the whole sentence
    # as it came: a time or date in an aside that went still keeps the day (weekday.py)
    if len(s.split()) > LONG:
        s = drop_weekday(s, sentence)
    # "said (on Tuesday) that they plan" -> "said they plan": after the weekday, which may
    # stand between the verb and its "that"
    if len(s.split()) > LONG:
        s = drop_said_that(s)
    # "parts of the U.S., which ..." cut to "parts of the U.S.." (but "venture..." stays)
    s = re.sub(r"(?<=[A-Z])\.\.$", ".", s)
    # a release line's "!" ("... is now available for iOS!", the one kind the screen lets
    # through) is the blog's excitement, not part of the claim: the digest states it
    # plainly. Any other "!" stays: the rewrite is only for lines of that shape.
    if RELEASE_EXCLAIM.search(s):
        s = re.sub(r"(?<=\w)!$", ".", s)
    return finish(s)
