"""A fact is a sentence: a line whose main clause has no finite verb is a caption.

Read on the blog rows of bench/style.py (blind report 9: a link blog's captions, "Satellite
images of a horse, pomegranates, and a camel, created from Solar Panel installations in
China and Mongolia.", "Beautifully-observed & realistic figure of a sleeping Antelope
incised on rock up to 10,000 years ago at ..."; a post describing itself, "Random
recollections from the hectic conversations at the afterparty of ..."). A caption, a blurb
or a title names a thing and says nothing happened to it; a fact tells who did what, and
that takes a verb with a tense. ``blog`` refuses two such shapes by their opening ("A talk
given at ...", "3D-printable adapter, which ..."); this asks the question of any line.

The hard part is a participle, which looks like a past tense: "images ..., created from"
and "figure of a sleeping Antelope incised on rock" against "Google created ..." or
"Police arrested ...". A "-ed" word (or an irregular past) is read as a participle, not a
verb, when:

- it follows a comma and a preposition follows it (", created from ..."; not ", 28 in
  number, included the ...": after an aside, a verb goes on to its object), or it
  follows "and" or "or";
- it follows a determiner ("a dedicated team", "the most overused word"), also across an
  adverb ("a newly formed group"), unless the determiner opens the line on its own as
  its subject ("Some turned to ...", "This happened to me ...");
- "by" follows it, not with an "-ing" after ("a mural painted by ..."; "Rippling
  celebrated by releasing ..." is a verb and its means);
- a preposition follows it and one came before it since the last comma: it describes
  that phrase's object ("figure of a sleeping Antelope incised on rock"), where a verb
  follows its subject ("Police arrested three men", "..., Heydon talked about ...").

Everything else that could be finite counts, so a doubtful line keeps printing: an
auxiliary or modal, a contraction ("it's", "won't"), a plain word after a subject pronoun
("We all use ..."); a lowercase "-s" word after its subject, an adverb between them
("Ollama now supports ...", "Swift 6.2 gives ...", "..., Databricks, flies ..."), unless a
determiner, a preposition or a bare number comes before it ("20+ years"), "of", "and",
"or" or a stop after it, or its ending makes it a noun ("recollections", "installations");
and a bare word after a name or a plural that goes on to an object, "to" or "with"
("Cohere and Government of Canada sign Memorandum ...", "Germany lose to Denmark",
"Researchers find a ..."; "Mistral model." and "DeepSeek shock of" are nouns). A relative
clause set off by commas is not the main clause ("A small PCB, which can receive ..." is a
caption). The rules know English only; a line in another language is refused before this
by ``language`` (one labelled Portuguese news line has no verb this module knows).
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import ALL_IRREGULAR_PAST
from bot.summarize.offline.words import wordset

_BRACKETS = re.compile(r"\s*\([^()]*\)")
# A relative clause set off by commas is no main clause ("A small PCB, which can receive
# ..."). One with no comma is kept: where it ends is not sure ("ConvNetSharp which is
# descended from ConvNetJs is a library ..."), and a doubt keeps the line printable.
_RELATIVE = re.compile(r",\s(?:which|who|whom|whose)\s[^,;:—–]*,?")
_TOKEN = re.compile(r"[A-Za-z0-9][\w.'’&-]*|[,;:—–]")


_FINITE_WORDS = wordset(
    "is are was were am has have had will would can could may might must should shall does do"
    " did cannot"
)
_CONTRACTION = re.compile(r"^[a-z]+n['’]t$|^\w+['’](?:s|re|ll|ve|d|m)$", re.I)
_SUBJECT_PRONOUNS = wordset("i we you they he she it")
_PAST = ALL_IRREGULAR_PAST
_DETERMINERS = wordset(
    "the a an its their his her our my your this that these those some many most more every"
    " each all any no several few"
)
_PREPOSITIONS = wordset(
    "of in on at from for with by into onto over under about across through after before"
    " during near along around between via using inside outside behind beyond upon like"
)
_CONJUNCTIONS = wordset("and or nor but to as than so if")
# No subject comes right before a verb in "-s" from these ("the images", "of pomegranates");
# an adverb may ("Ollama now supports ...").
_NOT_SUBJECT = _DETERMINERS | _PREPOSITIONS | _CONJUNCTIONS | wordset("which who")
# ...and a bare verb is none of these words itself ("years ago", "in preview on").
_FUNCTION = _NOT_SUBJECT | wordset("then not also just only now ago very so too even")
# Adjective endings: "realistic", "digital", "famous" after a capital are no bare verb.
_ADJECTIVE_ENDING = re.compile(r"(?:ic|al|ous|ive|ful|less|able|ible|ary)$")
# A plural whose ending makes it a noun, not a verb in "-s": "recollections", "agreements".
_NOUN_ENDING = re.compile(r"(?:ions|ments|ities|nesses|isms|ists|ships|ances|ences|ologies)$")
_PLURALS = wordset("people children men women police us")
# A determiner that opens a line on its own is its subject ("Some turned to ...", "This
# got me thinking ..."), and "this"/"that" before a verb in "-s" ("this requires ...").
_STANDING = wordset("this that these those some many most all several few both each")
# Between a pronoun and its verb: "We all use ...", "I also offer ...".
_ADVERBS = wordset("also just never still really often ever now already today")
_BETWEEN = _ADVERBS | wordset("all both")
# What follows a verb as its object: "the pair turn their ...", "Scent references in
# literature connect us to ...".
_OBJECTS = wordset("the a an its their his her our my your us them him me it you")
_AFTER_VERB = _OBJECTS | _DETERMINERS | wordset("to with up out")
_STOPS = frozenset(",;:—–")
_S_WORD = re.compile(r"^[a-z]{2,}[^su'’\s]s$")
_PLURAL = re.compile(r"^[a-z][a-z-]+[^su'’\s]s$")  # "web-apps" too
_ED_WORD = re.compile(r"^[a-z]{2,}ed$")
_BASE_WORD = re.compile(r"^[a-z]{2,}$")
_LOWER_WORD = re.compile(r"^[a-z][a-z-]+$")
_NUMBER = re.compile(r"^\d[\d.,]*\+?$")


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _at(words: list[str], i: int) -> str:
    return words[i].lower() if 0 <= i < len(words) else ""


def _participle(words: list[str], i: int) -> bool:
    """A "-ed" word or irregular past read as describing a noun (the module docstring)."""
    b = i - 2 if _at(words, i - 1).endswith("ly") and i > 1 else i - 1  # "a newly formed"
    before, after = _at(words, b), _at(words, i + 1)
    if before in _DETERMINERS:
        return not (b == 0 and before in _STANDING)
    if not before or before in ("and", "or"):
        return True
    if before in _STOPS:  # ", created from ..."; not ", 28 in number, included the ..."
        return after in _PREPOSITIONS or not after
    if after == "by":  # "... painted by X"; "celebrated by releasing ..." is a means
        return not _at(words, i + 2).endswith("ing")
    start = max((j + 1 for j in range(i) if words[j] in _STOPS), default=0)
    return after in _PREPOSITIONS and any(w.lower() in _PREPOSITIONS for w in words[start:i])


def _s_verb(words: list[str], i: int) -> bool:
    w = words[i]
    if not _S_WORD.match(w) or _NOUN_ENDING.search(w) or i == 0:
        return False
    before, after = _at(words, i - 1), _at(words, i + 1)
    if not after:  # at the end only after an adverb: "... ever stops."
        return before in _ADVERBS or before.endswith("ly")
    if after in (",", ";", ":", "of", "and", "or"):
        return False
    if before in _STOPS:  # an aside closed: "..., Databricks, flies", "X, seen by Y, offers"
        return i > 1 and (_cap(words[i - 2]) or "," in words[: i - 1])
    if _NUMBER.match(before):  # "20+ years" is a noun; "Swift 6.2 gives" a verb
        return i > 1 and _cap(words[i - 2])
    if before in ("this", "that"):  # the subject if it opens a clause: "This stops ..."
        return i == 1 or words[i - 2] in _STOPS
    # an adverb between the subject and its verb is fine: "Ollama now supports ..."
    return before not in _NOT_SUBJECT


def _base_verb(words: list[str], i: int) -> bool:
    """A bare present after a name or a plural: "... Canada sign Memorandum", "Germany lose
    to Denmark", "Researchers find ...", "web-apps perform ..."; or after a noun, with its
    object: "the pair turn their ..."."""
    w = words[i]
    if i == 0 or not _BASE_WORD.match(w) or w in _FUNCTION or _ADJECTIVE_ENDING.search(w):
        return False  # an adjective after a capital: "Beautifully-observed realistic"
    if w.endswith(("ing", "ly", "ed")) or (w.endswith("s") and not w.endswith("ss")):
        return False  # the other tests' words
    b = i - 2 if _at(words, i - 1) in _ADVERBS and i > 1 else i - 1  # "... today allow"
    before, after = words[b], words[i + 1] if i + 1 < len(words) else ""
    # a noun can follow a name too ("Mistral model", "DeepSeek shock of"): only a verb
    # goes on to its object, "to" or "with"
    if not (after.lower() in _AFTER_VERB or _cap(after) or _NUMBER.match(after)):
        return False
    if before.lower() in _PLURALS or _PLURAL.match(before):
        return True
    if any(c.isupper() for c in before):  # a name: "Germany", "iOS"
        return before.lower() not in _FUNCTION
    noun = _LOWER_WORD.match(before) and not _ADJECTIVE_ENDING.search(before)
    noun = noun and not before.endswith(("ed", "ing", "ly"))
    return bool(noun) and before not in _FUNCTION and after in _OBJECTS


def _after_pronoun(words: list[str], i: int) -> bool:
    """Any plain word after a subject pronoun, or after one and "all"/"also"."""
    b = i - 2 if _at(words, i - 1) in _BETWEEN else i - 1
    w = words[i]
    return _at(words, b) in _SUBJECT_PRONOUNS and bool(_LOWER_WORD.match(w)) and w not in _FUNCTION


def _finite(words: list[str], i: int) -> bool:
    w = words[i]
    if w.lower() in _FINITE_WORDS or _CONTRACTION.match(w) or _after_pronoun(words, i):
        return True
    if (_ED_WORD.match(w) or w in _PAST) and not _participle(words, i):
        return True
    return _s_verb(words, i) or _base_verb(words, i)


def has_finite_verb(sentence: str) -> bool:
    """A verb with a tense in the line's main clause (the module docstring)."""
    s = _RELATIVE.sub("", _BRACKETS.sub("", " ".join(sentence.split())))
    words = [w.rstrip(".'’\"”") for w in _TOKEN.findall(s)]
    return any(_finite(words, i) for i in range(len(words)) if words[i])
