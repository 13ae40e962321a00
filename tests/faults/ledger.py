"""The post ledger as the exactly-once fault tests see it: the last progress a publisher
saved, and a kill at a chosen save (the bot dying between a send and its save)."""

from __future__ import annotations

import asyncio

from bot.errors import PostError
from bot.models import Destination, Digest
from bot.publish import Publisher, Resume


class Ledger:
    """What the scheduler keeps between tries: the last saved progress."""

    def __init__(self) -> None:
        self.progress: str | None = None
        self.kill_at_save = -1  # the bot dies when this save is reached
        self.saves = 0

    async def save(self, progress: str) -> None:
        self.saves += 1
        if self.saves == self.kill_at_save:
            raise SystemExit("killed between the send and the save")
        self.progress = progress


async def publish_until_done(
    publisher: Publisher,
    dest: Destination,
    digest: Digest,
    ledger: Ledger,
    *,
    limit: float | None = None,
) -> int:
    """Publish, and after each failure (or kill) publish again from the saved progress, as
    the scheduler's retries do; how many tries it took. ``limit``: seconds a try may take."""
    for tries in range(1, 5):
        try:
            async with asyncio.timeout(limit):
                await publisher.publish(dest, digest, Resume(ledger.progress, ledger.save))
            return tries
        except (PostError, SystemExit):
            continue
    raise AssertionError("never finished")
