"""A trailing participle clause told as a sentence of its own (docs/voice.md, "Plain words
keep the meaning").

"Ukrainian President Volodymyr Zelensky criticized European leaders, accusing them of
failing to act ..." -> "Ukrainian President Volodymyr Zelensky criticized European leaders.
Zelensky accused them of failing to act ...". Every word is kept: the participle becomes the
past tense of its verb and the head's subject is said again, so nothing is dropped that
``asides`` would have had to judge. Only where the participle's doer is sure to be the
head's subject:

- the participle is one whose doer is the one who acts in the head (saying, citing, using,
  accusing, becoming ...); one that tells a result ("..., making it the biggest ...",
  "..., meaning more users ...", "..., prompting ...") has the whole event for its doer and
  stays where it is;
- the head is a subject, then a past tense right after it ("criticized", "met", "has
  warned"), with no second clause after its verb ("said the man attacked a guard, using a
  knife": who used it?), and a head whose verb tells what someone said takes only a
  participle that tells more of what they said ("said ..., adding ...");
- the subject is a name, a pronoun or a definite noun, with no comma in it; a person named
  with a title ("German Chancellor Friedrich Merz") is named again by surname, as a news
  story's second reference does.

Never cut inside quotes or brackets, before an attribution of the whole sentence ("...,
officials said"), at "having ..." or "being ..." (another tense), or where the tense is
not past.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import balanced, finish, is_past
from bot.summarize.offline.words import wordset


def _pairs(text: str) -> dict[str, str]:
    words = text.split()
    return dict(zip(words[::2], words[1::2], strict=True))


# Participles whose doer is the head's subject, each with its past tense. A closed list:
# only these are cut, so the past is written here, not looked up (an inflection library's
# tables cost 67 MB and 0.6 s to load for these 66 words).
_SAYING = _pairs(
    """saying said adding added arguing argued noting noted citing cited calling called
    warning warned urging urged accusing accused claiming claimed insisting insisted
    describing described stressing stressed telling told asking asked vowing vowed
    pledging pledged promising promised praising praised criticizing criticized
    criticising criticised blaming blamed denouncing denounced dismissing dismissed
    rejecting rejected defending defended questioning questioned threatening threatened
    demanding demanded suggesting suggested acknowledging acknowledged admitting admitted
    conceding conceded confirming confirmed denying denied reiterating reiterated
    announcing announced revealing revealed touting touted pointing pointed comparing
    compared likening likened labeling labeled labelling labelled branding branded dubbing
    dubbed referring referred advertising advertised writing wrote explaining explained
    predicting predicted"""
)
_ACTING = _pairs(
    """using used seeking sought hoping hoped aiming aimed fearing feared joining joined
    becoming became winning won beating beat finishing finished securing secured clinching
    clinched defeating defeated overtaking overtook surpassing surpassed"""
)
_PAST = _SAYING | _ACTING
_SAID = wordset(
    """said told announced reported claimed stated wrote added noted warned argued explained
    confirmed insisted"""
)
PERFECT = frozenset({"has", "have", "had"})
# a verb that is no past tense: before the past, it makes the head something else ("does
# not offer", "are trained", "has strongly denied"); after it, a second clause or a passive
# ("had to be rethought"), whose subject the participle may belong to
_AUXILIARY = wordset(
    """is are was were be been being am has have had will would can could may might must
    shall should does do did 's ’s 're ’re 'm ’m"""
)
CLAUSE_WORDS = wordset(
    """that who whom whose which where when while as after before because if since until
    unless though although whether once so"""
)
# capitalized words that open a sentence without being its subject's name
_NOT_SUBJECT = wordset(
    """but and or yet so now then still also too here there meanwhile however instead both
    many some all most each every such other just even only not no it this that these those
    in on at for of by with from after before during despite amid following when while if
    as since because although though once today yesterday finally recently previously
    currently eventually initially ultimately later earlier let’s let's it’s it's that’s
    that's here’s here's there’s there's what’s what's"""
)
PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "la", "du", "von", "van", "al"})
_TITLES = wordset(
    """president prime minister chancellor secretary senator sen rep representative judge
    justice governor gov mayor ceo founder co-founder chief chair chairman chairwoman leader
    spokesperson spokesman spokeswoman king queen prince princess pope ambassador envoy
    general gen director commissioner premier"""
)
WHOLE_ATTRIBUTION = re.compile(
    r",\s[^,]*\b(?:said|says|told|according\sto|reported|reports)\b[^,]*$", re.I
)
_PARTICIPLE = re.compile(r",\s([a-z]+ing)\s")
# "..., calling them X, and noting that ...": a second participle would be left as it was
_MORE_PARTICIPLES = re.compile(r"\b(?:and|or)\s[a-z]+ing\b")
# "The Qwen published scores look impressive": "-ed" was an adjective, the verb comes later
_PRESENT_NEXT = wordset("look looks seem seems show shows remain remains")


