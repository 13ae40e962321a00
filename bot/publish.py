"""What the scheduler needs from a chat platform. Implemented by each adapter (discord, slack,
console); the core never imports them.

Exactly-once posting works with the store's post ledger (``Store.claim_post``): the scheduler
claims (destination, window) before posting, hands the adapter the progress saved so far
(``Resume.saved``), and the adapter calls ``Resume.save`` after each part it posts (headline message id,
thread id, last thread part sent). After a crash the next owner resumes from there instead of
posting again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.models import Destination, Digest

SaveProgress = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class Resume:
    """Where a post stands: ``saved`` is the progress last saved for it (opaque JSON written
    by the adapter; None on a first try) and ``save`` stores more after each part posted."""

    saved: str | None
    save: SaveProgress


class Publisher(Protocol):
    platform: str  # "discord" | "slack" | "console"

    async def publish(self, destination: Destination, digest: Digest, resume: Resume) -> str:
        """Post the headline, then the details in a thread, after what ``resume`` says is out
        already. Returns the final message reference. Raises ``PostError(retryable=...)`` on
        failure."""
        ...

    async def notify(self, destination: Destination, text: str) -> None:
        """Send an admin-facing notice (a failing source, a missing permission)."""
        ...


class Notices(Protocol):
    """Say a thing once per place (``bot.services.Services.notice_once``)."""

    async def notice_once(self, where: str, key: str) -> bool:
        """True the first time this notice is due in ``where`` (a channel), False after."""
        ...
