"""The facts a take is built from, copied exactly from a story's own sentences.

Who gains, who pays, how much, by when, what changes for the people who use it
(docs/voice.md, "The take"). Every slot is a span of a source sentence: an amount is the
source's own "$350 million", a name is a name the sources use as one. A slot the
sources don't fill stays empty, and the line that needs it is not written.

A name is accepted only when the article text (not just a headline) has it, and its
first word is not a plain word the sources also write in lower case: a headline's
"... Was Built" or a capitalized verb never fills a slot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.summarize.offline.patterns import any_of
from bot.summarize.offline.words import MONTHS

NAME = r"(?:[A-Z][\w.&+-]*[\w&+]|[A-Z])(?:\s(?:[A-Z0-9][\w.&+-]*[\w&+]|[A-Z0-9]))*"
DESCRIPTOR = (
    r"(?:(?:[\w-]+\s){0,4}(?:startup|company|firm|maker|giant|lab|chipmaker|developer"
    r"|provider|platform|unicorn|rival|carmaker|automaker|retailer|bank|fund)\s)?"
)
_VERB = (
    r"(?:has\s|have\s|had\s|is\s|was\s|will\s|says\s|said\s|now\s|also\s|reportedly\s"
    r"|officially\s|quietly\s|finally\s)*[a-z]+(?:ed|es|s)?\b"
)
_SUBJECT = re.compile(rf"^(?:[A-Z][a-z]+,\s)?{DESCRIPTOR}(?P<name>{NAME})(?:['’]s)?\s(?={_VERB})")
MONEY = re.compile(
    r"(?:US)?[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion)|[MBK]\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)\s(?:dollars|euros|pounds|yuan|yen)\b"
)
_RAISED = any_of("raised raises raising closed secured lands landed pulled_in is_raising")
_RAISE = re.compile(
    rf"(?P<who>{NAME})(?:['’]s)?\s(?:has\s|have\s)?{_RAISED}\b[^.;]*?(?P<amount>{MONEY.pattern})"
)
_VALUATION = re.compile(
    rf"(?:at\sa\s(?P<a>{MONEY.pattern})\s(?:post-money\s|pre-money\s)?valuation"
    rf"|valu(?:ed|ing\sit|ation\sof)\s(?:at\s)?(?P<b>{MONEY.pattern}))"
)
_LED_BY = re.compile(rf"\bled\sby\s(?P<lead>{NAME})")
_BUYS = re.compile(
    rf"(?P<buyer>{NAME})(?:['’]s)?\s(?:has\s|will\s|is\s|plans\sto\s|agreed\sto\s|reportedly\s)*"
    rf"(?:acquired|acquires|acquire|bought|buys|buy|to\sacquire|to\sbuy|is\sacquiring|closes"
    rf"\sits(?:\s[\w-]+)?\sacquisition\sof)\s(?:(?:[\w-]+\s){{0,4}}(?:startup|company|firm|maker"
    rf"|developer|provider|platform)\s)?(?P<target>{NAME})"
)
_PART_OF = re.compile(
    rf"(?P<target>{NAME})\s(?:is|has\sbeen)\s(?:now\s)?(?:officially\s)?(?:a\s)?part\sof"
    rf"\s(?P<buyer>{NAME})|(?P<target2>{NAME})\s(?:has\s(?:officially\s)?been|was)\s(?:officially\s)?acquired"
    rf"\sby\s(?P<buyer2>{NAME})"
)
# Only a settlement, fine or penalty proves who pays: "pays drivers $10" is no penalty.
_PENALTY = any_of("settlement fine penalty")
_PAYS = re.compile(
    rf"(?P<who>{NAME})[^.;]{{0,80}}?\b{any_of('settlement fined penalty penalties damages')}"
    rf"[^.;]{{0,40}}?(?P<amount>{MONEY.pattern})|(?P<amount2>{MONEY.pattern})\s{_PENALTY}"
)
# "a $140 million fine against his social media platform, X": the fine names who pays, and
# it need not be the sentence's subject (Musk called for the EU to be abolished over it).
_AGAINST_WORD = re.compile(rf"\b{_PENALTY}\s(?:against|on)\s")
_AGAINST = re.compile(
    _AGAINST_WORD.pattern
    + rf"(?:(?:his|her|its|their|the)\s)?(?:[\w-]+\s){{0,3}}?(?:[\w-]+,\s)?(?P<who>{NAME})"
)
_COUNT = re.compile(
    r"(?:(?:more than|nearly|almost|about|roughly|over|some|at least)\s)?\d[\d,.]*"
    r"(?:\s(?:million|billion|thousand))?\s(?:[a-z-]+\s){0,2}"
    r"(?:jobs|employees|workers|people|users|accounts|records|files|images|customers|roles"
    r"|staff|vehicles|cars|devices|launches|downloads|subscribers)\b"
)
# "up to $65,000 a year": the limit is part of the price
_PRICE = re.compile(
    rf"(?:(?:up\sto|as\smuch\sas|from|about|around|nearly|over|more\sthan)\s)?"
    rf"(?:{MONEY.pattern})\s?(?:a|per|/)\s?(?:month|year|user|seat)\b|\bfree\sof\scharge\b"
)
_WHEN = re.compile(
    r"(?<=\b(?:by|in|on)\s)(?:(?:early|late|mid-?)\s?)?"
    r"(?:(?:" + MONTHS + r")(?:\s\d{1,2})?(?:,?\s20\d\d)?|20\d\d)\b|\bnext\s(?:year|month|week)\b"
)
# A date under "would" is what someone once thought might happen ("predictions that human
# software development would be dead by 2026"), not a date the story's news is due by.
_HYPOTHETICAL = re.compile(r"\bwould\b")
_PLAIN_NAMES = frozenset(
    [
        "AI",
        "The",
        "A",
        "An",
        "This",
        "That",
        "It",
        "In",
        "On",
        "At",
        "For",
        "By",
        "With",
        "From",
        "As",
        "And",
        "But",
        "Or",
        "So",
        "If",
        "Now",
        "New",
        "Last",
        "Next",
        "How",
        "Why",
        "What",
        "When",
        "Where",
        "Who",
        "Which",
        "Here",
        "There",
        "Today",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "US",
        "U.S",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Several",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
        "Each",
        "Every",
        "Another",
        # a pronoun or possessive is never the name a take talks about: a blogger's "I
        # bought GEOS ... in 1990" once printed "GEOS is going to I"
        "I",
        "We",
        "You",
        "He",
        "She",
        "They",
        "My",
        "Our",
        "Your",
        "His",
        "Her",
        "Its",
        "Their",
    ]
)


@dataclass(frozen=True)
class Slots:
    who: str | None = None  # who the story is about: the subject of its news sentence
    other: str | None = None  # the other party: what was bought, who led the round
    amount: str | None = None  # the money, as the source wrote it
    valuation: str | None = None  # what the money says the company is worth
    count: str | None = None  # how many jobs, records, users... with their noun
    price: str | None = None  # what it costs a user
    when: str | None = None  # a date or deadline, as written (without its "by"/"in")
    bought: bool = False  # a purchase sentence named buyer and target
    raised: bool = False  # a raise sentence named who and how much
    paid: bool = False  # a settlement or fine with its amount


class _Names:
    """Which capitalized words the sources use as names."""

    def __init__(self, bodies: Sequence[str]) -> None:
        self.text = " ".join(bodies)
        self.lower = set(re.findall(r"\b[a-z][a-z'-]*\b", self.text))

    def ok(self, name: str | None) -> str | None:
        if not name:
            return None
        name = re.sub(r"['’]s$", "", name.strip(" .,"))
        words = name.split()
        while words and (words[0] in _PLAIN_NAMES or words[0].lower() in self.lower):
            words.pop(0)  # "Now Genesis" -> "Genesis"; "Was Built" -> nothing
        name = " ".join(words)
        if not name or name not in self.text:
            return None
        return name


def _first(pattern: re.Pattern[str], sentences: Sequence[str]) -> re.Match[str] | None:
    for s in sentences:
        m = pattern.search(s)
        if m:
            return m
    return None


def subject_of(sentence: str, names: _Names) -> str | None:
    m = _SUBJECT.match(sentence)
    return names.ok(m.group("name")) if m else None


def _headline_name(headline: str, names: _Names) -> str | None:
    for m in re.finditer(NAME, headline.replace("’s", "").replace("'s", "")):
        name = names.ok(m.group())
        if name:
            return name
    return None


def _payer(
    pay: re.Match[str], names: _Names, head_name: str | None, who: str | None
) -> str | bool | None:
    """Who pays a fine or settlement; False when the fine is against someone unnamed.

    "a $140 million fine against his social media platform, X": X pays, whoever the
    sentence's subject is; "a fine against his company": no one is said to pay.
    """
    if _AGAINST_WORD.search(pay.string):
        against = _AGAINST.search(pay.string)
        payer = names.ok(against.group("who")) if against else None
        return payer or False
    return head_name or (names.ok(pay.group("who")) if pay.group("who") else who)


# "Commodore bought MOS in November 1976": a past purchase its own sentence dates to a year
# is background history, not the story's deal (a history piece once got "Commodore is
# taking over MOS" and a warning about MOS's customers). Only a past verb with the year
# right after the target: "agreed to buy Y, ... expected to close in 2027" is today's deal.
_PAST_BUY = re.compile(r"\b(?:bought|acquired)\b")
_DATED_PAST = re.compile(
    r"\s(?:[^\s,.;]+\s){0,3}?in\s(?:(?:early|late|mid-?)\s?)?(?:[A-Z][a-z]+\s)?(?:19|20)\d\d\b"
)


def _history(buy: re.Match[str]) -> bool:
    return bool(_PAST_BUY.search(buy.group()) and _DATED_PAST.match(buy.string, buy.end()))


def find(facts: Sequence[str], bodies: Sequence[str], headline: str = "") -> Slots:
    """The slots of a story: ``facts`` are its printed fact sentences (best first),
    ``bodies`` its articles' text, ``headline`` the lead article's title. Money, names
    and dates come from the facts first, so the take talks about what the reader was just
    told; a name must be one the article text uses as a name."""
    names = _Names(bodies)
    leads = [s for b in bodies for s in re.split(r"(?<=[.!?])\s+", b)[:6]]
    sentences = [*facts, headline, *leads] if headline else [*facts, *leads]
    head_name = _headline_name(headline, names) if headline else None
    who = next((n for n in (subject_of(s, names) for s in facts) if n), head_name)
    out: dict[str, object] = {"who": who}
    raise_m = _first(_RAISE, sentences)
    if raise_m and names.ok(raise_m.group("who")):
        out.update(who=names.ok(raise_m.group("who")), amount=raise_m.group("amount"), raised=True)
        val = _first(_VALUATION, sentences)
        if val:
            out["valuation"] = val.group("a") or val.group("b")
        lead = _first(_LED_BY, sentences)
        if lead and names.ok(lead.group("lead")):
            out["other"] = names.ok(lead.group("lead"))
    buy = _first(_BUYS, sentences) or _first(_PART_OF, sentences)
    if buy and not _history(buy):
        groups = {k: v for k, v in buy.groupdict().items() if v}
        buyer = names.ok(groups.get("buyer") or groups.get("buyer2"))
        target = names.ok(groups.get("target") or groups.get("target2"))
        if buyer and target and buyer != target:
            out.update(who=buyer, other=target, bought=True)
    pay = _first(_PAYS, sentences)
    if pay and not out.get("amount"):
        payer = _payer(pay, names, head_name, who)
        if payer is not False:
            out.update(amount=pay.group("amount") or pay.group("amount2"), paid=True)
            out["who"] = payer or out.get("who")
    dated = [f for f in facts if not _HYPOTHETICAL.search(f)]
    for key, pattern, among in (
        ("count", _COUNT, facts),
        ("price", _PRICE, facts),
        ("when", _WHEN, dated),
    ):
        m = _first(pattern, among)
        if m:
            out[key] = m.group()
    if not out.get("amount"):
        m = _first(MONEY, facts)
        if m:
            out["amount"] = m.group()
    return Slots(**out)  # type: ignore[arg-type]
