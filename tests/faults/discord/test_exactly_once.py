"""A daily post reaches Discord exactly once, whatever fails when (issue 10 item 2).

Discord can store a message and still answer 500, drop the connection or never answer; the
bot can be killed between the send and saving its progress; a post can stay pending longer
than Discord remembers a nonce (a few minutes). Before, discord.py retried a 500 on its own
and a retry relied on the nonce alone. Here every retry comes after Discord forgot the nonces
(``nonce_window = 0``), so only the marker lookup keeps a part from going out twice.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from adapters.discord.conftest import World
from support.fake_discord import GUILD_ID, NEWS_CHANNEL, FakeDiscord

from bot.errors import PostError
from bot.models import Destination, DestinationSpec, Digest, PostState
from bot.publish import Resume
from bot.render.discord import render_discord
from bot.scheduler import Outcome, Scheduler
from faults.ledger import Ledger, publish_until_done

HEADLINE = rf"/channels/{NEWS_CHANNEL}/messages"
THREAD_PARTS = rf"/channels/(?!{NEWS_CHANNEL})\d+/messages"
MARK = re.compile(r"ref ([0-9a-f]{10})/(\d+)$")
MARK_LINE = re.compile(r"\n-# ref [0-9a-f]{10}/\d+$")


async def daily(world: World) -> Destination:
    world.clock.advance(timedelta(minutes=10))  # just past 18:05: the 18:00 poll is its news
    return await world.store.upsert_destination(
        DestinationSpec(
            platform="discord",
            channel_id=str(NEWS_CHANNEL),
            scope=f"discord:{GUILD_ID}",
            post_time="18:05",
            tz="UTC",
            created_by="test",
        ),
        world.clock.now(),
    )


async def digest_of(world: World) -> Digest:
    return await world.services.digest_for("today", "UTC", None, f"discord:{GUILD_ID}")


async def post_until_done(world: World, dest: Destination, digest: Digest, ledger: Ledger) -> int:
    """Publish, and after each failure publish again from the saved progress; the tries.
    Discord has forgotten every nonce by the time a retry comes."""
    world.fake.nonce_window = 0.0
    world.adapter.publisher.send_timeout = 1.0  # a stalled answer fails the try
    return await publish_until_done(world.adapter.publisher, dest, digest, ledger, limit=30)


def assert_each_part_once(fake: FakeDiscord, digest: Digest) -> None:
    headlines = fake.channels[NEWS_CHANNEL].messages
    assert len(headlines) == 1, f"{len(headlines)} headlines"
    thread = fake.channels[int(headlines[0]["id"])]
    sent = [MARK_LINE.sub("", m["content"]) for m in thread.messages]
    expected = [p["content"] for p in render_discord(digest).thread_messages]
    assert len(expected) >= 2
    assert sent == expected, f"{len(sent)} thread messages for {len(expected)} parts"


@pytest.mark.parametrize("how", ["status", "drop", "stall"])
async def test_headline_stored_then_the_answer_lost(world: World, how: str) -> None:
    dest, digest = await daily(world), await digest_of(world)
    world.fake.fail("POST", HEADLINE, 500, commit=True, how=how)
    assert await post_until_done(world, dest, digest, Ledger()) == 2
    assert_each_part_once(world.fake, digest)


@pytest.mark.parametrize("how", ["status", "drop", "stall"])
async def test_a_thread_message_stored_then_the_answer_lost(world: World, how: str) -> None:
    dest, digest = await daily(world), await digest_of(world)
    assert len(render_discord(digest).thread_messages) >= 2
    world.fake.fail("POST", THREAD_PARTS, 500, commit=True, how=how, skip=1)
    assert await post_until_done(world, dest, digest, Ledger()) == 2
    assert_each_part_once(world.fake, digest)


@pytest.mark.parametrize("killed_at", [2, 4])  # save 1 is the intent
async def test_killed_after_a_send_before_the_save(world: World, killed_at: int) -> None:
    dest, digest = await daily(world), await digest_of(world)
    ledger = Ledger()
    ledger.kill_at_save = killed_at  # 2: after the headline; 4: after the first thread message
    assert await post_until_done(world, dest, digest, ledger) == 2
    assert_each_part_once(world.fake, digest)


async def test_a_500_is_not_retried_by_the_library(world: World) -> None:
    dest, digest = await daily(world), await digest_of(world)
    world.fake.fail("POST", HEADLINE, 500, times=-1)
    with pytest.raises(PostError) as err:
        await world.adapter.publisher.publish(dest, digest, Resume(None, Ledger().save))
    assert err.value.retryable
    assert len(world.fake.find("POST", HEADLINE)) == 1


async def test_a_post_pending_past_the_nonce_window_is_taken_over_without_a_duplicate(
    world: World,
) -> None:
    """The issue's case: a bot dies mid-post; ten minutes on, another takes the stale claim
    over, long after Discord forgot the nonces."""
    fake, store = world.fake, world.store
    dest = await daily(world)
    fake.fail("POST", THREAD_PARTS, 500, commit=True, how="drop", skip=1)
    fake.nonce_window = 0.0
    world.adapter.publisher.send_timeout = 1.0
    sched = Scheduler(world.poster, world.services.poller)
    assert await sched.daily_job(dest.id) == Outcome.FAILED
    (record,) = await store.posts_for(dest.id)
    # the dead process's record: still PENDING with the progress it saved
    await store.update_post(record.id, world.clock.now(), state=PostState.PENDING)
    world.clock.advance(timedelta(minutes=11))
    assert await sched.daily_job(dest.id) == Outcome.POSTED
    (headline,) = fake.channels[NEWS_CHANNEL].messages
    thread = fake.channels[int(headline["id"])].messages
    parts = [int(MARK.findall(m["content"])[-1][1]) for m in thread]
    assert parts == list(range(1, len(thread) + 1)) and len(parts) >= 2, parts


async def test_a_look_alike_marker_from_someone_else_does_not_stop_the_post(
    world: World,
) -> None:
    """Only the bot's own message with the marker at its end counts: a member who pastes a
    marker (or a feed quoting one) cannot suppress the digest."""
    fake = world.fake
    dest, digest = await daily(world), await digest_of(world)
    ledger = Ledger()
    ledger.kill_at_save = 2  # the headline went out, the bot died before saving its id
    with pytest.raises(SystemExit):
        await world.adapter.publisher.publish(dest, digest, Resume(None, ledger.save))
    real = fake.channels[NEWS_CHANNEL].messages.pop()  # a moderator deleted the headline...
    footer = real["embeds"][-1]["footer"]["text"]
    copy = dict(real, id=str(fake.snowflake()), author={"id": "1234", "username": "someone"})
    fake.channels[NEWS_CHANNEL].messages.append(copy)  # ...and someone pasted its marker
    assert MARK.search(footer)
    assert await post_until_done(world, dest, digest, ledger) == 1
    mine = [m for m in fake.channels[NEWS_CHANNEL].messages if m["author"]["id"] != "1234"]
    assert len(mine) == 1


async def test_a_refused_history_lookup_is_logged_and_the_nonce_still_guards(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    """No Read Message History (or Discord failing the read): the retry says so in the log
    and sends; within Discord's nonce window the nonce still returns the stored message."""
    fake = world.fake
    dest, digest = await daily(world), await digest_of(world)
    fake.fail("GET", rf"/channels/{NEWS_CHANNEL}/messages", 403, code=50001, times=-1)
    ledger = Ledger()
    ledger.kill_at_save = 2  # the headline went out, the bot died before saving its id
    with pytest.raises(SystemExit):
        await world.adapter.publisher.publish(dest, digest, Resume(None, ledger.save))
    await world.adapter.publisher.publish(dest, digest, Resume(ledger.progress, ledger.save))
    assert "cannot look for an earlier try of this post" in caplog.text
    assert len(fake.find("GET", rf"/channels/{NEWS_CHANNEL}/messages")) == 1
    assert_each_part_once(fake, digest)


async def test_a_notice_stored_then_a_500_is_not_sent_again(world: World) -> None:
    """Notices (a failing source) are due once: no library retry repeats one that Discord
    stored before it failed."""
    fake = world.fake
    dest = await daily(world)
    fake.nonce_window = 0.0
    fake.fail("POST", HEADLINE, 500, commit=True)
    with pytest.raises(PostError):
        await world.adapter.publisher.notify(dest, "Heads up: the source Wire has been failing")
    assert len(fake.find("POST", HEADLINE)) == 1
    assert len(fake.channels[NEWS_CHANNEL].messages) == 1
