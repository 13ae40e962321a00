"""A reference page's or a blog's line rather than news: lines the other rules pass.

Read on the 'blind report 3' row of bench/style.py (pagetable.com, kottke.org, Stay SaaSy:
20 of its 25 printed facts were not news), each shape written to be generic and checked on
every tuned row's article sentences and on the labelled news sentences:

- what a thing is, not what happened to it: a subject, "is a/an/the/X's" and a
  description ("The Commodore 1660, also known as the “Modem/300”, is Commodore's first
  full-featured modem: ...", "The Punter file transfer protocol is an alternative to ...",
  "The Siemens PC 100 was a version of ..."), with nothing that makes it news now: no
  release, launch or announcement, no "new", "now", "upcoming", no source, no recent year.
  "Muse Glimmer is a 30B multimodal model released under ..." is news: a release detail;
- the post presenting itself ("Here are some of Falk Rehwagen's thoughts on ...", "Here's
  how the winners were selected.");
- a general remark: one that argues ("..., but this doesn't mean the data isn't
  recoverable") or says what holds for any member of a kind ("The most important teams in
  a B2B software company are engineering and sales.");
- a columnist quoted at length ("Economist Thomas Piketty, writing for Le Monde ...: If
  someone had told ..."): an opinion, not an act;
- a contact line ("Reach out to mist64@mac.com / @pagetable.");
- a scene whose people the line never names ("Training on a crumbling track ..., the boys
  are guided by their devoted coach Senad ...");
- first person in German, as ``screen`` refuses it in English ("In Folge 017 des
  C64-Podcasts Brotkastenfreunde bin ich diesmal Gast.", "... gibt es ... meinen Vortrag");
- boilerplate: a heading glued to its text ("The PC 100 Assembly Manual The Siemens PC 100
  is ...", "NES Connector The NES controller needs ..."), text the feed left out ("... a
  project from ... that seeks to This project revisits ...").

``is_reference_line`` is one more refusal before a sentence is printed
(``voice._printable``); it never makes a refused sentence printable.
"""

from __future__ import annotations

import re

from bot.summarize.offline.patterns import any_of

# A subject of up to sixteen words ("The 1963 book “Robots and Electronic Brains” from the
# “How and Why Wonder Books” series is ..."; an aside in commas allowed: ", also known as
# ...,"), then "is/are" and what it is, or "was a version of" what (a past model described,
# not a past event: "Director Julian Jones was a producer on ..." is someone's credit,
# labelled news).
_DESCRIBED = re.compile(
    r"^(?:[\w“”\"'’./-]+(?:\s|(?=,))){1,16}?(?:,\s[^,]{3,60},\s)?"
    r"(?:(?:is|are)\s(?:basically\s|essentially\s|simply\s)?(?:a|an|the|[A-Z][\w-]*['’]s)\s"
    r"|was\san?\s(?:[\w-]+\s)?"
    + any_of("version variant clone model edition successor predecessor")
    + r"\sof\b)"
)
# What makes a description news now: a release, a launch, something new or coming, a
# source; or an achievement ("is the second model to solve ...", not "Commodore's first
# full modem directly connected to the phone line"). "New" with a capital is a name's word.
_NEWS_NOW = re.compile(
    any_of(r"releas launch announc unveil introduc availab open-sourc debut \brais acquir award")
    + r"|\b"
    + any_of(
        r"bought sign\w* won today yesterday tonight upcoming will said says told according"
        r" reported this_week this_month this_year roll(?:ed|s|ing)?_out"
    )
    + r"\b|(?-i:\b(?:new|newest|newly|latest|now)\b)"
    + r"|\bthe\s(?:world['’]s\s)?(?:first|second|third|only)\s(?:[\w-]+\s){0,3}to\s[a-z]+",
    re.I,
)
NEWS_NOW = _NEWS_NOW  # ``blog`` asks the same of a line that says what a thing can do
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A name's other names in brackets, and a footnote's mark ("The “Bullet Journal” [1] is a
# system for ...").
_BRACKETS = re.compile(r"\s*\([^()]*\)|\s*\[\d{1,3}\]")
# Not news whatever else the line says (module docstring, one shape a line):
_NOT_NEWS = re.compile(
    # the post presenting itself: "Here are some of ...", "Here's how ..."
    r"^Here(?:['’]s|\s(?:is|are))\s"
    # a columnist quoted: "Economist Thomas Piketty, writing for Le Monde ... : If ..."
    r"|,\swriting\s(?:for|in)\s"
    # a contact line: "Reach out to mist64@mac.com", "Email us at ..."
    r"|^" + any_of("Reach_out Get_in_touch Contact_us Email_us Drop_us Let_us_know Send_us") + r"\b"
    # people the line never names, as its subject: "..., the boys are guided by ...", "The
    # women are powerless or peripheral.": who they are was told before
    r"|(?:^|,\s)[Tt]he\s"
    + any_of(
        "boys girls kids children men women brothers sisters couple pair friends teen(?:ager)?s"
    )
    + r"\s(?:are|were|is|was|have|had)\b"
    # first person in German: "bin ich", "meinen Vortrag", "von ... und mir" (lowercase but
    # for "Ich": "Mir" is a name)
    r"|\b(?:[Ii]ch|mein|meine|meinen|meinem|meiner|mir|mich)\b"
    # a heading glued to its text: two to seven capitalised words, then a sentence's opening
    # ("The PC 100 Assembly Manual The Siemens PC 100 ...", "KERNAL Zero Page The C64's ROM")
    r"|^(?:[A-Z0-9][\w.'’-]*\s){2,7}(?:The|A|An|This|In|Our)\s[A-Z\d]"
    # text the feed left out: a word that needs more after it, then a sentence's opening
    # ("... seeks to This project revisits ..."; not "went to The Hague": a name follows)
    r"|\b(?:to|the|of|a|an|and|that|with|for)\s(?:This|These|The|It|We|In)\s[a-z]"
)
# A remark that argues ("this doesn't mean ...") or holds for any member of a kind ("The
# most important teams in a B2B software company are ..."), unless it is someone's account.
_GENERAL = re.compile(
    r"\b(?:doesn['’]t|does\snot|don['’]t|do\snot)\smean\b"
    r"|^The\s(?:most|least|best|worst|biggest|only)\s(?:[\w-]+\s){1,3}(?:in|of|for|at)\s"
    r"(?:a|an|any|every)\s"
)
_ACCOUNT = re.compile(r"\b(?:said|says|told|according)\b")


def _described(s: str, year: int) -> bool:
    """What a thing is, with nothing that makes it news now (module docstring); a name's
    other names in brackets are no part of it ("The Punter file transfer protocol (“New
    Punter”/“Punter C1”) is an alternative to ...": "New" is a name's word there)."""
    s = _BRACKETS.sub("", s)
    if not _DESCRIBED.match(s) or _NEWS_NOW.search(s):
        return False
    return not any(int(y) >= year - 1 for y in _YEAR.findall(s))


def is_reference_line(sentence: str, year: int) -> bool:
    """A reference page's or a blog's line, not news (the shapes in the module docstring);
    ``year`` is the story's, so a description dated this year or last stays."""
    s = " ".join(sentence.split())
    if _described(s, year) or _NOT_NEWS.search(s):
        return True
    return bool(_GENERAL.search(s)) and not _ACCOUNT.search(s)
