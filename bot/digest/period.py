"""Day or week: the words a digest uses for its window ("Quiet week", not "Quiet day").

The writers' templates speak of a day; a week digest swaps those phrases here, in one
place, for the hook and the bottom line (and the renderers' quiet line asks `period`)."""

from __future__ import annotations

from datetime import timedelta

from bot.models import DigestWindow

_DAY_TO_WEEK = (
    ("The day came down to", "The week came down to"),
    ("the day came down to", "the week came down to"),
    ("A quiet day", "A quiet week"),
    ("a quiet day", "a quiet week"),
    ("More tomorrow.", "More next week."),
)


def period(window: DigestWindow) -> str:
    """``week`` for a week's window (``digest week``), else ``day``."""
    long = window.end - window.start >= timedelta(days=6)
    return "week" if window.label == "week" or long else "day"


def period_words(text: str, window: DigestWindow) -> str:
    """``text`` with its day phrases said for a week when the window is one."""
    if period(window) == "day":
        return text
    for day, week in _DAY_TO_WEEK:
        text = text.replace(day, week)
    return text
