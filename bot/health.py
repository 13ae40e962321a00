"""How a source is doing, in a few plain words for lists and notices."""

from __future__ import annotations

from datetime import datetime

from bot.clock import ensure_utc
from bot.feeds.urls import shown_text
from bot.models import Feed


def ago(then: datetime, now: datetime) -> str:
    """A short, human 'how long ago': '5 min ago', '3 h ago', '2 days ago'."""
    secs = max(0.0, (ensure_utc(now) - ensure_utc(then)).total_seconds())
    if secs < 90:
        return "just now"
    if secs < 90 * 60:
        return f"{round(secs / 60)} min ago"
    if secs < 36 * 3600:
        return f"{round(secs / 3600)} h ago"
    return f"{round(secs / 86400)} days ago"


def source_health(feed: Feed, now: datetime) -> str:
    """One line: 'ok, last success 5 min ago' / 'failing since 3 h ago (3x): timeout ...'."""
    if not feed.enabled:
        return "disabled"
    if feed.consecutive_failures:
        since = ago(feed.failing_since, now) if feed.failing_since else "recently"
        kind = f"{feed.last_error_kind}: " if feed.last_error_kind else ""
        err = shown_text(feed.last_error or "").strip().splitlines()
        return (
            f"failing since {since} ({feed.consecutive_failures}x): {kind}{err[0] if err else ''}"
        ).rstrip(": ")
    if feed.last_success_at is None:
        return "not polled yet"
    return f"ok, last success {ago(feed.last_success_at, now)}"
