"""Which source sentences can be printed as a fact: news, not hooks, furniture or fragments.

A fact sentence in the digest says who did what, on its own (docs/voice.md, "The facts").
Four kinds, decided by rules on the sentence as written:

- ``boilerplate``: page and newsletter furniture ("Thanks for reading", "Read the full
  story", image credits, podcast blurbs, promos, a heading glued to its first line, a
  bare repeat of the title) and truncated sentences ("…", "[…]", no sentence end);
- ``hook``: what an article opens with instead of the news: a question, a greeting, a
  first-person scene or the company's own "we", talking to the reader ("you", "Learn
  how"), a quote, a line with no name, number or date in it;
- ``needs-context``: a sentence that leans on the one before it ("It", "But", "That",
  "The company" after the first sentence, "Such requests");
- ``news``: the rest.

The rules were written on the ``tune`` half of tests/data/writer/sentences.jsonl and are
measured on its ``report`` half (bench/sentences.py prints both).
"""

from __future__ import annotations

import re

from bot.summarize.offline.extractive import is_boilerplate
from bot.summarize.offline.patterns import TIME_OF_DAY, any_of
from bot.summarize.offline.slots import DESCRIPTOR as _DESCRIPTOR
from bot.summarize.offline.slots import NAME as _NAME
from bot.summarize.offline.words import MONTHS, terms

NEWS = "news"
HOOK = "hook"
BOILERPLATE = "boilerplate"
NEEDS_CONTEXT = "needs-context"
KINDS = (NEWS, HOOK, BOILERPLATE, NEEDS_CONTEXT)

_FURNITURE = re.compile(
    r"""in\sthis\snewsletter|thanks\sfor\sreading|subscribe\b|subscribers|opt\sin\sfor
    |read\sthe\sfull\sstory|read\sfull\sarticle|image\scredit|\|\s*(?:image|screenshot|photo)\s*:
    |^(?:image|screenshot|photo)\s*:|welcome\s(?:back\s)?to\b|^[A-Z][A-Za-z]{0,3}:\s|this\sis\sthe\s\w+\s*,\sa\s(?:weekly|daily)
    |\bnewsletter\b.*\b(?:breaking\sdown|arrives)
    |on\s(?:this|the\slatest|today['’]s|tonight['’]s|(?:this|last)\sweek['’]s)\s(?:episode|edition)
    |\bepisode\sof\b|\bpodcast\b.*\b(?:we|host)\b|^volunteer\b|last\schance|save\sup\sto
    |\bhandpicked\b|^link\s\d{4}-|\d+\slinks?\sand\s\d+\squotations?|^for\smore\son\b
    |^more\s(?:on|from)\b|^here\sare\b.*\b(?:updates|links)\b
    |^generated\sby\b|^the\sbrief\s[A-Z]?\w+\s\d|podcast\sid\b|subscribing\b|^in\semergencies\b
    |support\s(?:this|our)\s(?:work|journalism)|^what\sto\sknow\b|^who\sto\sknow\b
    |^(?:\S+\s){0,4}\S+[—–]\s[A-Z]|what['’]s\schanged|full\schangelog|\bchangelog\b|@[\w-]+\sin\s\#\d
    |\boriginally\s(?:posted|published|appeared)\s(?:at|on|in)\b|\bweek['’]s\sessential\sreads\b
    |\bin\scase\syou\smissed\sit\b|your\sbrowser\sdoes(?:\snot|n['’]t)\ssupport|\bthis\s(?:blog\s)?(?:post|article)\s(?:is|was)\s(?:old|outdated)
    |\bappeared\sfirst\son\b  # WordPress's feed footer, wherever it is, titled or not
    """,
    re.I | re.X,
)
# "Title of the post - 2024-12-11 First line...": a heading glued to the text under it; and
# a series' table of contents glued to its first line ("Overview Part 1: MOS
# Cross-Assembler ← this article Part 2: ... History MOS Technology, Inc. released...").
_GLUED_HEADING = re.compile(
    r"\s[-–—]\s\d{4}-\d{2}-\d{2}\s|(?:\bPart\s\d+\s?:[^.!?]*){3}"
    r"|[←→]\s?this\s(?:article|post)\b|\bthis\s(?:article|post)\s?[←→]"
    # a periodical's volume and dates before the text: "G.K.’s Weekly, Volume 15 March 12,
    # 1932 – September 3, 1932 Normal people ..." (blind report 4)
    r"|\bVol(?:ume|\.)\s\d+\s(?:" + MONTHS + r")\s\d"
    # a listing page's category, date and title glued into one line: "InterpretabilityJul 6,
    # 2026A global workspace in language modelsNew interpretability research ..."
    r"|[a-z](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2},\s\d{4}[A-Z]"
)
_TRUNCATED = re.compile(
    r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*\S{0,40}$|\[\s*(?:…|\.\.\.)\s*\]|(?<![.A-Z])\.\.$|^\W*$"
)
# ...and notes written as assignments: "Goal is for lid close = suspend, keybinding =
# hibernate." (blind report 14)
_CODE = re.compile(r"[{}<>]|\(\(|\\/|=\s*\w+\(|^\s*[*:|#]|\s=\s")
_END = re.compile(r"[.!?][\"”’')]*$")

