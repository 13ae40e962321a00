"""One safe conditional GET per call.

Redirects are followed here, not by httpx, so every hop passes the SSRF guard. The decoded
body is decoded here, each read inflated at most to what is left of ``max_body_bytes``, so a
gzip or brotli bomb stops there without ever being in memory (bot/feeds/decode.py).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import defaultdict
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import cast
from urllib.parse import urljoin, urlsplit

import httpx

from bot.config import Settings
from bot.errors import FeedError, FeedErrorKind
from bot.feeds.decode import BoundedDecoder, Corrupt, TooBig
from bot.feeds.hostpools import AiohttpTransport, FeedClient
from bot.feeds.safety import check_url
from bot.feeds.urls import shown_text

_REDIRECTS = {301, 302, 303, 307, 308}
YIELD_EVERY = 256 * 1024  # bytes of body read between two turns of the event loop


@dataclass(frozen=True)
class FetchResponse:
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    max_age: float | None  # seconds, from Cache-Control
    final_url: str
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def make_client(settings: Settings) -> FeedClient:
    """The shared client: compressed transfer, honest User-Agent, no automatic redirects."""
    return FeedClient(
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            "text/xml;q=0.9, */*;q=0.5",
        },
        timeout=httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        ),
        transport=AiohttpTransport(
            httpx.Limits(
                max_connections=settings.max_concurrency,
                max_keepalive_connections=settings.max_concurrency,
            )
        ),
        follow_redirects=False,
    )


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def parse_max_age(value: str | None) -> float | None:
    if not value:
        return None
    m = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", value, re.IGNORECASE)
    return float(m.group(1)) if m else None


class Fetcher:
    def __init__(self, client: httpx.AsyncClient, settings: Settings) -> None:
        self._client = client
        self._settings = settings
        self._global = asyncio.Semaphore(settings.max_concurrency)
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host_concurrency)
        )

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResponse:
        """GET ``url``, following redirects; ``total_timeout`` bounds the time spent in
        requests, not the wait for a slot: a queue behind a slow server on the same host must
        not make healthy feeds time out."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return await self._follow(url, headers)
        except FeedError as exc:
            # One scrub for every message (ours, the guard's, httpx's): credentials in a
            # feed URL are used to fetch it and never shown.
            exc.args = (shown_text(str(exc)),)
            raise

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResponse:
        budget = self._settings.total_timeout
        current = url
        for _hop in range(self._settings.max_redirects + 1):
            await check_url(current, allow_private=self._settings.allow_private_networks)
            host = (urlsplit(current).hostname or "").lower()
            # Host slot first: a request waiting for its host must not hold a global slot.
            async with self._hosts[host], self._global:
                started = time.monotonic()
                try:
                    async with asyncio.timeout(budget):
                        result = await self._one(current, headers)
                except TimeoutError as exc:
                    raise FeedError(
                        FeedErrorKind.TIMEOUT,
                        f"{url}: no complete answer within {self._settings.total_timeout:g} s",
                    ) from exc
                budget -= time.monotonic() - started
            if isinstance(result, FetchResponse):
                return result
            current = result
        raise FeedError(
            FeedErrorKind.TOO_MANY_REDIRECTS,
            f"{url}: more than {self._settings.max_redirects} redirects",
        )

    async def _one(self, url: str, headers: dict[str, str]) -> FetchResponse | str:
        """Return the response, or the next URL when the answer is a redirect."""
        cap = self._settings.max_body_bytes
        try:
            async with self._get(url, headers) as resp:
                if resp.status_code in _REDIRECTS:
                    location = resp.headers.get("Location")
                    if not location:
                        raise FeedError(
                            FeedErrorKind.HTTP,
                            f"{url}: HTTP {resp.status_code} redirect without a Location",
                            status=resp.status_code,
                        )
                    return str(urljoin(url, location))
                if resp.status_code == 304:
                    return self._response(resp, url, b"")
                _raise_for_status(url, resp)
                return self._response(resp, url, await _read_capped(url, resp, cap))
        except FeedError:
            raise
        except httpx.TimeoutException as exc:
            raise FeedError(
                FeedErrorKind.TIMEOUT, f"{url}: timed out ({type(exc).__name__})"
            ) from exc
        except httpx.RemoteProtocolError as exc:
            raise FeedError(FeedErrorKind.CONNECT, f"{url}: connection broke ({exc})") from exc
        except httpx.TransportError as exc:
            raise FeedError(FeedErrorKind.CONNECT, f"{url}: cannot connect ({exc})") from exc

    def _get(
        self, url: str, headers: dict[str, str]
    ) -> AbstractAsyncContextManager[httpx.Response]:
        # our client (make_client's, perhaps made on first use) has a shorter road
        direct = getattr(self._client, "get_streamed", None)
        if direct is not None:
            return cast(AbstractAsyncContextManager[httpx.Response], direct(url, headers))
        return self._client.stream("GET", url, headers=headers)

    @staticmethod
    def _response(resp: httpx.Response, url: str, body: bytes) -> FetchResponse:
        return FetchResponse(
            status=resp.status_code,
            body=body,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            max_age=parse_max_age(resp.headers.get("Cache-Control")),
            final_url=url,
            content_type=resp.headers.get("Content-Type", ""),
        )


def _raise_for_status(url: str, resp: httpx.Response) -> None:
    """An error answer as a FeedError; 429 and 503 carry the server's Retry-After."""
    if resp.status_code in (429, 503):
        retry = parse_retry_after(resp.headers.get("Retry-After"))
        kind = FeedErrorKind.RATE_LIMITED if resp.status_code == 429 else FeedErrorKind.HTTP
        wait = f"; retry after {retry:g} s" if retry is not None else ""
        raise FeedError(
            kind,
            f"{url}: HTTP {resp.status_code} {resp.reason_phrase}{wait}",
            status=resp.status_code,
            retry_after=retry,
        )
    if resp.status_code >= 400:
        raise FeedError(
            FeedErrorKind.HTTP,
            f"{url}: HTTP {resp.status_code} {resp.reason_phrase}",
            status=resp.status_code,
        )


async def _read_capped(url: str, resp: httpx.Response, cap: int) -> bytes:
    """The decoded body, refused as soon as it is (or says it will be) over ``cap`` bytes."""
    declared = resp.headers.get("Content-Length")
    if (
        declared
        and declared.isdigit()
        and int(declared) > cap
        and not (resp.headers.get("Content-Encoding"))
    ):
        raise FeedError(
            FeedErrorKind.TOO_LARGE,
            f"{url}: body of {int(declared):,} bytes is over the {cap:,} byte cap",
        )
    chunks: list[bytes] = []
    size = passed = 0
    # decoded here, not by httpx: it inflates each read whole, before any cap could stop it
    decoder = BoundedDecoder(", ".join(resp.headers.get_list("Content-Encoding")), cap)
    try:
        async for raw in resp.aiter_raw():
            chunk = decoder.decode(raw)
            size += len(chunk)
            if size > cap:
                raise TooBig
            chunks.append(chunk)
            if size - passed >= YIELD_EVERY:
                # a fast server's (or a bomb's) chunks can be ready one after another:
                # let chat acks and heartbeats in between
                passed = size
                await asyncio.sleep(0)
    except TooBig:
        raise FeedError(
            FeedErrorKind.TOO_LARGE,
            f"{url}: body grew past the {cap:,} byte cap (after decoding)",
        ) from None
    except Corrupt as exc:
        raise FeedError(FeedErrorKind.DECODE, f"{url}: corrupt content encoding ({exc})") from exc
    return b"".join(chunks)
