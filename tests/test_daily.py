"""The daily-post rules on their own: no APScheduler, no database, no clock of their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.daily import (
    MAX_WINDOW,
    CatchUp,
    backoff_seconds,
    catch_up_decision,
    daily_window_start,
    window_key,
)
from bot.models import PostRecord, PostState

DUE = datetime(2026, 8, 21, 8, 0, tzinfo=UTC)  # today's 08:00 UTC post
KEY = window_key(DUE, "UTC")
GRACE = timedelta(minutes=60)


def record(state: PostState, key: str = KEY) -> PostRecord:
    return PostRecord(1, 1, key, state, DUE - timedelta(days=1), DUE)


YESTERDAY = record(PostState.DONE, "daily:2026-08-20")

# (case, records, last_window_end, minutes after the due time, decision)
CASES = [
    ("set up after its time: nothing was missed", [], None, 5, CatchUp.NOTHING),
    ("already posted", [record(PostState.DONE)], DUE, 5, CatchUp.NOTHING),
    ("already skipped", [record(PostState.SKIPPED)], None, 5, CatchUp.NOTHING),
    ("interrupted mid-post: resume", [record(PostState.PENDING)], None, 5, CatchUp.POST),
    ("failed long ago: still resumed", [record(PostState.FAILED)], None, 600, CatchUp.POST),
    ("missed, within grace: post", [YESTERDAY], DUE - timedelta(days=1), 30, CatchUp.POST),
    ("missed, at the grace limit: post", [YESTERDAY], DUE - timedelta(days=1), 60, CatchUp.POST),
    ("missed, past grace: skip", [YESTERDAY], DUE - timedelta(days=1), 61, CatchUp.SKIP),
    (
        "covered by a /digest now after the due time",
        [YESTERDAY],
        DUE + timedelta(minutes=1),
        30,
        CatchUp.NOTHING,
    ),
    (
        "no records but a window end (ledger pruned), past grace",
        [],
        DUE - timedelta(days=1),
        120,
        CatchUp.SKIP,
    ),
]


@pytest.mark.parametrize(
    ("records", "last_window_end", "minutes_late", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_catch_up_decision(
    records: list[PostRecord],
    last_window_end: datetime | None,
    minutes_late: int,
    expected: CatchUp,
) -> None:
    got = catch_up_decision(
        occurrence=DUE,
        key=KEY,
        records=records,
        last_window_end=last_window_end,
        now=DUE + timedelta(minutes=minutes_late),
        grace=GRACE,
    )
    assert got is expected


def test_a_daily_window_starts_at_the_last_post_and_spans_a_week_at_most() -> None:
    assert daily_window_start(None, DUE) == DUE - timedelta(days=1)
    assert daily_window_start(DUE - timedelta(hours=30), DUE) == DUE - timedelta(hours=30)
    assert daily_window_start(DUE - timedelta(days=40), DUE) == DUE - MAX_WINDOW


def test_the_key_is_the_local_date_of_the_post() -> None:
    # 02:00 UTC on the 21st is still the 20th in New York
    assert window_key(datetime(2026, 8, 21, 2, 0, tzinfo=UTC), "America/New_York") == (
        "daily:2026-08-20"
    )


def test_retries_back_off_to_half_an_hour() -> None:
    assert [backoff_seconds(n) for n in (1, 2, 3, 6, 10)] == [60, 120, 240, 1800, 1800]
