"""All reads and writes of the bot's state. The only module that holds SQL.

Dialect-neutral SQLAlchemy Core; works on SQLite (default) and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.errors import SourceError
from bot.models import (
    Article,
    ArticleIn,
    CachedSummary,
    Destination,
    Feed,
    FeedSpec,
    FetchLogEntry,
    PostRecord,
    PostState,
    UpsertCounts,
)
from bot.store import db
from bot.store.schema import (
    destinations,
    entries,
    feeds,
    fetch_log,
    notices,
    posts,
    summaries,
)


def _scope(scope: str | None) -> str:
    return scope or ""


def _feed(row: Any, entries_count: int = 0) -> Feed:
    return Feed(
        id=row.id,
        name=row.name,
        url=row.url,
        tags=tuple(json.loads(row.tags or "[]")),
        weight=row.weight,
        full_text=row.full_text,
        enabled=row.enabled,
        scope=row.scope or None,
        added_by=row.added_by,
        etag=row.etag,
        last_modified=row.last_modified,
        last_success_at=row.last_success_at,
        last_error=row.last_error,
        last_error_kind=row.last_error_kind,
        last_error_at=row.last_error_at,
        failing_since=row.failing_since,
        consecutive_failures=row.consecutive_failures,
        next_poll_at=row.next_poll_at,
        entries_count=entries_count,
        created_at=row.created_at,
    )


def _article(row: Any) -> Article:
    return Article(
        id=row.id,
        feed_id=row.feed_id,
        feed_name=row.feed_name,
        guid=row.guid,
        url=row.url,
        canonical_url=row.canonical_url,
        title=row.title,
        author=row.author,
        published_at=row.published_at,
        text=row.text,
        content_hash=row.content_hash,
        first_seen_at=row.first_seen_at,
        updated_at=row.updated_at,
        feed_weight=row.feed_weight,
        feed_tags=tuple(json.loads(row.feed_tags or "[]")),
    )


def _destination(row: Any) -> Destination:
    return Destination(
        id=row.id,
        platform=row.platform,
        channel_id=row.channel_id,
        scope=row.scope or None,
        post_time=row.post_time,
        tz=row.tz,
        enabled=row.enabled,
        topic=row.topic,
        last_window_end=row.last_window_end,
        created_by=row.created_by,
    )


def _post(row: Any) -> PostRecord:
    return PostRecord(
        id=row.id,
        destination_id=row.destination_id,
        window_key=row.window_key,
        state=PostState(row.state),
        window_start=row.window_start,
        window_end=row.window_end,
        attempts=row.attempts,
        message_ref=row.message_ref,
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


_ARTICLE_COLUMNS = (
    entries.c.id,
    entries.c.feed_id,
    feeds.c.name.label("feed_name"),
    entries.c.guid,
    entries.c.url,
    entries.c.canonical_url,
    entries.c.title,
    entries.c.author,
    entries.c.published_at,
    entries.c.text,
    entries.c.content_hash,
    entries.c.first_seen_at,
    entries.c.updated_at,
    feeds.c.weight.label("feed_weight"),
    feeds.c.tags.label("feed_tags"),
)


@dataclass(frozen=True)
class PollOutcome:
    """What one poll of one feed did, for ``Store.record_polls``."""

    feed_id: int
    now: datetime
    ok: bool
    next_poll_at: datetime
    status: str  # fetch-log status: "ok", "not_modified" or "error"
    http_status: int | None = None
    duration_ms: float = 0.0
    articles: Sequence[ArticleIn] = ()
    etag: str | None = None
    last_modified: str | None = None
    error_kind: str | None = None
    error: str | None = None


class Store:
    """Async access to the database. Open with ``await Store.open(url)``; migrations run then."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True) -> Store:
        engine = db.create_engine(url)
        if migrate:
            await db.migrate(engine)
        return cls(engine)

    async def close(self) -> None:
        await self.engine.dispose()

    # feeds ---------------------------------------------------------------
    async def add_feed(
        self,
        spec: FeedSpec,
        now: datetime,
        *,
        scope: str | None = None,
        added_by: str | None = None,
    ) -> Feed:
        """Insert a new feed; a duplicate name or URL in the same scope is a SourceError."""
        async with self.engine.begin() as conn:
            clash = (
                await conn.execute(
                    select(feeds.c.name, feeds.c.url).where(
                        feeds.c.scope.in_({"", _scope(scope)}),
                        or_(
                            func.lower(feeds.c.name) == spec.name.lower(),
                            feeds.c.url == spec.url,
                        ),
                    )
                )
            ).first()
            if clash is not None:
                what = "name" if clash.name.lower() == spec.name.lower() else "URL"
                raise SourceError(
                    f"a source with that {what} already exists: {clash.name} ({clash.url})",
                    hint="pick another name, or remove the existing source first",
                )
            try:
                result = await conn.execute(
                    insert(feeds).values(
                        name=spec.name,
                        url=spec.url,
                        tags=json.dumps(list(spec.tags)),
                        weight=spec.weight,
                        full_text=spec.full_text,
                        enabled=True,
                        scope=_scope(scope),
                        added_by=added_by,
                        consecutive_failures=0,
                        created_at=now,
                    )
                )
            except IntegrityError as exc:
                raise SourceError(f"a source named {spec.name!r} already exists") from exc
            pk = result.inserted_primary_key
            assert pk is not None
            row = (await conn.execute(select(feeds).where(feeds.c.id == pk[0]))).one()
        return _feed(row)

    async def sync_feeds(self, specs: Sequence[FeedSpec], now: datetime) -> tuple[int, int]:
        """Make the global feeds match config: add new ones, update name/tags/weight of known
        URLs. Feeds no longer in config are disabled, not deleted (their entries stay).
        Returns (added, updated)."""
        added = updated = 0
        async with self.engine.begin() as conn:
            existing = {
                r.url: r
                for r in (await conn.execute(select(feeds).where(feeds.c.scope == ""))).all()
            }
            wanted = {s.url for s in specs}
            for spec in specs:
                values = dict(
                    name=spec.name,
                    tags=json.dumps(list(spec.tags)),
                    weight=spec.weight,
                    full_text=spec.full_text,
                    enabled=True,
                )
                row = existing.get(spec.url)
                if row is None:
                    await conn.execute(
                        insert(feeds).values(
                            url=spec.url, scope="", consecutive_failures=0, created_at=now, **values
                        )
                    )
                    added += 1
                elif any(getattr(row, k) != v for k, v in values.items()):
                    await conn.execute(update(feeds).where(feeds.c.id == row.id).values(**values))
                    updated += 1
            for url, row in existing.items():
                if url not in wanted and row.enabled and row.added_by is None:
                    await conn.execute(
                        update(feeds).where(feeds.c.id == row.id).values(enabled=False)
                    )
        return added, updated

    async def list_feeds(
        self, scope: str | None = None, *, enabled_only: bool = False, all_scopes: bool = False
    ) -> list[Feed]:
        """Global feeds plus those of ``scope``; every feed with ``all_scopes``."""
        counts = (
            select(entries.c.feed_id, func.count().label("n"))
            .group_by(entries.c.feed_id)
            .subquery()
        )
        q = select(feeds, func.coalesce(counts.c.n, 0).label("n")).outerjoin(
            counts, counts.c.feed_id == feeds.c.id
        )
        if not all_scopes:
            q = q.where(feeds.c.scope.in_({"", _scope(scope)}))
        if enabled_only:
            q = q.where(feeds.c.enabled.is_(True))
        q = q.order_by(func.lower(feeds.c.name))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(q)).all()
        return [_feed(r, r.n) for r in rows]

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(feeds).where(feeds.c.id == feed_id))).first()
        return _feed(row) if row else None

    async def find_feed(self, name_or_url: str, scope: str | None = None) -> Feed | None:
        key = name_or_url.strip()
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(feeds)
                    .where(
                        feeds.c.scope.in_({"", _scope(scope)}),
                        or_(func.lower(feeds.c.name) == key.lower(), feeds.c.url == key),
                    )
                    # the server's own source wins over a global one of the same name
                    .order_by(feeds.c.scope.desc())
                )
            ).first()
        return _feed(row) if row else None

    async def remove_feed(self, name_or_url: str, scope: str | None = None) -> Feed:
        """Delete a feed of this scope with its entries. Global feeds live in config and are
        disabled instead (sync_feeds would bring them back otherwise)."""
        feed = await self.find_feed(name_or_url, scope)
        if feed is None:
            raise SourceError(
                f"no source named {name_or_url!r}", hint="see the names with /sources list"
            )
        async with self.engine.begin() as conn:
            if feed.scope is None and scope is not None:
                raise SourceError(
                    f"{feed.name!r} is a global source from config/feeds.toml",
                    hint="ask the bot's operator to remove it from config/feeds.toml",
                )
            if feed.scope is None:
                await conn.execute(update(feeds).where(feeds.c.id == feed.id).values(enabled=False))
            else:
                await conn.execute(delete(feeds).where(feeds.c.id == feed.id))
        return feed

    async def set_feed_enabled(self, feed_id: int, enabled: bool) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(enabled=enabled))

    async def due_feeds(self, now: datetime) -> list[Feed]:
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(feeds)
                    .where(
                        feeds.c.enabled.is_(True),
                        or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now),
                    )
                    .order_by(feeds.c.id)
                )
            ).all()
        return [_feed(r) for r in rows]

    # polling outcome -------------------------------------------------------
    async def record_success(
        self,
        feed_id: int,
        now: datetime,
        *,
        articles: Sequence[ArticleIn] = (),
        etag: str | None,
        last_modified: str | None,
        next_poll_at: datetime,
        status: str,
        http_status: int | None,
        duration_ms: float,
        keep_log: int = 20,
    ) -> UpsertCounts:
        """Store the entries and the new validators in one transaction, so a crash leaves either
        the old validators with the old entries or the new ones with the new entries."""
        outcome = PollOutcome(
            feed_id,
            now,
            ok=True,
            articles=articles,
            etag=etag,
            last_modified=last_modified,
            next_poll_at=next_poll_at,
            status=status,
            http_status=http_status,
            duration_ms=duration_ms,
        )
        return (await self.record_polls([outcome], keep_log=keep_log))[0]

    async def record_failure(
        self,
        feed_id: int,
        now: datetime,
        *,
        kind: str,
        message: str,
        next_poll_at: datetime,
        http_status: int | None,
        duration_ms: float,
        keep_log: int = 20,
    ) -> None:
        outcome = PollOutcome(
            feed_id,
            now,
            ok=False,
            next_poll_at=next_poll_at,
            status="error",
            http_status=http_status,
            duration_ms=duration_ms,
            error_kind=kind,
            error=message,
        )
        await self.record_polls([outcome], keep_log=keep_log)

    async def record_polls(
        self, outcomes: Sequence[PollOutcome], *, keep_log: int = 20
    ) -> list[UpsertCounts]:
        """Record many feeds' poll outcomes in one transaction (a poll of a thousand feeds is a
        few dozen commits, not a thousand). Each feed's entries commit with its validators."""
        if not outcomes:
            return []
        async with self.engine.begin() as conn:
            counts = [
                await self._upsert_entries(conn, o.feed_id, o.articles, o.now)
                if o.ok
                else UpsertCounts()
                for o in outcomes
            ]
            ok = [o for o in outcomes if o.ok]
            failed = [o for o in outcomes if not o.ok]
            if ok:
                await conn.execute(
                    update(feeds)
                    .where(feeds.c.id == bindparam("b_id"))
                    .values(
                        etag=bindparam("b_etag"),
                        last_modified=bindparam("b_last_modified"),
                        last_success_at=bindparam("b_now"),
                        consecutive_failures=0,
                        failing_since=None,
                        next_poll_at=bindparam("b_next"),
                    ),
                    [
                        dict(
                            b_id=o.feed_id,
                            b_etag=o.etag,
                            b_last_modified=o.last_modified,
                            b_now=o.now,
                            b_next=o.next_poll_at,
                        )
                        for o in ok
                    ],
                )
            if failed:
                await conn.execute(
                    update(feeds)
                    .where(feeds.c.id == bindparam("b_id"))
                    .values(
                        last_error=bindparam("b_error"),
                        last_error_kind=bindparam("b_kind"),
                        last_error_at=bindparam("b_now"),
                        failing_since=func.coalesce(feeds.c.failing_since, bindparam("b_now")),
                        consecutive_failures=feeds.c.consecutive_failures + 1,
                        next_poll_at=bindparam("b_next"),
                    ),
                    [
                        dict(
                            b_id=o.feed_id,
                            b_error=o.error,
                            b_kind=o.error_kind,
                            b_now=o.now,
                            b_next=o.next_poll_at,
                        )
                        for o in failed
                    ],
                )
            await conn.execute(
                insert(fetch_log),
                [
                    dict(
                        feed_id=o.feed_id,
                        at=o.now,
                        status=o.status,
                        http_status=o.http_status,
                        duration_ms=o.duration_ms,
                        new=c.new,
                        updated=c.updated,
                        error=None if o.ok else f"{o.error_kind}: {o.error}",
                    )
                    for o, c in zip(outcomes, counts, strict=True)
                ],
            )
            await self._trim_log(conn, {o.feed_id for o in outcomes}, keep_log)
        return counts

    async def _trim_log(self, conn: AsyncConnection, feed_ids: set[int], keep: int) -> None:
        """Keep the log short: only the newest ``keep`` rows of each of these feeds."""
        ranked = (
            select(
                fetch_log.c.id,
                func.row_number()
                .over(partition_by=fetch_log.c.feed_id, order_by=fetch_log.c.id.desc())
                .label("rank"),
            )
            .where(fetch_log.c.feed_id.in_(feed_ids))
            .subquery()
        )
        await conn.execute(
            delete(fetch_log).where(
                fetch_log.c.id.in_(select(ranked.c.id).where(ranked.c.rank > keep))
            )
        )

    async def fetch_log_for(self, feed_id: int) -> list[FetchLogEntry]:
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(fetch_log)
                    .where(fetch_log.c.feed_id == feed_id)
                    .order_by(fetch_log.c.id.desc())
                )
            ).all()
        return [
            FetchLogEntry(
                feed_id=r.feed_id,
                at=r.at,
                status=r.status,
                http_status=r.http_status,
                duration_ms=r.duration_ms,
                new=r.new,
                updated=r.updated,
                error=r.error,
            )
            for r in rows
        ]

    # entries -----------------------------------------------------------------
    async def upsert_entries(
        self, feed_id: int, articles: Sequence[ArticleIn], now: datetime
    ) -> UpsertCounts:
        async with self.engine.begin() as conn:
            return await self._upsert_entries(conn, feed_id, articles, now)

    async def _upsert_entries(
        self,
        conn: AsyncConnection,
        feed_id: int,
        articles: Sequence[ArticleIn],
        now: datetime,
    ) -> UpsertCounts:
        """An entry is the same entry when its guid matches one stored for this feed, or when
        its canonical URL and title match one whose guid the feed no longer lists (the
        publisher changed its guids). Same content: untouched; changed: updated in place.

        Entries of one document with distinct guids are distinct even when they share a page
        (a changelog, a comments feed, a "now" page with anchors, entries with no link at
        all): each is kept, its stored canonical URL suffixed with a hash of its guid, as the
        URL is unique per feed."""
        if not articles:
            return UpsertCounts()
        guids = {a.guid for a in articles}
        urls = {a.canonical_url for a in articles}
        rows = (
            await conn.execute(
                select(
                    entries.c.id,
                    entries.c.guid,
                    entries.c.canonical_url,
                    entries.c.content_hash,
                    entries.c.title,
                ).where(
                    entries.c.feed_id == feed_id,
                    or_(entries.c.guid.in_(guids), entries.c.canonical_url.in_(urls)),
                )
            )
        ).all()
        by_guid = {r.guid: r for r in rows}
        by_url = {r.canonical_url: r for r in rows}
        new = updated = unchanged = 0
        seen_ids: set[int] = set()
        seen_guids: set[str] = set()
        used_urls = set(by_url)
        inserts: list[dict[str, Any]] = []
        for a in articles:
            if a.guid in seen_guids:
                unchanged += 1  # the same entry twice in one document
                continue
            seen_guids.add(a.guid)
            row = by_guid.get(a.guid)
            if row is None:
                same_page = by_url.get(a.canonical_url)
                if (
                    same_page is not None
                    and same_page.guid not in guids
                    and same_page.title == a.title
                ):
                    row = same_page
            if row is None:
                stored_url = a.canonical_url
                if stored_url in used_urls:
                    stored_url += "#" + hashlib.sha256(a.guid.encode()).hexdigest()[:12]
                used_urls.add(stored_url)
                inserts.append(
                    dict(
                        feed_id=feed_id,
                        guid=a.guid,
                        url=a.url,
                        canonical_url=stored_url,
                        title=a.title,
                        author=a.author,
                        published_at=a.published_at,
                        fetched_at=now,
                        text=a.text,
                        content_hash=a.content_hash,
                        first_seen_at=now,
                        updated_at=now,
                        revision=1,
                    )
                )
                new += 1
            elif row.id in seen_ids or row.content_hash == a.content_hash:
                unchanged += 1
            else:
                values: dict[str, Any] = dict(
                    url=a.url,
                    title=a.title,
                    author=a.author,
                    text=a.text,
                    content_hash=a.content_hash,
                    fetched_at=now,
                    updated_at=now,
                    revision=entries.c.revision + 1,
                )
                # guid/canonical URL of the stored row stay: they are its identity
                await conn.execute(update(entries).where(entries.c.id == row.id).values(**values))
                updated += 1
            if row is not None:
                seen_ids.add(row.id)
        if inserts:
            # one executemany: a first poll of a big feed is one round trip, not hundreds
            await conn.execute(insert(entries), inserts)
        return UpsertCounts(new=new, updated=updated, unchanged=unchanged)

    async def stored_hashes(
        self, feed_id: int, guids: Iterable[str], urls: Iterable[str] = ()
    ) -> dict[str, str]:
        """Content hashes of this feed's stored entries, keyed by guid and by canonical URL
        (the two ways ``_upsert_entries`` recognizes an entry)."""
        guid_set = set(guids)
        url_set = {u for u in urls if u}
        if not guid_set and not url_set:
            return {}
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(entries.c.guid, entries.c.canonical_url, entries.c.content_hash).where(
                        entries.c.feed_id == feed_id,
                        or_(entries.c.guid.in_(guid_set), entries.c.canonical_url.in_(url_set)),
                    )
                )
            ).all()
        out: dict[str, str] = {}
        for r in rows:
            out[r.guid] = r.content_hash
            if r.canonical_url:
                out[r.canonical_url] = r.content_hash
        return out

    async def articles_between(
        self,
        start: datetime,
        end: datetime,
        *,
        scope: str | None = None,
        all_scopes: bool = False,
    ) -> list[Article]:
        """Articles published in [start, end) from enabled feeds visible in ``scope``."""
        q = (
            select(*_ARTICLE_COLUMNS)
            .join(feeds, feeds.c.id == entries.c.feed_id)
            .where(
                entries.c.published_at >= start,
                entries.c.published_at < end,
                feeds.c.enabled.is_(True),
            )
            .order_by(entries.c.published_at.desc(), entries.c.id)
        )
        if not all_scopes:
            q = q.where(feeds.c.scope.in_({"", _scope(scope)}))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(q)).all()
        return [_article(r) for r in rows]

    async def find_articles_by_url(self, canonical_url: str) -> list[Article]:
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(*_ARTICLE_COLUMNS)
                    .join(feeds, feeds.c.id == entries.c.feed_id)
                    .where(
                        or_(
                            entries.c.canonical_url == canonical_url, entries.c.url == canonical_url
                        )
                    )
                )
            ).all()
        return [_article(r) for r in rows]

    async def count_entries(self, feed_id: int | None = None) -> int:
        q = select(func.count()).select_from(entries)
        if feed_id is not None:
            q = q.where(entries.c.feed_id == feed_id)
        async with self.engine.connect() as conn:
            return int((await conn.execute(q)).scalar_one())

    async def entry_rows(self, feed_id: int | None = None) -> list[dict[str, Any]]:
        """Raw entry rows (guid, canonical_url, content_hash, revision ...), for checks and tools."""
        q = select(entries).order_by(entries.c.id)
        if feed_id is not None:
            q = q.where(entries.c.feed_id == feed_id)
        async with self.engine.connect() as conn:
            return [dict(r._mapping) for r in (await conn.execute(q)).all()]

    # summary cache -------------------------------------------------------------
    async def get_summary(self, key: str) -> CachedSummary | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(summaries).where(summaries.c.key == key))).first()
        if row is None:
            return None
        return CachedSummary(row.key, row.payload, row.tokens_in, row.tokens_out)

    async def put_summary(self, item: CachedSummary, now: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(summaries).where(summaries.c.key == item.key))
            await conn.execute(
                insert(summaries).values(
                    key=item.key,
                    payload=item.payload,
                    tokens_in=item.tokens_in,
                    tokens_out=item.tokens_out,
                    created_at=now,
                )
            )

    # destinations ---------------------------------------------------------------
    async def upsert_destination(
        self,
        *,
        platform: str,
        channel_id: str,
        scope: str | None,
        post_time: str,
        tz: str,
        topic: str | None,
        created_by: str | None,
        now: datetime,
    ) -> Destination:
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    select(destinations).where(
                        destinations.c.platform == platform,
                        destinations.c.channel_id == channel_id,
                    )
                )
            ).first()
            values = dict(
                scope=_scope(scope),
                post_time=post_time,
                tz=tz,
                topic=topic,
                enabled=True,
                created_by=created_by,
            )
            if row is None:
                await conn.execute(
                    insert(destinations).values(
                        platform=platform, channel_id=channel_id, created_at=now, **values
                    )
                )
            else:
                await conn.execute(
                    update(destinations).where(destinations.c.id == row.id).values(**values)
                )
            row = (
                await conn.execute(
                    select(destinations).where(
                        destinations.c.platform == platform,
                        destinations.c.channel_id == channel_id,
                    )
                )
            ).one()
        return _destination(row)

    async def list_destinations(
        self, *, platform: str | None = None, scope: str | None = None, enabled_only: bool = True
    ) -> list[Destination]:
        q = select(destinations).order_by(destinations.c.id)
        if platform is not None:
            q = q.where(destinations.c.platform == platform)
        if scope is not None:
            q = q.where(destinations.c.scope == scope)
        if enabled_only:
            q = q.where(destinations.c.enabled.is_(True))
        async with self.engine.connect() as conn:
            return [_destination(r) for r in (await conn.execute(q)).all()]

    async def get_destination(self, destination_id: int) -> Destination | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(destinations).where(destinations.c.id == destination_id))
            ).first()
        return _destination(row) if row else None

    async def disable_destinations(
        self, *, platform: str, scope: str | None = None, channel_id: str | None = None
    ) -> int:
        conds = [destinations.c.platform == platform, destinations.c.enabled.is_(True)]
        if scope is not None:
            conds.append(destinations.c.scope == scope)
        if channel_id is not None:
            conds.append(destinations.c.channel_id == channel_id)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(destinations).where(and_(*conds)).values(enabled=False)
            )
        return int(result.rowcount or 0)

    # posts: exactly-once ledger ---------------------------------------------------
    async def claim_post(
        self,
        destination_id: int,
        window_key: str,
        window_start: datetime,
        window_end: datetime,
        now: datetime,
        *,
        owner: str,
        stale_after_s: float = 600.0,
    ) -> PostRecord | None:
        """Record the intent to post before posting. Returns the record when this caller owns
        the post now; None when another caller did it or is doing it.

        A PENDING record older than ``stale_after_s`` (its owner died mid-post) or a FAILED one
        may be taken over; the adapter then resumes from ``message_ref`` so nothing is posted twice.
        """
        async with self.engine.begin() as conn:
            try:
                # a savepoint, so a unique-key clash leaves the transaction usable on PostgreSQL
                async with conn.begin_nested():
                    await conn.execute(
                        insert(posts).values(
                            destination_id=destination_id,
                            window_key=window_key,
                            state=PostState.PENDING.value,
                            window_start=window_start,
                            window_end=window_end,
                            attempts=1,
                            owner=owner,
                            created_at=now,
                            updated_at=now,
                        )
                    )
            except IntegrityError:
                pass
            else:
                row = (
                    await conn.execute(
                        select(posts).where(
                            posts.c.destination_id == destination_id,
                            posts.c.window_key == window_key,
                        )
                    )
                ).one()
                return _post(row)
        stale = now - timedelta(seconds=stale_after_s)
        async with self.engine.begin() as conn:
            # compare-and-swap so two takers can't both win
            result = await conn.execute(
                update(posts)
                .where(
                    posts.c.destination_id == destination_id,
                    posts.c.window_key == window_key,
                    or_(
                        posts.c.state == PostState.FAILED.value,
                        and_(posts.c.state == PostState.PENDING.value, posts.c.updated_at <= stale),
                    ),
                )
                .values(
                    state=PostState.PENDING.value,
                    owner=owner,
                    attempts=posts.c.attempts + 1,
                    updated_at=now,
                )
            )
            if not result.rowcount:
                return None
            row = (
                await conn.execute(
                    select(posts).where(
                        posts.c.destination_id == destination_id,
                        posts.c.window_key == window_key,
                    )
                )
            ).one()
        return _post(row)

    async def update_post(
        self,
        post_id: int,
        now: datetime,
        *,
        state: PostState | None = None,
        message_ref: str | None = None,
        error: str | None = None,
    ) -> None:
        values: dict[str, Any] = {"updated_at": now}
        if state is not None:
            values["state"] = state.value
        if message_ref is not None:
            values["message_ref"] = message_ref
        if error is not None:
            values["error"] = error
        async with self.engine.begin() as conn:
            await conn.execute(update(posts).where(posts.c.id == post_id).values(**values))
            if state is PostState.DONE:
                row = (await conn.execute(select(posts).where(posts.c.id == post_id))).one()
                await conn.execute(
                    update(destinations)
                    .where(
                        destinations.c.id == row.destination_id,
                        or_(
                            destinations.c.last_window_end.is_(None),
                            destinations.c.last_window_end < row.window_end,
                        ),
                    )
                    .values(last_window_end=row.window_end)
                )

    async def posts_for(self, destination_id: int | None = None) -> list[PostRecord]:
        q = select(posts).order_by(posts.c.id)
        if destination_id is not None:
            q = q.where(posts.c.destination_id == destination_id)
        async with self.engine.connect() as conn:
            return [_post(r) for r in (await conn.execute(q)).all()]

    # notices: say a thing once ----------------------------------------------------
    async def notice_once(self, destination_key: str, notice_key: str, now: datetime) -> bool:
        """True the first time this (destination, notice) pair is seen, False after."""
        async with self.engine.begin() as conn:
            try:
                async with conn.begin_nested():
                    await conn.execute(
                        insert(notices).values(
                            destination_key=destination_key, notice_key=notice_key, created_at=now
                        )
                    )
            except IntegrityError:
                return False
        return True

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(select(1))


def feed_ids(items: Iterable[Feed]) -> list[int]:
    return [f.id for f in items]
