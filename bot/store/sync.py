"""Syncing config/feeds.toml into the global feeds, matched by name (issue 10 item 4).

Matching by url made a url edited in feeds.toml an insert that hit the unique name, and every
command exited with IntegrityError. A name is what feeds.toml calls a feed, so the row of a
name follows its url; a source added by hand (``newsbot sources add``, an OPML import)
is never taken over: a config feed that collides with one is left out, with one line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.feeds.urls import shown_url
from bot.models import FeedSpec
from bot.store.schema import feeds

# A feed's new url starts it afresh: the old one's validators and failures are not its own.
_FAILURES = "last_error last_error_kind last_error_at failing_since next_poll_at"
FAILURES_CLEARED: dict[str, Any] = {**dict.fromkeys(_FAILURES.split()), "consecutive_failures": 0}
FRESH_URL: dict[str, Any] = {"etag": None, "last_modified": None, **FAILURES_CLEARED}


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    conflicts: list[str] = field(default_factory=list)  # one line each, with the fix


def _by_hand(row: Any, spec: FeedSpec, what: str) -> str:
    return (
        f"feeds.toml: {spec.name!r} is left out: its {what} is taken by the source "
        f"{row.name!r} ({shown_url(row.url)}) added by {row.added_by}; rename one of them "
        f"(or remove that one with `newsbot sources remove {row.name!r}`)"
    )


def _removed_by_hand(row: Any) -> bool:
    return row is not None and row.added_by is not None and not row.enabled


def _match(
    spec: FeedSpec, by_name: dict[str, Any], by_url: dict[str, Any], wanted: set[str]
) -> tuple[Any, str | None]:
    """The row ``spec`` updates (None: a new feed), or a line saying why it is left out."""
    row = by_name.get(spec.name.lower())
    clash = by_url.get(spec.url)
    # A source added by hand and then removed is no one's: feeds.toml takes over its row and
    # entries. It was left out every start, the line saying to remove what was removed.
    if _removed_by_hand(row) and clash in (None, row):
        return row, None
    if clash is not None and _removed_by_hand(clash):
        if row is None:
            return clash, None
        return None, (
            f"feeds.toml: {spec.name!r} is left out: its url is held by {clash.name!r}, added "
            f"by {clash.added_by} and since removed; rename {spec.name!r} in feeds.toml to "
            "take that one over (its stored entries with it)"
        )
    if row is not None and row.added_by is not None:
        return None, _by_hand(row, spec, "name")
    renamed = clash is not None and clash.added_by is None and clash.name.lower() not in wanted
    if row is None and renamed:
        return clash, None  # renamed in feeds.toml: the same url keeps its row and entries
    if clash is None or clash is row:
        return row, None
    if clash.added_by is not None:
        return None, _by_hand(clash, spec, "url")
    return None, (
        f"feeds.toml: {spec.name!r} is left out: its url is still {clash.name!r}'s; "
        "give each feed its own url"
    )


async def sync_in(conn: AsyncConnection, specs: Sequence[FeedSpec], now: datetime) -> SyncReport:
    rows = (await conn.execute(select(feeds).where(feeds.c.scope == ""))).all()
    by_name = {r.name.lower(): r for r in rows}
    by_url = {r.url: r for r in rows}
    wanted = {s.name.lower() for s in specs}
    kept: set[int] = set()
    report = SyncReport()
    for spec in specs:
        row, conflict = _match(spec, by_name, by_url, wanted)
        if conflict:
            report.conflicts.append(conflict)
            continue
        values: dict[str, Any] = dict(
            name=spec.name,
            tags=json.dumps(list(spec.tags)),
            weight=spec.weight,
            full_text=spec.full_text,
            enabled=True,
            added_by=None,  # a removed hand-added row taken over is feeds.toml's from now on
        )
        if row is None:
            await conn.execute(
                insert(feeds).values(
                    url=spec.url, scope="", consecutive_failures=0, created_at=now, **values
                )
            )
            report.added += 1
            continue
        kept.add(row.id)
        if row.url != spec.url:
            values.update(url=spec.url, **FRESH_URL)
        if any(getattr(row, k) != v for k, v in values.items()):
            await conn.execute(update(feeds).where(feeds.c.id == row.id).values(**values))
            report.updated += 1
    gone = [
        r.id
        for r in rows
        if r.id not in kept and r.enabled and r.added_by is None and r.name.lower() not in wanted
    ]
    if gone:
        await conn.execute(update(feeds).where(feeds.c.id.in_(gone)).values(enabled=False))
    return report
