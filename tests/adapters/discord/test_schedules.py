"""``/schedule`` through a real discord.py client against the loopback fake of Discord: an
admin adds a weekdays digest and a Monday week in review, removes the plain daily post, and
the scheduler posts the review to the channel once."""

from __future__ import annotations

from datetime import UTC, datetime

from support.fake_discord import (
    APP_ID,
    GUILD_ID,
    MEMBER_ID,
    MEMBER_PERMS,
    NEWS_CHANNEL,
    NEWS_ROLE,
)

from bot.models import DestinationSpec
from bot.scheduler import Outcome, Scheduler

from .conftest import World
from .test_commands import AUTOCOMPLETE, EPHEMERAL, callback, ephemeral_text, followup

MONDAY_9 = datetime(2026, 8, 24, 9, 0, tzinfo=UTC)
SCOPE = f"discord:{GUILD_ID}"


async def test_schedule_is_an_admin_group_with_day_choices_and_autocomplete(
    world: World,
) -> None:
    (sync,) = world.fake.find("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    group = {c["name"]: c for c in sync.body}["schedule"]
    assert int(group["default_member_permissions"]) == 32  # Manage Server
    subs = {o["name"]: o for o in group["options"]}
    assert set(subs) == {"list", "add", "remove", "ping"}
    days = {o["name"]: o for o in subs["add"]["options"]}["days"]
    assert [c["value"] for c in days["choices"]][:3] == ["daily", "weekdays", "monday"]
    assert subs["remove"]["options"][0]["autocomplete"] is True
    _, token = await world.fake.command(
        "schedule", "add", user=MEMBER_ID, perms=MEMBER_PERMS, days="daily", time="09:00"
    )
    await world.fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    assert ephemeral_text(world.fake, token).startswith("You need the Manage Server permission")


async def test_weekdays_and_a_monday_review_then_the_review_is_posted_once(world: World) -> None:
    fake = world.fake
    _, token = await fake.command(
        "digest", "setup", time="08:00", timezone="UTC", channel=NEWS_CHANNEL
    )
    (setup,) = await followup(fake, token)
    assert "every day at 08:00: the digest since the last post (UTC)" in setup.body["content"]

    _, token = await fake.command("schedule", "add", days="weekdays", time="08:00")
    (added,) = await followup(fake, token)
    assert callback(fake, token).body["data"]["flags"] & EPHEMERAL
    assert "weekdays at 08:00: the digest since the last post" in added.body["content"]
    _, token = await fake.command("schedule", "add", days="monday", time="9:00", what="week")
    (added,) = await followup(fake, token)
    assert "Mondays at 09:00: the week in review" in added.body["content"]

    # the written-down daily post is offered for removal by autocomplete
    _, token = await fake.command("schedule", "remove", schedule="every", autocomplete="schedule")
    await fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    got = callback(fake, token).body
    assert got["type"] == AUTOCOMPLETE
    (daily,) = got["data"]["choices"]
    assert daily["name"] == "every day at 08:00: the digest since the last post"
    _, token = await fake.command("schedule", "remove", schedule=daily["value"])
    (removed,) = await followup(fake, token)
    assert removed.body["content"].startswith("Removed: every day at 08:00")

    _, token = await fake.command("schedule", "list")
    (listing,) = await followup(fake, token)
    assert listing.body["content"].splitlines()[1:] == [
        "• weekdays at 08:00: the digest since the last post (UTC)",
        "• Mondays at 09:00: the week in review (UTC)",
        "• pings nobody",
    ]
    _, token = await fake.command("schedule", "add", days="monday", time="25:00")
    (bad,) = await followup(fake, token)
    assert "25:00" in bad.body["content"] and callback(fake, token).body["data"]["flags"] & 64

    # Monday 09:00: the scheduler posts the week in review, once
    world.clock.set(MONDAY_9)
    sched = Scheduler(world.poster, world.services.poller)
    review = next(
        s
        for s in await world.services.schedules_here("discord", str(NEWS_CHANNEL))
        if s.what == "week"
    )
    assert await sched.slot_job(review.id) is Outcome.POSTED
    assert await sched.slot_job(review.id) is Outcome.ALREADY
    (headline,) = fake.posts(NEWS_CHANNEL)
    assert headline.body["embeds"][0]["title"].startswith("Week of Aug 17 to Aug 24, 2026")


async def test_a_chosen_role_is_pinged_by_the_daily_post_and_only_there(world: World) -> None:
    fake = world.fake
    dest = await world.services.setup_daily(
        DestinationSpec("discord", str(NEWS_CHANNEL), SCOPE, "08:00", "UTC")
    )
    _, token = await fake.command("schedule", "ping", role=NEWS_ROLE)
    (answer,) = await followup(fake, token)
    assert (
        answer.body["content"] == f"Posts in <#{NEWS_CHANNEL}> ping <@&{NEWS_ROLE}> when they land."
    )
    assert answer.body["allowed_mentions"] == {"parse": []}  # saying so pings nobody
    _, token = await fake.command("schedule", "list")
    (listing,) = await followup(fake, token)
    assert f"• pings <@&{NEWS_ROLE}> when a post lands" in listing.body["content"]

    await world.poster.post_now(dest)
    (headline,) = fake.posts(NEWS_CHANNEL)
    assert headline.body["content"] == f"<@&{NEWS_ROLE}>"
    assert headline.body["allowed_mentions"] == {"parse": [], "roles": [str(NEWS_ROLE)]}
    thread = [
        p
        for r, p in fake.sent_messages()
        if r.path.startswith("/channels/") and p is not headline.body
    ]
    assert thread and all(p["allowed_mentions"] == {"parse": []} for p in thread)

    _, token = await fake.command("schedule", "ping")  # no role: ping nobody again
    (off,) = await followup(fake, token)
    assert off.body["content"] == f"Posts in <#{NEWS_CHANNEL}> ping nobody now."
    assert await world.services.ping_here("discord", str(NEWS_CHANNEL)) is None