_FIRST_PERSON = re.compile(
    r"^(?:I|I'm|I’m|I've|I’ve|I'd|I’d|We|We're|We’re|We've|We’ve|We'll|We’ll|My|Our|Us|Let's|Let’s)\b"
    r"|\b(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|I'd|I’d|me|my|myself|we|we're|we’re|we've|we’ve"
    r"|we'll|we’ll|we'd|we’d|our|ourselves|us)\b(?![-'’])"
    # a blogger's lowercase "i" ("Today, i uploaded GnuPG 2.1.0 ..."), not "(i)" or "i.e."
    r"|(?<![\w(/.'’-])i(?:['’](?:m|ve|d|ll))?\s(?=[a-z])",
)
# "A friend of mine asked ...", "..., you need to know how to track spend ...", "... using
# your favorite programming language.": the writer or the reader, wherever in the line
_WRITER_OR_READER = re.compile(
    r"\bof\smine\b|\byou\s(?:need|have|should|must|ought)\sto\b|\byour\sfavou?rite\b", re.I
)
# (no "\b" after "you" on purpose: "Youth..." and "Yours..." open a general line too)
_READER_OPENINGS = r"""
    you your if_you here['’]?s_(?:how|what) here_is learn\b explore\b discover\b meet\b
    find_out get\b check_out pause\b imagine\b sign_me introducing\b a_guide\b
    a_collection\b researching\b securing\b move_beyond chances_are remember\b \( here['’]s\b
    listen\b watch\b read\b join\b tune_in\b sign_up\b
"""
_READER = re.compile("^" + any_of(_READER_OPENINGS), re.I)
_QUOTE_START = re.compile(r"^[\"“‘']")
# "AI is expensive, Ali Ghodsi tells TechCrunch.": a short quote put in the outlet's words
_TOLD = re.compile(r"^[^,]{3,60},\s(?:[A-Z][\w.'-]*\s){1,4}(?:tells|told|says|said)\s\S+\.$")
_EXCLAIM = re.compile(r"!\s*$")
# ...except a company blog's release line, which its writers end with one: "Kagi Translate
# is now available as an app for Android and iOS!" (the rest of the rules still apply; a
# "We're excited to announce that..." stays a first-person line).
RELEASE_EXCLAIM = re.compile(
    r"\b(?:is|are)\snow\s(?:available|open|out|live|shipping)\b[^!?]*!\s*$"
)
# "If tech talent can't come...", "The Super Bowl wasn't the only...": an essay's opening
# ...or a comparison set first: "Even more difficult than opening a classical Catholic
# school ... is opening a Chesterton Academy, ..." (blind report 4)
_ESSAY = re.compile(
    r"^if\s|\b(?:is|was|are|were)(?:n['’]t|\snot)\sthe\sonly\b|^(?:even\s)?(?:more|less)\s[a-z]+\sthan\b",
    re.I,
)
# A writer's pause in the middle of a line, then the turn: "... less competitive… but
# apparently not sufficiently ..." (blind report 5). News writing keeps an ellipsis for a
# cut quote.
_PAUSE = re.compile(r"(?:…|\.\.\.)\s(?:but|and|or|so|yet)\b")
# A feature's scene: "One chilly day in November 2025, ...", "In the early hours of
# Saturday, a man living outside Caracas heard explosions."
_SCENE = re.compile(
    rf"^(?:in\sthe\searly\s|(?:one|on\sa)\s\w+\s{TIME_OF_DAY}\b)"
    r"|\ba\s" + any_of("man woman boy girl teenager mother father") + r"\b|\bbest\sknown\b"
    # "Pitching her AI-powered insurance-claims product to venture capitalists, Sri
    # Ramaswamy expected ...": a person caught doing something, a feature's way in
    r"|^[a-z]+ing\s(?:her|his|their)\s"
    # "..., the world is once again waiting nervously": a remark on everyone, no one's act
    # (the main clause's subject: "Nvidia said the world is buying its chips" is news)
    r"|(?:^|,\s)the\sworld\s(?:is|was|remains)\s(?:once\sagain\s|still\s)?[a-z]+ing\b"
    # "Karin and Laura Kildow ... held hands before their older sibling entered the starting
    # gate": a gesture is a scene ("cried foul", "laughed off" are acts of their own)
    r"|\b(?:held\shands|hugged|wept|cried(?!\sfoul)|smiled|laughed(?!\soff)|stared|gazed"
    r"|grinned|sobbed|shrugged|nodded)\b"
    # "... Trump was met with questions as to what his next steps might be": the set-up
    # of a piece that asks, not an answer
    r"|\bquestions?\s(?:as\sto|about|over)\s(?:what|whether|how|why)\b",
    re.I,
)
# "The BBC visited the skating rink in Virginia where ...": the outlet's own reporting trip,
# told as the story's opening (world tune row); "DW followed the official opening ...
# live" is labelled furniture. "404 Media obtained" or "Reuters reported" is no trip.
_REPORTAGE = re.compile(
    r"^(?:The\s)?(?:BBC|CNN|NPR|Reuters|TIME|Guardian|New\sYork\sTimes|Washington\sPost"
    r"|Wall\sStreet\sJournal|Bloomberg|Verge|CBS|NBC|ABC|AP|Associated\sPress|Al\sJazeera"
    r"|NDTV|DW)(?:\sNews)?\s(?:visited|went\sto|travell?ed\sto|sat\sdown\swith|followed"
    r"|joined|spent)\b"
)
# "Tarique Rahman had spent 17 years in exile before returning ...": a name and a past
# perfect open a profile's background, told before its news (world tune row; two such
# lines in tests/data/writer/positions.jsonl are hooks too)
_BACKSTORY = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s){1,4}had\s(?:\w+ly\s)?(?:been|spent|[a-z]+ed|[a-z]+en|built|made|won"
    r"|lost|left|kept|held|led)\b"
)
# "she listed a 2002 birthday": a person the sentence never names, unless quoted as a source
_PERSON = re.compile(r"\b(?:he|she)\b")
_SAID = re.compile(r"\b(?:says?|said|told|tells|according|announced|argues|argued|writes|wrote)\b")
_BACK = re.compile(
    r"""^(?:it|it['’]s|its|he|she|his|her|they|they['’](?:re|ve)|them|this(?!\s(?:week|year|month|summer|spring|fall|winter))
    |that|these|those|there['’]s|there\s(?:are|is|was|were)
    |such|both|but|and|or|so|yet|still|however|also|instead|meanwhile|now(?=,)|then|after\sthat
    |overall|as\sa\sresult|even\sso|in\saddition|at\sleast|at\sthe\ssame\stime|that['’]s
    |the\s(?:[a-z-]+,?\s){0,2}?(?:trouble|problem|idea|point|catch|move|news|deal|company|startup|firm|agency
    |plugin|feature|tool|app|funds|money|investment|round|ruling|decision|change|report|study
    |website|site|service|program|programme|system|chatbot|initiative|effort|possibility
    |announcement|rise|drop|job|agent|blob|device|devices|model(?!\smaker)|models|business|project|series
    |rocket|woman|man|convention|result|results|same|latter|former|other|post|authors|new\s\w+
    |crew|talks(?!\s(?:between|with|on|over|in)\b))(?!,\s[A-Z])
    (?!\s(?:that|which|who|behind)\b)
    |another|one\sof|with\sthat|not\s\w+|nothing|no\s(?:money|one|word)
    |one(?=\s[a-z]+s\b)|a\s(?:second|third|fourth|fifth)|(?:\S+\s){1,2}(?:it|it['’]s|they|he|she))\b""",
    re.I | re.X,
)
# "The government is now planning to introduce new rules...": a state body is a named
# actor in a news story, though no capital letter says so.
_INSTITUTION = re.compile(
    r"^The\s(?:[a-z]+\s)?(?:government|police|military|army|parliament|cabinet|ministry|courts?"
    r"|authorities|prosecutors|central\sbank)\s(?:is|are|was|were|has|have|had|will|would"
    r"|[a-z]+ed)\b"
)
# A new study's or report's finding, said as such: "..., according to a new study that
# links ...", "A new study finds leading AI labs have few ...", "..., a new report finds".
# What it found is the news though the line names no one: the finding is attributed, and
# "new" dates it (a labelled news line of tests/data/writer and two DW decks read on the
# world report row printed nothing: no name, number or date).
_NEW_FINDING = re.compile(
    r"\baccording\sto\sa\snew\s(?:study|report|survey|analysis|poll)\b"
    r"|\b[Aa]\snew\s(?:study|report|survey|analysis|poll)\s(?:\w+\s){0,4}?"
    r"(?:finds|found|shows|showed|suggests|says|warns|estimates)\b"
)
_WORDS = re.compile(r"[\w'’$%.-]+")
_NUMBER = re.compile(r"\d")
# Capitalized words that name nothing: sentence starters, days, months, labels.
_PLAIN_CAPS = frozenset(
    re.findall(
        r"\S+",
        """
    A An The This That These Those It Its In On At For To Of By With From As And But Or So
    If When While After Before Since Last Next New Today Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Most Some Many More Every Each All Any Here There What Why How
    Who Which AI LLM LLMs GPU GPUs CEO CEOs API APIs
    """,
    )
)
MIN_WORDS = 6
# Words that follow a subject (also used by ``plain`` to tell a clause from a fragment).
AUX = frozenset(
    re.findall(
        r"\S+",
        """
    is are was were has have had will would can could may might must should does do did
    said says told plans wants expects hopes also
    """,
    )
)
VERBISH = re.compile(r"^[a-z]+(?:ed|[^su]s)$")
_ADJECTIVE_FIRST = re.compile(r"^[A-Z][a-z]+(?:ic|ical|ous|ful|less|ible|able)$")
_COMMON_FIRST = re.compile(r"^[A-Z][a-z]+(?:ing|ed|ly|[^s']s)$")
# "..., too." and "such robots" point back at something said before.
_ALSO = re.compile(
    # "...suspending its service to the island as a result.", "Most will be competing...":
    # a result of, or a part of, something said before
    r"\bas\sa\sresult\b(?!\sof)|^(?:Most|Many|Some|Several|Few|All|Both|Others)\s(?:will|are|were|have|had"
    r"|would|can|could|say|said)\b"
    r"|\btoo\b(?=[,.])|\bsuch\s(?!as\b)[a-z]+|\b(?:a\snew|the\sold|this|that)\sone\b"
    # "... to join that list", "at that point": "that" after a preposition (or "join") is a
    # determiner, and its noun is one the reader was told of before (world tune row)
    r"|\b(?:join|joined|joins|joining|to|of|on|in|from|with|at|into|by|for)\s(?:that|those)\s"
    # ("those who ..." is told right after it)
    r"(?!week|year|month|time|day|morning|night|evening|weekend|same|who\b|whose\b)[a-z]+\b"
    # "To solve this problem, ...": a demonstrative early on points back
    r"|^(?:\S+\s){0,7}?(?:this|these|those)\s(?!week|weekend|year|month|morning|afternoon"
    r"|evening|summer|spring|fall|autumn|winter|quarter|time)[a-z]"
)


