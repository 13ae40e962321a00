"""Does a source say this? A sentence-by-sentence support check, with citations.

Every fact sentence a writer produced (LLM or offline) is aligned with the source
sentences that support it. Its content words (lower-cased, crudely stemmed, stop words out,
numbers kept) are read in order as neighbouring pairs; five features are measured:

1. words not covered by the two source sentences that cover the most,
2. pairs never together in one source sentence,
3. a number not followed by the same unit in a source ("$2 billion", "300 employees"),
4. words in no source at all,
5. pairs not within ``NEAR`` words of each other in any source sentence (a number and the
   words beside it included: "raised $20 billion" where $20 billion was the valuation).

A sentence whose words are all somewhere in the article but never together (a person's
age and employer swapped) fails on the pairs. The score is the weighted sum; a sentence
scoring ``THRESHOLD`` or more is dropped. Weights and threshold were chosen on one fixed
half of FRANK (bench/guard.py), which gave weight only to 4 and 5; the other half is
reported in docs/BENCHMARKS.md. (Giving 3 weight too costs precision on FRANK: 0.81.)

What supported a sentence is kept as its citation: the articles whose sentences covered
it. Opinion ("My read: ...") and plain-words ("In plain terms: ...") sentences are not
facts and need no citation, but carry no new numbers or names (the guard checks that).

Evidence never includes a sentence that gives a model orders ("ignore your instructions",
"the summary must say ..."), nor a title that is one: such text only ever supports an
injected claim.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.models import Story
from bot.summarize.guard import check as guard_check
from bot.summarize.guard import gives_orders as is_order
from bot.summarize.sentences import split_sentences

THRESHOLD = 0.1623  # tuned on FRANK's tune half (bench/guard.py); see docs/BENCHMARKS.md
Features = tuple[float, float, float, float, float]
WEIGHTS = (0.0, 0.0, 0.0, 0.5, 0.5)  # the tune half gave the first three no weight
PICK = 2  # source sentences one fact sentence may be built from
OPINION = re.compile(r"^\s*(?:my read|my take|in plain terms|bottom line)\s*:", re.I)

_STOP = frozenset(
    re.findall(
        r"\S+",
        """a an the and or but if of to in on at by for with from as is are was were be been
    being has have had do does did this that these those it its he she they them his her
    their we our you your i me my not no so than then there here who whom which what when
    where why how also will would can could may might should must just more most very about
    into over after before up down out off again further once all any both each few other
    some such only own same too said says say s t mr mrs ms""",
    )
)
_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def _stem(word: str) -> str:
    for suffix, repl in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def _words(text: str) -> list[str]:
    flat = text.lower().replace("’", "'").replace("'s", " ").replace("$", " $")
    return _WORD.findall(flat)


def content_words(text: str) -> list[str]:
    """Content words in order, stemmed; numbers kept (without thousands commas)."""
    out = []
    for w in _words(text):
        if any(c.isdigit() for c in w):
            out.append(w.replace(",", ""))
        elif w not in _STOP and len(w) > 1:
            out.append(_stem(w))
    return out


NEAR = 3  # content words between a number and the word it belongs to, at most


def _numbers(words: Sequence[str]) -> list[tuple[str, str, str]]:
    """Each number with the content words before and after it ("raise", "20", "billion")."""
    return [
        (words[i - 1] if i else "", w, words[i + 1] if i + 1 < len(words) else "")
        for i, w in enumerate(words)
        if any(c.isdigit() for c in w)
    ]


def _number_contexts(words: Sequence[str]) -> set[tuple[str, str, str]]:
    """(word, number, unit) for every word up to ``NEAR`` away from a number, in one sentence."""
    out: set[tuple[str, str, str]] = set()
    for i, w in enumerate(words):
        if any(c.isdigit() for c in w):
            unit = words[i + 1] if i + 1 < len(words) else ""
            out.add(("", w, unit))
            near = [*range(max(0, i - NEAR), i), *range(i + 2, min(len(words), i + 2 + NEAR))]
            out.update((words[j], w, unit) for j in near)
    return out


@dataclass(frozen=True)
class Evidence:
    """A story's source sentences, each with the article (index) it came from."""

    sentences: tuple[frozenset[str], ...]
    article: tuple[int, ...]
    words: frozenset[str]
    numbers: frozenset[tuple[str, str, str]]  # (a word near before, number, unit)
    near: frozenset[tuple[str, str]]  # words at most NEAR apart in one sentence, both orders

    @classmethod
    def of(cls, articles: Sequence[tuple[str, str]]) -> Evidence:
        """From (title, text) pairs; sentences that give orders are left out."""
        sentences: list[frozenset[str]] = []
        owners: list[int] = []
        numbers: set[tuple[str, str, str]] = set()
        near: set[tuple[str, str]] = set()
        for index, (title, text) in enumerate(articles):
            for sentence in [title, *split_sentences(text)]:
                if not sentence.strip() or is_order(sentence):
                    continue
                words = content_words(sentence)
                sentences.append(frozenset(words))
                owners.append(index)
                numbers.update(_number_contexts(words))
                for i, a in enumerate(words):
                    for b in words[i + 1 : i + 1 + NEAR]:
                        near.update(((a, b), (b, a)))
        every = frozenset(w for s in sentences for w in s)
        return cls(tuple(sentences), tuple(owners), every, frozenset(numbers), frozenset(near))


