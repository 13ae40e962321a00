"""``newsbot stories``: every story of a window with its articles and, asked, why."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from support.days import DEMO_NOW, load_day

from bot.cli import main
from bot.store.store import Store


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'stories.db'}"

    async def fill() -> None:
        store = await Store.open(url)
        try:
            await load_day(store, DEMO_NOW)
        finally:
            await store.close()

    asyncio.run(fill())
    return url


def _run(tmp_path: Path, db: str, *args: str) -> int:
    cfg = tmp_path / "config"
    cfg.mkdir(exist_ok=True)
    return main(["stories", *args, "--config", str(cfg), "--database", db])


def test_json_lists_every_story_of_the_window_with_its_articles(
    tmp_path: Path, demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    now = "2026-08-17T23:00:00Z"
    assert _run(tmp_path, demo_db, "week", "--now", now, "--tz", "UTC", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["window"]["tz"] == "UTC" and data["window"]["label"] == "week"
    stories = data["stories"]
    placed = [a["url"] for s in stories for a in s["articles"]]
    assert len(placed) == len(set(placed)) > 8  # every article once, not only the digest's
    for s in stories:
        assert s["title"] and s["articles"]
        assert set(s["articles"][0]) == {"url", "source", "title", "published"}
    watermark = next(
        s
        for s in stories
        if "Claude’s text watermark" in " ".join(a["title"] for a in s["articles"])
    )
    assert {a["source"] for a in watermark["articles"]} == {
        "TechCrunch AI",
        "The Verge AI",
        "Anthropic News",
    }
    assert "signals" not in watermark


def test_explain_says_what_joined_a_story(
    tmp_path: Path, demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    now = "2026-08-17T23:00:00Z"
    assert _run(tmp_path, demo_db, "week", "--now", now, "--tz", "UTC", "--explain") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Stories: week")
    assert "Joined by:" in out
    # the press report and the company's post share the rare word that names the story
    assert any(
        "similar" in line and "watermark" in line for line in out.splitlines() if "+" in line
    )