def _has_name(words: list[str]) -> bool:
    """A capitalized word that is not a plain sentence starter: a company, person or place.

    The first word is capitalized anyway; it counts as a name only when what follows
    reads like its verb or its possession ("Logitech is facing", "Tesla's roof"), not when
    it is an adjective or a plain noun ("Rare books are", "Messy data").
    """
    for i, w in enumerate(words):
        w = w.strip("\"“”‘’'(),.:;")
        if not w or not w[0].isupper() or w in _PLAIN_CAPS:
            continue
        if i == 0 and not _first_is_name(w, words):
            continue
        return True
    return False


def _first_is_name(w: str, words: list[str]) -> bool:
    if _COMMON_FIRST.search(w):
        return False  # "Turning off...", "Investors want...": a plain word, capitalized
    if _ADJECTIVE_FIRST.match(w) and len(words) > 2 and words[2] == "of":
        return False  # "Elastic textures of apricot ...": an adjective and its noun
    if re.search(r"[A-Z0-9].*[A-Z0-9]|['’]s$|\d", w[1:] + w[-2:]):
        return True  # "OpenAI", "GPT-5", "Tesla's"
    nxt = [x.strip(",").lower() for x in words[1:3]]
    if not nxt:
        return False
    if nxt[0] in AUX or words[1][:1].isupper():
        return True
    if nxt[0] == "now" and len(nxt) > 1 and (nxt[1] in AUX or VERBISH.match(nxt[1])):
        return True  # "Ollama now supports ...": "now" stands between a name and its verb
    return bool(VERBISH.match(nxt[0])) and (len(nxt) < 2 or nxt[1] not in AUX)