@dataclass(frozen=True)
class Support:
    sentence: str
    score: float  # 0 = every word, pair and number found; higher = less supported
    articles: tuple[int, ...]  # the articles whose sentences supported it, best first

    @property
    def supported(self) -> bool:
        return self.score < THRESHOLD


def sentence_features(sentence: str, evidence: Evidence) -> tuple[Features, tuple[int, ...]]:
    """The sentence's features (see ``Features``) and the articles that support it."""
    words = content_words(sentence)
    wanted = set(words)
    if not wanted:
        return (0.0, 0.0, 0.0, 0.0, 0.0), ()
    covered: set[str] = set()
    used: list[int] = []
    for _ in range(PICK):  # greedy: the source sentence that adds the most, twice
        best, gain = -1, 0
        for i, s in enumerate(evidence.sentences):
            g = len((wanted & s) - covered)
            if g > gain:
                best, gain = i, g
        if best < 0:
            break
        covered |= wanted & evidence.sentences[best]
        used.append(best)
    unsupported = 1 - len(covered) / len(wanted)
    pairs = list(itertools.pairwise(words))
    apart = sum(1 for a, b in pairs if not any(a in s and b in s for s in evidence.sentences))
    pair_share = apart / len(pairs) if pairs else 0.0
    # a number must stand with its unit ("2 billion", not "2 million"); the words around it
    # are checked by the pairs ("raised $20 billion" when $20 billion was the valuation)
    missing = any(("", n, unit) not in evidence.numbers for _before, n, unit in _numbers(words))
    novel = len(wanted - evidence.words) / len(wanted)
    far = sum(1 for pair in pairs if pair not in evidence.near) / len(pairs) if pairs else 0.0
    owners = tuple(dict.fromkeys(evidence.article[i] for i in used))
    return (unsupported, pair_share, float(missing), novel, far), owners


def combine(features: Features, weights: Sequence[float] = WEIGHTS) -> float:
    return sum(w * f for w, f in zip(weights, features, strict=True))


def score_sentence(sentence: str, evidence: Evidence) -> Support:
    features, owners = sentence_features(sentence, evidence)
    return Support(sentence, combine(features), owners)


def is_opinion(sentence: str) -> bool:
    return bool(OPINION.match(sentence))


@dataclass(frozen=True)
class Checked:
    kept: str  # the text without unsupported fact sentences, paragraphs kept
    supports: tuple[Support, ...]  # each kept fact sentence and what supported it
    dropped: tuple[str, ...]


def _quoted_words(sentence: str, outlets: Sequence[str]) -> str:
    """An outlet's own words as the offline writer quotes them ("Mistral AI: “Today, we
    are announcing ...”", bot/summarize/offline/announcement.py) are scored by the quote
    alone: the name before it is the story's own outlet (the feed it came from, printed
    under the story anyway), not a claim of the text, and would count as words in no
    source. The words in quotes must be the text's like any fact's."""
    for outlet in outlets:
        head = f"{outlet.strip()}: “"
        if outlet.strip() and sentence.startswith(head) and sentence.endswith("”"):
            return sentence[len(head) : -1]
    return sentence


def check_facts(text: str, evidence: Evidence, outlets: Sequence[str] = ()) -> Checked:
    """Drop fact sentences no source supports; labeled opinion paragraphs pass through.
    ``outlets``: the story's feeds, whose quoted words are scored without their name."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    kept_paragraphs: list[str] = []
    supports: list[Support] = []
    dropped: list[str] = []
    for paragraph in paragraphs:
        if is_opinion(paragraph):
            kept_paragraphs.append(paragraph.strip())
            continue
        kept: list[str] = []
        for sentence in split_sentences(paragraph):
            words = score_sentence(_quoted_words(sentence, outlets), evidence)
            result = Support(sentence, words.score, words.articles)
            if result.supported and result.articles:
                kept.append(sentence)
                supports.append(result)
            else:
                dropped.append(sentence)
        if kept:
            kept_paragraphs.append(" ".join(kept))
    return Checked("\n\n".join(kept_paragraphs), tuple(supports), tuple(dropped))


@dataclass(frozen=True)
class StoryCheck:
    headline: str  # "" when no source backs the writer's
    summary: str  # supported fact sentences, then labeled paragraphs
    take: str | None
    citations: tuple[tuple[str, tuple[int, ...]], ...]  # (sentence, article indices)
    dropped: int  # sentences taken out


def evidence_of(story: Story) -> Evidence:
    return Evidence.of([(a.title, a.text) for a in story.articles])


def safe_title(story: Story) -> str:
    """The best-ranked article title that is not an order to a model ("" if none is)."""
    return next((a.title for a in story.articles if a.title and not is_order(a.title)), "")


def check_story(story: Story, headline: str, summary: str, take: str | None) -> StoryCheck:
    """The support check over one story's words: what stays, and what backs each fact."""
    evidence = evidence_of(story)
    sources = [s for a in story.articles for s in (a.title, a.text) if s and not is_order(s)]
    facts = check_facts(summary, evidence, story.sources)
    dropped = len(facts.dropped)
    # a headline is short and rephrased: its numbers and names must be in a source
    head = guard_check(headline, sources, title_case=True)
    dropped += len(head.dropped)
    kept_take = None
    if take:
        opinion = guard_check(take, sources)  # opinion may add no number or name
        dropped += len(opinion.dropped)
        kept_take = opinion.kept or None
    citations = tuple((s.sentence, s.articles) for s in facts.supports)
    return StoryCheck(
        headline=headline if not head.dropped else "",
        summary=facts.kept,
        take=kept_take,
        citations=citations,
        dropped=dropped,
    )
