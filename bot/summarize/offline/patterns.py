"""Word lists as regex pieces: the one way the offline writer's rules spell "any of these
words" (screen, lede, plain, slots), so a list reads as words and not as a wall of "|".
"""

from __future__ import annotations

import re


def any_of(words: str) -> str:
    """``(?:a|b|c)`` from whitespace-separated alternatives; each may be a regex piece, and
    "_" inside one stands for a space ("pulled_in")."""
    return "(?:" + "|".join(w.replace("_", r"\s") for w in words.split()) + ")"


def opening(words: str, flags: int = 0) -> re.Pattern[str]:
    """A sentence that starts with one of ``words`` (as ``any_of``), as a whole word."""
    return re.compile("^" + any_of(words) + r"\b", flags)


# Parts of a day a feature's scene is set in ("One chilly day...", "On a frigid, sunny
# morning...", "early in the morning").
TIME_OF_DAY = any_of("day night morning afternoon evening")
