"""A post's title glued to its first line, found by the headline and cut off.

Feeds that flatten a post's HTML lose the block boundaries, so the title (often with its
subtitle or a section heading) runs straight into the first sentence: "Footguns of the
Rust WebAssembly Target WebAssembly—even after several years of standardization—is still a
nascent technology." (headline "Footguns of the Rust Webassembly Target"), "Why Rust Might
Attract More Developers Than Java and JavaScript Rust is undeniably ..." (headline "Why Rust
May Be More Attractive than JavaScript"). Printed as a fact, that is a heading, not news.

The text is cut where its opening matches the headline's words (case, hyphens and
punctuation aside) and a run of title words (capitalized, digits or small words like
"of", "for") goes on to where a new sentence starts: the last capitalized word before the
first plain lowercase word. When only the headline's first words match, the run must go on
for a few more title words, so a news line that opens on the headline's subject ("Microsoft
Azure Container Apps is now generally available ...", "OpenAI and Microsoft Corp. signed
...", "French President Emmanuel Macron on Tuesday invited ...") is left whole; so is an
opening that gives the headline's words in sentence case ("Male drivers for Uber and Lyft
are suing ..." under "Male Drivers Sue Uber and Lyft ..."). A title that ends with a full
stop is a sentence of its own and stays.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\S+")
_PART = re.compile(r"[^\W_]+")
# Small words a title keeps in lowercase ("Footguns of the Rust ...", "Learning for POS")
_SMALL = frozenset(
    re.findall(
        r"\S+",
        "a an the of and or to for in on at by with from as vs vs. than into over about via & nor",
    )
)
_RUN = 30  # tokens: a title and subtitle are shorter than this
_PARTIAL_MIN = 2  # headline words that must open the text when it is not matched whole
_PARTIAL_RUN = 4  # title words past the matched ones before a partial match counts
# "Locally.", "?", a lone " ." (kottke.org's "... of All Time . “Something ...")
_SENTENCE_END = re.compile(r"(?:^[.…]+|[a-z]{2}[.]|[!?])[\"”’')]*$")
# where a sentence can start: a capitalized word, not a list item ("Apache 2.0, 81% MMLU,
# 150 tokens/s" is a spec line, not "MMLU, 150 ..."); "WebAssembly—even" may run on
_OPENER = re.compile(r"^[A-Z][\w’'.-]*(?:[—–][a-z]\w*)?$")


def _parts(word: str) -> list[str]:
    return [p.lower() for p in _PART.findall(word)]


def _matched(tokens: list[str], headline: list[str]) -> tuple[int, int]:
    """(headline words matched, tokens consumed) from the text's start."""
    i = t = 0
    while t < len(tokens) and i < len(headline):
        parts = _parts(tokens[t])
        if not parts:
            t += 1  # a lone ":" or "–"
            continue
        if parts != headline[i : i + len(parts)]:
            # "WebAssembly—even" closes a headline ending on "Webassembly"
            rest = headline[i:]
            if parts[: len(rest)] == rest and len(rest) < len(parts):
                return len(headline), t
            break
        i += len(parts)
        t += 1
    return i, t


def _title_word(word: str) -> bool:
    return not _SENTENCE_END.search(word) and (not word[:1].islower() or word.lower() in _SMALL)


def _sentence_start(tokens: list[str], start: int) -> int | None:
    """Index of the token where the first sentence after the title starts, if the tokens
    from ``start`` read as title words up to it."""
    for k in range(start, min(len(tokens), start + _RUN)):
        word = tokens[k]
        if _SENTENCE_END.search(word):
            return None  # the title run is a sentence of its own
        if not _title_word(word):
            caps = [j for j in range(start, k) if tokens[j][:1].isupper()]
            return caps[-1] if caps and _OPENER.match(tokens[caps[-1]]) else None
    return None


def cut_glued_title(text: str, headline: str) -> str:
    """``text`` without its opening title run, or ``text`` as it is."""
    words = _parts(headline)
    if len(words) < _PARTIAL_MIN:
        return text
    # the first line only: a title on a line of its own is a line the splitter drops
    first = text[:600].split("\n", 1)[0]
    spans = [(m.start(), m.group()) for m in _TOKEN.finditer(first)]
    tokens = [w for _, w in spans]
    matched, used = _matched(tokens, words)
    if matched < _PARTIAL_MIN or not all(_title_word(w) for w in tokens[:used]):
        return text  # "Male drivers for Uber ...": the headline's words, as a sentence
    at = _sentence_start(tokens, used)
    if at is None or (at > 0 and tokens[at - 1].lower() in _SMALL):
        return text  # "... Emmanuel Macron on Tuesday invited ...": a title never ends on "on"
    if matched < len(words) and at - used < _PARTIAL_RUN:
        return text
    return text[spans[at][0] :]
