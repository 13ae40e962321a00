"""The filters use cases: mute a source, include / exclude words, list and remove rules.

Mixed into ``bot.services.Services`` (which provides ``store`` and ``clock``), so adapters and
the CLI reach them the one way they reach everything else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.community.rules import EXCLUDE, INCLUDE, MUTE, Filters, Rule, RuleSpec, clean_phrase
from bot.errors import NewsbotError, SourceError

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.store.store import Store

RULES_HINT = "see them with /filters list"


class FiltersServices:
    store: Store
    clock: Clock

    async def filters_here(self, scope: str | None, channel_id: str | None = None) -> Filters:
        """The rules a digest in this channel obeys (the server's and the channel's own)."""
        return await self.store.filters_for(scope, channel_id)

    async def server_filters(self, scope: str) -> Filters:
        """Every rule of a server or workspace, in any channel (for listings)."""
        return Filters(tuple(await self.store.rules_in(scope)))

    async def mute_source(self, scope: str, name: str, user: str | None = None) -> Rule:
        """This server stops seeing a source (any source it sees; meant for global ones)."""
        feed = await self.store.find_feed(name.strip(), scope)
        if feed is None or not feed.enabled:
            raise SourceError(f"there is no source named {name!r}", hint="see /sources list")
        spec = RuleSpec(scope, "", MUTE, feed.name, feed_id=feed.id, created_by=user)
        return await self.store.add_rule(spec, self.clock.now())

    async def unmute_source(self, scope: str, name: str) -> int:
        wanted = name.strip().casefold()
        muted = [r for r in await self.store.rules_in(scope) if r.kind == MUTE]
        match = [r for r in muted if r.value.casefold() == wanted]
        if not match:
            raise NewsbotError(f"{name!r} is not muted here", hint=RULES_HINT)
        return await self.store.remove_rules(scope, "", (MUTE,), match[0].value)

    async def add_keyword_rule(
        self,
        scope: str,
        kind: str,
        phrase: str,
        channel_id: str | None = None,
        user: str | None = None,
    ) -> Rule:
        if kind not in (INCLUDE, EXCLUDE):
            raise NewsbotError(f"unknown rule {kind!r}", hint="use include or exclude")
        spec = RuleSpec(scope, channel_id or "", kind, clean_phrase(phrase), created_by=user)
        return await self.store.add_rule(spec, self.clock.now())

    async def remove_keyword_rule(
        self, scope: str, phrase: str, channel_id: str | None = None
    ) -> int:
        """Remove the include / exclude rules for ``phrase`` (in that channel, or anywhere)."""
        n = await self.store.remove_rules(
            scope, channel_id, (INCLUDE, EXCLUDE), clean_phrase(phrase)
        )
        if not n:
            raise NewsbotError(f"there is no rule for {phrase.strip()!r} here", hint=RULES_HINT)
        return n

    async def clear_rules(self, scope: str, channel_id: str | None = None) -> int:
        """Every rule of one channel, or (no channel) every rule and mute of the server."""
        kinds = (INCLUDE, EXCLUDE) if channel_id else (INCLUDE, EXCLUDE, MUTE)
        return await self.store.remove_rules(scope, channel_id, kinds, None)
