"""What the user types, checked once: a time of day, a time zone, a feed address.

``find_zone`` is the one answer to "is this a time zone"; the settings, the digest window and
the renderers ask it and word the refusal their own way.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import NewsbotError, SourceError
from bot.feeds.urls import url_problem

_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def find_zone(name: str) -> ZoneInfo | None:
    """The IANA zone of that name, or None when there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def validate_time(value: str) -> str:
    """``"7:05"`` -> ``"07:05"``; anything else is a clear error."""
    m = _TIME_RE.match(value.strip())
    if not m:
        raise NewsbotError(
            f"{value!r} is not a time of day",
            hint="use 24-hour HH:MM, for example 08:30 or 17:00",
        )
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def validate_tz(value: str) -> str:
    name = value.strip()
    if find_zone(name) is None:
        raise NewsbotError(
            f"{value!r} is not a time zone I know",
            hint="use an IANA name like Europe/Berlin, America/New_York or UTC",
        )
    return name


def validate_url(url: str) -> str:
    url = url.strip().strip("<>")
    problem = url_problem(url)  # scheme, host, port range, IPv6 brackets, IPv4 form
    if problem:
        raise SourceError(
            f"{url!r} is not a web address that can be fetched: {problem}",
            hint="give the full feed URL, starting with https://",
        )
    return url
