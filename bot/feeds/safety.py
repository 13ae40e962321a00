"""SSRF guard: refuse URLs whose host resolves to a private, loopback or metadata address.

Limitation: the check resolves the name, then httpx resolves it again to connect, so a DNS
server that answers differently the second time (DNS rebinding) could slip past. The window
is small and every redirect hop is checked again; pinning the checked address is future work.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from bot.errors import FeedError, FeedErrorKind, UnsafeURLError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints (AWS, GCP, Azure, OpenStack and ECS live in 169.254.0.0/16;
# AWS's IPv6 one; Alibaba's). No feed is ever there, so these are refused even when private
# networks are allowed.
_METADATA_NETS = (
    ipaddress.ip_network("169.254.0.0/16"),
    ipaddress.ip_network("fd00:ec2::254/128"),
    ipaddress.ip_network("100.100.100.200/32"),
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def normalized(ip: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 form carries (mapped, compatible, 6to4, NAT64, Teredo), so a
    check on the IPv4 address cannot be passed by writing it as IPv6."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):  # 64:ff9b::a.b.c.d, ::a.b.c.d
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def is_metadata(ip: IPAddress) -> bool:
    ip = normalized(ip)
    return any(ip.version == net.version and ip in net for net in _METADATA_NETS)


def _address_is_unsafe(ip: IPAddress) -> bool:
    ip = normalized(ip)
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"))
    )


async def _addresses(host: str, port: int | None) -> list[IPAddress]:
    """What ``host`` connects to: a literal as written, anything else as the resolver reads
    it (it also turns 2852039166, 0xa9fea9fe and 0251.0376.0251.0376 into 169.254.169.254)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FeedError(FeedErrorKind.CONNECT, f"cannot resolve host {host!r}: {exc}") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


async def check_url(url: str, *, allow_private: bool) -> None:
    """Raise UnsafeURLError unless ``url`` is http(s) and (unless allowed) resolves publicly."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(f"refused {url!r}: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(f"refused {url!r}: no host name")
    try:
        port = parts.port
    except ValueError:
        raise UnsafeURLError(f"refused {url!r}: the port is not a number from 0 to 65535") from None
    addresses = await _addresses(host, port)
    for ip in addresses:
        if is_metadata(ip):
            # Cloud metadata is never a feed, even when private networks are allowed.
            shown = host if host == str(ip) else f"{host} ({ip})"
            raise UnsafeURLError(f"refused {url!r}: {shown} is a cloud metadata address")
    if allow_private:
        return
    for ip in addresses:
        if _address_is_unsafe(ip):
            raise UnsafeURLError(
                f"refused {url!r}: {host} resolves to {ip}, a private or reserved address"
            )
