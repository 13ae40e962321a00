"""How `newsbot poll` looks on a terminal: a progress bar with log lines above it (not
through it), then one table row per source with a reason that fits, then a summary line and,
when every source failed, the likely cause."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator, Sequence
from typing import Any

from bot.models import PollResult

# the poller logs each failing feed; the table shows each once, so they are not logged twice
FEED_LOGGER = "bot.feeds.update"
EXIT_ALL_FAILED = 1


@contextlib.contextmanager
def logs_through(console: Any) -> Iterator[None]:
    """Route the bot's log handler through ``console`` (rich prints above a live bar)."""
    from rich.logging import RichHandler

    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "_newsbot", False)]
    handler = RichHandler(console=console, show_path=False, markup=False, show_time=False)
    for h in ours:
        for flt in h.filters:  # the secret-redacting filter comes along
            handler.addFilter(flt)
        root.removeHandler(h)
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        for h in ours:
            root.addHandler(h)


@contextlib.contextmanager
def failures_in_table_only(debug: bool) -> Iterator[None]:
    logger = logging.getLogger(FEED_LOGGER)
    before = logger.level
    if not debug:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(before)


def reason(r: PollResult) -> str:
    """``kind: what happened``, without the URL the row already names."""
    if not r.error:
        return ""
    text = r.error.removeprefix(f"{r.url}: ").removeprefix(f"{r.url} ")
    text = _ERRNO.sub("", text).rstrip(": ")  # "[Errno -2] Name or service not known"
    return f"{r.error_kind}: {text}" if r.error_kind else text


_ERRNO = re.compile(r":?\s*\[Errno -?\d+\][^;]*")


def poll_table(out: Any, results: Sequence[PollResult]) -> None:
    from rich.table import Table

    table = Table(title="Poll", show_lines=False)
    for col in ("source", "status", "new", "updated", "http", "ms"):
        right = col in ("new", "updated", "http", "ms")
        table.add_column(col, justify="right" if right else "left", no_wrap=True)
    # No note column: a failure's reason, squeezed into what a long source name left of an
    # 80-column terminal, broke mid-word ("not_a_fe / ed"); each prints whole below.
    styles = {"new": "green", "error": "red", "skipped": "dim", "not_modified": "cyan"}
    for r in results:
        status = str(r.status)
        style = styles.get(status)
        table.add_row(
            r.feed_name,
            f"[{style}]{status}[/]" if style else status,
            str(r.new),
            str(r.updated),
            str(r.http_status or ""),
            f"{r.duration_ms:.0f}",
        )
    out.print(table)
    for r in results:
        if r.error:
            out.print(f"{r.feed_name}: {reason(r)}", markup=False, highlight=False)
    out.print(summary(results))


def summary(results: Sequence[PollResult]) -> str:
    new = sum(r.new for r in results)
    updated = sum(r.updated for r in results)
    errors = sum(1 for r in results if str(r.status) == "error")
    return f"{len(results)} sources polled: {new} new entries, {updated} updated, {errors} failing"


def all_failed_hint(results: Sequence[PollResult]) -> str | None:
    """When every source failed, the likely cause (usually no way out to the web)."""
    if not results or any(str(r.status) != "error" for r in results):
        return None
    kinds = {r.error_kind for r in results}
    if kinds <= {"connect", "timeout"}:
        cause = "no network? no source could be reached (DNS, proxy or firewall)"
    else:
        cause = "every source failed; the reasons are in the table"
    return f"{cause}; `newsbot doctor` checks the connection"
