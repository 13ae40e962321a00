"""A feed's blurb rather than its news: lines the rules in ``screen`` and ``lede`` pass.

Scraper-built feeds of company sites carry one or two lines under each headline, written
to sell or to tease, not to tell. Read on the 'unseen report' row of bench/style.py (The
Batch, Meta AI, xAI, Cohere, the AI Security Institute: 22 of its 32 printed facts were
not news), each shape is written to be generic and checked on every tuned row:

- a fragment whose subject the feed cut off ("is now available to all users on
  grok.com..."): it starts with a lowercase word that is no name ("xAI", "iPhone");
- an order to the reader ("Use your SuperGrok or X Premium subscription inside OpenCode.")
  or a line talking to the reader ("...bring the apps you use every day directly into
  Grok."), unless it opens on the headline's own subject ("Google will now allow you
  to..." under "Google will now allow users to...");
- a phrase with no main clause: a leading "-ing" or "With ..." phrase that never reaches
  a verb ("Advancing methodologies for agentic evaluations across domains, including
  ...", "With the massive number of dollars going into AI infrastructure ..."), or a noun
  phrase and nothing else ("Current methods and open problems in open-weight model risk
  management.") that does not open on the headline's subject; a name, an "-s" word and
  "with", "from", "across" or "on" is a name and its verb ("Ollama partners with Meta to
  bring ...", two news lines of the 'blind report 2' row this shape refused at first);
- the piece described instead of the news ("An overview of the research...", "A deep
  dive into AISI's study of...", "Adam Beaumont, Director of ..., reflects on the year's
  biggest achievements.", and from the 'blind report 2' row: "An inside look at how OpenAI
  scaled ...", a post's title as its line "How OpenAI built ...", a teaser "See how ...");
- a product's own description: what it lets its users do ("North enables enterprises ...
  to deploy AI agents ...", "Fresh funding enables Cohere to accelerate ..."), with no
  number, date or attribution that ties it to an event, or its maker's praise said by no
  one ("...universal vision backbones that achieve absolute state-of-the-art
  performance", "...has been instrumental in enabling on-device AI...");
- a line leaning on one the feed left out ("Created by Ugandan engineers, it builds on
  Aya ...");
- any line under a newsletter issue's headline, which lists its stories ("Trump Resets AI
  Policy, Qwen3's Agentic Advance, U.S. Chips for China, ..."): the issue opens on its
  editor's letter, which is about none of them. Four items at least: a three-item list
  is also how an analyst titles one post on one company ("Google Earnings, Google Cloud
  Crushes, Search Advertising and LLMs", whose first line is news).

Two shapes of a remark rather than news come from the other tuned rows' printed facts (a
MySQL blog on the 'new report' row), generic too:

- a line opening on a speaker's aside ("Basically, the new default behavior in MySQL 9
  is...", "In fact, ...", "Of course ..."): it sums up or answers what came before;
- what is usually so ("Modern laptops and servers usually have fast local SSDs...",
  "Major construction projects are rarely finished on time..."): a general line, unless a
  number or an attribution pins it.

Three more from the 'blind report 2' row's printed facts (tuned on once read):

- an order with no "your" ("Setup OpenClaw in under two minutes ...", "Recreate one of
  the most popular LangChain use-cases ..."): a listed order verb first, no verb of its own;
- a maker's comparison said by no one ("Compared to its predecessor, X is significantly
  more capable ...");
- a definition instead of news ("SWE-bench is an AI evaluation benchmark that assesses
  ..."), unless something dates it ("Credentio is a newly released ... library"), or a
  tag line with no verb ("First open-source code agent for Lean 4.", "... coming soon.").

More from the rows' printed facts in the twenty-third session (all rows tuned on):

- what is said about a story rather than what happened: a weekly review's recap of a
  debate ("...observers continued to talk about its implications", "...launched a new
  round in the year-old debate"), lore said by no one ("The year of the horse is said to
  be auspicious..."), a reviewer's praise ("X is an excellent introduction to..."), an
  essayist's "one should/must/is supposed to", a vague "a few weeks ago";
- a life or a service told as background: a past verb "for 50 years";
- a maker's line: what its product can do, listed ("Codex can read, modify, and execute
  ..."), a claim with its benefit trailing (", helping deliver more ..."), a mission "is
  enhancing ... around the world", a concession "X is powerful, but ...", a share of its
  own users ("Claude Code users approve 93% of ..."), a size with no model's name ("11B and
  90B models are now available ..."), a publisher's own list ("TIME will once again
  publish its ranking of ...");
- a mood, not an act ("...the ultranationalist partners ... fear the end of ...");
- a heading with no verb: a list of short items ("Brand new features, iOS and Android
  apps, Pro, Team, and Enterprise tiers."), a word split after its drop cap ("T here
  is...");
- a line leaning on its headline by a definite noun ("The plan restarts...", "The talks
  come just days before...").

``is_blurb`` is one more refusal before a sentence is printed (``voice._printable``); it
never makes a refused sentence printable.
"""

