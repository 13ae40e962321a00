"""The public /digest's cooldown through a real discord.py client against the fake."""

from __future__ import annotations

from datetime import timedelta

from support.fake_discord import MEMBER_ID, MEMBER_PERMS

from .conftest import World
from .test_commands import ephemeral_text
from .test_filters import digest_headline


async def refused(world: World, sub: str, user: int) -> str:
    """A member's public ``/digest <sub>`` refused at once: the private line they got (and
    no deferral, no digest built)."""
    _, token = await world.fake.command("digest", sub, user=user, perms=MEMBER_PERMS)
    await world.fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    assert not world.fake.followups(token)
    return ephemeral_text(world.fake, token)


async def test_a_member_asking_again_at_once_gets_one_private_line_and_no_digest(
    world: World,
) -> None:
    await digest_headline(world, "today", user=MEMBER_ID, perms=MEMBER_PERMS)
    world.clock.advance(timedelta(seconds=5))
    assert await refused(world, "week", MEMBER_ID) == (
        "You asked for one 5 seconds ago; scroll up to read it, or ask again in 55 seconds."
    )

    world.clock.advance(timedelta(minutes=1))
    embed = await digest_headline(world, "week", user=MEMBER_ID, perms=MEMBER_PERMS)
    assert embed["title"].startswith("Week of")
    # an admin is not limited
    await digest_headline(world, "today")
    await digest_headline(world, "today")


async def test_another_member_right_after_is_told_one_was_just_posted_here(
    world: World,
) -> None:
    await digest_headline(world, "today", user=MEMBER_ID, perms=MEMBER_PERMS)
    world.clock.advance(timedelta(seconds=5))
    assert await refused(world, "today", MEMBER_ID + 1) == (
        "One was posted here 5 seconds ago; scroll up to read it, or ask again in 15 seconds."
    )
    # once the channel's 20 seconds are over, the other member gets theirs
    world.clock.advance(timedelta(seconds=15))
    embed = await digest_headline(world, "today", user=MEMBER_ID + 1, perms=MEMBER_PERMS)
    assert embed["title"]
