"""The offline voice: turns ranked stories into the docs/voice.md digest.

For each story: the facts are whole source sentences that say who did what (central ones
first, close to the headline, picked by ``extractive.rank_sentences`` and passed by
``screen``: no hooks, furniture or sentences that lean on the one before; and in English,
``language``: the rules know no other), put in plain
words without changing what they claim (``plain``). Then, only when the story's own facts
fill it, a line on what it means and, for the lead, the take (``take``). A story whose
facts fill no line gets none: no stock line is better than one that could sit under any
story. No sentence is printed under two stories. As a last check every part goes through
the faithfulness guard against the story's sources; a sentence that fails is dropped and
the footer says so.

Each fact sentence keeps the index of the article it came from (``StoryText.fact_sources``),
so it can be cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from bot.models import Article, DigestWindow, Story
from bot.summarize.base import DigestText, StoryText
from bot.summarize.guard import check, is_order
from bot.summarize.offline import templates as T
from bot.summarize.offline.anchor import first_person, has_anchor, is_topic_piece
from bot.summarize.offline.announcement import announcement
from bot.summarize.offline.backdrop import is_backdrop, is_told_backdrop
from bot.summarize.offline.blog import is_blog_line
from bot.summarize.offline.blurbs import is_blurb
from bot.summarize.offline.clauses import AFTER_LEAD, EVENT_LEAD, cut_truncated
from bot.summarize.offline.extractive import rank_sentences, trim
from bot.summarize.offline.finite import has_finite_verb
from bot.summarize.offline.language import Language, is_foreign, language_of
from bot.summarize.offline.lede import Place, is_lede_news, places
from bot.summarize.offline.papers import paper_claim
from bot.summarize.offline.plain import is_hype, plain, plain_sentences
from bot.summarize.offline.reference import is_reference_line
from bot.summarize.offline.screen import (
    BOILERPLATE,
    HOOK,
    NEWS,
    is_background,
    is_event,
    is_furniture,
    kind,
    leads_with_actor,
    opens_in_the_past,
)
from bot.summarize.offline.take import bottom_line, means_line, take_line
from bot.summarize.offline.titles import cut_glued_title
from bot.summarize.offline.words import terms, wordset
from bot.summarize.storytype import detect_kind

__all__ = ["plain", "write_offline"]

# Lead: up to three fact sentences, about this many words in all; wire items: one.
LEAD_FACTS = 3
LEAD_WORDS = 45
WIRE_WORDS = 28
CANDIDATES = 12  # ranked sentences considered per story
# Facts come from each article's first sentences (furniture not counted): the lead is
# where news writing puts the news. Read on the tuned days (bench/style.py): of the
# printed facts labelled there, those from the first three sentences were mostly news,
# those from further in were mostly scenes, profile details or needed context.
LEAD_WINDOW = 3
LONGEST = 25  # words: a fact sentence longer than this is a last resort...
FIRST_LONGEST = 35  # ...unless it is the best-ranked news sentence and at most this long
LONG_AFTER_FIRST = 22  # words: after the opening fact, only pieces this short
MIN_PIECE = 6  # words: a shorter piece is no sentence of news


# Markdown emphasis a feed left in its text ("*Orion for MacOS 1.0 is here*"): the words
# print, the asterisks do not. Underscores are left alone: in the feeds they are code
# ("__init__"), not emphasis.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*?)(?=\S)([^*\n]+?)(?<=\S)\1(?![\w*])")


def _body(article: Article) -> str:
    """The article's text as prose to pick facts from: an aggregator that glues the title
    to the first line ("Python to Wisp: The Lisp That Stole Python's Indentation Every Lisp
    programmer has heard...") has it cut off, so the first sentence is the article's own."""
    text = article.text or ""
    title = article.title.strip()
    lead = text.lstrip()
    if title and lead.startswith(title) and lead[len(title) : len(title) + 1].isspace():
        text = lead[len(title) :].lstrip()
    else:  # the title in other case or words, with its subtitle: "Footguns of the Rust ..."
        text = cut_glued_title(lead, title) if title else text
    return _EMPHASIS.sub(r"\2", text)


def _unclosed(sentence: str) -> bool:
    """A bracket or curly quote opened and never closed: the sentence was cut inside it
    ("...on “Weil Anima” (or maybe “Weil-Moore Anima”.": its source never closes the
    bracket), so what it says is unfinished. Or a bracket closed and never opened: the feed
    lost what stood inside it ("In their presentation at Patterns Day 2019, Danielle )
    talked about ...": a link's text)."""
    opened, closed = sentence.count("("), sentence.count(")")
    return opened != closed or sentence.count("“") > sentence.count("”")


def _printable(
    sentence: str, place: Place, headline: str, year: int, topic: bool, personal: bool = False
) -> bool:
    """News where it stands (``lede``: not a feature's opener, a scene or a remark, nor one
    leaning on the sentence before), never what the rules call furniture or a hook (a
    question, a quote, a first-person line), nor the background a feature opens on ("In
    1940, Germany..."), nor a feed's blurb (``blurbs``: a cut-off subject, an order to the
    reader, a phrase with no sentence, a product's own description), nor a reference page's
    or a blog's line (``reference``: what a thing is, the post presenting itself, a
    general remark, a glued heading), nor a blog's (``blog``: a verbless blurb, what a
    thing can do, a gerund's how-to remark, background told as such); no hype, no order
    to readers. From a topic piece (``anchor``: a post in the first person, or under a
    title that is no sentence), only a line with a named subject doing a news act. And a
    fact is a sentence: a line with no verb with a tense in its main clause (``finite``: a
    caption, a blurb, a title) never prints, wherever it comes from. Nor the backdrop a post
    is written against (``backdrop``: a general truth, a thing's purpose, a lasting state, a
    calendar fact; and on a post written as "I", ``personal``, a past act by someone its
    title does not name)."""
    if topic and not has_anchor(sentence):
        return False
    if is_backdrop(sentence) or (personal and is_told_backdrop(sentence, headline)):
        return False
    if not has_finite_verb(sentence):
        return False
    if _unclosed(sentence) or is_blurb(sentence, headline) or is_reference_line(sentence, year):
        return False
    if is_blog_line(sentence):
        return False
    if is_hype(sentence) or is_order(sentence) or kind(sentence) in (BOILERPLATE, HOOK):
        return False
    if opens_in_the_past(sentence, year):
        return False
    return is_lede_news(sentence, place, headline, year)


class _Languages:
    """The rules only know English (``language``). An article's language is asked for only
    when one of its sentences passes every other rule: most stories print no fact, so on a
    day whose printable sentences all come from plainly English articles the model never
    loads (half a second of CPU and 75 MB held)."""

    def __init__(self, docs: Sequence[str]) -> None:
        self._docs = docs
        self._known: dict[int, Language] = {}

    def foreign(self, doc: int, sentence: str) -> bool:
        if doc not in self._known:
            self._known[doc] = language_of(self._docs[doc])
        return is_foreign(sentence, self._known[doc])


# The fixed words a cut opens its second half with ("That came after ...", "That is the
# first time ..."): such a half leans on the one before it and never prints without it.
_LEANING = (f"{AFTER_LEAD} ", f"{EVENT_LEAD} ")


def _kept(pieces: list[str], used: set[str]) -> list[str]:
    """A sentence's pieces minus hype and those already printed in the digest; a piece that
    leans on the one before goes with it ("That is the first time he has ..." alone would
    say nothing)."""
    out: list[str] = []
    dropped = False
    for piece in pieces:
        dropped = is_hype(piece) or piece in used or (dropped and piece.startswith(_LEANING))
        if not dropped:
            out.append(piece)
    return out


# words a piece may open with that name no actor of its own
_NO_ACTOR = wordset("But The A An It Its This That These Those He She They We There Here And Yet")


def _goes_on(piece: str, head: str, groups: list[tuple[str, list[tuple[int, str]]]]) -> bool:
    """Whether a story's last fact line goes on into ``piece``, a later piece of its first
    sentence (whose first piece is ``head``): a cut is there to shorten the sentences, not
    to drop what they say ("Kopp set off a fundraising frenzy ..." after "Rillet CEO
    Nicolas Kopp shared growth numbers at a board meeting."). It goes on into a piece that
    names the head's actor again ("Trump railed against wind farms."), one that leans on
    the head by the cut's own words ("That came after ...") and one that is news by itself;
    not into the source's own turn after ", but" or ";" ("But his suggestion is not
    completely ludicrous.", "The companies earnings results explain why ..."), which is
    the outlet's view as often as a fact."""
    if groups:
        return False
    p, h = piece.split(), head.split()
    same_actor = p[:2] == h[:2] or (p[0] not in _NO_ACTOR and p[0][:1].isupper() and p[0] in h[:8])
    return same_actor or piece.startswith(_LEANING) or kind(piece) == NEWS


def _as_printed(sentence: str, used: set[str]) -> list[str]:
    """The pieces a printable source sentence prints as, or none when its head comes out
    too short or, judged again as it would print, a hook: a trim can take the detail that
    made it news ("Rescuers are racing to the scene, which has seen about 30 inches of snow"
    -> "Rescuers are racing to the scene.") or leave a quote nearly alone. Not judged again
    for furniture: a shorter line of names can pass for a heading ("French President
    Emmanuel Macron invited Prime Minister Narendra Modi to the 52nd G7 Summit.") and no
    trim makes a sentence into page furniture."""
    pieces = _kept(plain_sentences(sentence), used)
    if not pieces or len(pieces[0].split()) < MIN_PIECE or kind(pieces[0]) == HOOK:
        return []
    return pieces


def _facts(story: Story, budget: int, most: int, used: set[str]) -> list[tuple[int, str]]:
    """(article index, sentence): short plain news sentences, most central first.

    A source sentence is taken whole, cut into pieces by ``plain_sentences``; one whose
    pieces are all at most LONGEST words is preferred to any longer one, so the facts
    read in short sentences; a story whose news only comes long gets its shortest.
    """
    docs = [_body(a) for a in story.articles]
    year = story.lead_article.published_at.year
    where = [places(d, cut_truncated) for d in docs]
    languages = _Languages(docs)
    topic = [is_topic_piece(a.title, d) for a, d in zip(story.articles, docs, strict=True)]
    personal = [first_person(d) for d in docs]
    ranked = rank_sentences(
        docs,
        limit=CANDIDATES,
        headline=story.lead_article.title,
        lead_window=LEAD_WINDOW,
        furniture=is_furniture,
        repair=cut_truncated,
    )
    # (longest piece in words, article index, pieces, opens with its actor), in rank order
    options: list[tuple[int, int, list[str], bool]] = []
    for doc, pos, sentence in ranked:
        place = where[doc].get(sentence, Place(pos, "", len(where[doc])))
        title = story.articles[doc].title
        if not _printable(sentence, place, title, year, topic[doc], personal[doc]) or (
            languages.foreign(doc, sentence)
        ):
            continue
        pieces = _as_printed(sentence, used)
        if pieces:
            longest = max(len(p.split()) for p in pieces)
            # as printed too: "Kagi Translate ( https://... ) is now available..." opens on
            # its actor once the link in brackets is trimmed
            actor = leads_with_actor(sentence) or leads_with_actor(trim(sentence))
            options.append((longest, doc, pieces, actor))
    # who-did-what sentences first, each group in rank order
    options.sort(key=lambda o: not o[3])
    fitting = [o for o in options if o[0] <= LONGEST]
    if options and options[0][0] <= FIRST_LONGEST and options[0] not in fitting:
        fitting.insert(0, options[0])  # the best news sentence leads, if not too long
    if not fitting and options:
        fitting = [min(options, key=lambda o: o[0])]
    groups: list[tuple[str, list[tuple[int, str]]]] = []  # (source sentence, its pieces)
    words = count = 0
    told: set[str] = set()  # the words of the facts taken so far
    for longest, doc, pieces, _actor in fitting:
        if count >= most or words >= budget:
            break
        source = " ".join(pieces)
        if count and (longest > LONG_AFTER_FIRST or _retold(source, told)):
            continue
        group: list[tuple[int, str]] = []
        for piece in pieces:
            n = len(piece.split())
            if count and (
                words + n > budget + 10
                or (count >= most and not _goes_on(piece, pieces[0], groups))
            ):
                break
            group.append((doc, piece))
            words += n
            count += 1
        if group:
            groups.append((source, group))
            told.update(terms(source))
    return [p for _, g in _news_first(groups, story.lead_article.title) for p in g]


# A later fact that says again what an earlier one said: most of its words already printed
# and no number that was not. Read on the world report row: "Jesse Jackson, American civil
# rights activist ..., died Tuesday at the age of 84, according to NBC and Reuters." then
# another outlet's "Longtime civil rights leader Rev. Jesse Jackson dies at age 84." (6 of
# its 10 words told). A line with a number of its own stays ("The 98th Academy Awards will
# be presented on March 15."), and so does one with fewer of its words told ("The Ollama
# Python and JavaScript libraries have been updated to support structured outputs.": half).
RETOLD = 0.6


def _retold(sentence: str, told: set[str]) -> bool:
    words = set(terms(sentence))
    if not words or len(words & told) < RETOLD * len(words):
        return False
    return all(w in told for w in words if any(c.isdigit() for c in w))


def _news_first(
    groups: list[tuple[str, list[tuple[int, str]]]], headline: str
) -> list[tuple[str, list[tuple[int, str]]]]:
    """What happened before who someone is: when the facts hold a background line
    ("Jackson was an eloquent Baptist minister...") and one saying what happened
    ("Rev. Jesse Jackson dies at age 84."), the event comes first, whatever the rank."""
    if not any(is_background(s) for s, _ in groups):
        return groups
    events = [g for g in groups if is_event(g[0], headline)]
    return events + [g for g in groups if g not in events] if events else groups


def _quote(story: Story, used: set[str]) -> tuple[int, str] | None:
    """A paper's statement of what its authors made (``papers``), else a company's own
    announcement (``announcement``), quoted and said by whoever said it."""
    bodies = [_body(a) for a in story.articles]
    return paper_claim(story.articles, bodies, used) or announcement(
        story.articles, bodies, used, story.lead_article.published_at.year
    )


def _story_text(story: Story, lead: bool, used: set[str], today: datetime) -> tuple[StoryText, int]:
    headline = story.lead_article.title
    kind = detect_kind(" ".join(a.text[:600] for a in story.articles), headline=headline)
    facts = _facts(story, LEAD_WORDS if lead else WIRE_WORDS, LEAD_FACTS if lead else 1, used)
    sources = [f"{a.title}. {a.text}" for a in story.articles]
    texts = [s for _, s in facts]
    means = means_line(texts, story, kind, used)
    take = take_line(texts, story, used, today, kind) if lead else None
    checked_facts = [check(s, sources) for s in texts]
    # no news sentence: a company's own announcement, quoted and said by its outlet
    # (``announcement``), before silence; its name is the story's, so it vouches for it.
    # No line of the writer's own is built on a quote: its "we" and "our" are the outlet's.
    quote = None if facts else _quote(story, used)
    if quote:
        facts = [quote]
        checked_facts = [check(quote[1], [*sources, story.articles[quote[0]].feed_name])]
    # else no news sentence (a bare headline, a teaser, release notes): the headline above
    # it says what there is to say, and nothing is printed twice
    kept = [(d, c.kept) for (d, _), c in zip(facts, checked_facts, strict=True) if c.kept]
    dropped = sum(len(c.dropped) for c in checked_facts)
    extra = [check(p, sources) if p else None for p in (means, take)]
    dropped += sum(len(c.dropped) for c in extra if c)
    means_kept, take_kept = (c.kept if c else "" for c in extra)
    used.update(s for _, s in kept)
    summary = "\n\n".join(p for p in (" ".join(s for _, s in kept), means_kept) if p)
    return (
        StoryText(
            headline=headline,
            summary=summary,
            take=take_kept or None,
            kind=kind,
            fact_sources=tuple(d for d, _ in kept),
        ),
        dropped,
    )


def _hook(texts: Sequence[StoryText]) -> str:
    """The lead's headline; the next plain one if it has hype in it; else none."""
    for text in texts:
        headline = " ".join(text.headline.split())
        if headline and not is_hype(headline) and len(headline) <= 90:
            return headline
    return ""


def write_offline(stories: Sequence[Story], window: DigestWindow) -> DigestText:
    if not stories:
        return DigestText(hook=T.QUIET_HOOK, stories=(), bottom_line=T.QUIET, backend="extractive")
    used: set[str] = set()
    written = [_story_text(s, i == 0, used, window.end) for i, s in enumerate(stories)]
    texts = tuple(t for t, _ in written)
    dropped = sum(d for _, d in written)
    notes = (f"{dropped} offline sentences dropped: not in any source",) if dropped else ()
    # a short day gets no stock line about being short: the stories are the whole news
    return DigestText(
        hook=_hook(texts),
        stories=texts,
        bottom_line=bottom_line(texts, stories, used),
        backend="extractive",
        notes=notes,
    )
