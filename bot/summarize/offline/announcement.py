"""A company's announcement in its own words: quoted, and said by the outlet that published it.

A company feed writes its news as "we" ("Today, we are announcing Mistral Large 2, the new
generation of our flagship model."). Printed bare, "we" is nobody, so the screen refuses
every first-person line (``screen``: a hook) and such a story printed its headline alone
("Large Enough"). Quoted and said by the feed that carries it, the line is what it is, the
outlet's own claim (docs/voice.md, "The facts": who said it is part of the fact):

    Mistral AI: “Today, we are announcing Mistral Large 2, the new generation of our
    flagship model.”

Only as a last resort: a story whose articles hold no printable fact (``voice``), never
beside one (a fact in the writer's words says it better than a company's quote). A line
qualifies only when all of this holds:

- the outlet speaks for itself: the article is not written in the first person singular
  (``anchor``'s count: two "I"/"my"/"me" outside quotes is a blogger, whose "we" is a
  family or a team), and the line is among its first ``WINDOW`` real sentences;
- the line opens on "we" as the subject, at most after a time ("Today, we ..."), and its
  verb is a news act (``_ACT``: announcing, introducing, releasing, launching, opening,
  adding, raising, partnering, publishing, ...) right after "we" and its auxiliaries. So
  the outlet's mood ("We're excited/thrilled/proud to announce ...") is refused by
  construction: the voice is skeptical, and a quote that opens on how glad the company is
  reprints its promotion; cutting the mood off would put words in its mouth. So is its
  own process ("We ran performance tests ...", "We share ...", "We outline ...", "We
  traced ..."): how the writers worked, or the post presenting itself (labelled hook and
  boilerplate in tests/data/writer), is no news act;
- what the act is done to holds a concrete detail: a name, a version or a number ("Mistral
  Large 2", "three new beta features that let Claude ..."), not "our new moderation
  service" nor a pronoun or demonstrative ("these editions", "it");
- said in the third person (the outlet's name for "we", "its" for "our"), the line passes
  every rule a fact passes (``screen.kind``, ``finite``, ``blurbs``, ``reference``,
  ``blog``, ``lede.is_feature_line``, the topic-piece anchor when the title is no
  sentence); no hype word, no order to a model, nothing said to the reader ("you",
  "your": a course or a promo), no link and no quote marks (the quote is printed as
  written, so a bare URL or a quote in the quote would be printed too), no question, at most ``LONGEST`` words, and in English.

The quoted words are the source sentence as the splitter cut it, unchanged: no plain-words
pass, no trimming.
"""

from __future__ import annotations

import re

from bot.models import Article
from bot.summarize.guard import is_order
from bot.summarize.offline.anchor import first_person, has_anchor, is_topic_piece
from bot.summarize.offline.backdrop import is_backdrop
from bot.summarize.offline.blog import is_blog_line
from bot.summarize.offline.blurbs import is_blurb
from bot.summarize.offline.finite import has_finite_verb
from bot.summarize.offline.language import is_foreign, language_of
from bot.summarize.offline.lede import is_feature_line, places
from bot.summarize.offline.papers import is_paper
from bot.summarize.offline.plain import is_hype
from bot.summarize.offline.reference import is_reference_line
from bot.summarize.offline.screen import NEWS, kind, opens_in_the_past

WINDOW = 3  # the article's first real sentences, as for any fact (voice.LEAD_WINDOW)
LONGEST = 35  # words: the quote is printed whole, so no longer than a lead's first fact

