"""config/feeds.toml is synced by name (issue 10 item 4).

Before, sync matched feeds by url: a url edited in feeds.toml (same name) became an insert
that hit the unique name, and every command but ``doctor --health`` exited 1 with
IntegrityError; the same for a name used both by ``newsbot sources add`` and feeds.toml;
and two processes starting on one new database: 4 of 10 trials one exited with
IntegrityError.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import FixedClock
from bot.models import ArticleIn, FeedSpec
from bot.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
NEWSBOT = shutil.which("newsbot", path=str(Path(sys.executable).parent)) or "newsbot"


def write_feeds(cfg: Path, *feeds: tuple[str, str]) -> None:
    cfg.mkdir(exist_ok=True)
    text = "".join(f'[[feed]]\nname = "{n}"\nurl = "{u}"\n\n' for n, u in feeds)
    (cfg / "feeds.toml").write_text(text, encoding="utf-8")


def listed(capsys: pytest.CaptureFixture[str], cfg: Path, db: str) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["sources", "list", "--json", "--config", str(cfg), "--database", db]) == 0
    return {f["name"]: f for f in json.loads(capsys.readouterr().out)}


async def test_a_url_edited_in_feeds_toml_updates_its_feed(store: Store, clock: FixedClock) -> None:
    await store.sync_feeds([FeedSpec("Lab", "https://lab.example/old.xml")], clock.now())
    (old,) = await store.list_feeds()
    entry = ArticleIn(
        guid="a",
        url="https://lab.example/a",
        canonical_url="https://lab.example/a",
        title="A",
        author=None,
        published_at=clock.now(),
        text="a",
        content_hash="0" * 64,
    )
    await store.upsert_entries(old.id, [entry], clock.now())
    await store.record_failure(
        old.id,
        clock.now(),
        kind="timeout",
        message="the old url timed out",
        next_poll_at=clock.now() + timedelta(hours=1),
        http_status=None,
        duration_ms=5000.0,
    )

    report = await store.sync_feeds([FeedSpec("Lab", "https://lab.example/new.xml")], clock.now())

    (feed,) = await store.list_feeds()
    assert (report.added, report.updated, report.conflicts) == (0, 1, [])
    assert (feed.id, feed.url) == (old.id, "https://lab.example/new.xml")
    assert feed.consecutive_failures == 0 and feed.last_error is None  # the new url starts afresh
    assert feed.entries_count == 1  # its articles stay


async def test_a_feed_renamed_in_feeds_toml_keeps_its_row(store: Store, clock: FixedClock) -> None:
    await store.sync_feeds([FeedSpec("Lab", "https://lab.example/rss")], clock.now())
    (old,) = await store.list_feeds()
    await store.sync_feeds([FeedSpec("The Lab", "https://lab.example/rss")], clock.now())
    (feed,) = await store.list_feeds(enabled_only=True)
    assert (feed.id, feed.name) == (old.id, "The Lab")


def test_commands_keep_working_after_a_url_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg, db = tmp_path / "config", f"sqlite+aiosqlite:///{tmp_path / 'n.db'}"
    write_feeds(cfg, ("Lab", "https://lab.example/old.xml"), ("Wire", "https://wire.example/rss"))
    assert listed(capsys, cfg, db)["Lab"]["url"] == "https://lab.example/old.xml"
    write_feeds(cfg, ("Lab", "https://lab.example/new.xml"), ("Wire", "https://wire.example/rss"))
    feeds = listed(capsys, cfg, db)  # exited 1 with IntegrityError before
    assert feeds["Lab"]["url"] == "https://lab.example/new.xml" and len(feeds) == 2


def test_a_name_taken_by_a_source_added_by_hand_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    cfg, db = tmp_path / "config", f"sqlite+aiosqlite:///{tmp_path / 'n.db'}"
    write_feeds(cfg)
    common = ["--config", str(cfg), "--database", db]
    opml = tmp_path / "hand.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline type="rss" text="Lab" xmlUrl="https://hand.example/rss"/></body></opml>'
    )
    assert main(["sources", "import", str(opml), *common]) == 0, capsys.readouterr()
    write_feeds(cfg, ("lab", "https://lab.example/rss"), ("Wire", "https://wire.example/rss"))
    caplog.clear()
    feeds = listed(capsys, cfg, db)  # exited 1 with IntegrityError before
    assert feeds["Lab"]["url"] == "https://hand.example/rss"  # the hand-added one is untouched
    assert "Wire" in feeds and "lab" not in feeds
    lines = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(lines) == 1, lines
    assert "'lab' is left out" in lines[0] and "rename one of them" in lines[0]


def _start_two(cfg: Path, db: str, cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    argv = [NEWSBOT, "sources", "list", "--config", str(cfg), "--database", db]
    procs = [
        subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=180)
        out.append(subprocess.CompletedProcess(argv, p.returncode, stdout, stderr))
    return out


@pytest.mark.parametrize("trial", range(5))
def test_two_processes_starting_on_one_new_database(
    tmp_path: Path, db_url: str, trial: int
) -> None:
    """Each trial a fresh database (SQLite, or PostgreSQL under ``make test-postgres``) and
    the real feeds.toml (dozens of feeds to insert): both processes migrate and sync it."""
    cfg = tmp_path / "config"
    cfg.mkdir()
    shutil.copy(ROOT / "config" / "feeds.toml", cfg / "feeds.toml")
    runs = _start_two(cfg, db_url, tmp_path)
    for run in runs:
        assert run.returncode == 0 and "IntegrityError" not in run.stderr, run.stderr[-2000:]
    # and the database holds each feed once
    assert runs[0].stdout.count("OpenAI News") == 1