def kind(sentence: str) -> str:
    """The kind of ``sentence``, judged on the sentence as written."""
    s = " ".join(sentence.split())
    words = _WORDS.findall(s)
    if (
        (is_boilerplate(s) and not _titleless_news(s, words))
        or _FURNITURE.search(s)
        or _GLUED_HEADING.search(s)
        or _TRUNCATED.search(s)
        or _CODE.search(s)
        or _is_heading(words)
    ):
        return BOILERPLATE
    if (
        s.endswith("?")
        or ("?" in s[:-1] and len(words) < 25)
        or _FIRST_PERSON.search(_outside_quotes(s))
        or _WRITER_OR_READER.search(_outside_quotes(s))
        or _READER.match(s)
        or _QUOTE_START.match(s)
        or _TOLD.match(s)
        or (_EXCLAIM.search(s) and not RELEASE_EXCLAIM.search(s))
        or _ESSAY.search(s)
        or _PAUSE.search(_outside_quotes(s))
        or _SCENE.search(s)
        or _BACKSTORY.match(s)
        or _REPORTAGE.match(s)
        or _mostly_quote(s)
        or len(words) < MIN_WORDS
    ):
        return HOOK
    if _BACK.match(s) or _ALSO.search(s):
        return NEEDS_CONTEXT
    if _PERSON.search(_outside_quotes(s)) and not _SAID.search(s):
        return NEEDS_CONTEXT
    if not (
        _has_name(words) or _NUMBER.search(s) or _INSTITUTION.match(s) or _NEW_FINDING.search(s)
    ):
        return HOOK  # no name, number or date: a general line, not the news
    return NEWS


