"""A feed entry's text keeps its HTML's blocks as lines: a post's title, a section heading
("Backstory"), a byline or a caption is a line of its own, never glued onto the first
sentence. One line of it is exactly the text earlier versions stored, so no stored entry's
content hash changes (every stored entry would look edited after an upgrade)."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import shared_or_skip
from selectolax.lexbor import LexborHTMLParser

from bot.errors import FeedError
from bot.feeds.normalize import (
    _BLOCK_NAMES,
    _BLOCK_TAG,
    _HIDDEN_STYLE,
    _MARKED,
    _line,
    html_to_text,
    normalize_entries,
    oneline,
)
from bot.feeds.parse import parse_feed
from bot.models import ParsedEntry, ParsedFeed

NOW = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<h2>Backstory</h2><p>At the 38th <b>Chaos</b> Communication Congress, he spoke.</p>",
            "Backstory\nAt the 38th Chaos Communication Congress, he spoke.",
        ),
        ("<p>One<br>two<br/><br />three</p>", "One\ntwo\nthree"),
        ("<ul>\n <li>first</li>\n <li>second</li>\n</ul>tail", "first\nsecond\ntail"),
        ("<div><p>a paragraph</p>and what follows it</div>", "a paragraph\nand what follows it"),
        (
            "<figure><img src=x><figcaption>A caption</figcaption></figure><p>Text.</p>",
            "A caption\nText.",
        ),
        ("<blockquote><p>Quoted.</p></blockquote><p>Said.</p>", "Quoted.\nSaid."),
        (
            "<table><tr><td>Part</td><td>Qty</td></tr><TR><TD>diode</TD><TD>34</TD></TR></table>",
            "Part Qty\ndiode 34",
        ),
        # inside a block, inline markup joins as it always did: every text piece, a space
        ("<p>a<b>b</b>c <a href=x>link</a>.</p>", "a b c link ."),
        ("  <P>  Upper   case </P><P>tags</P>  ", "Upper case\ntags"),
        ("<p>   </p><div>\n</div><p>only</p>", "only"),
    ],
)
def test_each_block_is_a_line_of_its_own(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_a_plain_text_breaks_lines_at_its_blank_lines_only() -> None:
    plain = "First paragraph, hard\nwrapped.\n\n \nSecond &amp; last.\r\n\r\nThird."
    assert html_to_text(plain) == "First paragraph, hard wrapped.\nSecond & last.\nThird."
    assert html_to_text("No markup,\n\nno entity.") == "No markup,\nno entity."


def test_a_hidden_table_row_stays_hidden() -> None:
    html = "<p>Seen</p><table><tr hidden><td>Order</td></tr><tr><td>row</td></tr></table>"
    assert html_to_text(html) == "Seen\nrow"


def test_a_title_is_one_line_and_so_is_one_made_from_the_text() -> None:
    feed = ParsedFeed(
        title="f",
        link=None,
        parser="test",
        entries=(
            ParsedEntry(guid="a", link="https://x.example/a", title="Two<br>lines", summary=""),
            ParsedEntry(guid="b", link="https://x.example/b", title=None, summary="<h1>Hi</h1>x"),
        ),
    )
    titled, untitled = normalize_entries(feed, now=NOW)
    assert titled.title == "Two lines"
    assert untitled.title == "Hi x" and untitled.text == "Hi\nx"


def test_a_line_is_squashed_as_splitting_it_into_words_would() -> None:
    # A printable piece has its runs of spaces halved instead of being split into words and
    # joined: the same only if every whitespace character but " " is unprintable
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [w for w in spaces if w.isprintable()] == [" "]
    pieces = [" " * n for n in range(6)] + ["", "x", "\u200bx\u200d"]
    pieces += [
        f"{' ' * a}x{' ' * n}y{' ' * b}z" for n in range(1, 70) for a in (0, 1, 3) for b in (1, 2)
    ]
    pieces += [f"{w}a  b{w}{w} c{w}" for w in spaces] + [f"a{w}b" for w in spaces]
    for piece in pieces:
        assert _line(piece.strip()) == " ".join(piece.split()), repr(piece)
    text = html_to_text("<p>Runs   of <b>spaces</b>  \u00a0 and\nbreaks</p>   <p>  x  </p>")
    assert text == "Runs of spaces and breaks\nx"


def test_the_block_tag_scan_marks_where_the_plain_pattern_does() -> None:
    # _BLOCK_TAG turns "span" away first and tries the names once after a slash: the same
    # marks as the pattern without either, on every name in four cases after "<", "</",
    # "<//", followed by each end (or none), and on random runs of their pieces
    plain = re.compile(rf"<(?=/?(?:{_BLOCK_NAMES}|{_BLOCK_NAMES.upper()})[\s/>])".encode())
    names = "p pre br blockquote div dd dl dt details dialog li h1 h6 h7 hr header hgroup ol"
    names += " ul tr table figure figcaption footer form fieldset section summary article"
    names += " aside address caption center main menu nav span spans spa s sp a b i em x"
    words = [w for n in names.split() for w in (n, n.upper(), n.title(), n.swapcase()[::-1])]
    ends = ["", ">", " ", "/", "\t", "\n", "x", "-", "1"]
    tags = [f"<{lead}{w}{end}" for lead, w, end in itertools.product(["", "/", "//"], words, ends)]
    for tag in tags:
        data = f"a{tag}b".encode()
        assert _BLOCK_TAG.sub(_MARKED, data) == plain.sub(_MARKED, data), tag
    rng = random.Random(7)
    pieces = ["<", "/", ">", " ", "span", "SPAN", "p", "P", "div", "tr", "x", "\n"]
    for _ in range(20_000):
        data = "".join(rng.choices(pieces, k=rng.randint(1, 12))).encode()
        assert _BLOCK_TAG.sub(_MARKED, data) == plain.sub(_MARKED, data), data


def _text_of_earlier_versions(html: str | None) -> str:
    # html_to_text as every version before lines were kept wrote it, written out here
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template, [hidden], [aria-hidden=true]"):
        node.decompose()
    for node in tree.css("[style]"):  # the pattern over every styled element, as then
        if _HIDDEN_STYLE.search(node.attributes.get("style") or ""):
            node.decompose()
    root = tree.body or tree.root
    return " ".join((root.text(separator=" ") if root is not None else "").split())


def _hash_of_earlier_versions(title: str, text: str) -> str:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()

    return hashlib.sha256(f"{norm(title)}\n{norm(text)}".encode()).hexdigest()


def _check_feed(path: Path) -> tuple[int, int]:
    try:
        parsed = parse_feed(path.read_bytes(), url="https://example.com/feed.xml")
    except FeedError:
        return 0, 0
    articles = normalize_entries(parsed, now=NOW)
    bodies = [e.content or e.summary for e in parsed.entries]
    assert len(articles) == len(bodies), path.name  # no fixture has an empty entry
    lines = 0
    for a, body in zip(articles, bodies, strict=True):
        old = _text_of_earlier_versions(body)
        assert oneline(a.text) == old, path.name
        assert a.content_hash == _hash_of_earlier_versions(a.title, old), path.name
        # squashed lines, none empty
        assert all(line and line == " ".join(line.split()) for line in a.text.split("\n")) or (
            a.text == ""
        ), path.name
        lines += "\n" in a.text
    return len(articles), lines


def test_one_line_of_each_local_fixture_text_is_what_earlier_versions_stored() -> None:
    counted = [_check_feed(p) for p in sorted(DATA.rglob("*.xml"))]
    assert sum(n for n, _ in counted) > 100
    assert sum(lines for _, lines in counted) > 50  # most of them have more than one line


def test_one_line_of_each_real_world_text_is_what_earlier_versions_stored() -> None:
    root = shared_or_skip("realworld")
    counted = [_check_feed(p) for p in sorted(root.glob("*")) if p.suffix != ".json"]
    assert sum(n for n, _ in counted) > 4000
    assert sum(lines for _, lines in counted) > 2000
