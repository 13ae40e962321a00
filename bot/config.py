"""Settings: CLI flag > environment > .env > config/bot.toml > built-in default.

Nothing is read at import time; call ``load_settings()``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

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
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.errors import ConfigError
from bot.models import FeedSpec

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
    log_level: str = "INFO"

    # polling
    poll_interval_minutes: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 45.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_concurrency: int = 64
    per_host_concurrency: int = 2
    backoff_base_minutes: float = 5.0
    backoff_max_minutes: float = 24 * 60.0
    min_poll_interval_minutes: float = 5.0
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_networks: bool = False
    full_text_min_words: int = 80
    fetch_log_keep: int = 20

    # digest
    timezone: str = "UTC"
    backend: Literal["extractive", "openai", "anthropic"] = "extractive"
    persona_name: str = "The Desk"
    max_stories: int = 8
    llm_timeout: float = 60.0
    llm_retries: int = 3
    story_token_budget: int = 1500
    digest_token_budget: int = 12000
    max_output_tokens: int = 900
    # the model's context window: prompt + reply always fit in it (Ollama gets it as num_ctx)
    llm_context_tokens: int = 8192
    llm_temperature: float = 0.2
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
    discord_shard_ids: list[int] = Field(default_factory=list)
    slack_bot_token: SecretStr | None = Field(None, validation_alias=_env("SLACK_BOT_TOKEN"))
    slack_app_token: SecretStr | None = Field(None, validation_alias=_env("SLACK_APP_TOKEN"))
    slack_signing_secret: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_SIGNING_SECRET")
    )
    slack_api_url: str = "https://slack.com/api/"
    slack_admin_users: list[str] = Field(default_factory=list)
    slack_http_port: int | None = None
    # HTTP mode listens here; all interfaces by default (Docker, a reverse proxy in front)
    slack_http_host: str = "0.0.0.0"

    # scheduling
    missed_post_grace_minutes: float = 120.0
    post_retries: int = 5

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
        config_dir = Path(os.environ.get("NEWSBOT_CONFIG_DIR", str(DEFAULT_CONFIG_DIR)))
        override = _CONFIG_DIR_OVERRIDE.get("dir")
        if override is not None:
            config_dir = override
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
    """Build settings. ``overrides`` are CLI flags (highest precedence); None values are ignored."""
    flags = {k: v for k, v in overrides.items() if v is not None}
    if config_dir is not None:
        _CONFIG_DIR_OVERRIDE["dir"] = Path(config_dir)
        flags["config_dir"] = Path(config_dir)
    else:
        _CONFIG_DIR_OVERRIDE.pop("dir", None)
        env_dir = os.environ.get("NEWSBOT_CONFIG_DIR")
        if env_dir:
            flags.setdefault("config_dir", Path(env_dir))
    try:
        return Settings(_env_file=env_file, **flags)  # type: ignore[call-arg]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "settings"
        raise ConfigError(f"invalid setting {where}: {first.get('msg')}") from exc
    finally:
        _CONFIG_DIR_OVERRIDE.pop("dir", None)


def load_feed_specs(path: Path) -> list[FeedSpec]:
    """Read config/feeds.toml: ``[[feed]]`` tables with name, url, tags, weight, full_text."""
    if not path.is_file():
        raise ConfigError(f"feeds file not found: {path}", hint="pass --config DIR or create it")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    specs: list[FeedSpec] = []
    seen: set[str] = set()
    for i, item in enumerate(raw.get("feed", [])):
        name, url = item.get("name"), item.get("url")
        if not name or not url:
            raise ConfigError(f"{path}: feed #{i + 1} needs both name and url")
        if name.lower() in seen:
            raise ConfigError(f"{path}: duplicate feed name {name!r}")
        seen.add(name.lower())
        specs.append(
            FeedSpec(
                name=str(name),
                url=str(url),
                tags=tuple(str(t) for t in item.get("tags", ())),
                weight=float(item.get("weight", 1.0)),
                full_text=item.get("full_text"),
            )
        )
    return specs
