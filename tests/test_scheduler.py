"""Daily posts, exactly once: driven through the job functions with an injected clock.

No waiting: the tests compute when APScheduler would fire (with the same trigger the bot uses)
and call the jobs at those instants on a FixedClock.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from render.factories import quiet_digest

from bot.clock import FixedClock
from bot.config import Settings
from bot.errors import PostError
from bot.models import (
    ArticleIn,
    Destination,
    DestinationSpec,
    Digest,
    DigestWindow,
    Feed,
    FeedSpec,
    ParsedFeed,
    PollResult,
    PostState,
)
from bot.posting import Poster
from bot.publish import Resume
from bot.scheduler import ClockCronTrigger, Outcome, Scheduler, latest_occurrence
from bot.services import Services
from bot.store.store import Store

DAY1 = datetime(2026, 8, 21, 0, 0, tzinfo=UTC)


class NoPoller:
    async def poll(
        self, feeds: Sequence[Feed] | None = None, *, due_only: bool = False, progress: Any = None
    ) -> list[PollResult]:
        return []

    async def leave(self) -> None:
        return None

    async def preview(self, url: str) -> tuple[ParsedFeed, list[ArticleIn]]:
        raise AssertionError("not used")


class RecordingBuilder:
    """Builds an empty digest and records what it was asked for."""

    def __init__(self) -> None:
        self.calls: list[tuple[DigestWindow, str | None, str | None]] = []  # window, topic, scope

    @property
    def windows(self) -> list[DigestWindow]:
        return [window for window, _, _ in self.calls]

    async def build(
        self,
        window: DigestWindow,
        *,
        topic: str | None = None,
        scope: str | None = None,
        max_stories: int | None = None,
        filters: object = None,
    ) -> Digest:
        self.calls.append((window, topic, scope))
        return quiet_digest(window, f"Digest {window.start:%Y-%m-%d %H:%M}")


@dataclass
class World:
    """What the chat platform would show: every headline and thread part ever sent."""

    headlines: list[tuple[str, str]] = field(default_factory=list)  # (channel, window start)
    parts: list[tuple[str, str, int]] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)


class FakePublisher:
    """Posts a headline then 3 thread parts, saving progress after each, like the adapters."""

    platform = "fake"
    PARTS = 3

    def __init__(self, world: World, *, fail_after_headline: int = 0) -> None:
        self.world = world
        self.fail_after_headline = fail_after_headline
        self.block: asyncio.Event | None = None
        self.headline_sent = asyncio.Event()

    async def publish(self, destination: Destination, digest: Digest, resume: Resume) -> str:
        progress = json.loads(resume.saved) if resume.saved else {}
        key = digest.window.start.isoformat()
        if "headline" not in progress:
            self.world.headlines.append((destination.channel_id, key))
            self.headline_sent.set()
            progress["headline"] = f"msg-{len(self.world.headlines)}"
            await resume.save(json.dumps(progress))
        if self.fail_after_headline:
            self.fail_after_headline -= 1
            raise PostError("thread creation failed: 503", retryable=True)
        if self.block is not None:
            await self.block.wait()
        for i in range(progress.get("parts", 0), self.PARTS):
            self.world.parts.append((destination.channel_id, key, i))
            progress["parts"] = i + 1
            await resume.save(json.dumps(progress))
        return str(progress["headline"])

    async def notify(self, destination: Destination, text: str) -> None:
        self.world.notices.append((destination.channel_id, text))


def make_scheduler(
    store: Store, clock: FixedClock, publisher: FakePublisher, **settings: Any
) -> tuple[Scheduler, RecordingBuilder]:
    cfg = Settings(**settings)
    builder = RecordingBuilder()
    poster = Poster(store, builder, cfg, clock, publishers={"fake": publisher})
    return Scheduler(poster, NoPoller()), builder


async def add_dest(
    store: Store, clock: FixedClock, channel: str, at: str, tz: str, platform: str = "fake"
) -> Destination:
    spec = DestinationSpec(platform=platform, channel_id=channel, scope=None, post_time=at, tz=tz)
    return await store.upsert_destination(spec, clock.now())


def test_trigger_fires_at_local_time_in_each_zone() -> None:
    now = datetime(2026, 8, 21, 0, 0, tzinfo=UTC)
    ny = ClockCronTrigger("07:30", "America/New_York", timedelta(0))
    tokyo = ClockCronTrigger("09:00", "Asia/Tokyo", timedelta(0))
    assert ny.get_next_fire_time(None, now) == datetime(2026, 8, 21, 11, 30, tzinfo=UTC)
    assert tokyo.get_next_fire_time(None, now) == datetime(2026, 8, 21, 0, 0, tzinfo=UTC)
    # `--now` runs the bot's clock 3 h ahead: fire 3 h earlier on the wall clock
    ahead = ClockCronTrigger("07:30", "America/New_York", timedelta(hours=3))
    assert ahead.get_next_fire_time(None, now) == datetime(2026, 8, 21, 8, 30, tzinfo=UTC)
    # replaying a summer day in winter: the shift must not pick up the DST change
    replay = ClockCronTrigger("08:00", "America/New_York", timedelta(days=-93))
    winter = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    assert replay.get_next_fire_time(None, winter) == datetime(
        2026, 8, 21, 12, 0, tzinfo=UTC
    ) - timedelta(days=-93)


async def test_two_days_three_zones_one_post_each_day_windows_back_to_back(
    store: Store,
) -> None:
    clock = FixedClock(DAY1)
    world = World()
    sched, _ = make_scheduler(store, clock, FakePublisher(world))
    dests = [
        await add_dest(store, clock, "berlin", "08:00", "Europe/Berlin"),
        await add_dest(store, clock, "newyork", "07:30", "America/New_York"),
        await add_dest(store, clock, "tokyo", "09:00", "Asia/Tokyo"),
    ]
    # When would APScheduler fire in the next two days? Ask the bot's own triggers.
    events: list[tuple[datetime, int]] = []
    for d in dests:
        trig = ClockCronTrigger(d.post_time, d.tz, timedelta(0))
        t = trig.get_next_fire_time(None, DAY1 + timedelta(minutes=1))
        while t is not None and t < DAY1 + timedelta(days=2, minutes=1):
            events.append((t, d.id))
            t = trig.get_next_fire_time(t, t + timedelta(seconds=1))
    events.sort()
    assert len(events) == 6
    for at, dest_id in events:
        clock.set(at)
        assert await sched.daily_job(dest_id) is Outcome.POSTED
        # a second trigger of the same job (a duplicate timer, a manual re-run) does nothing
        assert await sched.daily_job(dest_id) is Outcome.ALREADY
    for d in dests:
        heads = [h for h in world.headlines if h[0] == d.channel_id]
        assert len(heads) == 2
        assert len([p for p in world.parts if p[0] == d.channel_id]) == 6
        records = await store.posts_for(d.id)
        assert [r.state for r in records] == [PostState.DONE, PostState.DONE]
        # the second day's window starts exactly where the first one ended
        assert records[1].window_start == records[0].window_end
        # and each post covers up to its local posting time
        local = [r.window_end.astimezone(__import__("zoneinfo").ZoneInfo(d.tz)) for r in records]
        assert {(t.hour, t.minute) for t in local} == {
            tuple(int(x) for x in d.post_time.split(":"))
        }
    assert len(world.headlines) == 6


async def test_failure_after_headline_resumes_without_a_second_headline(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    world = World()
    dest = await add_dest(store, clock, "general", "08:00", "UTC")
    sched, _ = make_scheduler(store, clock, FakePublisher(world, fail_after_headline=1))
    assert await sched.daily_job(dest.id) is Outcome.FAILED
    assert len(world.headlines) == 1 and world.parts == []
    [rec] = await store.posts_for(dest.id)
    assert rec.state is PostState.FAILED
    assert json.loads(rec.message_ref or "{}")["headline"] == "msg-1"

    # the process restarts a few minutes later: a new scheduler, a new owner
    clock.advance(timedelta(minutes=3))
    restarted, _ = make_scheduler(store, clock, FakePublisher(world))
    assert await restarted.catch_up() == {dest.id: Outcome.POSTED}
    assert len(world.headlines) == 1  # the headline was not posted again
    assert [p[2] for p in world.parts] == [0, 1, 2]
    [rec] = await store.posts_for(dest.id)
    assert rec.state is PostState.DONE and rec.attempts == 2


async def test_crash_mid_post_is_taken_over_once_the_claim_is_stale(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    world = World()
    dest = await add_dest(store, clock, "general", "08:00", "UTC")
    # a process that died right after sending the headline: PENDING, progress saved
    rec = await store.claim_post(
        dest.id,
        "daily:2026-08-21",
        clock.now() - timedelta(days=1),
        clock.now(),
        clock.now(),
        owner="dead-process",
    )
    assert rec is not None
    world.headlines.append(("general", "x"))
    await store.update_post(rec.id, clock.now(), message_ref=json.dumps({"headline": "msg-1"}))

    clock.advance(timedelta(minutes=1))
    sched, _ = make_scheduler(store, clock, FakePublisher(world))
    assert await sched.catch_up() == {dest.id: Outcome.ALREADY}  # maybe still alive: hands off
    clock.advance(timedelta(minutes=15))
    assert await sched.daily_job(dest.id, latest_occurrence("08:00", "UTC", clock.now())) is (
        Outcome.POSTED
    )
    assert len(world.headlines) == 1
    assert len(world.parts) == 3


async def test_two_processes_racing_post_once_per_destination(db_url: str) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 9, 0, tzinfo=UTC))
    world = World()
    s1, s2 = await Store.open(db_url), await Store.open(db_url)
    try:
        dests = [await add_dest(s1, clock, f"chan{i}", "09:00", "UTC") for i in range(3)]
        a, _ = make_scheduler(s1, clock, FakePublisher(world))
        b, _ = make_scheduler(s2, clock, FakePublisher(world))
        outcomes = await asyncio.gather(*(sched.daily_job(d.id) for d in dests for sched in (a, b)))
        assert sorted(outcomes) == sorted([Outcome.POSTED] * 3 + [Outcome.ALREADY] * 3)
        assert sorted(h[0] for h in world.headlines) == ["chan0", "chan1", "chan2"]
        # both restart at the same time too: still nothing more
        assert await a.catch_up() == {}
        assert await b.catch_up() == {}
        assert len(world.headlines) == 3
    finally:
        await s1.close()
        await s2.close()


async def test_missed_post_within_grace_is_made_once_on_start(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    world = World()
    dest = await add_dest(store, clock, "general", "08:00", "UTC")
    sched, _ = make_scheduler(store, clock, FakePublisher(world), missed_post_grace_minutes=120)
    assert await sched.daily_job(dest.id) is Outcome.POSTED
    # down over the next posting time; back 90 minutes late
    clock.set(datetime(2026, 8, 22, 9, 30, tzinfo=UTC))
    back, builder = make_scheduler(
        store, clock, FakePublisher(world), missed_post_grace_minutes=120
    )
    assert await back.catch_up() == {dest.id: Outcome.POSTED}
    assert await back.catch_up() == {}  # a second restart does not post it again
    assert len(world.headlines) == 2
    [window] = builder.windows
    assert (window.start, window.end) == (
        datetime(2026, 8, 21, 8, 0, tzinfo=UTC),
        datetime(2026, 8, 22, 8, 0, tzinfo=UTC),
    )


async def test_missed_post_outside_grace_is_skipped_and_recorded(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    world = World()
    dest = await add_dest(store, clock, "general", "08:00", "UTC")
    sched, _ = make_scheduler(store, clock, FakePublisher(world), missed_post_grace_minutes=60)
    assert await sched.daily_job(dest.id) is Outcome.POSTED
    clock.set(datetime(2026, 8, 22, 11, 0, tzinfo=UTC))  # three hours late
    back, builder = make_scheduler(store, clock, FakePublisher(world), missed_post_grace_minutes=60)
    with caplog.at_level("WARNING", logger="newsbot.scheduler"):
        assert await back.catch_up() == {dest.id: Outcome.SKIPPED}
    assert "missed the daily:2026-08-22 post" in caplog.text
    assert len(world.headlines) == 1
    states = [(r.window_key, r.state) for r in await store.posts_for(dest.id)]
    assert states == [("daily:2026-08-21", PostState.DONE), ("daily:2026-08-22", PostState.SKIPPED)]
    # the next day's post covers everything since the last real post: nothing lost
    clock.set(datetime(2026, 8, 23, 8, 0, tzinfo=UTC))
    assert await back.daily_job(dest.id) is Outcome.POSTED
    assert builder.windows[-1].start == datetime(2026, 8, 21, 8, 0, tzinfo=UTC)


async def test_a_new_destination_does_not_backfill(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 30, tzinfo=UTC))
    world = World()
    await add_dest(store, clock, "general", "08:00", "UTC")
    sched, _ = make_scheduler(store, clock, FakePublisher(world))
    assert await sched.catch_up() == {}
    assert world.headlines == []


async def test_destinations_of_absent_platforms_are_left_alone(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    dest = await add_dest(store, clock, "1", "08:00", "UTC", platform="discord")
    sched, _ = make_scheduler(store, clock, FakePublisher(World()))
    assert await sched.daily_job(dest.id) is Outcome.NO_PUBLISHER
    assert await store.posts_for(dest.id) == []  # not claimed: the discord process will post it


async def test_failing_source_notice_goes_out_once_after_a_day(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    world = World()
    await add_dest(store, clock, "general", "08:00", "UTC")
    feed = await store.add_feed(FeedSpec("Flaky", "https://flaky.example/feed"), clock.now())
    for hours in (0, 12, 25):
        await store.record_failure(
            feed.id,
            clock.now() + timedelta(hours=hours),
            kind="timeout",
            message="read timed out",
            next_poll_at=clock.now(),
            http_status=None,
            duration_ms=1.0,
        )
    sched, _ = make_scheduler(store, clock, FakePublisher(world))
    clock.advance(timedelta(hours=12))
    assert await sched.poster.notify_failing_sources() == 0  # failing for only 12 h
    clock.advance(timedelta(hours=13))
    assert await sched.poster.notify_failing_sources() == 1
    assert await sched.poster.notify_failing_sources() == 0
    [(channel, text)] = world.notices
    assert channel == "general" and "Flaky" in text and "timeout" in text


async def test_shutdown_abandons_an_in_flight_post_cleanly_and_it_resumes(store: Store) -> None:
    clock = FixedClock(datetime(2026, 8, 21, 8, 0, tzinfo=UTC))
    world = World()
    dest = await add_dest(store, clock, "general", "08:00", "UTC")
    stuck = FakePublisher(world)
    stuck.block = asyncio.Event()  # the platform hangs after the headline
    sched, _ = make_scheduler(store, clock, stuck)
    job = asyncio.create_task(sched._tracked(sched.daily_job)(dest.id))
    await stuck.headline_sent.wait()  # shut down while its progress is being saved
    await sched.shutdown(grace_s=0)
    assert job.cancelled() or job.done()
    [rec] = await store.posts_for(dest.id)
    assert rec.state is PostState.FAILED and rec.error == "interrupted by shutdown"
    again, _ = make_scheduler(store, clock, FakePublisher(world))
    assert await again.catch_up() == {dest.id: Outcome.POSTED}
    assert len(world.headlines) == 1 and len(world.parts) == 3


async def test_start_schedules_a_job_per_destination_and_stops(store: Store) -> None:
    clock = FixedClock(datetime.now(UTC))
    await add_dest(store, clock, "a", "08:00", "Europe/Berlin")
    await add_dest(store, clock, "b", "18:00", "UTC")
    sched, _ = make_scheduler(store, clock, FakePublisher(World()))
    await sched.start(poll=False)
    try:
        assert sched.aps is not None
        ids = sorted(j.id for j in sched.aps.get_jobs())
        assert ids == ["daily:1", "daily:2", "sync"]
        job = sched.aps.get_job("daily:1")
        assert str(job.trigger) == "daily at 08:00 Europe/Berlin"
        # a /digest setup or stop in chat reschedules at once
        services = Services(store, NoPoller(), RecordingBuilder(), Settings(), clock)
        services.changes.subscribe(sched.sync_jobs)
        await services.setup_daily(DestinationSpec("fake", "a", None, "09:15", "Asia/Tokyo"))
        assert str(sched.aps.get_job("daily:1").trigger) == "daily at 09:15 Asia/Tokyo"
        await services.stop_daily("fake", "b")
        assert sched.aps.get_job("daily:2") is None
    finally:
        await sched.shutdown()
    assert not sched.aps.running


class BlockingPoller(NoPoller):
    def __init__(self) -> None:
        self.calls = 0
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def poll(
        self, feeds: Sequence[Feed] | None = None, *, due_only: bool = False, progress: Any = None
    ) -> list[PollResult]:
        self.calls += 1
        self.started.set()
        await self.release.wait()
        return []


async def test_poll_job_never_overlaps_itself(store: Store) -> None:
    clock = FixedClock(DAY1)
    poller = BlockingPoller()
    cfg = Settings()
    sched = Scheduler(Poster(store, RecordingBuilder(), cfg, clock), poller)
    first = asyncio.create_task(sched.poll_job())
    await poller.started.wait()
    assert await sched.poll_job() == []  # the second tick returns at once
    poller.release.set()
    await first
    assert poller.calls == 1


async def test_a_failed_post_is_retried_later_by_the_running_scheduler(store: Store) -> None:
    clock = FixedClock(datetime.now(UTC))
    world = World()
    dest = await add_dest(store, clock, "general", "08:00", "UTC")
    sched, _ = make_scheduler(store, clock, FakePublisher(world, fail_after_headline=1))
    await sched.start(poll=False)
    try:
        assert await sched.daily_job(dest.id) is Outcome.FAILED
        assert sched.aps is not None
        retry = sched.aps.get_job(f"retry:{dest.id}")
        assert retry is not None  # first retry after a minute, then 2, 4, ...
        delay = retry.next_run_time - datetime.now(UTC)
        assert timedelta(seconds=30) < delay <= timedelta(seconds=60)
        # the retry runs the same post (same window key): it finishes, no second headline
        assert await retry.func(*retry.args) is Outcome.POSTED
        assert len(world.headlines) == 1 and len(world.parts) == 3
    finally:
        await sched.shutdown()


RACER = r"""
import asyncio, json, os, sys
from datetime import UTC, datetime
from bot.clock import FixedClock
from bot.config import Settings
from bot.posting import Poster
from bot.scheduler import Scheduler
from bot.store.store import Store

