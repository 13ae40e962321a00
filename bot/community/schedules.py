"""Schedules: when a destination posts, beyond the one daily time set up with it.

A destination with no schedule rows posts daily at its set-up time (as it always did).
Adding a schedule first writes that daily post down as a schedule of its own, so every post
time is then a row the admins can see and remove: weekdays only is "add weekdays 08:00,
remove daily 08:00". A schedule posts either the digest since the last post or the week in
review (the 7 days ending at its time). Pure rules here; the rows are in
``bot/store/schedules.py`` and the jobs in ``bot/scheduler.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import ensure_utc
from bot.errors import NewsbotError

DIGEST = "digest"  # everything since the destination's last post
WEEK = "week"  # the week in review: the 7 days ending at the schedule's time
WHAT = (DIGEST, WEEK)
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAYS = ("daily", "weekdays", *WEEKDAY_NAMES)
MAX_SCHEDULES = 6
DAYS_HINT = "use daily, weekdays, or a day of the week like monday"
_LONG = {
    "mon": "Mondays",
    "tue": "Tuesdays",
    "wed": "Wednesdays",
    "thu": "Thursdays",
    "fri": "Fridays",
    "sat": "Saturdays",
    "sun": "Sundays",
}


@dataclass(frozen=True)
class Schedule:
    id: int
    destination_id: int
    days: str  # one of DAYS
    post_time: str  # "HH:MM" in the destination's zone
    what: str = DIGEST

    def runs_on(self, weekday: int) -> bool:
        """Whether the schedule posts on that weekday (0 = Monday)."""
        return runs_on(self.days, weekday)

    def describe(self) -> str:
        when = {"daily": "every day", "weekdays": "weekdays"}.get(self.days) or _LONG[self.days]
        what = "the week in review" if self.what == WEEK else "the digest since the last post"
        return f"{when} at {self.post_time}: {what}"


def parse_days(text: str) -> str:
    """``daily``/``every day``, ``weekdays``, or a weekday by any prefix of 3+ letters."""
    word = " ".join(text.casefold().split())
    if word in ("daily", "every day", "everyday", "day", "days"):
        return "daily"
    if word in ("weekdays", "weekday", "mon-fri", "workdays"):
        return "weekdays"
    for name in WEEKDAY_NAMES:
        full = name + {"tue": "sday", "wed": "nesday", "thu": "rsday", "sat": "urday"}.get(
            name, "day"
        )
        if len(word) >= 3 and (full.startswith(word) or word == full + "s"):
            return name
    raise NewsbotError(f"I don't know the days {text!r}", hint=DAYS_HINT)


def parse_what(text: str | None) -> str:
    word = (text or DIGEST).strip().casefold()
    if word in ("week", "weekly", "review", "week in review"):
        return WEEK
    if word in ("digest", "daily", "since the last post", ""):
        return DIGEST
    raise NewsbotError(f"I don't know what {text!r} should post", hint="use digest or week")


def runs_on(days: str, weekday: int) -> bool:
    if days == "daily":
        return True
    if days == "weekdays":
        return weekday < 5
    return WEEKDAY_NAMES.index(days) == weekday


def cron_days(days: str) -> str:
    """The day_of_week field of an APScheduler cron trigger."""
    return {"daily": "*", "weekdays": "mon-fri"}.get(days, days)


def latest_slot(schedule: Schedule, tz: str, now: datetime) -> datetime | None:
    """The most recent time the schedule was due at or before ``now``, in UTC."""
    zone = ZoneInfo(tz)
    hh, mm = (int(p) for p in schedule.post_time.split(":"))
    now = ensure_utc(now)
    today = now.astimezone(zone).date()
    for back in range(9):
        day = today - timedelta(days=back)
        if not schedule.runs_on(day.weekday()):
            continue
        at = _at(day, hh, mm, zone)
        if at <= now:
            return at
    return None


def _at(day: date, hh: int, mm: int, zone: ZoneInfo) -> datetime:
    # a time inside a DST gap does not exist: the round trip through UTC moves it forward
    return datetime.combine(day, time(hh, mm), tzinfo=zone).astimezone(UTC)


def slot_key(schedule: Schedule, occurrence: datetime, tz: str) -> str:
    """The ledger key of one slot: one post per schedule and local date, ever."""
    local = occurrence.astimezone(ZoneInfo(tz)).date().isoformat()
    return f"{schedule.what}{schedule.id}:{local}"


def is_review_key(key: str) -> bool:
    """A week-in-review post: it does not move the destination's "last post" mark (the
    next digest still covers everything since the last digest)."""
    return key.startswith(WEEK) and key[len(WEEK) : len(WEEK) + 1].isdigit()