_SMALL_WORDS = frozenset(
    re.findall(
        r"\S+", "a an the of and or to for in on at by with from as vs. vs is are was be its &"
    )
)


def _is_heading(words: list[str]) -> bool:
    """A heading or a byline with a title, not a sentence: Title Case all through
    ("Ben Thompson SaaSmageddon and Super Bowl Ads.")."""
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    caps = sum(1 for w in big if w[:1].isupper() or w[:1].isdigit())
    return len(big) >= 3 and caps >= 0.8 * len(big)


def _titleless_news(s: str, words: list[str]) -> bool:
    """A feed's one-line summary without a full stop ("Google commits $40M in credits")."""
    if _END.search(s) or len(words) < 7:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower >= 0.4 * (len(words) - 1)


def _mostly_quote(s: str) -> bool:
    """'Musk said, “No, we’re going straight to Mars. The Moon is a distraction.”': a quote
    carried by its speaker's name is still a quote, not the news."""
    quoted = sum(len(q.split()) for q in re.findall(r"[\"“]([^\"”]*)[\"”]", s))
    return quoted >= 0.5 * len(s.split())


def _outside_quotes(s: str) -> str:
    return re.sub(r"[\"“][^\"”]*[\"”]", " ", s)


def is_new_finding(sentence: str) -> bool:
    """A new study's or report's finding, said as such (``_NEW_FINDING``)."""
    return bool(_NEW_FINDING.search(sentence))


