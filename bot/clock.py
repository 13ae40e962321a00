"""Injectable clocks. Every datetime in the bot is timezone-aware UTC unless it says otherwise."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until moved; for tests."""

    def __init__(self, at: datetime) -> None:
        self._at = ensure_utc(at)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = ensure_utc(at)

    def advance(self, delta: timedelta) -> None:
        self._at += delta


class OffsetClock:
    """Starts at a given instant and then runs forward in real time (``--now`` on ``newsbot run``)."""

    def __init__(self, start: datetime) -> None:
        self._start = ensure_utc(start)
        self._mono = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._mono)


def ensure_utc(dt: datetime) -> datetime:
    """Naive datetimes are taken as UTC (that is how SQLite hands them back)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def parse_iso(value: str) -> datetime:
    """Parse an ISO 8601 instant for ``--now``; ``Z`` and offsets accepted, naive means UTC."""
    return ensure_utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
