"""The Slack Web API client and what its errors mean for a post.

One ``AsyncWebClient`` per process, on ``settings.slack_api_url`` (so the bot can be pointed
at a proxy or a test double), sharing one aiohttp session. Retries are slack_sdk's own
handlers: a 429 waits for its Retry-After (Slack stored nothing), a dropped connection or a
500/503 is tried again, except for ``chat.postMessage``: Slack may have stored the message
before the failure, and a blind retry posts it twice. The publisher retries a post itself,
after looking for it in the channel (see publisher.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.errors import ConfigError, PostError

RATE_LIMIT_RETRIES = 4
TIMEOUT_S = 30

# Codes that will fail the same way on every retry: someone has to act first.
_FIX = {
    "not_in_channel": "invite the bot to the channel: type /invite @{bot} there",
    "channel_not_found": (
        "the channel was deleted, or it is private and the bot is not in it; "
        "invite the bot or set the digest up again with /digest setup"
    ),
    "is_archived": "the channel is archived; unarchive it or pick another with /digest setup",
    "invalid_auth": "check SLACK_BOT_TOKEN (reinstall the app to get a new token)",
    "not_authed": "set SLACK_BOT_TOKEN",
    "token_revoked": "the app was uninstalled or its token revoked; reinstall it",
    "account_inactive": "the app was uninstalled or its token revoked; reinstall it",
    "missing_scope": "add the missing scope in the app's OAuth settings and reinstall it",
    "restricted_action": "a workspace admin has restricted posting in that channel",
    "msg_too_long": "a bug in newsbot: the message exceeded Slack's limits; please report it",
    "invalid_blocks": "a bug in newsbot: Slack refused the blocks; please report it",
}
NOT_IN_CHANNEL = "not_in_channel"


# Calls that create something each time they are made: never retried blindly.
NOT_IDEMPOTENT = ("chat.postMessage", "chat.postEphemeral")


class _IdempotentOnly(AsyncRetryHandler):
    """Mixed in before a retry handler: that handler never retries a call that is not
    idempotent."""

    async def _can_retry_async(self, *, request: HttpRequest, **rest: Any) -> bool:
        if request.url.rstrip("/").endswith(NOT_IDEMPOTENT):
            return False
        return await super()._can_retry_async(request=request, **rest)


class _ConnectionRetry(_IdempotentOnly, AsyncConnectionErrorRetryHandler):
    """A dropped or refused connection, retried for idempotent calls only."""


class _ServerErrorRetry(_IdempotentOnly, AsyncServerErrorRetryHandler):
    """A 5xx from Slack, retried for idempotent calls only."""


def api_base(settings: Settings) -> str:
    url = settings.slack_api_url.strip()
    return url if url.endswith("/") else url + "/"


def make_web_client(
    settings: Settings, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    token = settings.secret("slack_bot_token")
    if not token:
        raise ConfigError("SLACK_BOT_TOKEN is not set", hint="put the xoxb-... token in .env")
    return AsyncWebClient(
        token=token,
        base_url=api_base(settings),
        session=session,
        timeout=TIMEOUT_S,
        retry_handlers=[
            _ConnectionRetry(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
            _ServerErrorRetry(max_retry_count=2),
        ],
    )


def error_code(exc: BaseException) -> str:
    """Slack's error code (``not_in_channel``), or the kind of network failure."""
    if isinstance(exc, SlackApiError):
        data = getattr(exc.response, "data", None)
        if isinstance(data, dict) and data.get("error"):
            return str(data["error"])
        return f"http_{getattr(exc.response, 'status_code', '?')}"
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return "timeout"
    return type(exc).__name__


def post_error(exc: BaseException, channel: str, *, bot_name: str = "newsbot") -> PostError:
    """What the scheduler needs to know: one sentence, the fix, and whether to retry."""
    code = error_code(exc)
    if code in _FIX:
        hint = _FIX[code].format(bot=bot_name)
        return PostError(f"Slack refused the post to {channel}: {code}", retryable=False, hint=hint)
    return PostError(
        f"posting to Slack channel {channel} failed: {code}",
        retryable=True,
        hint="Slack or the network had a problem; the post is retried",
    )


def is_slack_failure(exc: BaseException) -> bool:
    """Errors a Web API call raises that are Slack's or the network's, not our bugs."""
    return isinstance(exc, SlackApiError | aiohttp.ClientError | asyncio.TimeoutError)
