"""One exception tree for the whole bot.

NewsbotError                 base; ``str(err)`` is one clear line, ``err.hint`` the fix
├── ConfigError              settings or config files are wrong or missing
├── StoreError               the database cannot be opened, migrated or written
├── FeedError                one feed failed; ``kind`` says how (see FeedErrorKind)
│   └── UnsafeURLError       a URL points at a private/loopback/metadata address or a bad scheme
├── SourceError              a /sources add|remove request cannot be done (unknown name, duplicate)
├── SummarizerError          an LLM backend failed (down, timeout, bad output); callers fall back
└── PostError                a chat platform refused or failed a post; ``retryable`` says if a retry may help

Callers at the edges (CLI, chat adapters) catch ``NewsbotError`` and show ``str(err)`` and
``err.hint``; anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations

import errno
from enum import StrEnum


class NewsbotError(Exception):
    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class ConfigError(NewsbotError):
    hint = "check config/bot.toml, .env and the NEWSBOT_* environment variables"


class StoreError(NewsbotError):
    hint = "check NEWSBOT_DATABASE_URL and that its directory is writable"


class FeedErrorKind(StrEnum):
    TIMEOUT = "timeout"
    CONNECT = "connect"
    HTTP = "http"  # 4xx/5xx other than the ones below
    RATE_LIMITED = "rate_limited"  # 429
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    UNSAFE_URL = "unsafe_url"
    NOT_A_FEED = "not_a_feed"  # HTML page, login wall, challenge page, empty body
    PARSE = "parse"
    XML_BOMB = "xml_bomb"
    DECODE = "decode"  # gzip/brotli bomb or corrupt content-encoding
    INTERNAL = "internal"


_FEED_HINTS = {
    FeedErrorKind.CONNECT: "check the address, and that this machine reaches the web "
    "(DNS, proxy, firewall)",
    FeedErrorKind.TIMEOUT: "the site did not answer in time; try again later",
    FeedErrorKind.HTTP: "the server refused it; open the address in a browser to check it",
    FeedErrorKind.RATE_LIMITED: "the site asks to slow down; try again later",
    FeedErrorKind.TOO_LARGE: "the feed is bigger than max_body_bytes allows",
    FeedErrorKind.TOO_MANY_REDIRECTS: "the address redirects in circles; check it in a browser",
}


def feed_error_hint(kind: FeedErrorKind) -> str:
    """What to do about a feed failing this way (a DNS failure is not 'not a feed')."""
    return _FEED_HINTS.get(
        kind, "check the address: it must be an RSS or Atom feed, not a web page"
    )


class FeedError(NewsbotError):
    def __init__(
        self,
        kind: FeedErrorKind,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(message, hint=hint)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after


class UnsafeURLError(FeedError):
    def __init__(self, message: str) -> None:
        super().__init__(
            FeedErrorKind.UNSAFE_URL,
            message,
            hint="only public http(s) URLs are fetched; set NEWSBOT_ALLOW_PRIVATE_NETWORKS=true "
            "to allow private addresses (tests, local feeds)",
        )


class SourceError(NewsbotError):
    pass


class SummarizerError(NewsbotError):
    pass


class PostError(NewsbotError):
    def __init__(self, message: str, *, retryable: bool = False, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.retryable = retryable


def error_chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes (``raise ... from``) and contexts, outermost first."""
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def is_disk_full(exc: BaseException) -> bool:
    """A write failed because the disk is full (anywhere in the chain): the user's to fix."""
    for e in error_chain(exc):
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        if "database or disk is full" in str(e):
            return True
    return False
