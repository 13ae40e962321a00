"""``/sources import`` with an attached OPML file, through a real discord.py client against
the loopback fake of Discord (which serves the attachment as Discord's CDN would)."""

from __future__ import annotations

from support.fake_discord import GUILD_ID, MEMBER_ID, MEMBER_PERMS

from .conftest import World
from .test_commands import EPHEMERAL, callback, ephemeral_text, followup

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>My reader</title></head><body>
  <outline text="AI">
    <outline text="Lab notes" xmlUrl="https://lab.example/feed.xml"/>
    <outline text="Chip wire" xmlUrl="https://chips.example/rss"/>
    <outline text="Broken" xmlUrl="ftp://old.example/feed"/>
  </outline>
</body></opml>"""


async def test_an_admin_attaches_an_opml_file_and_its_feeds_become_the_servers(
    world: World,
) -> None:
    fake = world.fake
    _, token = await fake.command("sources", "import", file=fake.attachment("feeds.opml", OPML))
    (answer,) = await followup(fake, token)
    assert callback(fake, token).body["data"]["flags"] & EPHEMERAL
    text = answer.body["content"]
    assert text.startswith("Imported 2 sources; 1 skipped.")
    assert "Lab notes, Chip wire" in text and "skipped Broken" in text
    own = {f.name for f in await world.store.list_feeds(f"discord:{GUILD_ID}") if f.scope}
    assert own == {"Lab notes", "Chip wire"}


async def test_members_bad_files_and_big_files_get_one_private_line(world: World) -> None:
    fake = world.fake
    _, t1 = await fake.command(
        "sources",
        "import",
        user=MEMBER_ID,
        perms=MEMBER_PERMS,
        file=fake.attachment("feeds.opml", OPML),
    )
    _, t2 = await fake.command("sources", "import", file=fake.attachment("cat.png", b"\x89PNG"))
    _, t3 = await fake.command(
        "sources", "import", file=fake.attachment("huge.opml", OPML, size=5_000_000)
    )
    evil = fake.attachment("x.opml", b"<!DOCTYPE x [<!ENTITY a 'b'>]><opml/>")
    _, t4 = await fake.command("sources", "import", file=evil)
    for t in (t1, t2, t3):
        await fake.wait_for(lambda r, t=t: r.path.endswith(f"/{t}/callback"))
    assert ephemeral_text(fake, t1).startswith("You need the Manage Server permission")
    assert "'cat.png' is not an OPML file" in ephemeral_text(fake, t2)
    assert "the limit is 1,000 KB" in ephemeral_text(fake, t3)
    (refused,) = await followup(fake, t4)
    assert "OPML file refused" in refused.body["content"]
    assert not [f for f in await world.store.list_feeds(f"discord:{GUILD_ID}") if f.scope]
    # the files refused by name, size or rights were never fetched
    assert fake.downloads == [evil["id"]]
