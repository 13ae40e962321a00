"""Hostile input: feeds, URLs, chat input and config that try to hang, leak or flood.

The feed fixtures are the feeds suite's own (a real loopback feed server and fetcher).
"""

from __future__ import annotations

from feeds.conftest import DATA, fetcher, server, settings

__all__ = ["DATA", "fetcher", "server", "settings"]
