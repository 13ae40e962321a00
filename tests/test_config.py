"""Settings precedence and the shipped configuration files."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bot.config import Settings, load_feed_specs, load_settings
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    import os

    for key in list(os.environ):
        if key.startswith(("NEWSBOT_", "DISCORD_", "SLACK_", "OPENAI_", "ANTHROPIC_")):
            monkeypatch.delenv(key)
    return monkeypatch


def _layers(tmp_path: Path) -> tuple[Path, Path]:
    cfg = tmp_path / "config"
    cfg.mkdir()
    (cfg / "bot.toml").write_text(
        "[polling]\npoll_interval_minutes = 10\nmax_redirects = 3\n"
        '[digest]\npersona_name = "Toml Desk"\ntimezone = "Europe/Berlin"\nmax_stories = 4\n'
    )
    env = tmp_path / ".env"
    env.write_text(
        "NEWSBOT_POLL_INTERVAL_MINUTES=20\nNEWSBOT_PERSONA_NAME=Dotenv Desk\n"
        "NEWSBOT_MAX_STORIES=5\n"
    )
    return cfg, env


def test_flag_beats_env_beats_dotenv_beats_toml_beats_default(
    tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    cfg, env = _layers(tmp_path)
    clean_env.setenv("NEWSBOT_POLL_INTERVAL_MINUTES", "30")
    clean_env.setenv("NEWSBOT_PERSONA_NAME", "Env Desk")
    s = load_settings(cfg, env, poll_interval_minutes=40.0)
    assert s.poll_interval_minutes == 40  # flag
    assert s.persona_name == "Env Desk"  # environment over .env and toml
    assert s.max_stories == 5  # .env over toml
    assert s.max_redirects == 3 and s.timezone == "Europe/Berlin"  # toml over default
    assert s.read_timeout == Settings.model_fields["read_timeout"].default  # default
    assert s.config_dir == cfg


def test_none_flags_do_not_override(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    cfg, env = _layers(tmp_path)
    s = load_settings(cfg, env, poll_interval_minutes=None, database_url=None)
    assert s.poll_interval_minutes == 20
    assert s.database_url.startswith("sqlite")


def test_usual_bare_names_are_read_and_kept_secret(
    tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("DISCORD_TOKEN", "discord-secret-value")
    clean_env.setenv("OPENAI_API_KEY", "sk-test-123456789012345")
    clean_env.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    s = load_settings(tmp_path, None)
    assert s.secret("discord_token") == "discord-secret-value"
    assert s.openai_base_url == "http://localhost:11434/v1"
    assert "discord-secret-value" not in repr(s)
    assert "sk-test" not in str(s.model_dump())


def test_bad_values_are_one_clear_config_error(
    tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("NEWSBOT_TIMEZONE", "Mars/Base")
    with pytest.raises(ConfigError, match="timezone"):
        load_settings(tmp_path, None)
    clean_env.delenv("NEWSBOT_TIMEZONE")
    (tmp_path / "bot.toml").write_text("poll_interval_minutes = [oops")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(tmp_path, None)


def test_env_example_lists_every_setting() -> None:
    text = (ROOT / ".env.example").read_text()
    names = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, re.M))
    missing = []
    for name, info in Settings.model_fields.items():
        accepted = {f"NEWSBOT_{name.upper()}"}
        alias = info.validation_alias
        if alias is not None:
            accepted |= {str(c) for c in getattr(alias, "choices", [alias])}
        if not accepted & names:
            missing.append(name)
    assert missing == []
    for usual in (
        "DISCORD_TOKEN",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "ANTHROPIC_API_KEY",
    ):
        assert usual in names
    # no value that looks like a real secret is committed
    assert not re.search(r"(xox[bap]-|sk-)[A-Za-z0-9]{6,}", text)


def test_shipped_bot_toml_matches_settings_and_loads(clean_env: pytest.MonkeyPatch) -> None:
    raw = tomllib.loads((ROOT / "config" / "bot.toml").read_text())
    keys = {k for table in raw.values() for k in table} if raw else set()
    unknown = keys - set(Settings.model_fields) - {"console_post_time"}
    assert unknown == set()
    s = load_settings(ROOT / "config", None)
    assert s.timezone == "UTC" and s.backend == "extractive"


def test_shipped_feeds_are_20_plus_real_sources() -> None:
    specs = load_feed_specs(ROOT / "config" / "feeds.toml")
    assert len(specs) >= 20
    assert all(s.url.startswith("https://") and s.tags and s.weight > 0 for s in specs)
    assert len({s.url for s in specs}) == len(specs)
    urls = " ".join(s.url for s in specs)
    for must in (
        "openai.com",
        "deepmind.google",
        "huggingface.co",
        "arxiv.org/rss/cs.AI",
        "arxiv.org/rss/cs.CL",
        "hnrss.org",
        "techcrunch.com",
        "simonwillison.net",
    ):
        assert must in urls


def test_every_setting_has_a_row_in_the_configuration_guide() -> None:
    """A newcomer looks a setting up in docs/configuration.md: each one has a row there,
    with the environment variable that sets it."""
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r"^\| `(\w+)` \| `(NEWSBOT_\w+)", (ROOT / "docs/configuration.md").read_text(), re.M
        )
    }
    missing = [name for name in Settings.model_fields if name not in rows]
    assert not missing, f"settings missing from docs/configuration.md: {missing}"
    assert all(env == f"NEWSBOT_{name.upper()}" for name, env in rows.items())
