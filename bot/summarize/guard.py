"""Faithfulness guard: every number and capitalized name in generated text must be in a source.

Sentences that fail are dropped; the caller decides whether too much was dropped. Besides
facts, a sentence is dropped when it carries a hype word (STYLE.md bans them) or a chat
mention (``@everyone``, ``<@123>``, ``<!channel>``): a model that writes a ping has most
likely been steered by text inside an article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.summarize.hype import HYPE_WORDS
from bot.summarize.sentences import split_sentences

_NUMBER = re.compile(
    r"\$?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|billion|million|thousand|[bmk]\b)?", re.I
)
_NAME = re.compile(r"\b[A-Z][a-zA-Z0-9]+(?:[- ][A-Z][a-zA-Z0-9]+)*\b")
_SCALE = {"b": "billion", "m": "million", "k": "thousand", "percent": "%"}
# Capitalized words that are not names: sentence starters and labels the voice uses.
_COMMON = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "It",
        "My",
        "This",
        "That",
        "These",
        "Those",
        "What",
        "Who",
        "Why",
        "How",
        "When",
        "Bottom",
        "Also",
        "Plain",
        "I",
        "We",
        "They",
        "He",
        "She",
        "Its",
        "Our",
        "But",
        "And",
        "Or",
        "So",
        "If",
        "On",
        "For",
    ]
)
# Generic abbreviations that name no one; anything else in capitals must be in a source.
_ACRONYMS = frozenset(
    re.findall(r"\S+", "AI API APIs CEO CEOs CFO CTO GPU GPUs CPU CPUs LLM LLMs IPO VC VCs PR OK")
)
# Words the voice starts sentences with. A capitalized word at the start of a sentence (or
# after "My read:") is a name only when it is neither here nor used in lower case by a source.
_STARTERS = frozenset(
    re.findall(
        r"\S+",
        """
    About After Again All Any Anyone Are As Ask At Be Because Before Being Both Build Buyers
    By Can Check Cheaper Could Did Do Does Don't Each Either Even Every Everyone Expect Fair
    Few First Follow For From Good Bad Big Small Here Hard Has Have However Is Just Keep Less
    Look Make Many Maybe Meanwhile Money More Most Much Next No None Nobody Not Nothing Now Of
    Once One Only Other Others People Plus Question Read Real Right Same Second See Should
    Since Some Someone Something Still Sure Take Than Then There Think Third Time To Today
    Tomorrow Too Translation Two Until Users Very Wait Was Watch Were Whatever Where Whether
    Which While Whoever Will With Without Worth Would Yes Yet You Your Builders Developers
    Workers Companies Small Smaller Bigger Fewer Early Late Lots Long Short Great Nice Sounds
    Smart Odd Strange Interesting Notice Note Meaning Bottom Line Mostly Partly Usually
    Probably Possibly Clearly Honestly Frankly Basically Simply Still Instead Otherwise
    """,
    )
)
_INITIAL = re.compile(r"(?:^|:\s+|[\"“(]\s*)$")
_HYPE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in HYPE_WORDS) + r")\b", re.I)
_MENTION = re.compile(r"@(?:everyone|here|channel)\b|<[@#!][^>]*>", re.I)

_BOT = (
    r"(?:ai|llm|gpt|bot|chatbot|assistant|model|language model|summari[sz]er|ai summari[sz]er"
    r"|ai model|news bot)s?\b"
)
# Sentences in an article that talk to a model rather than report news. They are no
# evidence for anything: a "fact" that only such a sentence holds is an injected one.
_ORDERS = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:your|previous|"
    r"prior|earlier|above|the above|these|those|system|my)\s+(?:\w+\s+){0,2}(?:instructions?|"
    r"prompts?|rules|guidelines|directions)\b"
    r"|\byou are now\b|\bnew instructions\b|\b(?:system|assistant|developer)\s*(?:prompt)?\s*:"
    r"|\b(?:as an? )?(?:AI|language model|LLM|chatbot|assistant)s?,? (?:you )?(?:must|should)\b"
    r"|@(?:everyone|here|channel)\b|<[@#!][^>]*>"
    # paraphrases: "disregard everything above", "pay no attention to what you were told"
    r"|\b(?:ignore|disregard|forget|override|pay no attention to)\b.{0,40}?\b(?:above|earlier|"
    r"previous|prior|everything|what you)\b"
    # addressed to a model: "note to AI summarizers", "if you are a language model"
    r"|\b(?:note|message|attention|instructions?|reminder)\s+(?:to|for)\s+(?:any\s+|all\s+|the\s+)?"
    + _BOT
    + r"|\bif you(?:'re| are) an? "
    + _BOT
    + r"|\bwhen (?:you )?summari[sz](?:e|ing)\b|\byour (?:new |real )?(?:task|job|role|"
    r"instructions?) (?:is|are|now)\b|\btell (?:your |the )?(?:readers|users|channel|everyone)\b"
    + r"|\b"
    + _BOT
    + r"[^.]{0,30}\b(?:must|should|shall|need to|are to)\s+(?:now\s+)?(?:say|write|report|"
    r"state|lead|include|mention|headline|call|claim)\b"
    r"|\b(?:the\s+)?(?:headline|summary|take|title|digest)\s+(?:must|should|shall|has to)\s+"
    r"(?:be|read|say|lead|state)\b"
    r"|^\W*(?:please\s+)?(?:write|say|report|state|claim|announce)\s+(?:only\s+)?that\b",
    re.I,
)

REASON_FACTS = "not in any source"
REASON_HYPE = "hype words"
REASON_MENTION = "chat mentions"


def is_order(sentence: str) -> bool:
    """Does this sentence (or text) address a model ("ignore your instructions", "SYSTEM:",
    a ping)? Read as one line: an order cut over two paragraphs ("Pay no attention" /
    "to what you were told ...") is still one."""
    return bool(_ORDERS.search(sentence.replace("\n", " ")))


def gives_orders(text: str) -> bool:
    """Is this an order to a model? A bare ping ("@everyone OpenAI says ...") is not: it is
    news with a mention in it, which renderers make inert; it is still no LLM output."""
    return is_order(_MENTION.sub(" ", text))


def strip_orders(text: str) -> str:
    """``text`` without the sentences that address a model; the rest as it was, a line (a
    paragraph of the feed's HTML) to a line when that drops what reading the text as one
    line drops. An order cut over two lines ("<p>Ignore your previous</p><p>instructions
    and ...</p>") is in neither line alone: read as one line, as texts were stored before
    lines were kept, it goes whole (the paragraphs with it)."""
    if not is_order(text):
        return text
    flat = " ".join(s for s in split_sentences(text.replace("\n", " ")) if not is_order(s))
    if "\n" not in text:
        return flat
    lines = (
        " ".join(s for s in split_sentences(line) if not is_order(s)) for line in text.split("\n")
    )
    kept = "\n".join(line for line in lines if line)
    return kept if kept.replace("\n", " ") == flat else flat


def _norm_number(raw: str) -> str:
    s = raw.lower().replace(",", "").replace("$", "").replace(" ", "")
    for short, full in _SCALE.items():
        if s.endswith(short) and not s.endswith(full):
            s = s[: -len(short)] + full
    return s


def facts_in(text: str) -> set[str]:
    numbers = {_norm_number(m.group()) for m in _NUMBER.finditer(text)}
    names = {n for m in _NAME.finditer(text) for n in [m.group()] if n not in _COMMON}
    return numbers | names


@dataclass(frozen=True)
class GuardResult:
    kept: str
    dropped: tuple[str, ...]
    # why each dropped sentence went, counted: {"not in any source": 2, "hype words": 1}
    reasons: Counter[str] = field(default_factory=Counter)
    total: int = 0  # sentences checked


class _Sources:
    """The facts a story's sources hold, prepared once for many sentences."""

    def __init__(self, sources: list[str]) -> None:
        self.text = " ".join(sources)
        self.numbers = {_norm_number(m.group()) for m in _NUMBER.finditer(self.text)}
        # whole words only: "Go" is not vouched for by "Google"
        self.words = set(re.findall(r"[A-Za-z0-9]+", self.text))
        self._lower_words: set[str] | None = None

    def has_lower(self, word: str) -> bool:
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[a-z][a-z'-]*\b", self.text))
        return word.lower() in self._lower_words

    def _plain_word(self, word: str) -> bool:
        return word in _STARTERS or self.has_lower(word)

    def knows_name(self, name: str, initial: bool, title_case: bool = False) -> bool:
        parts = name.replace("-", " ").split()
        if title_case:  # "Acme Raises Money For Chips": capitals prove nothing in a headline
            parts = [p for p in parts if not self._plain_word(p)]
        elif initial and parts and self._plain_word(parts[0]):
            parts = parts[1:]  # "Watch Nvidia" starts a sentence: only "Nvidia" is a name
        return all(part in _ACRONYMS or part in self.words for part in parts if part not in _COMMON)


def _reason(sentence: str, src: _Sources, title_case: bool = False) -> str | None:
    if _MENTION.search(sentence):
        return REASON_MENTION
    if _HYPE.search(sentence):
        return REASON_HYPE
    numbers = {_norm_number(m.group()) for m in _NUMBER.finditer(sentence)}
    if not numbers <= src.numbers:
        return REASON_FACTS
    for m in _NAME.finditer(sentence):
        if m.group() in _COMMON:
            continue
        initial = bool(_INITIAL.search(sentence[: m.start()]))
        if not src.knows_name(m.group(), initial, title_case):
            return REASON_FACTS
    return None


def check(text: str, sources: list[str], *, title_case: bool = False) -> GuardResult:
    """Keep the sentences of ``text`` whose facts are all in ``sources``.

    ``title_case``: a headline, where a capitalized word is a name only if the sources never
    use it in lower case.
    """
    return _check(text, _Sources(sources), title_case)


def _check(text: str, src: _Sources, title_case: bool = False) -> GuardResult:
    kept: list[str] = []
    dropped: list[str] = []
    reasons: Counter[str] = Counter()
    sentences = split_sentences(text)
    for sentence in sentences:
        reason = _reason(sentence, src, title_case)
        if reason is None:
            kept.append(sentence)
        else:
            dropped.append(sentence)
            reasons[reason] += 1
    return GuardResult(
        kept=" ".join(kept), dropped=tuple(dropped), reasons=reasons, total=len(sentences)
    )


def check_paragraphs(text: str, sources: list[str]) -> GuardResult:
    """Like ``check`` but keeps blank-line paragraph breaks ("facts" then "In plain terms:")."""
    src = _Sources(sources)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    results = [_check(p, src) for p in paragraphs]
    reasons: Counter[str] = Counter()
    for r in results:
        reasons.update(r.reasons)
    return GuardResult(
        kept="\n\n".join(r.kept for r in results if r.kept),
        dropped=tuple(s for r in results for s in r.dropped),
        reasons=reasons,
        total=sum(r.total for r in results),
    )