from __future__ import annotations

import re

from bot.summarize.offline.clauses import IRREGULAR_PAST
from bot.summarize.offline.patterns import NOTHING_NEW, any_of
from bot.summarize.offline.screen import AUX
from bot.summarize.offline.words import STOP, terms

# "is now available...": a lowercase first word with no capital inside ("xAI", "eBay").
_CUT_SUBJECT = re.compile(r"^[a-z][a-z’']*\b(?![-.][A-Za-z])")
# "Available to Pro users today, Plus and Team next.": the product it speaks of was the
# headline (blind report 15); a line of its own names it.
_AVAILABLE_FIRST = re.compile(
    r"^(?:Now\s)?(?:Available|Coming|Rolling\sout|Live)\s(?:to|for|in|on|now|today)\b"
)
# What today's things are like, said by no one: "Today's LLMs are susceptible to prompt
# injections, jailbreaks, and other attacks ..." (blind report 15): a general truth.
_NOWADAYS = re.compile(
    r"^(?:Today['’]s|Modern|Current|Existing)\s(?:[\w-]+\s){0,2}?[A-Za-z-]+s\s"
    r"(?:are|remain|can|tend|struggle|often|still)\b"
)
# "Use your SuperGrok or X Premium subscription inside OpenCode.": a verb, then "your".
_ORDER = re.compile(r"^[A-Z][a-z]+\s(?:your|you)\b")
# A teaser: "See how OpenAI, Thrive, and Crete built ...", "Shows how to get ...": one word,
# then how/what/why, and no question mark. Not "Given how ...", "Asked what ..." (a
# participle's phrase) nor "So what ...", "But how ..." (STOP words, checked in is_blurb).
_TEASER = re.compile(r"^(?![A-Z][a-z]+(?:ing|ed|en)\s)[A-Z][a-z]+\s(?:how|what|why)\s(?!.*\?$)")
# A leading phrase that needs a main clause after it: "Advancing methodologies ...",
# "Sharing work with ...", "With the massive number of dollars ...".
_PHRASE_FIRST = re.compile(r"^(?:[A-Z][a-z]+ing|With|Amid|Despite|Following)\s(?![A-Z])")
# The piece, not the news: "An overview of", "A deep dive into", "...reflects on".
_ABOUT_THE_PIECE = re.compile(
    r"^(?:An?|The|Our)\s(?:[\w-]+\s)?"
    + any_of(
        "overview deep_dive dive primer guide recap roundup round-up walkthrough breakdown"
        " explainer introduction summary snapshot look_back"
    )
    + r"\s(?:of|into|to|at|on|for)\b"
    r"|^(?:[A-Z][\w.'’-]*(?:\s|(?=,))){1,3}(?:,[^,]{3,80},\s)?(?:reflects?|muses?|ponders?)\s(?:on|about)\b"
    # "An inside look at how OpenAI scaled ...", not "A closer look at the data shows ..."
    r"|^(?:An?|The|Our)\s(?:[\w-]+\s)?look\sat\s(?:how|what|why)\b"
    # "How OpenAI built an in-house AI data agent ...": a post's title as its line; not "How
    # Trump wins is unclear." (its verb follows), a heading before a line someone said, or
    # a question; a name may carry its other name in brackets ("How Edo (Tokyo) transformed")
    r"|^How\s(?:[A-Z][\w.'’-]*(?:\s\([^)]{1,30}\))?,?\s(?:and\s)?){1,4}[a-z]+\s"
    r"(?!.*\b(?:is|was|are|were|remains|says|said)\b).*\.$"
    # ...or with a count or a determiner before its noun: "How two API settings improved
    # GPT-5.6 performance on ARC-AGI-3, boosting ..." (blind report 15)
    r"|^How\s(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s"
    r"(?:[\w.'’-]+\s){1,3}?[a-z]+ed\s(?!.*\b(?:is|was|are|were|remains|says|said)\b).*\.$"
    # the piece explaining, not the news: "OpenAI’s new research explains why language
    # models hallucinate." (blind report 15)
    r"|^(?:[\w.'’-]+\s){1,5}(?:explains|explores|examines|unpacks)\s(?:why|how|what)\s",
)
# What a product lets its users do: "X enables enterprises ... to deploy ...".
_CAPABILITY = re.compile(
    r"^(?:[\w’'.-]+\s){1,4}(?:enables|empowers|allows|lets|helps)\s(?:[\w’'.-]+\s){1,8}?to\s[a-z]+"
)
# A maker's praise of its own product, said by no one: "...that achieve absolute
# state-of-the-art performance", "...has been instrumental in enabling...". Not a bare
# superlative: "restrictions on Nvidia's most advanced GPUs" is a news line's detail.
_SELF_PRAISE = re.compile(
    r"[Ss]tate-of-the-art|\binstrumental\sin\b|world-class|best-in-class|industry-leading"
)
# What ties a line to someone or to an event, shared by the checks below: each takes the
# words that someone said it, plus what else pins its own shape.
_SOURCED = r"says?|said|told|according"
_WHEN = r"announced|today|yesterday|week|month|year"
_SAID = re.compile(rf"\b(?:{_SOURCED}|claims?|claimed|calls?|called)\b")
_PINNED = re.compile(rf"\d|\b(?:{_SOURCED}|{_WHEN})\b", re.I)
# "Created by Ugandan engineers, it builds on...": who "it" is was in a line left out.
_PARTICIPLE_THEN_PRONOUN = re.compile(
    r"^(?:[A-Z][a-z]{2,}(?:ed|en)|Built|Made|Born|Led|Run|Held|Known)\s[^,]{3,80},\s(?:it|they|its|their)\s"
)
# A speaker's aside first: "Basically, ...", "In fact, ...", "Of course ...".
_ASIDE_FIRST = re.compile(
    "^"
    + any_of(
        "Basically Essentially Obviously Indeed In_fact In_short Simply_put"
        " Put_simply Frankly Honestly Admittedly Interestingly Ironically Needless_to_say"
        " In_other_words That_said Either_way After_all"
    )
    + r",|^Of\scourse\b"  # a comma after it: "Indeed laid off 2,200 people" names a company
)
# "...usually have...", "...are rarely finished...": what is so as a rule, not what happened.
_HABITUAL = re.compile(
    r"^(?:(?:\S+\s){1,6}(?:usually|typically|generally|rarely)\s"
    r"|(?:Usually|Typically|Generally|In\sgeneral|As\sa\srule),\s)"
)
_PINNED_GENERAL = re.compile(rf"\d|\b(?:{_SOURCED}|reported)\b")
# A subordinate clause's verb is not the sentence's: "...on how cyber defenders can use".
_SUBORDINATING = r"how|that|which|who|whom|whose|what|where|why|whether"
_SUBORDINATE = re.compile(rf"\b(?:{_SUBORDINATING})\b")
# ...nor a purpose's: "Using skills and GitHub Actions to optimize Codex workflows in ..."
# (blind report 15: "Codex workflows" read as a name and its verb): "to", a verb and its
# object ("to optimize Codex", "to build the"); not "Upgrading to unlimited o1 currently
# costs ...".
_SUBORDINATE_OR_PURPOSE = re.compile(
    rf"\b(?:{_SUBORDINATING}|to(?=\s[a-z]+\s(?:the|a|an|its|their|your|our|[A-Z])))\b"
)
_BEFORE_ADJECTIVE = frozenset(
    re.findall(
        r"\S+",
        "the a an its their his her our your more most less least very well highly fully newly"
        " toward towards for with into of in on from by about",
    )
)
_FOLLOWERS = frozenset(
    re.findall(r"\S+", "the a an its their his her our this these those that to")
)
# "Current methods and open problems in...", "Deep integrations that bring...": a word
# and a plural noun, then a joining word, and no verb after: a noun phrase, not news.
_NOUN_PHRASE = re.compile(
    r"^(?!(?:This|That|It|There|What|Here)\s)[A-Z][a-z]+\s[a-z]+s\s(?:and|that|which|in|for|of|with|on|from|across)\s"
    # "An agreement between Institutes to collaborate on best practices...": a noun and
    # what it is between, of or for
    r"|^An?\s[a-z]+\s(?:between|with|of|for|on)\s"
)
# "Ollama partners with Meta to bring ...", "Bangladesh suffers from high inflation": a
# name, then an "-s" word and a preposition a verb takes: the name's verb. The noun phrases
# above join their noun with "and", "that", "of", "in" or "for" instead ("Current methods
# and open problems ...", "Deep integrations that bring ..."), so those still read as one.
# A count is no name: "Five stories from developers building ..." is a noun phrase
# (blind report 15).
_NAME_THEN_VERB = re.compile(
    r"^(?!(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands|Several"
    r"|Many|Some|Few|Most)\s)[A-Z][\w.'’-]*\s[a-z]+[^su's]s\s(?:with|from|across|on)\s"
)
# An order to the reader that is not "Verb your": "Setup OpenClaw in under two minutes ...",
# "Learn how OpenAI built ...", "Recreate one of the most popular LangChain use-cases ...".
# A verb a feed tells its reader to do; the line is refused only when no verb of its own
# follows before a "how"/"that" clause ("Go directly addresses this ..." names a language;
# "Take autonomous driving: Uber sold off ..." goes on to its news). Not "Set" ("Set to
# open in May, the museum will ...") nor "Meet": no line of the data opens on it as news.
_ORDER_FIRST = re.compile(
    "^"
    + any_of(
        "Setup Set_up Recreate Learn Discover Explore Try Build Create Get Join Read Watch"
        " Check Find Download Install Sign_up Deploy Take Make Keep Turn Use Ask See Imagine"
        " Enjoy Transform Write Unlock Start Register Subscribe Visit Follow Provide Give Add"
        " Choose Avoid Improve Streamline Automate Supercharge"
    )
    + r"\s"
)
# A maker's comparison, said by no one: "Compared to its predecessor, Mistral Large 2 is
# significantly more capable ...", "Compared to Llama 2, Llama 3 feels much less censored."
_COMPARED_FIRST = re.compile(r"^Compared\s(?:to|with)\s[^,]+,\s")
# What a thing is instead of what happened: "SWE-bench is an AI evaluation benchmark that
# assesses ...", "Secure Minions is a secure protocol built by ...": a name, "is a", a noun
# and what it does, with nothing that dates it (a number, "new", "now", "launched", a source).
# Also with no article and what it is like: "FML32 is Oracle Tuxedo buffer type similar to
# std::multimap in C++ ..." (blind report 17).
_DEFINITION = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s){1,3}(?:is|are)\s(?:an?\s(?:[\w-]+,?\s){0,4}?[a-z-]+\s"
    r"(?:that|which|built|designed|used|developed|created|for)\b"
    r"|(?:[\w-]+\s){1,4}?[a-z-]+\ssimilar\sto\b)"
)
# A figure dates a line, not a digit inside a name ("FML32", "Llama3").
_DATED = re.compile(
    rf"(?<!\w)\d|\b(?:{_SOURCED}|{_WHEN}|new|newly|now|first|launched|released)\b", re.I
)
# A tag line with no verb: "First open-source code agent for Lean 4.", "Pixtral 12B - the
# first-ever multimodal Mistral model.", "Windows and Linux support coming soon.".
_TAGLINE = re.compile(
    r"^First(?:-ever)?\s[a-z]|\s[-–—]\s(?:the|a|an)\s(?:first|new)\b|\bcoming\ssoon\.$"
)
_ISSUE_ITEM = re.compile(r"^(?:[A-Z0-9$]|[a-z]+[A-Z])[^,]*$")


