"""`newsbot poll` on a terminal: logs above the bar, one row per failing feed with a reason
that fits, and when every feed fails, an exit code and the likely cause."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress

from bot.cli import main
from bot.cli_output import logs_through, poll_table, reason
from bot.models import PollResult, PollStatus

LONG = (
    "http://feeds.example/a.xml: got an HTML page, not a feed (a login wall, a bot challenge "
    "or the site's home page?)"
)


def _failed(name: str, error: str, kind: str = "not_a_feed") -> PollResult:
    return PollResult(
        feed_id=1,
        feed_name=name,
        url="http://feeds.example/a.xml",
        status=PollStatus.ERROR,
        error_kind=kind,
        error=error,
    )


@pytest.mark.parametrize("width", [80, 120])
def test_a_long_reason_prints_whole_below_the_table(width: int) -> None:
    # an 80-column terminal and a long source name once squeezed the reason into a column
    # a few letters wide, cut mid-word ("not_a_fe / ed")
    console = Console(width=width, record=True, color_system=None)
    poll_table(console, [_failed("Simon Willison's Newsletter", LONG), _ok("Quiet Feed")])
    text = console.export_text()
    lines = text.splitlines()
    row = next(line for line in lines if "Simon Willison's Newsletter" in line and "│" in line)
    assert "error" in row
    below = " ".join(text[text.index("└") :].split())
    assert f"Simon Willison's Newsletter: {reason(_failed('x', LONG))}" in below
    shown = text.replace("│", " ").split()
    for word in reason(_failed("x", LONG)).split():
        assert word in shown, word  # every word whole, none cut mid-word
    assert "http://feeds.example/a.xml" not in text  # the row names the source already
    assert "Quiet Feed:" not in text  # a feed that did not fail gets no line


def _ok(name: str) -> PollResult:
    return PollResult(
        feed_id=2, feed_name=name, url="http://feeds.example/b.xml", status=PollStatus.NEW, new=3
    )


def test_errno_noise_is_left_out_of_the_reason() -> None:
    r = _failed(
        "X",
        "cannot resolve host 'x.example': [Errno -2] Name or service not known",
        "connect",
    )
    assert reason(r) == "connect: cannot resolve host 'x.example'"


def test_logs_print_above_the_bar_and_the_handler_comes_back() -> None:
    from bot.config import Settings
    from bot.logging_setup import setup_logging

    setup_logging(Settings(_env_file=None))  # type: ignore[call-arg]
    before = list(logging.getLogger().handlers)
    console = Console(width=80, record=True, force_terminal=True, color_system=None)
    with Progress(console=console, transient=True) as bar, logs_through(console):
        bar.add_task("polling", total=2)
        logging.getLogger("newsbot.test").warning("token xoxb-1234567890abc was refused")
    out = console.export_text()
    assert "was refused" in out and "xoxb-1234567890abc" not in out  # redacted too
    assert logging.getLogger().handlers == before


def test_every_feed_failing_exits_1_with_a_no_network_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key in list(os.environ):
        if key.startswith(("NEWSBOT_", "DISCORD_", "SLACK_", "OPENAI_", "ANTHROPIC_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSBOT_ALLOW_PRIVATE_NETWORKS", "true")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = tmp_path / "config"
    cfg.mkdir()
    (cfg / "feeds.toml").write_text(
        "".join(
            f'[[feed]]\nname = "F{i}"\nurl = "http://127.0.0.1:{port}/f{i}.xml"\n' for i in range(3)
        )
    )
    db = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    code = main(["poll", "--config", str(cfg), "--database", db])
    out = capsys.readouterr()
    assert code == 1
    assert "3 sources polled: 0 new entries, 0 updated, 3 failing" in out.out
    assert "no network?" in out.err and "newsbot doctor" in out.err
    assert "failed (connect)" not in out.err  # each failure is in the table, not logged too


def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "newsbot digest today" in out and "newsbot init" in out
