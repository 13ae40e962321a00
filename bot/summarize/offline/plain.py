"""Plain words and short sentences for extracted source sentences, with the meaning kept.

Three things, none of which adds a fact or changes what a sentence claims
(docs/voice.md, "Plain words keep the meaning"):

- ``plain_words``: a corporate word swapped for its everyday twin, only where the twin
  means the same thing in that place ("leveraging" -> "using", but "leverage" the noun
  stays; "capital" stays, because "digital capital" is not money; "announced" stays,
  because announcing is not merely saying);
- ``trim_sentence``: datelines, plain asides in brackets, a trailing ", which ..." clause,
  a leading day ("On Monday, ") and an indefinite description after a name (", a leading
  provider of ...") go; attributions ("according to X", "X said") always stay, so a
  company's claim still reads as the company's claim;
- ``shorten``: a long sentence cut in two at ";", a lone " — ", ", and", ", but" or ", while" only
  when both halves stand as sentences (a subject and a verb each), never inside brackets,
  quotes or a pair of dashes; a cut at "but" keeps the "But".
"""

from __future__ import annotations

import re

from bot.summarize.hype import HYPE_WORDS
from bot.summarize.offline.clauses import (
    LIMITING,
    SUBORDINATE,
    balanced,
    finish,
    has_past_verb,
    split_clause,
    stands_alone,
)
from bot.summarize.offline.extractive import trim
from bot.summarize.offline.screen import AUX, RELEASE_EXCLAIM

# (pattern, replacement): each swap written with the context where it means the same.
# Longest phrases first. Not here on purpose: "announced" (not "said"), "capital" ("digital
# capital", "capital city"), "purchase" (the noun), "solutions" ("a solution to"),
# "innovative" (not just "new"), "terminate" ("terminate staff"), "monetize" (no object).
_SWAPS: tuple[tuple[str, str], ...] = (
    (r"workforce reduction", "layoffs"),
    (r"reductions? in force", "layoffs"),
    (r"in order to", "to"),
    (r"prior to", "before"),
    (r"in the event that", "if"),
    (r"at this point in time", "now"),
    (r"going forward", "from now on"),
    (r"a number of(?= \w+s\b)", "some"),
    (r"the majority of", "most"),
    (r"end users", "users"),
    (r"enterprise customers", "business customers"),
    # "leverage" only as a verb: after "to" or a modal ("cost founders leverage" stays)
    (r"(?<=\bto )leverage|(?<=\bwill )leverage|(?<=\bcan )leverage|(?<=\bcould )leverage", "use"),
    (r"leverages(?= (?:the|its|their|a|an|AI|data)\b)", "uses"),
    (r"leveraging(?= (?:the|its|their|a|an|AI|data)\b)", "using"),
    (r"utilize", "use"),
    (r"utilizes", "uses"),
    (r"utilized", "used"),
    (r"utilizing", "using"),
    (r"utilization", "use"),
    (r"facilitates", "helps"),
    (r"(?<=\bto )facilitate", "help"),
    (r"commenced", "started"),
    (r"(?<=\bto )commence|(?<=\bwill )commence", "start"),
    (r"approximately(?= [$\d])", "about"),
    (r"additionally(?=,)", "also"),
    (r"furthermore(?=,)", "also"),
    (r"subsequently", "later"),
    (r"numerous", "many"),
    (r"(?<=\bhas )purchased|(?<=\bhad )purchased|(?<=\w )purchased(?= (?:the|a|an)\b)", "bought"),
    (r"(?<=\bto )demonstrate", "show"),
    (r"demonstrates(?= (?:that|how|the|a|an)\b)", "shows"),
    (r"demonstrated(?= (?:that|how|the|a|an)\b)", "showed"),
    (r"(?<=\bto )assist", "help"),
    (r"individuals", "people"),
    (r"headcount", "staff"),
)
_SWAP_RES = tuple((re.compile(rf"\b(?:{pattern})\b", re.I), repl) for pattern, repl in _SWAPS)
# The hype list (docs/voice.md, "Never") plus corporate words a sentence can't be rescued from.
_HYPE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted({*HYPE_WORDS, "paradigm", "game-changer"}))
    + r")\b",
    re.I,
)


