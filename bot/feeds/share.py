"""Each `newsbot run` process's fair share of the due feeds, when several poll one database.

Claiming first come, first served split the work badly: feeds polled together fall due
together, and whichever process ticked first after that took the whole batch (a CI run saw
172 polls against 728). So a process claims at most its share per interval, the enabled
feeds over the live pollers (a little over, so rounding never leaves a feed behind), and
leaves the rest to the others. A feed nobody took for ``grace`` (a peer that is slow, or
dead but not yet aged out) is claimed by whoever looks next, share or not: the split may
bend, the schedule does not. One process alone claims without limit.
"""

from __future__ import annotations

import math
from collections import deque
from datetime import datetime, timedelta

SLACK = 1.05


class FairShare:
    def __init__(self, interval: timedelta) -> None:
        self._interval = interval
        self._claims: deque[tuple[datetime, int]] = deque()  # (when, how many) this interval

    def allowance(self, now: datetime, *, pollers: int, feeds: int) -> int | None:
        """How many more feeds this process may claim now; None: no limit (alone)."""
        while self._claims and self._claims[0][0] <= now - self._interval:
            self._claims.popleft()
        if pollers <= 1:
            return None
        used = sum(n for _, n in self._claims)
        return max(0, math.ceil(feeds / pollers * SLACK) - used)

    def claimed(self, now: datetime, count: int) -> None:
        if count:
            self._claims.append((now, count))
