"""Storing polled entries, many feeds at a time, by ``match_entries``'s plan.

A poll records feeds in batches (``bot/feeds/recorder.py``). Statement by statement, a feed
cost a lookup, an insert and a count update, and each statement is a round trip to the
database's thread (aiosqlite) or server, behind the event loop's other work: on a cold poll
of a thousand feeds those trips, not the SQL, set the pace. So a batch is one lookup (a few
for a big one), one INSERT for all its feeds' new entries, and one UPDATE per edited entry
(rare); the caller adds each feed's new entries to its ``entry_count`` with the rest of its
row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import (
    Dialect,
    Executable,
    Integer,
    Text,
    and_,
    bindparam,
    func,
    insert,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import ArticleIn, UpsertCounts
from bot.store.fulltext import enqueue_full_text_in
from bot.store.matching import MatchPlan, StoredEntry, match_entries
from bot.store.schema import entries

# (feed, article) pairs per lookup: two bound values each, far under SQLite's 32,766 and
# PostgreSQL's 32,767 bound values a statement
LOOKUP_PAIRS = 4000


@dataclass(frozen=True)
class FeedEntries:
    """One feed's parsed entries, to store (``full_text``: guids that want their page)."""

    feed_id: int
    articles: Sequence[ArticleIn]
    now: datetime
    full_text: Collection[str] = ()


def feed_rounds(batch: Sequence[FeedEntries]) -> Iterator[tuple[list[int], list[FeedEntries]]]:
    """The batch in rounds where no feed comes twice (a feed's second poll in a batch must
    see what its first one stored): each round's positions in the batch and its items, the
    feeds with no entries left out."""
    seen: defaultdict[int, int] = defaultdict(int)
    rounds: list[list[int]] = []
    for i, item in enumerate(batch):
        n = seen[item.feed_id]
        seen[item.feed_id] += 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(i)
    for positions in rounds:
        positions = [i for i in positions if batch[i].articles]
        if positions:
            yield positions, [batch[i] for i in positions]


def counted(size: int, rounds: Iterable[tuple[list[int], list[MatchPlan]]]) -> list[UpsertCounts]:
    """Each feed's counts, in the batch's order, from its rounds' plans (none: all zero)."""
    counts = [UpsertCounts()] * size
    for positions, plans in rounds:
        for i, plan in zip(positions, plans, strict=True):
            counts[i] = plan.counts
    return counts


_LOOKUP_COLUMNS = (
    entries.c.id,
    entries.c.feed_id,
    entries.c.guid,
    entries.c.canonical_url,
    entries.c.content_hash,
    entries.c.title,
)


def _sqlite_probe(key: str, name: str) -> str:
    # CROSS JOIN is SQLite's word for "this order": the pairs outside, the entries probed
    # inside; with a plain JOIN and a small table's statistics it scanned the entries
    return (
        f"SELECT {', '.join(f'e.{c.name}' for c in _LOOKUP_COLUMNS)} "
        f"FROM json_each(:{name}) AS p CROSS JOIN entries AS e "
        f"ON e.feed_id = json_extract(p.value, '$[0]') AND e.{key} = json_extract(p.value, '$[1]')"
    )


SQLITE_LOOKUP_SQL = (
    f"{_sqlite_probe('guid', 'guids')} UNION ALL {_sqlite_probe('canonical_url', 'urls')}"
)
_SQLITE_LOOKUP = text(SQLITE_LOOKUP_SQL).columns(*_LOOKUP_COLUMNS)


