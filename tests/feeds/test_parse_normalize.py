from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import shared_or_skip

from bot.errors import FeedError, FeedErrorKind
from bot.feeds.normalize import (
    _COMPOSE_WITH_PREVIOUS,
    _casefold_utf8,
    _norm_for_hash,
    _norm_squashed_for_hash,
    _squashed_hash_key,
    content_hash,
    normalize_entries,
    release_title,
    unglue_title,
)
from bot.feeds.parse import _NON_XML_AMP, _PLAIN_TITLE, _escape_title_amps, parse_feed
from bot.models import ParsedEntry, ParsedFeed

NOW = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss><channel><title>&lol2;</title></channel></rss>"""


def test_entity_bomb_is_refused_with_a_clear_kind() -> None:
    with pytest.raises(FeedError, match="entity") as err:
        parse_feed(BOMB, url="http://x/feed")
    assert err.value.kind is FeedErrorKind.XML_BOMB


@pytest.mark.parametrize("body", [b"", b"   ", b"<html><body>Please log in</body></html>"])
def test_non_feeds_are_not_a_feed(body: bytes) -> None:
    with pytest.raises(FeedError) as err:
        parse_feed(body, url="http://x/feed")
    assert err.value.kind is FeedErrorKind.NOT_A_FEED


def _feed(*entries: ParsedEntry) -> ParsedFeed:
    return ParsedFeed(title="t", link=None, entries=entries, parser="test")


def test_missing_date_is_first_seen_time_and_guid_falls_back_to_link() -> None:
    (a,) = normalize_entries(
        _feed(ParsedEntry(guid=None, link="https://ex.com/a?utm_source=x", title="<b>Hi</b>")),
        now=NOW,
    )
    assert a.published_at == NOW
    assert a.guid == "https://ex.com/a?utm_source=x"
    assert a.canonical_url == "https://ex.com/a"
    assert a.title == "Hi"


def test_no_guid_no_link_uses_a_stable_hash_and_empty_entries_are_skipped() -> None:
    entries = (
        ParsedEntry(guid=None, link=None, title="Only a title", summary="<p>Body &amp; more</p>"),
        ParsedEntry(guid=None, link=None, title=None),
    )
    first = normalize_entries(_feed(*entries), now=NOW)
    again = normalize_entries(_feed(*entries), now=NOW)
    assert len(first) == 1
    assert first[0].guid.startswith("sha256:") and first[0].guid == again[0].guid
    assert first[0].text == "Body & more"


def test_date_only_value_keeps_the_article() -> None:
    rss = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>A</title><link>https://ex.com/a</link><pubDate>2026-08-20</pubDate></item>
    </channel></rss>"""
    (a,) = normalize_entries(parse_feed(rss, url="u"), now=NOW)
    assert a.published_at.date() == date(2026, 8, 20)
    assert a.published_at.tzinfo is not None


def _hash_of_earlier_versions(title: str, text: str) -> str:
    # the content hash as every version before the fast path computed it, written out here:
    # stored hashes decide whether an entry changed, so the hash of the same title and text
    # must stay what it was (or every stored entry would look edited after an upgrade)
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()

    return hashlib.sha256(f"{norm(title)}\n{norm(text)}".encode()).hexdigest()


