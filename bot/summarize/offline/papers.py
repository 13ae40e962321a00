"""A research paper's own claim: the line of its abstract that says what the authors made,
quoted and said by them.

A paper feed (arXiv, Hugging Face's daily papers) carries abstracts, and an abstract says
what is new in the first person: "We present ReToken, a single learnable embedding ...".
Every first-person line is a hook to the screen (``screen``), and the abstract's other
lines are the field's background ("Dualities play an important role in ..."), so such a
story printed its title alone. Quoted and said by the paper's authors, the line is what it
is: the authors' claim, not the digest's (docs/voice.md, "The facts"):

    Its authors: “We present ReToken, a single learnable embedding trained as an explicit
    retrieval target that selects a sparse set of query-relevant visual tokens ...”

"Its" is the story's headline above it, the paper's title. The feed is no speaker here: an
arXiv listing did not write the abstract, so ``announcement``'s "Outlet: “We ...”" would
put the authors' words in the listing's mouth; a paper is never quoted that way.

Only as a last resort, as ``announcement`` (``voice``: a story whose articles hold no
printable fact), and only from a paper: an article whose link is a paper's page on a
preprint server or a paper index (``_PAPER_LINK``). A line qualifies when:

- it is among the abstract's first ``WINDOW`` real sentences (the contribution comes after
  a sentence or four of background);
- it opens on "we" as the subject, at most after "In this paper/work/study," or "Here,"
  (never after a purpose clause: "To expand this supply, we present ..." leans on the line
  before), and its verb is what a paper makes (``_MADE``: present, introduce, propose,
  release, develop, build, open-source), right after "we";
- what it makes holds a name or a number ("ReToken", "Artificial Intelligence System
  Prompt Assurance (AISPA)"), not "a new method" nor "a framework that ...";
- it is a whole sentence: no truncation ("..." where the feed cut the abstract), no
  bracket or quote left open, no link, no question, at most ``LONGEST`` words, in English,
  no hype word, and said in the third person it is a line the screen calls news.

The quoted words are the source sentence as the splitter cut it, unchanged.
"""

from __future__ import annotations

import re

from bot.models import Article
from bot.summarize.offline.clauses import balanced
from bot.summarize.offline.finite import has_finite_verb
from bot.summarize.offline.language import is_foreign, language_of
from bot.summarize.offline.lede import places
from bot.summarize.offline.plain import is_hype
from bot.summarize.offline.screen import NEWS, kind

WINDOW = 6  # the abstract's first real sentences: its contribution follows the background
LONGEST = 35  # words, as a company's quote (``announcement``): printed whole

# A paper's page: arXiv's abstract or PDF, Hugging Face's paper page, OpenReview's forum,
# the ACL Anthology, bioRxiv and medRxiv, SSRN, Papers with Code.
_PAPER_LINK = re.compile(
    r"^https?://(?:www\.|export\.)?(?:arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/"
    r"|openreview\.net/(?:forum|pdf)\?|aclanthology\.org/|(?:bio|med)rxiv\.org/content/"
    r"|papers\.ssrn\.com/|paperswithcode\.com/paper/)",
    re.I,
)
# "We present ...", "In this paper, we introduce ...", "Here we propose ...": what the
# authors made, with what it is after it.
_LEAD_IN = r"(?:(?:In\sthis\s(?:paper|work|study|article|report)|Here),?\s)?"
_MADE = r"present|introduce|propose|release|develop|build|open-source|open\ssource"
_WE_MADE = re.compile(rf"^{_LEAD_IN}[Ww]e\s(?:{_MADE})\s(?P<object>.+)$")
# A name in what is made: a word with a capital past its first letter or a digit
# ("ReToken", "AISPA", "FIPO", "Qwen3"), or a capitalised word that is no sentence word.
_NAME = re.compile(r"\b(?:[A-Za-z]*[A-Z][A-Za-z]*[A-Z0-9][\w-]*|[A-Z][a-z]+(?:-[A-Z]?\w+)*)\b|\d")
_PLAIN_CAPS = frozenset(re.findall(r"\S+", "A An The This That These Those It Its In On At"))
# arXiv's RSS (rss.arxiv.org) opens every description on the listing's line, glued to the
# abstract: "arXiv:2607.15331v1 Announce Type: new \nAbstract: We present ...". Without it
# cut off, an abstract that opens on its contribution hid it behind the listing's words.
_ARXIV_LISTING = re.compile(r"^\s*arXiv:\S+\s+Announce\s+Type:\s*[\w-]+\s+(?:Abstract:\s*)?", re.I)
_UNFINISHED = re.compile(r"(?:\.\.\.|…)\s*$|https?://|www\.|\?\s*$")


def is_paper(article: Article) -> bool:
    """Is the article a paper's page (its link on a preprint server or a paper index)?"""
    return bool(_PAPER_LINK.match(article.url or ""))


def _names_what_is_made(obj: str) -> bool:
    return any(m.group(0) not in _PLAIN_CAPS for m in _NAME.finditer(obj))


def as_researchers(sentence: str) -> str:
    """``sentence`` in the third person, for judging only: "In this paper, we present X"
    -> "Researchers present X" (never printed; "this paper" is the headline above it)."""
    s = re.sub(rf"^{_LEAD_IN}[Ww]e\b", "Researchers", sentence, count=1)
    s = re.sub(r"\b[Oo]ur\b", "their", s)
    return re.sub(r"\b[Ww]e\b", "they", s)


def is_contribution(sentence: str) -> bool:
    """Is ``sentence`` a paper's statement of what its authors made (the module docstring)?"""
    s = " ".join(sentence.split())
    m = _WE_MADE.match(s)
    if not m or len(s.split()) > LONGEST or not _names_what_is_made(m.group("object")):
        return False
    if _UNFINISHED.search(s) or not balanced(s) or is_hype(s):
        return False
    judged = as_researchers(s)
    return kind(judged) == NEWS and has_finite_verb(judged)


def quoted(sentence: str) -> str:
    """The printed line: the authors' words in quotes, as written."""
    return f"Its authors: “{' '.join(sentence.split())}”"


def paper_claim(
    articles: tuple[Article, ...], bodies: list[str], used: set[str]
) -> tuple[int, str] | None:
    """(article index, printed line) of the first paper whose abstract states what its
    authors made (the module docstring), or None."""
    for doc, (article, body) in enumerate(zip(articles, bodies, strict=True)):
        if not is_paper(article):
            continue
        body = _ARXIV_LISTING.sub("", body, count=1)
        first = sorted((p.pos, s) for s, p in places(body).items() if p.pos < WINDOW)
        for _pos, sentence in first:
            line = quoted(sentence)
            if line in used or not is_contribution(sentence):
                continue
            if is_foreign(sentence, language_of(body)):
                continue
            return doc, line
    return None