def _lookup(dialect: str, chunk: Sequence[tuple[int, ArticleIn]]) -> Executable:
    """The stored entries whose (feed, guid) or (feed, canonical URL) is one of ``chunk``'s:
    each pair is one probe of a unique index, whatever the table's size or its statistics.
    (A lookup by the feeds' ids, then their guids and URLs, let the planner choose: with the
    statistics of a new database, taken after the first batch of its first poll, SQLite
    scanned the whole table for every later batch, 95 MB read per batch in the cold poll of
    bench/poll.py.) The pairs are bound as one value (PostgreSQL: one per column), so the
    statement's text is the same whatever their number: the database driver keeps its last
    hundred texts prepared (an IN list of their own per count cost 15 MB at the peak of a
    cold poll on SQLite)."""
    keys = (entries.c.guid, entries.c.canonical_url)
    if dialect != "postgresql":
        guids, urls = ([(f, getattr(a, key.name)) for f, a in chunk] for key in keys)
        return _SQLITE_LOOKUP.bindparams(guids=json.dumps(guids), urls=json.dumps(urls))
    from sqlalchemy.dialects.postgresql import ARRAY  # here: SQLite never loads the dialect

    probes = []
    for key in keys:
        pairs = (
            func.unnest(
                bindparam(None, [f for f, _ in chunk], type_=ARRAY(Integer)),
                bindparam(None, [getattr(a, key.name) for _, a in chunk], type_=ARRAY(Text)),
            )
            .table_valued("feed_id", "key")
            .render_derived(name="pairs")
        )
        on = and_(entries.c.feed_id == pairs.c.feed_id, key == pairs.c.key)
        probes.append(select(*_LOOKUP_COLUMNS).select_from(pairs.join(entries, on)))
    return union_all(*probes)


async def _stored(
    conn: AsyncConnection, items: Sequence[FeedEntries]
) -> defaultdict[int, dict[int, StoredEntry]]:
    """The stored entries of these feeds whose guid or canonical URL comes in, by feed."""
    pairs = [(item.feed_id, a) for item in items for a in item.articles]
    dialect = conn.dialect.name
    found: defaultdict[int, dict[int, StoredEntry]] = defaultdict(dict)
    for start in range(0, len(pairs), LOOKUP_PAIRS):
        rows = await conn.execute(_lookup(dialect, pairs[start : start + LOOKUP_PAIRS]))
        for r in rows:
            found[r.feed_id][r.id] = StoredEntry(
                r.id, r.guid, r.canonical_url, r.content_hash, r.title
            )
    return found


# The entry columns an article's feed text sets, alike on a new entry and on an edit (an
# edit keeps the stored row's guid and canonical URL: they are its identity).
_FROM_ARTICLE = ("url", "title", "author", "text", "content_hash")


def _article_values(a: ArticleIn, now: datetime) -> dict[str, Any]:
    values = {column: getattr(a, column) for column in _FROM_ARTICLE}
    return values | {"fetched_at": now, "updated_at": now}


# A new entry's columns, in the table's order (the order of the compiled INSERT's values)
_NEW_ENTRY = tuple(c.name for c in entries.columns if c.name not in ("id", "full_text_at"))


@lru_cache(maxsize=8)  # a dialect per engine: a few
def sqlite_insert(dialect: Dialect) -> tuple[str, Callable[[datetime], Any]]:
    """The INSERT of a new entry as SQLite's driver takes it, and the conversion of a time to
    the value SQLAlchemy would bind for it (the same text, to the microsecond)."""
    compiled = insert(entries).compile(dialect=dialect, column_keys=list(_NEW_ENTRY))
    if tuple(compiled.positiontup or ()) != _NEW_ENTRY:
        raise RuntimeError(f"the INSERT's values are not in _NEW_ENTRY's order: {compiled}")
    # the dialect's own type (SQLite's DATETIME under UTCDateTime), as SQLAlchemy binds it
    typed = entries.c.published_at.type.dialect_impl(dialect)
    convert = typed.bind_processor(dialect)
    assert convert is not None  # UTCDateTime always converts
    if getattr(getattr(typed, "impl", None), "_storage_format", None) != _SQLITE_TIME_FORMAT:
        return compiled.string, convert
    return compiled.string, partial(_sqlite_time, convert)


# SQLAlchemy's storage format for SQLite's DATETIME; a UTC time's isoformat up to its offset
# is the same text ("%04d" years, microseconds always written)
_SQLITE_TIME_FORMAT = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)


def _sqlite_time(convert: Callable[[datetime], Any], value: datetime) -> Any:
    """``convert(value)`` (SQLAlchemy's: UTC, then its storage format) for the poll's times,
    all aware UTC, in a third of the time: a cold poll converts one per entry (27,743 on
    bench/poll.py's), at about 9 us each through the type's two layers."""
    if value.__class__ is datetime and value.tzinfo is UTC:
        return value.isoformat(" ", "microseconds")[:-6]  # without its "+00:00"
    return convert(value)


