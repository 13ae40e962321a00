"""Bad input a newcomer gave (issue 10 item 10, issue 11 item 7): one line, the right fix,
exit 2, in the command line's own words; never "unexpected error ... report it"."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli_errors import cli_syntax, explain, is_disk_full
from bot.errors import StoreError


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    for key in list(os.environ):
        if key.startswith(("NEWSBOT_", "DISCORD_", "SLACK_", "OPENAI_", "ANTHROPIC_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config").mkdir()
    return f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"


def _err(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    return code, capsys.readouterr().err.strip().splitlines()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("digest", "9999-12-31"), "a date is out of range"),
        (("digest", "--now", "0001-01-01"), "a date is out of range"),
        (("sources", "add", "http://example.com:99999/feed"), "Port out of range"),
        (("sources", "add", "http://[::1/feed"), "Invalid IPv6 URL"),
        (("sources", "add", "http://0177.0.0.1/feed"), "Invalid IPv4 address"),
        (("sources", "remove", "nope"), "no source named 'nope'"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    db: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], says: str
) -> None:
    code, err = _err(capsys, *argv, "--database", db)
    assert code == 2, err
    assert len(err) == 2 and err[0].startswith("newsbot: error: ") and err[1].startswith("  fix:")
    assert says in err[0]
    assert "unexpected" not in err[0] and "/sources" not in err[1]


def test_a_database_from_a_newer_version_says_so(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sources", "list", "--database", db]) == 0
    with sqlite3.connect(tmp_path / "x.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff99990000'")
    code, err = _err(capsys, "sources", "list", "--database", db)
    assert code == 2
    assert "written by a newer newsbot" in err[0] and "upgrade" in err[1]


def test_missing_postgres_driver_names_the_extra(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "asyncpg", None)  # as if the extra were not installed
    code, err = _err(capsys, "sources", "list", "--database", "postgresql+asyncpg://u@127.0.0.1/d")
    assert code == 2
    assert "asyncpg" in err[0] and "pip install 'newsbot[postgres]'" in err[1]
    assert "writable" not in err[1]


def test_a_dns_failure_in_sources_add_is_not_called_a_bad_feed(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _err(
        capsys, "sources", "add", "https://no-such-host.invalid/feed", "--database", db
    )
    assert code == 2
    assert "RSS or Atom" not in err[1] and "DNS" in err[1]


def test_hints_use_cli_syntax_and_library_errors_are_named() -> None:
    assert cli_syntax("see the list with /sources") == "see the list with `newsbot sources list`"
    assert "newsbot" not in cli_syntax("set one up with /digest setup <channel> <time> <timezone>")
    full = StoreError("write failed")
    full.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert is_disk_full(full)
    said = explain(full)
    assert said is not None and str(said).startswith("the disk is full")
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))

    from types import SimpleNamespace

    import aiohttp

    key = SimpleNamespace(ssl=None, host="discord.com", port=443)
    down = aiohttp.ClientConnectorError(
        key,  # type: ignore[arg-type]
        OSError(errno.ECONNREFUSED, "Connection refused"),
    )
    said = explain(down)
    assert said is not None and str(said).startswith("cannot reach Discord")
    assert explain(RuntimeError("a real bug")) is None


def test_a_full_disk_during_poll_is_one_line_not_a_traceback_per_feed(
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import socket

    from bot.feeds import recorder

    async def full(self: object, outcome: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(recorder.BatchRecorder, "record", full)
    monkeypatch.setenv("NEWSBOT_ALLOW_PRIVATE_NETWORKS", "true")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "config" / "feeds.toml").write_text(
        "".join(
            f'[[feed]]\nname = "F{i}"\nurl = "http://127.0.0.1:{port}/{i}.xml"\n' for i in range(5)
        )
    )
    code, err = _err(capsys, "poll", "--database", db)
    assert code == 2
    said = [ln for ln in err if ln.startswith("newsbot: error:")]
    assert said == [
        "newsbot: error: the disk is full: nothing more can be stored (what was stored is intact)"
    ]
    assert not any("Traceback" in ln or "internal error" in ln for ln in err)
    assert "Traceback" not in caplog.text and "internal error" not in caplog.text
