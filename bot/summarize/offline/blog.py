"""A personal or hobby blog's line rather than news: shapes the other rules pass.

Read on the blog rows of bench/style.py ('blind report' 4 to 7: Mikhail Shilkov,
Fallthrough, Always Twisted, Jessica Temporal, KittenLabs, Matt Massicotte,
ThatSoftwareDude.com, Glass Petal Smoke ...), where most printed facts were not news;
each shape recurs across feeds and is refused by its form, not by a feed's words:

- a blurb with no verb: an indefinite noun phrase that never reaches a sentence ("A
  replacement LED backlight for the popular Palm IIIc ...", "A talk given at the 2021
  EuroPython.", "A friendly but frank discussion about ..."), or a noun and a relative
  clause only ("3D-printable adapter, which fits into ...", "A small PCB, which can
  receive ...");
- what a thing can do, not what anyone did: "can" or "should" in the main clause
  ("Azure Functions can be hosted in multiple ways: ...", "Windows can use normal TLS
  certificates to ...", "Speed and software should go hand in hand, ..."), unless
  something makes it news now ("now", "new", a release, a source: "Users can now ...")
  or what it can do names another party ("Open models can be used with OpenAI's Codex CLI
  through Ollama."). Not "could" or "may": a forecast is news ("... could cost up to
  €1.7 trillion");
- a how-to remark whose subject is a gerund ("Using variables in Sass ... makes it
  easier to ...", "Using logical properties when writing CSS allows your code to ...");
- how a thing works, in the present, under "The" and its name ("The NeonMatrix 8x8
  matrix uses common neon indicator bulbs to ...", "The board is based on ...", "The
  Zeigarnik Effect states that ...", "The Oblique Strategies constitute a set of ...");
  someone's use is news ("Clare Bryant uses Co-Scientist to ..."), and so is a line with
  a release, a source or a share;
- a leading phrase and then "it", "they", "he" or "she" ("In part 1 of the paper, they
  revealed ...", "In contrast to commercially available UPSes, it uses ..."): the
  pronoun's name was in a line before (every such line of the labelled sets is
  needs-context or a hook);
- background told as such: "has been around since/for" ("The JavaScript Gamepad API has
  been around since 2012 ..."), a past "... N years ago" aside or clause ("ExtensionKit
  was a pretty significant new feature, introduced three years ago with macOS Ventura."),
  a "Back in ..." opening ("Back in October last year Una wrote a blog post ...");
- a release's own verdict on itself, with nothing to check: a size of change and no
  detail after it ("Pikku 0.10 represents a massive leap in production readiness and
  developer experience.", "This is a huge step for the project.", "... is an exciting
  next step for the API."): what changed, in numbers or names, is the news; how big the
  maker finds it is not. A number after the verdict, a quote or a source keeps the line
  ("OpenAI released ... Sora 2, advertising it as a “big leap forward” ...").

``is_blog_line`` is one more refusal before a sentence is printed (``voice._printable``);
it never makes a refused sentence printable.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import ALL_IRREGULAR_PAST
from bot.summarize.offline.reference import NEWS_NOW

_BRACKETS = re.compile(r"\s*\([^()]*\)")
# The main part of a line: what comes before its first relative or subordinate clause.
_CLAUSE = re.compile(r",?\s(?:which|that|who|whose|where|when|because|if|so|as|whether|what|how)\s")
# A relative clause set off by commas, to the next comma or the end ("A small PCB, which can
# receive ...").
_RELATIVE = re.compile(r",\s(?:which|who)\s[^,]*(?:,|$)")
# A finite verb, strictly: an auxiliary or modal, a common irregular past, a lowercase
# "-ed" word that does not follow a determiner or "most" ("a dedicated", "the most
# overused" are adjectives), or a lowercase "-s" word not after a number ("20+ years") and
# not before "of", "and", "or", a stop, a comma or a bracket ("handheld computers of the
# early 00s" is a noun).
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|shall"
    r"|should|may|might|must|[a-z]+n['’]t)\b"
    r"|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bmost\s)\b[a-z]{3,}ed\b"
    r"|(?<![\d+]\s)\b[a-z]{2,}[^su'’\s]s\b(?!\s(?:of|and|or)\b|[,.;:)]|$)"
    r"|\b(?:" + "|".join(sorted(ALL_IRREGULAR_PAST)) + r")\b"
)
# A blurb: "A/An" and a noun phrase; or a bare noun and ", which ...".
_INDEFINITE = re.compile(r"^An?\s(?!(?:few|lot|number|couple)\b)[\w\d]")
_NOUN_WHICH = re.compile(r"^[a-z0-9][\w-]*(?:\s[a-z][\w-]*){0,3},\swhich\s")
_MODAL = re.compile(r"\b(?:can|cannot|can['’]t|should)\s(?:not\s|also\s|easily\s)?[a-z]+\b")
# A name in what the thing can do ("Open models can be used with OpenAI's Codex CLI through
# Ollama.", "... citizens can enter China ..."): a relation between parties, told as news.
# Capitalised words in mixed case only: "TLS", "RDP", "USB-C" name no party.
_PARTY = re.compile(r"\b[A-Z][a-z]+")
# ...but a language or a tool named before what is written in it is no party: "QSoas can
# read and execute Ruby code directly, ..." (blind report 17).
_LANGUAGE_USE = re.compile(
    r"\b[A-Z][\w+#.-]*\s(?=(?:code|files?|scripts?|programs?|syntax|functions?|commands?"
    r"|librar(?:y|ies)|modules?|packages?)\b)"
)
_ACCOUNT = re.compile(
    r"\b(?:said|says|saying|told|telling|according|reports?|reported|argues|argued)\b"
)
# "Using variables in Sass ... makes it easier": a gerund and no comma before its verb.
_GERUND_SUBJECT = re.compile(
    r"^(?!(?:During|According|Including|Following|Regarding|Beginning|Starting)\b)"
    r"[A-Z][a-z]+ing\s(?:(?!\sthat\s)[^,]){3,80}?\s(?:makes?|allows?|lets|helps?|gives|means|is|are|can)\b"
)
# How a thing works, told in the present: "The" and its name, then a verb of what it is
# made of or does ("The NeonMatrix 8x8 matrix uses common neon indicator bulbs to ...", "The
# board is based on ...", "The Zeigarnik Effect states that ...", "The Oblique Strategies
# constitute a set of ..."; "utilizes" prints as "uses"). Someone's use is news ("Clare Bryant uses Co-Scientist to
# ..."): only a definite thing's, with no release, source or share in it.
_WORKS = re.compile(
    r"^The\s(?:[^\s,]+\s){1,7}?(?:uses|utili[sz]es|accepts|(?:is|are)\sbased\son|constitutes?"
    r"|consists?\sof|states\sthat)\s"
)
# A leading phrase, then a pronoun whose antecedent is in a line before ("In part 1 of the
# paper, they revealed ...", "In contrast to commercially available UPSes, it uses ...").
_PRONOUN_AFTER_PHRASE = re.compile(r"^[A-Z][^,]{0,70},\s(?:it|they|he|she)\s[a-z]")
_BACKGROUND = re.compile(
    r"\bha(?:s|ve)\sbeen\saround\b"
    r"|,\s(?:first\s)?(?:introduced|released|launched|created|founded|built|written)\s"
    r"(?:\w+\s)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several)\syears\sago\b"
    r"|^Back\sin\s"
)

# A size of change as the claim: "represents a massive leap", "is a huge step".
_VERDICT = re.compile(
    r"\b(?:represents?|marks?|is|was|are)\s(?:a|an)\s(?:[\w-]+\s){0,2}?(?:leap|step(?:\schange)?"
    r"|milestone|breakthrough|game[-\s]changer|turning\spoint|evolution|revolution)\b(?!-)"
)


def _verdict(s: str) -> bool:
    """The maker's verdict on its own change, with no number, quote or source after it."""
    found = _VERDICT.search(s)
    if not found or _ACCOUNT.search(s):
        return False
    return not re.search(r"\d|[\"“”]", s[found.start() :])


