"""Follow-ups end to end: the daily post goes out through the real discord.py client to the
loopback fake; two days later a story continues, and the new post marks it "Day 3" and links
the earlier post's headline message."""

from __future__ import annotations

from datetime import timedelta

from support.articles import continue_story
from support.fake_discord import GUILD_ID, NEWS_CHANNEL

from bot.models import DestinationSpec

from .conftest import World

SCOPE = f"discord:{GUILD_ID}"


async def test_a_story_that_continues_links_the_earlier_post(world: World) -> None:
    dest = await world.services.setup_daily(
        DestinationSpec("discord", str(NEWS_CHANNEL), SCOPE, "08:00", "UTC")
    )
    world.clock.advance(timedelta(minutes=1))  # a post covers what was seen before it
    await world.poster.post_now(dest)
    (first,) = world.fake.posts(NEWS_CHANNEL)
    posted = await world.store.posts_for(dest.id)
    shown = first.body["embeds"][0]["description"]  # the lead's links are in the embed
    window = await world.store.articles_between(posted[0].window_start, posted[0].window_end)
    old = next(a for a in window if f"<{a.url}>" in shown)
    # two days on, another outlet's take on the same event, in the same words mostly
    world.clock.set(world.clock.now() + timedelta(days=2))
    url = "https://follow.example/continued"
    await continue_story(world.store, old, url, world.clock.now())
    world.clock.advance(timedelta(minutes=1))
    dest = await world.services.daily_for("discord", str(NEWS_CHANNEL))
    assert dest is not None
    await world.poster.post_now(dest)
    thread = " ".join(
        str(p.get("content") or "")
        for r, p in world.fake.sent_messages()
        if r.path.startswith("/channels/") and "Day 3" in str(p.get("content") or "")
    )
    earlier = f"https://discord.com/channels/{GUILD_ID}/{NEWS_CHANNEL}/{first.response['id']}"
    assert "Day 3 of this story: new since [the earlier digest](<" + earlier + ">)" in thread
    assert f"(<{url}>)" in thread