# What is said about a story, or a maker's line, rather than the news (module docstring).
_REMARK = re.compile(
    # a recap of talk about a story: "observers continued to talk about...", "a new round
    # in the nearly year-old debate"
    r"\b(?:continued?|continues|kept)\sto\s(?:talk|debate|discuss|argue|weigh\sin|react|grapple)\b"
    r"|\b(?:new|latest|next)\sround\sin\sthe\b[^.]*\bdebate\b"
    # lore and opinion: "is said to be auspicious", "is an excellent introduction"
    r"|\b(?:is|are)\s(?:said|believed)\sto\sbe\b"
    r"|\b(?:is|are|was|were)\san?\s(?:(?:very|truly|really|quite)\s)?(?:excellent|wonderful|superb"
    r"|brilliant|terrific|fascinating|marvell?ous|masterful|splendid|outstanding|delightful"
    r"|remarkable|beautiful|lovely)\s[a-z]+\b"
    # a writer's verdict: "Rust is undeniably a greatly appreciated language"
    r"|\b(?:is|are|was|were)\s(?:undeniably|arguably|undoubtedly|unquestionably)\b"
    # an essayist's general "one": "when one is supposed to...", "one has to look at"
    r"|(?<!\bno\s)(?<!\bany\s)(?<!\bthe\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\beach\s)(?<!\bonly\s)"
    r"(?<!\bwhich\s)\bone\s(?:is\ssupposed|should|must|has\sto|needs\sto|ought)\b"
    # a time no reporter writes: "started a couple of weeks ago", "the other day"
    r"|\b(?:a\scouple\sof|a\sfew|several)\s(?:days|weeks|months)\sago\b|\bthe\sother\sday\b"
    # background: "The MiG-21 served in every Indian war for 50 years."
    r"|^(?:[A-Z][\w.'’-]*\s){1,4}[a-z]+ed\s(?:[\w'’-]+\s){0,6}?for\s(?:over\s|more\sthan\s|nearly\s"
    r"|almost\s|some\s)?(?:\d+|[a-z]+)\s(?:years|decades)\b"
    # a maker's line: capabilities listed, a mission, a concession, its users' share
    r"|\bcan\s[a-z]+,\s[a-z]+,?\s(?:and|or)\s[a-z]+\b"
    r"|\b(?:is|are)\s[a-z]+ing\s[^.]*\b(?:around|across)\sthe\s(?:world|globe)\b"
    r"|^(?:[A-Z][\w.'’-]*\s){1,3}(?:is|are)\s[a-z]+,\sbut\s"
    r"|^(?:[A-Z][\w.'’-]*\s){0,3}(?:users|customers|developers|people|teams|companies|readers)\s"
    r"[a-z]+\s(?:about\s|nearly\s|over\s|more\sthan\s)?\d+%"
    # a mood, not an act: "the ultranationalist partners ... fear the end of ...", "X
    # worries that ..." (not "the fear that", "out of fear that")
    r"|(?<!\bthe\s)(?<!\bof\s)(?<!\ba\s)(?<!\band\s)(?<!\bno\s)(?<!\bare\s)\b(?:fear|fears|worry|worries)\s(?:that|the)\b"
    # a size with no model's name ("11B and 90B models are now available"); a publisher's
    # own list ("TIME will once again publish its ranking of ...")
    r"|^\d+(?:\.\d+)?[BMKT]\b"
    r"|\b(?:publish|release|unveil)\s(?:its|their)\s(?:annual\s)?(?:ranking|list)\sof\b"
    # a word split after its drop cap ("T here is no better time...", "S hlomo Avineri's"):
    # not a one-letter name and its verb ("X referred to...") nor "C and its family"
    r"|^[B-HJ-WYZ]\s(?!(?:is|are|was|were|has|have|had|will|can|says|said|and|or|[a-z]+ed)\b)[a-z]{2,}"
    # what a thing is built on, not what happened: "MuseNet uses the same general-purpose
    # unsupervised technology as GPT-2, ..." (blind report 15)
    r"|\b(?:uses|relies\son|is\sbuilt\son|is\sbased\son|shares)\sthe\ssame\s[^.]*\bas\b"
    # a standing programme: "OpenAI is exploring mechanistic interpretability to understand
    # how ..." (blind report 15; "Police are investigating the death ..." is news)
    r"|\b(?:is|are)\s(?:exploring|studying|researching)\s[^.]*\bto\s(?:better\s)?(?:understand|learn)\b"
    # someone's post told as what it shows: "Ben is showing that common SFP fiber optic
    # transceivers are mostly “dumb” devices ..." (blind report 6)
    r"|\b(?:is|are)\s(?:showing|demonstrating|explaining|arguing)\sthat\b"
)
# "GPT-5.6 improves AI efficiency across ..., helping deliver more ...": a name's claim with
# its benefit trailing, said by no one ("..., letting it take on projects ..., says partner"
# is someone's account).
_BENEFIT_TAIL = re.compile(
    r"^(?!(?:It|He|She|They|The|This|That|There)\s)(?:[A-Z][\w.'’:-]*\s){1,3}[a-z]+s\s[^,]+(?:,[^,]+)*,\s"
    r"(?:helping|enabling|allowing|empowering|letting|improving|boosting)\s"
)
# "The plan restarts a land registration process...", "The talks come just days before...":
# a definite noun for what the headline (or a line left out) named.
_THE_THING = re.compile(
    r"^The\s(?:plan|talks|proposal|bill|measure|agreement|accord|strike|visit|meeting|offer"
    r"|merger|vote|law|policy|ban|order|attack|raid|case|trial)\s(?!(?:that|which|who|to|by|of|for)\b)"
)