def subject_end(words: list[str]) -> int | None:
    """The index of the head's verb (a past tense, or "has"/"have"/"had" and one), the words
    before it being its subject; None when the head opens otherwise."""
    for i, word in enumerate(words[:9]):
        w = word.lower()
        if i and is_past(word):
            return i
        if i and w in PERFECT and i + 1 < len(words) and is_past(words[i + 1]):
            return i
        if w in CLAUSE_WORDS or word.endswith((",", ":", ";")):
            return None  # an auxiliary or an adverb before the verb fails subject_ok
    return None


def _plain_noun(word: str) -> bool:
    w = word.lower()
    return not (
        w.endswith(("ly", "ing", "ed"))
        or w in _AUXILIARY
        or w in CLAUSE_WORDS
        or w in _NOT_SUBJECT
        or w in {"himself", "herself", "itself", "themselves", "also", "then"}
    )


def _name_run(words: list[str]) -> list[str]:
    """The capitalized words that end ``words`` ("... Friedrich Merz")."""
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper() and words[i - 1].replace(".", "").isalpha():
        i -= 1
    return words[i:]


def _titled(subject: list[str]) -> bool:
    lowered = [w.lower().rstrip(".") for w in subject]
    return bool(set(lowered) & _TITLES) and 2 <= len(_name_run(subject)) <= 4


def subject_ok(subject: list[str]) -> bool:
    """A pronoun for a person, a name, a titled person, "The <noun phrase>" or a name's
    "<noun>" ("Musk’s social media company"): never a word that could be its verb."""
    first = subject[0]
    # "of" inside a name ("Secretary of State Marco Rubio") is no opener
    inner = [
        w
        for k, w in enumerate(subject[1:], 1)
        if not (
            w in _CONNECTORS
            and k + 1 < len(subject)
            and subject[k - 1][:1].isupper()
            and subject[k + 1][:1].isupper()
        )
    ]
    if first.lower() in _NOT_SUBJECT or not all(_plain_noun(w) for w in inner):
        return False
    if len(subject) == 1 and first.lower() in PRONOUN_SUBJECTS:
        return True
    if len(subject) > 8 or not first[:1].isupper():
        return False
    if _titled(subject):
        return True
    lower = [w for w in subject if not w[:1].isupper() and w not in _CONNECTORS]
    if not lower:
        return True  # a name: "Donald Trump", "The Secretary of State"
    if first == "The" or re.search(r"['’]s$", first):
        return len(lower) <= 3  # "The Iranian regime", "Musk’s social media company"
    return False


def second_subject(subject: list[str]) -> str:
    """The subject said again: a titled person by surname ("German Chancellor Friedrich
    Merz" -> "Merz"), anything else as written ("The company")."""
    if _titled(subject):
        return _name_run(subject)[-1]
    words = " ".join(subject)
    return words[0].upper() + words[1:]


def _doer(words: list[str], participle: str) -> str | None:
    """The head's subject as the participle's doer, said again; None when the head is not a
    plain subject and past tense with nothing after its verb that could be the doer."""
    end = subject_end(words)
    if end is None or len(words) < 6 or not subject_ok(words[:end]):
        return None
    verb = end + 1 if words[end].lower() in PERFECT else end
    after = [w.lower().strip(",") for w in words[verb + 1 :]]
    if (CLAUSE_WORDS | _AUXILIARY) & set(after) or _PRESENT_NEXT & set(after[:3]):
        # "said the man would ..., using", "had to be rethought, using": whose? "The Qwen
        # published scores look ...": "-ed" was an adjective
        return None
    if any(w.endswith(":") for w in words):
        return None
    if words[verb].lower() in _SAID and participle not in _SAYING:
        return None  # "Police said a man attacked a guard, using a knife"
    if any(is_past(words[j]) and words[j - 1][:1].isupper() for j in range(verb + 2, len(words))):
        return None  # "... the deal Musk signed": a second subject and its verb
    return second_subject(words[:end])


def statement_body(sentence: str) -> tuple[str, str] | None:
    """A statement without its full stop, and the closing quote the stop sat inside ("" if
    none: '... “will not go it alone.”' ends on '”'); None for a question or a fragment."""
    s = sentence.strip()
    quoted = re.search(r"\.([”\"’])$", s)
    if quoted:
        return s[:-2] + quoted.group(1), quoted.group(1)
    return (s[:-1], "") if s.endswith(".") else None


def end_statement(piece: str, quote: str) -> str:
    """The last piece of a cut ``statement_body``, its stop put back inside the quote."""
    return piece[:-1] + "." + quote if quote else piece


def split_participle(sentence: str) -> list[str] | None:
    """One long sentence as two at its trailing participle clause, or None."""
    parts = statement_body(sentence)
    if parts is None:
        return None
    body, quote = parts
    for m in _PARTICIPLE.finditer(body):
        participle = m.group(1)
        head, rest = body[: m.start()], body[m.end() :]
        if participle not in _PAST or ";" in rest or _MORE_PARTICIPLES.search(rest):
            continue
        if not balanced(head) or not balanced(rest) or WHOLE_ATTRIBUTION.search(rest):
            continue
        doer = _doer(head.split(), participle)
        if doer is None:
            continue
        second = end_statement(f"{doer} {_PAST[participle]} {rest}", quote)
        return [finish(head), finish(second)]
    return None
