"""Recording a batch of poll outcomes on SQLite in one trip to the database's thread.

aiosqlite runs every call on its own thread: each statement SQLAlchemy sends is several
round trips (a cursor, the execute, the fetch, the close), each a queue put, a thread wake
and a callback on the event loop, plus SQLAlchemy's per-statement work (compile cache,
parameter processing, result wrapping). A poll batch's eight statements cost more in those
trips than in SQLite: on the cold poll of bench/poll.py, recording was a third of the event
loop's CPU. Here the whole batch (the lookup, ``match_entries``, the inserts, the edits, the
full-text queue, the feeds' rows, the fetch log) is one function run on that thread with
the plain ``sqlite3`` connection, inside the caller's SQLAlchemy transaction (the driver's
implicit BEGIN, SQLAlchemy's COMMIT or ROLLBACK), so what is stored, and when it commits,
is what the generic path (``bot/store/upserts.py``, ``bot/store/polls.py``; PostgreSQL's)
stores: the same statements, compiled from the same SQLAlchemy expressions where they are
more than a line.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Dialect, bindparam, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import UpsertCounts
from bot.store.fulltext import url_host
from bot.store.matching import MatchPlan, StoredEntry, match_entries
from bot.store.outcomes import FAILURE, SUCCESS, PollOutcome, feed_params, feed_update, log_rows
from bot.store.schema import fetch_log
from bot.store.upserts import (
    LOOKUP_PAIRS,
    SQLITE_LAST_ID,
    SQLITE_LOOKUP_SQL,
    SQLITE_QUEUE_FOR_SEARCH,
    FeedEntries,
    counted,
    feed_rounds,
    sqlite_insert,
    sqlite_new_rows,
)

# A feed's edited entry: the feed's text replaces the entry's (and a page's older one)
_EDIT = (
    "UPDATE entries SET url = ?, title = ?, author = ?, text = ?, content_hash = ?, "
    "fetched_at = ?, updated_at = ?, revision = revision + 1, full_text_at = NULL WHERE id = ?"
)
_JSON_IDS = "(SELECT value FROM json_each(?))"
# which of these feeds have an entry stored: one probe of (feed_id, guid)'s index each
_FEEDS_WITH_ENTRIES = (
    "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM entries WHERE feed_id = value)"
)
_FULL_TEXT_ROWS = (
    f"SELECT id, url FROM entries WHERE feed_id = ? AND (guid IN {_JSON_IDS} OR id IN {_JSON_IDS})"
)
_FULL_TEXT_DROP = f"DELETE FROM full_text_queue WHERE entry_id IN {_JSON_IDS}"
_FULL_TEXT_ADD = (
    "INSERT INTO full_text_queue (entry_id, url, host, attempts, not_before, created_at) "
    "VALUES (?, ?, ?, 0, ?, ?)"
)
# polls.py's _trim_log: only the newest ``keep`` rows of each of these feeds stay
_TRIM_LOG = (
    "DELETE FROM fetch_log WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER "
    f"(PARTITION BY feed_id ORDER BY id DESC) AS rank FROM fetch_log WHERE feed_id IN {_JSON_IDS})"
    " WHERE rank > ?)"
)


@dataclass(frozen=True)
class Compiled:
    """A statement as SQLite's driver takes it, its values by name in order (a value not
    given takes the one compiled in: a literal of the expression)."""

    sql: str
    names: tuple[str, ...]
    defaults: dict[str, Any]
    convert: Callable[[datetime], Any]

    def bind(self, values: dict[str, Any]) -> tuple[Any, ...]:
        out = []
        for name in self.names:
            v = values[name] if name in values else self.defaults[name]
            out.append(self.convert(v) if isinstance(v, datetime) else v)
        return tuple(out)


def compiled(stmt: Any, dialect: Dialect, convert: Callable[[datetime], Any]) -> Compiled:
    c = stmt.compile(dialect=dialect)
    return Compiled(c.string, tuple(c.positiontup or ()), dict(c.params), convert)


@dataclass(frozen=True)
class Statements:
    insert_sql: str
    convert: Callable[[datetime], Any]
    success: Compiled
    failure: Compiled
    log: Compiled


@lru_cache(maxsize=8)  # a dialect per engine: a few
def statements(dialect: Dialect) -> Statements:
    """A new entry's insert, the feed updates and the fetch log's insert, compiled once."""
    insert_sql, convert = sqlite_insert(dialect)
    log_columns = [c.name for c in fetch_log.columns if c.name != "id"]
    log = insert(fetch_log).values({k: bindparam(k) for k in log_columns})
    return Statements(
        insert_sql,
        convert,
        compiled(feed_update(SUCCESS), dialect, convert),
        compiled(feed_update(FAILURE), dialect, convert),
        compiled(log, dialect, convert),
    )


def _stored(
    db: sqlite3.Connection, items: Sequence[FeedEntries]
) -> list[tuple[FeedEntries, list[StoredEntry]]]:
    """upserts.py's ``_stored``: each item, with its feed's stored entries whose guid or URL
    comes in. Only feeds with any entry stored are looked up entry by entry: a feed polled
    for the first time (every feed of a cold poll) has none to find."""
    ids = json.dumps(sorted({item.feed_id for item in items}))
    stocked = {feed_id for (feed_id,) in db.execute(_FEEDS_WITH_ENTRIES, (ids,))}
    pairs = [(item.feed_id, a) for item in items if item.feed_id in stocked for a in item.articles]
    found: defaultdict[int, dict[int, StoredEntry]] = defaultdict(dict)
    for start in range(0, len(pairs), LOOKUP_PAIRS):
        chunk = pairs[start : start + LOOKUP_PAIRS]
        params = {
            "guids": json.dumps([(f, a.guid) for f, a in chunk]),
            "urls": json.dumps([(f, a.canonical_url) for f, a in chunk]),
        }
        for id_, feed_id, guid, url, content_hash, title in db.execute(SQLITE_LOOKUP_SQL, params):
            found[feed_id][id_] = StoredEntry(id_, guid, url, content_hash, title)
    return [(item, list(found[item.feed_id].values())) for item in items]


def _apply(
    db: sqlite3.Connection, st: Statements, items: Sequence[FeedEntries], plans: Sequence[MatchPlan]
) -> None:
    """upserts.py's ``_apply``: edits, the new entries (queued for search), the full text."""
    conv = st.convert
    edits = [
        (
            a.url,
            a.title,
            a.author,
            a.text,
            a.content_hash,
            conv(item.now),
            conv(item.now),
            e.entry_id,
        )
        for item, plan in zip(items, plans, strict=True)
        for e in plan.updates
        for a in (e.article,)
    ]
    for edit in edits:  # one by one, as the generic path: each fires its triggers in order
        db.execute(_EDIT, edit)
    rows = sqlite_new_rows(items, plans, conv)
    if rows:
        db.executemany(st.insert_sql, rows)
        # see upserts.py's _insert_sqlite: the new rows' ids are the last len(rows) ones
        (last,) = db.execute(SQLITE_LAST_ID).fetchone()
        db.execute(SQLITE_QUEUE_FOR_SEARCH, (last - len(rows), last))
    for item, plan in zip(items, plans, strict=True):
        if item.full_text:
            _enqueue_full_text(db, conv, item, plan)