# A trailing aside that only adds detail; never one that carries who said it.
_TRAILING = re.compile(
    r",\s(?:(?:which|who|including|such as|bringing|making)\b"
    r"|(?:a|an)\s[^,.;]*?\b(?:that|which)\b)[^;]*(?=\.$)"
)
_ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|told|reported|reports|claims?|claimed|alleges?|alleged)\b",
    re.I,
)
_DASH = re.compile(r"\s+[—–]\s+|\s+--\s+")
# "the House—Japan's lower chamber—to call": an unspaced pair of em dashes. Only a pair is
# dropped at them; a single unspaced dash is never a cut ("become—and the more people").
_TIGHT_DASH = re.compile(r"(?<=[a-z”’\"])—(?=[A-Za-z“\"])")
# ", while the premier says ...": two facts side by side; each half keeps its claim (the
# contrast is the reader's to see). A "while" that opens the sentence is no cut point.
_SPLITS = (re.compile(r";\s+"), _DASH, re.compile(r",\s+(?=(?:and|but|while|whereas)\s)"))

# a time or place said first, that may cover every clause after it
_FRAME = re.compile(
    r"^(?:In|On|At|By|During|Since|Until|Last|This|Earlier|Later|After|Before|Over)\b[^,]{0,40},"
)

LONG = 18  # words: longer sentences are cut where they can be


def is_hype(sentence: str) -> bool:
    return bool(_HYPE_RE.search(sentence))