def _list_verb(chunk: str) -> bool:
    """A finite verb in one item of a list; an "-s" word that ends the item is its noun
    ("iOS and Android apps,"), one followed by more words may be a verb ("Apple adds A")."""
    words = chunk.split()
    return any(
        _verb(words, i) and not (i == len(words) - 1 and words[i].endswith("s"))
        for i in range(len(words))
    )


def _verbless_list(s: str) -> bool:
    """Three or more short comma-separated items and no verb: a heading, not a sentence."""
    items = [x for x in re.split(r",\s", s.rstrip(".")) if x]
    if len(items) < 3 or any(len(x.split()) > 4 for x in items):
        return False
    return not any(_list_verb(x) for x in items)


def _remark(s: str) -> bool:
    """What is said about a story, a maker's line or a heading (module docstring)."""
    if _REMARK.search(s) or _THE_THING.match(s) or _verbless_list(s):
        return True
    return bool(_BENEFIT_TAIL.match(s)) and not _SAID.search(s)


def is_issue_headline(headline: str) -> bool:
    """A newsletter issue titled by the stories it holds: four or more short items, three
    of them more than a word ("Google, Apple, Meta, Amazon face..." is one story)."""
    items = " ".join(headline.split()).rstrip(".…,").split(", ")
    if len(items) < 4 or not all(_ISSUE_ITEM.match(i) and len(i.split()) <= 10 for i in items):
        return False
    return sum(len(i.split()) >= 2 for i in items) >= 3


