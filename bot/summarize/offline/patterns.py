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

# A release line that says only that there is something new: "Version 3.3 brings in new
# features." (blind report 17); what is new is the news. ``blurbs`` refuses such a line;
# ``asides`` never trims a sentence down to one (", including reverse Laplace transforms
# ..." is what the line tells).
NOTHING_NEW = re.compile(
    r"\b(?:brings|adds|includes|introduces|contains|comes\swith)\s(?:in\s)?(?:(?:some|several"
    r"|many|a\sfew|a\slot\sof|lots\sof|a\snumber\sof)\s)?new\s(?:features|improvements|changes"
    r"|things)(?:\sand\s(?:bug\s)?fixes)?\.?$"
)
