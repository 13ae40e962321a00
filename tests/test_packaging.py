"""What the Docker image runs: the package built as a wheel and used outside the source tree.

The Dockerfile installs the wheel (`pip install .`) and copies config/ to /app/config; this
test does the same without Docker, so missing package data (migrations) or a hidden
dependency on the checkout fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEWSBOT_", "DISCORD", "SLACK", "OPENAI", "ANTHROPIC"))
    }
    env.update(extra)
    return env


def test_the_wheel_runs_outside_the_checkout(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("newsbot-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    assert any(n.startswith("bot/store/migrations/versions/") for n in names)
    assert "bot/store/migrations/env.py" in names
    assert not any(n.startswith(("tests/", "bench/", "demo/")) for n in names)

    app = tmp_path / "app"
    shutil.copytree(ROOT / "config", app / "config")
    env = _clean_env(
        PYTHONPATH=str(tmp_path / "site"),
        NEWSBOT_CONFIG_DIR=str(app / "config"),
        NEWSBOT_DATA_DIR=str(tmp_path / "data"),
        NEWSBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'data' / 'newsbot.db'}",
    )
    (tmp_path / "data").mkdir()

    def newsbot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=app,
            env=env,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import bot; print(bot.__file__)"],
        capture_output=True,
        text=True,
        cwd=app,
        env=env,
    )
    assert where.stdout.strip().startswith(str(tmp_path / "site")), where
    listed = newsbot("sources", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "TechCrunch" in listed.stdout  # config/feeds.toml synced into a migrated database
    health = newsbot("doctor", "--health")  # no bot running: no heartbeat
    assert health.returncode == 1 and "not running" in health.stderr
    from bot.heartbeat import heartbeat_path, write_beat

    write_beat(heartbeat_path(tmp_path / "data"), {"scheduler": "ok"})
    health = newsbot("doctor", "--health")
    assert health.returncode == 0, health.stderr
    assert "defaults/feeds.toml" in "\n".join(names)  # the default sources ship too
