"""The schedule use cases (``/schedule add|remove|list``), mixed into ``Services``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.community.pings import clean_target
from bot.community.schedules import Schedule, parse_days, parse_what
from bot.errors import NewsbotError
from bot.validate import validate_time

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.models import Destination
    from bot.store.store import Store

NO_DAILY_HINT = "set up the channel first with /digest setup <channel> <time> <timezone>"


class ScheduleServices:
    store: Store
    clock: Clock

    async def _changed(self) -> None:
        raise NotImplementedError  # Services'

    async def _destination(self, platform: str, channel_id: str) -> Destination:
        for dest in await self.store.list_destinations(platform=platform):
            if dest.channel_id == str(channel_id):
                return dest
        raise NewsbotError("this channel has no digest set up", hint=NO_DAILY_HINT)

    async def schedules_here(self, platform: str, channel_id: str) -> list[Schedule]:
        """The channel's schedules; with none, its daily time as the one schedule it has."""
        dest = await self._destination(platform, channel_id)
        rows = await self.store.schedules_for(dest.id)
        return rows or [Schedule(0, dest.id, "daily", dest.post_time)]

    async def add_schedule(
        self, platform: str, channel_id: str, days: str, time: str, what: str | None = None
    ) -> Schedule:
        dest = await self._destination(platform, channel_id)
        added = await self.store.add_schedule(
            dest.id, parse_days(days), validate_time(time), parse_what(what), self.clock.now()
        )
        await self._changed()
        return added

    async def set_ping(self, platform: str, channel_id: str, target: str | None) -> str | None:
        """The role (Discord) or user group (Slack) pinged when this channel's posts land;
        ``None`` turns the ping off. Returns the cleaned target."""
        dest = await self._destination(platform, channel_id)
        cleaned = clean_target(platform, target) if target else None
        await self.store.set_ping(dest.id, cleaned, self.clock.now())
        return cleaned

    async def ping_here(self, platform: str, channel_id: str) -> str | None:
        dest = await self._destination(platform, channel_id)
        return await self.store.ping_for(dest.id)

    async def remove_schedule(self, platform: str, channel_id: str, schedule_id: int) -> Schedule:
        dest = await self._destination(platform, channel_id)
        rows = await self.store.schedules_for(dest.id)
        match = next((s for s in rows if s.id == schedule_id), None)
        if match is None:
            raise NewsbotError("this channel has no such schedule", hint="see /schedule list")
        if len(rows) == 1:
            raise NewsbotError(
                "that is this channel's last schedule",
                hint="to stop posting here use /digest stop",
            )
        await self.store.remove_schedule(schedule_id)
        await self._changed()
        return match