def _match_case(word: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if word[:1].isupper() else repl


def plain_words(sentence: str) -> str:
    out = sentence
    for pattern, repl in _SWAP_RES:
        out = pattern.sub(lambda m, r=repl: _match_case(m.group(), r), out)  # type: ignore[misc]
    return out


def _drop_trailing(s: str) -> str:
    m = _TRAILING.search(s)
    if not m or _ATTRIBUTION.search(m.group()) or not stands_alone(s[: m.start()]):
        return s  # who said it stays; so does a "trailing" part that is the sentence itself
    return s[: m.start()] + s[m.end() :]


def _drop_dash_pair(s: str) -> str:
    """ "X — an aside — did Y" -> "X did Y": the aside goes whole, never half of it."""
    parts = _DASH.split(s)
    if len(parts) == 1:
        parts = _TIGHT_DASH.split(s)
    if len(parts) != 3 or LIMITING.match(parts[1]) or _ATTRIBUTION.search(parts[1]):
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
        if _ATTRIBUTION.search(s[: m.start()][-40:]):
            continue  # "According to DownDetector, a website that tracks outages,": the source
        if any(w[:1].isupper() for w in aside.split()[1:]):
            continue  # "the CEO of OpenAI": who the person is, a fact of its own
        return s[: m.start()] + s[m.end() :]
    return s


def _drop_participle(s: str) -> str:
    m = _PARTICIPLE.search(s)
    if not m or _HOLDS.search(m.group()) or _ATTRIBUTION.search(m.group()):
        return s
    if re.search(r",\s(?:and|or)\b|\band more\b", m.group()):
        return s  # "dashboards, study trackers, seating charts, and more": a list, no clause
    head = s[: m.start()]
    return head + "." if stands_alone(head) and balanced(head) else s


# "...launched his Gaza Board of Peace, amid concerns from European nations over its
# membership.": the circumstance the news came in, told after the news is complete.
_AMID = re.compile(r",?\samid\s[^;,]*(?=\.$)")


def _drop_amid(s: str) -> str:
    """A trailing "amid ..." goes when it holds no number, quote, limit or attribution and
    what is left is a whole sentence; the headline usually names the circumstance too."""
    m = _AMID.search(s)
    if not m or _HOLDS.search(m.group()) or _ATTRIBUTION.search(m.group()):
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
    if not m or len(m.group().split()) > 10 or _ATTRIBUTION.search(m.group()):
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
    return rest if stands_alone(rest) and not _PRONOUN_START.match(rest) else s


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
    if _ATTRIBUTION.search(head) or _ROLE.search(aside.lower()) or _TIME_NOUN.match(aside):
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
    description of a name and a leading day go; attributions and limits stay."""
    s = trim(sentence)
    if len(s.split()) > LONG:
        s = _drop_run_in(s)
    for drop in (
        _drop_dash_pair,
        _drop_trailing,
        _drop_appositive,
        _drop_amid,
        _drop_participle,
        _drop_description,
        # last: a cut above that needed the sentence to open on its subject stays as it
        # was ("On Friday, the White House announced the board's founding members,
        # including ..." keeps its list)
        _drop_when,
    ):
        if len(s.split()) > LONG:
            s = drop(s)
    # "parts of the U.S., which ..." cut to "parts of the U.S.." (but "venture..." stays)
    s = re.sub(r"(?<=[A-Z])\.\.$", ".", s)
    # a release line's "!" ("... is now available for iOS!", the one kind the screen lets
    # through) is the blog's excitement, not part of the claim: the digest states it
    # plainly. Any other "!" stays: the rewrite is only for lines of that shape.
    if RELEASE_EXCLAIM.search(s):
        s = re.sub(r"(?<=\w)!$", ".", s)
    return finish(s)


def _cuts(body: str) -> list[tuple[int, int, bool]]:
    """Where ``body`` may be cut: (start, end, is_but), outside brackets, quotes, dash pairs."""
    dashes = len(_DASH.findall(body))
    out: list[tuple[int, int, bool]] = []
    for pattern in _SPLITS:
        if pattern is _DASH and dashes != 1:
            continue  # a pair of dashes holds an aside: cutting at one leaves a fragment
        for m in pattern.finditer(body):
            if balanced(body[: m.start()]):
                out.append((m.start(), m.end(), body[m.end() :].startswith("but ")))
    return out


def shorten(sentence: str, limit: int = LONG) -> list[str]:
    """One long sentence as several short ones, cut only where both halves stand alone."""
    s = sentence.strip()
    if len(s.split()) <= limit:
        return [finish(s)]
    body = s[:-1] if s[-1] in ".!?" else s
    for start, end, but in _cuts(body):
        head, tail = body[:start], body[end:]
        if body[start] == "," and re.match(r"(?:while|whereas)\s", tail):
            # "X, while Y": Y cut off only when it is one plain clause: no comma (a clause
            # that leads the sentence's own main clause, "while there is no single
            # definition, “small web” refers...") and no attribution (", according to the
            # BBC" may cover both halves)
            if "," in tail or "according to" in tail or _FRAME.match(head):
                continue  # "In 2023, X did A, while Y did B": the frame covers both
            said = _ATTRIBUTION.search(head)
            if said and head[said.end() :].strip(" ,") and not _ATTRIBUTION.search(tail):
                continue  # "X said that A, while B": B may be part of what X said
            tail = re.sub(r"^(?:while|whereas)\s+", "", tail)
        tail = re.sub(r"^and\s+", "", tail)
        clause = re.sub(r"^but\s+", "", tail)
        if clause.startswith("that "):
            continue  # "..., and that the company imposed ...": a clause of the one before
        if _DASH.fullmatch(body[start:end]) and re.match(r"(?:a|an)\s", clause):
            continue  # "mining — an industry scientists say is...": describes the word before
        if stands_alone(head) and stands_alone(clause):
            tail = "But " + clause if but else tail
            return shorten(finish(head), limit) + shorten(finish(tail, capital=True), limit)
    # "X did Y — an aside that is no sentence": the aside goes, unless it limits the claim
    parts = _DASH.split(body)
    if (
        len(parts) == 2
        and stands_alone(parts[0])
        and not LIMITING.match(parts[1])
        and balanced(parts[0])
    ):
        return shorten(finish(parts[0]), limit)
    # "X, who Y, did Z", "X, as Y", "X after Y": two sentences, with the name or the time kept
    pieces = split_clause(s)
    if pieces:
        return [p for piece in pieces for p in shorten(piece, limit)]
    return [finish(s)]


def plain(sentence: str) -> str:
    """A source sentence in plain words, trimmed, as one sentence (not split)."""
    return trim_sentence(plain_words(sentence))


def plain_sentences(sentence: str, limit: int = LONG) -> list[str]:
    """A source sentence in plain words, trimmed and cut into short sentences."""
    return shorten(plain(sentence), limit)
