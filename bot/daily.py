"""When a daily post is due, what its key is, and what a missed one becomes: pure functions.

Nothing here reads a clock, a database or APScheduler; the scheduler passes ``now`` and the
ledger's records in and acts on the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum, StrEnum
from zoneinfo import ZoneInfo

from bot.clock import ensure_utc
from bot.models import PostRecord, PostState

MAX_WINDOW = timedelta(days=7)  # a window after a long outage covers at most a week
# A daily post covers what was first seen in its window; of that, what was published at most
# this long before the window began (a feed down for a day, a late entry): older is a feed's
# archive (a new source, one back after weeks), not news.
LATE_GRACE = timedelta(days=2)


class Outcome(StrEnum):
    """What one attempt to post did; adapters turn it into their own words."""

    POSTED = "posted"
    ALREADY = "already"  # done, or being done, by someone else
    FAILED = "failed"
    SKIPPED = "skipped"
    NO_PUBLISHER = "no_publisher"
    DISABLED = "disabled"


class PostKind(StrEnum):
    """A scheduled daily post (retried, taken over when stale) or a ``/digest now`` post."""

    DAILY = "daily"
    NOW = "now"


class CatchUp(Enum):
    """What to do on start about a destination's latest scheduled post."""

    NOTHING = "nothing"  # done, covered by an earlier post, or set up after its time
    POST = "post"  # make it (or resume it) now
    SKIP = "skip"  # missed beyond the grace period: record it SKIPPED


def latest_occurrence(post_time: str, tz: str, now: datetime) -> datetime:
    """The most recent local ``post_time`` at or before ``now``, in UTC."""
    zone = ZoneInfo(tz)
    hh, mm = (int(p) for p in post_time.split(":"))
    local_day = ensure_utc(now).astimezone(zone).date()
    for back in range(3):
        day = local_day - timedelta(days=back)
        occ = _at(day, hh, mm, zone)
        if occ <= ensure_utc(now):
            return occ
    raise AssertionError("unreachable")  # pragma: no cover


def _at(day: date, hh: int, mm: int, zone: ZoneInfo) -> datetime:
    local = datetime.combine(day, time(hh, mm), tzinfo=zone)
    # a time inside a DST gap does not exist: round-trip through UTC moves it forward
    return local.astimezone(UTC)


def window_key(occurrence: datetime, tz: str) -> str:
    """The ledger key of a daily post: one per destination and local date."""
    return f"{PostKind.DAILY}:{occurrence.astimezone(ZoneInfo(tz)).date().isoformat()}"


def now_key(now: datetime) -> str:
    """The ledger key of a ``/digest now`` post."""
    return f"{PostKind.NOW}:{now.strftime('%Y%m%dT%H%M%S')}"


def backoff_seconds(attempt: int) -> float:
    """1, 2, 4, 8 ... minutes, at most 30."""
    return float(min(30 * 60, 60 * 2 ** max(0, attempt - 1)))


def daily_window_start(last_window_end: datetime | None, occurrence: datetime) -> datetime:
    """A daily post covers everything since the previous one (a day at first, a week at most)."""
    start = last_window_end or occurrence - timedelta(days=1)
    return max(start, occurrence - MAX_WINDOW)


def catch_up_decision(
    *,
    occurrence: datetime,
    key: str,
    records: Sequence[PostRecord],
    last_window_end: datetime | None,
    now: datetime,
    grace: timedelta,
) -> CatchUp:
    """A post missed while the bot was down is made once if still within ``grace``, else
    skipped; a post interrupted by a crash or a failure is resumed whatever its age."""
    mine = next((r for r in records if r.window_key == key), None)
    if mine is not None:
        if mine.state in (PostState.DONE, PostState.SKIPPED):
            return CatchUp.NOTHING
        return CatchUp.POST
    if not records and last_window_end is None:
        return CatchUp.NOTHING  # set up after its last time: nothing was missed
    if last_window_end is not None and last_window_end >= occurrence:
        return CatchUp.NOTHING  # an earlier post (or /digest now) already covered that time
    return CatchUp.POST if now - occurrence <= grace else CatchUp.SKIP