def is_news(sentence: str) -> bool:
    return kind(sentence) == NEWS


# A day, month, year or number: what pins a fact to the world.
_DATE_WORD = re.compile(
    r"\d|\b(?:today|yesterday|tonight|week|weekend|month|year|(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri"
    r"|[Ss]atur|[Ss]un)day|" + MONTHS + r")\b"
)
# What a company, court or government does that makes news.
_NEWS_VERB = re.compile(
    r"\b(?:announc|launch|releas|rais|acquir|bought|buy|sued?|sues|su(?:ing)|fil(?:ed|es|ing)"
    r"|sign|order|open|fin(?:ed|es)|ban|approv|agree|unveil|introduc|accus|publish|report"
    r"|said|says|told|plans?\b|will\b|recall|cut|laid|lay|hir|fir(?:ed|es)|shut|clos|invest"
    r"|call(?:ed|s)\sfor|charg|arrest|rul(?:ed|es)|vot|pass|block|warn|expand|partner|debut"
    r"|reach|settl|drop|dropp|won|win|fundrais|according|admit|ask(?:ed|s)|dismiss|redact"
    r"|mov(?:ed|es)|uses\b|tripl|doubl|head(?:ed|s)\sto|lost|los(?:es|ing)|start|end(?:ed|s)|complet|ship"
    r"|lawsuit|recall|investigat|probe|deal|funding|valuation|layoffs|merger|acquisition|law\b|bill\b"
    r"|target|offer|integrat|hack|breach|leak|reveal|confirm|deploy|roll(?:ed|s|ing)?\sout|updat"
    r"|remov|allow|requir|revenue|profit|loss|new\s(?:model|feature|product|tool|app|service|policy)"
    r"|(?:is|are)\snow\s(?:available|open|out|live|shipping)"
    r"|threaten|appeal(?:ed|s)|pledg|kill|die[sd]\b|attack|elect"
    r"|resign|impeach|oust|sentenc|convict)",
    re.I,
)


def is_concrete(sentence: str) -> bool:
    """Does the sentence pin its claim down: a date or number, or a news action
    ("announced", "sued", "called for")? A feature's scene ("Zuckerberg had a question
    for his companion.") has neither."""
    return bool(_DATE_WORD.search(sentence) or _NEWS_VERB.search(sentence))


def is_furniture(sentence: str) -> bool:
    return kind(sentence) == BOILERPLATE