def _enqueue_full_text(
    db: sqlite3.Connection, conv: Callable[[datetime], Any], item: FeedEntries, plan: MatchPlan
) -> None:
    """fulltext.py's ``enqueue_full_text_in``."""
    guids = sorted({n.article.guid for n in plan.inserts if n.article.guid in item.full_text})
    ids = sorted({e.entry_id for e in plan.updates if e.article.guid in item.full_text})
    if not guids and not ids:
        return
    rows = db.execute(_FULL_TEXT_ROWS, (item.feed_id, json.dumps(guids), json.dumps(ids)))
    found = rows.fetchall()
    if not found:
        return
    db.execute(_FULL_TEXT_DROP, (json.dumps([r[0] for r in found]),))
    now = conv(item.now)
    db.executemany(_FULL_TEXT_ADD, [(id_, url, url_host(url), now, now) for id_, url in found])


def upsert(
    db: sqlite3.Connection, st: Statements, batch: Sequence[FeedEntries]
) -> list[UpsertCounts]:
    """upserts.py's ``upsert_feeds_entries_in``, on the driver's thread."""
    done = []
    for positions, items in feed_rounds(batch):
        plans = [match_entries(stored, item.articles) for item, stored in _stored(db, items)]
        _apply(db, st, items, plans)
        done.append((positions, plans))
    return counted(len(batch), done)


