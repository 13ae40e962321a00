"""Phrases a long news sentence can lose by deletion alone, its claim kept true and
attributed (docs/voice.md, "Plain words keep the meaning"), measured on the labelled
compression set (tests/data/writer/compressions.jsonl, bench/compress.py):

- where a statement was made, the sayer still named: "In a lengthy post on Truth Social
  early Wednesday, Trump said ..." -> "Trump said ...", "..., the company said in a blog
  post." -> "..., the company said.";
- the "that" after a verb of saying ("said that they plan" -> "said they plan"), run
  after the weekday drop (``drop_said_that``), so "said on Tuesday that" loses both.

Nothing goes that holds a number, a quote, a negation or limit, or who said it; what is
left must be a whole sentence. Only a sentence over ``LONG`` words is touched.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import balanced, stands_alone
from bot.summarize.offline.words import MONTHS

# What a statement is made in or at. A meeting, a visit or a hearing is not here: where a
# deal was struck or a vote taken can be the news ("At a summit in Geneva, the two agreed").
_VENUE_NOUN = (
    r"(?:statement|post|posts|blog\spost|speech|address|interview|letter|memo|op-ed|essay"
    r"|video|press\sconference|news\sconference|press\sbriefing|briefing|remarks|podcast"
    r"|appearance|social\smedia\spost|message|note|email)"
    # the noun heads its phrase: "the growing streaming video market", "the post’s title"
    # are no venue
    r"(?=[,.;:]|$|\s(?:on|at|in|to|with|for|from|about|during|that|by|announcing"
    r"|accompanying|published|posted|released|sent|shared|titled|early|late"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)"
)
_OWNER = r"(?:a|an|the|his|her|their|its|a\snew|one)"
# A phrase may go only when nothing in it limits, dates or attributes the claim.
_KEEPS = re.compile(
    r"\d|[\"“”‘(]|\b(?:not|no|never|only|first|last|according|said|says|told|denied"
    r"|confirmed|which|who|that|because|if|unless|after|before|when|while"
    # a month dates what was said ("In a May speech ..., Hegseth said"): it may be old
    r"|" + MONTHS + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|year|month|week|ago|earlier"
    # "In a previous blog post, I looked at ...": an earlier piece, not today's statement
    r"|previous|previously|recent|recently|past|former|latest|once)\b",
    re.I,
)
# "in a statement to Reuters", "In an interview with The Verge": the outlet that was told
# is part of who reported it ("X told Reuters" stays), so such a venue stays whole
_LISTENER = re.compile(r"\s(?:to|with|by)\s(?:the\s)?[A-Z]")


def _holds_claim(venue: str) -> bool:
    """A venue that limits, dates or attributes the claim, or names who was told: it stays."""
    return bool(_KEEPS.search(venue) or _LISTENER.search(venue))


# "In his much anticipated speech at the World Economic Forum in Davos, Trump reiterated ..."
# "Speaking at the Heritage Foundation, a conservative think tank in Washington, Machado said"
_LEAD_VENUE = re.compile(
    rf"^(?:(?:In|During)\s{_OWNER}\s(?:[\w’'-]+\s){{0,4}}?{_VENUE_NOUN}\b"
    r"|(?:Speaking|Writing|Posting)\s(?:at|to|on|in|during|before)\s)",
)
# "said in a statement", "wrote in a blog post on Tuesday", "told reporters at a news
# conference": the venue right after the verb of saying, up to the next comma, "that" or
# the end of the sentence
_SAID_VENUE = re.compile(
    r"\b(?:said|says|wrote|writes|added|announced|told\sreporters)"
    rf"(?P<venue>\s(?:in|during|at|on)\s{_OWNER}\s(?:[\w’'-]+\s){{0,3}}?{_VENUE_NOUN}\b"
    r"[^,.;:]*?)(?=,|\.$|\sthat\s)"
)
# "Rubio said the United States wants to ... in a key foreign policy speech to the
# continent's leaders.": the venue closes a sentence whose verb is one of saying
_END_VENUE = re.compile(
    rf"\s(?:in|during)\s{_OWNER}\s(?:[\w’'-]+\s){{0,4}}?{_VENUE_NOUN}\b[^,;:]*?(?=\.$)"
)
_SAYING = re.compile(
    r"\b(?:said|says|told|wrote|writes|added|announced|argued|warned|insisted|claimed"
    r"|urged|called|vowed|pledged|promised|appealed)\b"
)
# "said that the ...", "told reporters that he ...": the "that" after a verb of saying goes
# when a subject follows it at once (a determiner, a pronoun or a name), so it can only
# be the word that opens what was said. "said that was wrong" (a pronoun), "said that in
# 2020 ..." and "said that “..." keep it.
_SAID_THAT = re.compile(
    r"\b(?P<verb>said|says|told(?:\s[\w’'.-]+){1,3}?)\sthat\s(?=(?:the|a|an|he|she|it|they|we|I"
    r"|his|her|its|their|there|this|these|those|[A-Z][a-z]+)\b)"
)


def _drop_lead_venue(s: str) -> str:
    m = _LEAD_VENUE.match(s)
    if not m:
        return s
    # the venue runs to a comma after which the sentence stands on its own: past an
    # appositive of the venue's own ("the Heritage Foundation, a conservative think tank")
    for i, c in enumerate(re.finditer(r",\s", s[m.end() :])):
        end = m.end() + c.start()
        venue, rest = s[:end], s[end + 2 :]
        if _holds_claim(venue) or not balanced(venue):
            return s
        if rest[:1].isupper() and stands_alone(rest) and balanced(rest):
            return rest
        if i > 0 or not re.match(r"(?:a|an|the)\s", rest):
            # only an appositive of the venue's own may come before the sentence: "In a
            # blog post, Google DeepMind’s new model, Gemini, topped ..." is no venue
            # followed by a sentence at "Gemini, topped"
            return s
    return s


def _drop_said_venue(s: str) -> str:
    for m in _SAID_VENUE.finditer(s):
        venue = m.group("venue")
        if _holds_claim(venue):
            continue  # "in a statement to Reuters": to whom it was said stays with it
        if not balanced(venue):
            continue
        return s[: m.start("venue")] + s[m.end("venue") :]
    return s


def _drop_end_venue(s: str) -> str:
    m = _END_VENUE.search(s)
    if not m or _holds_claim(m.group()):
        return s
    head = s[: m.start()]
    if not _SAYING.search(head):
        return s  # "The company published the figures in a blog post.": no one said it
    # the head opens the sentence as it came and holds its verb of saying, so it is the
    # sentence less a closing phrase ("Secretary of State Marco Rubio said ...": a name
    # with "of" in it, which stands_alone does not take for a subject)
    # "said Prince Harry, Duke of Sussex, in a message ...": the comma before the venue goes
    head = head.rstrip(" ,")
    return head + "." if balanced(head) and len(head.split()) >= 8 else s


def drop_said_that(s: str) -> str:
    """ "said that the ..." -> "said the ...", where "that" can only open what was said."""
    for m in _SAID_THAT.finditer(s):
        verb = m.group("verb").split()
        after = s[m.end() :].split()[:1]
        if verb[-1][:1].isupper() and after and after[0][:1].isupper():
            # "told reporters in Copenhagen that Denmark is ...": without it the two names
            # run together ("in Copenhagen Denmark is")
            continue
        if any(w in ("again", "also", "repeatedly") or w.endswith("ly") for w in verb[1:]):
            continue  # "has been told again and again that the treaties ...": no listener
        return s[: m.start()] + m.group("verb") + " " + s[m.end() :]
    return s


def compress(sentence: str) -> str:
    """The sentence with the venue of its statement dropped, where what is left stands as
    the same claim ("that" goes later: ``drop_said_that``)."""
    s = sentence
    for drop in (
        _drop_lead_venue,
        _drop_said_venue,
        _drop_end_venue,
    ):
        s = drop(s)
    return s
