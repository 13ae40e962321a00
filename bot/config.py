"""Settings: CLI flag > environment > .env > config/bot.toml > built-in default.

Nothing is read at import time; call ``load_settings()``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.config_check import (
    config_dir_from,
    explain_validation_error,
    reject_unknown_env,
    reject_unknown_toml_keys,
)
from bot.config_feeds import load_feed_specs
from bot.errors import ConfigError, NewsbotError

__all__ = ["ConfigError", "Settings", "load_feed_specs", "load_settings"]

DEFAULT_CONFIG_DIR = Path("config")
DEFAULT_USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot-dev/newsbot; AI-news digest bot)"


def _env(name: str) -> AliasChoices:
    """Accept NEWSBOT_<NAME> and the usual bare name (DISCORD_TOKEN, OPENAI_API_KEY, ...)."""
    return AliasChoices(f"NEWSBOT_{name}", name)


class _TomlSource(PydanticBaseSettingsSource):
    """Reads the [bot] table (or the top level) of config/bot.toml."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        super().__init__(settings_cls)
        self._data: dict[str, Any] = {}
        if path.is_file():
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
            except UnicodeDecodeError as exc:
                raise ConfigError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
            reject_unknown_toml_keys(raw, set(settings_cls.model_fields), path)
            flat: dict[str, Any] = {}
            for key, value in raw.items():
                if isinstance(value, dict):
                    flat.update(value)  # sections are for humans; keys are unique
                else:
                    flat[key] = value
            self._data = flat

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    config_dir: Path = DEFAULT_CONFIG_DIR
    database_url: str = "sqlite+aiosqlite:///data/newsbot.db"
    data_dir: Path = Path("data")
    # a misspelt level ("LOUD") was taken silently and logged at INFO
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # polling
    poll_interval_minutes: float = Field(30.0, ge=1, le=7 * 24 * 60)
    connect_timeout: float = Field(10.0, gt=0, le=600)
    read_timeout: float = Field(20.0, gt=0, le=600)
    total_timeout: float = Field(45.0, gt=0, le=3600)
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1024, le=1024**3)
    max_redirects: int = Field(5, ge=0, le=30)
    max_concurrency: int = Field(64, ge=1, le=1024)
    per_host_concurrency: int = Field(2, ge=1, le=64)
    backoff_base_minutes: float = Field(5.0, ge=0, le=7 * 24 * 60)
    backoff_max_minutes: float = Field(24 * 60.0, ge=0, le=30 * 24 * 60)
    min_poll_interval_minutes: float = Field(5.0, ge=0, le=7 * 24 * 60)
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_networks: bool = False
    full_text_min_words: int = Field(80, ge=0, le=100_000)
    full_text_concurrency: int = Field(8, ge=1, le=256)  # article pages fetched at once
    fetch_log_keep: int = Field(20, ge=1, le=10_000)

    # digest
    timezone: str = "UTC"
    backend: Literal["extractive", "openai", "anthropic"] = "extractive"
    persona_name: str = "The Desk"
    max_stories: int = Field(8, ge=1, le=50)
    llm_timeout: float = Field(60.0, gt=0, le=3600)
    llm_retries: int = Field(3, ge=0, le=20)
    story_token_budget: int = Field(1500, ge=100, le=1_000_000)
    digest_token_budget: int = Field(12000, ge=100, le=10_000_000)
    max_output_tokens: int = Field(900, ge=16, le=100_000)
    # the model's context window: prompt + reply always fit in it (Ollama gets it as num_ctx)
    llm_context_tokens: int = Field(8192, ge=512, le=10_000_000)
    llm_temperature: float = Field(0.2, ge=0, le=2)
    llm_examples: bool = True  # send the example stories of persona.md with the rules
    # "auto": Ollama's native API when openai_base_url is on port 11434, else OpenAI's
    llm_api: Literal["auto", "openai", "ollama"] = "auto"

    # LLM backends
    openai_base_url: str = Field(
        "https://api.openai.com/v1", validation_alias=_env("OPENAI_BASE_URL")
    )
    openai_api_key: SecretStr | None = Field(None, validation_alias=_env("OPENAI_API_KEY"))
    openai_model: str = Field("gpt-4o-mini", validation_alias=_env("OPENAI_MODEL"))
    anthropic_base_url: str = Field(
        "https://api.anthropic.com", validation_alias=_env("ANTHROPIC_BASE_URL")
    )
    anthropic_api_key: SecretStr | None = Field(None, validation_alias=_env("ANTHROPIC_API_KEY"))
    anthropic_model: str = Field(
        "claude-3-5-haiku-latest", validation_alias=_env("ANTHROPIC_MODEL")
    )

    # optional grouping signal: an OpenAI-compatible /v1/embeddings endpoint (off when unset)
    embeddings_base_url: str | None = None  # e.g. http://localhost:11434/v1 (Ollama)
    embeddings_model: str = "nomic-embed-text"
    embeddings_api_key: SecretStr | None = None

    # chat platforms
    discord_token: SecretStr | None = Field(None, validation_alias=_env("DISCORD_TOKEN"))
    discord_dev_guild_id: int | None = Field(None, validation_alias=_env("DISCORD_DEV_GUILD_ID"))
    discord_api_url: str = "https://discord.com/api/v10"
    # gateway sharding across processes: the same count everywhere, each its own ids
    discord_shard_count: int | None = Field(None, ge=1)
    discord_shard_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    slack_bot_token: SecretStr | None = Field(None, validation_alias=_env("SLACK_BOT_TOKEN"))
    slack_app_token: SecretStr | None = Field(None, validation_alias=_env("SLACK_APP_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_SIGNING_SECRET")
    )
    slack_api_url: str = "https://slack.com/api/"
    # NoDecode: `U1,U2` from the environment is split below, not parsed as JSON first
    slack_admin_users: Annotated[list[str], NoDecode] = Field(default_factory=list)
    slack_http_port: int | None = Field(None, ge=1, le=65535)
    # HTTP mode listens here; all interfaces by default (Docker, a reverse proxy in front)
    slack_http_host: str = "0.0.0.0"

    # scheduling
    missed_post_grace_minutes: float = Field(120.0, ge=0, le=24 * 60)
    post_retries: int = Field(5, ge=0, le=50)
    # console mode's daily post time (HH:MM in `timezone`); `run --post-time` overrides it
    console_post_time: str = "08:00"
    # `newsbot run` polls, makes the next scheduled post and exits (`run --once`)
    run_once: bool = False
    # the running bot writes <data_dir>/heartbeat.json this often; `doctor --health` fails
    # when it is 4 beats old
    heartbeat_seconds: float = Field(30.0, ge=1, le=3600)

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_any_case(cls, v: Any) -> Any:
        return v.strip().upper() if isinstance(v, str) else v

    @field_validator("slack_admin_users", "discord_shard_ids", mode="before")
    @classmethod
    def _split_csv(cls, v: Any) -> Any:
        if isinstance(v, str):
            return [p.strip() for p in v.split(",") if p.strip()]
        return v

    @field_validator(
        "openai_api_key",
        "anthropic_api_key",
        "discord_token",
        "slack_bot_token",
        "slack_app_token",
        "slack_signing_secret",
        mode="before",
    )
    @classmethod
    def _strip_secret(cls, v: Any) -> Any:
        # a CRLF .env leaves "\r" on the key: httpx refuses the header and shows the key
        if isinstance(v, SecretStr):
            v = v.get_secret_value()
        return (v.strip() or None) if isinstance(v, str) else v

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        count = self.discord_shard_count
        if self.discord_shard_ids and not count:
            raise ValueError("discord_shard_ids needs discord_shard_count")
        if count and any(not 0 <= i < count for i in self.discord_shard_ids):
            raise ValueError(f"discord_shard_ids must be between 0 and {count - 1}")
        return self

    @field_validator("console_post_time")
    @classmethod
    def _check_time(cls, v: str) -> str:
        from bot.validate import validate_time

        try:
            return validate_time(v)
        except NewsbotError as exc:
            raise ValueError(f"{exc} (write it as HH:MM, e.g. 08:00)") from exc

    @field_validator("timezone")
    @classmethod
    def _check_tz(cls, v: str) -> str:
        from bot.validate import find_zone

        if find_zone(v) is None:
            raise ValueError(f"unknown time zone {v!r} (use an IANA name like Europe/Berlin)")
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_dir = _CONFIG_DIR_OVERRIDE.get("dir") or Path(
            os.environ.get("NEWSBOT_CONFIG_DIR", str(DEFAULT_CONFIG_DIR))
        )
        toml = _TomlSource(settings_cls, config_dir / "bot.toml")
        return (init_settings, env_settings, dotenv_settings, toml)

    # convenience ---------------------------------------------------------
    @property
    def feeds_file(self) -> Path:
        return self.config_dir / "feeds.toml"

    def secret(self, name: str) -> str | None:
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else None


