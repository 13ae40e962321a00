"""The post ledger as the exactly-once fault tests see it: the last progress a publisher
saved, and a kill at a chosen save (the bot dying between a send and its save)."""

from __future__ import annotations


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
