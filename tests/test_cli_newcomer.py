"""What a newcomer following the README ran into (session 29, on a fresh clone): each one a
wrong message, a dead end or a traceback, now one line with the right fix."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.cli import main

SNAPSHOTS = Path(__file__).resolve().parent.parent / "demo" / "snapshots"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean working directory with its own config/, as after `newsbot init`."""
    ours = ("NEWSBOT_", "DISCORD_", "SLACK_", "OPENAI_", "ANTHROPIC_")
    for key in [k for k in os.environ if k.startswith(ours)]:
        monkeypatch.delenv(key)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "feeds.toml").write_text("")  # no network: no default sources
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'nb.db'}")
    monkeypatch.setenv("NEWSBOT_ALLOW_PRIVATE_NETWORKS", "true")
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


@pytest.fixture
def snapshots() -> Iterator[str]:
    """`python -m http.server` on loopback, serving the demo's snapshots."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(SNAPSHOTS))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _said(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, [ln for ln in err.splitlines() if " INFO " not in ln]


def test_a_feed_on_a_closed_port_is_not_reported_as_discord(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/feed.xml"
    code, _, err = _said(capsys, "sources", "add", url)
    assert code == 2
    assert err[0].startswith(f"newsbot: error: could not read a feed at {url}")
    assert "cannot connect" in err[0]
    assert "Discord" not in "\n".join(err)  # was "cannot reach Discord (no connection ...)"


def test_a_removed_source_can_be_added_again(
    home: Path, snapshots: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{snapshots}/openai-news.xml"
    assert main(["sources", "add", url, "--name", "mine", "--tags", "labs"]) == 0
    assert main(["sources", "remove", "mine"]) == 0
    capsys.readouterr()

    code, _, err = _said(capsys, "sources", "remove", "mine")
    assert code == 2 and "'mine' is already removed" in err[0]  # was "Removed mine" again
    assert "newsbot sources add" in err[1]

    code, out, err = _said(capsys, "sources", "add", url, "--weight", "1.5")
    assert code == 0, err  # was "that feed is already a source: mine", with no way back
    assert out.startswith("Added mine (")
    code, out, _ = _said(capsys, "sources", "list", "--json")
    import json

    (feed,) = json.loads(out)
    assert (feed["name"], feed["enabled"], feed["weight"]) == ("mine", True, 1.5)
    assert feed["health"] != "disabled"


def test_a_removed_source_does_not_block_feeds_toml_for_good(
    home: Path, snapshots: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{snapshots}/huggingface.xml"
    assert main(["sources", "add", url, "--name", "HF by hand"]) == 0
    assert main(["sources", "remove", "HF by hand"]) == 0
    (home / "config" / "feeds.toml").write_text(f'[[feed]]\nname = "Hugging Face"\nurl = "{url}"\n')
    capsys.readouterr()
    code, out, err = _said(capsys, "sources", "list", "--json")
    assert code == 0
    assert not any("left out" in ln for ln in err), err  # every start, "remove" it again
    import json

    (feed,) = json.loads(out)
    assert (feed["name"], feed["enabled"], feed["added_by"]) == ("Hugging Face", True, None)
    # and feeds.toml owns it now: removing it is done there
    code, _, err = _said(capsys, "sources", "remove", "Hugging Face")
    assert code == 2 and "comes from" in err[0]


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("garbage", "the database URL is not a URL"),
        ("mysql://me:hunter22@db.example/news", "SQLite or PostgreSQL only"),
    ],
)
def test_a_database_url_newsbot_cannot_use_is_one_line(
    home: Path, capsys: pytest.CaptureFixture[str], url: str, says: str
) -> None:
    code, _, err = _said(capsys, "sources", "list", "--database", url)
    assert code == 2, err  # was "unexpected error: ArgumentError ... report it" / MySQLdb
    assert says in err[0] and "postgresql+asyncpg://" in err[1]
    assert "hunter22" not in "\n".join(err) and "MySQLdb" not in "\n".join(err)


def test_a_database_under_a_file_says_which_folder(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "afile").write_text("x")
    db = f"sqlite+aiosqlite:///{home / 'afile' / 'nb.db'}"
    code, _, err = _said(capsys, "sources", "list", "--database", db)
    assert code == 2, err  # was "unexpected error: FileExistsError"
    assert err[0].startswith(f"newsbot: error: cannot create the database's folder {home}")


def test_run_stops_at_once_when_it_cannot_write_its_data_dir(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "afile").write_text("x")
    monkeypatch.setenv("NEWSBOT_DATA_DIR", str(home / "afile" / "data"))
    code, _, err = _said(capsys, "run", "--once")
    # was: running on, a heartbeat traceback every 30 s, "unexpected error" at Ctrl-C
    assert code == 2, err
    assert err[0].startswith(f"newsbot: error: cannot write to the data dir {home}")
    assert "NEWSBOT_DATA_DIR" in err[1]


@pytest.mark.parametrize("how", ["--config", "NEWSBOT_CONFIG_DIR", ".env"])
def test_init_writes_where_the_other_commands_will_read(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    mine = home / "mine"
    argv = ["init"]
    if how == "--config":
        argv += ["--config", str(mine)]
    elif how == ".env":
        (home / ".env").write_text(f"NEWSBOT_CONFIG_DIR={mine}\n")
    else:
        monkeypatch.setenv(how, str(mine))
    assert main(argv) == 0  # wrote ./config (kept: "already there"), never `mine`
    assert sorted(p.name for p in mine.iterdir()) == ["bot.toml", "feeds.toml", "persona.md"]
    assert main(["sources", "list", *argv[1:]]) == 0  # no "no such directory"


@pytest.mark.parametrize(
    ("argv", "fix", "not_in_fix"),
    [
        (("digest", "--days", "40"), "--days N", "days:N"),
        (("search", '"'), "newsbot search", "/search"),
    ],
)
def test_hints_name_the_commands_options_not_the_chat_syntax(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], fix: str, not_in_fix: str
) -> None:
    code, _, err = _said(capsys, *argv)
    assert code == 2, err
    assert fix in err[1] and not_in_fix not in err[1]


def test_a_misspelt_log_level_is_refused(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBOT_LOG_LEVEL", "LOUD")  # was taken silently, logging at INFO
    code, _, err = _said(capsys, "sources", "list")
    assert code == 2
    assert "log_level = 'LOUD'" in err[0] and "'WARNING'" in err[0]
    monkeypatch.setenv("NEWSBOT_LOG_LEVEL", "warning")  # any case, as logging takes it
    assert main(["sources", "list"]) == 0


def test_discord_s_voice_warnings_are_not_shown_to_a_text_bot() -> None:
    """Every Discord start printed "PyNaCl is not installed, voice will NOT be supported"
    and the same for davey: a text-only bot needs neither, but it read as a broken install.
    (discord.py logs them once per process from Client(), on its "discord.client" logger.)"""
    import io
    import logging

    from bot.config import Settings
    from bot.logging_setup import setup_logging

    shown = {}
    for debug in (False, True):
        stream = io.StringIO()
        setup_logging(Settings(_env_file=None), debug=debug, stream=stream)  # type: ignore[call-arg]
        client = logging.getLogger("discord.client")
        client.warning("PyNaCl is not installed, voice will NOT be supported")
        client.warning("Shard ID None has stopped responding to the gateway.")
        shown[debug] = stream.getvalue()
    setup_logging(Settings(_env_file=None))  # type: ignore[call-arg]
    assert "voice will NOT be supported" not in shown[False]
    assert "stopped responding" in shown[False]  # its other warnings still show
    assert "voice will NOT be supported" in shown[True]  # --debug still shows everything
