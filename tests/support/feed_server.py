"""A real loopback HTTP feed server for tests, the demo and benchmarks (aiohttp.web).

    async with FeedServer(directory=None) as srv:      # binds 127.0.0.1, port 0
        srv.put("/a.xml", body_bytes)                   # serve (or replace) a document
        url = srv.url("/a.xml")
        srv.hits["/a.xml"]                              # requests seen per path

Documents get a strong ETag (sha256 of the body) and a Last-Modified; a matching
If-None-Match / If-Modified-Since gets 304. ``put(path, body, slow=True)`` serves a real
document that stalls halfway through its body until ``release_slow()``. Files under ``directory`` are served at
``/<relative path>`` unless replaced with ``put``.

Fault paths: ``/fault/500``, ``/fault/429`` (Retry-After: 120), ``/fault/slow`` (headers,
then a body that never finishes until ``release_slow()``), ``/fault/truncated`` (Content-Length
larger than the body), ``/fault/huge`` (body bigger than ``huge_bytes``), ``/fault/loop``
(redirects to itself), ``/fault/private`` (redirects to http://169.254.169.254/latest/meta-data),
``/fault/wrong-type`` (a feed served as image/png), ``/fault/challenge`` (an HTML challenge
page), ``/fault/gzip-bomb`` (gzip body that inflates to 64 MiB), ``/fault/trickle`` (a byte every
0.2 s, forever).

Run alone: ``python tests/support/feed_server.py DIR [HOST]`` prints its base URL on stdout.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import hashlib
import sys
from collections import Counter, defaultdict
from email.utils import formatdate
from pathlib import Path

from aiohttp import web

CHALLENGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
    b"<body>Checking your browser before accessing the site.</body></html>"
)


@functools.cache
def _gzip_bomb() -> bytes:
    """64 MiB of zeros, gzipped once per process and quickly (level 9 in every request took
    seconds on a busy machine, in the event loop the client under test shares)."""
    return gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=1)


class FeedServer:
    def __init__(
        self, directory: Path | None = None, *, host: str = "127.0.0.1", huge_bytes: int = 0
    ) -> None:
        self.directory = directory
        self.host = host
        self.docs: dict[str, tuple[bytes, str, str]] = {}
        self.hits: Counter[str] = Counter()
        self.slow_paths: dict[str, str] = {}  # path -> stall group
        self.finished: Counter[str] = Counter()  # stalled responses sent in full
        self._groups: defaultdict[str, asyncio.Event] = defaultdict(asyncio.Event)
        self.huge_bytes = huge_bytes or 12 * 1024 * 1024
        self.delay = 0.0
        self._slow = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.extra_headers: dict[str, dict[str, str]] = {}  # e.g. Cache-Control per path
        self.request_headers: dict[str, dict[str, str]] = {}  # the last request's, per path
        self.redirects: dict[str, str] = {}  # path -> Location of a 302
        self.statuses: dict[str, int] = {}  # path -> status of a put document

    # documents ---------------------------------------------------------
    def put(
        self,
        path: str,
        body: bytes,
        *,
        content_type: str = "application/rss+xml",
        slow: bool | str = False,
        headers: dict[str, str] | None = None,
        status: int = 200,
    ) -> None:
        """Serve ``body`` at ``path``. ``slow``: send half of it, then the rest only after
        ``release_slow()`` (a server that stalls mid-body); a string names a group that
        ``release_slow(group)`` lets go alone. ``headers`` are sent as they are (a
        Content-Encoding says what ``body`` already is); ``status``: answer with it."""
        lm = formatdate(len(self.docs) + 1_700_000_000 + self.hits.total(), usegmt=True)
        self.docs[path] = (body, content_type, lm)
        self.extra_headers[path] = dict(headers or {})
        self.statuses[path] = status
        if slow:
            self.slow_paths[path] = slow if isinstance(slow, str) else ""
        else:
            self.slow_paths.pop(path, None)

    def etag(self, path: str) -> str:
        return self._etag(self.docs[path][0])

    @staticmethod
    def _etag(body: bytes) -> str:
        return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def release_slow(self, group: str | None = None) -> None:
        """Let stalled bodies finish: one group's, or (no group) every one's."""
        if group is None:
            self._slow.set()
            for event in self._groups.values():
                event.set()
        else:
            self._groups[group].set()

    def _lookup(self, path: str) -> tuple[bytes, str, str] | None:
        if path in self.docs:
            return self.docs[path]
        if self.directory is not None:
            f = (self.directory / path.lstrip("/")).resolve()
            if f.is_file() and self.directory.resolve() in f.parents:
                lm = formatdate(f.stat().st_mtime, usegmt=True)
                return f.read_bytes(), "application/xml", lm
        return None

    # handler -----------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.request_headers[path] = dict(request.headers)
        if self.delay:
            await asyncio.sleep(self.delay)
        if path in self.redirects:
            raise web.HTTPFound(self.redirects[path])
        if path.startswith("/fault/"):
            return await self._fault(request, path[len("/fault/") :])
        doc = self._lookup(path)
        if doc is None:
            return web.Response(status=404, text="not found")
        body, ctype, lm = doc
        etag = self._etag(body)
        if request.headers.get("If-None-Match") == etag or (
            "If-None-Match" not in request.headers
            and request.headers.get("If-Modified-Since") == lm
        ):
            return web.Response(status=304, headers={"ETag": etag, "Last-Modified": lm})
        headers = {"Content-Type": ctype, "ETag": etag, "Last-Modified": lm}
        headers.update(self.extra_headers.get(path, {}))
        if path in self.slow_paths:
            group = self.slow_paths[path]
            return await self._stalling(request, path, body, headers, self._groups[group])
        return web.Response(body=body, headers=headers, status=self.statuses.get(path, 200))

    async def _stalling(
        self,
        request: web.Request,
        path: str,
        body: bytes,
        headers: dict[str, str],
        release: asyncio.Event,
    ) -> web.StreamResponse:
        resp = web.StreamResponse(headers={**headers, "Content-Length": str(len(body))})
        await resp.prepare(request)
        half = len(body) // 2
        try:
            await resp.write(body[:half])
            await release.wait()
            await resp.write(body[half:])
            await resp.write_eof()
            self.finished[path] += 1
        except (ConnectionResetError, RuntimeError):
            pass  # the client went away (or was killed) mid-body
        return resp

    async def _fault(self, request: web.Request, mode: str) -> web.StreamResponse:
        answer = self._answer_fault(mode)
        if answer is not None:
            return answer
        if mode == "huge":
            return await self._huge(request)
        if mode == "trickle":
            return await self._trickle(request)
        if mode in ("slow", "truncated"):
            return await self._cut_short(request, wait=mode == "slow")
        return web.Response(status=404, text="unknown fault")

    def _answer_fault(self, mode: str) -> web.Response | None:
        """The faults that are one whole answer (or a redirect), else None."""
        if mode == "500":
            return web.Response(status=500, text="boom")
        if mode == "429":
            return web.Response(status=429, headers={"Retry-After": "120"}, text="slow down")
        if mode == "loop":
            raise web.HTTPFound(self.url("/fault/loop"))
        if mode == "private":
            raise web.HTTPFound("http://169.254.169.254/latest/meta-data")
        if mode == "wrong-type":
            return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")
        if mode == "challenge":
            return web.Response(body=CHALLENGE, content_type="text/html", status=200)
        if mode == "gzip-bomb":
            return web.Response(
                body=_gzip_bomb(),
                headers={"Content-Encoding": "gzip", "Content-Type": "application/xml"},
            )
        return None

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/xml"})
        await resp.prepare(request)
        chunk = b"<rss>" + b" " * 65531
        sent = 0
        try:
            while sent < self.huge_bytes:
                await resp.write(chunk)
                sent += len(chunk)
        except (ConnectionResetError, RuntimeError):
            return resp
        await resp.write_eof()
        return resp

    async def _trickle(self, request: web.Request) -> web.StreamResponse:
        """One byte every 0.2 s, never done: no read timeout ever fires."""
        resp = web.StreamResponse(headers={"Content-Type": "application/xml"})
        await resp.prepare(request)
        try:
            await resp.write(b"<rss><channel><title>")
            while True:
                await asyncio.sleep(0.2)
                await resp.write(b"a")
        except (ConnectionResetError, RuntimeError):
            return resp

    async def _cut_short(self, request: web.Request, *, wait: bool) -> web.StreamResponse:
        resp = web.StreamResponse(
            headers={"Content-Type": "application/xml", "Content-Length": "100000"}
        )
        await resp.prepare(request)
        await resp.write(b"<rss><channel><title>slow</title>")
        if wait:
            await self._slow.wait()
        # close early: the body is shorter than Content-Length promised
        request.transport.close() if request.transport else None  # type: ignore[func-returns-value]
        return resp

    # lifecycle ---------------------------------------------------------
    async def start(self, port: int = 0) -> FeedServer:
        await asyncio.to_thread(_gzip_bomb)  # ready before any client's read timeout starts
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        self.release_slow()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FeedServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


async def _main(directory: str, host: str) -> None:
    srv = await FeedServer(Path(directory), host=host).start()
    print(srv.url("/"), flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"))
