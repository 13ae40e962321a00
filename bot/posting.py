"""Posting a digest exactly once: claim → build → publish → mark.

``Poster`` owns the post ledger's use and the live publishers (one per connected chat
platform, attached when its adapter starts). It knows nothing of APScheduler: a daily post
that should be tried again comes back with ``retry_after`` and the scheduler books it.

Exactly once
------------
Before anything is sent the post is claimed in the store (``Store.claim_post``, unique on
destination + key); the publisher saves its progress (headline sent, thread opened, last
part) through ``save``; the record is marked DONE after. Two racers: one claim wins. A crash
or failure after the headline: the record stays PENDING (taken over once stale) or is marked
FAILED (taken over at once); the next owner passes the saved progress in ``Resume`` and the
publisher carries on instead of posting a second headline.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.community.post_links import earlier_posts
from bot.config import Settings
from bot.daily import MAX_WINDOW, Outcome, PostKind, backoff_seconds, now_key
from bot.errors import PostError
from bot.identity import default_owner
from bot.models import Destination, Digest, DigestWindow, Feed, PostRecord, PostState
from bot.publish import Publisher, Resume
from bot.services import ago
from bot.store.store import Store

if TYPE_CHECKING:
    from bot.digest.build import DigestBuilder

log = logging.getLogger("newsbot.scheduler")

STALE_AFTER_S = 600.0  # a PENDING post untouched this long belongs to a dead process
FAILING_NOTICE_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Attempt:
    """What one post attempt did, and when to try again (daily posts only), in seconds."""

    outcome: Outcome
    retry_after: float | None = None


def failing_source_notice(feed: Feed, now: datetime) -> str:
    """The admins' heads-up about a source that has failed for a day."""
    assert feed.failing_since is not None
    reason = f"{feed.last_error_kind or 'error'}: {feed.last_error or 'unknown'}"
    return (
        f"Heads up: the source {feed.name} has been failing since "
        f"{ago(feed.failing_since, now)} ({reason}). Its news is missing from the "
        f"digest until it recovers. Check it with /sources, or remove it."
    )


