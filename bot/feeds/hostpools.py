"""The feed client's transport: httpx's API over aiohttp's connections.

httpcore (httpx's own transport) does a request's work in Python: h11's parser, anyio's
streams and cancel scopes, a pool that re-checks its connections. On a cold poll of a
thousand feeds that was the event loop's largest cost (bench/poll.py); a pool per host
(this module's first form) took the pool's share away, not the rest. aiohttp parses HTTP in
C and keeps its connections per host in one connector, so the fetcher keeps httpx's client
(its requests, headers, content decoding, timeouts and the errors it maps) and hands the
wire to aiohttp.

What the fetcher relies on is kept: no redirect is followed (the fetcher follows them, each
hop through the SSRF guard); bodies arrive still encoded (httpx decodes them, so the size
cap counts decoded bytes, and a gzip bomb stops there); names are resolved with the system
resolver, as the guard resolves them; aiohttp's errors become httpx's (connect, read,
timeout, protocol), so a failure is classified as before. One TLS context for every host,
made with the first request: a command that never fetches never loads the CA bundle.

The fetcher's GETs go a shorter road (``FeedClient.get_streamed``): the same request and
answer, straight to the transport, without the client's Request objects, auth and redirect
layers and cookie-jar pass, which cost nearly as much as aiohttp itself on a cold poll.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from base64 import b64encode
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    import aiohttp

# aiohttp is imported with the first request (half a second of start-up on a busy machine):
# a command that never fetches, `newsbot digest today` say, never pays for it

# httpx's own logger: the direct road below writes the line httpx writes for each request
_httpx_log = logging.getLogger("httpx")

# how much of a body one read hands over at most: big reads, few trips through Python
_CHUNK = 256 * 1024
# a response's status line and each header field, at most (aiohttp's default, 8 KiB, is
# below what some servers' cookies take; httpx allowed a 16 KiB header block)
_MAX_LINE = 32 * 1024


@contextmanager
def _as_httpx_errors(request: httpx.Request | None) -> Iterator[None]:
    """aiohttp's exceptions as the httpx ones they mean (most specific first)."""
    import aiohttp

    try:
        yield
    except httpx.HTTPError:
        raise
    except aiohttp.ConnectionTimeoutError as exc:
        raise httpx.ConnectTimeout(str(exc) or "connect timed out", request=request) from exc
    except TimeoutError as exc:  # aiohttp's read timeout (SocketTimeoutError) among them
        raise httpx.ReadTimeout(str(exc) or "read timed out", request=request) from exc
    except aiohttp.InvalidURL as exc:
        raise httpx.UnsupportedProtocol(str(exc), request=request) from exc
    except aiohttp.ClientConnectorError as exc:
        raise httpx.ConnectError(str(exc), request=request) from exc
    except (
        aiohttp.ServerDisconnectedError,
        aiohttp.ClientPayloadError,
        aiohttp.ClientResponseError,  # a malformed answer: bad status line, huge headers
    ) as exc:
        raise httpx.RemoteProtocolError(str(exc) or type(exc).__name__, request=request) from exc
    except (aiohttp.ClientError, OSError) as exc:
        raise httpx.ReadError(str(exc) or type(exc).__name__, request=request) from exc


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request | None) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors(self._request):
            while chunk := await self._response.content.read(_CHUNK):
                yield chunk

    async def aclose(self) -> None:
        # a body read to its end gives the connection back to the pool; one left unread
        # (a redirect, a body over the cap) closes it
        self._response.release()


