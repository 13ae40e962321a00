"""ParsedFeed → ArticleIn: plain text, UTC dates, stable guid, canonical URL, content hash."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from datetime import UTC, datetime

from selectolax.lexbor import LexborCSSSelector, LexborNode
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from bot.feeds.urls import canonical_url
from bot.models import ArticleIn, ParsedEntry, ParsedFeed

log = logging.getLogger(__name__)


def _squash(s: str) -> str:
    # str.split() splits on exactly what r"\s+" matches, at a fraction of the cost on long texts
    return " ".join(s.split())


# Text a reader never sees is no news: it is where orders to a summarizing model hide.
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])", re.I
)

# The elements whose style _HIDDEN_STYLE may match, found by the parser's selector engine
# (in C) rather than every styled element brought to Python for the pattern: a match holds
# "none" and "play" (of "display"), or "dden" and "ty" (of "hidden" and "visibility"), or
# "font-", "ze" and "0"; those letters are the only ones of the pattern that no non-ASCII
# letter matches under re.I ("i" matches "ı" and "İ", "s" matches "ſ"), and the selectors'
# "i" is ASCII case-insensitive. 112 of the 2,319 elements that "none", "dden" or "font-"
# alone brought to the pattern (10 us each: re.I scans a long style at every position) were
# hidden; "play" and "ty" leave 755 of them.
_MAY_HIDE = (
    "[style*=none i][style*=play i], [style*=dden i][style*=ty i],"
    " [style*=font- i][style*=ze i][style*='0']"
)


# Where a reader sees a new line: the block elements' tags, opening or closing. The text
# keeps one line per block (a post's title, a section heading, a caption or a byline is a
# line of its own, never glued to the first sentence); docs/ARCHITECTURE.md, "Stored text".
# Lowercase or uppercase only (mixed case is a line break lost, nothing else), spelt as a
# tree by first letter: matched case-insensitively, or as a flat list, the scan cost two
# or three times as much on the real-world feeds.
_BLOCK_NAMES = (
    r"p(?:re)?|b(?:r|lockquote)|d(?:iv|[dlt]|etails|ialog)|li|h(?:[1-6r]|eader|group)|[ou]l"
    r"|t(?:r|able)|f(?:ig(?:ure|caption)|ooter|orm|ieldset)|s(?:ection|ummary)"
    r"|a(?:rticle|side|ddress)|c(?:aption|enter)|m(?:ain|enu)|nav"
)
# On the UTF-8 the parser is fed (what selectolax makes of a str: errors ignored), a third
# cheaper to scan than the str. Most tags are no block's, and each of those is tried against
# every name: "/?+" tries them once (no name starts with "/", so "/?" giving the slash back
# never matched, only tried them all again), and "span" (most of the real-world feeds' tags,
# no block name's start) is turned away first. The scan 0.09 -> 0.065 s over those feeds.
_BLOCK_TAG = re.compile(
    rf"<(?=/?+(?!span)(?:{_BLOCK_NAMES}|{_BLOCK_NAMES.upper()})[\s/>])".encode()
)
# What is put before each block tag: a character str.split() takes as whitespace (so the
# squashed text, and the content hash, are what they were before lines were kept) that no
# feed writes ("record separator"). Text the parser moves out of a table (the HTML rules
# for stray text in one) loses its place, so a table's rows get theirs from the tree.
_MARK = "\x1e"
_MARKED = b"\x1e<"
# Dropped: never seen. Table rows are marked before anything is dropped (a dropped
# element's rows and marks go with it).
_DROP = "script, style, noscript, template, [hidden], [aria-hidden=true]"
_DROP_TAGS = frozenset(("script", "style", "noscript", "template"))
# Everything html_to_text may act on, found in one query of the tree: what _DROP finds, the
# table rows and what _MAY_HIDE finds (2,620 of the 2,881 real-world bodies with markup have
# none; 131 have one _DROP may match, and only those are asked _DROP itself).
_CANDIDATES = f"{_DROP}, tr, {_MAY_HIDE}"
# One selector engine for every tree. A tree's own (``tree.css``) is made at its first query:
# a CSS parser and two selector stores created and freed with each entry's tree, about 3 us
# an entry with markup (0.27 -> 0.25 s for the parse and both queries of the 3,110 real-world
# bodies with markup). ``find`` is what ``tree.css`` calls, from the same root: the same nodes
# in the same order. Only the parse workers (one call at a time) run html_to_text.
_SELECTOR = LexborCSSSelector()  # type: ignore[no-untyped-call]  # its stub: no "-> None"


def _css(tree: HTMLParser, query: str) -> list[LexborNode]:
    """``tree.css(query)``."""
    root = tree.root
    return _SELECTOR.find(query, root) if root is not None else []


# A blank line in a plain text (no markup) is its paragraph break.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _line(line: str) -> str:
    """``" ".join(line.split())`` of a stripped piece, without a string per word when it can:
    stripped (of what str.split() splits on), a piece of printable characters has no
    whitespace but " " (every other whitespace character is unprintable: tests check every
    code point), so halving its runs of spaces until none is left squashes it. 94% of the
    pieces of the real-world texts, 73% of their characters (the rest hold a line break, a
    no-break space, a tab or a zero-width character: split into words)."""
    if not line.isprintable():
        return " ".join(line.split())
    while "  " in line:  # a run of n spaces is gone after log2(n) passes
        line = line.replace("  ", " ")
    return line


def _lines(text: str) -> str:
    """One squashed line per piece between marks, empty ones dropped (map, not a loop in
    Python: a text has a piece per block tag). Pieces are stripped, and blank ones dropped,
    before any call in Python: most are the line breaks between two blocks' tags (124,292
    of the 216,142 pieces of the real-world texts). Lines of those texts 0.21 -> 0.17 s."""
    return "\n".join(map(_line, filter(None, map(str.strip, text.split(_MARK)))))


def _may_drop(node: LexborNode) -> bool:
    """Whether _DROP may match ``node``: its tag is one of _DROP's, or an attribute's name
    holds "hidden" (``[hidden]`` and ``[aria-hidden=true]`` match by name, in any case)."""
    return node.tag in _DROP_TAGS or any("hidden" in name.lower() for name in node.attributes)


def _drop_hidden(tree: HTMLParser, found: list[LexborNode]) -> None:
    """Mark the table rows among ``found`` (_CANDIDATES' nodes) and drop what is never seen:
    what _DROP finds (asked only when one of ``found`` may be one), then every element whose
    style _HIDDEN_STYLE matches. _MAY_HIDE's nodes are among ``found`` and the pattern matches
    no other element's style (see _MAY_HIDE), so the pattern is tried on all of ``found``;
    one that was inside a dropped element is detached already, dropping it changes nothing."""
    found = list({node.mem_id: node for node in found}.values())  # one matched twice: once
    for node in found:
        if node.tag == "tr":
            node.insert_before(_MARK)
    # An entry is a fragment: an <html> tag anywhere in it only lends its attributes to the
    # tree's root, which the fragment's writer did not mean to hide (and lexbor refuses to
    # decompose the root: the whole feed's parse failed). The root stays; what it holds is
    # judged as anywhere else.
    root = tree.root
    kept = root.mem_id if root is not None else None
    if any(map(_may_drop, found)):
        for node in _css(tree, _DROP):
            if node.mem_id != kept:
                node.decompose()
    for node in found:
        if node.mem_id != kept and _HIDDEN_STYLE.search(node.attributes.get("style") or ""):
            node.decompose()


def html_to_text(value: str | None) -> str:
    """Visible text of an HTML fragment (scripts, styles and hidden elements dropped), one
    line per block (paragraph, heading, list item, line break, table row ...): inside a
    line, text pieces joined by a space and all whitespace squashed; no empty lines. Its
    squash (``oneline``) is the text earlier versions stored, whitespace for whitespace."""
    if not value:
        return ""
    if "<" not in value:
        if "\n" in value:
            value = _BLANK_LINE.sub(_MARK, value)
        if "&" not in value:
            return _lines(value)
    tree = HTMLParser(_BLOCK_TAG.sub(_MARKED, value.encode("utf-8", "ignore")))
    found = _css(tree, _CANDIDATES)
    if found:
        _drop_hidden(tree, found)
    root = tree.body or tree.root
    return _lines(root.text(separator=" ")) if root is not None else ""


def oneline(text: str) -> str:
    """``text`` (html_to_text's) as one line: what a one-line place shows, and the text
    earlier versions stored (its lines are squashed and never empty)."""
    return text.replace("\n", " ")


def _norm_for_hash(s: str) -> str:
    if s.isascii():  # see _norm_squashed_for_hash
        return _squash(s).lower()
    return _squash(unicodedata.normalize("NFKC", s)).casefold()


def _norm_squashed_for_hash(s: str) -> str:
    """``_norm_for_hash(s)`` of a text ``_squash`` gave (``_squashed_hash_key`` is its UTF-8).
    An ASCII text (a flag of the string: no scan) is its own NFKC, and on ASCII casefold is
    lower, which has a fast path for ASCII strings that casefold lacks."""
    if s.isascii():
        return s.lower()
    return _nfkc_of_squashed(s).casefold()


def _nfkc_of_squashed(s: str) -> str:
    """NFKC of a text ``_squash`` gave, squashed. When NFKC leaves it as it is (most texts:
    a quick check in C), squashing it again would too: the second squash was a third of the
    hash's cost, over the full text. When NFKC changes it, the only whitespace it can leave
    is " " (each single, between words, or one it made: "¨" is a space and a combining mark;
    tests check every code point), so the squash is needed only where two meet or one is at
    an end.

    The character that most often keeps a real text from being NFKC already is "…" (in 455
    of the 517 such texts among the 4,092 real-world entries). Its compatibility
    decomposition is "..." and all four are starters (combining class 0), so ``s`` and ``s``
    with each "…" replaced by "..." decompose alike and have one NFKC: when the replaced
    text is normalized, it is that NFKC (a replace and a check in C, not a normalization)."""
    if "\u2026" in s:
        dotted = s.replace("\u2026", "...")
        if unicodedata.is_normalized("NFKC", dotted):
            return dotted
    elif unicodedata.is_normalized("NFKC", s):
        return s
    n = unicodedata.normalize("NFKC", s)
    if "  " in n or n.startswith(" ") or n.endswith(" "):
        n = _squash(n)
    return n


_ASCII = bytes(range(128))


def _casefold_utf8(s: str) -> bytes:
    """``s.casefold().encode()``. casefold looks every character of a text up in Unicode's
    tables as soon as one is not ASCII; most real texts are English with a few quotes, dashes
    or accented small letters, which fold to themselves. Then the fold changes only ASCII
    capitals, and lowering the UTF-8's ASCII bytes (a multi-byte character's bytes are all
    over 127) is the same: checked on the text's non-ASCII characters alone (its UTF-8 with
    the ASCII bytes deleted: whole characters, in order). casefold never shortens a character,
    so those fold to themselves exactly when their string does. 2,221 of the 2,301 non-ASCII
    real-world texts; their hash keys in half the time."""
    data = s.encode()
    others = data.translate(None, _ASCII).decode()
    if others.casefold() == others:
        return data.lower()
    return s.casefold().encode()


# The starters (combining class 0) that compose with a character before them (NFKC's quick
# check says "maybe" for them): the second characters of two-character canonical
# decompositions (Indic and Myanmar vowel signs and length marks, ...) and Hangul's medial
# vowels and final consonants (composed by rule). A test derives them from unicodedata.
_COMPOSE_WITH_PREVIOUS = frozenset(
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0cc2\u0cd5\u0cd6\u0d3e\u0d57\u0dcf\u0ddf"
    "\u0fb5\u0fb7\u102e\u1b35\U00011127\U0001133e\U00011357\U000114b0\U000114ba\U000114bd"
    "\U000115af\U00011930"
    + "".join(map(chr, range(0x1161, 0x1176)))
    + "".join(map(chr, range(0x11A8, 0x11C3)))
)


def _stable_char(c: str) -> bool:
    """Whether NFKC's quick check says "yes" for ``c`` and it is a starter, and casefold
    leaves it alone. NFKC keeps it (so the quick check does not say "no": such a character
    never occurs in NFKC text), its combining class is 0, and it does not compose with a
    character before it (the only ones the quick check says "maybe" for, with combining
    class 0)."""
    return (
        unicodedata.combining(c) == 0
        and c not in _COMPOSE_WITH_PREVIOUS
        and unicodedata.normalize("NFKC", c) == c
        and c.casefold() == c
    )


# _stable_char's answers, per character: a text has few distinct non-ASCII characters, and
# the same ones come back (quotes, dashes, accented letters). Bounded, for a hostile feed.
_STABLE: set[str] = set()
_UNSTABLE: set[str] = set()
_MEMO_MAX = 65536


def _all_stable(chars: set[str]) -> bool:
    if chars <= _STABLE:
        return True
    if not chars.isdisjoint(_UNSTABLE):
        return False
    for c in chars - _STABLE:
        stable = _stable_char(c)
        if len(_STABLE) + len(_UNSTABLE) < _MEMO_MAX:
            (_STABLE if stable else _UNSTABLE).add(c)
        if not stable:
            return False
    return True


def _squashed_hash_key(s: str) -> bytes:
    """``_norm_squashed_for_hash(s).encode()``, what the content hash digests.

    A text whose non-ASCII characters are all _stable_char's (1,731 of the 2,301 non-ASCII
    texts of the real-world feeds; 415 more with "…" as well) is its own NFKC: the quick
    check says "yes" for every character of it (ASCII ones too) and none is a non-starter,
    so there is nothing to reorder or compose. Its casefold changes only ASCII capitals (see
    _casefold_utf8), so its key is its UTF-8 with the ASCII letters lowered, found without
    unicodedata.is_normalized's look-up of every character (its distinct non-ASCII
    characters are looked up instead, once per process)."""
    if s.isascii():
        return s.encode().lower()
    data = s.encode()
    chars = set(data.translate(None, _ASCII).decode())
    if _all_stable(chars):
        return data.lower()
    if "\u2026" in chars and _all_stable(chars - {"\u2026"}):
        # "…" is NFKC's "...", and those are starters: see _nfkc_of_squashed
        return data.replace("\u2026".encode(), b"...").lower()
    return _casefold_utf8(_nfkc_of_squashed(s))


def _hash(title: str, text: str) -> str:
    # fed in parts: one copy of the text fewer than hashing f"{title}\n{text}" (same digest)
    return _hash_utf8(title, text.encode())


def _hash_utf8(title: str, text: bytes) -> str:
    h = hashlib.sha256(title.encode())
    h.update(b"\n")
    h.update(text)
    return h.hexdigest()


def content_hash(title: str, text: str) -> str:
    return _hash(_norm_for_hash(title), _norm_for_hash(text))


def _published(entry: ParsedEntry, now: datetime) -> datetime:
    if entry.published is None:
        return now  # first-seen time: the article is kept, dated when we met it
    dt = entry.published
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    if entry.published_date_only and dt.date() == now.date() and dt < now:
        # A bare date means "some time that day"; don't pretend it happened at midnight today.
        return now
    return dt


# A headline longer than this is not a headline (a 1 MB title once became 557 Discord
# messages); every place a title is shown gets it already bounded.
MAX_TITLE = 300


# The most of a title's markup turned into text: 200 times what is kept, so ordinary markup
# (links, entities) still yields a full headline, while a 10 MB hostile title costs nothing.
MAX_TITLE_SOURCE = MAX_TITLE * 200


# A listing page scraped into a feed glues its card's parts into the title: category, date,
# title and deck with no space between ("InterpretabilityJul 6, 2026A global workspace in
# language modelsNew interpretability research reveals ..."). The date glued to a word on
# both sides is the sign; the title is what follows it, up to where a lowercase word runs
# into a capitalised one (the deck), when both sides are three words or more ("YouTube"
# and "iPhone" join that way inside a word, never with three words on each side here).
_GLUED_CARD = re.compile(
    r"^[A-Z][A-Za-z&' -]{1,40}?(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]{0,6}\.?\s\d{1,2},\s\d{4}(?=[A-Z0-9“\"‘'])"
)
_GLUED_DECK = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


# The same listing's newer cards put the date first: "Aug 13, 2026Frontier Red
# TeamPatterns and problems in emerging multiagent systems". The date glued to a capital is
# the sign (a written title puts a space or a colon after the year); the category is the
# capitalised words up to where a lowercase letter runs into a capitalised word. A name
# written in two capitalised parts joins that way too ("DeepMind", "YouTube"): a card whose
# title opens on one, with no category before it, would lose the name's first part, so the
# join is no category's end when it makes one of these names (the date still goes).
_DATE_FIRST_CARD = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2},\s\d{4}"
    r"(?=[A-Z])"
)
_CARD_CATEGORY = re.compile(r"^(?:[A-Z][a-z&]+\s){0,3}([A-Z][a-z]{2,})(?=([A-Z][a-z][a-z’']*))")
_TWO_PART_NAMES = frozenset(
    re.findall(
        r"\S+",
        """DeepMind DeepSeek YouTube LinkedIn GitHub GitLab PlayStation TikTok WhatsApp PayPal
        FedEx JetBrains HuggingFace LangChain LlamaIndex MiniMax WordPress PowerPoint SharePoint
        OneDrive BlackRock SoftBank CoreWeave DoorDash AirPods MacBook OpenRouter SambaNova
        DataBricks TensorFlow NumPy JavaScript TypeScript CrowdStrike ServiceNow SalesForce
        ByteDance WeChat AliExpress GeForce RunPod CloudFlare DigitalOcean SoundCloud SnapChat
        FaceTime ThinkPad HashiCorp AlphaFold AlphaGo AlphaZero StarCraft MidJourney LiveKit
        WebAssembly DevDay BigQuery CodeLlama SageMaker OpenClaw TestFlight VisionPro""",
    )
)


def _date_first_card(title: str) -> str | None:
    """The title of a date-first card ("Aug 13, 2026Frontier Red TeamPatterns and ..."),
    or None when ``title`` is no such card."""
    date = _DATE_FIRST_CARD.match(title)
    if date is None:
        return None
    rest = title[date.end() :]
    category = _CARD_CATEGORY.match(rest)
    if category is None or category.group(1) + category.group(2) in _TWO_PART_NAMES:
        return rest
    after = rest[category.end() :]
    return after if len(after.split()) >= 2 else rest


def unglue_title(title: str) -> str:
    """A scraped card's title without the category, date and deck glued to it."""
    card = _GLUED_CARD.match(title)
    if card is None:
        dated = _date_first_card(title)
        return title if dated is None else dated
    rest = title[card.end() :]
    for join in _GLUED_DECK.finditer(rest):
        head, deck = rest[: join.start()], rest[join.start() :]
        if len(head.split()) >= 3 and len(deck.split()) >= 3:
            return head
    return rest