@dataclass(eq=False, repr=False)
class Poster:
    store: Store
    builder: DigestBuilder
    settings: Settings
    clock: Clock
    _: KW_ONLY
    publishers: dict[str, Publisher] = field(default_factory=dict)
    owner: str = field(default_factory=default_owner)

    def __post_init__(self) -> None:
        self.publishers = dict(self.publishers)  # the caller's mapping stays as it was

    def attach(self, platform: str, publisher: Publisher) -> None:
        """A chat platform connected in this process: its destinations can be posted to."""
        self.publishers[platform] = publisher

    async def post_now(self, dest: Destination) -> Outcome:
        """``/digest now``: everything since the last post, posted right away, once."""
        now = self.clock.now()
        start = max(dest.last_window_end or now - timedelta(days=1), now - MAX_WINDOW)
        attempt = await self.post(dest, PostKind.NOW, now_key(now), start, now)
        return attempt.outcome

    async def post(
        self,
        dest: Destination,
        kind: PostKind,
        key: str,
        start: datetime,
        end: datetime,
        *,
        label: str = "since the last post",
    ) -> Attempt:
        publisher = self.publishers.get(dest.platform)
        if publisher is None:
            log.info("no %s connection in this process; not posting to %s", dest.platform, key)
            return Attempt(Outcome.NO_PUBLISHER)
        where = f"{dest.platform}:{dest.channel_id}"
        existing = await self._record(dest.id, key)
        if (
            existing is not None
            and existing.state == PostState.FAILED
            and existing.attempts > self.settings.post_retries
        ):
            log.error(
                "giving up on the %s post to %s after %d attempts", key, where, existing.attempts
            )
            return Attempt(Outcome.FAILED)
        if start >= end and existing is None:
            log.info("nothing new for %s since its last post; not posting %s", where, key)
            return Attempt(Outcome.SKIPPED)
        record = await self.store.claim_post(
            dest.id,
            key,
            start,
            end,
            self.clock.now(),
            owner=self.owner,
            stale_after_s=STALE_AFTER_S,
        )
        if record is None:
            log.info("the %s post to %s is done or in progress elsewhere", key, where)
            current = await self._record(dest.id, key)
            if (
                kind is PostKind.DAILY
                and current is not None
                and current.state == PostState.PENDING
            ):
                # someone else is on it; if they died, the claim goes stale and we take over
                return Attempt(Outcome.ALREADY, retry_after=STALE_AFTER_S + 5)
            return Attempt(Outcome.ALREADY)
        return await self._send(publisher, dest, record, kind, label)

    async def skip(self, dest: Destination, key: str, occurrence: datetime, reason: str) -> None:
        """Record a post that will not be made (missed beyond the grace period)."""
        now = self.clock.now()
        claimed = await self.store.claim_post(
            dest.id, key, occurrence - timedelta(days=1), occurrence, now, owner=self.owner
        )
        if claimed is not None:
            await self.store.update_post(claimed.id, now, state=PostState.SKIPPED, error=reason)

    async def _record(self, destination_id: int, key: str) -> PostRecord | None:
        records = await self.store.posts_for(destination_id)
        return next((r for r in records if r.window_key == key), None)

    async def _send(
        self,
        publisher: Publisher,
        dest: Destination,
        record: PostRecord,
        kind: PostKind,
        label: str,
    ) -> Attempt:
        where = f"{dest.platform}:{dest.channel_id}"
        window = DigestWindow(
            start=record.window_start,
            end=record.window_end,
            tz=dest.tz,
            label=label,
            by_first_seen=True,
        )
        saving: list[asyncio.Future[None]] = []

        async def save(progress: str) -> None:
            # Shielded: once a part is on the platform its progress must reach the ledger, even
            # if shutdown cancels the post right now.
            write = asyncio.ensure_future(
                self.store.update_post(record.id, self.clock.now(), message_ref=progress)
            )
            saving.append(write)
            await asyncio.shield(write)

        try:
            filters = await self.store.filters_for(dest.scope, dest.channel_id)
            digest = await self.builder.build(
                window, topic=dest.topic, scope=dest.scope, filters=filters
            )
            ping = await self.store.ping_for(dest.id)  # the role / group chosen for this channel
            digest = replace(digest, ping=ping) if ping else digest
            digest = await self._link_followups(dest, digest)
            ref = await publisher.publish(dest, digest, Resume(record.message_ref, save))
        except asyncio.CancelledError:
            await asyncio.gather(*saving, return_exceptions=True)
            await self.store.update_post(
                record.id, self.clock.now(), state=PostState.FAILED, error="interrupted by shutdown"
            )
            raise
        except Exception as exc:
            return await self._failed(dest, record, kind, exc)
        await self.store.update_post(
            record.id, self.clock.now(), state=PostState.DONE, message_ref=ref
        )
        log.info("posted %s to %s", record.window_key, where)
        return Attempt(Outcome.POSTED)

    async def _link_followups(self, dest: Destination, digest: Digest) -> Digest:
        """Follow-ups point at this channel's earlier post that told the story."""
        if not any(s.followup for s in digest.all_stories):
            return digest
        posts = earlier_posts(dest, await self.store.posts_for(dest.id))
        from bot.digest.followups import link_earlier_posts  # loads the grouping (numpy)

        linked = link_earlier_posts(digest.all_stories, posts)
        if digest.lead is None:
            return replace(digest, stories=tuple(linked))
        return replace(digest, lead=linked[0], stories=tuple(linked[1:]))

    async def _failed(
        self, dest: Destination, record: PostRecord, kind: PostKind, exc: Exception
    ) -> Attempt:
        where = f"{dest.platform}:{dest.channel_id}"
        retryable = exc.retryable if isinstance(exc, PostError) else True
        if not isinstance(exc, PostError):
            log.exception("posting %s to %s failed", record.window_key, where)
        await self.store.update_post(
            record.id, self.clock.now(), state=PostState.FAILED, error=str(exc)[:500]
        )
        log.warning(
            "post %s to %s failed (attempt %d): %s", record.window_key, where, record.attempts, exc
        )
        if retryable and record.attempts <= self.settings.post_retries and kind is PostKind.DAILY:
            return Attempt(Outcome.FAILED, retry_after=backoff_seconds(record.attempts))
        return Attempt(Outcome.FAILED)

    async def notify_failing_sources(self) -> int:
        """One notice per (destination, failing streak) once a source has failed for a day."""
        now = self.clock.now()
        sent = 0
        feeds = [
            f
            for f in await self.store.list_feeds(all_scopes=True, enabled_only=True)
            if f.failing_since is not None and now - f.failing_since >= FAILING_NOTICE_AFTER
        ]
        if not feeds:
            return 0
        for dest in await self.store.list_destinations():
            publisher = self.publishers.get(dest.platform)
            if publisher is None:
                continue
            for feed in feeds:
                if feed.scope is not None and feed.scope != dest.scope:
                    continue
                assert feed.failing_since is not None
                key = f"source-failing:{feed.id}:{feed.failing_since.isoformat()}"
                if not await self.store.notice_once(f"{dest.platform}:{dest.channel_id}", key, now):
                    continue
                try:
                    await publisher.notify(dest, failing_source_notice(feed, now))
                    sent += 1
                except Exception as exc:
                    log.warning("could not send a notice to %s: %s", dest.channel_id, exc)
        return sent
