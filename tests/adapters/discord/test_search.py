"""``/search`` through a real discord.py client against the loopback fake of Discord."""

from __future__ import annotations

from support.fake_discord import APP_ID, GUILD_ID

from .conftest import World
from .test_commands import callback, followup
from .test_filters import LEAD


async def test_search_answers_privately_with_linked_matches_a_page_at_a_time(
    world: World,
) -> None:
    (sync,) = world.fake.find("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    (cmd,) = [c for c in sync.body if c["name"] == "search"]
    assert [o["name"] for o in cmd["options"]] == ["words", "page"]

    _, token = await world.fake.command("search", words="California safety bill")
    (answer,) = await followup(world.fake, token)
    assert callback(world.fake, token).body["data"]["flags"] & 64  # only the asker sees it
    (embed,) = answer.body["embeds"]
    assert embed["title"] == "Search: california safety bill"
    first = embed["description"].splitlines()[0]
    assert first.startswith(f"[{LEAD}](<https://techcrunch.com/")
    assert answer.body["allowed_mentions"] == {"parse": []}

    _, t1 = await world.fake.command("search", words="ai")
    (one,) = await followup(world.fake, t1)
    footer = one.body["embeds"][0]["footer"]["text"]
    assert "page 1 of" in footer and "next: page:2" in footer
    assert one.body["embeds"][0]["description"].count("](<https://") == 5
    _, t2 = await world.fake.command("search", words="ai", page=2)
    (two,) = await followup(world.fake, t2)
    assert "page 2 of" in two.body["embeds"][0]["footer"]["text"]
    assert two.body["embeds"][0]["description"] != one.body["embeds"][0]["description"]


async def test_nothing_to_search_for_is_one_ephemeral_line(world: World) -> None:
    _, token = await world.fake.command("search", words="?!")
    (answer,) = await followup(world.fake, token)
    assert answer.body["content"] == (
        "There is nothing to search for; search for one or more words, for example: "
        "/search nvidia export rules."
    )