# The page cache a batch is written with, in KiB (SQLite's default is 2 MiB: 125 of our
# 16 KiB pages). A cold poll's batch inserts into six indexes at random places; with the
# default, pages were evicted and read back within the batch, and dirty ones spilled to the
# WAL before the commit. Replaying bench/poll.py's cold poll (27,743 entries, 32 batches):
# 54,042 writes and 30,859 reads -> 41,955 and 19,300. Only while a batch is written: the
# connection gives the pages back after it (a connection's cache lives as long as it does,
# and the pool keeps several).
RECORD_CACHE_KIB = 8192


def _record(
    db: sqlite3.Connection, st: Statements, outcomes: Sequence[PollOutcome], keep_log: int
) -> list[UpsertCounts]:
    """polls.py's ``_record_in``, on the driver's thread, with a page cache of at least
    RECORD_CACHE_KIB."""
    (was,) = db.execute("PRAGMA cache_size").fetchone()
    if not -RECORD_CACHE_KIB < was < 0:  # pages (positive), or already as large
        return _record_with(db, st, outcomes, keep_log)
    db.execute(f"PRAGMA cache_size=-{RECORD_CACHE_KIB}")
    try:
        return _record_with(db, st, outcomes, keep_log)
    finally:
        db.execute(f"PRAGMA cache_size={int(was)}")


def _record_with(
    db: sqlite3.Connection, st: Statements, outcomes: Sequence[PollOutcome], keep_log: int
) -> list[UpsertCounts]:
    counts = upsert(
        db,
        st,
        [FeedEntries(o.feed_id, o.articles if o.ok else (), o.now, o.full_text) for o in outcomes],
    )
    done = list(zip(outcomes, counts, strict=True))
    for ok, update_ in ((True, st.success), (False, st.failure)):
        mine = [update_.bind(feed_params(o, c)) for o, c in done if o.ok is ok]
        if mine:
            db.executemany(update_.sql, mine)
    db.executemany(st.log.sql, [st.log.bind(row) for row in log_rows(done)])
    feed_ids = json.dumps(sorted({o.feed_id for o in outcomes}))
    db.execute(_TRIM_LOG, (feed_ids, keep_log))
    return counts


async def record_polls_sqlite(
    conn: AsyncConnection, outcomes: Sequence[PollOutcome], keep_log: int
) -> list[UpsertCounts] | None:
    """Record these outcomes inside ``conn``'s transaction in one call on aiosqlite's thread;
    None when the driver is not aiosqlite (the caller takes the generic path). A database
    error comes out as SQLAlchemy's, as from ``conn.execute``."""
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    execute = getattr(driver, "_execute", None)  # aiosqlite's own "run this on my thread"
    if execute is None:
        return None
    st = statements(conn.dialect)
    try:
        counts: list[UpsertCounts] = await execute(_record, driver._conn, st, outcomes, keep_log)
    except sqlite3.Error as exc:
        raise DBAPIError.instance("record_polls", None, exc, sqlite3.Error) from exc
    return counts
