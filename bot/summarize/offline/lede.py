"""Is this sentence, where it stands in its article, the news or the way into a feature?

The rules in ``screen`` judge a sentence as written. A feature's opener passes them ("On
August 30, Prime Minister Narendra Modi travelled to Tianjin...") and so does a profile's
background line; what gives them away is where they stand and what is around them: first
in a long article, sharing little with the headline, followed by a sentence that leans
on them ("But now she's on the verge of risking it all."). And a plain news sentence
the rules refuse for one word ("At least 5,000 people were killed...") is told by the
same signs the other way.

``lede_score`` adds these signs to the rules' verdict in a logistic score, fitted by
``bench/lede.py`` on the ``fit`` part of tests/data/writer/positions.jsonl (the first
three sentences of the articles of tuned days, world news and tech news, labelled with
their article position, headline and the next sentence) and measured on its
``held-out`` part. The weights below are that fit, copied.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.summarize.offline.act import tells_an_act
from bot.summarize.offline.extractive import candidates, trim
from bot.summarize.offline.patterns import TIME_OF_DAY, opening
from bot.summarize.offline.screen import (
    BOILERPLATE,
    HOOK,
    NEEDS_CONTEXT,
    NEWS,
    is_concrete,
    is_event,
    is_new_finding,
    is_news,
    kind,
    leads_with_actor,
    opens_in_the_past,
)
from bot.summarize.offline.words import terms

WINDOW = 3  # the sentences of an article scored: the lead, where news writing puts the news
# An article of fewer real sentences than this (a feed's one-to-three-sentence summary) is
# all lead: where a sentence stands tells nothing there, and on tech news, where such
# summaries are common and the rules were already precise (0.96 on the tune sentences),
# scoring them cost half the recall ("Mark Zuckerberg just bought a cozy abode..." printed
# nothing). Chosen by the lead on the tune parts (fit and sentences-tune, mean F0.5);
# bench/lede.py shows every part.
SCORED_FROM = 4


@dataclass(frozen=True)
class Place:
    """Where a sentence stands: its position among the article's real sentences (page
    furniture not counted), the sentence after it ("" when none) and how many there are."""

    pos: int
    next: str
    count: int


def places(text: str, repair: Callable[[str], str | None] = lambda _: None) -> dict[str, Place]:
    """Each real sentence of an article (as ``candidates`` cuts and mends it), with its
    place; furniture and fragments are not counted."""
    real = [c.text for c in candidates([text], repair) if kind(c.text) != BOILERPLATE]
    return {
        s: Place(i, real[i + 1] if i + 1 < len(real) else "", len(real)) for i, s in enumerate(real)
    }


_WEEKDAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight)\b", re.I
)
_SAID = re.compile(r"\b(?:said|says|told|according\sto|announced|confirmed|reported)\b")


# "When President Donald Trump told protesters...", "As people trickled into polling
# stations...", "For the first few days of...": a scene or a time clause before the news
_SCENE_OPEN = opening(
    "When As While For Despite Before After Following Since Once Just Eight Ten Two Three"
    " In_the On_a At_the"
)
# a sentence after this one that leans on it: the opener of a story told in steps
_LEANS = opening(
    "But Yet And So Now Instead Still Then It It['’]s He She They His Her Their That This"
    " These Those Not"
)
_QUOTE = re.compile(r"^[\"“‘']")


def features(sentence: str, place: Place, headline: str, year: int) -> list[float]:
    """The signs ``lede_score`` weighs, each 0..1 (named in ``NAMES``)."""
    got = kind(sentence)
    head = set(terms(headline))
    shared = len(set(terms(sentence)) & head) / max(1, min(len(head), 6))
    words = len(sentence.split())
    return [
        1.0,
        float(place.pos == 0),
        float(place.pos == 1),
        float(place.count == 1),
        float(got == NEWS),
        float(got == NEEDS_CONTEXT),
        float(got == HOOK),
        float(is_concrete(sentence)),
        float(leads_with_actor(sentence)),
        float(is_event(sentence, headline)),
        min(1.0, shared),
        float(bool(_WEEKDAY.search(sentence))),
        float(bool(_SAID.search(sentence))),
        float(bool(_SCENE_OPEN.match(sentence))),
        float(bool(_LEANS.match(place.next))),
        float(bool(_QUOTE.match(place.next))),
        float(opens_in_the_past(sentence, year)),
        min(1.0, words / 40),
    ]


NAMES = (
    "bias",
    "first",
    "second",
    "only sentence",
    "rules: news",
    "rules: needs context",
    "rules: hook",
    "date, number or act",
    "actor first",
    "event agreeing with headline",
    "headline words shared",
    "weekday or today",
    "attributed",
    "scene or time clause first",
    "next sentence leans on it",
    "next sentence is a quote",
    "opens on a past year",
    "length",
)
# Fitted by bench/lede.py on the fit part (see the module docstring); do not edit by hand.
# fmt: off
WEIGHTS = (
    -5.543, 1.226, 0.227, -0.070, 1.636, -0.472, -1.163, 0.943, 0.462,
    0.245, 2.554, 1.014, 0.680, -1.393, 0.298, 0.550, -0.502, 1.067,
)
# fmt: on
THRESHOLD = 0.55


def lede_score(sentence: str, place: Place, headline: str, year: int) -> float:
    """How likely the sentence is printable news where it stands, 0..1."""
    z = sum(w * f for w, f in zip(WEIGHTS, features(sentence, place, headline, year), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


# A feed summary written to make one click rather than to tell: "...found a surprising
# lead.", "China seems to be winning more hearts and minds abroad.", "Jeri is the latest
# in a series of...", "But now she's on the verge of...", "An interview with X about...".
_TEASER = re.compile(
    r"\b(?:surprising|surprisingly|unexpected|mysterious|remarkable|extraordinary)\b"
    r"|\b(?:seems?|seemed|appears?|appeared)\sto\b|\bon\sthe\sverge\sof\b"
    r"|\bthe\slatest\sin\sa\s(?:long\s)?(?:series|line|string)\b"
    r"|\bhas\sthe\s(?:r[ée]sum[ée]|makings)\sof\b|\balready\s(?:seen|known)\b"
    r"|^An?\s(?:interview|conversation|look|profile|portrait|tour|visit)\s(?:with|at|of|inside)\b"
    # "Tehran also says more work is needed...": the rest of the story is elsewhere
    r"|^(?:\S+\s){1,3}also\b",
    re.I,
)


# A teaser that states a trend or a situation, no event (who did what, when): DW's feed
# summaries, read on the world rows in the twentieth session. Each shape is narrow on
# purpose: the same outlets' news lines share its words ("Tesla's German factory ... is
# pressing charges", "Debate is growing in Brussels about...", "The government is now
# planning to...", "Gold continues to hit record highs...").
_TREND = re.compile(
    # a trend by its adverb: "China's electric carmakers are rapidly expanding across..."
    r"\b(?:is|are)\s(?:rapidly|quickly|increasingly|steadily|slowly|gradually)\s[a-z]+ing\b"
    # two things going on at once: "journalists are combing through the files, and
    # politicians are pushing for investigations" (not "is being performed..., and ...")
    r"|\b(?:is|are)\s(?!being\b)[a-z]+ing\b[^.]*,\sand\s(?:\w+\s){1,3}(?:is|are)\s(?!being\b)[a-z]+ing\b"
    # a campaign's standing promise, or the situation someone is in: "...party is pledging
    # to combat corruption", "Orban faces a strong opposition challenge ahead of..."
    r"|\b(?:is|are)\s(?:pledging|promising|vowing)\sto\b"
    # a change in who uses something, no event: "Adoption is broadening beyond early users,
    # closing gaps ..." (blind report 15)
    r"|\b(?:is|are)\s(?:broadening|widening|deepening|maturing)\b"
    r"|\bfaces?\sa\s(?:[\w-]+\s){0,3}(?:challenge|test|battle|fight)\b"
    # a reading of events, not one: "...echoes a colonial pattern in which...", "High
    # casualties and economic trouble signal time is no longer on Russia's side"
    r"|\b(?:echo(?:es)?|mirrors?|fits?)\sa\s(?:[\w-]+\s){0,2}(?:pattern|trend)\b"
    r"|\bsignals?\s(?:that\s)?time\sis\b"
    # a record so far, a calendar, a trend over a span: "...hasn't won a single World Cup
    # event", "Israel holds parliamentary elections in October", "...business has faltered
    # in the past year"
    r"|\bha(?:s|ve)(?:n['’]t|\snot)\s(?:yet\s)?(?:won|scored|had)\sa\ssingle\b"
    r"|\bholds?\s(?:[\w-]+\s)?elections?\sin\s[A-Z]"
    r"|\bha(?:s|ve)\s[a-z]+ed\s(?:in|over)\sthe\s(?:past|last)\s(?:few\s)?(?:years?|decades?|months?)\b"
)
_DIGIT = re.compile(r"\d")


def is_teaser(sentence: str) -> bool:
    """A short summary's line that teases rather than tells: teaser words, a hedge
    ("seems to"), or one leaning on a story told elsewhere ("X also says"); or a trend or
    situation with no number in it (``_TREND``: a figure is something a reader can use,
    "Gold continues to hit record highs, having already had a bumper run in 2025" is
    news). A line sharing no word with its headline was refused too at first: on the tune
    data that cost as much news ("Rights groups are investigating the death of Ali
    Rahbar...") as hooks. A new study's finding, said as such, is no teaser: its words
    ("...AI systems increasingly demonstrate unexpected and potentially dangerous
    behavior", TechCrunch) are what the study found, not the outlet's bait."""
    if is_new_finding(sentence):
        return False
    if _TEASER.search(sentence):
        return True
    return bool(_TREND.search(sentence)) and not _DIGIT.search(sentence)


# A feature's or profile's line the rules pass, by its words, wherever it stands (the
# world-news outlets' feed summaries, read in the nineteenth session):
_FEATURE_LINE = re.compile(
    # a scene: "On a frigid, sunny morning last December, ...", "Carlos Alcaraz is taking a
    # walk early in the morning", "As a child, Ed Alcock listened to..."
    rf"^On\sa\s(?:[\w-]+,?\s){{1,3}}{TIME_OF_DAY}\b"
    r"|\b(?:early|late)\sin\sthe\s(?:morning|afternoon|evening|day)\b|\blate\sat\snight\b"
    r"|^As\sa\s(?:child|boy|girl|teenager|student|young\s\w+)\b"
    # a place set before its subject: "Along a narrow residential street in Kanawa, ...,
    # is an inconspicuous 2-story home that..."
    r"|^(?:Along|Down|Up|Inside|Beneath|Behind|Across|Atop|Deep\sin|Tucked\s\w+)\s(?:a|an)\s"
    # what a thing is, not what happened to it: "Comet is a new kind of browser, containing..."
    r"|^(?:[A-Z][\w.'’-]*\s){1,3}(?:is|are)\s(?:a|an)\s(?:new\s)?(?:kind|type|sort|breed)\sof\b"
    # the article, not the news: "A DW investigation traces...", "DW's X asks what..."
    r"|^(?:\S+\s){1,4}(?:asks|traces|looks\sat|takes\sa\s(?:closer\s|deep\s)?look)\b"
    # talking to the reader or about the mood: "Anyone buying a new smartphone in 2026
    # should brace for...", "...is finally here", "...has never been easier...", "...have
    # been far from perfect", "Troubles at Vanke raise questions about..."
    r"|^(?:Many|Most|Some|Few)\s(?:people|folks|of\sus)\b|^Anyone\b"
    # how long something has gone on, or an anniversary: background, not this week's news
    # ("For over 15 years, Japanese art duo ... have been working together", "2025 marked
    # the 80-year anniversary of the end of WWII")
    r"|^For\s(?:over\s|more\sthan\s|nearly\s|almost\s)?[\w-]+\s(?:years|decades)\b"
    r"|\bmark(?:s|ed)\sthe\s[\w-]+\s(?:anniversary|birthday)\b|\bshould\sbrace\b|\bis\sfinally\shere\b|\byou\s(?:can|could|will|might|may)\b"
    r"|\bnever\sbeen\s(?:easier|harder|better|worse)\b|\bfar\sfrom\s(?:perfect|over|certain)\b"
    r"|\braises?\squestions\b|^At\sa\s(?:critical|crucial|pivotal)\s(?:juncture|moment|time)\b"
    # a conversation's blurb: "Wynnie Chan spoke with Sunday Mills ... about ...", "On July
    # 16th, 2022, Hyatt Dirbas spoke with..."
    r"|^(?:[^,]{0,40},\s){0,2}(?:[A-Z][\w.'’-]*\s){1,3}(?:spoke|talked|sat\sdown|chatted)\s(?:with|to)\s",
)
# Leaning on what came before though it opens on no pronoun: "The dictator, eager to...",
# "The 100-year-old vividly recalls...", "As the trial drags on, the Dusseldorf-based
# satirist has...", "The swap for four soldiers...", "Some of the women were...", "A new
# Oscar category was also introduced...", "...hosted both Games that year".
_LEANS_BACK = re.compile(
    r"^(?:(?:As|While|When|After|Before|Despite|With|[A-Z][a-z]+ed)\b[^,]{0,60},\s)?[Tt]he\s"
    r"(?:[\w-]+\s){0,3}?(?:leader|actor|actress|dictator|satirist|singer|writer|author|star"
    r"|director|\d+-year-old|country['’]s|nation['’]s|city['’]s|swap)\b"
    r"|^(?:Some|Many|Most|All|None|Several|Two|Three|Four)\sof\sthe\b"
    r"|\b(?:is|are|was|were|has|have|had|will|would)\salso\b"
    r"|\b(?:that|the\ssame)\s(?:year|day|week|month|night|morning|season|time)\b"
)
# Background, not news: every year the sentence names is two or more before the article's
# ("Jung Chang rose to fame in 1991...", "...the Arctic island saw the Vikings in the 10th
# century and the Danes in 1721") and nothing puts it in the present: no present or future
# verb, no attribution, no recent day ("A U.S. official said a remote earthquake in 2020
# was caused by..." is news).
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b|\b\d+(?:th|st|nd|rd)\scentury\b")
_NOW = re.compile(
    r"\b(?:is|are|has|have|will|says|say|said|told|tells|according|announced|reported|finds"
    r"|found|shows|suggests|today|yesterday|tonight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|this\s(?:week|month|year|morning|afternoon|evening)|last\s(?:week|month))\b"
)
# The story's headline says what kind of piece it is:
# an interview, "Jung Chang, writer: ‘If people thought...’", "Carlos Alcaraz: ‘I’m a...’"
# (a name, a role in lower case, then the quote: not "Newsom Tells Leaders...: ‘It’s...’");
_INTERVIEW = re.compile(r"^(?:[A-Z][\w.'’-]*\s?){1,4}(?:,\s[a-z][^:]{1,90})?:\s*[‘'\"“]")
# a live blog written up after ("... opening ceremony — as it happened");
_LIVE_BLOG = re.compile(r"\bas\sit\shappened\b", re.I)
# a guide, a tip list, an argument for what someone should do, a forum's question: none
# tells news, whatever its lines say ("Rails shipped without jQuery ... with version 5.1."
# under "How to make AJAX calls in Rails 5.1 ...", "Amazon recently bought a data center
# ..." under "Ask HN: Are AI and data centers ...?"; blind reports 5, 14 and 16).
# A guide may open on its writer's own news, dated as news is: "Learnetto got featured on
# Betalist last week on Monday 1st Feb 2016 ..." under "How to launch your startup on
# BetaList - 8 lessons from Learnetto" (blind report 14, labelled news).
_RECENT = re.compile(
    r"\b(?:today|yesterday|tonight|(?:this|last)\s(?:week|month|night)"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
_NO_NEWS_PIECE = re.compile(
    r"^How\sto\s|^(?:\d+\s|Some\s|A\sfew\s)?(?:[A-Z]?[a-z]+\s)?[Tt]ips\s(?:for|on|to)\b"
    r"|^\d+\s(?:ways|reasons|things|lessons)\s|^An?\s(?:[a-z]+['’]s\s|quick\s|short\s)?guide\sto\b"
    r"|(?:^|[-–—:]\s)Why\s[^?]*\bshould\b|^(?:Ask|Tell)\s(?:HN|Slashdot|Reddit)\b"
)
# an obituary, whose summary may open on the life ("Robert Duvall won an Oscar for...").
_OBITUARY = re.compile(r"\b(?:dies|died|dead\sat|has\sdied|passes\saway|passed\saway)\b", re.I)
_DEATH = re.compile(r"\b(?:die[sd]?|death|dead|passed\saway|funeral)\b", re.I)
_ATTRIBUTED = re.compile(r"\b(?:says?|said|told|according)\b")


def is_background(sentence: str, year: int) -> bool:
    """Every year named is two or more before ``year`` and nothing says it is news now."""
    years = list(_YEAR.finditer(sentence))
    if not years or _NOW.search(sentence):
        return False
    return all(not m.group(1) or int(m.group(1)) <= year - 2 for m in years)


def is_feature_line(sentence: str, headline: str, year: int) -> bool:
    """A line of a feature, a profile or an interview rather than the news, though the
    rules pass it: a scene, the article or the reader talked about, a line leaning on an
    earlier one, background years ago; or any line under an interview's or live blog's
    headline, or under a guide's, a tip list's, an argument's or a forum question's
    (``_NO_NEWS_PIECE``) unless it is dated as news is, a line of an obituary that says nothing of the death, and, under a question
    headline ("Is Netflix making us stupid?"), a line neither opening on its actor nor
    saying who said it."""
    for s in {sentence.strip(), trim(sentence)}:  # as printed too: "Addis Ababa — At a..."
        if _FEATURE_LINE.search(s) or _LEANS_BACK.search(s) or is_background(s, year):
            return True
    s = sentence.strip()
    if _INTERVIEW.match(headline) or _LIVE_BLOG.search(headline):
        return True
    if _NO_NEWS_PIECE.search(headline) and not _RECENT.search(s):
        return True
    if _OBITUARY.search(headline) and not _DEATH.search(s):
        return True
    question = headline.strip().endswith("?")
    return question and not _ATTRIBUTED.search(s) and not leads_with_actor(s)


# A group named by its common noun, no name and no origin ("Staff have announced a strike
# ...", "Emergency workers found ... the bank", "Greek police said they did not suspect
# ..."): in a short summary's later line, whose staff, which bank, was said in the line
# before (or in the headline). First in a summary such a line can be the news ("Scientists
# have said fossils of a small newly discovered dinosaur...").
_GROUP_SUBJECT = re.compile(
    r"^(?:[A-Z][a-z]+\s)?(?:staff|workers|employees|residents|officials|rescuers|protesters"
    r"|witnesses|investigators|firefighters|doctors|students|police|troops|soldiers|officers)\s"
    r"(?:have|has|had|were|was|are|is|will|would|said|found|told|[a-z]+ed)\b",
    re.I,
)


# What was so before the news, in a short summary: "The U.K., Italy and Japan have already
# partnered on the Global Combat Air Programme" under "Italy Supports Saudi Arabia Joining
# Fighter-Jet Program": the news is the headline's, this line needs it. Among the rows'
# article sentences the shape stands in a short summary only there; deeper in an article
# ("Google has already agreed to buy 200 megawatts.") the lede score judges it.
_ALREADY = re.compile(r"\b(?:has|have)\salready\s[a-z]+ed\b")
# Talks under way are an act, though no news verb or date pins them: "Ukrainian and Russian
# officials are meeting in Geneva for another round of talks aimed at ending the war".
_MEETING = re.compile(r"\b(?:is|are)\smeeting\b|\bmeets?\swith\b|\bmet\swith\b")


def is_lede_news(sentence: str, place: Place, headline: str, year: int) -> bool:
    """Printable news where it stands: never a feature's line (``is_feature_line``); in an
    article with a body, by the lede score; in a short summary, by the rules (news, pinned
    to a date, number or act, a meeting counting as one, and so a named subject whose verb
    tells an act by its tense, ``act``), not a teaser, not what was already so
    (``_ALREADY``), and not a later line on a group it leaves unnamed (``_GROUP_SUBJECT``)."""
    if is_feature_line(sentence, headline, year):
        return False
    if place.count < SCORED_FROM:
        if (place.pos and _GROUP_SUBJECT.match(sentence)) or _ALREADY.search(sentence):
            return False
        pinned = is_concrete(sentence) or bool(_MEETING.search(sentence)) or tells_an_act(sentence)
        return is_news(sentence) and pinned and not is_teaser(sentence)
    return lede_score(sentence, place, headline, year) >= THRESHOLD
