"""Schedules: weekdays only, a weekly week in review, several per channel, once per slot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from test_scheduler import (
    FakePublisher,
    NoPoller,
    RecordingBuilder,
    World,
    add_dest,
    make_scheduler,
)

from bot.clock import FixedClock
from bot.community.schedules import Schedule, latest_slot, parse_days
from bot.config import Settings
from bot.errors import NewsbotError
from bot.scheduler import ClockCronTrigger, Outcome
from bot.services import Services
from bot.store.store import Store

MONDAY = datetime(2026, 8, 17, 0, 0, tzinfo=UTC)


def services(store: Store, clock: FixedClock) -> Services:
    return Services(store, NoPoller(), RecordingBuilder(), Settings(), clock)


def test_days_words_and_the_latest_slot_skip_the_days_off() -> None:
    assert [parse_days(w) for w in ("Daily", "weekdays", "Mon", "thursdays", "SUNDAY")] == [
        "daily",
        "weekdays",
        "mon",
        "thu",
        "sun",
    ]
    with pytest.raises(NewsbotError) as err:
        parse_days("fortnightly")
    assert "weekdays" in (err.value.hint or "")
    weekdays = Schedule(1, 1, "weekdays", "08:00")
    sunday_noon = MONDAY + timedelta(days=6, hours=12)
    # on a Sunday the latest weekdays slot is Friday's, in the channel's zone
    assert latest_slot(weekdays, "Europe/Berlin", sunday_noon) == datetime(
        2026, 8, 21, 6, 0, tzinfo=UTC
    )


async def test_two_weeks_of_weekdays_digests_and_monday_reviews_each_posted_once(
    store: Store,
) -> None:
    clock = FixedClock(MONDAY)
    world = World()
    sched, builder = make_scheduler(store, clock, FakePublisher(world))
    dest = await add_dest(store, clock, "news", "08:00", "UTC")
    svc = services(store, clock)
    weekdays = await svc.add_schedule("fake", "news", "weekdays", "08:00")
    review = await svc.add_schedule("fake", "news", "monday", "09:00", "week")
    listed = await svc.schedules_here("fake", "news")
    daily = next(s for s in listed if s.days == "daily")  # the set-up time, written down
    await svc.remove_schedule("fake", "news", daily.id)
    with pytest.raises(NewsbotError, match="already has that schedule"):
        await svc.add_schedule("fake", "news", "Mondays", "09:00", "week")
    rows = await svc.schedules_here("fake", "news")
    assert [s.describe() for s in rows] == [
        "weekdays at 08:00: the digest since the last post",
        "Mondays at 09:00: the week in review",
    ]
    # when would APScheduler fire over two weeks? the bot's own triggers say
    events: list[tuple[datetime, int]] = []
    for s in rows:
        trig = ClockCronTrigger(
            s.post_time, dest.tz, timedelta(0), s.days.replace("weekdays", "mon-fri")
        )
        t = trig.get_next_fire_time(None, MONDAY)
        while t is not None and t < MONDAY + timedelta(days=14):
            events.append((t, s.id))
            t = trig.get_next_fire_time(t, t + timedelta(seconds=1))
    events.sort()
    assert len(events) == 10 + 2
    for at, sid in events:
        clock.set(at)
        assert await sched.slot_job(sid) is Outcome.POSTED
        assert await sched.slot_job(sid) is Outcome.ALREADY  # one post per slot, ever
    assert len(world.headlines) == 12
    digests = [w for w in builder.windows if w.label != "week"]
    weeks = [w for w in builder.windows if w.label == "week"]
    assert all(w.end.weekday() < 5 for w in digests)  # nothing on Saturdays or Sundays
    # the digests run back to back: Monday's covers Friday 08:00 to Monday 08:00
    assert all(b.start == a.end for a, b in pairwise(digests))
    monday = next(w for w in digests if w.end == MONDAY + timedelta(days=7, hours=8))
    assert monday.start == MONDAY + timedelta(days=4, hours=8)
    assert [(w.end - w.start, w.end.weekday(), w.end.hour) for w in weeks] == [
        (timedelta(days=7), 0, 9)
    ] * 2
    assert weekdays.id != review.id


async def test_a_missed_review_is_made_once_on_start_and_jobs_follow_the_rows(
    store: Store,
) -> None:
    clock = FixedClock(MONDAY + timedelta(hours=8))
    world = World()
    dest = await add_dest(store, clock, "news", "08:00", "UTC")
    svc = services(store, clock)
    review = await svc.add_schedule("fake", "news", "mon", "09:00", "week")
    sched, _ = make_scheduler(store, clock, FakePublisher(world), missed_post_grace_minutes=120)
    clock.set(MONDAY + timedelta(hours=9))
    assert await sched.slot_job(review.id) is Outcome.POSTED
    # down over next Monday's review; back 80 minutes late: made once, not twice
    clock.set(MONDAY + timedelta(days=7, hours=10, minutes=20))
    back, builder = make_scheduler(
        store, clock, FakePublisher(world), missed_post_grace_minutes=120
    )
    assert await back.catch_up() == {dest.id: Outcome.POSTED}
    assert await back.catch_up() == {}
    # only the review: the written-down daily slot never posted yet, so nothing was missed
    assert [w.label for w in builder.windows] == ["week"]
    assert len(world.headlines) == 2

    await sched.start(poll=False)
    try:
        assert sched.aps is not None
        ids = sorted(j.id for j in sched.aps.get_jobs())
        daily = next(s for s in await svc.schedules_here("fake", "news") if s.days == "daily")
        assert ids == sorted([f"slot:{daily.id}", f"slot:{review.id}", "sync"])
        assert str(sched.aps.get_job(f"slot:{review.id}").trigger) == "mon at 09:00 UTC"
        svc.changes.subscribe(sched.sync_jobs)
        await svc.remove_schedule("fake", "news", review.id)
        assert sched.aps.get_job(f"slot:{review.id}") is None
    finally:
        await sched.shutdown()
