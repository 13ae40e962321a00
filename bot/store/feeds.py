"""The feeds table: sources from config and those added in chat, per scope."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.errors import SourceError
from bot.feeds.urls import shown_url
from bot.models import Feed, FeedSpec
from bot.store.rows import StoreBase, feed_row, lease_claim, racing_writers, scope_key
from bot.store.schema import feeds
from bot.store.sync import FAILURES_CLEARED, SyncReport
from bot.store.sync import sync_in as _sync_in


class FeedsMixin(StoreBase):
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
                        feeds.c.scope.in_({"", scope_key(scope)}),
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
                    f"a source with that {what} already exists: {clash.name} ({shown_url(clash.url)})",
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
                        scope=scope_key(scope),
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
        return feed_row(row)

    async def revive_feed(self, feed_id: int, spec: FeedSpec, *, added_by: str | None) -> Feed:
        """A removed global source added again: enabled with the spec's name, tags and weight,
        its old failure streak forgotten (it was just fetched); its stored entries stay its."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(feeds)
                .where(feeds.c.id == feed_id)
                .values(
                    name=spec.name,
                    tags=json.dumps(list(spec.tags)),
                    weight=spec.weight,
                    enabled=True,
                    added_by=added_by,
                    **FAILURES_CLEARED,
                )
            )
            row = (await conn.execute(select(feeds).where(feeds.c.id == feed_id))).one()
        return feed_row(row)

    async def sync_feeds(self, specs: Sequence[FeedSpec], now: datetime) -> SyncReport:
        """Make the global feeds match config, matched by name (feeds.toml's key): add new
        ones, update the url/tags/weight of known names (a new url starts the feed afresh:
        no cached validators, no failure streak), rename a config feed whose url kept its
        row. Feeds no longer in config are disabled, not deleted (their entries stay). A
        config feed whose name or url is taken by a source added by hand (CLI, OPML) is left
        out with one line saying so. Idempotent, so two processes starting together on one
        new database retry rather than fail when they insert the same row."""
        return await racing_writers(self.engine, lambda conn: _sync_in(conn, specs, now))

    async def list_feeds(
        self, scope: str | None = None, *, enabled_only: bool = False, all_scopes: bool = False
    ) -> list[Feed]:
        """Global feeds plus those of ``scope``; every feed with ``all_scopes``."""
        q = select(feeds)
        if not all_scopes:
            q = q.where(feeds.c.scope.in_({"", scope_key(scope)}))
        if enabled_only:
            q = q.where(feeds.c.enabled.is_(True))
        q = q.order_by(func.lower(feeds.c.name))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(q)).all()
        return [feed_row(r) for r in rows]

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(feeds).where(feeds.c.id == feed_id))).first()
        return feed_row(row) if row else None

    async def find_feed(self, name_or_url: str, scope: str | None = None) -> Feed | None:
        key = name_or_url.strip()
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(feeds)
                    .where(
                        feeds.c.scope.in_({"", scope_key(scope)}),
                        or_(func.lower(feeds.c.name) == key.lower(), feeds.c.url == key),
                    )
                    # the server's own source wins over a global one of the same name
                    .order_by(feeds.c.scope.desc())
                )
            ).first()
        return feed_row(row) if row else None

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
            rows = (await conn.execute(select(feeds).where(*_due(now)).order_by(feeds.c.id))).all()
        return [feed_row(r) for r in rows]

    async def claim_due_feeds(
        self,
        now: datetime,
        *,
        owner: str,
        lease: timedelta,
        limit: int,
        due_by: datetime | None = None,
    ) -> list[Feed]:
        """Lease up to ``limit`` feeds due by ``due_by`` (default ``now``; earlier: only
        overdue ones) to ``owner`` until ``now + lease`` (``lease_claim``: feeds another
        process holds are skipped). Recording the poll (``record_polls``) ends the lease."""
        claim = lease_claim(
            feeds,
            feeds.c.id,
            _due(now if due_by is None else due_by),
            (feeds.c.next_poll_at.nulls_first(), feeds.c.id),
            now=now,
            owner=owner,
            lease=lease,
            limit=limit,
        ).returning(*feeds.c)
        async with self.engine.begin() as conn:
            rows = (await conn.execute(claim)).all()
        return sorted((feed_row(r) for r in rows), key=lambda f: f.id)


def _due(now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        feeds.c.enabled.is_(True),
        or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now),
    )
