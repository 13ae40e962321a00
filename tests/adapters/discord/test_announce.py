"""Auto-publish in an announcement channel, through a real discord.py client against the
loopback fake of Discord (which implements the crosspost endpoint): the daily post's headline
is published to following servers once, even when the post is resumed."""

from __future__ import annotations

import asyncio

from support.fake_discord import ANNOUNCE_CHANNEL, GUILD_ID, NEWS_CHANNEL, Channel

from bot.daily import Outcome, PostKind
from bot.models import DestinationSpec

from .conftest import World
from .test_commands import followup

SCOPE = f"discord:{GUILD_ID}"


async def announcement_channel(world: World) -> None:
    """The server gains an announcement channel (Discord tells the bot at once)."""
    channel = Channel(ANNOUNCE_CHANNEL, "announcements", type=5)
    world.fake.channels[ANNOUNCE_CHANNEL] = channel
    created = asyncio.ensure_future(
        world.adapter.client.wait_for("guild_channel_create", timeout=10)
    )
    await world.fake.dispatch("CHANNEL_CREATE", world.fake._channel_json(channel))
    await created


async def test_the_headline_is_published_in_an_announcement_channel(world: World) -> None:
    fake = world.fake
    await announcement_channel(world)
    _, token = await fake.command(
        "digest", "setup", time="08:00", timezone="UTC", channel=ANNOUNCE_CHANNEL
    )
    (answer,) = await followup(fake, token)
    assert "It is an announcement channel" in answer.body["content"]
    dest = await world.services.daily_for("discord", str(ANNOUNCE_CHANNEL))
    assert dest is not None
    await world.poster.post_now(dest)
    (headline,) = fake.posts(ANNOUNCE_CHANNEL)
    assert fake.crossposted == [headline.response["id"]]  # the headline, not the thread
    assert fake.find("POST", rf"/channels/{ANNOUNCE_CHANNEL}/messages/\d+/threads")


async def test_a_resumed_post_publishes_once_and_plain_channels_never(world: World) -> None:
    fake = world.fake
    await announcement_channel(world)
    threads = rf"/channels/{ANNOUNCE_CHANNEL}/messages/\d+/threads"
    fake.fail("POST", threads, 403, code=50013, message="Missing Permissions")
    dest = await world.services.setup_daily(
        DestinationSpec("discord", str(ANNOUNCE_CHANNEL), SCOPE, "08:00", "UTC")
    )
    assert await world.poster.post_now(dest) == Outcome.FAILED  # headline out, no thread
    (record,) = await world.store.posts_for(dest.id)
    assert len(fake.crossposted) == 1
    # the failed post resumes: no second headline; publishing it again is refused, and fine
    again = await world.poster.post(
        dest, PostKind.NOW, record.window_key, record.window_start, record.window_end
    )
    assert again.outcome == Outcome.POSTED
    assert len(fake.posts(ANNOUNCE_CHANNEL)) == 1 and len(fake.crossposted) == 1
    assert fake.find("POST", threads)[-1].status == 200
    other = await world.services.setup_daily(
        DestinationSpec("discord", str(NEWS_CHANNEL), SCOPE, "09:00", "UTC")
    )
    await world.poster.post_now(other)
    assert len(fake.crossposted) == 1  # a plain channel's post is not published
