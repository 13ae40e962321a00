"""``/digest since`` and ``/digest days`` through a real discord.py client against the fake."""

from __future__ import annotations

from .conftest import World
from .test_commands import ephemeral_text
from .test_filters import digest_headline


async def test_since_and_days_post_a_digest_titled_with_the_span(world: World) -> None:
    embed = await digest_headline(world, "since", day="2026-08-20")
    assert embed["title"].startswith("Aug 20 to Aug 22, 2026")
    assert "articles from" in embed["footer"]["text"]
    embed = await digest_headline(world, "days", n=2)
    assert embed["title"].startswith("Aug 20 to Aug 22, 2026")  # 48 hours back from 18:00


async def test_an_impossible_range_is_one_ephemeral_line_and_no_digest(world: World) -> None:
    _, t1 = await world.fake.command("digest", "since", day="2026-08-30")
    _, t2 = await world.fake.command("digest", "days", n=90)
    await world.fake.wait_for(
        lambda r: r.path.endswith((f"/{t1}/callback", f"/{t2}/callback")), count=2
    )
    assert ephemeral_text(world.fake, t1) == (
        "2026-08-30 has not started yet; use since:YYYY-MM-DD (for example since:2026-08-01) "
        "or days:N, N from 1 to 31."
    )
    assert ephemeral_text(world.fake, t2).startswith("'90' is not a number of days I can do")
    assert not [r for r, _ in world.fake.sent_messages() if r.path.startswith("/channels/")]
    assert not world.fake.followups(t1) and not world.fake.followups(t2)  # refused at once
