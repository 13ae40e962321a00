"""The feed client keeps one connection pool per host (bot/feeds/hostpools.py): feeds on two
hosts are fetched through two pools that reuse their connections, and closing the client
closes them all."""

from __future__ import annotations

from pathlib import Path

from support.feed_server import FeedServer

from bot.config import Settings
from bot.feeds.fetch import make_client
from bot.feeds.hostpools import PerHostTransport


async def test_each_host_gets_its_own_pool_and_closing_the_client_closes_them(
    settings: Settings, tmp_path: Path
) -> None:
    async with (
        FeedServer(tmp_path, host="127.0.0.1") as one,
        FeedServer(tmp_path, host="127.0.0.2") as two,
    ):
        one.put("/a.xml", b"<rss version='2.0'><channel><title>a</title></channel></rss>")
        two.put("/b.xml", b"<rss version='2.0'><channel><title>b</title></channel></rss>")
        client = make_client(settings)
        transport = client._transport
        assert isinstance(transport, PerHostTransport)
        for _ in range(3):
            for url in (one.url("/a.xml"), two.url("/b.xml")):
                resp = await client.get(url)
                assert resp.status_code == 200 and b"<title>" in resp.content
        assert len(transport._pools) == 2
        for pool in transport._pools.values():
            assert len(pool._pool.connections) == 1  # kept alive and reused per host
        await client.aclose()
        assert transport._pools == {}