_CONFIG_DIR_OVERRIDE: dict[str, Path] = {}


def load_settings(
    config_dir: str | Path | None = None,
    env_file: str | Path | None = ".env",
    **overrides: Any,
) -> Settings:
    """Build settings. ``overrides`` are CLI flags (highest precedence); None values are ignored.

    The config directory is ``config_dir`` (``--config``) > NEWSBOT_CONFIG_DIR in the
    environment > in ``.env`` > ./config > the defaults shipped in the package. One named
    explicitly must exist. Unknown NEWSBOT_* names (environment or .env) and unknown bot.toml
    keys are errors with a "did you mean", so a typo never silently does nothing."""
    flags = {k: v for k, v in overrides.items() if v is not None}
    dotenv = Path(env_file) if env_file is not None else None
    known = _known_env_names()
    reject_unknown_env(os.environ, known, "the environment")
    if dotenv is not None and dotenv.is_file():
        reject_unknown_env(_read_dotenv(dotenv), known, str(dotenv))
    resolved = config_dir_from(
        config_dir, os.environ, _read_dotenv(dotenv) if dotenv else {}, DEFAULT_CONFIG_DIR
    )
    _CONFIG_DIR_OVERRIDE["dir"] = resolved
    flags["config_dir"] = resolved
    try:
        return Settings(_env_file=env_file, **flags)  # type: ignore[call-arg]
    except ValidationError as exc:
        raise ConfigError(explain_validation_error(exc, Settings, resolved)) from exc
    finally:
        _CONFIG_DIR_OVERRIDE.pop("dir", None)


# names read outside Settings: the test suite's PostgreSQL switch
_OTHER_ENV = frozenset({"NEWSBOT_TEST_DATABASE_URL"})


def _known_env_names() -> set[str]:
    names = set(_OTHER_ENV)
    for name, info in Settings.model_fields.items():
        names.add(f"NEWSBOT_{name.upper()}")
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names |= {str(c) for c in alias.choices}
    return names


def _read_dotenv(path: Path) -> dict[str, str | None]:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    try:
        return dict(dotenv_values(path, encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