sys.path.insert(0, sys.argv[3])
from test_scheduler import NoPoller, RecordingBuilder


class FilePublisher:
    platform = "fake"

    async def publish(self, destination, digest, resume):
        progress = json.loads(resume.saved) if resume.saved else {}
        if "headline" not in progress:
            with open(sys.argv[2], "a") as f:
                f.write(f"headline {destination.channel_id} {os.getpid()}\n")
            progress["headline"] = "m"
            await resume.save(json.dumps(progress))
        return "m"

    async def notify(self, destination, text):
        pass


async def main():
    clock = FixedClock(datetime(2026, 8, 21, 9, 0, tzinfo=UTC))
    store = await Store.open(sys.argv[1])
    cfg = Settings()
    poster = Poster(store, RecordingBuilder(), cfg, clock, publishers={"fake": FilePublisher()})
    sched = Scheduler(poster, NoPoller())
    for dest in await store.list_destinations():
        print(dest.channel_id, await sched.daily_job(dest.id))
    await store.close()

asyncio.run(main())
"""


def test_two_real_processes_started_together_post_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite+aiosqlite:///{tmp_path / 'race.db'}"

    async def setup() -> None:
        clock = FixedClock(datetime(2026, 8, 21, 9, 0, tzinfo=UTC))
        store = await Store.open(url)
        try:
            for i in range(3):
                await add_dest(store, clock, f"chan{i}", "09:00", "UTC")
        finally:
            await store.close()

    asyncio.run(setup())
    script = tmp_path / "racer.py"
    script.write_text(RACER)
    posted = tmp_path / "posted.txt"
    here = str(Path(__file__).parent)
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), url, str(posted), here],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    lines = posted.read_text().splitlines()
    assert sorted(ln.split()[1] for ln in lines) == ["chan0", "chan1", "chan2"]
    results = " ".join(o[0] for o in outs)
    assert results.count("posted") == 3 and results.count("already") == 3
