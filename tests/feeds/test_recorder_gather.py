"""The poll's recorder waits for more outcomes while more of the poll's feeds are coming, so
feeds finishing one after another share a commit; the last one (or a full batch) ends the
wait, so nothing waits once nothing more is coming."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.clock import FixedClock
from bot.feeds.recorder import BatchRecorder
from bot.models import FeedSpec, UpsertCounts
from bot.store.store import PollOutcome, Store

from .test_recorder import _ok

# far beyond any test's run: the outcomes below must end the wait themselves
AN_HOUR = 3600.0


class _Counting:
    """The store, as the recorder uses it, noting the size of each batch it writes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sizes: list[int] = []

    async def record_polls(self, outcomes: list[PollOutcome], **kw: Any) -> list[UpsertCounts]:
        self.sizes.append(len(outcomes))
        return await self.store.record_polls(outcomes, **kw)


async def _record_spaced(
    store: Store, clock: FixedClock, n: int, **kw: object
) -> tuple[list[int], list[int]]:
    """``n`` feeds' outcomes, each handed in a few event-loop turns after the one before;
    the sizes of the batches written."""
    ids = [
        (await store.add_feed(FeedSpec(f"f{i}", f"http://127.0.0.1/{i}"), clock.now())).id
        for i in range(n)
    ]
    recorder = BatchRecorder(_Counting(store), keep_log=5, gather=AN_HOUR, **kw)  # type: ignore[arg-type]

    async def one(i: int, feed_id: int) -> int:
        for _ in range(3 * i):
            await asyncio.sleep(0)
        return (await recorder.record(_ok(feed_id, clock, etag=f'"{feed_id}"'))).new

    try:
        async with asyncio.timeout(60):  # a hang, not a speed: the wait must end by itself
            await asyncio.gather(*(one(i, f) for i, f in enumerate(ids)))
    finally:
        await recorder.close()
    feeds = {f.id: f for f in await store.list_feeds(all_scopes=True)}
    assert all(feeds[i].etag == f'"{i}"' for i in ids)
    return ids, recorder._store.sizes  # type: ignore[attr-defined]


async def test_feeds_finishing_one_after_another_share_one_commit(
    store: Store, clock: FixedClock
) -> None:
    _ids, sizes = await _record_spaced(store, clock, 12, coming=12)
    assert sizes == [12]


async def test_a_full_batch_is_written_without_waiting_for_the_rest(
    store: Store, clock: FixedClock
) -> None:
    _ids, sizes = await _record_spaced(store, clock, 12, coming=12, max_batch=5)
    assert sum(sizes) == 12 and max(sizes) <= 5


async def test_with_nothing_said_to_be_coming_nothing_waits(
    store: Store, clock: FixedClock
) -> None:
    _ids, sizes = await _record_spaced(store, clock, 6)
    assert sum(sizes) == 6
