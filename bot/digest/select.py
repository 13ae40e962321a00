"""Which span of time a digest covers, computed in the reader's time zone.

``today`` is the 24 hours ending now (a digest asked for at 09:00 should not be empty just
because the calendar day is young); ``yesterday`` and ``YYYY-MM-DD`` are whole calendar
days in the zone, so across a DST change they last 23 or 25 hours; ``week`` is the 7 days
ending now. Windows are half-open, [start, end), in UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.clock import ensure_utc
from bot.errors import NewsbotError
from bot.models import DigestWindow
from bot.validate import find_zone

WHEN_HINT = "use today, yesterday, week or a date like 2026-08-21"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class WindowError(NewsbotError, ValueError):
    """A window that cannot be computed: unknown word, bad date, unknown zone, end <= start."""


def _zone(tz: str) -> ZoneInfo:
    zone = find_zone(tz)
    if zone is None:
        raise WindowError(
            f"unknown time zone {tz!r}", hint="use an IANA name like Europe/Berlin or UTC"
        )
    return zone


def day_window(day: date, tz: str, label: str | None = None) -> DigestWindow:
    """The calendar day ``day`` in ``tz``: local midnight to the next local midnight."""
    zone = _zone(tz)
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    end_day = day + timedelta(days=1)
    end = datetime(end_day.year, end_day.month, end_day.day, tzinfo=zone)
    return DigestWindow(
        start=start.astimezone(UTC), end=end.astimezone(UTC), tz=tz, label=label or day.isoformat()
    )


def window_for(when: str, now: datetime, tz: str) -> DigestWindow:
    """The window named by ``when`` (``today|yesterday|week|YYYY-MM-DD``) as seen at ``now``."""
    now = ensure_utc(now)
    zone = _zone(tz)
    word = when.strip().lower()
    if word in ("", "today"):
        return DigestWindow(start=now - timedelta(days=1), end=now, tz=tz, label="today")
    if word == "week":
        return DigestWindow(start=now - timedelta(days=7), end=now, tz=tz, label="week")
    if word == "yesterday":
        local_today = now.astimezone(zone).date()
        return day_window(local_today - timedelta(days=1), tz, "yesterday")
    if _DATE.match(word):
        try:
            day = date.fromisoformat(word)
        except ValueError as exc:
            raise WindowError(f"{when!r} is not a real date", hint=WHEN_HINT) from exc
        return day_window(day, tz)
    raise WindowError(f"I don't know the day {when!r}", hint=WHEN_HINT)


def window_since(start: datetime, end: datetime, tz: str, label: str) -> DigestWindow:
    """An explicit span, e.g. "since the last post" for a channel's daily digest."""
    _zone(tz)
    start, end = ensure_utc(start), ensure_utc(end)
    if end <= start:
        raise WindowError(
            f"window ends ({end.isoformat()}) before it starts ({start.isoformat()})",
            hint="check the clock and the channel's last post time",
        )
    return DigestWindow(start=start, end=end, tz=tz, label=label)
