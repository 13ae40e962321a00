"""Plain words and short sentences for extracted source sentences, with the meaning kept.

Three things, none of which adds a fact or changes what a sentence claims
(docs/voice.md, "Plain words keep the meaning"):

- ``plain_words``: a corporate word swapped for its everyday twin, only where the twin
  means the same thing in that place ("leveraging" -> "using", but "leverage" the noun
  stays; "capital" stays, because "digital capital" is not money; "announced" stays,
  because announcing is not merely saying);
- ``trim_sentence`` (in ``asides.py``): datelines, plain asides in brackets, a trailing
  ", which ..." clause, a leading day ("On Monday, ") and an indefinite description after a
  name (", a leading provider of ...") go; attributions ("according to X", "X said")
  always stay, so a company's claim still reads as the company's claim;
- ``shorten``: a long sentence cut in two at ";", a lone " — ", ", and", ", but" or ", while" only
  when both halves stand as sentences (a subject and a verb each: ``clauses.is_clause``,
  "there's ..." and "Shares of X have ..." included), never inside brackets, quotes or a
  pair of dashes, after a colon, in a question, or off what someone said; a cut at "but"
  keeps the "But"; then the clause cuts of ``clauses.split_clause`` and a trailing
  participle clause told as its own sentence (``participles.split_participle``).
"""

from __future__ import annotations

import re

from bot.summarize.hype import HYPE_WORDS
from bot.summarize.offline.asides import ATTRIBUTION, DASH, LONG, trim_sentence
from bot.summarize.offline.clauses import (
    LIMITING,
    balanced,
    finish,
    is_clause,
    split_clause,
    stands_alone,
)
from bot.summarize.offline.participles import split_participle
from bot.summarize.offline.predicates import split_predicates

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


# ", while the premier says ...": two facts side by side; each half keeps its claim (the
# contrast is the reader's to see). A "while" that opens the sentence is no cut point.
_SPLITS = (re.compile(r";\s+"), DASH, re.compile(r",\s+(?=(?:and|but|while|whereas)\s)"))

# a time or place said first, that may cover every clause after it
_FRAME = re.compile(
    r"^(?:In|On|At|By|During|Since|Until|Last|This|Earlier|Later|After|Before|Over)\b[^,]{0,40},"
)


def is_hype(sentence: str) -> bool:
    return bool(_HYPE_RE.search(sentence))


def _match_case(word: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if word[:1].isupper() else repl


def plain_words(sentence: str) -> str:
    out = sentence
    for pattern, repl in _SWAP_RES:
        out = pattern.sub(lambda m, r=repl: _match_case(m.group(), r), out)  # type: ignore[misc]
    return out


def _cuts(body: str) -> list[tuple[int, int, bool]]:
    """Where ``body`` may be cut: (start, end, is_but), outside brackets, quotes, dash pairs."""
    dashes = len(DASH.findall(body))
    out: list[tuple[int, int, bool]] = []
    for pattern in _SPLITS:
        if pattern is DASH and dashes != 1:
            continue  # a pair of dashes holds an aside: cutting at one leaves a fragment
        for m in pattern.finditer(body):
            if balanced(body[: m.start()]):
                out.append((m.start(), m.end(), body[m.end() :].startswith("but ")))
    return out


def _reported(head: str, tail: str) -> bool:
    """ "X said that A, while B": B may be part of what X said (the tail names no one)."""
    said = ATTRIBUTION.search(head)
    return bool(said and head[said.end() :].strip(" ,") and not ATTRIBUTION.search(tail))


def _halves(body: str, start: int, end: int) -> tuple[str, str] | None:
    """The two sentences a cut at ``body[start:end]`` makes (the tail without its "and",
    "while"; "but" kept as "But"), or None when either half would not keep its meaning."""
    head, tail = body[:start], body[end:]
    if body[start] == "," and re.match(r"(?:while|whereas)\s", tail):
        # "X, while Y": Y cut off only when it is one plain clause: no comma (a clause
        # that leads the sentence's own main clause, "while there is no single
        # definition, “small web” refers...") and no attribution (", according to the
        # BBC" may cover both halves)
        if "," in tail or "according to" in tail or _FRAME.match(head) or _reported(head, tail):
            return None  # "In 2023, X did A, while Y did B": the frame covers both
        tail = re.sub(r"^(?:while|whereas)\s+", "", tail)
    tail = re.sub(r"^and\s+", "", tail)
    clause = re.sub(r"^but\s+", "", tail)
    if clause.startswith("that ") or re.search(r":\s", head):
        # "..., and that the company imposed ...": a clause of the one before; "He
        # dismisses X: it's not ethical — and it's not possible": both are his words
        return None
    if not (is_clause(head) and is_clause(clause)):
        return None
    if _reported(head, tail) and not (stands_alone(head) and stands_alone(clause)):
        # a half that reads as a sentence only by is_clause's wider subjects ("there's",
        # "Shares of X") is not cut off from what someone said: "Officials said the bridge
        # will reopen in May, but there's no date yet" may be all the officials' words
        return None
    if DASH.fullmatch(body[start:end]) and re.match(r"(?:a|an)\s", clause):
        return None  # "mining — an industry scientists say is...": describes the word before
    return head, ("But " + clause if tail.startswith("but ") else tail)


def shorten(sentence: str, limit: int = LONG) -> list[str]:
    """One long sentence as several short ones, cut only where both halves stand alone."""
    s = sentence.strip()
    if len(s.split()) <= limit:
        return [finish(s)]
    body = s[:-1] if s[-1] in ".!?" else s
    # a question is asked of all of it: no half of it is a statement
    for start, end, _but in [] if s.endswith("?") else _cuts(body):
        halves = _halves(body, start, end)
        if halves:
            head, tail = halves
            return shorten(finish(head), limit) + shorten(finish(tail, capital=True), limit)
    # "X did Y — an aside that is no sentence": the aside goes, unless it limits the claim
    parts = DASH.split(body)
    if (
        len(parts) == 2
        and stands_alone(parts[0])
        and not LIMITING.match(parts[1])
        and balanced(parts[0])
    ):
        return shorten(finish(parts[0]), limit)
    # "X, who Y, did Z", "X, as Y", "X after Y": two sentences, with the name or the time kept
    # "X did Y, accusing Z of ...": "X did Y. X accused Z of ..." (participles.py)
    # "X did A and did B": "X did A. X did B." (predicates.py)
    pieces = split_clause(s) or split_participle(s) or split_predicates(s)
    if pieces:
        return [p for piece in pieces for p in shorten(piece, limit)]
    return [finish(s)]


def plain(sentence: str) -> str:
    """A source sentence in plain words, trimmed, as one sentence (not split)."""
    return trim_sentence(plain_words(sentence))


def plain_sentences(sentence: str, limit: int = LONG) -> list[str]:
    """A source sentence in plain words, trimmed and cut into short sentences."""
    return shorten(plain(sentence), limit)
