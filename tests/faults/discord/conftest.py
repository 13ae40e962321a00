"""The Discord adapter's fixtures: a real discord.py client against the loopback fake,
real Services over a polled store."""

from __future__ import annotations

from adapters.conftest import clock, feed_server
from adapters.discord.conftest import fake, settings, world

__all__ = ["clock", "fake", "feed_server", "settings", "world"]