# NFKC that changes nothing, and NFKC that makes new spaces ("¨" is a space and a combining
# mark), joins letters ("e" + U+0301), splits ligatures and fractions, widens and narrows
TRICKY = [
    "Plain ASCII text, nothing to do.",
    "Caf&eacute; au lait &mdash; “quoted”, 3&nbsp;km",
    "Cafe\u0301 and a stray diaeresis \u00a8 here",
    "\ufb01nancial \u00bd \u2026 \uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48 STRASSE Stra\u00dfe \u03a3\u03a3",
    "Line\u2028separator and\u3000ideographic\u00a0spaces<br>and <b>markup</b>",
    "\u00a8",
    "ends with a diaeresis \u00a8",
    "\u00a8\u00a8 two, \u2003\u00a8 after an em space, \u00a8\u00a0and before nbsp \u1fbd",
    "\u2026 a normalized change with no new space \u2122",
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_content_hash_is_the_one_earlier_versions_stored(html: str) -> None:
    entry = ParsedEntry(guid="g", link="https://x.example/a", title=f"T {html}", summary=html)
    (article,) = normalize_entries(
        ParsedFeed(title="f", link=None, entries=(entry,), parser="test"), now=NOW
    )
    assert article.content_hash == _hash_of_earlier_versions(article.title, article.text)
    assert article.content_hash == content_hash(article.title, article.text)


def test_nfkc_of_squashed_text_leaves_no_whitespace_but_single_spaces_to_squash() -> None:
    # What lets the hash skip its second squash: NFKC turns no character into whitespace
    # other than " ", and no whitespace character is made by composing two others (its
    # decomposition, if any, is a compatibility one or a single character: never composed)
    for code in range(0x110000):
        c = chr(code)
        if not c.isspace():
            made = unicodedata.normalize("NFKC", c)
            assert all(w == " " for w in made if w.isspace()), hex(code)
        elif parts := unicodedata.decomposition(c).split():
            assert parts[0].startswith("<") or len(parts) == 1, hex(code)
    assert unicodedata.normalize("NFKC", " ") == " "


def test_an_ellipsis_beside_any_character_normalizes_as_nfkc_does() -> None:
    # The hash replaces "…" by "..." instead of normalizing a text whose only change under
    # NFKC is its ellipses; beside every character (combining marks, compatibility forms,
    # letters that compose) the result must be the full normalization's
    for code in range(0x110000):
        c = chr(code)
        if c.isspace() or 0xD800 <= code <= 0xDFFF:
            continue  # squashed texts hold no whitespace but single spaces; no lone surrogates
        text = f"{c}\u2026{c}"
        expected = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
        assert _norm_squashed_for_hash(text) == expected, hex(code)


def test_an_ascii_text_hashes_as_its_full_normalization() -> None:
    # ASCII texts skip NFKC and fold with lower(): every pair of ASCII characters (controls
    # and the separators str.split() takes as whitespace among them) must come out as the
    # full normalization, squashed and casefolded, would make it
    chars = [chr(c) for c in range(128)]
    for a in chars:
        for b in chars:
            text = f"{a}{b} X{a}"
            full = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
            assert _norm_for_hash(text) == full, (a, b)
            squashed = " ".join(text.split())
            assert _norm_squashed_for_hash(squashed) == full, (a, b)


def test_the_starters_that_compose_with_a_previous_character_are_all_known() -> None:
    # _stable_char's "not composed with what comes before": every starter that is the second
    # character of a canonical decomposition, and Hangul's vowels and final consonants
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                assert second in _COMPOSE_WITH_PREVIOUS, hex(code)
    for code in range(0x1100, 0x1200):
        c = chr(code)
        if any(len(unicodedata.normalize("NFC", f"{lead}{c}")) == 1 for lead in "\u1100\uac00"):
            assert c in _COMPOSE_WITH_PREVIOUS, hex(code)


def test_a_text_of_stable_characters_hashes_as_its_full_normalization() -> None:
    # The hash takes a text whose non-ASCII characters are all _stable_char's (or those and
    # "…") as its own NFKC (with "..." for "…") and lowers its ASCII bytes: beside every
    # character, after letters it could compose with (ASCII, a Hangul leading consonant and
    # syllable, an Oriya vowel sign), with and without "…", the key must be the full
    # normalization's, squashed and casefolded
    for code in range(0x80, 0x110000):
        c = chr(code)
        if c.isspace() or 0xD800 <= code <= 0xDFFF:
            continue  # squashed texts hold no whitespace but single spaces; no lone surrogates
        for text in (f"A{c}e{c}\u1100{c}\uac00{c}\u0b47{c}Z", f"{c}\u2026{c}e \u2026"):
            full = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
            assert _squashed_hash_key(text) == full.encode(), hex(code)


def test_the_hash_folds_case_as_casefold_beside_every_character() -> None:
    # The hash lowers a text's UTF-8 bytes instead of casefolding it when its non-ASCII
    # characters fold to themselves: beside every character (capitals, "ß", "ſ", final
    # sigma, ligatures, Cherokee, astral letters), with ASCII capitals around it, and
    # between two of them, the bytes must be casefold's
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # no lone surrogates in a text (it would not encode)
        c = chr(code)
        text = f"Q{c}x \u2019Ab\u00e9{c}Z"
        assert _casefold_utf8(text) == text.casefold().encode(), hex(code)
    for text in (
        "",
        "ASCII Only",
        "caf\u00e9 \u201cQuoted\u201d",
        "STRASSE Stra\u00dfe",
        "\u0391\u03a3",
    ):
        assert _casefold_utf8(text) == text.casefold().encode(), text
        squashed = " ".join(text.split())
        assert _squashed_hash_key(squashed) == _norm_squashed_for_hash(squashed).encode(), text


def test_the_content_hash_of_every_real_world_entry_is_the_one_earlier_versions_stored() -> None:
    root = shared_or_skip("realworld")
    checked = 0
    for path in sorted(root.glob("*")):
        if path.suffix == ".json":
            continue
        try:
            articles = normalize_entries(parse_feed(path.read_bytes(), url=str(path)), now=NOW)
        except FeedError:
            continue
        for a in articles:
            assert a.content_hash == _hash_of_earlier_versions(a.title, a.text), path.name
        checked += len(articles)
    assert checked > 4000


def test_a_scraped_cards_glued_category_date_and_deck_leave_its_title() -> None:
    """Anthropic's research listing, as a scraper-built feed writes it (the demo's
    olshansk-anthropic-research.xml): the headline a reader sees is the card's title."""
    assert (
        unglue_title(
            "InterpretabilityJul 6, 2026A global workspace in language modelsNew "
            "interpretability research reveals an emergent mental workspace in Claude"
        )
        == "A global workspace in language models"
    )
    assert unglue_title("AlignmentMay 8, 2026Teaching Claude whyNew research on how we've") == (
        "Teaching Claude why"
    )
    # a written title keeps its date, and a capital inside a name is no deck
    for title in ("Policy update, Jul 6, 2026: a thing", "Inside the new YouTube app for kids"):
        assert unglue_title(title) == title


def test_a_date_first_cards_glued_date_and_category_leave_its_title() -> None:
    """The same listing's newer cards (the demo's week: "Aug 13, 2026Frontier Red
    TeamPatterns ..." was a headline of the demo's 12 August digest)."""
    cards = {
        "Aug 13, 2026Frontier Red TeamPatterns and problems in emerging multiagent systems": (
            "Patterns and problems in emerging multiagent systems"
        ),
        "Aug 18, 2026ScienceHow Claude is accelerating protein design and analytical chemistry": (
            "How Claude is accelerating protein design and analytical chemistry"
        ),
        "Jul 13, 2026Societal ImpactsClaude’s values across models and languages": (
            "Claude’s values across models and languages"
        ),
        "Jul 8, 2026AlignmentAn off switch for dual-use knowledge in AI models": (
            "An off switch for dual-use knowledge in AI models"
        ),
        # no category: the date goes, and a name in two capitalised parts stays whole
        "Aug 1, 2026DeepMind releases Gemini 4": "DeepMind releases Gemini 4",
        "Aug 1, 2026YouTube adds AI dubbing": "YouTube adds AI dubbing",
        "Aug 1, 2026OpenAI ships GPT-6": "OpenAI ships GPT-6",
    }
    for card, title in cards.items():
        assert unglue_title(card) == title
    # a written date is followed by a space or a colon: the title is as written
    for title in ("Aug 1, 2026: OpenAI ships GPT-6", "Aug 1, 2026 OpenAI ships GPT-6"):
        assert unglue_title(title) == title


def test_the_demo_weeks_research_cards_are_stored_with_their_titles() -> None:
    """The demo's own snapshot, parsed and normalized as a poll stores it: no headline
    opens on a glued date."""
    body = (ROOT / "demo" / "snapshots" / "olshansk-anthropic-research.xml").read_bytes()
    titles = [a.title for a in normalize_entries(parse_feed(body, url="https://x.test/f"), now=NOW)]
    assert "Patterns and problems in emerging multiagent systems" in titles
    assert not [t for t in titles if re.match(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}\S", t)]


def test_a_github_release_titled_by_its_version_alone_is_stored_with_its_repository() -> None:
    """The demo's release feeds title a release "v1.0.0": under a digest's other headlines
    that names nothing; the repository in its link does."""
    body = (ROOT / "demo" / "snapshots" / "anthropic-sdk.xml").read_bytes()
    titles = [a.title for a in normalize_entries(parse_feed(body, url="https://x.test/f"), now=NOW)]
    assert titles[0] == "anthropic-sdk-python v1.0.0"
    link = "https://github.com/ollama/ollama/releases/tag/v0.32.15-rc1"
    assert release_title("v0.32.15-rc1: ci: plumb MLX patch", link) == (
        "ollama v0.32.15-rc1: ci: plumb MLX patch"
    )
    # a title that says more than its version, or a link that is no GitHub release, stays
    assert release_title("python - v2.9.3 - 2026-08-13", link) == "python - v2.9.3 - 2026-08-13"
    assert release_title("Ollama 0.32 is out", link) == "Ollama 0.32 is out"
    assert release_title("v1.0.0", "https://ollama.com/blog/v1.0.0") == "v1.0.0"


def _escape_title_amps_in_one_sub(body: bytes) -> bytes:
    return _PLAIN_TITLE.sub(lambda m: _NON_XML_AMP.sub(b"&amp;", m.group(0)), body)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<rss><channel><title>Plain</title></channel></rss>",
        b"<title>Tom &amp; Jerry</title><item><title>A &#8217; B &#x2019;</title></item>",
        b"<title>Re&colon; X</title><title>a & b</title><title>&nbsp;</title><title>ok</title>",
        b"<title>&amp; then & then</title>x<title>&lt;b&gt;</title>",
        b'<title type="a&b">&amp;</title><title type="html">x &amp; y</title>',
        b"<title><![CDATA[a & b]]></title><title>after &copy;</title>",
        b"<title>unclosed & <title>two & three</title><title >&</title ><titles>&</titles>",
        b"<title>&</title><title>&</title><title>&amp;</title><title>&&amp;&</title>",
    ],
)
def test_titles_are_escaped_as_one_substitution_over_the_body_escapes_them(body: bytes) -> None:
    escaped = _escape_title_amps(body)
    assert escaped == _escape_title_amps_in_one_sub(body)
    if escaped == body:
        assert escaped is body  # not copied


def test_the_real_world_feeds_titles_are_escaped_as_one_substitution_escapes_them() -> None:
    root = shared_or_skip("realworld")
    data = Path(__file__).resolve().parent.parent / "data" / "feeds"
    paths = [p for p in root.glob("*") if p.suffix != ".json"] + list(data.glob("*.xml"))
    assert len(paths) > 150
    for path in paths:
        body = path.read_bytes()
        assert _escape_title_amps(body) == _escape_title_amps_in_one_sub(body), path.name
