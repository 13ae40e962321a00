"""Digests for a range of days: ``since:2026-08-01`` (that local day's midnight until now) and
``days:3`` (the last 3 x 24 hours). Pure: the clock and the zone are passed in.

A range is at most ``MAX_DAYS`` long: a longer one would be a slow digest nobody reads (and
/search is the way to look further back).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from bot.digest.select import WindowError, day_window
from bot.models import DigestWindow

MAX_DAYS = 31
RANGE_HINT = "use since:YYYY-MM-DD (for example since:2026-08-01) or days:N, N from 1 to 31"
_RANGE = re.compile(r"^(since|days)\s*[:=]?\s*(\S+)$")


def is_range(when: str) -> bool:
    return _RANGE.match(when.strip().lower()) is not None


def since_word(day: str) -> str:
    return f"since:{day}"


def days_word(n: int) -> str:
    return f"days:{n}"


def range_window(when: str, now: datetime, tz: str) -> DigestWindow | None:
    """The window of ``since:DATE`` or ``days:N`` as seen at ``now`` in ``tz``; None when
    ``when`` is not a range (a day word, handled by ``bot.digest.select``)."""
    m = _RANGE.match(when.strip().lower())
    if m is None:
        return None
    kind, value = m.groups()
    if kind == "days":
        if not value.isdigit() or not 1 <= int(value) <= MAX_DAYS:
            raise WindowError(f"{value!r} is not a number of days I can do", hint=RANGE_HINT)
        n = int(value)
        label = "last 24 hours" if n == 1 else f"last {n} days"
        return DigestWindow(start=now - timedelta(days=n), end=now, tz=tz, label=label)
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise WindowError(f"{value!r} is not a date", hint=RANGE_HINT) from exc
    start = day_window(day, tz).start
    if start >= now:
        raise WindowError(f"{day.isoformat()} has not started yet", hint=RANGE_HINT)
    if now - start > timedelta(days=MAX_DAYS):
        raise WindowError(f"since {day.isoformat()} is more than {MAX_DAYS} days", hint=RANGE_HINT)
    return DigestWindow(start=start, end=now, tz=tz, label=f"since {day.isoformat()}")


def cli_when(when: str, since: str | None, days: int | None) -> str:
    """``newsbot digest [when] [--since DATE | --days N]`` as one window word."""
    if since is not None and days is not None:
        raise WindowError("--since and --days both given", hint="pick one of them")
    if (since is not None or days is not None) and when not in ("", "today"):
        raise WindowError(f"{when!r} and a range both given", hint="pick one of them")
    if since is not None:
        return since_word(since)
    if days is not None:
        return days_word(days)
    return when