def _verb(words: list[str], i: int, after_name: bool = True) -> bool:
    """Is ``words[i]`` a finite verb? An auxiliary ("is", "won't", "we'll"), an irregular
    past, a lowercase "-ed", or an "-s" word after a name ("Pixel 11 Pro XL brings") or
    before what a verb takes ("marks a departure", "suggests that"); a plural noun
    ("methods and", "problems in") is not."""
    w = words[i].lower().strip(",;:.")
    if re.sub(r"n['’]t$", "", w) in AUX or re.search(r"['’](?:ll|re|ve|d)$", w):
        return True
    if w in IRREGULAR_PAST or (re.fullmatch(r"[a-z]+ed", w) is not None and words[i][0].islower()):
        # ...unless what stands before makes it an adjective: "toward polished, ...
        # designs", "more detailed rules" (blind report 15)
        return not (i and words[i - 1].lower() in _BEFORE_ADJECTIVE)

    if not re.fullmatch(r"[a-z]+[^su's]s", w) or not words[i][0].islower():
        return False  # a verb is lowercase: "between Institutes to" names a noun
    before = words[i - 1].strip(",") if i and after_name else ""
    if before[:1].isupper() or before[-1:].isdigit():
        return True
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt.lower() in _FOLLOWERS or nxt[:1].isupper() or nxt[:1].isdigit()


