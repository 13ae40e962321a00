"""A public ``/digest`` (the one everybody in the channel sees) has a cooldown per user and
per channel, so one person, or a busy channel, cannot fill it with digests. In memory: a
restart forgets it, which is fine for a rate limit. Admins are not limited.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.errors import NewsbotError

if TYPE_CHECKING:
    from bot.clock import Clock

USER_COOLDOWN = timedelta(seconds=60)
CHANNEL_COOLDOWN = timedelta(seconds=20)


class CooldownError(NewsbotError):
    """Asked again too soon; the text says how long to wait."""


class Cooldowns:
    def __init__(
        self, user_wait: timedelta = USER_COOLDOWN, channel_wait: timedelta = CHANNEL_COOLDOWN
    ) -> None:
        self.user_wait = user_wait
        self.channel_wait = channel_wait
        self._users: dict[str, datetime] = {}
        self._channels: dict[str, datetime] = {}

    def take(self, user: str, channel: str, now: datetime) -> None:
        """Record a public digest by ``user`` in ``channel``, or raise if it is too soon."""
        for last, wait, who in (
            (self._users.get(user), self.user_wait, "you asked for one"),
            (self._channels.get(channel), self.channel_wait, "one was posted here"),
        ):
            if last is not None and now - last < wait:
                left = math.ceil((wait - (now - last)).total_seconds())
                raise CooldownError(
                    f"{who} {math.floor((now - last).total_seconds())} seconds ago",
                    hint=f"scroll up to read it, or ask again in {left} seconds",
                )
        self._users[user] = now
        self._channels[channel] = now
        if len(self._users) > 10_000:  # forget the stale ones now and then
            self._users = {u: t for u, t in self._users.items() if now - t < self.user_wait}
            self._channels = {
                c: t for c, t in self._channels.items() if now - t < self.channel_wait
            }


class CooldownServices:
    clock: Clock

    @property
    def cooldowns(self) -> Cooldowns:
        found: Cooldowns | None = self.__dict__.get("_cooldowns")
        if found is None:
            found = self.__dict__["_cooldowns"] = Cooldowns()
        return found

    def public_digest_allowed(self, platform: str, user: str, channel: str) -> None:
        """Raise ``CooldownError`` (one sentence and when to ask again) if it is too soon."""
        self.cooldowns.take(f"{platform}:{user}", f"{platform}:{channel}", self.clock.now())