# GitHub's release feed titles a release by its tag alone ("v1.0.0", "v0.32.15-rc1: ci:
# ..."): under a digest's other headlines that names nothing. The repository is in the
# link, and a reader knows the project by it: "anthropic-sdk-python v1.0.0".
_GITHUB_RELEASE = re.compile(r"^https?://github\.com/[^/\s]+/([^/\s]+)/releases/tag/", re.I)
_VERSION_FIRST = re.compile(r"^v?\d+(?:\.\d+)+[\w.+-]*(?:$|[\s:])")


def release_title(title: str, link: str) -> str:
    """A GitHub release titled by its version alone, with its repository's name before it."""
    repo = _GITHUB_RELEASE.match(link)
    if repo is None or not _VERSION_FIRST.match(title):
        return title
    return f"{repo.group(1)} {title}"


def bounded_title(title: str) -> str:
    """``title`` cut to MAX_TITLE characters, at a space when one is near, with an ellipsis."""
    if len(title) <= MAX_TITLE:
        return title
    cut = title[: MAX_TITLE - 1]
    space = cut.rfind(" ")
    if space > MAX_TITLE * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + "…"


# The longest link and guid kept as they are, in UTF-8 bytes. PostgreSQL refuses an index row
# over about 2.7 KB (entries' guid and url are indexed): a feed with one 30 KB guid or link
# lost every entry of its poll there, as an internal error with the SQL in it. 2,048 is the
# sitemap protocol's URL limit; no real feed's link or guid comes near it.
MAX_KEY_BYTES = 2048


