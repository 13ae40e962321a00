"""The README's first hour, as written: from a fresh copy, the demo, `cp .env.example .env`,
then every command of the Quickstart block. Each must work (exit 0; `poll` may exit 1 with
its "no network?" hint, as the README says, because test machines reach no news site) and
none may print a traceback or "unexpected error"."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _quickstart_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("After that, the command line is", 1)[1].split("```sh", 1)[1]
    block = block.split("```", 1)[0]
    return [ln.split("  #", 1)[0].strip() for ln in block.splitlines() if ln.strip()]


def _fresh_copy(dest: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():  # bot/defaults/ links to config/
            os.symlink(os.readlink(src), dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEWSBOT_", "DISCORD", "SLACK", "OPENAI", "ANTHROPIC"))
    }
    env["COLUMNS"] = "160"
    return env


def test_every_quickstart_command_works_as_written(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to make a fresh copy from")
    commands = _quickstart_commands()
    assert commands[0] == "cp .env.example .env"
    assert any("newsbot poll" in c for c in commands)
    copy = tmp_path / "newsbot"
    _fresh_copy(copy)
    env = _env()
    demo = subprocess.run(
        [sys.executable, "-m", "bot.demo"], cwd=copy, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert (copy / "data" / "demo" / "digest.md").is_file()
    # its "Next:" names a command this shell can run (`make demo` puts no .venv/bin on PATH)
    nxt = re.search(r"Next: `(.+?) digest --help`", " ".join(demo.stdout.split()))
    assert nxt is not None, demo.stdout[-500:]
    shown = subprocess.run([*shlex.split(nxt.group(1)), "--version"], cwd=copy, env=env,
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert shown.stdout.startswith("newsbot "), shown.stderr

    for line in commands:
        argv = shlex.split(line)
        if argv[0] == "cp":
            shutil.copy(copy / argv[1], copy / argv[2])
            continue
        assert argv[0] == ".venv/bin/newsbot", line
        argv[0] = str(BIN / "newsbot")
        if argv[1] == "run":
            out = _run_until_up_then_sigterm(argv, copy, env)
        else:
            proc = subprocess.run(
                argv, cwd=copy, env=env, capture_output=True, text=True, timeout=300
            )
            out = proc.stdout + proc.stderr
            allowed = {0, 1} if argv[1] == "poll" else {0}
            assert proc.returncode in allowed, f"{line}: exit {proc.returncode}\n{out[-2000:]}"
            if argv[1] == "poll" and proc.returncode == 1:
                assert "no network?" in proc.stderr
            if argv[1:3] == ["sources", "list"]:
                assert re.search(r"Sources \(2\d\)", proc.stdout), proc.stdout[-500:]
        assert "Traceback" not in out and "unexpected error" not in out, f"{line}\n{out}"


def _run_until_up_then_sigterm(argv: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stderr=subprocess.PIPE, text=True,
                            stdout=subprocess.DEVNULL)  # fmt: skip
    seen: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # the log says when the bot is up
            seen.append(line)
            if "newsbot is running" in line:
                break
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    out = "".join(seen) + rest
    assert proc.returncode == 0, out[-2000:]
    assert "console mode" in out
    return out
