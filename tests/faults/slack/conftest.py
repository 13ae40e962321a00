"""The Slack adapter's fixtures (loopback fake Web API, real Services over a polled store)."""

from __future__ import annotations

from adapters.conftest import clock, feed_server
from adapters.slack.conftest import (
    poster,
    services,
    settings,
    slack_api,
    summarizer,
)

__all__ = ["clock", "feed_server", "poster", "services", "settings", "slack_api", "summarizer"]