# "Who did what" as a sentence's shape: an actor named first (after at most a short time
# phrase, "On Monday," or a descriptor, "AI coding startup"), then its verb.
_WHEN_FIRST = r"(?:(?:on|this|last|earlier|late|early)\s(?:\w+\s?){1,2},\s|(?:today|yesterday),\s)?"
_ACTOR_VERB = (
    r"(?:has|have|had|is|are|was|were|will|would|can|could|says|said|plans|wants|also|now"
    r"|just|reportedly|officially|quietly|finally|recently|still|won['’]t|doesn['’]t|didn['’]t"
    r"|isn['’]t|announced|launched|released)\b|[a-z]+(?:ed|s)\b"
)
_ACTOR = re.compile(
    rf"^{_WHEN_FIRST}(?:the\s)?{_DESCRIPTOR}{_NAME}(?:['’]s(?:\s[\w-]+){{0,3}})?"
    rf"(?:,[^,]{{3,60}},)?\s(?:{_ACTOR_VERB})"
)
_LOWER_FIRST = re.compile(r"^(?:On|This|Last|Earlier|Late|Early|Today|Yesterday|The)\b")


def leads_with_actor(sentence: str) -> bool:
    """Does the sentence open with who did it ("Groq raised...", "On Monday, Discord
    announced...")? Used to prefer such sentences, not to reject the others."""
    s = sentence.strip()
    if _LOWER_FIRST.match(s):
        s = s[0].lower() + s[1:]
    return bool(_ACTOR.match(s))


# "In 1940, Germany circumvented...", "On Feb.1, 1979, Ayatollah Khomeini arrived...",
# "For two years in the late 1990s, the soldier patrolled...": a feature's history, told
# before its news. Judged on the opening phrase only ("replaces a 2013 policy" is news).
_OPENING_YEAR = re.compile(
    r"^(?:(?:In|On|By|Since|For|Back|During|Until|Founded|Born|Between|Before|After)\b[^,]{0,50}?"
    r"|(?:" + MONTHS + r")\s\d{1,2})(?:,\s)?\b(1[5-9]\d\d|20\d\d)s?\b"
)


def opens_in_the_past(sentence: str, year: int) -> bool:
    """Does the sentence open on a year at least two before ``year`` (the article's)?"""
    m = _OPENING_YEAR.match(sentence.strip())
    return m is not None and int(m.group(1)) <= year - 2


# "Jackson was an eloquent Baptist minister raised in South Carolina...": who someone or
# something is, not what happened; an obituary or profile's background line.
_BACKGROUND = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s){1,4}(?:was|is|had\sbeen|has\slong\sbeen)\s"
    r"(?:a|an|one\sof|long|known|born|raised|widely|once)\b"
    r"|^(?:Born|Raised)\s(?:in|on)\b"
)
# What happened: an event a story is written about.
_EVENT_VERB = re.compile(
    r"\b(?:die[sd]?|dying|killed|kill(?:s|ing)|attack|struck|strikes?|elected|resign|impeach"
    r"|oust|sentenc|convict|arrest|charg|sued?|sues|announc|launch|releas|approv|agree|sign"
    r"|vot(?:ed|es)|won|wins|lost|pledg|threaten|met|meets|order|ban|fir(?:ed|es)|cut"
    r"|raised?|acquir|bought|unveil|rul(?:ed|es))",
    re.I,
)


def is_background(sentence: str) -> bool:
    """Does the sentence say who someone is rather than what happened?"""
    return bool(_BACKGROUND.match(sentence.strip()))


def is_event(sentence: str, headline: str) -> bool:
    """A named subject and an event verb, agreeing with the headline (two content words in
    common): the sentence that says what happened."""
    if is_background(sentence) or not _EVENT_VERB.search(sentence):
        return False
    if not _has_name(_WORDS.findall(sentence)):
        return False
    shared = set(terms(sentence)) & set(terms(headline))
    return len(shared) >= 2
