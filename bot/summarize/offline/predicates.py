"""Two things one subject did, told as two sentences (docs/voice.md, "Plain words keep the
meaning").

"Secretary of State Marco Rubio visited Hungary and reiterated President Donald Trump’s
“extraordinarily close relationship” with Prime Minister Viktor Orbán." -> "Secretary of
State Marco Rubio visited Hungary. Rubio reiterated ...". A copy editor's cut: every word is
kept and the subject is said again (a titled person by surname, anything else as written,
``participles``), so nothing changes what is claimed or who claims it. A list of three
("reiterated ..., railed against ..., and criticized ...") becomes three sentences; a cut
at "but" keeps its "But".

Only where the second verb is sure to be the subject's own:

- the head is a plain subject and a simple past right after it (``participles``: a name, a
  titled person, "The <noun>", a pronoun), never a perfect, a present or a passive, whose
  tense the second verb might not share;
- between the two verbs, no other verb, auxiliary or clause word: in "Police said the man
  attacked a guard and escaped", who escaped is the man; in "Europe vowed a response after Trump
  said X and ...", it is Trump;
- the second verb is a past tense followed by what a verb takes (a determiner, a pronoun, a
  preposition, a name, a quote, a number): "unveiled a model and updated tools" is a model
  and tools;
- no attribution of the whole sentence at its end ("..., files released by the Justice
  Department show" covers both), no colon or semicolon, never inside quotes or brackets.
"""

from __future__ import annotations

from bot.summarize.offline.clauses import balanced, finish, is_past
from bot.summarize.offline.participles import (
    CLAUSE_WORDS,
    PRONOUN_SUBJECTS,
    WHOLE_ATTRIBUTION,
    end_statement,
    second_subject,
    statement_body,
    subject_end,
    subject_ok,
)
from bot.summarize.offline.screen import AUX
from bot.summarize.offline.words import wordset

# What may follow a verb that took an object or a complement; a bare lowercase noun may
# not ("and updated tools": an adjective and its noun, not a verb)
_OBJECT_OPENERS = wordset(
    """the a an its their his her our my your this that these those it him them us me
    himself herself itself themselves against to for with on in at over about into from
    onto toward towards across through under after before what how why whether where
    up out back down off away plans more new"""
)
_COORDINATORS = frozenset({"and", "but"})
_DASHES = frozenset({"—", "–", "-", "--"})
# no second verb: "-ed" words far more often adjectives ("aged 29", "based in"), auxiliaries
_NOT_VERBS = wordset("aged based named dubbed called located headquartered") | AUX
# the fewest words a piece may have: the first as a fact's (voice.MIN_PIECE: a shorter
# opening piece is no sentence of news, and the writer would pass the sentence by), the
# others as a verb and what it takes ("Trump railed against wind farms.")
_FIRST_WORDS = 6
_LATER_WORDS = 4


def _verb_here(words: list[str], i: int) -> bool:
    """A past tense at ``words[i]`` that opens a predicate of its own."""
    if i + 1 >= len(words) or not is_past(words[i]) or words[i] in _NOT_VERBS:
        return False
    nxt = words[i + 1]
    if nxt == "by":
        return False  # "and backed by": a passive's participle
    return (
        nxt.lower() in _OBJECT_OPENERS
        or nxt[:1].isupper()
        or nxt[:1].isdigit()
        or nxt[:1] in "“\"‘'$"
    )


def _cuts(words: list[str], verb: int) -> list[tuple[int, int, bool]] | None:
    """Where each later predicate opens: (where the piece before it ends, index of its verb,
    opened by "but"); None when anything between the verbs could own a verb of its own."""
    cuts: list[tuple[int, int, bool]] = []
    listed: list[tuple[int, int, bool]] = []  # ", railed against ...": a list's item
    for i in range(verb + 1, len(words) - 1):
        w = words[i]
        bare = w.lower().strip(",")
        if not balanced(" ".join(words[:i])):
            continue
        if w.endswith((":", ";")) or bare in CLAUSE_WORDS or w in _DASHES:
            return None  # a clause word, a colon or a dash: what follows is another clause
        if bare in _COORDINATORS and _verb_here(words, i + 1):
            cuts += [*listed, (i, i + 1, bare == "but")]
            listed = []
            continue
        if words[i - 1].endswith(",") and _verb_here(words, i):
            listed.append((i, i, False))  # kept only if an "and <verb>" ends the list
            continue
        if bare in AUX or is_past(bare):
            if cuts:
                continue  # a verb inside a later predicate is its own business
            return None  # "said the man attacked a guard and escaped": who escaped?
    return cuts or None


def split_predicates(sentence: str) -> list[str] | None:
    """One sentence whose subject did two or three things, as one sentence each, or None."""
    parts = statement_body(sentence)
    if parts is None:
        return None
    body, quote = parts
    words = body.split()
    end = subject_end(words)
    # a perfect or a passive ("has warned ... and urged", "was arrested and charged") has
    # a past right after "has"/"was", which ``_cuts`` takes for another clause's verb
    if end is None or not subject_ok(words[:end]) or WHOLE_ATTRIBUTION.search(body):
        return None
    cuts = _cuts(words, end)
    if not cuts:
        return None
    subject = second_subject(words[:end])
    # "But the network warned", "But Trump warned", "But he warned"
    lower = subject.startswith("The ") or subject.lower() in PRONOUN_SUBJECTS
    but_subject = subject[:1].lower() + subject[1:] if lower else subject
    bounds = (
        [(end, cuts[0][0])]
        + [(cuts[n][1], cuts[n + 1][0]) for n in range(len(cuts) - 1)]
        + [(cuts[-1][1], len(words))]
    )
    pieces = []
    for n, (a, b) in enumerate(bounds):
        text = " ".join(words[a:b]).rstrip(",")
        if not balanced(text):
            return None
        if n == 0:
            pieces.append(" ".join(words[:end]) + " " + text)
        elif cuts[n - 1][2]:
            pieces.append(f"But {but_subject} {text}")
        else:
            pieces.append(f"{subject} {text}")
    if len(pieces[0].split()) < _FIRST_WORDS or any(
        len(p.split()) < _LATER_WORDS for p in pieces[1:]
    ):
        return None
    pieces[-1] = end_statement(pieces[-1], quote)
    return [finish(p) for p in pieces]
