"""Secrets come from the environment and never show up in logs or command output."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.logging_setup import redact, setup_logging

ROOT = Path(__file__).resolve().parent.parent
DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.discord-secret-token-value"
SLACK = "xoxb-1111-2222-slacksecretvalue"
OPENAI = "sk-proj-openaisecretvalue12345"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEWSBOT_", "DISCORD", "SLACK", "OPENAI", "ANTHROPIC"))
    }
    env.update(
        DISCORD_TOKEN=DISCORD,
        SLACK_BOT_TOKEN=SLACK,
        OPENAI_API_KEY=OPENAI,
        NEWSBOT_BACKEND="openai",
        # nothing listens on port 9 of loopback: the reachability checks fail fast, offline
        NEWSBOT_DISCORD_API_URL="http://127.0.0.1:9/api",
        NEWSBOT_SLACK_API_URL="http://127.0.0.1:9/slack/",
        OPENAI_BASE_URL="http://127.0.0.1:9/v1",
        NEWSBOT_DATA_DIR=str(tmp_path / "data"),
    )
    return env


def test_log_records_are_scrubbed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", DISCORD)
    settings = load_settings(tmp_path, None)
    stream = io.StringIO()
    setup_logging(settings, stream=stream)
    log = logging.getLogger("newsbot.test")
    log.warning("connecting with %s", DISCORD)
    log.warning("header Authorization: Bot %s", DISCORD)
    try:
        raise RuntimeError(f"login failed for token {DISCORD}")
    except RuntimeError:
        log.exception("adapter crashed")
    log.warning("slack said %s and key %s", SLACK, OPENAI)  # not configured, caught by pattern
    text = stream.getvalue()
    for secret in (DISCORD, SLACK, OPENAI):
        assert secret not in text
    assert text.count("[redacted]") >= 5
    assert "login failed for token [redacted]" in text  # the traceback too


def test_redact_keeps_ordinary_text() -> None:
    assert redact("polled 12 feeds in 1.2 s") == "polled 12 feeds in 1.2 s"
    assert redact("Authorization: Bearer abcdefghijkl123") == "Authorization: Bearer [redacted]"


def test_doctor_never_prints_tokens_even_with_debug(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "doctor",
            "--debug",
            "--config",
            str(tmp_path),
            "--database",
            f"sqlite+aiosqlite:///{tmp_path / 'nb.db'}",
        ],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = proc.stdout + proc.stderr
    assert "DISCORD_TOKEN: set" in out
    assert "OPENAI_API_KEY: set" in out
    assert "cannot reach" in out  # the checks ran, against loopback
    for secret in (DISCORD, SLACK, OPENAI, DISCORD[:20]):
        assert secret not in out
    assert proc.returncode == 1  # the configured services are unreachable
