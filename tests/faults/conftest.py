"""Faults: kills, outages, races and platform errors after a message was stored.

The feed fixtures are the feeds suite's own (a real loopback feed server and fetcher).
"""

from __future__ import annotations

from feeds.conftest import DATA, fetcher, server, settings

__all__ = ["DATA", "fetcher", "server", "settings"]