def _verbless(s: str) -> bool:
    """An indefinite noun phrase, or a noun and a relative clause, with no verb of its own."""
    if not (_INDEFINITE.match(s) or _NOUN_WHICH.match(s)):
        return False
    return not _FINITE.search(_RELATIVE.sub(" ", s))


def _capability(s: str) -> bool:
    """A modal in the main clause, with nothing that makes the line news now before a colon
    or a ", but" (after them comes a list or another clause: "Azure Functions can be hosted
    in multiple ways: ..., a new Premium plan ...", "... should go hand in hand, but ...
    new techniques ..."), nor a party in what the thing can do."""
    main = _CLAUSE.split(s, maxsplit=1)[0]
    modal = _MODAL.search(main)
    if not modal or _ACCOUNT.search(s):
        return False
    head = re.split(r":\s|,\sbut\s", s, maxsplit=1)[0]
    rest = re.split(r"[,:;]\s", s[modal.end() :], maxsplit=1)[0]
    return not NEWS_NOW.search(head) and not _PARTY.search(_LANGUAGE_USE.sub(" ", rest))


def is_blog_line(sentence: str) -> bool:
    """A blog's line, not news (the shapes in the module docstring), judged without its
    asides in brackets, as it is printed ("A replacement LED backlight for the popular Palm
    IIIc handheld computers (“PDAs”) of the early 00s.")."""
    s = _BRACKETS.sub("", " ".join(sentence.split()))
    if _verbless(s) or _capability(s) or _PRONOUN_AFTER_PHRASE.match(s):
        return True
    if _GERUND_SUBJECT.match(s) and not _ACCOUNT.search(s):
        return True
    if _WORKS.match(s) and not (NEWS_NOW.search(s) or _ACCOUNT.search(s) or "%" in s):
        return True
    if _verdict(s):
        return True
    return bool(_BACKGROUND.search(s)) and not _ACCOUNT.search(s)
