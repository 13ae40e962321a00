"""Health means alive: the running bot's scheduler writes a heartbeat with each adapter's
state; `doctor --health` (Docker's HEALTHCHECK) reads it."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import pytest

from bot import heartbeat
from bot.app import run
from bot.clock import SystemClock
from bot.config import load_settings
from bot.heartbeat import health_problem, heartbeat_path, write_beat


def test_health_problem_says_not_running_hung_or_which_part_is_down(tmp_path: Path) -> None:
    beat = tmp_path / "heartbeat.json"
    assert "not running" in (health_problem(beat, 30) or "")
    write_beat(beat, {"scheduler": "ok", "discord": "ok"})
    assert health_problem(beat, 30) is None
    write_beat(beat, {"scheduler": "ok"}, now=time.time() - 121)
    assert "no heartbeat for 121 s" in (health_problem(beat, 30) or "")
    write_beat(beat, {"scheduler": "ok", "slack": "stopped"})
    assert health_problem(beat, 30) == "slack: stopped"
    beat.write_text("{not json")
    assert "unreadable" in (health_problem(beat, 30) or "")


async def test_the_running_bot_reports_in_until_it_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in list(os.environ):
        if key.startswith(("NEWSBOT_", "DISCORD_", "SLACK_", "OPENAI_", "ANTHROPIC_")):
            monkeypatch.delenv(key)
    (tmp_path / "config").mkdir()
    settings = load_settings(
        tmp_path / "config",
        None,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'hb.db'}",
        data_dir=tmp_path / "data",
        heartbeat_seconds=1.0,
    )
    beat = heartbeat_path(settings.data_dir)
    beaten = asyncio.Event()

    def noting(*args: object, **kw: object) -> None:
        write_beat(*args, **kw)  # type: ignore[arg-type]
        beaten.set()

    monkeypatch.setattr(heartbeat, "write_beat", noting)
    stop = asyncio.Event()
    bot = asyncio.create_task(run(settings, SystemClock(), stop=stop))
    async with asyncio.timeout(30):
        await asyncio.wait(
            [bot, asyncio.ensure_future(beaten.wait())], return_when=asyncio.FIRST_COMPLETED
        )
    assert not bot.done(), bot.result()
    assert health_problem(beat, settings.heartbeat_seconds) is None
    assert json.loads(beat.read_text())["scheduler"] == "ok"
    stop.set()  # what SIGTERM does
    assert await bot == 0
    assert "not running" in (health_problem(beat, settings.heartbeat_seconds) or "")
