"""Scheduled posts through the Discord publisher against the loopback fake: exactly once,
resumable, and the platform's failure modes (server errors, a lost response, a missing
permission, a deleted channel, being removed from the server)."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import timedelta

import pytest
from support.fake_discord import (
    BOT_PERMS,
    GUILD_ID,
    NEWS_CHANNEL,
    SEND_MESSAGES,
    SYSTEM_CHANNEL,
    Request,
)

from bot.errors import PostError
from bot.models import Destination, DestinationSpec, Digest, PostState
from bot.publish import Resume
from bot.scheduler import Outcome, Scheduler

from .conftest import World

NO_PINGS = {"parse": []}
THREAD_PARTS = rf"/channels/(?!{NEWS_CHANNEL}|{SYSTEM_CHANNEL})\d+/messages"


async def daily(world: World, at: str = "18:05") -> Destination:
    """A daily post at ``at``, now just past it: the articles polled at 18:00 are its news
    (a daily post covers what was first seen since the previous one)."""
    world.clock.advance(timedelta(minutes=10))
    return await world.store.upsert_destination(
        DestinationSpec(
            platform="discord",
            channel_id=str(NEWS_CHANNEL),
            scope=f"discord:{GUILD_ID}",
            post_time=at,
            tz="UTC",
            created_by="test",
        ),
        world.clock.now(),
    )


def scheduler(world: World) -> Scheduler:
    return Scheduler(world.poster, world.services.poller)


async def todays_digest(world: World) -> Digest:
    return await world.services.digest_for("today", "UTC", None, f"discord:{GUILD_ID}")


def ok(requests: list[Request]) -> list[Request]:
    return [r for r in requests if r.status == 200]


async def test_headline_then_thread_then_parts_with_progress_saved_after_each(
    world: World,
) -> None:
    fake = world.fake
    dest = await daily(world)
    digest = await todays_digest(world)
    saved: list[dict[str, object]] = []

    async def save(progress: str) -> None:
        saved.append(json.loads(progress))

    ref = await world.adapter.publisher.publish(dest, digest, Resume(None, save))

    (headline,) = fake.posts(NEWS_CHANNEL)
    assert headline.body["allowed_mentions"] == NO_PINGS
    assert headline.body["enforce_nonce"] is True
    (embed,) = headline.body["embeds"]
    assert embed["title"].startswith("Sat Aug 22, 2026")
    head_id = headline.response["id"]
    assert ref == f"discord:{NEWS_CHANNEL}/{head_id}"
    (thread,) = fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages/{head_id}/threads")
    parts = fake.posts(thread.response["id"])
    assert len(parts) >= 2
    assert all(p.body["allowed_mentions"] == NO_PINGS for p in parts)
    # the intent before anything is sent, then one save per part, in order: headline,
    # thread, then each thread message
    assert saved[0] == {"headline": None, "thread": None, "sent": -1}
    assert saved[1] == {"headline": head_id, "thread": None, "sent": -1}
    assert saved[2] == {"headline": head_id, "thread": thread.response["id"], "sent": -1}
    assert [s["sent"] for s in saved[3:]] == list(range(len(parts)))


async def test_a_server_error_mid_thread_then_the_retry_resumes_with_one_headline(
    world: World,
) -> None:
    fake = world.fake
    dest = await daily(world)
    sched = scheduler(world)
    # Discord answers 503 to the second thread message (discord.py raises it at once)
    fake.fail("POST", THREAD_PARTS, 503, message="Service Unavailable", skip=1)

    assert await sched.daily_job(dest.id) == Outcome.FAILED
    (record,) = await world.store.posts_for(dest.id)
    assert record.state == PostState.FAILED
    progress = json.loads(record.message_ref or "")
    assert progress["sent"] == 0 and progress["thread"]

    assert await sched.daily_job(dest.id) == Outcome.POSTED
    (record,) = await world.store.posts_for(dest.id)
    assert record.state == PostState.DONE and record.attempts == 2

    assert len(fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages")) == 1  # one headline
    assert len(fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages/\d+/threads")) == 1
    parts = ok(fake.find("POST", THREAD_PARTS))
    contents = [p.body["content"] for p in parts]
    assert len(contents) == len(set(contents)) >= 2  # every part once, none twice
    assert await sched.daily_job(dest.id) == Outcome.ALREADY  # and never again


async def test_a_500_whose_answer_was_lost_is_not_retried_by_the_library(world: World) -> None:
    """Discord stored the headline but answered 500: no retry inside discord.py (it would
    duplicate the message once Discord forgot the nonce); the scheduler's retry finds the
    headline by its marker and the channel still has one headline."""
    fake = world.fake
    dest = await daily(world)
    fake.fail("POST", rf"/channels/{NEWS_CHANNEL}/messages", 500, commit=True)

    assert await scheduler(world).daily_job(dest.id) == Outcome.FAILED
    attempts = fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages")
    assert [r.status for r in attempts] == [500]
    assert await scheduler(world).daily_job(dest.id) == Outcome.POSTED

    assert len(fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages")) == 1
    assert len(fake.channels[NEWS_CHANNEL].messages) == 1
    assert len(fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages/\d+/threads")) == 1


async def test_a_missing_permission_is_told_to_the_admins_once_and_not_retried(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    fake, client = world.fake, world.adapter.client
    dest = await daily(world)
    digest = await todays_digest(world)
    updated = asyncio.ensure_future(client.wait_for("guild_channel_update", timeout=10))
    await fake.set_bot_perms(NEWS_CHANNEL, BOT_PERMS & ~SEND_MESSAGES)
    await updated

    async def save(progress: str) -> None:
        # only the intent: nothing was posted
        assert json.loads(progress) == {"headline": None, "thread": None, "sent": -1}

    caplog.set_level(logging.ERROR, logger="newsbot.discord")
    for _ in range(2):
        with pytest.raises(PostError) as err:
            await world.adapter.publisher.publish(dest, digest, Resume(None, save))
        assert err.value.retryable is False
        assert "missing the Send Messages permission" in str(err.value)

    (notice,) = fake.posts(SYSTEM_CHANNEL)  # told once, not once per attempt
    text = notice.body["content"]
    assert f"<#{NEWS_CHANNEL}>" in text and "Send Messages permission" in text
    assert notice.body["allowed_mentions"] == NO_PINGS
    assert not ok(fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages"))
    assert "missing Send Messages" in caplog.text


async def test_a_channel_deleted_while_the_bot_watched_turns_its_digest_off(
    world: World,
) -> None:
    dest = await daily(world)
    off = asyncio.ensure_future(world.adapter.client.wait_for("destinations_off", timeout=10))
    await world.fake.delete_channel(NEWS_CHANNEL)
    assert await off == (str(NEWS_CHANNEL), 1)
    assert await world.store.list_destinations() == []
    (row,) = await world.store.list_destinations(enabled_only=False)
    assert row.id == dest.id and not row.enabled


async def test_a_channel_deleted_unseen_fails_the_post_for_good_and_turns_it_off(
    world: World,
) -> None:
    dest = await daily(world)
    await world.fake.delete_channel(NEWS_CHANNEL, tell=False)  # e.g. while the bot was down
    sched = scheduler(world)

    assert await sched.daily_job(dest.id) == Outcome.FAILED
    (record,) = await world.store.posts_for(dest.id)
    assert "no longer exists" in (record.error or "")
    assert await world.store.list_destinations() == []
    assert await sched.daily_job(dest.id) == Outcome.DISABLED  # no retry into the void


async def test_being_removed_from_the_server_turns_its_digests_off(world: World) -> None:
    await daily(world)
    off = asyncio.ensure_future(world.adapter.client.wait_for("destinations_off", timeout=10))
    await world.fake.remove_bot()
    assert await off == (f"discord:{GUILD_ID}", 1)
    assert await world.store.list_destinations() == []
