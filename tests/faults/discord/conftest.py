"""The Discord adapter's fixtures: a real discord.py client against the loopback fake,
real Services over a polled store."""

from __future__ import annotations

from adapters.discord.conftest import clock, fake, feed_server, settings, world

__all__ = ["clock", "fake", "feed_server", "settings", "world"]
