"""The public /digest's cooldown through a real discord.py client against the fake."""

from __future__ import annotations

from datetime import timedelta

from support.fake_discord import MEMBER_ID, MEMBER_PERMS

from .conftest import World
from .test_commands import ephemeral_text
from .test_filters import digest_headline


async def test_a_member_asking_again_at_once_gets_one_private_line_and_no_digest(
    world: World,
) -> None:
    fake = world.fake
    await digest_headline(world, "today", user=MEMBER_ID, perms=MEMBER_PERMS)
    world.clock.advance(timedelta(seconds=5))
    _, token = await fake.command("digest", "week", user=MEMBER_ID, perms=MEMBER_PERMS)
    await fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    assert ephemeral_text(fake, token) == (
        "You asked for one 5 seconds ago; scroll up to read it, or ask again in 55 seconds."
    )
    assert not fake.followups(token)  # refused at once: no deferral, no digest built

    world.clock.advance(timedelta(minutes=1))
    embed = await digest_headline(world, "week", user=MEMBER_ID, perms=MEMBER_PERMS)
    assert embed["title"].startswith("Week of")
    # an admin is not limited
    await digest_headline(world, "today")
    await digest_headline(world, "today")
