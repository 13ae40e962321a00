"""The running bot's sign of life, read by ``newsbot doctor --health`` (Docker's HEALTHCHECK).

The heartbeat is a job of the bot's own scheduler, so it is written only while the
scheduler runs jobs and the event loop is free; each beat records whether every chat adapter
is still running. A hung loop, a dead scheduler or a crashed adapter make the file stale or
say so, and the container is reported unhealthy, which "the database file exists" could not.
The file is removed on a clean stop. Times are wall-clock (not the bot's --now clock).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bot.errors import ConfigError

FILE_NAME = "heartbeat.json"
STALE_AFTER_BEATS = 4  # missed beats before the bot counts as hung


def heartbeat_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def write_beat(path: Path, components: Mapping[str, str], *, now: float | None = None) -> None:
    """Atomically replace the heartbeat: the time, the pid and each component's state."""
    data = {"at": time.time() if now is None else now, "pid": os.getpid(), **components}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def make_beat(path: Path, components: Callable[[], Mapping[str, str]]) -> Callable[[], Any]:
    """A scheduler job that writes one beat (a full disk is logged by the scheduler, once per
    beat, and the health check then reports the stale heartbeat)."""

    async def beat() -> None:
        write_beat(path, components())

    return beat


def schedule(aps: Any, path: Path, interval_s: float, components: Callable[[], Any]) -> None:
    """Add the heartbeat to an APScheduler: first beat now, then every ``interval_s``."""
    from datetime import UTC, datetime

    from apscheduler.triggers.interval import IntervalTrigger

    aps.add_job(
        make_beat(path, components),
        IntervalTrigger(seconds=interval_s, timezone=UTC),
        id="heartbeat",
        name="heartbeat",
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(UTC),
    )


def clear(path: Path) -> None:
    # a data dir gone or unwritable by the end must not turn a clean stop into an error
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def ensure_writable(folder: Path) -> None:
    """Stop ``newsbot run`` at start, with one line, when it cannot write its data dir (the
    heartbeat and console digests go there): it ran on with a traceback every beat."""
    import tempfile  # only `run` needs it

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".newsbot-"):
            pass
    except OSError as exc:
        raise ConfigError(
            f"cannot write to the data dir {folder}: {exc.strerror}",
            hint="set NEWSBOT_DATA_DIR to a folder this user can write",
        ) from None


def health_problem(path: Path, interval_s: float, *, now: float | None = None) -> str | None:
    """Why the bot is not healthy (not running, hung, a component down), or None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        at = float(data["at"])
    except FileNotFoundError:
        return f"the bot is not running (no heartbeat at {path})"
    except (OSError, ValueError, KeyError, TypeError):
        return f"unreadable heartbeat at {path}"
    age = (time.time() if now is None else now) - at
    if age > interval_s * STALE_AFTER_BEATS:
        return f"no heartbeat for {age:.0f} s (expected every {interval_s:g} s): hung or stopped"
    down = sorted(k for k, v in data.items() if k not in ("at", "pid") and v != "ok")
    if down:
        return "; ".join(f"{k}: {data[k]}" for k in down)
    return None