def _has_verb(text: str, start: int = 1) -> bool:
    """A finite verb from word ``start`` on (2 after an opening word and its noun, as in
    "Current methods", "Advancing methodologies": "methods" is no verb of "Current")."""
    words = text.split()
    return any(_verb(words, i) for i in range(start, len(words)))


def _main_verb(s: str) -> bool:
    """After a leading phrase, a verb outside any clause that starts with "how", "that",
    "which"...: before the first such word, or after the first comma (where the phrase's
    main clause is): "Sharing work with ... on how cyber defenders can use ..." has none."""
    head = _SUBORDINATE_OR_PURPOSE.split(s, maxsplit=1)[0]
    return _has_verb(head, 2) or (", " in s and _has_verb(s.split(", ", 1)[1]))


def _phrase_only(s: str) -> bool:
    """A leading phrase that never reaches its sentence; not a name that ends in "-ing"
    followed by its verb ("Rippling celebrated by...", "Boeing delivers 40 planes")."""
    if not _PHRASE_FIRST.match(s) or _verb(s.split(), 1, after_name=False):
        return False
    return not _main_verb(s)


def _opens_on_headline(s: str, headline: str) -> bool:
    """Does the sentence open on a word of its headline ("Google will now allow you..."
    under "Google will now allow users...")? Then it is about the headline's subject."""
    first = terms(s.split()[0]) if s.split() else []
    return bool(first) and first[0] in set(terms(headline))


