"""Canonical article URLs, so the same story linked two ways is stored once."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit, urlunsplit

# Parameters that only say where a click came from; they never change the page.
_TRACKING_EXACT = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "igshid",
        "_hsenc",
        "_hsmi",
        "yclid",
        "cmpid",
        "smid",
        "partner",
        "ito",
    }
)
_AMP_PARAMS = {("amp", "1"), ("amp", "true"), ("outputtype", "amp")}


def _is_tracking(key: str, value: str) -> bool:
    k = key.lower()
    if k.startswith("utm_") or k in _TRACKING_EXACT:
        return True
    if k == "source" and value.lower() == "rss":
        return True
    return (k, value.lower()) in _AMP_PARAMS


# Shown links keep these: on some sites they choose what the page shows (GitHub's ?ref=).
_AMBIGUOUS = frozenset({"ref", "partner"})


def without_tracking(url: str) -> str:
    """The URL as stored, minus click trackers (utm_*, fbclid, ...), for showing a link.

    Only whole ``key=value`` pieces are dropped; everything else stays byte for byte."""
    head, sep, query = url.partition("?")
    if not sep:
        return url
    query, hash_, fragment = query.partition("#")
    kept = []
    for piece in query.split("&"):
        key, _, value = piece.partition("=")
        k, v = unquote_plus(key).lower(), unquote_plus(value)
        keep = k in _AMBIGUOUS or (k, v.lower()) in _AMP_PARAMS or not _is_tracking(k, v)
        if keep:
            kept.append(piece)
    rest = "&".join(p for p in kept if p)
    return head + ("?" + rest if rest else "") + hash_ + fragment


# A host name of letters, digits, dots and hyphens (a letter in it: not an IPv4 form) with
# an optional port, in a URL of printable ASCII without spaces: httpx.URL accepts every such
# URL (it rejects control characters, IP forms, IDNA names and bad ports), so checking
# config/feeds.toml on every command need not load httpx (a digest fetches nothing). Sets,
# not a regular expression: `newsbot --help` loads this module and would compile it.
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_HOST_CHARS = _LETTERS | frozenset("0123456789.-")
_HTTPX_MAX_URL = 65_536


def _plain_netloc(netloc: str) -> bool:
    host, colon, port = netloc.partition(":")
    if not colon:
        port = "0"
    chars = set(host)
    return chars <= _HOST_CHARS and bool(chars & _LETTERS) and port.isascii() and port.isdigit()


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched as written (scheme, host, port, IPv6, IP form), or None."""
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for 99999 or a non-number
    except ValueError as exc:
        return str(exc)
    if parts.scheme not in ("http", "https"):
        return "only http:// and https:// URLs can be fetched"
    if not parts.hostname:
        return "it has no host name"
    if port == 0:
        return "port 0 is not a port"
    plain = url.isascii() and url.isprintable() and " " not in url
    if plain and len(url) <= _HTTPX_MAX_URL and _plain_netloc(parts.netloc):
        return None
    import httpx

    try:
        httpx.URL(url)
    except httpx.InvalidURL as exc:  # e.g. an octal or otherwise malformed IPv4 address
        return str(exc)
    return None


# A link as most are written: http(s), a host name of lowercase letters, digits, dots and
# hyphens (no user, port or IP form in brackets), printable ASCII, no query or fragment
# (3,622 of the 4,146 real-world links). urlsplit would give it the same host and path (its
# path starts at the first "/" after the host; urlsplit removes nothing from such a text:
# no control character, tab or line break), so canonical_url splits it by hand.
_PLAIN_HOST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def _plain_host_and_path(raw: str) -> tuple[str, str] | None:
    if raw.startswith("https://"):
        rest = raw[8:]
    elif raw.startswith("http://"):
        rest = raw[7:]
    else:
        return None
    host = rest.partition("/")[0]
    plain = raw.isascii() and raw.isprintable() and "?" not in raw and "#" not in raw
    if not plain or not host or host.startswith("amp.") or not _PLAIN_HOST.issuperset(host):
        return None  # an AMP host may be left empty: urlunsplit's own rules then
    return host, rest[len(host) :]


def canonical_url(url: str) -> str:
    """Lowercase host, https, no default port, fragment, tracking params, AMP variant or
    trailing slash; query sorted. A value that is not an http(s) URL is returned stripped."""
    raw = url.strip()
    plain = _plain_host_and_path(raw)
    if plain is None:
        return _canonical_split(raw)
    host, path = plain
    return "https://" + host + _canonical_path(path)


def _canonical_split(raw: str) -> str:
    """canonical_url of ``raw`` (stripped), through urlsplit."""
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:  # e.g. "http://[broken" - keep the text; it is still a usable key
        return raw
    host = parts.hostname  # once: each use of the attribute parses the netloc again
    if parts.scheme.lower() not in ("http", "https") or not host:
        return raw
    host = host.lower()  # an IPv6 zone ("%ETH0") keeps its case in .hostname
    if host.startswith("amp."):
        host = host[4:]
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = ""
    if parts.query:  # most article links have none: no parsing, sorting and encoding then
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = urlencode(sorted((k, v) for k, v in pairs if not _is_tracking(k, v)))
    return urlunsplit(("https", netloc, _canonical_path(parts.path), query, ""))


def _canonical_path(path: str) -> str:
    """A link's path without an AMP suffix or trailing slash; "" for the root."""
    path = path or "/"
    for suffix in ("/amp/", "/amp"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] or "/"
            break
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return "" if path == "/" else path


@lru_cache(maxsize=8192)
def outlet(url: str) -> str:
    """The publisher behind a link: its registrable domain, so techcrunch.com's main and AI
    feeds are one outlet and feeds.arstechnica.com is arstechnica.com. Hosts the public
    suffix list doesn't know (an IP, a test domain) stand for themselves."""
    from courlan import extract_domain  # half a second of imports: only once it is needed

    try:
        domain = extract_domain(url)
    except Exception:  # courlan on a malformed URL: fall back to the host
        domain = None
    if domain:
        return str(domain).lower()
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return (host or url).lower().removeprefix("www.")


# Query parameters whose value is a credential (?token=, ?api_key=, ?sig=, ?password=...).
_SECRET_PARAM = re.compile(r"token|key|secret|pass|pwd|auth|sig|session|credential", re.I)
_URL_IN_TEXT = re.compile(r"https?://[^\s'\"<>]+", re.I)
HIDDEN = "***"


def shown_url(url: str) -> str:
    """A feed URL as it may be shown anywhere (chat, health lines, logs, CLI): without the
    ``user:password@`` part and with credential-like query values hidden. The stored URL keeps
    them for fetching; this is the one place that decides what is shown."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _URL_IN_TEXT.sub("[a URL that cannot be shown]", url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{HIDDEN}@{netloc.rsplit('@', 1)[1]}"
    pieces = []
    for piece in parts.query.split("&") if parts.query else []:
        name, sep, _value = piece.partition("=")
        pieces.append(f"{name}={HIDDEN}" if sep and _SECRET_PARAM.search(name) else piece)
    return urlunsplit((parts.scheme, netloc, parts.path, "&".join(pieces), parts.fragment))


def shown_text(text: str) -> str:
    """``text`` with every URL in it as ``shown_url`` shows it (error lines stored before
    URLs were hidden, messages from libraries)."""
    return _URL_IN_TEXT.sub(lambda m: shown_url(m.group(0)), text)
