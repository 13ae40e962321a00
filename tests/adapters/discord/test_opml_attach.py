"""`/sources import` with an attached OPML file (issue 14): an admin's reading list becomes
the server's own sources in one command, through the real discord.py client against the
loopback fake (the file is downloaded from the fake's CDN path as from Discord's)."""

from __future__ import annotations

from support.fake_discord import (
    ADMIN_ID,
    APP_ID,
    GUILD_ID,
    MEMBER_ID,
    MEMBER_PERMS,
    Attachment,
    FakeDiscord,
)

from bot.community.opml_import import MAX_OPML_BYTES

from .conftest import World
from .test_commands import EPHEMERAL, callback, ephemeral_text, followup

SCOPE = f"discord:{GUILD_ID}"


def opml(*outlines: tuple[str, str]) -> bytes:
    body = "".join(f'<outline text="{t}" type="rss" xmlUrl="{u}"/>' for t, u in outlines)
    return (
        '<?xml version="1.0"?><opml version="2.0"><head><title>my feeds</title></head>'
        f'<body><outline text="AI">{body}</outline></body></opml>'
    ).encode()


def cdn_hits(fake: FakeDiscord) -> int:
    return len([r for r in fake.requests if r.path.startswith("/attachments/")])


async def test_an_admin_imports_an_attached_opml_as_the_servers_own_sources(world: World) -> None:
    fake = world.fake
    data = opml(
        ("Import AI", "https://jack-clark.net/feed/"),
        ("Simon Willison", "https://simonwillison.net/atom/everything/"),
        ("Broken", "javascript:alert(1)"),
        ("Again", "https://jack-clark.net/feed/"),
    )
    _, token = await fake.command("sources", "import", file=Attachment("reader.opml", data))
    (answer,) = await followup(fake, token)
    assert callback(fake, token).body["data"]["flags"] & EPHEMERAL
    text = answer.body["content"]
    assert text.splitlines()[0] == "Imported 2 sources from reader.opml; 1 skipped."
    assert "skipped Broken:" in text and "not a web address" in text
    assert "/sources list" in text
    own = {f.name: f for f in await world.store.list_feeds(SCOPE, all_scopes=True) if f.scope}
    assert set(own) == {"Import AI", "Simon Willison"}
    assert own["Import AI"].url == "https://jack-clark.net/feed/"
    assert all(f.scope == SCOPE and f.tags == ("AI",) for f in own.values())
    assert own["Import AI"].added_by == f"discord:{ADMIN_ID}"  # so /sources remove can take it


async def test_a_member_is_refused_and_the_file_is_never_downloaded(world: World) -> None:
    fake = world.fake
    before = await world.store.list_feeds(all_scopes=True)
    data = opml(("Import AI", "https://jack-clark.net/feed/"))
    _, token = await fake.command(
        "sources", "import", user=MEMBER_ID, perms=MEMBER_PERMS, file=Attachment("a.opml", data)
    )
    await fake.wait_for(lambda r: r.path.endswith(f"/{token}/callback"))
    assert ephemeral_text(fake, token).startswith("You need the Manage Server permission")
    assert cdn_hits(fake) == 0
    assert await world.store.list_feeds(all_scopes=True) == before


async def test_a_file_that_is_not_opml_or_too_big_is_one_sentence_and_saves_nothing(
    world: World,
) -> None:
    fake = world.fake
    before = await world.store.list_feeds(all_scopes=True)
    page = Attachment("notes.opml", b"<html><body>my feeds: none</body></html>")
    _, t1 = await fake.command("sources", "import", file=page)
    await followup(fake, t1)
    assert ephemeral_text(fake, t1).startswith("Not an OPML file: root element is <html>")

    big = Attachment("huge.opml", b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>")
    _, t2 = await fake.command("sources", "import", file=big)
    await fake.wait_for(lambda r: r.path.endswith(f"/{t2}/callback"))
    assert "an OPML import takes at most 1024 KiB" in ephemeral_text(fake, t2)
    assert cdn_hits(fake) == 1  # the first file only: the big one was refused by its size
    assert not [r for r in fake.followups(t2) if r.path == f"/webhooks/{APP_ID}/{t2}"]
    assert await world.store.list_feeds(all_scopes=True) == before
