"""What the scheduler needs from a chat platform. Implemented by each adapter (discord, slack,
console); the core never imports them.

Exactly-once posting works with the store's post ledger (``Store.claim_post``): the scheduler
claims (destination, window) before posting, hands the adapter the progress saved so far
(``resume``), and the adapter calls ``save`` after each part it posts (headline message id,
thread id, last thread part sent). After a crash the next owner resumes from there instead of
posting again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.models import Destination, Digest

SaveProgress = Callable[[str], Awaitable[None]]


class Publisher(Protocol):
    platform: str  # "discord" | "slack" | "console"

    async def publish(
        self,
        destination: Destination,
        digest: Digest,
        *,
        resume: str | None,
        save: SaveProgress,
    ) -> str:
        """Post the headline, then the details in a thread. ``resume`` is the last progress
        saved for this post (opaque JSON written by this adapter) or None. Returns the final
        message reference. Raises ``PostError(retryable=...)`` on failure."""
        ...

    async def notify(self, destination: Destination, text: str) -> None:
        """Send an admin-facing notice (a failing source, a missing permission)."""
        ...


class Notices(Protocol):
    """Say a thing once per place (``bot.services.Services.notice_once``)."""

    async def notice_once(self, where: str, key: str) -> bool:
        """True the first time this notice is due in ``where`` (a channel), False after."""
        ...
