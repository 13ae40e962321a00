"""Digests for a range of days: since:DATE and days:N, in Services and the CLI."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.community.ranges import range_window
from bot.digest.select import WindowError
from bot.store.store import Store

from .conftest import DAY_TITLES, NOW, seed


def test_days_is_n_times_24_hours_ending_now() -> None:
    w = range_window("days:3", NOW, "UTC")
    assert w is not None
    assert (w.start, w.end, w.label) == (NOW.replace(day=19), NOW, "last 3 days")
    assert range_window("today", NOW, "UTC") is None  # not a range: the day words do it


def test_since_starts_at_that_days_local_midnight() -> None:
    w = range_window("since:2026-08-20", NOW, "Europe/Berlin")
    assert w is not None
    assert w.start == datetime(2026, 8, 19, 22, 0, tzinfo=UTC)  # 00:00 in Berlin (CEST)
    assert w.end == NOW and w.label == "since 2026-08-20"


@pytest.mark.parametrize(
    "when",
    ["days:0", "days:32", "days:x", "since:2026-13-01", "since:2026-08-23", "since:2026-01-01"],
)
def test_impossible_ranges_are_one_clear_error(when: str) -> None:
    with pytest.raises(WindowError) as err:
        range_window(when, NOW, "UTC")
    assert "since:YYYY-MM-DD" in (err.value.hint or "")


def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    (tmp_path / "config").mkdir(exist_ok=True)
    common = ["--config", str(tmp_path / "config"), "--database", url]
    return main(["digest", *args, "--now", NOW.isoformat(), "--tz", "UTC", *common])


def seeded(tmp_path: Path) -> None:
    async def go() -> None:
        store = await Store.open(f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
        try:
            await seed(store)
        finally:
            await store.close()

    asyncio.run(go())


def test_cli_days_and_since_cover_exactly_those_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded(tmp_path)

    def headlines(*args: str) -> tuple[str, set[str]]:
        assert run_cli(tmp_path, monkeypatch, *args, "--format", "json") == 0
        data = json.loads(capsys.readouterr().out)
        shown = json.dumps(data)
        return data["title"], {t for t in DAY_TITLES if t in shown}

    title, shown = headlines("--days", "2")
    assert shown == set(DAY_TITLES[:2])
    assert title.startswith("Aug 20 to Aug 22, 2026")  # 18:00 on the 20th until now
    _, shown = headlines("--since", "2026-08-19")
    assert shown == set(DAY_TITLES[:4])


def test_cli_range_mistakes_exit_2_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(tmp_path, monkeypatch, "--days", "99") == 2
    assert "fix: use --since YYYY-MM-DD (for example --since 2026-08-01) or --days N" in (
        capsys.readouterr().err
    )  # the command line's options, not /digest's since:DATE and days:N
    assert run_cli(tmp_path, monkeypatch, "week", "--since", "2026-08-01") == 2
    assert "fix: pick one of them" in capsys.readouterr().err
