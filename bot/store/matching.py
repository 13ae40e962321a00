"""When an incoming entry is a stored one: the store's subtlest rule, as a pure function.

``match_entries(stored, incoming)`` reads nothing and writes nothing; the store turns its
plans (a poll batch's feeds together, ``bot/store/upserts.py``) into one INSERT
(executemany) and one UPDATE per edited entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.models import ArticleIn, UpsertCounts


@dataclass(frozen=True)
class StoredEntry:
    """What the rule needs to know of one entry already stored for the feed."""

    id: int
    guid: str
    canonical_url: str
    content_hash: str
    title: str


@dataclass(frozen=True)
class NewEntry:
    article: ArticleIn
    stored_url: str  # its canonical URL, suffixed when another entry of the feed holds it


@dataclass(frozen=True)
class EditedEntry:
    entry_id: int  # the stored entry; its guid and canonical URL stay (they are its identity)
    article: ArticleIn


@dataclass(frozen=True)
class MatchPlan:
    inserts: list[NewEntry] = field(default_factory=list)
    updates: list[EditedEntry] = field(default_factory=list)
    unchanged: int = 0

    @property
    def counts(self) -> UpsertCounts:
        return UpsertCounts(
            new=len(self.inserts), updated=len(self.updates), unchanged=self.unchanged
        )


def guid_suffix(guid: str) -> str:
    """The suffix that keeps a second entry of one page apart: a hash of its guid."""
    return "#" + hashlib.sha256(guid.encode()).hexdigest()[:12]


def match_entries(stored: Iterable[StoredEntry], incoming: Sequence[ArticleIn]) -> MatchPlan:
    """An entry is the same entry when its guid matches one stored for this feed, or when its
    canonical URL and title match one whose guid the feed no longer lists (the publisher
    changed its guids). Same content: unchanged; changed: updated in place.

    Entries of one document with distinct guids are distinct even when they share a page (a
    changelog, a comments feed, a "now" page with anchors, entries with no link at all): each
    is kept, its stored canonical URL suffixed with a hash of its guid, as the URL is unique
    per feed. ``stored`` should hold the feed's entries whose guid or canonical URL is among
    the incoming ones (more is harmless)."""
    rows = list(stored)
    by_guid = {r.guid: r for r in rows}
    by_url = {r.canonical_url: r for r in rows}
    guids = {a.guid for a in incoming}
    plan = MatchPlan()
    unchanged = 0
    seen_ids: set[int] = set()
    seen_guids: set[str] = set()
    used_urls = set(by_url)
    for a in incoming:
        if a.guid in seen_guids:
            unchanged += 1  # the same entry twice in one document
            continue
        seen_guids.add(a.guid)
        row = by_guid.get(a.guid)
        if row is None:
            same_page = by_url.get(a.canonical_url)
            if same_page is not None and same_page.guid not in guids and same_page.title == a.title:
                row = same_page
        if row is None:
            stored_url = a.canonical_url
            if stored_url in used_urls:
                stored_url += guid_suffix(a.guid)
            used_urls.add(stored_url)
            plan.inserts.append(NewEntry(a, stored_url))
            continue
        if row.id in seen_ids or row.content_hash == a.content_hash:
            unchanged += 1
        else:
            plan.updates.append(EditedEntry(row.id, a))
        seen_ids.add(row.id)
    return MatchPlan(plan.inserts, plan.updates, unchanged)