class AiohttpTransport(httpx.AsyncBaseTransport):
    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            import aiohttp

            tls: ssl.SSLContext = httpx.create_ssl_context()
            connector = aiohttp.TCPConnector(
                limit=self._limits.max_connections or 0,
                limit_per_host=0,  # the fetcher keeps its own per-host limit
                keepalive_timeout=self._limits.keepalive_expiry or 5.0,
                ssl=tls,
                resolver=aiohttp.ThreadedResolver(),  # getaddrinfo, as the SSRF guard
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                auto_decompress=False,
                max_line_size=_MAX_LINE,
                max_field_size=_MAX_LINE,
                skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.send(
            request.method,
            # as httpx wrote it (no re-quoting: a signed URL stays signed); its user and
            # password are in the Authorization header httpx made of them
            str(request.url.copy_with(userinfo=b"")),
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw],
            request.extensions.get("timeout", {}),
            data=await request.aread() or None,
            request=request,
        )

    async def send(
        self,
        method: str,
        url: str,
        headers: list[tuple[str, str]],
        timeouts: Mapping[str, float | None],
        *,
        data: bytes | None = None,
        request: httpx.Request | None = None,
    ) -> httpx.Response:
        """One request on aiohttp's session (``url`` as httpx encodes it, without user or
        password), answered as an httpx response whose body streams, still encoded."""
        import aiohttp
        from yarl import URL

        session = self._client()
        with _as_httpx_errors(request):
            response = await session.request(
                method,
                URL(url, encoded=True),
                headers=headers,
                data=data,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(
                    total=None,
                    connect=timeouts.get("pool"),  # aiohttp's connect includes the pool wait
                    sock_connect=timeouts.get("connect"),
                    sock_read=timeouts.get("read"),
                ),
            )
        version = (
            f"HTTP/{response.version.major}.{response.version.minor}"
            if response.version
            else "HTTP/1.1"
        )
        extensions: dict[str, Any] = {"http_version": version.encode()}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_Body(response, request),
            request=request,
            extensions=extensions,
        )

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()
            await asyncio.sleep(0)  # let the connector's transports close in this loop turn


class FeedClient(httpx.AsyncClient):
    """httpx's client over an ``AiohttpTransport``, with a shorter road for the fetcher's GETs
    (``get_streamed``)."""

    def __init__(self, *, transport: AiohttpTransport, **kwargs: Any) -> None:
        super().__init__(transport=transport, **kwargs)
        self._wire = transport

    @asynccontextmanager
    async def get_streamed(
        self, url: str, headers: Mapping[str, str]
    ) -> AsyncIterator[httpx.Response]:
        """What ``stream("GET", url, headers=headers)`` gives: the client's headers and
        timeouts, the URL's user and password as Basic auth, the cookies the client was
        given, the body decoded by httpx, httpx's errors and log line. Without the client's
        machinery around the transport (a Request built and copied, the auth and redirect
        layers, a cookie-jar pass over every response): on bench/poll.py's cold poll that
        was a seventh of the event loop's CPU. A request with a cookie to send, the client's
        own auth or a proxy (from the environment) takes the client's road."""
        target = httpx.URL(url)
        if (
            self.cookies
            or self.auth is not None
            or self._transport_for_url(target) is not self._wire
        ):
            async with self.stream("GET", target, headers=headers) as resp:
                yield resp
            return
        own = httpx.Headers(headers)  # encoded, or refused, as the client would
        raw = [(b"Host", target.netloc)]
        raw += [(k, v) for k, v in self.headers.raw if k.decode("latin-1") not in own]
        raw += own.raw
        if target.username or target.password:
            userpass = b":".join((target.username.encode(), target.password.encode()))
            raw.append((b"Authorization", b"Basic " + b64encode(userpass)))
        response = await self._wire.send(
            "GET",
            str(target.copy_with(userinfo=b"")) if target.userinfo else str(target),
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw],
            self.timeout.as_dict(),
        )
        try:
            if "Set-Cookie" in response.headers:  # kept in the client's jar, as httpx does
                response.request = httpx.Request("GET", target, headers=raw)
                self.cookies.extract_cookies(response)
            if _httpx_log.isEnabledFor(logging.INFO):
                _httpx_log.info(
                    'HTTP Request: %s %s "%s %d %s"',
                    "GET",
                    target,
                    response.http_version,
                    response.status_code,
                    response.reason_phrase,
                )
            yield response
        finally:
            await response.aclose()
