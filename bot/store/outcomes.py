"""What one poll of one feed did, and the rows it writes: the feed's and the fetch log's.

Shared by the generic recording (``bot/store/polls.py``, PostgreSQL's) and SQLite's
one-trip recording (``bot/store/sqlite_polls.py``), so both write the same values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Update, bindparam, func, update

from bot.models import ArticleIn, UpsertCounts
from bot.store.rows import RELEASED
from bot.store.schema import feeds


@dataclass(frozen=True)
class PollOutcome:
    """What one poll of one feed did, for ``Store.record_polls``."""

    feed_id: int
    now: datetime
    ok: bool
    next_poll_at: datetime
    status: str  # fetch-log status: "ok", "not_modified" or "error"
    http_status: int | None = None
    duration_ms: float = 0.0
    articles: Sequence[ArticleIn] = ()
    full_text: frozenset[str] = frozenset()  # guids of articles that want their page's text
    etag: str | None = None
    last_modified: str | None = None
    error_kind: str | None = None
    error: str | None = None


# What a poll sets on its feed's row, besides the next poll time and the end of its lease: a
# success keeps the validators, clears the failure count and counts the new entries, a failure
# counts and says why.
SUCCESS: dict[str, Any] = dict(
    entry_count=feeds.c.entry_count + bindparam("b_new"),
    etag=bindparam("b_etag"),
    last_modified=bindparam("b_last_modified"),
    last_success_at=bindparam("b_now"),
    consecutive_failures=0,
    failing_since=None,
)
FAILURE: dict[str, Any] = dict(
    last_error=bindparam("b_error"),
    last_error_kind=bindparam("b_kind"),
    last_error_at=bindparam("b_now"),
    failing_since=func.coalesce(feeds.c.failing_since, bindparam("b_now")),
    consecutive_failures=feeds.c.consecutive_failures + 1,
)


def feed_update(values: dict[str, Any]) -> Update:
    """The UPDATE of one feed's row (executemany): ``values``, the next poll, no lease."""
    return (
        update(feeds)
        .where(feeds.c.id == bindparam("b_id"))
        .values(**values, next_poll_at=bindparam("b_next"), **RELEASED)
    )


def feed_params(o: PollOutcome, c: UpsertCounts) -> dict[str, Any]:
    """The values of ``feed_update(SUCCESS)`` (``o.ok``) or ``feed_update(FAILURE)``."""
    if o.ok:
        specific = dict(b_etag=o.etag, b_last_modified=o.last_modified, b_new=c.new)
    else:
        specific = dict(b_error=o.error, b_kind=o.error_kind)
    return dict(b_id=o.feed_id, b_now=o.now, b_next=o.next_poll_at, **specific)


# the fetch log's columns that ``log_rows`` gives in order (then the error, by name)
LOG_COLUMNS = ("feed_id", "at", "status", "http_status", "duration_ms", "new", "updated")


def log_rows(done: Iterable[tuple[PollOutcome, UpsertCounts]]) -> list[dict[str, Any]]:
    """The fetch log's rows: one per poll."""
    return [
        dict(
            zip(
                LOG_COLUMNS,
                (o.feed_id, o.now, o.status, o.http_status, o.duration_ms, c.new, c.updated),
                strict=True,
            ),
            error=None if o.ok else f"{o.error_kind}: {o.error}",
        )
        for o, c in done
    ]
