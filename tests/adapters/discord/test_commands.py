"""Slash commands through a real discord.py client connected to the loopback fake of Discord.

Interactions arrive as gateway INTERACTION_CREATE dispatches; what the bot did is read from
the fake's record of REST requests (the defer, follow-ups, channel messages, threads)."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import timedelta

import pytest
from support.fake_discord import (
    ADMIN_ID,
    APP_ID,
    GUILD_ID,
    MEMBER_ID,
    MEMBER_PERMS,
    NEWS_CHANNEL,
    FakeDiscord,
    Request,
)

from bot.models import FeedSpec

from .conftest import FEEDS, World

EPHEMERAL = 64
DEFERRED = 5
MESSAGE = 4
UPDATE_MESSAGE = 7
AUTOCOMPLETE = 8
NO_PINGS = {"parse": []}


def callback(fake: FakeDiscord, token: str) -> Request:
    calls = fake.callbacks(token)
    assert len(calls) == 1, calls
    return calls[0]


async def followup(fake: FakeDiscord, token: str, n: int = 1) -> list[Request]:
    return await fake.wait_for(
        lambda r: r.method == "POST" and r.path == f"/webhooks/{APP_ID}/{token}", count=n
    )


def ephemeral_text(fake: FakeDiscord, token: str) -> str:
    """The one ephemeral sentence the user saw: an immediate answer or a follow-up."""
    cb = callback(fake, token)
    if cb.body["type"] == MESSAGE:
        assert cb.body["data"]["flags"] & EPHEMERAL
        return str(cb.body["data"]["content"])
    assert cb.body["data"]["flags"] & EPHEMERAL  # deferred privately, so the answer is private
    (answer,) = fake.followups(token)
    return str(answer.body["content"])


async def test_connects_with_the_guilds_intent_only_and_syncs_commands_to_the_dev_server(
    world: World,
) -> None:
    fake = world.fake
    assert fake.identify is not None
    assert fake.identify["intents"] == 1  # GUILDS only: no message content, no members
    (sync,) = fake.find("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    commands = {c["name"]: c for c in sync.body}
    assert set(commands) == {"digest", "sources", "why", "filters", "search", "schedule"}
    subs = {o["name"]: o for o in commands["digest"]["options"]}
    assert set(subs) == {
        "today",
        "yesterday",
        "week",
        "date",
        "since",
        "days",
        "setup",
        "stop",
        "now",
    }
    assert all(o["description"] for o in subs.values())
    setup = {o["name"]: o for o in subs["setup"]["options"]}
    assert setup["timezone"]["autocomplete"] is True
    assert setup["channel"]["type"] == 7
    listing = {o["name"]: o for o in commands["sources"]["options"]}
    show = listing["list"]["options"][0]
    assert [c["value"] for c in show["choices"]] == ["all", "failing", "own"]
    assert listing["remove"]["options"][0]["autocomplete"] is True
    # the gateway address came from the API, as a proxy or test double needs
    assert fake.find("GET", "/gateway/bot")


async def test_digest_today_defers_first_then_posts_the_headline_and_a_thread(
    world: World,
) -> None:
    fake = world.fake
    sent_at = time.monotonic()
    _, token = await fake.command("digest", "today")
    thread_posts = await fake.wait_for(
        lambda r: (
            r.method == "POST" and re.fullmatch(r"/channels/\d+/messages", r.path) is not None
        ),
        count=2,
    )

    mine = [r for r in fake.requests if r.at >= sent_at]
    defer = mine[0]
    assert defer.path.endswith(f"/{token}/callback")  # nothing happens before the defer
    assert defer.body == {"type": DEFERRED}  # public "thinking...", no ephemeral flag
    assert defer.at - sent_at < 3.0  # Discord's deadline (bench/latency_discord.py: ~1 ms)

    (headline,) = fake.followups(token)
    assert headline.at > defer.at
    assert headline.body["allowed_mentions"] == NO_PINGS
    (embed,) = headline.body["embeds"]
    assert embed["title"].startswith("Sat Aug 22, 2026")
    # the title carries the lead's headline; the description links its outlets instead
    assert "OpenAI says California should strengthen its AI safety bill" in embed["title"]
    assert "**The lead** (1 outlet)" in embed["description"]
    assert "articles from" in embed["footer"]["text"]

    message_id = headline.response["id"]
    (thread,) = fake.find("POST", rf"/channels/{NEWS_CHANNEL}/messages/{message_id}/threads")
    assert thread.body["name"].startswith("Sat Aug 22, 2026")
    thread_id = thread.response["id"]
    parts = fake.posts(thread_id)
    assert len(parts) >= 2 and all(p in parts for p in thread_posts[:2])
    assert "**The lead**" in parts[0].body["content"]
    assert "(<https://techcrunch.com/" in parts[0].body["content"]  # links to the outlets
    for _req, payload in fake.sent_messages():
        assert payload["allowed_mentions"] == NO_PINGS
        assert len(payload.get("content") or "") <= 2000


async def test_a_feed_title_with_everyone_and_a_user_mention_pings_no_one(world: World) -> None:
    fake = world.fake
    feed = (FEEDS / "techcrunch.xml").read_bytes()
    title = b"OpenAI says California should strengthen its AI safety bill"
    assert title in feed
    world.feeds.put(
        "/techcrunch.xml",
        feed.replace(title, b"@everyone OpenAI &lt;@123&gt; says California should act"),
    )
    await world.services.poller.poll()  # the edited entry is updated in place

    _, token = await fake.command("digest", "today")
    await followup(fake, token)
    await fake.wait_for(
        lambda r: isinstance(r.body, dict) and "The lead" in str(r.body.get("content"))
    )

    shown = []
    for _req, payload in fake.sent_messages():
        assert payload["allowed_mentions"] == NO_PINGS  # the first lock: Discord pings no one
        text = str(payload.get("content", "")) + str(payload.get("embeds", ""))
        # the second lock: the text itself holds no live mention
        assert not re.search(r"(?<![\w\u200b])@everyone", text), text
        assert "<@123>" not in text
        shown.append(text)
    everything = "\n".join(shown)
    assert "@\u200beveryone OpenAI" in everything  # still readable, just inert
    assert "<\u200b@123>" in everything


async def test_a_member_without_manage_server_is_refused_privately_and_nothing_is_saved(
    world: World,
) -> None:
    fake = world.fake
    feeds_before = await world.store.list_feeds(all_scopes=True)
    hits_before = world.feeds.hits.total()

    _, t1 = await fake.command(
        "digest",
        "setup",
        user=MEMBER_ID,
        perms=MEMBER_PERMS,
        time="08:00",
        timezone="Europe/Berlin",
        channel=NEWS_CHANNEL,
    )
    _, t2 = await fake.command(
        "sources",
        "add",
        user=MEMBER_ID,
        perms=MEMBER_PERMS,
        url=world.feeds.url("/theverge-ai.xml"),
    )
    _, t3 = await fake.command(
        "sources", "remove", user=MEMBER_ID, perms=MEMBER_PERMS, name="techcrunch"
    )
    _, t4 = await fake.command("digest", "now", user=MEMBER_ID, perms=MEMBER_PERMS)
    tokens = [t1, t2, t3, t4]
    await fake.wait_for(lambda r: any(r.path.endswith(f"/{t}/callback") for t in tokens), count=4)

    for token in tokens:
        text = ephemeral_text(fake, token)
        assert text == (
            "You need the Manage Server permission for that; ask a server admin to do it."
        )
        assert not fake.followups(token)  # refused at once: no deferral, no work
    assert await world.store.list_destinations() == []
    assert await world.store.list_feeds(all_scopes=True) == feeds_before
    assert world.feeds.hits.total() == hits_before  # the feed was not even fetched


async def test_an_admin_sets_up_and_stops_the_daily_digest(world: World) -> None:
    fake = world.fake
    _, token = await fake.command(
        "digest", "setup", time="7:30", timezone="Europe/Berlin", channel=NEWS_CHANNEL
    )
    (answer,) = await followup(fake, token)
    assert callback(fake, token).body == {"type": DEFERRED, "data": {"flags": EPHEMERAL}}
    assert "07:30 (Europe/Berlin)" in answer.body["content"]
    (dest,) = await world.store.list_destinations(platform="discord")
    assert (dest.channel_id, dest.scope, dest.post_time, dest.tz) == (
        str(NEWS_CHANNEL),
        f"discord:{GUILD_ID}",
        "07:30",
        "Europe/Berlin",
    )
    assert dest.created_by == f"discord:{ADMIN_ID}"

    _, token = await fake.command("digest", "stop")
    (answer,) = await followup(fake, token)
    assert "Stopped" in answer.body["content"]
    assert await world.store.list_destinations(platform="discord") == []


async def test_mistakes_get_one_private_sentence_with_the_fix(world: World) -> None:
    fake = world.fake
    _, bad_date = await fake.command("digest", "date", day="2026-13-45")
    _, bad_time = await fake.command(
        "digest", "setup", time="25:00", timezone="UTC", channel=NEWS_CHANNEL
    )
    _, bad_zone = await fake.command(
        "digest", "setup", time="08:00", timezone="Mars/Olympus", channel=NEWS_CHANNEL
    )
    _, unknown = await fake.command("sources", "remove", name="No Such Feed")
    await followup(fake, unknown)
    await fake.wait_for(lambda r: r.path.endswith("/callback"), count=4)

    assert ephemeral_text(fake, bad_date) == (
        "'2026-13-45' is not a real date; use today, yesterday, week or a date like 2026-08-21."
    )
    assert ephemeral_text(fake, bad_time).startswith("'25:00' is not a time of day; use 24-hour")
    assert "time zone" in ephemeral_text(fake, bad_zone)
    text = ephemeral_text(fake, unknown)
    assert text.startswith("No source named 'No Such Feed'; see the names with /sources")
    for token in (bad_date, bad_time, bad_zone, unknown):
        assert ephemeral_text(fake, token).count(".") <= 2  # one sentence, not a traceback
    assert await world.store.list_destinations() == []


async def test_sources_add_previews_the_newest_items_then_saves(world: World) -> None:
    fake = world.fake
    world.feeds.put("/verge-copy.xml", (FEEDS / "theverge-ai.xml").read_bytes())
    url = world.feeds.url("/verge-copy.xml")
    _, token = await fake.command("sources", "add", url=url, name="Verge AI")
    (answer,) = await followup(fake, token)
    assert callback(fake, token).body["data"]["flags"] & EPHEMERAL
    (embed,) = answer.body["embeds"]
    assert embed["title"] == "Added: Verge AI"
    items = [line for line in embed["description"].splitlines() if line.startswith("- [")]
    assert len(items) == 5  # the newest five, as links
    assert answer.body["allowed_mentions"] == NO_PINGS
    saved = await world.store.find_feed("Verge AI", f"discord:{GUILD_ID}")
    assert saved is not None and saved.url == url and saved.scope == f"discord:{GUILD_ID}"

    # a page that is not a feed: the reason, and nothing saved
    world.feeds.put(
        "/blog.html", b"<!DOCTYPE html><html><body>hi</body></html>", content_type="text/html"
    )
    _, token = await fake.command("sources", "add", url=world.feeds.url("/blog.html"))
    await followup(fake, token)
    text = ephemeral_text(fake, token)
    assert text.startswith("Could not read a feed at http://127.0.0.1")
    assert await world.store.find_feed(world.feeds.url("/blog.html"), f"discord:{GUILD_ID}") is None


async def test_sources_list_shows_health_a_page_at_a_time(world: World) -> None:
    fake, store, now = world.fake, world.store, world.clock.now()
    for n in range(12):
        await store.add_feed(
            FeedSpec(name=f"Extra {n:02d}", url=f"https://example.org/{n}.xml"), now
        )
    broken = await store.add_feed(
        FeedSpec(name="Broken Feed", url="https://example.org/b.xml"), now
    )
    await store.record_failure(
        broken.id,
        now - timedelta(hours=3),
        kind="timeout",
        message="read timed out",
        next_poll_at=now,
        http_status=None,
        duration_ms=1.0,
    )
    _, token = await fake.command("sources", "list")
    (answer,) = await followup(fake, token)
    (page1,) = answer.body["embeds"]
    assert page1["footer"]["text"] == "Page 1 of 2 · 15 sources, 1 failing"
    assert "⚠️ **Broken Feed** · global · 0 items" in page1["description"]
    assert "failing since 3 h ago (1x): timeout: read timed out" in page1["description"]
    buttons = answer.body["components"][0]["components"]
    assert [b["label"] for b in buttons] == ["◀ Previous", "Next ▶"]
    assert buttons[0]["disabled"] is True

    _, click = await fake.click(buttons[1]["custom_id"], answer.response)
    await fake.wait_for(lambda r: r.path.endswith(f"/{click}/callback"))
    turned = callback(fake, click)
    assert turned.body["type"] == UPDATE_MESSAGE
    (page2,) = turned.body["data"]["embeds"]
    assert page2["footer"]["text"].startswith("Page 2 of 2")
    assert "✅ **techcrunch** · global · 20 items" in page2["description"]
    assert "ok, last success" in page2["description"]

    # someone else cannot turn the asker's pages
    _, other = await fake.click(buttons[1]["custom_id"], answer.response, user=MEMBER_ID)
    await fake.wait_for(lambda r: r.path.endswith(f"/{other}/callback"))
    assert callback(fake, other).body["data"]["flags"] & EPHEMERAL


async def test_page_buttons_are_taken_off_when_they_stop_answering(world: World) -> None:
    fake, store, now = world.fake, world.store, world.clock.now()
    for n in range(12):
        await store.add_feed(
            FeedSpec(name=f"Extra {n:02d}", url=f"https://example.org/{n}.xml"), now
        )
    world.adapter.client.commands.pages_timeout = 0.2
    _, token = await fake.command("sources", "list")
    (answer,) = await followup(fake, token)
    assert answer.body["components"]
    (edit,) = await fake.wait_for(
        lambda r: (
            r.method == "PATCH"
            and re.fullmatch(rf"/webhooks/\d+/{token}/messages/\d+", r.path) is not None
        )
    )
    assert edit.body["components"] == []
    assert edit.body["allowed_mentions"] == {"parse": []}


async def test_autocomplete_offers_source_names_and_time_zones(world: World) -> None:
    fake = world.fake
    _, names = await fake.command("sources", "remove", name="tech", autocomplete="name")
    _, zones = await fake.command(
        "digest",
        "setup",
        channel=NEWS_CHANNEL,
        time="08:00",
        timezone="berl",
        autocomplete="timezone",
    )
    await fake.wait_for(lambda r: r.path.endswith("/callback"), count=2)
    got = callback(fake, names).body
    assert got["type"] == AUTOCOMPLETE
    assert [c["value"] for c in got["data"]["choices"]] == ["techcrunch"]
    got = callback(fake, zones).body
    assert [c["value"] for c in got["data"]["choices"]] == ["Europe/Berlin"]


async def test_why_explains_a_stored_article(world: World) -> None:
    fake = world.fake
    (article,) = [
        a
        for a in await world.store.articles_between(
            world.clock.now().replace(hour=0), world.clock.now()
        )
        if a.title.startswith("OpenAI says California")
    ]
    _, token = await fake.command("why", url=article.url)
    (answer,) = await followup(fake, token)
    assert answer.body["content"].startswith("Seen: 'OpenAI says California")
    assert answer.body["allowed_mentions"] == NO_PINGS


async def test_the_defer_does_not_wait_for_a_slow_digest(world: World) -> None:
    fake = world.fake
    release = asyncio.Event()
    real_build = world.services.builder.build

    async def slow_build(*args: object, **kwargs: object) -> object:
        await release.wait()  # an LLM that takes its time
        return await real_build(*args, **kwargs)  # type: ignore[arg-type]

    world.services.builder.build = slow_build  # type: ignore[method-assign]
    _, token = await fake.command("digest", "week")
    await fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    assert not fake.followups(token)  # deferred while the digest is still being written
    release.set()
    (answer,) = await followup(fake, token)
    assert answer.body["embeds"][0]["title"].startswith("Week of")


async def test_digest_now_posts_to_the_daily_channel_through_the_poster(world: World) -> None:
    fake = world.fake
    _, token = await fake.command(
        "digest", "setup", time="08:00", timezone="UTC", channel=NEWS_CHANNEL
    )
    await followup(fake, token)
    _, token = await fake.command("digest", "now")
    (answer,) = await followup(fake, token)
    assert answer.body["content"] == "Posted the digest since the last post to the daily channel."
    assert callback(fake, token).body["data"]["flags"] & EPHEMERAL
    (headline,) = fake.posts(NEWS_CHANNEL)  # posted by the bot itself, not as a reply
    assert headline.body["embeds"][0]["title"].startswith("Sat Aug 22, 2026")
    assert fake.find(
        "POST", rf"/channels/{NEWS_CHANNEL}/messages/{headline.response['id']}/threads"
    )


async def test_without_create_public_threads_the_asker_is_told_what_to_grant(world: World) -> None:
    from support.fake_discord import BOT_PERMS, CREATE_PUBLIC_THREADS

    fake = world.fake
    await fake.set_bot_perms(NEWS_CHANNEL, BOT_PERMS & ~CREATE_PUBLIC_THREADS)
    done = asyncio.ensure_future(world.adapter.client.wait_for("command_done", timeout=10))
    _, token = await fake.command("digest", "today")
    await done
    headline, notice = fake.followups(token)
    assert headline.body["embeds"]  # the headline still answers the question
    assert notice.body["flags"] & EPHEMERAL
    assert "Create Public Threads" in notice.body["content"]
    assert not [r for r in fake.find("POST", r"/channels/\d+/messages") if r.status == 200]


async def test_an_error_after_a_public_defer_stays_private(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.errors import NewsbotError

    fake = world.fake
    failures = iter(
        [
            NewsbotError("the database is busy", hint="try again in a minute"),
            RuntimeError("a bug"),
        ]
    )

    async def broken_build(*_args: object, **_kwargs: object) -> object:
        raise next(failures)

    world.services.builder.build = broken_build  # type: ignore[method-assign]
    for expected in (
        "The database is busy; try again in a minute.",
        "Something went wrong on my side, sorry; the details are in the bot's log.",
    ):
        done = asyncio.ensure_future(world.adapter.client.wait_for("command_done", timeout=10))
        _, token = await fake.command("digest", "today")
        await done
        assert callback(fake, token).body == {"type": DEFERRED}  # public "thinking..."
        # ...which is taken down, and the error goes to the asker alone
        assert fake.find("DELETE", rf"/webhooks/{APP_ID}/{token}/messages/@original")
        (answer,) = fake.followups(token)
        assert answer.body["flags"] & EPHEMERAL
        assert answer.body["content"] == expected
    assert "RuntimeError: a bug" in caplog.text  # the bug is logged with its traceback


async def test_digest_now_tells_the_admin_which_permission_is_missing(world: World) -> None:
    from support.fake_discord import BOT_PERMS, SEND_MESSAGES, SYSTEM_CHANNEL

    fake = world.fake
    _, token = await fake.command(
        "digest", "setup", time="08:00", timezone="UTC", channel=NEWS_CHANNEL
    )
    await followup(fake, token)
    await fake.set_bot_perms(NEWS_CHANNEL, BOT_PERMS & ~SEND_MESSAGES)  # taken away later
    _, token = await fake.command("digest", "now")
    (answer,) = await followup(fake, token)
    assert answer.body["content"] == (
        "The post did not go out: missing the Send Messages permission in discord channel "
        f"{NEWS_CHANNEL}."
    )
    assert len(fake.posts(SYSTEM_CHANNEL)) == 1  # and the server's admins heard it once


async def test_asked_inside_a_thread_the_details_follow_in_place(world: World) -> None:
    from support.fake_discord import Channel

    fake = world.fake
    thread = Channel(fake.snowflake(), "chat about AI", type=11, parent_id=NEWS_CHANNEL)
    fake.channels[thread.id] = thread
    done = asyncio.ensure_future(world.adapter.client.wait_for("command_done", timeout=10))
    _, token = await fake.command("digest", "today", in_channel=thread.id)
    await done
    headline, *details = fake.followups(token)
    assert headline.body["embeds"]
    assert details and "**The lead**" in details[0].body["content"]
    assert not fake.find("POST", r"/channels/\d+/messages/\d+/threads")  # no thread in a thread


async def test_a_failure_after_the_headline_keeps_the_headline(world: World) -> None:
    fake = world.fake
    fake.fail("POST", r"/channels/\d+/messages", 403, code=50001, message="Missing Access")
    done = asyncio.ensure_future(world.adapter.client.wait_for("command_done", timeout=10))
    _, token = await fake.command("digest", "today")
    await done
    headline, error = fake.followups(token)
    assert headline.body["embeds"]
    assert not fake.find("DELETE", rf"/webhooks/{APP_ID}/{token}/messages/@original")
    assert error.body["flags"] & EPHEMERAL
    assert error.body["content"].startswith("Discord refused me here: I need")


async def test_a_topic_narrows_the_digest(world: World) -> None:
    fake = world.fake
    _, token = await fake.command("digest", "today", topic="funding")
    (answer,) = await followup(fake, token)
    embed = answer.body["embeds"][0]
    description = embed["description"]
    assert "Rillet raised $100M" in embed["title"]  # the funding story leads
    assert "OpenAI says California" not in description  # the policy story is left out


async def test_sources_remove_deletes_this_servers_source_but_not_a_global_one(
    world: World,
) -> None:
    fake, store = world.fake, world.store
    scope = f"discord:{GUILD_ID}"
    await store.add_feed(
        FeedSpec(name="Our Blog", url="https://example.org/ours.xml"),
        world.clock.now(),
        scope=scope,
    )
    _, token = await fake.command("sources", "remove", name="our blog")
    (answer,) = await followup(fake, token)
    assert answer.body["content"] == "Removed Our Blog; it is no longer polled here."
    assert await store.find_feed("Our Blog", scope) is None

    _, token = await fake.command("sources", "remove", name="techcrunch")
    await followup(fake, token)
    assert ephemeral_text(fake, token) == (
        "'techcrunch' is a global source from config/feeds.toml; ask the bot's operator to "
        "remove it from config/feeds.toml."
    )
    assert await store.find_feed("techcrunch", scope) is not None
