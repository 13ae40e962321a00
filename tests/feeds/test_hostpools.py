"""The feed client's transport (bot/feeds/hostpools.py): httpx's client over aiohttp's
connections. Feeds on two hosts reuse one kept-alive connection per host, bodies come back
decoded by httpx with the request's headers sent as given, redirects are left to the
fetcher, closing the client closes every connection, and aiohttp's failures reach the
fetcher as the httpx errors they mean."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from support.feed_server import FeedServer

from bot.config import Settings
from bot.feeds.fetch import make_client
from bot.feeds.hostpools import AiohttpTransport

FEED = b"<rss version='2.0'><channel><title>%s</title></channel></rss>"


async def test_each_host_keeps_its_connection_and_closing_the_client_closes_them(
    settings: Settings, tmp_path: Path
) -> None:
    async with (
        FeedServer(tmp_path, host="127.0.0.1") as one,
        FeedServer(tmp_path, host="127.0.0.2") as two,
    ):
        one.put("/a.xml", FEED % b"a")
        two.put("/b.xml", FEED % b"b")
        client = make_client(settings)
        transport = client._transport
        assert isinstance(transport, AiohttpTransport)
        for _ in range(3):
            for url in (one.url("/a.xml"), two.url("/b.xml")):
                resp = await client.get(url)
                assert resp.status_code == 200 and b"<title>" in resp.content
        session = transport._session
        assert session is not None
        kept = session.connector._conns  # type: ignore[union-attr]
        assert sorted(len(conns) for conns in kept.values()) == [1, 1]  # one per host, reused
        assert one.request_headers["/a.xml"]["User-Agent"] == settings.user_agent
        await client.aclose()
        assert session.closed and transport._session is None


async def test_bodies_are_decoded_by_httpx_and_redirects_are_not_followed(
    settings: Settings,
) -> None:
    async def zipped(_request: web.Request) -> web.Response:
        return web.Response(body=gzip.compress(FEED % b"z"), headers={"Content-Encoding": "gzip"})

    async def moved(_request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": "/z.xml"})

    app = web.Application()
    app.router.add_get("/z.xml", zipped)
    app.router.add_get("/old.xml", moved)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        async with make_client(settings) as client:
            resp = await client.get(f"http://127.0.0.1:{port}/z.xml")
            assert resp.headers["Content-Encoding"] == "gzip" and resp.content == FEED % b"z"
            resp = await client.get(f"http://127.0.0.1:{port}/old.xml")
            assert resp.status_code == 302 and resp.headers["Location"] == "/z.xml"
    finally:
        await runner.cleanup()


async def test_failures_become_the_httpx_errors_they_mean(
    settings: Settings, tmp_path: Path
) -> None:
    async with FeedServer(tmp_path) as srv, make_client(settings) as client:
        with pytest.raises(httpx.RemoteProtocolError):  # the body ends before its length
            await client.get(srv.url("/fault/truncated"))
        port = srv.port
    with pytest.raises(httpx.ConnectError):  # nobody listens there any more
        async with make_client(settings) as client:
            await client.get(f"http://127.0.0.1:{port}/a.xml")


async def test_the_fetchers_short_road_sends_and_reads_what_the_clients_road_does(
    settings: Settings, tmp_path: Path
) -> None:
    """``FeedClient.get_streamed`` skips httpx's request machinery: the server must not tell
    the difference (headers, credentials, validators, cookies), nor must the fetcher (status,
    headers, decoded body, errors)."""

    async with FeedServer(tmp_path) as srv:
        srv.put("/a.xml", FEED % b"a")
        srv.put("/z.xml", gzip.compress(FEED % b"z"), headers={"Content-Encoding": "gzip"})
        srv.put("/c.xml", FEED % b"c", headers={"Set-Cookie": "visit=1; Path=/"})
        base = srv.url("/").replace("http://", "http://bob:hunter%202@")
        etag = srv.etag("/a.xml")

        async def both(
            path: str, headers: dict[str, str], *, base: str = base
        ) -> list[tuple[object, ...]]:
            seen = []
            for road in ("client", "short"):
                async with make_client(settings) as client:
                    url = base + path.lstrip("/")
                    opened = (
                        client.stream("GET", url, headers=headers)
                        if road == "client"
                        else client.get_streamed(url, headers)
                    )
                    async with opened as resp:
                        body = b"".join([chunk async for chunk in resp.aiter_bytes()])
                    sent = dict(srv.request_headers[path])
                    # the next request from this client, after any cookie it was given
                    async with client.get_streamed(srv.url("/a.xml"), {}) as after:
                        await after.aread()
                    cookie = srv.request_headers["/a.xml"].get("Cookie")
                answer = {k: v for k, v in resp.headers.items() if k != "date"}  # the clock's
                seen.append((resp.status_code, answer, body, resp.reason_phrase, sent, cookie))
            return seen

        plain, short = await both("/a.xml", {})
        assert plain == short and plain[0] == 200 and plain[2] == FEED % b"a"
        assert plain[4]["Authorization"].startswith("Basic ")  # credentials from the URL
        plain, short = await both("/a.xml", {"If-None-Match": etag})
        assert plain == short and plain[0] == 304
        plain, short = await both("/z.xml", {})
        assert plain == short and plain[2] == FEED % b"z"  # decoded
        plain, short = await both("/c.xml", {}, base=srv.url("/"))
        assert plain == short and plain[5] == "visit=1"  # the cookie went back, both roads
        with pytest.raises(UnicodeEncodeError):  # a header httpx cannot send: refused alike
            async with (
                make_client(settings) as client,
                client.get_streamed(srv.url("/a.xml"), {"If-None-Match": "é"}),
            ):
                pass

        async with make_client(settings) as client:
            with pytest.raises(httpx.RemoteProtocolError):  # the body ends before its length
                async with client.get_streamed(srv.url("/fault/truncated"), {}) as resp:
                    await resp.aread()
        port = srv.port
    with pytest.raises(httpx.ConnectError):  # nobody listens there any more
        async with (
            make_client(settings) as client,
            client.get_streamed(f"http://127.0.0.1:{port}/a.xml", {}),
        ):
            pass
