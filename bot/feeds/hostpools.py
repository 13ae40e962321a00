"""One connection pool per host for the feed client.

httpcore's pool re-checks every connection it holds, for every connection it holds, each
time a request starts or ends; with 64 connections spread over many hosts that was the
largest CPU cost of a cold poll (bench/poll.py: about a quarter of the CPU time). A pool per
host holds only that host's few connections (the fetcher allows ``per_host_concurrency`` at
a time), so the checks stay small. Requests, limits and timeouts are the same as with one
pool, one TLS context shared by all; the client's proxy settings still apply (httpx mounts them ahead of this transport).
"""

from __future__ import annotations

import ssl

import httpx


class PerHostTransport(httpx.AsyncBaseTransport):
    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        # one TLS context for every pool: each one loads the CA bundle (about 1 MB), so it
        # is made with the first pool: a command that never fetches never pays for it
        self._tls: ssl.SSLContext | None = None
        self._pools: dict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = {}

    def _pool(self, url: httpx.URL) -> httpx.AsyncHTTPTransport:
        key = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(key)
        if pool is None:
            if self._tls is None:
                self._tls = httpx.create_ssl_context()
            pool = self._pools[key] = httpx.AsyncHTTPTransport(
                limits=self._limits, verify=self._tls
            )
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pool(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()
