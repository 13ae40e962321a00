"""Configuration mistakes a newcomer made (issue 11, issue 10 items 9-10) are one clear line.

Each test is a mistake that used to be silent (exit 0, "all good") or an "unexpected error".
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings, load_feed_specs, load_settings
from bot.config_check import check_adapter_credentials, packaged_defaults
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No NEWSBOT_* or platform variables from the caller; the working directory is empty."""
    for key in list(os.environ):
        if key.startswith(("NEWSBOT_", "DISCORD_", "SLACK_", "OPENAI_", "ANTHROPIC_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    err = capsys.readouterr().err.strip().splitlines()
    return code, err


def _feeds(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    cfg = tmp_path / "config"
    cfg.mkdir(exist_ok=True)
    (cfg / "feeds.toml").write_bytes(text.encode(encoding))
    return cfg


# ---------------------------------------------------------------- typos are errors


def test_feeds_plural_table_is_an_error_with_did_you_mean(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = _feeds(tmp_path, '[[feeds]]\nname = "A"\nurl = "https://a.example/feed"\n')
    code, err = _cli(capsys, "sources", "list", "--config", str(cfg))
    assert code == 2
    assert "unknown table 'feeds' (did you mean 'feed'?)" in err[0]
    assert "feeds.toml" in err[0]
    assert "Traceback" not in "\n".join(err)


def test_unknown_bot_toml_key_names_the_closest_setting(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "bot.toml").write_text("[digest]\nmax_storys = 4\n")
    with pytest.raises(ConfigError, match=r"unknown setting 'max_storys' in \[digest\] "
                       r"\(did you mean 'max_stories'\?\)"):  # fmt: skip
        load_settings(tmp_path, None)


def test_unknown_newsbot_variable_in_environment_or_dotenv(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env.setenv("NEWSBOT_TIMEZOEN", "Europe/Berlin")
    with pytest.raises(ConfigError, match=r"NEWSBOT_TIMEZOEN.*did you mean 'NEWSBOT_TIMEZONE'"):
        load_settings(tmp_path, None)
    env.delenv("NEWSBOT_TIMEZOEN")
    dotenv = tmp_path / ".env"
    dotenv.write_text("NEWSBOT_MAX_STORIE=3\n")
    with pytest.raises(ConfigError, match=r"NEWSBOT_MAX_STORIE in .*\.env"):
        load_settings(tmp_path, dotenv)


def test_missing_config_dir_fails(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _cli(capsys, "sources", "list", "--config", "/nope")
    assert code == 2
    assert err[0] == "newsbot: error: --config /nope: no such directory"
    assert "newsbot init /nope" in err[1]
    env.setenv("NEWSBOT_CONFIG_DIR", "/nope-either")
    with pytest.raises(ConfigError, match="NEWSBOT_CONFIG_DIR /nope-either"):
        load_settings(None, None)


# ---------------------------------------------------------------- every setting via Settings


def test_dotenv_sets_console_post_time_run_once_and_config_dir(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cfg = tmp_path / "elsewhere"
    cfg.mkdir()
    (cfg / "bot.toml").write_text('[digest]\npersona_name = "Elsewhere Desk"\n')
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        f"NEWSBOT_CONSOLE_POST_TIME=7:30\nNEWSBOT_RUN_ONCE=true\nNEWSBOT_CONFIG_DIR={cfg}\n"
    )
    s = load_settings(None, dotenv)
    assert s.console_post_time == "07:30"
    assert s.run_once is True
    assert s.config_dir == cfg
    assert s.persona_name == "Elsewhere Desk"  # bot.toml read from the .env's config dir


def test_admin_users_from_environment_accept_commas(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env.setenv("NEWSBOT_SLACK_ADMIN_USERS", "U1, U2")
    assert load_settings(tmp_path, None).slack_admin_users == ["U1", "U2"]
    env.delenv("NEWSBOT_SLACK_ADMIN_USERS")
    dotenv = tmp_path / ".env"
    dotenv.write_text("NEWSBOT_SLACK_ADMIN_USERS=U3,U4\n")
    assert load_settings(tmp_path, dotenv).slack_admin_users == ["U3", "U4"]
    dotenv.write_text("NEWSBOT_SLACK_ADMIN_USERS=\n")
    assert load_settings(tmp_path, dotenv).slack_admin_users == []


def test_copied_env_example_changes_nothing(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = tmp_path / "config"
    cfg.mkdir()
    (cfg / "bot.toml").write_text(
        '[digest]\ntimezone = "Europe/Berlin"\nbackend = "openai"\nmax_stories = 3\n'
    )
    dotenv = tmp_path / ".env"
    shutil.copy(ROOT / ".env.example", dotenv)
    with_copy = load_settings(cfg, dotenv)
    without = load_settings(cfg, None)
    assert with_copy.model_dump() == without.model_dump()
    assert (with_copy.timezone, with_copy.backend, with_copy.max_stories) == (
        "Europe/Berlin",
        "openai",
        3,
    )


def test_config_dir_precedence_flag_env_dotenv_cwd_packaged(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dirs = {n: tmp_path / n for n in ("flag", "env", "dotenv", "config")}
    for d in dirs.values():
        d.mkdir()
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"NEWSBOT_CONFIG_DIR={dirs['dotenv']}\n")
    env.setenv("NEWSBOT_CONFIG_DIR", str(dirs["env"]))
    assert load_settings(dirs["flag"], dotenv).config_dir == dirs["flag"]
    assert load_settings(None, dotenv).config_dir == dirs["env"]
    env.delenv("NEWSBOT_CONFIG_DIR")
    assert load_settings(None, dotenv).config_dir == dirs["dotenv"]
    assert load_settings(None, None).config_dir == Path("config")  # ./config in the cwd
    dirs["config"].rmdir()
    assert load_settings(None, None).config_dir == packaged_defaults()


# ---------------------------------------------------------------- packaged defaults


def test_without_a_config_dir_the_packaged_sources_are_used(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = load_settings(None, None)
    shipped = load_feed_specs(s.feeds_file)
    assert shipped == load_feed_specs(ROOT / "config" / "feeds.toml")
    assert len(shipped) >= 20
    code = main(["sources", "export", "--database", f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"])
    assert code == 0
    assert capsys.readouterr().out.count("xmlUrl=") == len(shipped)


def test_init_writes_an_editable_config_and_keeps_existing_files(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    written = sorted(p.name for p in (tmp_path / "config").iterdir())
    assert written == ["bot.toml", "feeds.toml", "persona.md"]
    (tmp_path / "config" / "feeds.toml").write_text(
        '[[feed]]\nname = "Mine"\nurl = "https://mine.example/feed"\n'
    )
    assert main(["init"]) == 0
    assert "kept" in capsys.readouterr().out
    s = load_settings(None, None)
    assert [f.name for f in load_feed_specs(s.feeds_file)] == ["Mine"]


# ---------------------------------------------------------------- half-configured adapters


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1234567890"}, "SLACK_APP_TOKEN"),
        ({"SLACK_APP_TOKEN": "xapp-1234567890"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_SIGNING_SECRET": "abcdef123456"}, "SLACK_BOT_TOKEN"),
    ],
)
def test_half_configured_slack_names_the_missing_variable(
    env: pytest.MonkeyPatch, tmp_path: Path, given: dict[str, str], missing: str
) -> None:
    for k, v in given.items():
        env.setenv(k, v)
    s = load_settings(tmp_path, None)
    with pytest.raises(ConfigError) as err:
        check_adapter_credentials(s)
    assert f"{missing} is not" in str(err.value) or f"but {missing}" in str(err.value)
    for v in given.values():
        assert v not in str(err.value) and v not in err.value.hint


# ---------------------------------------------------------------- limits (issue 10 item 9)


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("max_concurrency", "0", "allowed: 1 to 1024"),
        ("per_host_concurrency", "0", "allowed: 1 to 64"),
        ("poll_interval_minutes", "0", "allowed: 1 to 10080"),
        ("total_timeout", "-5", "allowed: more than 0, at most 3600"),
        ("slack_http_port", "99999", "allowed: 1 to 65535"),
    ],
)
def test_limits_are_checked_at_load_with_the_allowed_range(
    env: pytest.MonkeyPatch, tmp_path: Path, name: str, value: str, allowed: str
) -> None:
    (tmp_path / "bot.toml").write_text(f"{name} = {value}\n")
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path, None)
    assert f"invalid setting {name} = {value}" in str(err.value)
    assert allowed in str(err.value)
    assert "\n" not in str(err.value)
    assert Settings.model_fields[name].default is not None or name == "slack_http_port"


# ---------------------------------------------------------------- bad feeds.toml (item 10)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('name = "A"\nurl = "https://a.example/f"\nweight = "heavy"', "weight must be a number"),
        ('name = "A"\nurl = "https://a.example/f"\ntags = "x"\nfull_text = "yes"', "full_text"),
        ('name = "A"\nurl = 42', "needs a url"),
        ('name = "A"\nurl = "https://a.example:99999/f"', "out of range"),
        ('name = "A"\nurl = "http://[::1/feed"', "Invalid IPv6 URL"),
        ('name = "A"\nurl = "http://0177.0.0.1/feed"', "Invalid IPv4 address"),
        ('name = "A"\nurl = "ftp://a.example/f"', "only http"),
        ('name = "A"\nurl = "https://a.example/f"\nwieght = 2', "did you mean 'weight'"),
    ],
)
def test_bad_feed_values_are_one_line_exit_2(
    env: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    body: str,
    expected: str,
) -> None:
    cfg = _feeds(tmp_path, f"[[feed]]\n{body}\n")
    db = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    code, err = _cli(capsys, "sources", "list", "--config", str(cfg), "--database", db)
    assert code == 2, err
    assert err[0].startswith("newsbot: error: ") and "feeds.toml" in err[0]
    assert expected in err[0]
    assert len(err) == 2 and err[1].startswith("  fix: ")


def test_latin1_feeds_toml_and_duplicate_url(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = _feeds(tmp_path, '[[feed]]\nname = "Café"\nurl = "https://a.example/f"\n', "latin-1")
    with pytest.raises(ConfigError, match="not UTF-8") as err:
        load_feed_specs(cfg / "feeds.toml")
    assert "UTF-8" in err.value.hint
    cfg = _feeds(
        tmp_path,
        '[[feed]]\nname = "A"\nurl = "https://a.example/f"\n'
        '[[feed]]\nname = "B"\nurl = "https://A.example/f/"\n',
    )
    with pytest.raises(ConfigError, match="'A' and 'B' have the same url"):
        load_feed_specs(cfg / "feeds.toml")


def test_feeds_toml_syntax_error_points_at_feeds_toml(
    env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = _feeds(tmp_path, "[[feed]\nname = \n")
    db = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    code, err = _cli(capsys, "poll", "--config", str(cfg), "--database", db)
    assert code == 2
    assert "feeds.toml: not valid TOML" in err[0]
    assert "feeds.toml" in err[1] and "bot.toml" not in err[1]
