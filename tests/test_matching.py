"""The entry-matching rule on its own: which incoming entries are new, edited or unchanged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.models import ArticleIn
from bot.store.matching import StoredEntry, guid_suffix, match_entries

PAGE = "https://example.org/changelog"


def incoming(guid: str, url: str = PAGE, *, title: str = "T", body: str = "v1") -> ArticleIn:
    return ArticleIn(
        guid=guid,
        url=url,
        canonical_url=url,
        title=title,
        author=None,
        published_at=datetime(2026, 8, 14, tzinfo=UTC),
        text=body,
        content_hash=f"h-{body}",
    )


def stored(
    entry_id: int, guid: str, url: str = PAGE, *, title: str = "T", body: str = "v1"
) -> StoredEntry:
    return StoredEntry(entry_id, guid, url, f"h-{body}", title)


# (case, stored entries, incoming entries, expected new stored URLs, updated ids, unchanged)
CASES = [
    ("empty feed: all new", [], [incoming("a", "https://x/1")], ["https://x/1"], [], 0),
    ("same guid, same content", [stored(1, "a")], [incoming("a")], [], [], 1),
    ("same guid, edited text", [stored(1, "a")], [incoming("a", body="v2")], [], [1], 0),
    (
        "new guid, same page and title, old guid gone: moved guid",
        [stored(1, "a")],
        [incoming("b")],
        [],
        [],
        1,
    ),
    ("moved guid and edited", [stored(1, "a")], [incoming("b", body="v2")], [], [1], 0),
    (
        "new guid, same page, other title: a second entry",
        [stored(1, "a")],
        [incoming("b", title="Other")],
        [PAGE + guid_suffix("b")],
        [],
        0,
    ),
    (
        "new guid, same page, old guid still listed: a second entry",
        [stored(1, "a")],
        [incoming("a"), incoming("b")],
        [PAGE + guid_suffix("b")],
        [],
        1,
    ),
    (
        "two new entries of one page in one document",
        [],
        [incoming("a"), incoming("b", title="B")],
        [PAGE, PAGE + guid_suffix("b")],
        [],
        0,
    ),
    (
        "the same guid twice in one document",
        [],
        [incoming("a"), incoming("a", body="v2")],
        [PAGE],
        [],
        1,
    ),
    (
        "two moved guids onto one stored entry: the second is unchanged",
        [stored(1, "a")],
        [incoming("b", body="v2"), incoming("c", body="v3")],
        [],
        [1],
        1,
    ),
    (
        "entries with no link share the empty URL",
        [stored(1, "a", "")],
        [incoming("a", ""), incoming("b", "", title="B")],
        ["" + guid_suffix("b")],
        [],
        1,
    ),
]


@pytest.mark.parametrize(
    ("stored_entries", "incoming_entries", "new_urls", "updated_ids", "unchanged"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_match_entries(
    stored_entries: list[StoredEntry],
    incoming_entries: list[ArticleIn],
    new_urls: list[str],
    updated_ids: list[int],
    unchanged: int,
) -> None:
    plan = match_entries(stored_entries, incoming_entries)
    assert [n.stored_url for n in plan.inserts] == new_urls
    assert [u.entry_id for u in plan.updates] == updated_ids
    assert plan.unchanged == unchanged
    assert plan.counts.new + plan.counts.updated + plan.counts.unchanged == len(incoming_entries)


def test_an_edit_carries_the_new_text_for_the_stored_entry() -> None:
    plan = match_entries([stored(7, "a")], [incoming("a", body="fixed typo")])
    assert plan.updates[0].entry_id == 7
    assert plan.updates[0].article.text == "fixed typo"
