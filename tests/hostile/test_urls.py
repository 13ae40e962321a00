"""Hostile URLs: the cloud-metadata guard holds whatever form the address takes.

Issue 10 item 5: ``http://[::ffff:169.254.169.254]/`` was fetched with private networks
allowed (the guard compared the literal text). No request here leaves the machine: every
form is refused before a connection is made, and the redirect comes from a loopback server.
"""

from __future__ import annotations

import pytest
from support.feed_server import FeedServer

from bot.config import Settings
from bot.errors import UnsafeURLError
from bot.feeds.fetch import Fetcher
from bot.feeds.safety import check_url

METADATA_FORMS = [
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",  # IPv4-mapped IPv6
    "http://[::ffff:a9fe:a9fe]/latest/",  # the same, in hex
    "http://[::169.254.169.254]/",  # IPv4-compatible
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64
    "http://[2002:a9fe:a9fe::1]/",  # 6to4
    "http://2852039166/",  # one decimal number
    "http://0xa9fea9fe/",  # hex
    "http://0251.0376.0251.0376/",  # octal
    "http://169.254.43518/",  # short form
    "http://169.254.170.2/v2/credentials",  # ECS task credentials
    "http://[fd00:ec2::254]/",
    "http://100.100.100.200/latest/meta-data/",
]


@pytest.mark.parametrize("allow_private", [True, False])
@pytest.mark.parametrize("url", METADATA_FORMS)
async def test_metadata_address_is_refused_in_every_form(url: str, allow_private: bool) -> None:
    with pytest.raises(UnsafeURLError, match="metadata"):
        await check_url(url, allow_private=allow_private)


async def test_private_networks_allowed_still_fetch_loopback(server: FeedServer) -> None:
    await check_url(server.url("/techcrunch.xml"), allow_private=True)


@pytest.mark.parametrize("target", ["http://[::ffff:169.254.169.254]/latest", "http://2852039166/"])
async def test_metadata_behind_a_redirect_is_refused_with_private_networks_allowed(
    server: FeedServer, fetcher: Fetcher, settings: Settings, target: str
) -> None:
    assert settings.allow_private_networks
    server.redirects["/moved.xml"] = target
    with pytest.raises(UnsafeURLError, match="metadata"):
        await fetcher.fetch(server.url("/moved.xml"))


async def test_a_port_out_of_range_is_one_clear_refusal() -> None:
    with pytest.raises(UnsafeURLError, match="port"):
        await check_url("http://example.com:99999/feed", allow_private=True)