# "Today, we are announcing ...", "We’ve added ...", "We have raised ...": "we" as the
# subject, after at most a time, then its auxiliaries and the act.
# ("Now we've added another: ..." leans on the line before: "Now" is no time here.)
_WHEN = r"(?:(?:Today|This\s(?:week|morning)|Earlier\stoday|Yesterday|Last\sweek),?\s)?"
_AUX = r"(?:['’](?:re|ve|ll)|\s(?:are|have|will|just|now|also|officially|recently|finally))*"
# The news acts of a company speaking for itself (issue 8's "who did what": a release, a
# launch, a deal, money raised); each with its object after it.
_ACT = (
    r"announc(?:e|ed|ing)|introduc(?:e|ed|ing)|releas(?:e|ed|ing)|launch(?:ed|ing)?"
    r"|open(?:ed|ing)?|add(?:ed|ing)?|rais(?:e|ed|ing)|secur(?:e|ed|ing)"
    r"|partner(?:ed|ing)?\swith|join(?:ed|ing)?\sforces\swith|publish(?:ed|ing)?"
    r"|unveil(?:ed|ing)?|debut(?:ed|ing)?|ship(?:ped|ping)?|roll(?:ed|ing)?\sout"
    r"|preview(?:ed|ing)?|acquir(?:e|ed|ing)|sign(?:ed|ing)?|expand(?:ed|ing)?"
    r"|open[- ]sourc(?:e|ed|ing)"
)
_WE_ACT = re.compile(rf"^{_WHEN}[Ww]e{_AUX}\s(?:{_ACT})\b\s?(?P<object>.*)$")
# An object that points back or at nothing: "these editions", "it", "another: ...".
_VAGUE_OBJECT = re.compile(
    r"^(?:the\s)?(?:this|these|that|those|it|them|something|more|another|other|one|ones)\b", re.I
)
# A detail that pins the object down: a digit, or a capitalised word that is no plain
# sentence word ("Mistral Large 2", "Claude", "Forge"; "xAI", "macOS" by an inner capital).
_DIGIT = re.compile(r"\d")
_PLAIN_CAPS = frozenset(
    re.findall(
        r"\S+",
        """A An The This That These Those It Its In On At For To Of By With From As And But Or
        So Our We Us AI API APIs""",
    )
)
_READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_LINK = re.compile(r"https?://|www\.|\.com/|\(\s*\)")
# A quote inside the line (someone else's words, or a mark the splitter left unclosed)
# would print as a quote in a quote, or an unclosed one.
_QUOTE_MARK = re.compile(r"[\"“”]")
# For judging only: the line as the outlet's, in the third person.
_SUBJECT = re.compile(rf"^({_WHEN})[Ww]e(?:['’](?:re|ve|ll)|\s(?:are|have|will))?")
_AS_THIRD = {
    "re": " is",
    "are": " is",
    "ve": " has",
    "have": " has",
    "ll": " will",
    "will": " will",
}
_OUR = re.compile(r"\b(?:[Oo]ur|[Oo]urs)\b")
_US = re.compile(r"\b(?:us|ourselves)\b")
_WE_LATER = re.compile(r"\b[Ww]e(?:['’](?:re|ve|ll|d))?\b")


def _has_detail(obj: str) -> bool:
    if _DIGIT.search(obj):
        return True
    for w in re.findall(r"[\w.'’-]+", obj):
        w = w.strip(".'’-")
        if w and w not in _PLAIN_CAPS and (w[0].isupper() or re.search(r".[A-Z]", w)):
            return True
    return False


def as_outlet(sentence: str, outlet: str) -> str:
    """``sentence`` as the outlet's statement in the third person: "Today, we are
    announcing ... our flagship model." -> "Today, Mistral AI is announcing ... its
    flagship model." Never printed: it is what the fact rules judge."""

    def subject(m: re.Match[str]) -> str:
        aux = re.sub(r"^['’\s]", "", m.group(0)[len(m.group(1)) + 2 :])
        return f"{m.group(1)}{outlet}{_AS_THIRD.get(aux, '')}"

    s = _SUBJECT.sub(subject, sentence, count=1)
    s = _OUR.sub("its", s)
    s = _US.sub("it", s)
    return _WE_LATER.sub("they", s)


def is_announcement(sentence: str, outlet: str, headline: str, year: int, topic: bool) -> bool:
    """Is ``sentence`` (one of an article's first sentences, the outlet speaking for itself)
    an announcement worth quoting (the module docstring)?"""
    s = " ".join(sentence.split())
    m = _WE_ACT.match(s)
    if not m or len(s.split()) > LONGEST or s.endswith("?"):
        return False
    obj = m.group("object")
    if _VAGUE_OBJECT.match(obj) or not _has_detail(obj):
        return False
    if _READER.search(s) or _LINK.search(s) or _QUOTE_MARK.search(s) or is_hype(s) or is_order(s):
        return False
    judged = as_outlet(s, outlet)
    if kind(judged) != NEWS or not has_finite_verb(judged) or opens_in_the_past(judged, year):
        return False
    if is_blurb(judged, headline) or is_reference_line(judged, year) or is_blog_line(judged):
        return False
    if is_backdrop(judged):
        return False
    if topic and not has_anchor(judged):
        return False
    return not is_feature_line(judged, headline, year)


def quoted(article: Article, sentence: str) -> str:
    """The printed line: the outlet's name, then its words in quotes, as written."""
    return f"{article.feed_name.strip()}: “{' '.join(sentence.split())}”"


def announcement(
    articles: tuple[Article, ...],
    bodies: list[str],
    used: set[str],
    year: int,
) -> tuple[int, str] | None:
    """(article index, printed line) of the first article whose opening holds a company's
    own announcement (the module docstring), or None."""
    for doc, (article, body) in enumerate(zip(articles, bodies, strict=True)):
        if not article.feed_name.strip() or first_person(body):
            continue  # a blogger's "we" is a family or a team, not an organisation
        if is_paper(article):
            continue  # a paper's "we" is its authors, not the listing (``papers``)
        topic = is_topic_piece(article.title, body)
        first = sorted((p.pos, s) for s, p in places(body).items() if p.pos < WINDOW)
        for _pos, sentence in first:
            line = quoted(article, sentence)
            if line in used or not is_announcement(
                sentence, article.feed_name, article.title, year, topic
            ):
                continue
            if is_foreign(sentence, language_of(body)):
                continue
            return doc, line
    return None
