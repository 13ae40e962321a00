"""The `newsbot` command: real console script / `python -m bot` and in-process `main(argv)`."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
NEWSBOT = shutil.which("newsbot", path=str(Path(sys.executable).parent)) or "newsbot"

# the demo's real feed snapshots (origins in demo/snapshots/ORIGINS.md)
SNAPSHOTS = ROOT / "demo" / "snapshots"


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEWSBOT_", "DISCORD", "SLACK", "OPENAI", "ANTHROPIC"))
    }
    env.update(extra)
    return env


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    d = tmp_path / "config"
    d.mkdir()
    return d


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    env.setdefault("COLUMNS", "200")  # rich tables: wide enough not to wrap
    return subprocess.run(
        [NEWSBOT, *args], cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=90
    )


# ---------------------------------------------------------------- errors


def test_bad_input_is_one_line_with_the_fix_and_exit_2(tmp_path: Path, cfg: Path, db: str) -> None:
    proc = run(
        "digest", "--now", "yesterday-ish", "--config", str(cfg), "--database", db, cwd=tmp_path
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == "newsbot: error: --now 'yesterday-ish' is not an ISO 8601 time"
    assert lines[1].startswith("  fix: ")
    assert "Traceback" not in proc.stderr


def test_debug_shows_the_traceback(tmp_path: Path, cfg: Path, db: str) -> None:
    proc = run(
        "sources", "remove", "nope", "--debug", "--config", str(cfg), "--database", db, cwd=tmp_path
    )
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr
    assert "no source named 'nope'" in proc.stderr


def test_bad_setting_from_environment_is_a_clear_error(tmp_path: Path, cfg: Path, db: str) -> None:
    proc = run(
        "sources",
        "list",
        "--config",
        str(cfg),
        "--database",
        db,
        cwd=tmp_path,
        NEWSBOT_TIMEZONE="Atlantis/Capital",
    )
    assert proc.returncode == 2
    assert "newsbot: error: invalid setting timezone" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_source_and_missing_opml(
    tmp_path: Path, cfg: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sources", "remove", "Nope", "--config", str(cfg), "--database", db]) == 2
    err = capsys.readouterr().err
    assert "newsbot: error: no source named 'Nope'" in err
    assert (
        main(
            [
                "sources",
                "import",
                str(tmp_path / "missing.opml"),
                "--config",
                str(cfg),
                "--database",
                db,
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "cannot read" in err and "missing.opml" in err


def test_sources_list_json_shows_config_feeds_with_health(
    cfg: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(ROOT / "config" / "feeds.toml", cfg / "feeds.toml")
    assert main(["sources", "list", "--json", "--config", str(cfg), "--database", db]) == 0
    feeds = json.loads(capsys.readouterr().out)
    assert len(feeds) >= 20
    first = feeds[0]
    assert first["health"] == "not polled yet" and first["enabled"] is True
    # a config source is removed in the config file, not behind its back
    assert main(["sources", "remove", first["name"], "--config", str(cfg), "--database", db]) == 2
    err = capsys.readouterr().err
    assert "feeds.toml" in err and "fix: delete its [[feed]] entry" in err


def test_doctor_health_is_fast_and_exit_codes_mean_something(
    tmp_path: Path, cfg: Path, db: str
) -> None:
    common = ("--config", str(cfg), "--database", db)
    data = {"NEWSBOT_DATA_DIR": str(tmp_path / "data")}
    # no database yet: unhealthy, and the check must not create an empty one
    fresh = run("doctor", "--health", *common, cwd=tmp_path, **data)
    assert fresh.returncode == 1
    assert fresh.stderr.startswith("unhealthy: database") and "does not exist" in fresh.stderr
    assert not (tmp_path / "cli.db").exists()

    full = run("doctor", *common, cwd=tmp_path, **data)  # creates and migrates it
    assert full.returncode == 0, full.stdout + full.stderr
    assert "schema" in full.stdout and "all good" in full.stdout
    idle = run("doctor", "--health", *common, cwd=tmp_path, **data)
    assert idle.returncode == 1 and "the bot is not running" in idle.stderr
    from bot.heartbeat import heartbeat_path, write_beat

    beat = heartbeat_path(tmp_path / "data")
    write_beat(beat, {"scheduler": "ok"})  # what the running bot's scheduler writes
    ok = run("doctor", "--health", *common, cwd=tmp_path, **data)
    assert (ok.returncode, ok.stdout.strip()) == (0, "ok")
    write_beat(beat, {"scheduler": "ok"}, now=time.time() - 600)  # a hung bot
    hung = run("doctor", "--health", *common, cwd=tmp_path, **data)
    assert hung.returncode == 1 and "hung or stopped" in hung.stderr

    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    bad = run(
        "doctor",
        "--health",
        "--config",
        str(cfg),
        "--database",
        f"sqlite+aiosqlite:///{blocked}/sub/nb.db",
        cwd=tmp_path,
        **data,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("unhealthy: database")
    assert "Traceback" not in bad.stderr


def test_doctor_checks_tokens_without_printing_them_and_reaches_services(
    tmp_path: Path, cfg: Path, db: str, feed_server: str
) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/api/"
    common = ("--config", str(cfg), "--database", db)
    secrets = {
        "DISCORD_TOKEN": "discord-secret-XYZ123",
        "SLACK_BOT_TOKEN": "xoxb-secret-456",
        "SLACK_APP_TOKEN": "xapp-secret-789",
    }
    env = {
        "NEWSBOT_DATA_DIR": str(tmp_path / "data"),
        "NEWSBOT_ALLOW_PRIVATE_NETWORKS": "true",
        "NEWSBOT_DISCORD_API_URL": f"{feed_server}/api/v10",  # answers (404 is an answer)
        "NEWSBOT_SLACK_API_URL": dead,
        "NEWSBOT_BACKEND": "anthropic",  # and no ANTHROPIC_API_KEY
        "ANTHROPIC_BASE_URL": f"{feed_server}/anthropic",
        **secrets,
    }
    opml = tmp_path / "one.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline text="OpenAI" type="rss" xmlUrl="{feed_server}/openai.xml"/></body></opml>'
    )
    assert run("sources", "import", str(opml), *common, cwd=tmp_path, **env).returncode == 0

    proc = run("doctor", *common, cwd=tmp_path, **env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1
    for value in secrets.values():
        assert value not in out
    assert "ok  DISCORD_TOKEN: set" in proc.stdout
    assert "ok  Discord API: reachable (404)" in proc.stdout
    assert f"FAIL  Slack API: cannot reach {dead}" in proc.stdout
    assert "FAIL  ANTHROPIC_API_KEY: missing for backend=anthropic" in proc.stdout
    assert "ok  LLM endpoint: reachable" in proc.stdout
    assert "ok  LLM context: llm_context_tokens = 8,192 (prompt + reply fit in it)" in proc.stdout
    assert "feeds reachable: 1 of 1 sampled sources answered" in proc.stdout
    assert "2 problem(s) need fixing" in proc.stdout

    # the same setup with a key and a live Slack endpoint: all needed checks pass
    fixed = run(
        "doctor",
        *common,
        cwd=tmp_path,
        **{**env, "NEWSBOT_SLACK_API_URL": f"{feed_server}/api/", "ANTHROPIC_API_KEY": "sk-ant-x"},
    )
    assert fixed.returncode == 0, fixed.stdout
    assert "sk-ant-x" not in fixed.stdout + fixed.stderr


def test_python_dash_m_bot_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
    )
    assert proc.returncode == 0
    for cmd in ("run", "poll", "digest", "sources", "doctor"):
        assert cmd in proc.stdout


# ---------------------------------------------------------------- import + poll against loopback


class _Feeds(BaseHTTPRequestHandler):
    files: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.files.get(self.path)
        if self.path == "/broken.xml":
            self.send_response(500)
            self.end_headers()
            return
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", f'"{len(body)}"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server() -> Iterator[str]:
    files = {
        "/openai.xml": (SNAPSHOTS / "openai-news.xml").read_bytes(),
        "/hf.xml": (SNAPSHOTS / "huggingface.xml").read_bytes(),
    }
    handler = type("Handler", (_Feeds,), {"files": files})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# Four `newsbot` processes, three of which start parser workers: over 120 s when the
# machine is shared by several full test runs.
@pytest.mark.timeout(300)
def test_import_opml_then_poll_shows_health_and_new_entries(
    tmp_path: Path, cfg: Path, db: str, feed_server: str
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
        f'<outline text="OpenAI" type="rss" xmlUrl="{feed_server}/openai.xml"/>'
        f'<outline text="Hugging Face" type="rss" xmlUrl="{feed_server}/hf.xml"/>'
        f'<outline text="Broken" type="rss" xmlUrl="{feed_server}/broken.xml"/>'
        "</body></opml>"
    )
    common = ("--config", str(cfg), "--database", db)
    env = {
        "NEWSBOT_ALLOW_PRIVATE_NETWORKS": "true",
        "NEWSBOT_DATA_DIR": str(tmp_path / "data"),
        "NEWSBOT_FULL_TEXT_MIN_WORDS": "0",  # offline: never fetch article pages
    }
    imp = run("sources", "import", str(opml), *common, cwd=tmp_path, **env)
    assert imp.returncode == 0, imp.stderr
    assert "Imported 3 sources" in imp.stdout

    poll = run("poll", "--json", *common, cwd=tmp_path, **env)
    assert poll.returncode == 0, poll.stderr
    results = {r["feed_name"]: r for r in json.loads(poll.stdout)}
    assert results["OpenAI"]["status"] == "new" and results["OpenAI"]["new"] == 6
    assert results["Hugging Face"]["new"] == 6
    assert results["Broken"]["status"] == "error"

    table = run("poll", *common, cwd=tmp_path, **env)  # not a terminal: no progress bar
    assert table.returncode == 0
    assert "3 sources polled" in table.stdout
    assert "\r" not in table.stdout

    listing = run("sources", "list", *common, cwd=tmp_path, **env)
    assert listing.returncode == 0
    lines = {
        ln.split("│")[1].strip(): ln
        for ln in listing.stdout.splitlines()
        if "│" in ln and "http" in ln
    }
    assert "ok, last success" in lines["OpenAI"]
    assert "failing since" in lines["Broken"]

    exported = run("sources", "export", *common, cwd=tmp_path, **env)
    assert exported.returncode == 0
    assert f"{feed_server}/hf.xml" in exported.stdout

    # a duplicate is refused before anything is fetched; a broken feed is refused with why
    dup = run("sources", "add", f"{feed_server}/hf.xml", *common, cwd=tmp_path, **env)
    assert dup.returncode == 2 and "already a source" in dup.stderr
    bad = run("sources", "add", f"{feed_server}/missing.xml", *common, cwd=tmp_path, **env)
    assert bad.returncode == 2
    assert bad.stderr.startswith("newsbot: error: could not read a feed at")
    assert "Traceback" not in bad.stderr


def test_sources_add_previews_the_newest_items_and_digest_json_parses(
    tmp_path: Path, cfg: Path, db: str, feed_server: str
) -> None:
    common = ("--config", str(cfg), "--database", db)
    env = {
        "NEWSBOT_ALLOW_PRIVATE_NETWORKS": "true",
        "NEWSBOT_DATA_DIR": str(tmp_path / "data"),
        "NEWSBOT_FULL_TEXT_MIN_WORDS": "0",  # offline: never fetch article pages
    }
    added = run(
        "sources",
        "add",
        f"{feed_server}/openai.xml",
        "--name",
        "OpenAI",
        *common,
        cwd=tmp_path,
        **env,
    )
    assert added.returncode == 0, added.stderr
    assert "Added OpenAI" in added.stdout
    assert "Newest items:" in added.stdout
    assert len([ln for ln in added.stdout.splitlines() if ln.startswith("  20")]) >= 3
    assert run("poll", *common, cwd=tmp_path, **env).returncode == 0
    digest = run(
        "digest",
        "week",
        "--now",
        "2026-08-22T12:00:00Z",
        "--format",
        "json",
        *common,
        cwd=tmp_path,
        **env,
    )
    assert digest.returncode == 0, digest.stderr
    data = json.loads(digest.stdout)
    assert data["title"] and data["window"]["tz"] == "UTC"