def _order_comparison_or_definition(s: str) -> bool:
    """An order with no "your", a comparison said by no one, an undated definition or a
    verbless tag line."""
    if _COMPARED_FIRST.match(s) and not _SAID.search(s):
        return True
    if _DEFINITION.match(s) and not _DATED.search(s):
        return True
    if _TAGLINE.search(s) and not _has_verb(s, 0):
        return True
    return bool(_ORDER_FIRST.match(s)) and not _has_verb(_SUBORDINATE.split(s, maxsplit=1)[0])


def _nowadays(s: str) -> bool:
    """What today's things are like, said by no one (``_NOWADAYS``)."""
    return bool(_NOWADAYS.match(s)) and not _PINNED_GENERAL.search(s)


def is_blurb(sentence: str, headline: str) -> bool:
    """A feed's blurb, not its news (the shapes in the module docstring)."""
    s = " ".join(sentence.split())
    if not s or is_issue_headline(headline) or _CUT_SUBJECT.match(s) or _ORDER.match(s):
        return True
    if _AVAILABLE_FIRST.match(s) or NOTHING_NEW.search(s) or _nowadays(s):
        return True
    if _TEASER.match(s) and s.split()[0].lower() not in STOP:
        return True
    if _ABOUT_THE_PIECE.search(s) or _PARTICIPLE_THEN_PRONOUN.match(s):
        return True
    if _CAPABILITY.match(s) and not _PINNED.search(s):
        return True
    if _SELF_PRAISE.search(s) and not _SAID.search(s):
        return True
    if _ASIDE_FIRST.match(s) or (_HABITUAL.match(s) and not _PINNED_GENERAL.search(s)):
        return True
    if _phrase_only(s) or _order_comparison_or_definition(s) or _remark(s):
        return True
    if _opens_on_headline(s, headline):
        return False
    if not _NOUN_PHRASE.match(s) or s.split()[1].lower() in AUX:
        return False  # "China says that...": a name and its verb
    if _NAME_THEN_VERB.match(s) and s.split()[0].lower() not in STOP:
        return False  # not "These ...": a determiner opens a noun phrase
    return not _has_verb(s, 2)
