"""Every stored field of every fixture entry stays what it was when the parse workers were
last made faster: each fixture's parsed feed and normalized articles, digested, against
``tests/data/feeds/normalized.json`` (written by the code before the speed-ups; a change
that alters any title, text, URL, date, guid or hash fails here). Regenerate it only for a
change *meant* to alter what is stored:
``.venv/bin/python tests/feeds/test_normalized_fixtures.py``."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import FeedError
from bot.feeds.normalize import html_to_text, normalize_entries
from bot.feeds.parse import parse_feed

NOW = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
DATA = Path(__file__).resolve().parent.parent / "data" / "feeds"
GOLDEN = DATA / "normalized.json"
REALWORLD = DATA.parents[3] / "shared" / "fixtures" / "realworld"  # ../shared, as conftest


def digest(body: bytes) -> str:
    """sha256 over the parsed feed's fields and every article's, as stored."""
    try:
        parsed = parse_feed(body, url="https://example.com/feed.xml")
    except FeedError as exc:
        return f"error:{exc.kind.value}"
    rows: list[object] = [[parsed.title, parsed.link, parsed.parser]]
    for article in normalize_entries(parsed, now=NOW):
        row = dataclasses.asdict(article)
        row["published_at"] = row["published_at"].isoformat()
        rows.append(row)
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def local_files() -> list[Path]:
    return sorted(DATA.rglob("*.xml"))


def realworld_files() -> list[Path]:
    return sorted(p for p in REALWORLD.glob("*") if p.suffix != ".json")


def test_every_stored_field_of_the_local_fixtures_is_unchanged() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    files = local_files()
    assert len(files) >= 3
    for path in files:
        key = "data/" + path.relative_to(DATA).as_posix()
        assert digest(path.read_bytes()) == golden[key], key


def test_every_stored_field_of_the_real_world_fixtures_is_unchanged() -> None:
    if not REALWORLD.exists():
        pytest.skip("needs ../shared/fixtures/realworld (absent in this clone; CI has it)")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    files = realworld_files()
    assert len(files) >= 150
    changed = [p.name for p in files if digest(p.read_bytes()) != golden["realworld/" + p.name]]
    assert changed == []


# Hidden text is where orders to a summarizing model hide; a speed-up that looks at the
# source before parsing it (to skip a query) must still catch every spelling the parser
# accepts. The real-world feeds hold none of these, so the digests above cannot tell.
@pytest.mark.parametrize(
    "html",
    [
        "<p>Seen</p><ScRiPt>var order = 1;</sCrIpT>",
        "<p>Seen</p><NOSCRIPT><p>Order</p></NOSCRIPT>",
        "<p>Seen</p><STYLE>p { color: red } Order</STYLE>",
        "<p>Seen</p><Template><p>Order</p></Template>",
        "<p>Seen</p><DIV HIDDEN>Order</DIV>",
        '<p>Seen</p><div a="x"hidden>Order</div>',
        "<p>Seen</p><div/hidden>Order</div>",
        '<p>Seen</p><span ARIA-HIDDEN="true">Order</span>',
        '<p>Seen</p><span STYLE="DISPLAY : NONE">Order</span>',
        "<p>Seen</p><p style='font-size:0'>Order</p>",
        # what the pattern for hidden styles matches beyond ASCII case: "ı", "İ" for "i" and
        # "ſ" for "s"; a value's character references read as characters
        "<p>Seen</p><span style='VISIBILITY : HIDDEN'>Order</span>",
        "<p>Seen</p><span style='vis\u0131bil\u0130ty:h\u0131dden'>Order</span>",
        "<p>Seen</p><span style='FONT-\u017fIZE: 0PX'>Order</span>",
        "<p>Seen</p><span style='display:&#110;one'>Order</span>",
        "<p>Seen</p><span style='display:none' STYLE='x'><b style='font-size:0'>O</b>rder</span>",
        "<p>Seen</p><svg><script>Order</script></svg>",
    ],
)
def test_hidden_markup_in_any_ascii_case_is_dropped(html: str) -> None:
    assert html_to_text(html) == "Seen"


if __name__ == "__main__":
    out = {"data/" + p.relative_to(DATA).as_posix(): digest(p.read_bytes()) for p in local_files()}
    if REALWORLD.exists():
        out |= {"realworld/" + p.name: digest(p.read_bytes()) for p in realworld_files()}
    GOLDEN.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(out)} fixtures digested into {GOLDEN}")