def sqlite_new_rows(
    items: Sequence[FeedEntries], plans: Sequence[MatchPlan], convert: Callable[[datetime], Any]
) -> list[tuple[Any, ...]]:
    """The values of ``sqlite_insert``'s statement for these plans' new entries: a feed's
    poll time converted once, each entry's date once."""
    rows = []
    for item, plan in zip(items, plans, strict=True):
        now = convert(item.now)
        for n in plan.inserts:
            a = n.article
            published = convert(a.published_at)
            rows.append(
                (
                    *(item.feed_id, a.guid, a.url, n.stored_url, a.title, a.author),
                    *(published, now, a.text, a.content_hash, now, now, 1),
                )
            )
    return rows


SQLITE_LAST_ID = "SELECT last_insert_rowid()"
SQLITE_QUEUE_FOR_SEARCH = (
    "INSERT OR IGNORE INTO search_queue(entry_id) SELECT id FROM entries WHERE id > ? AND id <= ?"
)


async def _insert_sqlite(
    conn: AsyncConnection, items: Sequence[FeedEntries], plans: Sequence[MatchPlan]
) -> None:
    """The new entries as one executemany of the driver's own (SQLite): SQLAlchemy's
    per-row work (a dict per row, four time conversions through two layers of type) was
    a third of the event loop's share of storing a cold poll; here a feed's poll time is
    converted once, and each entry's date once."""
    sql, convert = sqlite_insert(conn.dialect)
    rows = sqlite_new_rows(items, plans, convert)
    if rows:
        await conn.exec_driver_sql(sql, rows)
        # One statement queues the batch for the search index: a trigger per row (migration
        # 0023, dropped in 0024) made SQLite keep a statement journal for every row. The
        # rows' ids are the last len(rows) ones: entries.id is the rowid (no AUTOINCREMENT,
        # so SQLite takes the largest plus one) and the INSERT holds the write lock from its
        # first row, so no other writer's rows come between.
        last = (await conn.exec_driver_sql(SQLITE_LAST_ID)).scalar_one()
        await conn.exec_driver_sql(SQLITE_QUEUE_FOR_SEARCH, (last - len(rows), last))


async def _apply(
    conn: AsyncConnection,
    items: Sequence[FeedEntries],
    plans: Sequence[MatchPlan],
) -> None:
    for item, plan in zip(items, plans, strict=True):
        for edit in plan.updates:
            await conn.execute(
                update(entries)
                .where(entries.c.id == edit.entry_id)
                .values(
                    **_article_values(edit.article, item.now),
                    revision=entries.c.revision + 1,
                    full_text_at=None,  # the feed's new text replaces a page's older one
                )
            )
    if conn.dialect.name == "sqlite":
        await _insert_sqlite(conn, items, plans)
    else:
        rows = [
            dict(
                _article_values(n.article, item.now),
                feed_id=item.feed_id,
                guid=n.article.guid,
                canonical_url=n.stored_url,
                published_at=n.article.published_at,
                first_seen_at=item.now,
                revision=1,
            )
            for item, plan in zip(items, plans, strict=True)
            for n in plan.inserts
        ]
        if rows:
            await conn.execute(insert(entries), rows)
    for item, plan in zip(items, plans, strict=True):
        if item.full_text:
            await enqueue_full_text_in(
                conn,
                item.feed_id,
                [n.article.guid for n in plan.inserts if n.article.guid in item.full_text],
                [e.entry_id for e in plan.updates if e.article.guid in item.full_text],
                item.now,
            )


async def upsert_feeds_entries_in(
    conn: AsyncConnection, batch: Sequence[FeedEntries]
) -> list[UpsertCounts]:
    """Store these feeds' entries inside the caller's transaction, each by
    ``match_entries``'s plan; each feed's counts, in order. New or edited entries whose guid
    is in their ``full_text`` are queued for their article page (and, on SQLite, every new
    one for the search index). The feeds' ``entry_count`` is the caller's."""
    done = []
    for positions, items in feed_rounds(batch):
        stored = await _stored(conn, items)
        plans = [match_entries(stored[item.feed_id].values(), item.articles) for item in items]
        await _apply(conn, items, plans)
        done.append((positions, plans))
    return counted(len(batch), done)
