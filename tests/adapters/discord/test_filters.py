"""``/filters`` through a real discord.py client against the loopback fake of Discord: rules
set in chat change what ``/digest`` and the daily post show, and the footer says so."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from support.fake_discord import (
    APP_ID,
    GUILD_ID,
    MEMBER_ID,
    MEMBER_PERMS,
    NEWS_CHANNEL,
    SYSTEM_CHANNEL,
)

from bot.models import DestinationSpec

from .conftest import World
from .test_commands import AUTOCOMPLETE, callback, ephemeral_text, followup

LEAD = "OpenAI says California should strengthen its AI safety bill"
SCOPE = f"discord:{GUILD_ID}"


async def digest_headline(world: World, sub: str, **options: Any) -> dict[str, Any]:
    """The headline embed of a public ``/digest <sub>``, after the whole answer (headline and
    thread) is out: the bot's "command_done" event says so."""
    sent: dict[str, str] = {}
    done = asyncio.ensure_future(
        world.adapter.client.wait_for(
            "command_done", check=lambda i: str(i.id) == sent.get("id"), timeout=30
        )
    )
    sent["id"], token = await world.fake.command("digest", sub, **options)
    await done
    (headline,) = world.fake.followups(token)[:1]
    (embed,) = headline.body["embeds"]
    return dict(embed)


async def digest_today(world: World) -> tuple[str, str]:
    """(the headline embed's title and description, its footer) of a public /digest today
    (the lead's headline is in the title; the description then links its outlets)."""
    embed = await digest_headline(world, "today")
    return embed["title"] + "\n" + embed["description"], embed["footer"]["text"]


async def test_filters_is_an_admin_group_with_autocomplete(world: World) -> None:
    (sync,) = world.fake.find("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    commands = {c["name"]: c for c in sync.body}
    group = commands["filters"]
    assert int(group["default_member_permissions"]) == 32  # Manage Server
    assert commands["digest"].get("default_member_permissions") is None  # public
    subs = {o["name"]: o for o in group["options"]}
    assert set(subs) == {"list", "mute", "unmute", "include", "exclude", "remove", "clear"}
    assert subs["mute"]["options"][0]["autocomplete"] is True
    assert subs["remove"]["options"][0]["autocomplete"] is True

    _, token = await world.fake.command("filters", "mute", source="verge", autocomplete="source")
    await world.fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    got = callback(world.fake, token).body
    assert got["type"] == AUTOCOMPLETE
    assert [c["value"] for c in got["data"]["choices"]] == ["theverge-ai"]


async def test_an_excluded_word_hides_the_story_and_the_footer_counts_it(world: World) -> None:
    before, footer = await digest_today(world)
    assert LEAD in before and "hidden" not in footer

    _, token = await world.fake.command("filters", "exclude", words="CALIFORNIA")
    (answer,) = await followup(world.fake, token)
    assert callback(world.fake, token).body["data"]["flags"] & 64  # deferred privately
    assert 'No more stories about "california"' in answer.body["content"]

    after, footer = await digest_today(world)
    assert LEAD not in after
    assert "1 story hidden by this channel's filters" in footer


async def test_a_muted_source_leaves_every_digest_and_the_daily_post(world: World) -> None:
    world.clock.advance(timedelta(minutes=1))  # a post covers what was first seen before it

    async def daily_post(channel: int) -> str:
        """What the channel's daily post shows: its headline and thread, every word."""
        dest = await world.services.setup_daily(
            DestinationSpec("discord", str(channel), SCOPE, "08:00", "UTC")
        )
        before = len(world.fake.sent_messages())
        await world.poster.post_now(dest)
        posted = [
            str(p.get("content") or "") + str(p.get("embeds") or "")
            for r, p in world.fake.sent_messages()[before:]
            if r.path.startswith("/channels/")  # the daily post: headline and thread
        ]
        assert posted  # posted, muted source or not
        return " ".join(posted)

    before = await daily_post(SYSTEM_CHANNEL)
    assert "techcrunch.com" in before and LEAD in before  # the window's stories are TechCrunch's

    _, token = await world.fake.command("filters", "mute", source="techcrunch")
    (answer,) = await followup(world.fake, token)
    assert "Muted techcrunch" in answer.body["content"]
    assert (await world.services.server_filters(SCOPE)).muted_names == ("techcrunch",)
    after = await daily_post(NEWS_CHANNEL)  # another channel of the server, the same window
    assert "techcrunch.com" not in after and LEAD not in after
    asked = await digest_headline(world, "today")  # /digest in a channel
    assert "techcrunch.com" not in str(asked) and LEAD not in str(asked)

    _, token = await world.fake.command("sources", "list")
    (listing,) = await followup(world.fake, token)
    assert "Muted in this server: techcrunch" in listing.body["embeds"][0]["description"]


async def test_rules_for_one_channel_and_the_setup_answer_lists_them(world: World) -> None:
    _, t1 = await world.fake.command(
        "filters", "include", words="open source", channel=NEWS_CHANNEL
    )
    await followup(world.fake, t1)
    _, t2 = await world.fake.command(
        "digest", "setup", time="08:00", timezone="UTC", channel=NEWS_CHANNEL
    )
    (answer,) = await followup(world.fake, t2)
    assert (
        f'only stories about: "open source" (in <#{NEWS_CHANNEL}> only)' in answer.body["content"]
    )
    _, t3 = await world.fake.command("filters", "list")
    (listing,) = await followup(world.fake, t3)
    assert '"open source"' in listing.body["content"]
    _, t4 = await world.fake.command("filters", "remove", words="Open-Source")
    (removed,) = await followup(world.fake, t4)
    assert removed.body["content"] == "Removed 1 rule."
    assert not await world.services.filters_here(SCOPE, str(NEWS_CHANNEL))


async def test_members_are_refused_and_bad_phrases_get_one_ephemeral_line(world: World) -> None:
    fake = world.fake
    _, t1 = await fake.command("filters", "exclude", user=MEMBER_ID, perms=MEMBER_PERMS, words="x")
    _, t2 = await fake.command("filters", "exclude", words="!!")
    _, t3 = await fake.command("filters", "unmute", source="nope")
    await fake.wait_for(lambda r: r.path.endswith(f"/{t1}/callback"))
    assert ephemeral_text(fake, t1).startswith("You need the Manage Server permission")
    (bad,) = await followup(fake, t2)
    assert bad.body["content"] == (
        "A rule needs a word or phrase; for example: exclude crypto, include open source."
    )
    (none,) = await followup(fake, t3)
    assert callback(fake, t3).body["data"]["flags"] & 64
    assert "'nope' is not muted here" in none.body["content"]
    assert not await world.services.server_filters(SCOPE)