def _bounded_guid(guid: str) -> str:
    """A guid over MAX_KEY_BYTES as its hash: still one stable id per entry."""
    if len(guid) * 4 <= MAX_KEY_BYTES or len(guid.encode()) <= MAX_KEY_BYTES:
        return guid
    return "sha256:" + hashlib.sha256(guid.encode()).hexdigest()


def _bounded_link(link: str) -> str:
    """A link over MAX_KEY_BYTES is no link to show or fetch: the entry keeps its text."""
    if len(link) * 4 <= MAX_KEY_BYTES or len(link.encode()) <= MAX_KEY_BYTES:
        return link
    return ""


def normalize_entries(parsed: ParsedFeed, *, now: datetime) -> list[ArticleIn]:
    out: list[ArticleIn] = []
    skipped = 0
    for entry in parsed.entries:
        title = oneline(html_to_text((entry.title or "")[:MAX_TITLE_SOURCE]))
        body_html = entry.content or entry.summary
        text = html_to_text(body_html)
        flat = oneline(text)
        link = _bounded_link((entry.link or "").strip())
        if not link and (entry.guid or "").strip().lower().startswith(("http://", "https://")):
            # No <link>, but an id that is a web address: the article's only address (what
            # feedparser calls "guidislink"; fastfeedparser leaves the link empty).
            link = _bounded_link((entry.guid or "").strip())
        if not title and not link and not text:
            skipped += 1
            continue
        if not title:
            title = (flat[:80] + "…") if len(flat) > 80 else (flat or link)
        title = bounded_title(release_title(unglue_title(title), link))
        guid = _bounded_guid((entry.guid or "").strip() or link)
        if not guid:
            guid = "sha256:" + hashlib.sha256(f"{title}\n{link}".encode()).hexdigest()
        out.append(
            ArticleIn(
                guid=guid,
                url=link,
                canonical_url=canonical_url(link) if link else "",
                title=title,
                author=(entry.author or None),
                published_at=_published(entry, now),
                text=text,
                # the text is html_to_text's: one line of it is squashed, the same hash as
                # content_hash's (and as before lines were kept: no stored entry looks edited)
                content_hash=_hash_utf8(_norm_for_hash(title), _squashed_hash_key(flat)),
            )
        )
    if skipped:
        log.info("skipped %d entries with no title, link or text", skipped)
    return out
