"""Digest windows in the reader's time zone, DST included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.digest.select import WindowError, window_for, window_since

NOW = datetime(2026, 11, 2, 14, 30, tzinfo=UTC)  # the day after New York left DST


def test_today_is_the_24_hours_ending_now() -> None:
    w = window_for("today", NOW, "America/New_York")
    assert (w.start, w.end, w.label) == (NOW - timedelta(days=1), NOW, "today")


def test_yesterday_is_the_local_calendar_day_and_may_last_25_hours() -> None:
    w = window_for("yesterday", NOW, "America/New_York")
    # Sunday 2026-11-01 in New York: 04:00Z (EDT midnight) to 05:00Z (EST midnight)
    assert w.start == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)
    assert w.end == datetime(2026, 11, 2, 5, 0, tzinfo=UTC)
    assert w.end - w.start == timedelta(hours=25)


def test_a_date_is_that_calendar_day_in_the_zone() -> None:
    w = window_for("2026-08-21", NOW, "Asia/Tokyo")
    assert w.start == datetime(2026, 8, 20, 15, 0, tzinfo=UTC)
    assert w.end - w.start == timedelta(days=1)
    assert w.label == "2026-08-21"


def test_week_is_seven_days_ending_now() -> None:
    w = window_for("WEEK", NOW, "UTC")
    assert (w.end - w.start, w.end) == (timedelta(days=7), NOW)


@pytest.mark.parametrize("word", ["tomorrow", "2026-02-30", "21/08/2026"])
def test_unknown_days_are_clear_errors(word: str) -> None:
    with pytest.raises(WindowError) as err:
        window_for(word, NOW, "UTC")
    assert "today, yesterday, week" in (err.value.hint or "")


def test_unknown_zone_and_backwards_span_are_clear_errors() -> None:
    with pytest.raises(WindowError, match="time zone"):
        window_for("today", NOW, "Mars/Olympus")
    with pytest.raises(WindowError, match="before it starts"):
        window_since(NOW, NOW - timedelta(hours=1), "UTC", "since the last post")
