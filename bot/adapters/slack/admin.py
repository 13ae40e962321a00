"""Who may manage the bot in a workspace: admins and owners (``users.info``), or a user on
the configured allow-list (``NEWSBOT_SLACK_ADMIN_USERS`` / ``slack_admin_users``).

Answers are remembered for a few minutes, so a burst of commands costs one lookup.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.client import error_code, is_slack_failure
from bot.errors import NewsbotError

log = logging.getLogger("newsbot.slack")

CACHE_S = 300.0


class AdminCheck:
    def __init__(
        self, client: AsyncWebClient, allow: Iterable[str] = (), *, cache_s: float = CACHE_S
    ) -> None:
        self.client = client
        self.allow = {u.strip() for u in allow if u.strip()}
        self.cache_s = cache_s
        self._seen: dict[str, tuple[float, bool]] = {}

    async def is_admin(self, user_id: str) -> bool:
        if user_id in self.allow:
            return True
        hit = self._seen.get(user_id)
        if hit is not None and time.monotonic() - hit[0] < self.cache_s:
            return hit[1]
        try:
            resp = await self.client.users_info(user=user_id)
        except Exception as exc:
            if not is_slack_failure(exc):
                raise
            log.warning("Slack: users.info for %s failed: %s", user_id, error_code(exc))
            raise NewsbotError(
                f"I couldn't check whether you are a workspace admin (Slack said {error_code(exc)})",
                hint="try again in a minute; the bot's operator can also add you to "
                "NEWSBOT_SLACK_ADMIN_USERS",
            ) from exc
        user = resp.get("user") or {}
        admin = bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
        self._seen[user_id] = (time.monotonic(), admin)
        return admin
